/**
 * Segments of published articles built in a worker thread (segment-worker.ts) at a lower priority
 * than the thread answering members, and restored here from their saved form: the same segment
 * as one built in place (the start-up cache rests on that equality), without its build's work
 * and garbage on the serving thread. At 100 000 paragraphs, building segments was 15 % of the
 * serving thread's time while publishing (bench:publish profile), and it competed for the
 * 2 cores with every shard's queries. One worker per process, started on first need or by
 * {@link warmSegmentThread}; it keeps the process alive only while a build waits.
 */
import type { Article, Source } from '../corpus/types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { namesBefore, type KnowledgeSegment } from '../knowledge/knowledge-segment.js';
import { restoreSegment } from '../knowledge/saved-segment.js';
import { TextTable } from '../knowledge/text-table.js';
import { startModuleWorker } from '../threads/module-worker.js';
import { processWide, threadRequests, type ReadReply } from '../threads/thread-requests.js';
import type { SegmentData, SegmentReply, SegmentRequest } from './segment-thread-messages.js';

/** The process's segment worker and the builds waiting for it. */
interface Connection {
  build(base: KnowledgeBase, articles: readonly Article[], sources: readonly Source[]): Promise<SegmentData>;
  readonly stopped: () => Error | undefined;
}

/** The process's segment worker, started on first need (and again if it stopped). */
const connection = processWide(connect);

function connect(): Connection {
  const worker = startModuleWorker(new URL('./segment-worker.ts', import.meta.url), import.meta.url);
  const readReply: ReadReply = (message) => {
    const reply = message as SegmentReply;
    return 'error' in reply ? { id: reply.id, error: new Error(reply.error) } : { id: reply.id, value: reply.segment };
  };
  const requests = threadRequests(worker, 'segment', readReply);
  // Each base is sent once, under a number of this worker's own.
  const bases = new WeakMap<KnowledgeBase, number>();
  let nextBase = 1;
  return {
    build(base, articles, sources) {
      if (requests.stopped()) return Promise.reject(requests.stopped());
      let number = bases.get(base);
      if (number === undefined) {
        bases.set(base, (number = nextBase++));
        requests.send({ op: 'base', base: number, aliases: base.corpus.aliases, before: namesBefore(base) } satisfies SegmentRequest);
      }
      const known = number;
      return requests.ask<SegmentData>((id) => ({ op: 'build', id, base: known, articles, sources }) satisfies SegmentRequest);
    },
    stopped: requests.stopped,
  };
}

/** Starts the process's segment worker now, so that the first publish does not wait for it to load. */
export function warmSegmentThread(): void {
  connection();
}

/**
 * The segment of `articles` over `base` (read with the base's names, `sources` the
 * composition's), built in the segment worker. Rejects when the worker fails or stops; the
 * caller may then build it in place.
 */
export async function buildSegmentInThread(base: KnowledgeBase, articles: readonly Article[], sources: readonly Source[]): Promise<KnowledgeSegment> {
  const data = await connection().build(base, articles, sources);
  return restoreSegment(articles, sources, { index: data.index, facts: TextTable.fromData(data.facts), timeline: data.timeline, names: { ...data.names, read: TextTable.fromData(data.names.read) } });
}
