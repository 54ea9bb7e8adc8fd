/**
 * A paragraph as the attribution of quotations reads it: its words outside quotation marks, each
 * quotation standing as one item among them, cut into sentences that a full stop inside a
 * quotation does not end (`« Nous irons. Rien ne nous arrêtera », a-t-il dit.` is one sentence).
 * Words are cut where a known name ends, so a name glued to the next word by a typo
 * (`Kim Jong-Una salué`) still leaves its verb readable.
 */
import { TITLES, tokenize } from './names.js';
import type { Span } from './sentences.js';

/** One word, punctuation mark or quotation of a paragraph. */
export interface Item extends Span {
  readonly text: string;
  /** Lower-cased, accents kept, `’` as `'`. */
  readonly lower: string;
  /** Lower-cased without accents, `’` as `'`. */
  readonly folded: string;
  readonly word: boolean;
  /** Starts with a capital letter. */
  readonly cap: boolean;
  readonly acronym: boolean;
  /** The quotation this item stands for (an index into the quotations given), when it is one. */
  readonly quote?: number;
}

/** A sentence: the items `[from, to)`. */
export interface Sentence {
  readonly from: number;
  readonly to: number;
}

/** Abbreviations whose full stop does not end a sentence (with {@link TITLES} and initials). */
const ABBREVIATIONS = new Set(['dr', 'pr', 'me', 'st', 'ste', 'gen', 'col', 'lt', 'sgt', 'mr', 'mrs', 'ms', 'jr', 'sr', 'etc', 'cf', 'no', 'n°', 'vs']);
const ENDERS = new Set(['.', '!', '?', '…']);

/**
 * The items of `region` of `text`: its words and marks, except those inside `quotes` (each
 * quotation is one item, at its opening mark), cut where one of `cuts` falls inside a word.
 */
export function itemsOf(text: string, region: Span, quotes: readonly Span[], cuts: readonly number[]): Item[] {
  const words: Item[] = [];
  const shifted = (t: Item, by: number): Item => (by === 0 ? t : { text: t.text, lower: t.lower, folded: t.folded, start: by + t.start, end: by + t.end, word: t.word, cap: t.cap, acronym: t.acronym });
  // One pass over the region; only a word a cut falls inside is read again, in two.
  for (const t of tokenize(text.slice(region.start, region.end))) {
    const start = region.start + t.start;
    const end = region.start + t.end;
    const inside = cuts.filter((c) => c > start && c < end);
    if (inside.length === 0) {
      words.push(shifted(t, region.start));
      continue;
    }
    const bounds = [start, ...[...new Set(inside)].sort((a, b) => a - b), end];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const from = bounds[k] as number;
      for (const u of tokenize(text.slice(from, bounds[k + 1]))) words.push(shifted(u, from));
    }
  }
  const items: Item[] = [];
  let q = 0;
  const sorted = quotes.map((span, index) => ({ span, index })).sort((a, b) => a.span.start - b.span.start);
  for (const w of words) {
    while (q < sorted.length && (sorted[q]?.span.end ?? 0) <= w.start) q++;
    const inside = sorted[q];
    if (inside && w.start >= inside.span.start) {
      if (w.start === inside.span.start) items.push({ text: text.slice(inside.span.start, inside.span.end), lower: '', folded: '', start: inside.span.start, end: inside.span.end, word: false, cap: false, acronym: false, quote: inside.index });
      continue;
    }
    items.push(w);
  }
  // A quotation whose opening mark is not a token of its own (never the case for the marks we
  // read, but cheap to guarantee) still gets its item.
  for (const { span, index } of sorted) {
    if (!items.some((i) => i.quote === index)) {
      const at = items.findIndex((i) => i.start > span.start);
      items.splice(at < 0 ? items.length : at, 0, { text: text.slice(span.start, span.end), lower: '', folded: '', start: span.start, end: span.end, word: false, cap: false, acronym: false, quote: index });
    }
  }
  return items;
}

/**
 * Sentences of items: a sentence ends at `.`, `!`, `?` or `…` outside quotation marks, followed
 * by a capitalised word, a digit or a quotation; or at a quotation whose own words end with one
 * of those, followed by a capitalised word (`« … jusqu'au bout. » Il est parti.`). A full stop
 * after a title (`M.`), an initial or a common abbreviation ends nothing.
 */
export function sentencesOf(items: readonly Item[], quoteEndsSentence: (quote: number) => boolean): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Item;
    const next = items[i + 1];
    if (!next) break;
    const startsSentence = next.quote !== undefined || next.cap || /^\p{N}/u.test(next.text);
    let ends = false;
    if (item.quote !== undefined) ends = quoteEndsSentence(item.quote) && next.cap && next.word;
    else if (ENDERS.has(item.text) && startsSentence) ends = !(item.text === '.' && isAbbreviation(items[i - 1]));
    if (ends) {
      out.push({ from, to: i + 1 });
      from = i + 1;
    }
  }
  if (from < items.length) out.push({ from, to: items.length });
  return out;
}

function isAbbreviation(before: Item | undefined): boolean {
  if (!before?.word) return false;
  return TITLES.has(before.text) || /^\p{Lu}$/u.test(before.text) || ABBREVIATIONS.has(before.folded);
}
