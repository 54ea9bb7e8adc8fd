/**
 * The vocabulary of a segmented index: the segments' vocabularies read as one, giving what one
 * vocabulary built over all their paragraphs gives (document frequencies summed, the usual
 * spelling from the summed counts of every spelling, prefix lists ranked by those).
 */
import { ENGLISH_MARK } from '../text/analyser.js';
import { byFrequency, usualSpelling, type Vocabulary, type VocabularyRow } from './vocabulary.js';

/** Prefix answers remembered per merged vocabulary (autocomplete repeats short prefixes). */
const PREFIX_MEMO_MAX = 20_000;

/** What the paragraph index reads of a vocabulary, one or merged. */
export interface TermStatistics {
  /** Number of paragraphs whose text holds the term (0 when unknown). */
  documentFrequency(term: string): number;
  /** The usual spelling of a term, if the texts have it. */
  surfaceOf(term: string): string | undefined;
  /** Usual spellings of the terms starting with `prefix`, most frequent first (see {@link Vocabulary.wordsStartingWith}). */
  wordsStartingWith(prefix: string, limit: number): string[];
  /** Index terms starting with `prefix`, most frequent first (see {@link Vocabulary.termsStartingWith}). */
  termsStartingWith(prefix: string, limit: number): string[];
}

/** Several segments' vocabularies as one. */
export class MergedVocabulary implements TermStatistics {
  /** The largest part: the only one whose prefix rows are read up to the limit (see {@link rowsStartingWith}). */
  private readonly largest: number;
  private readonly hasEnglish: boolean;
  private readonly prefixMemo = new Map<string, readonly string[]>();

  constructor(private readonly parts: readonly Vocabulary[]) {
    this.largest = parts.reduce((best, part, i) => (part.size > (parts[best]?.size ?? -1) ? i : best), 0);
    this.hasEnglish = parts.some((p) => p.hasEnglish);
  }

  documentFrequency(term: string): number {
    let df = 0;
    for (const part of this.parts) df += part.documentFrequency(term);
    return df;
  }

  surfaceOf(term: string): string | undefined {
    let only: string | undefined;
    let holders = 0;
    for (const part of this.parts) {
      const surface = part.surfaceOf(term);
      if (surface === undefined) continue;
      only = surface;
      holders++;
    }
    if (holders < 2) return only;
    const counts = new Map<string, number>();
    for (const part of this.parts) for (const [spelling, n] of part.spellingsOf(term)) counts.set(spelling, (counts.get(spelling) ?? 0) + n);
    return usualSpelling(counts);
  }

  wordsStartingWith(prefix: string, limit: number): string[] {
    const key = `${limit}:${prefix}`;
    const known = this.prefixMemo.get(key);
    if (known) return [...known];
    let rows = this.rowsStartingWith(prefix, limit);
    if (prefix !== '' && this.hasEnglish) rows = [...rows, ...this.rowsStartingWith(ENGLISH_MARK + prefix, limit)].sort(byFrequency);
    const out = [...new Set(rows.map(([, , surface]) => surface))].slice(0, limit);
    if (this.prefixMemo.size >= PREFIX_MEMO_MAX) this.prefixMemo.clear();
    this.prefixMemo.set(key, out);
    return [...out];
  }

  termsStartingWith(prefix: string, limit: number): string[] {
    return this.rowsStartingWith(prefix, limit).map(([term]) => term);
  }

  /**
   * The `limit` rows one vocabulary over every part would choose for a prefix. The largest part
   * gives only its own `limit` best: a term of that part alone that is not among them has at
   * least `limit` terms ahead of it there, and each stays ahead once counts are summed (a term
   * also in another part only gains). The other parts, small, give every row with the prefix.
   */
  private rowsStartingWith(prefix: string, limit: number): VocabularyRow[] {
    const terms = new Set<string>();
    this.parts.forEach((part, i) => {
      for (const [term] of part.candidateRows(prefix, i === this.largest ? limit : Number.POSITIVE_INFINITY)) terms.add(term);
    });
    const rows = [...terms].map((term): VocabularyRow => [term, this.documentFrequency(term), this.surfaceOf(term) ?? term]);
    // Equal frequencies and spellings keep the terms' code-unit order, as one vocabulary's range does.
    return rows.sort((a, b) => byFrequency(a, b) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, limit);
  }
}
