/**
 * The inverted index as flat typed arrays: for every (term, field) pair, the ascending list of
 * paragraphs holding the term and how often. Plain numbers in a few large arrays, so that it is
 * saved and loaded as raw bytes (no parsing, no object per posting) and scored in tight loops.
 *
 * Why not MiniSearch's own index: at 100 000 paragraphs its Maps of Maps took 17 s to load from
 * JSON, and `ask` over it took up to 785 ms (p99, issue #5); these arrays are views over the
 * cache file's bytes, with nothing to parse, and score the same BM25 (see {@link ./bm25.ts}) with
 * an `ask` p99 of about 15 ms at that size (README's benchmark table). MiniSearch remains the
 * reference these scores are tested against, and its radix tree serves typo matching.
 */

/** Indexed fields, in the order their lists are laid out. */
export const FIELDS = ['text', 'heading', 'title', 'exact', 'prefix'] as const;
/** One of {@link FIELDS}. */
export type Field = (typeof FIELDS)[number];
/** Number of {@link FIELDS}. */
export const FIELD_COUNT = FIELDS.length;
/** Position of each field in {@link FIELDS}. */
export const FIELD_ID: Readonly<Record<Field, number>> = Object.fromEntries(FIELDS.map((f, i) => [f, i])) as Record<Field, number>;

/** Term frequencies are stored in 16 bits: a word repeated more often in one field counts as this. */
const MAX_FREQUENCY = 0xffff;
/** Field lengths likewise. */
const MAX_LENGTH = 0xffff;

/** The saved form of a {@link Postings}: the arrays as they are, and the sorted terms. */
export interface PostingData {
  /** Every term, sorted by code unit (binary search needs no map to be built at load). */
  readonly terms: readonly string[];
  /** Start of the list of (term `t`, field `f`) at `offsets[t * FIELD_COUNT + f]`, end at the next entry. */
  readonly offsets: Uint32Array;
  /** Paragraph ids of every list, lists one after the other, each ascending. */
  readonly docs: Int32Array;
  /** How often the term occurs in that field of that paragraph, aligned with `docs`. */
  readonly freqs: Uint16Array;
  /** Length of field `f` of paragraph `d` (distinct words, as MiniSearch counts) at `d * FIELD_COUNT + f`. */
  readonly fieldLengths: Uint16Array;
}

/** Read access to an inverted index. */
export class Postings {
  readonly terms: readonly string[];
  readonly offsets: Uint32Array;
  readonly docs: Int32Array;
  readonly freqs: Uint16Array;
  readonly fieldLengths: Uint16Array;
  /** Number of paragraphs. */
  readonly docCount: number;
  /** Mean length of each field over every paragraph (a missing field counts as 0, as in MiniSearch). */
  readonly averageLengths: Float64Array;
  /**
   * Summed length of each field over every paragraph: whole numbers, so that the sums of several
   * segments add up exactly to the sum one index over all their paragraphs would have.
   */
  readonly lengthSums: Float64Array;

  constructor(data: PostingData) {
    this.terms = data.terms;
    this.offsets = data.offsets;
    this.docs = data.docs;
    this.freqs = data.freqs;
    this.fieldLengths = data.fieldLengths;
    if (data.offsets.length !== data.terms.length * FIELD_COUNT + 1) throw new Error(`recoupe: posting offsets (${data.offsets.length}) do not fit ${data.terms.length} terms`);
    if (data.docs.length !== data.freqs.length || data.offsets[data.offsets.length - 1] !== data.docs.length) throw new Error('recoupe: posting lists and frequencies differ in length');
    if (data.fieldLengths.length % FIELD_COUNT !== 0) throw new Error('recoupe: field lengths are not whole paragraphs');
    this.docCount = data.fieldLengths.length / FIELD_COUNT;
    const sums = new Float64Array(FIELD_COUNT);
    for (let i = 0; i < data.fieldLengths.length; i++) sums[i % FIELD_COUNT] = (sums[i % FIELD_COUNT] as number) + (data.fieldLengths[i] as number);
    this.lengthSums = sums;
    this.averageLengths = sums.map((s) => (this.docCount > 0 ? s / this.docCount : 0));
  }

