/**
 * Per-term statistics of the paragraph texts: how many paragraphs hold each index term, and how
 * the term is usually written (`ferroviaires` for `ferroviair`), for suggestions and autocomplete.
 */
import { ENGLISH_MARK, type Token } from '../text/analyser.js';

/** One term's statistics: `[term, document frequency, usual spelling]`. */
export type VocabularyRow = readonly [string, number, string];

/** Saved form of a {@link Vocabulary}: `[term, document frequency, usual spelling]` rows, most frequent first. */
export interface SavedVocabulary {
  readonly rows: ReadonlyArray<VocabularyRow>;
  /**
   * Aligned with `rows`: every spelling of the term with how often the texts write it, flat
   * (`[spelling, count, spelling, count…]`), most written first. The usual spelling of a term
   * over several segments is the one their counts together make most written.
   */
  readonly spellings: ReadonlyArray<ReadonlyArray<string | number>>;
}

/** A {@link VocabularyBuilder}'s counts as plain data: terms as first met, their document frequencies, and their spellings flat (`[spelling, count…]`) as first met. */
export interface CollectedVocabulary {
  readonly terms: readonly string[];
  readonly df: readonly number[];
  readonly spellings: ReadonlyArray<ReadonlyArray<string | number>>;
}

/** Prefix answers remembered per vocabulary. */
const PREFIX_MEMO_MAX = 20_000;

/** Collects the vocabulary paragraph by paragraph, from the tokens the index was built from. */
export class VocabularyBuilder {
  private readonly df = new Map<string, number>();
  private readonly counts = new Map<string, Map<string, number>>();

  /** Adds one paragraph's tokens. */
  add(tokens: readonly Token[]): void {
    const seen = new Set<string>();
    for (const t of tokens) {
      if (t.term === undefined) continue;
      if (!seen.has(t.term)) {
        seen.add(t.term);
        this.df.set(t.term, (this.df.get(t.term) ?? 0) + 1);
      }
      let bySurface = this.counts.get(t.term);
      if (!bySurface) this.counts.set(t.term, (bySurface = new Map<string, number>()));
      bySurface.set(t.surface, (bySurface.get(t.surface) ?? 0) + 1);
    }
  }

  /** What was collected, in the order terms and spellings were first met: for {@link absorb} in another thread. */
  collected(): CollectedVocabulary {
    const terms: string[] = [];
    const df: number[] = [];
    const spellings: Array<Array<string | number>> = [];
    for (const [term, bySurface] of this.counts) {
      terms.push(term);
      df.push(this.df.get(term) ?? 0);
      spellings.push([...bySurface].flat());
    }
    return { terms, df, spellings };
  }

  /**
   * Adds what another builder collected over the paragraphs that follow this one's: the
   * vocabulary then builds exactly as one builder fed every paragraph in order would.
   */
  absorb(other: CollectedVocabulary): void {
    other.terms.forEach((term, i) => {
      this.df.set(term, (this.df.get(term) ?? 0) + (other.df[i] ?? 0));
      let bySurface = this.counts.get(term);
      if (!bySurface) this.counts.set(term, (bySurface = new Map<string, number>()));
      const flat = other.spellings[i] ?? [];
      for (let s = 0; s + 1 < flat.length; s += 2) bySurface.set(flat[s] as string, (bySurface.get(flat[s] as string) ?? 0) + (flat[s + 1] as number));
    });
  }

  build(): Vocabulary {
    const rows: Array<[string, number, string]> = [];
    for (const [term, bySurface] of this.counts) {
      const best = usualSpelling(bySurface);
      if (best !== undefined) rows.push([term, this.df.get(term) ?? 0, best]);
    }
    rows.sort((a, b) => b[1] - a[1] || a[2].localeCompare(b[2]));
    const spellings = rows.map(([term]) => [...(this.counts.get(term) ?? [])].sort(mostWrittenFirst).flat());
    return Vocabulary.restore({ rows, spellings });
  }
}

/** The spelling written most often; between equals, the first in the locale's order. */
export function usualSpelling(counts: Iterable<readonly [string, number]>): string | undefined {
  let best: readonly [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0].localeCompare(best[0]) < 0)) best = entry;
  return best?.[0];
}

function mostWrittenFirst(a: readonly [string, number], b: readonly [string, number]): number {
  return b[1] - a[1] || a[0].localeCompare(b[0]);
}

/** Document frequencies and usual spellings of the index terms. */
export class Vocabulary {
  private readonly df = new Map<string, number>();
  private readonly surfaces = new Map<string, string>();
  private alphabetical: ReadonlyArray<readonly [string, number, string]> | undefined;
  private readonly prefixMemo = new Map<string, readonly string[]>();
  /** Row of each term, made when spellings are first asked for (only a segmented index asks). */
  private rowOf: Map<string, number> | undefined;
  /** Some term is English (`en:…`): a typed beginning is then looked up in both languages. */
  readonly hasEnglish: boolean;

