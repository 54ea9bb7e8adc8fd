/**
 * Building the knowledge base in several threads: the corpus is cut into consecutive parts, each
 * read by a worker (build-worker.ts) as a one-piece build reads its paragraphs, and the parts are
 * joined into the one segment that build would make. The same bytes are saved either way
 * (test/knowledge/parallel-build.test.ts), so the cache, the answers and every composition over
 * the base do not depend on how it was built.
 *
 * Two readings cross threads because one depends on the whole corpus: a paragraph's names are
 * read knowing every name some paragraph shows on its own evidence. The workers find those
 * first, with the index, the facts and the timeline of their part; the building thread joins
 * them, and the workers read their paragraphs again knowing them all.
 */
import { availableParallelism } from 'node:os';
import type { Corpus } from '../corpus/types.js';
import { FIELD_COUNT, joinPostings } from '../search/postings.js';
import { VocabularyBuilder } from '../search/vocabulary.js';
import { knownNamesOf } from '../text/known-names.js';
import { startModuleWorker } from '../threads/module-worker.js';
import { threadRequests, type ReadReply, type ThreadRequests } from '../threads/thread-requests.js';
import type { BuildPartReply, PartReading } from './build-part-messages.js';
import { baseOf, buildKnowledgeBase } from './build.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { restoreSegment, type SavedSegment } from './saved-segment.js';
import { TextTable, type TableData } from './text-table.js';
import { joinTimelines, type PartTimeline } from './timeline.js';

/**
 * Below this many paragraphs a corpus is built in the calling thread: starting a worker (and
 * tsx in it) costs more than the work it would take over.
 */
export const PARALLEL_BUILD_MIN_PARAGRAPHS = 20_000;

/** The threads a build uses by default: one per core the process may run on. */
export function defaultBuildThreads(): number {
  return availableParallelism();
}

/**
 * {@link buildKnowledgeBase} in `threads` worker threads, with the same result. A corpus smaller
 * than {@link PARALLEL_BUILD_MIN_PARAGRAPHS} (unless `minParagraphs` says otherwise) or a single
 * thread is built in place. Rejects when a worker fails; the workers are stopped either way.
 */
export async function buildKnowledgeBaseInThreads(corpus: Corpus, threads: number, minParagraphs = PARALLEL_BUILD_MIN_PARAGRAPHS): Promise<KnowledgeBase> {
  const paragraphs = corpus.articles.reduce((n, a) => n + a.paragraphs.length, 0);
  const parts = paragraphs < minParagraphs ? [] : partsOf(corpus, paragraphs, threads);
  if (parts.length < 2) return buildKnowledgeBase(corpus);
  const workers = parts.map(() => startPartWorker());
  try {
    const readings = await Promise.all(
      parts.map((articles, p) => (workers[p] as PartWorker).ask<PartReading>((id) => ({ op: 'read', id, articles, sources: corpus.sources }))),
    );
    const firstPass = [...new Set(readings.flatMap((r) => r.firstPass))];
    const known = knownNamesOf(new Set(firstPass), corpus.aliases);
    const reads = await Promise.all(workers.map((w) => w.ask<TableData>((id) => ({ op: 'names', id, known }))));
    return baseOf(corpus, restoreSegment(corpus.articles, corpus.sources, joined(corpus, readings, reads, firstPass, known)));
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
}

/** A build worker: its requests, and how to stop it. */
interface PartWorker extends Pick<ThreadRequests, 'ask'> {
  stop(): Promise<number>;
}

function startPartWorker(): PartWorker {
  const worker = startModuleWorker(new URL('./build-worker.ts', import.meta.url), import.meta.url);
  const readReply: ReadReply = (message) => {
    const reply = message as BuildPartReply;
    if ('error' in reply) return { id: reply.id, error: new Error(reply.error) };
    return { id: reply.id, value: 'reading' in reply ? reply.reading : reply.read };
  };
  const requests = threadRequests(worker, 'build', readReply);
  return { ask: requests.ask, stop: () => worker.terminate() };
}

/** The corpus's articles (`total` paragraphs) in at most `threads` consecutive runs of about as many paragraphs each. */
function partsOf(corpus: Corpus, total: number, threads: number): Corpus['articles'][] {
  const parts: Corpus['articles'][] = [];
  let part: Corpus['articles'][number][] = [];
  let counted = 0;
  for (const article of corpus.articles) {
    part.push(article);
    counted += article.paragraphs.length;
    if (counted >= (total * (parts.length + 1)) / threads && parts.length < threads - 1) {
      parts.push(part);
      part = [];
    }
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

/** The parts' readings joined into the saved form of the one segment of the corpus. */
function joined(corpus: Corpus, readings: readonly PartReading[], reads: readonly TableData[], firstPass: readonly string[], known: readonly string[]): SavedSegment {
  const vocabulary = new VocabularyBuilder();
  for (const r of readings) vocabulary.absorb(r.vocabulary);
  return {
    index: { postings: joinPostings(readings.map((r) => r.postings)), vocabulary: vocabulary.build().toJSON() },
    facts: TextTable.concat(readings.map((r) => TextTable.fromData(r.facts))),
    timeline: joinedTimeline(corpus, readings),
    names: { firstPass, known, read: TextTable.concat(reads.map(TextTable.fromData)) },
  };
}

/** The parts' timelines merged into the corpus's: each part's entries come with what a timeline is ordered by. */
function joinedTimeline(corpus: Corpus, readings: readonly PartReading[]): Int32Array {
  const shortOf = new Map(corpus.sources.map((s) => [s.id, s.short]));
  const shorts: string[] = [];
  for (const article of corpus.articles) for (let n = 0; n < article.paragraphs.length; n++) shorts.push(shortOf.get(article.source) ?? '');
  let docStart = 0;
  const parts = readings.map((r): PartTimeline => {
    const part = { pairs: r.timeline, sortKeys: r.timelineKeys, starts: r.timelineStarts, docStart };
    docStart += r.postings.fieldLengths.length / FIELD_COUNT;
    return part;
  });
  return joinTimelines(parts, (doc) => shorts[doc] as string);
}