  /** Id of a term (its position in {@link terms}), or -1 when the corpus never has it. */
  termId(term: string): number {
    let low = 0;
    let high = this.terms.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const found = this.terms[mid] as string;
      if (found === term) return mid;
      if (found < term) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  /** Bounds `[start, end)` in {@link docs} of the list of a term id in a field. */
  listOf(termId: number, field: number): readonly [number, number] {
    const at = termId * FIELD_COUNT + field;
    return [this.offsets[at] as number, this.offsets[at + 1] as number];
  }

  /** Number of paragraphs whose field holds the term. */
  documentFrequency(term: string, field: number): number {
    const id = this.termId(term);
    if (id < 0) return 0;
    const [start, end] = this.listOf(id, field);
    return end - start;
  }

  /** True when paragraph `doc` holds the term id in any field. */
  holds(termId: number, doc: number): boolean {
    for (let f = 0; f < FIELD_COUNT; f++) {
      const [start, end] = this.listOf(termId, f);
      if (positionIn(this.docs, start, end, doc) >= 0) return true;
    }
    return false;
  }

  /** The arrays, to save. */
  toData(): PostingData {
    return { terms: this.terms, offsets: this.offsets, docs: this.docs, freqs: this.freqs, fieldLengths: this.fieldLengths };
  }
}

/** Where paragraph `doc` stands in the ascending list `docs[start, end)`, or -1 (binary search). */
export function positionIn(docs: Int32Array, start: number, end: number, doc: number): number {
  let low = start;
  let high = end - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const found = docs[mid] as number;
    if (found === doc) return mid;
    if (found < doc) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** A growable Int32Array (postings are counted in millions: plain arrays of numbers would double the memory). */
class IntList {
  private data = new Int32Array(1 << 16);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  at(i: number): number {
    return this.data[i] as number;
  }
}

/**
 * Collects every paragraph's terms, field by field, then lays them out as {@link PostingData}.
 * Paragraphs must be added in id order, 0 first, so that every list comes out ascending.
 */
export class PostingsBuilder {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly keys = new IntList();
  private readonly docs = new IntList();
  private readonly freqs = new IntList();
  private readonly lengths: number[] = [];
  private docCount = 0;

  /**
   * Adds one paragraph: for each field, its index terms in text order (repeats count) and its
   * length. Fields left `undefined` are empty.
   */
  add(fields: ReadonlyArray<{ readonly terms: readonly string[]; readonly length: number } | undefined>): number {
    const doc = this.docCount++;
    for (let f = 0; f < FIELD_COUNT; f++) {
      const field = fields[f];
      this.lengths.push(Math.min(field?.length ?? 0, MAX_LENGTH));
      if (!field || field.terms.length === 0) continue;
      const ids = field.terms.map((term) => this.idOf(term)).sort((a, b) => a - b);
      for (let i = 0; i < ids.length; ) {
        let j = i;
        while (j < ids.length && ids[j] === ids[i]) j++;
        this.keys.push((ids[i] as number) * FIELD_COUNT + f);
        this.docs.push(doc);
        this.freqs.push(Math.min(j - i, MAX_FREQUENCY));
        i = j;
      }
    }
    return doc;
  }

  /** Lays the collected postings out: terms sorted, each (term, field) list contiguous and ascending. */
  build(): PostingData {
    const order = this.names.map((_, i) => i).sort((a, b) => ((this.names[a] as string) < (this.names[b] as string) ? -1 : 1));
    const rank = new Int32Array(order.length);
    order.forEach((id, position) => (rank[id] = position));
    const listCount = order.length * FIELD_COUNT;
    const offsets = new Uint32Array(listCount + 1);
    const listOf = (i: number) => {
      const key = this.keys.at(i);
      return (rank[Math.floor(key / FIELD_COUNT)] as number) * FIELD_COUNT + (key % FIELD_COUNT);
    };
    for (let i = 0; i < this.keys.length; i++) (offsets[listOf(i) + 1] as number)++;
    for (let l = 0; l < listCount; l++) offsets[l + 1] = (offsets[l + 1] as number) + (offsets[l] as number);
    const next = offsets.slice(0, listCount);
    const docs = new Int32Array(this.keys.length);
    const freqs = new Uint16Array(this.keys.length);
    // Postings were collected paragraph by paragraph, so filling each list in that order keeps it ascending.
    for (let i = 0; i < this.keys.length; i++) {
      const at = (next[listOf(i)] as number)++;
      docs[at] = this.docs.at(i);
      freqs[at] = this.freqs.at(i);
    }
    return { terms: order.map((id) => this.names[id] as string), offsets, docs, freqs, fieldLengths: Uint16Array.from(this.lengths) };
  }

  private idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(term, id);
      this.names.push(term);
    }
    return id;
  }
}

