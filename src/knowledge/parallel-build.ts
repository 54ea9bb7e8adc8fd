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
import type { Corpus, Source } from '../corpus/types.js';
import { FIELD_COUNT, joinPostings } from '../search/postings.js';
import { VocabularyBuilder } from '../search/vocabulary.js';
import { knownNamesOf } from '../text/known-names.js';
import { startModuleWorker } from '../threads/module-worker.js';
import { threadRequests, type ReadReply, type ThreadRequests } from '../threads/thread-requests.js';
import type { BuildPartReply, PartReading, TableData } from './build-part-messages.js';
import { baseOf, buildKnowledgeBase } from './build.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { restoreSegment, type SavedSegment } from './saved-segment.js';
import { TextTable } from './text-table.js';

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
  const parts = partsOf(corpus, threads);
  const paragraphs = corpus.articles.reduce((n, a) => n + a.paragraphs.length, 0);
  if (parts.length < 2 || paragraphs < minParagraphs) return buildKnowledgeBase(corpus);
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

/** The corpus's articles in at most `threads` consecutive runs of about as many paragraphs each. */
function partsOf(corpus: Corpus, threads: number): Corpus['articles'][] {
  const total = corpus.articles.reduce((n, a) => n + a.paragraphs.length, 0);
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
  const table = ({ bytes, offsets }: TableData) => new TextTable(bytes, offsets);
  return {
    index: { postings: joinPostings(readings.map((r) => r.postings)), vocabulary: vocabulary.build().toJSON() },
    facts: TextTable.concat(readings.map((r) => table(r.facts))),
    timeline: joinedTimeline(corpus, readings),
    names: { firstPass, known, read: TextTable.concat(reads.map(table)) },
  };
}

/**
 * The parts' timelines merged in the order a one-piece timeline sorts (timeline.ts): date, then
 * outlet (by short name, as the locale orders them), paragraph and position.
 */
function joinedTimeline(corpus: Corpus, readings: readonly PartReading[]): Int32Array {
  // Equal short names share a rank: the comparison then goes on to the paragraph, as there.
  const shorts = corpus.sources.map((s) => s.short);
  const order = shorts.map((_, i) => i).sort((a, b) => (shorts[a] as string).localeCompare(shorts[b] as string));
  const rankOfSource = new Map<string, number>();
  let rank = 0;
  order.forEach((s, i) => {
    const previous = order[i - 1];
    if (previous !== undefined && (shorts[previous] as string).localeCompare(shorts[s] as string) !== 0) rank = i;
    rankOfSource.set((corpus.sources[s] as Source).id, rank);
  });
  const docRank: number[] = [];
  for (const article of corpus.articles) for (let n = 0; n < article.paragraphs.length; n++) docRank.push(rankOfSource.get(article.source) ?? 0);
  const docStarts: number[] = [];
  let docStart = 0;
  for (const r of readings) {
    docStarts.push(docStart);
    docStart += r.postings.fieldLengths.length / FIELD_COUNT;
  }
  const out = new Int32Array(readings.reduce((n, r) => n + r.timeline.length, 0));
  const heads = readings.map(() => 0);
  const before = (p: number, q: number): boolean => {
    const a = readings[p] as PartReading;
    const b = readings[q] as PartReading;
    const i = heads[p] as number;
    const j = heads[q] as number;
    const keyA = a.timelineKeys[i] as string;
    const keyB = b.timelineKeys[j] as string;
    if (keyA !== keyB) return keyA < keyB;
    const docA = (a.timeline[2 * i] as number) + (docStarts[p] as number);
    const docB = (b.timeline[2 * j] as number) + (docStarts[q] as number);
    const rankA = docRank[docA] as number;
    const rankB = docRank[docB] as number;
    if (rankA !== rankB) return rankA < rankB;
    if (docA !== docB) return docA < docB;
    return (a.timelineStarts[i] as number) < (b.timelineStarts[j] as number);
  };
  for (let at = 0; at < out.length; at += 2) {
    let best = -1;
    for (let p = 0; p < readings.length; p++) if ((heads[p] as number) < (readings[p] as PartReading).timelineStarts.length && (best < 0 || before(p, best))) best = p;
    const reading = readings[best] as PartReading;
    const i = heads[best] as number;
    out[at] = (reading.timeline[2 * i] as number) + (docStarts[best] as number);
    out[at + 1] = reading.timeline[2 * i + 1] as number;
    heads[best] = i + 1;
  }
  return out;
}
