/**
 * The live corpus's use of the knowledge base's segments (src/knowledge): a segment built at once
 * (one published article: a few milliseconds) or cooperatively (start-up loads, merges, rebuilds
 * after a removal: the event loop keeps serving queries meanwhile), and the base composed with a
 * server's outlets and segments.
 */
import type { Article, Source } from '../corpus/types.js';
import { composeKnowledgeBase } from '../knowledge/compose.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { buildSegment, buildSegmentYielding as buildYielding, type KnowledgeSegment } from '../knowledge/knowledge-segment.js';

/** One segment of a server's articles. */
export type Segment = KnowledgeSegment;

/** Builds a segment synchronously. `sources`: the base's outlets then the server's, in that order. */
export function buildSegmentNow(base: KnowledgeBase, sources: readonly Source[], articles: readonly Article[]): Segment {
  return buildSegment(base, articles, sources);
}

/** Builds a segment in slices, yielding to the event loop between them. */
export function buildSegmentYielding(base: KnowledgeBase, sources: readonly Source[], articles: readonly Article[]): Promise<Segment> {
  return buildYielding(base, articles, sources);
}

/** The base with a server's outlets and segments. */
export function compose(base: KnowledgeBase, sources: readonly Source[], segments: readonly Segment[]): KnowledgeBase {
  return composeKnowledgeBase(base, { sources, segments });
}
