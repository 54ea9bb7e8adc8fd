/**
 * How two ordinal counts (`sa troisième visite en un an`) are compared, and when an outlet can be
 * said not to count at all: the one rule of the comparison's count statements (statements.ts),
 * the fact matrix's count rows (fact-matrix.ts) and "Check this claim" (check-claim-counts.ts),
 * so that the three never say different things of the same articles.
 */
import { languageOf } from '../text/analyser.js';
import type { IndexedParagraph } from '../search/paragraph-index.js';

/** Periods within this ratio of each other count as the same period (`quinze jours` ≈ `deux semaines`). */
const SAME_PERIOD_RATIO = 1.5;

/** Two counts' periods (days) are the same: both unsaid, or within {@link SAME_PERIOD_RATIO}. */
export function samePeriod(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Math.max(a, b) / Math.min(a, b) <= SAME_PERIOD_RATIO;
}

/**
 * Any ordinal word as French writes it (`premier`, `2e`, `troisième`, `dixieme`): where one
 * stands, the outlet may count the thing in a way the ordinal reading does not join.
 */
const ORDINAL_WORD = /(?<![\p{L}\p{N}])(?:premi(?:er|ère|ere)s?|secondes?|\p{L}+i[eè]mes?|\d{1,2}(?:e|ème|è|er|re)s?)(?![\p{L}\p{N}])/iu;

/**
 * The outlets that can be said not to count anything: all their articles on the topic are in
 * French (ordinals are read in French only) and hold no ordinal word at all. The others are
 * `unknown` where they give no count: "does not count it" must hold under any wording.
 */
export function countsNothing(covering: ReadonlyArray<{ readonly outlet: string; readonly paragraphs: readonly IndexedParagraph[] }>): Set<string> {
  return new Set(covering.filter((o) => o.paragraphs.every((d) => languageOf(d.article.language) === 'fr' && !ORDINAL_WORD.test(d.paragraph.text))).map((o) => o.outlet));
}
