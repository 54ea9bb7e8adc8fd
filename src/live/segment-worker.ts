/**
 * The segment worker thread: builds the segments of published articles (segment-thread.ts) at a
 * lower priority than the serving thread, and sends them back in their saved form. Builds run in
 * slices, the smallest first: a publish's one-article segment is not kept waiting behind a
 * merge's segment of hundreds of articles asked for just before it.
 */
import { parentPort } from 'node:worker_threads';
import { segmentSteps, type KnowledgeSegment } from '../knowledge/knowledge-segment.js';
import { saveSegment } from '../knowledge/saved-segment.js';
import type { SpellingGroup } from '../text/entities.js';
import type { Stepwise } from '../text/stepwise.js';
import { lowerThisThreadPriority } from '../threads/background-priority.js';
import type { SegmentReply, SegmentRequest } from './segment-thread-messages.js';

const port = parentPort;
if (!port) throw new Error('recoupe: segment-worker.ts runs as a worker thread (see segment-thread.ts)');

lowerThisThreadPriority();

/**
 * How long a build runs before the worker looks at its messages again (a newer, smaller build
 * may be waiting). Nobody's query waits on this thread, so slices can be longer than the serving
 * thread's 4 ms.
 */
const SLICE_MS = 10;

/** A build under way: its steps, and its size in paragraphs (the smallest runs first). */
interface Build {
  readonly id: number;
  readonly size: number;
  readonly steps: Stepwise<KnowledgeSegment>;
}

const bases = new Map<number, { readonly aliases: readonly SpellingGroup[]; readonly before: readonly string[] }>();
const builds: Build[] = [];
let running = false;

const send = (reply: SegmentReply) => port.postMessage(reply);
const failure = (id: number, error: unknown) => send({ id, error: error instanceof Error ? error.message : String(error) });

port.on('message', (request: SegmentRequest) => {
  if (request.op === 'base') {
    bases.set(request.base, { aliases: request.aliases, before: request.before });
    return;
  }
  const base = bases.get(request.base);
  if (!base) {
    failure(request.id, new Error(`recoupe: segment worker: no base ${request.base}`));
    return;
  }
  const size = request.articles.reduce((n, a) => n + a.paragraphs.length, 0);
  builds.push({ id: request.id, size, steps: segmentSteps(request.articles, request.sources, base.aliases, base.before) });
  if (!running) {
    running = true;
    setImmediate(runSlice);
  }
});

/** Runs the smallest build for a slice, sends it back if done, and comes back after the messages that arrived meanwhile. */
function runSlice(): void {
  const build = builds.reduce((best, b) => (b.size < best.size ? b : best));
  const until = performance.now() + SLICE_MS;
  try {
    let step = build.steps.next();
    while (!step.done && performance.now() < until) step = build.steps.next();
    if (step.done) {
      builds.splice(builds.indexOf(build), 1);
      const saved = saveSegment(step.value);
      send({ id: build.id, segment: { index: saved.index, facts: saved.facts.data(), timeline: saved.timeline, names: { firstPass: saved.names.firstPass, known: saved.names.known, read: saved.names.read.data() } } });
    }
  } catch (error) {
    builds.splice(builds.indexOf(build), 1);
    failure(build.id, error);
  }
  if (builds.length > 0) setImmediate(runSlice);
  else running = false;
}
