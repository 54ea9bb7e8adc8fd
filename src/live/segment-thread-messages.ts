/**
 * What the serving thread and the segment worker (segment-thread.ts, segment-worker.ts) send each
 * other. Plain data only: it crosses by structured clone.
 */
import type { Article, Source } from '../corpus/types.js';
import type { SavedParagraphIndex } from '../search/paragraph-index.js';
import type { SpellingGroup } from '../text/entities.js';
import type { TableData } from '../knowledge/text-table.js';


export type SegmentRequest =
  /** What every segment over a base is read with (sent once per base, before its first build). */
  | { readonly op: 'base'; readonly base: number; readonly aliases: readonly SpellingGroup[]; readonly before: readonly string[] }
  | { readonly op: 'build'; readonly id: number; readonly base: number; readonly articles: readonly Article[]; readonly sources: readonly Source[] };

/** A segment in its saved form, tables as their arrays. */
export interface SegmentData {
  readonly index: SavedParagraphIndex;
  readonly facts: TableData;
  readonly timeline: Int32Array;
  readonly names: { readonly firstPass: readonly string[]; readonly known: readonly string[]; readonly read: TableData };
}

export type SegmentReply = { readonly id: number; readonly segment: SegmentData } | { readonly id: number; readonly error: string };
