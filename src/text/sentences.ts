/**
 * Sentence boundaries in French news text, as offsets into the original string (the text itself
 * is never rewritten: excerpts are slices of it).
 */

/** A half-open range `[start, end)` of a text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Abbreviations after which a full stop does not end a sentence (`M. Choïgou`, `MM. Kim`,
 * `av. J.-C.`). Compared without the dot.
 */
const ABBREVIATIONS = new Set(['m', 'mm', 'mme', 'mmes', 'mlle', 'dr', 'pr', 'me', 'st', 'ste', 'etc', 'cf', 'av', 'apr', 'j.-c', 'n°', 'p', 'vol', 'chap', 'env', 'gén', 'col', 'lt', 'cdt', 'sgt']);

/** A closing quote or bracket, possibly after (no-break) spaces: it belongs to the sentence it ends. */
const CLOSING = /^[ \u00a0\u202f]*[»"”’)\]]/u;

/**
 * Splits a paragraph into sentences. A sentence ends at `.`, `!`, `?` or `…` followed by white
 * space and an upper-case letter, a digit, or an opening quote; quotes closing the sentence stay
 * with it. Leading and trailing white space is excluded from each span.
 *
 * @example sentenceSpans('M. Kim a parlé. Il est parti.') // two spans
 */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = skipSpace(text, 0);
  const re = /[.!?…]+/g;
  for (const m of text.matchAll(re)) {
    let end = m.index + m[0].length;
    // Closing quotes (French puts a space before »), brackets: they end the sentence too.
    for (let close = CLOSING.exec(text.slice(end)); close; close = CLOSING.exec(text.slice(end))) end += close[0].length;
    const after = text.slice(end);
    const next = /^\s+(\S)/u.exec(after);
    if (!next?.[1] || !/[\p{Lu}\d«"“(–—-]/u.test(next[1])) continue;
    if (m[0] === '.' && isAbbreviation(text, m.index)) continue;
    if (end > start) spans.push({ start, end });
    start = skipSpace(text, end);
  }
  const last = trimEnd(text, text.length);
  if (last > start) spans.push({ start, end: last });
  return spans;
}

function isAbbreviation(text: string, dotIndex: number): boolean {
  const before = /([\p{L}°.-]+)$/u.exec(text.slice(Math.max(0, dotIndex - 8), dotIndex));
  const word = before?.[1]?.toLowerCase();
  if (!word) return false;
  // A single capital letter before a dot is an initial (J. Smith), not the end of a sentence.
  if (/^\p{Lu}$/u.test(before?.[1] ?? '')) return true;
  return ABBREVIATIONS.has(word);
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/u.test(text[i] ?? '')) i++;
  return i;
}

function trimEnd(text: string, i: number): number {
  while (i > 0 && /\s/u.test(text[i - 1] ?? '')) i--;
  return i;
}
