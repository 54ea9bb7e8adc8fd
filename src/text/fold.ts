/**
 * Case and accent folding shared by every French text comparison in the project.
 *
 * Folding keeps string length stable where it can (one output char per input char for plain
 * accents) but ligatures expand: `œ` → `oe`, `æ` → `ae`, `ß` → `ss`.
 */

const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss' };

/** Apostrophes and hyphens that French typography uses interchangeably with the ASCII ones. */
export const APOSTROPHES = "'\u2019\u02bc\u2018`";
export const HYPHENS = '-\u2010\u2011\u2012\u2013\u2014';

/**
 * Lower-cases, removes diacritics and expands ligatures.
 *
 * @example fold('Œuvre de Choïgou') === 'oeuvre de choigou'
 */
export function fold(text: string): string {
  // Words recur endlessly in a corpus: folding each distinct short string once is most of the
  // analyser's speed. Long strings (whole sentences) are not worth keeping.
  if (text.length > MEMO_MAX_LENGTH) return foldUncached(text);
  let folded = memo.get(text);
  if (folded === undefined) {
    if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
    folded = foldUncached(text);
    memo.set(text, folded);
  }
  return folded;
}

const MEMO_MAX_LENGTH = 40;
const MEMO_MAX_ENTRIES = 500_000;
const memo = new Map<string, string>();

function foldUncached(text: string): string {
  return text
    .replace(/[œŒæÆß]/g, (c) => LIGATURES[c] ?? c)
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase();
}
