/**
 * What the building thread and a build worker (parallel-build.ts, build-worker.ts) send each
 * other. Plain data only: it crosses by structured clone, typed arrays by transfer.
 */
import type { Article, Source } from '../corpus/types.js';
import type { PostingData } from '../search/postings.js';
import type { CollectedVocabulary } from '../search/vocabulary.js';
import type { TableData } from './text-table.js';

export type BuildPartRequest =
  /** Reads a part's articles: index, facts, timeline, and the names found on their own evidence. */
  | { readonly op: 'read'; readonly id: number; readonly articles: readonly Article[]; readonly sources: readonly Source[] }
  /** Reads the part's paragraphs again for names, knowing every part's first reading. */
  | { readonly op: 'names'; readonly id: number; readonly known: readonly string[] };

/** A part's first reading, by local paragraph id. */
export interface PartReading {
  readonly postings: PostingData;
  readonly vocabulary: CollectedVocabulary;
  /** Each paragraph's dates, figures and places, encoded as the cache saves them. */
  readonly facts: TableData;
  /** Its dates in timeline order, as pairs of local id and position in the paragraph's dates. */
  readonly timeline: Int32Array;
  /** Aligned with the timeline's entries: what they are ordered by besides the paragraph. */
  readonly timelineKeys: readonly string[];
  readonly timelineStarts: Int32Array;
  /** People found on their own evidence, as written, in paragraph order, each once. */
  readonly firstPass: readonly string[];
}

export type BuildPartReply =
  | { readonly id: number; readonly reading: PartReading }
  /** Each paragraph's mentions and dependent runs, encoded as the cache saves them. */
  | { readonly id: number; readonly read: TableData }
  | { readonly id: number; readonly error: string };
