/**
 * The story a comparison stays within. `compare` judges each outlet's best paragraphs on the
 * topic; when the paragraphs about it belong to several stories (two evacuations, a minister in
 * two events), comparing them would set one event's figures against another's. The comparison is
 * then restricted to the dominant story of those paragraphs ({@link storyScope}): each outlet's
 * candidates are its best paragraphs within that story's articles, ranked as the search ranks
 * them, with the search's relative floor applied within the story.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { COVER_FLOOR } from './coverage.js';
import { candidatesBySource, FLOORS, RELATIVE_FLOOR, type Candidate, type PreparedQuery } from './retrieve.js';
import { storiesOf, storyScope, type Story } from './stories.js';

/**
 * Paragraphs per outlet searched before restricting to the story: an outlet's paragraphs on the
 * topic in its few articles of the story rank among its best hundreds even in a large archive.
 */
export const SCOPE_CANDIDATES = 200;

/** Each outlet's candidates, over the whole corpus or within one story. */
export interface ScopedCandidates {
  /** Best first, at most the `k` asked for, per outlet id. */
  readonly bySource: ReadonlyMap<string, readonly Candidate[]>;
  /** The story they are restricted to; undefined when every paragraph about the topic is in one story already. */
  readonly story?: Story;
  /** Articles with a paragraph about the topic in other stories, among the best paragraphs: left out. */
  readonly leftOut: number;
}

/**
 * The candidates `compare` judges: the best `k` of every outlet, as {@link candidatesBySource}
 * gives them, unless those about the topic span several stories; then the best `k` within the
 * story the best of them belong to ({@link storyScope}). `judge` says how much of the topic a
 * candidate holds (coverage.ts's share; `true` counts as all of it), about the topic from `floor`.
 */
export function scopedCandidates(kb: KnowledgeBase, query: PreparedQuery, k: number, judge: (c: Candidate) => number | boolean, floor = COVER_FLOOR): ScopedCandidates {
  const shareOf = (c: Candidate) => Number(judge(c));
  // One search without the relative floor, which is applied here: within the story when scoped.
  const wide = candidatesBySource(kb, query, Math.max(k, SCOPE_CANDIDATES), { ...FLOORS, relative: 0 });
  const whole = new Map<string, readonly Candidate[]>();
  for (const [source, list] of wide) {
    const kept = aboveFloor(list).slice(0, k);
    if (kept.length > 0) whole.set(source, kept);
  }
  const judged = [...whole.values()].flatMap((list) => list.map((c) => ({ c, share: shareOf(c) })));
  const relevant = judged.filter((j) => j.share >= floor).map((j) => j.c);
  const story = storyScope(kb, judged.filter((j) => j.share >= floor).map((j) => ({ doc: j.c.doc, score: j.share })));
  const { ofArticle } = storiesOf(kb);
  const storyOf = (c: Candidate) => ofArticle[kb.index.docArticle[c.doc] ?? -1];
  if (!story || relevant.every((c) => storyOf(c) === story.id)) return { bySource: whole, leftOut: 0 };
  const inStory = new Map<string, readonly Candidate[]>();
  for (const [source, list] of wide) {
    const kept = aboveFloor(list.filter((c) => storyOf(c) === story.id)).slice(0, k);
    if (kept.length > 0) inStory.set(source, kept);
  }
  const leftOut = new Set(relevant.filter((c) => storyOf(c) !== story.id).map((c) => kb.index.docArticle[c.doc])).size;
  return { bySource: inStory, story, leftOut };
}

/** The candidates (best first) within the search's relative floor of the best of them. */
function aboveFloor(list: readonly Candidate[]): readonly Candidate[] {
  const top = list[0]?.score ?? 0;
  return list.filter((c) => c.score >= RELATIVE_FLOOR * top);
}
