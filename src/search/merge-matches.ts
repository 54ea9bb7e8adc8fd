/**
 * The matches of a segmented index: each segment's, in global ids, laid out in the order one
 * index over all the paragraphs would have reached them. That order is not sorted by anything a
 * caller sees, but callers keep it between equal scores (the first reached wins a tie), so it is
 * reproduced: one index reaches paragraphs list after list (each ascending by id), and every
 * segment records the step of the walk at which it first reached each of its paragraphs.
 */
import type { Matches } from './bm25.js';

/** What {@link mergeMatches} reads: each scored segment's matches, and where to write. */
export interface SegmentMatches {
  readonly found: ReadonlyArray<{
    readonly matches: Matches;
    /** The scorer's steps of first reach, aligned with `matches.docs` (ascending). */
    readonly steps: Int32Array;
    /** The segment's first document id and first article position. */
    readonly docStart: number;
    readonly articleStart: number;
  }>;
  /**
   * Arrays as long as the whole index (`coverage`: as its articles), overwritten by every query:
   * nothing of a query's size is allocated, so that queries do not keep the garbage collector busy.
   */
  readonly out: { readonly docs: Int32Array; readonly scores: Float64Array; readonly textTerms: Uint32Array; readonly textTypos: Uint32Array; readonly coverage: Float64Array };
}

/** The segments' matches as one index's (ids and article positions made global). */
export function mergeMatches({ found, out }: SegmentMatches): Matches {
  const { coverage } = out;
  // Zeroed first: a segment left out by an article filter writes nothing of its range.
  coverage.fill(0);
  for (const { matches, articleStart } of found) coverage.set(matches.coverage, articleStart);
  const next = new Int32Array(found.length);
  let count = 0;
  const stepAt = (s: number): number => {
    const { matches, steps } = found[s] as SegmentMatches['found'][number];
    const at = next[s] as number;
    return at < matches.count ? (steps[at] as number) : -1;
  };
  for (;;) {
    // The segment whose next paragraph was reached first (between equal steps, the lower ids),
    // then the first other one to come: the first one's run up to there is copied at once.
    let pick = -1;
    for (let s = 0; s < found.length; s++) {
      const step = stepAt(s);
      if (step >= 0 && (pick < 0 || step < stepAt(pick))) pick = s;
    }
    let boundSegment = -1;
    for (let s = 0; s < found.length; s++) {
      const step = stepAt(s);
      if (s !== pick && step >= 0 && (boundSegment < 0 || step < stepAt(boundSegment))) boundSegment = s;
    }
    const bound = boundSegment < 0 ? -1 : stepAt(boundSegment);
    if (pick < 0) break;
    const { matches, steps, docStart } = found[pick] as SegmentMatches['found'][number];
    let at = next[pick] as number;
    for (; at < matches.count; at++) {
      const step = steps[at] as number;
      if (boundSegment >= 0 && (step > bound || (step === bound && boundSegment < pick))) break;
      out.docs[count] = docStart + (matches.docs[at] as number);
      out.scores[count] = matches.scores[at] as number;
      out.textTerms[count] = matches.textTerms[at] as number;
      out.textTypos[count] = matches.textTypos[at] as number;
      count++;
    }
    next[pick] = at;
  }
  return {
    count,
    docs: out.docs.subarray(0, count),
    scores: out.scores.subarray(0, count),
    coverage,
    textTerms: out.textTerms.subarray(0, count),
    textTypos: out.textTypos.subarray(0, count),
  };
}