  private constructor(
    private readonly rows: ReadonlyArray<readonly [string, number, string]>,
    private readonly spellings: ReadonlyArray<ReadonlyArray<string | number>>,
  ) {
    if (spellings.length !== rows.length) throw new Error(`recoupe: saved vocabulary has ${rows.length} terms and ${spellings.length} spelling lists`);
    let english = false;
    for (const [term, count, surface] of rows) {
      this.df.set(term, count);
      this.surfaces.set(term, surface);
      english ||= term.startsWith(ENGLISH_MARK);
    }
    this.hasEnglish = english;
  }

  /** A vocabulary from its saved rows (which are kept most frequent first). */
  static restore(saved: SavedVocabulary): Vocabulary {
    return new Vocabulary(saved.rows, saved.spellings);
  }

  toJSON(): SavedVocabulary {
    return { rows: this.rows, spellings: this.spellings };
  }

  /**
   * Makes now what prefix lookups and spellings would make on first need (the terms in
   * alphabetical order, each term's row): for a segment built while serving.
   */
  prepare(): void {
    this.alphabetical ??= [...this.rows].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.rowOf ??= new Map(this.rows.map(([t], i) => [t, i]));
  }

  /** Number of terms. */
  get size(): number {
    return this.rows.length;
  }

  /** Every spelling of a term with how often the texts write it (see {@link SavedVocabulary.spellings}); empty when unknown. */
  spellingsOf(term: string): ReadonlyArray<readonly [string, number]> {
    this.rowOf ??= new Map(this.rows.map(([t], i) => [t, i]));
    const flat = this.spellings[this.rowOf.get(term) ?? -1] ?? [];
    const out: Array<readonly [string, number]> = [];
    for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i] as string, flat[i + 1] as number]);
    return out;
  }

  /**
   * The rows {@link termsStartingWith} and {@link wordsStartingWith} choose from: for `''`, the
   * `limit` most frequent of all; else those of the terms starting with `prefix`, as there.
   */
  candidateRows(prefix: string, limit: number): ReadonlyArray<VocabularyRow> {
    return prefix === '' ? this.rows.slice(0, limit) : this.rowsWithPrefix(prefix, limit);
  }

  /** Number of paragraphs whose text holds the term (0 when unknown). */
  documentFrequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  /** The usual spelling of a term, if the texts have it. */
  surfaceOf(term: string): string | undefined {
    return this.surfaces.get(term);
  }

  /**
   * Usual spellings of the terms starting with `prefix`, most frequent first: French terms and
   * English ones (`sta` finds `en:state`), each spelling once.
   */
  wordsStartingWith(prefix: string, limit: number): string[] {
    const key = `${limit}:${prefix}`;
    const known = this.prefixMemo.get(key);
    if (known) return [...known];
    let rows = this.candidateRows(prefix, limit);
    if (prefix !== '' && this.hasEnglish) rows = [...rows, ...this.rowsWithPrefix(ENGLISH_MARK + prefix, limit)].sort(byFrequency);
    const out = [...new Set(rows.map(([, , surface]) => surface))].slice(0, limit);
    // Autocomplete asks the same short prefixes again and again; keep the answers, bounded.
    if (this.prefixMemo.size >= PREFIX_MEMO_MAX) this.prefixMemo.clear();
    this.prefixMemo.set(key, out);
    return [...out];
  }

  /**
   * Index terms starting with `prefix`, most frequent first (`dispa` → `disparus`, `disparu`): the
   * French ones, or the English ones for a prefix starting with `en:`.
   */
  termsStartingWith(prefix: string, limit: number): string[] {
    return this.rowsWithPrefix(prefix, limit).map(([term]) => term);
  }

  /**
   * Rows whose term starts with `prefix`, most frequent first: a binary search, then the range.
   * Only a prefix marked English reaches English terms (`e` does not reach `en:state`).
   */
  private rowsWithPrefix(prefix: string, limit: number): ReadonlyArray<readonly [string, number, string]> {
    const sorted = (this.alphabetical ??= [...this.rows].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((sorted[mid]?.[0] ?? '') < prefix) low = mid + 1;
      else high = mid;
    }
    const range: Array<readonly [string, number, string]> = [];
    const english = prefix.startsWith(ENGLISH_MARK);
    for (let i = low; i < sorted.length && (sorted[i]?.[0] ?? '').startsWith(prefix); i++) {
      const row = sorted[i] as readonly [string, number, string];
      if (english || !row[0].startsWith(ENGLISH_MARK)) range.push(row);
    }
    return range.sort(byFrequency).slice(0, limit);
  }
}

/** Most frequent first, then by spelling. */
export function byFrequency(a: readonly [string, number, string], b: readonly [string, number, string]): number {
  return b[1] - a[1] || a[2].localeCompare(b[2]);
}
