/**
 * Finding and counting phrases for `/wording`: a paragraph's text folded once (case, accents,
 * apostrophes, hyphens and spaces made uniform) with where each folded character comes from, so
 * that a phrase is counted as exact, word-bounded occurrences and cited where it stands.
 */
import type { Span } from '../text/sentences.js';
import type { IndexedParagraph } from '../search/paragraph-index.js';
import { EXCERPT_MAX_LENGTH } from '../search/excerpt-span.js';
import { excerptOf } from './citations.js';
import type { Excerpt } from './types.js';

export { foldText, phraseKey, type FoldedText } from '../text/folded-text.js';
import { foldText, type FoldedText } from '../text/folded-text.js';

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Word-bounded occurrences of a phrase key in a folded text, as spans of the original text. */
export function occurrences(text: FoldedText, key: string): Span[] {
  const out: Span[] = [];
  if (key === '') return out;
  for (let i = text.folded.indexOf(key); i >= 0; i = text.folded.indexOf(key, i + 1)) {
    const before = text.folded[i - 1];
    const after = text.folded[i + key.length];
    if ((before !== undefined && WORD_CHAR.test(before)) || (after !== undefined && WORD_CHAR.test(after))) continue;
    out.push({ start: text.at[i] as number, end: text.at[i + key.length] as number });
  }
  return out;
}

/**
 * Folded paragraphs, kept per paragraph object (as statements.ts keeps its readings), bounded and
 * cleared when full: the paragraphs of a story are read by every `/wording` on it.
 */
const foldedParagraphs = new Map<IndexedParagraph, FoldedText>();
const FOLDED_MAX = 50_000;

/** A paragraph's text, folded once. */
export function foldedParagraph(doc: IndexedParagraph): FoldedText {
  let found = foldedParagraphs.get(doc);
  if (!found) {
    if (foldedParagraphs.size >= FOLDED_MAX) foldedParagraphs.clear();
    foldedParagraphs.set(doc, (found = foldText(doc.paragraph.text)));
  }
  return found;
}

/** One occurrence of a phrase: the paragraph and where. */
export interface Occurrence {
  readonly doc: IndexedParagraph;
  readonly span: Span;
}

/**
 * Occurrences of several phrases of one referent in paragraphs, longest phrase first and never
 * two overlapping (`militaires bâtisseurs` is not also `bâtisseurs`), per phrase key. A phrase
 * with a `keep` test counts only the occurrences it keeps (`Kiev` as a party, not `à Kiev`).
 */
export function countPhrases(docs: readonly IndexedParagraph[], phrases: ReadonlyArray<{ readonly key: string; readonly keep?: (where: IndexedParagraph, span: Span) => boolean }>): Map<string, Occurrence[]> {
  const keepOf = new Map(phrases.map((p) => [p.key, p.keep]));
  const ordered = [...keepOf.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const out = new Map<string, Occurrence[]>(ordered.map((k) => [k, []]));
  for (const doc of docs) {
    const text = foldedParagraph(doc);
    const taken: Span[] = [];
    for (const key of ordered) {
      const keep = keepOf.get(key);
      for (const span of occurrences(text, key)) {
        if (taken.some((t) => span.start < t.end && t.start < span.end)) continue;
        if (keep && !keep(doc, span)) continue;
        taken.push(span);
        out.get(key)?.push({ doc, span });
      }
    }
  }
  return out;
}

/** The excerpt citing one occurrence: the phrase inside it, highlighted. */
export function phraseExcerpt(o: Occurrence): Excerpt {
  const text = o.doc.paragraph.text;
  const chosen = excerptOf(o.doc, { terms: new Set<string>(), targets: [o.span], targetBonus: 2 });
  // The excerpt must hold the phrase whole: when the chosen window cuts it, a window of the
  // longest excerpt's length around it is quoted, cut at spaces.
  const inside = chosen.start <= o.span.start && chosen.end >= o.span.end;
  let from = chosen.start;
  let end = chosen.end;
  if (!inside) {
    const room = Math.max(0, EXCERPT_MAX_LENGTH - (o.span.end - o.span.start));
    from = Math.max(0, o.span.start - Math.floor(room / 2));
    end = Math.min(text.length, o.span.end + (room - (o.span.start - from)));
    if (from > 0) from = Math.min(o.span.start, text.indexOf(' ', from) + 1 || o.span.start);
    if (end < text.length) end = Math.max(o.span.end, text.lastIndexOf(' ', end));
  }
  return {
    ...chosen,
    text: text.slice(from, end),
    start: from,
    end,
    cutStart: from > 0,
    cutEnd: end < text.length,
    highlights: [{ start: o.span.start - from, end: o.span.end - from }],
    matched: [text.slice(o.span.start, o.span.end)],
  };
}