/**
 * The postings of consecutive parts as one: part `p`'s paragraphs follow part `p - 1`'s (ids
 * shifted by the paragraphs before it), and the result is exactly what one {@link PostingsBuilder}
 * fed every paragraph in that order would build: terms merged in code-unit order, each list the
 * parts' lists one after the other (so still ascending), field lengths end to end.
 */
export function joinPostings(parts: readonly PostingData[]): PostingData {
  const terms = mergedTerms(parts.map((p) => p.terms));
  const position = new Map<string, number>();
  terms.forEach((t, i) => position.set(t, i));
  const mergedIdOf = parts.map((p) => Int32Array.from(p.terms, (t) => position.get(t) as number));
  const listCount = terms.length * FIELD_COUNT;
  // Every (term, field) list of every part, parts in order: `at` in the part, `list` in the join.
  const eachList = (visit: (part: PostingData, p: number, at: number, list: number) => void) =>
    parts.forEach((part, p) => {
      const ids = mergedIdOf[p] as Int32Array;
      for (let t = 0; t < part.terms.length; t++) for (let f = 0; f < FIELD_COUNT; f++) visit(part, p, t * FIELD_COUNT + f, (ids[t] as number) * FIELD_COUNT + f);
    });
  const offsets = new Uint32Array(listCount + 1);
  eachList((part, _p, at, list) => (offsets[list + 1] = (offsets[list + 1] as number) + (part.offsets[at + 1] as number) - (part.offsets[at] as number)));
  for (let l = 0; l < listCount; l++) offsets[l + 1] = (offsets[l + 1] as number) + (offsets[l] as number);
  const total = offsets[listCount] as number;
  const docs = new Int32Array(total);
  const freqs = new Uint16Array(total);
  const next = offsets.slice(0, listCount);
  const docStarts: number[] = [];
  let docStart = 0;
  for (const part of parts) {
    docStarts.push(docStart);
    docStart += part.fieldLengths.length / FIELD_COUNT;
  }
  eachList((part, p, at, list) => {
    const shift = docStarts[p] as number;
    let to = next[list] as number;
    for (let i = part.offsets[at] as number, end = part.offsets[at + 1] as number; i < end; i++, to++) {
      docs[to] = (part.docs[i] as number) + shift;
      freqs[to] = part.freqs[i] as number;
    }
    next[list] = to;
  });
  const fieldLengths = new Uint16Array(docStart * FIELD_COUNT);
  let at = 0;
  for (const part of parts) {
    fieldLengths.set(part.fieldLengths, at);
    at += part.fieldLengths.length;
  }
  return { terms, offsets, docs, freqs, fieldLengths };
}

/** The union of lists each sorted by code unit and without repeats, sorted so. */
function mergedTerms(lists: ReadonlyArray<readonly string[]>): string[] {
  const out: string[] = [];
  const heads = lists.map(() => 0);
  for (;;) {
    let least: string | undefined;
    lists.forEach((list, i) => {
      const term = list[heads[i] as number];
      if (term !== undefined && (least === undefined || term < least)) least = term;
    });
    if (least === undefined) return out;
    out.push(least);
    lists.forEach((list, i) => {
      if (list[heads[i] as number] === least) heads[i] = (heads[i] as number) + 1;
    });
  }
}
