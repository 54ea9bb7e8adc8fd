/**
 * A query's terms as each segment of a segmented index scores them: the index terms every query
 * word reaches over the whole index (itself, and the typos of a word no segment knows), mapped to
 * each segment's own term ids, with the corpus-wide list lengths BM25 needs and each term's place
 * in the scoring walk, so that every segment scores as one index over all of them would.
 */
import type { DerivedTerm, SourceTerm } from './bm25.js';
import { isSecondary } from './fields.js';
import type { IndexSegment } from './index-segment.js';
import { FIELD_COUNT } from './postings.js';
import { byTerm, type NearTerm } from './typos.js';

/** One query word with the index terms it reaches, by term (not by any segment's id). */
interface QueryWord {
  readonly key: number;
  readonly primary: boolean;
  readonly reached: ReadonlyArray<{ readonly term: string; readonly weight: number }>;
}

/**
 * The source terms of each segment, in segment order. `typosOf` gives the typos the whole index
 * searches for a word (none for a word some segment knows).
 */
export function segmentSourceTerms(segments: readonly IndexSegment[], all: readonly string[], fuzzy: boolean, typosOf: (term: string) => readonly NearTerm[]): SourceTerm[][] {
  const words = queryWords(segments, all, fuzzy, typosOf);
  const perSegment: SourceTerm[][] = segments.map(() => []);
  // The scorer walks primary words first, each with its terms in order: number the terms so.
  const ordered = [...words.filter((w) => w.primary), ...words.filter((w) => !w.primary)];
  const orderOf = new Map<QueryWord, number>();
  let ordinal = 0;
  for (const word of ordered) {
    orderOf.set(word, ordinal);
    ordinal += word.reached.length;
  }
  for (const word of words) {
    const first = orderOf.get(word) as number;
    const ids = word.reached.map(({ term }) => segments.map((s) => s.postings.termId(term)));
    const matching = ids.map((bySegment) => listLengths(segments, bySegment));
    segments.forEach((_segment, s) => {
      const derived: DerivedTerm[] = [];
      word.reached.forEach(({ weight }, i) => {
        const id = ids[i]?.[s] as number;
        if (id >= 0) derived.push({ id, weight, order: first + i, matching: matching[i] as Int32Array });
      });
      if (derived.length > 0) perSegment[s]?.push({ key: word.key, primary: word.primary, derived });
    });
  }
  return perSegment;
}

/** The query's words with the terms each reaches somewhere in the index, as one index lists them. */
function queryWords(segments: readonly IndexSegment[], all: readonly string[], fuzzy: boolean, typosOf: (term: string) => readonly NearTerm[]): QueryWord[] {
  const keys = new Map<string, number>();
  const out: QueryWord[] = [];
  for (const term of all) {
    let key = keys.get(term);
    if (key === undefined) keys.set(term, (key = keys.size));
    const secondary = isSecondary(term);
    const reached: Array<{ term: string; weight: number }> = [];
    if (segments.some((s) => s.postings.termId(term) >= 0)) reached.push({ term, weight: 1 });
    if (fuzzy && !secondary) for (const near of typosOf(term)) reached.push({ term: near.term, weight: near.weight });
    if (reached.length > 0) out.push({ key, primary: !secondary, reached });
  }
  return out;
}

/** Summed length of a term's list in each field over the segments (`ids`: its id in each, or -1). */
function listLengths(segments: readonly IndexSegment[], ids: readonly number[]): Int32Array {
  const lengths = new Int32Array(FIELD_COUNT);
  segments.forEach((segment, s) => {
    const id = ids[s] as number;
    if (id < 0) return;
    for (let f = 0; f < FIELD_COUNT; f++) {
      const [start, end] = segment.postings.listOf(id, f);
      lengths[f] = (lengths[f] as number) + end - start;
    }
  });
  return lengths;
}

/**
 * The typos of `term` over every segment's stems, as one matcher over all of them finds them:
 * each stem once (its weight depends only on it and the word), in code-unit order.
 */
export function typosOverSegments(segments: readonly IndexSegment[], term: string): NearTerm[] {
  const found = new Map<string, NearTerm>();
  for (const segment of segments) for (const near of segment.typos.typosOf(term)) if (!found.has(near.term)) found.set(near.term, { term: near.term, id: -1, weight: near.weight });
  return [...found.values()].sort(byTerm);
}

/** Stems close to `term` for suggestions (see {@link TypoMatcher.closeTo}) over every segment, each once. */
export function closeOverSegments(segments: readonly IndexSegment[], term: string): NearTerm[] {
  const found = new Map<string, NearTerm>();
  for (const segment of segments) for (const near of segment.typos.closeTo(term)) if (!found.has(near.term)) found.set(near.term, { term: near.term, id: -1, weight: near.weight });
  return [...found.values()];
}
