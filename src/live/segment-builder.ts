/**
 * The live corpus's use of the knowledge base's segments (src/knowledge): a segment built in the
 * segment worker (segment-thread.ts), or cooperatively in place when the worker cannot (the
 * event loop keeps serving queries meanwhile), and the base composed with a server's outlets
 * and segments, cooperatively too.
 */
import type { Article, Source } from '../corpus/types.js';
import { composeYieldingUnless } from '../knowledge/compose.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { buildSegmentYielding as buildYielding, type KnowledgeSegment } from '../knowledge/knowledge-segment.js';
import { buildSegmentInThread } from './segment-thread.js';

/** One segment of a server's articles. */
export type Segment = KnowledgeSegment;

/**
 * Builds a segment in the segment worker (in slices in place when the worker fails), with the lookup structures its first queries would otherwise make (IndexSegment.prepare).
 */
export async function buildSegmentYielding(base: KnowledgeBase, sources: readonly Source[], articles: readonly Article[]): Promise<Segment> {
  const segment = await buildSegmentInThread(base, articles, sources).catch(() => buildYielding(base, articles, sources));
  segment.index.prepare();
  return segment;
}

/**
 * The base with a server's outlets and segments, composed in slices (queries go on meanwhile);
 * undefined when given up because `abandon()` became true.
 */
export function compose(base: KnowledgeBase, sources: readonly Source[], segments: readonly Segment[], abandon: () => boolean): Promise<KnowledgeBase | undefined> {
  return composeYieldingUnless(base, { sources, segments }, abandon);
}
