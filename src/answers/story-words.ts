/**
 * An article's words for the grouping into stories: how often it uses each index term, read from
 * the text and title fields' posting lists of its segment (nothing is analysed again), and its
 * heaviest terms, weighed by their rarity.
 *
 * A base of 100 000 paragraphs holds millions of (article, term) pairs: they are counted into
 * flat typed arrays, one slice per article, rather than into an array per article, and a term's
 * string is looked up only for the terms an article keeps.
 */
import type { KnowledgeSegment } from '../knowledge/knowledge-segment.js';
import { FIELD_COUNT, FIELD_ID } from '../search/postings.js';
import { ENGLISH_MARK, languageOf, terms as termsOf } from '../text/analyser.js';
import { translationsOf } from '../text/lexicon.js';

/** Words kept per article: enough to tell two events apart, few enough to compare fast. */
export const ARTICLE_TERMS = 100;
/** A title word counts as this many occurrences in the text: a title names the story. */
const TITLE_WEIGHT = 3;
/** French translations an English word stands for at most: its first senses. */
const TRANSLATIONS_KEPT = 2;
/** A number is a figure or a date, which outlets often give differently: not a story's words. */
const DIGITS = /^\d+(?:[.,]\d+)?$/u;

/** Every article's term counts in one segment: article `a`'s are `ids`/`counts` from `offsets[a]` to `offsets[a + 1]`, in id order. */
export interface SegmentWords {
  readonly offsets: Int32Array;
  /** Term ids of the segment (positions in its posting lists). */
  readonly ids: Int32Array;
  readonly counts: Float32Array;
}

/** An article's heaviest words, heaviest first, normalised. */
export interface HeaviestWords {
  readonly terms: string[];
  /** Their ids in the article's segment, -1 for a translation the segment lacks. */
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

/**
 * Counts every article's terms. A term's list is in paragraph order and an article's paragraphs
 * are consecutive, so one article's occurrences of a term are adjacent: two passes over the lists,
 * term by term (sizes, then counts), leave each article's terms in id order. Then each title word
 * the text uses counts {@link TITLE_WEIGHT} more, from the title field's lists (one that the text
 * never uses is a headline's turn of phrase, `ce que l'on sait`).
 */
export function segmentWords(segment: KnowledgeSegment): SegmentWords {
  const { postings, docArticle } = segment.index;
  const { docs, freqs, offsets: lists, terms } = postings;
  const articles = segment.articles.length;
  const text = FIELD_ID.text;
  const skip = Uint8Array.from(terms, (t) => (DIGITS.test(t) ? 1 : 0));
  const offsets = new Int32Array(articles + 1);
  for (let term = 0; term < terms.length; term++) {
    if (skip[term] === 1) continue;
    const end = lists[term * FIELD_COUNT + text + 1] as number;
    let previous = -1;
    for (let at = lists[term * FIELD_COUNT + text] as number; at < end; at++) {
      const article = docArticle[docs[at] as number] as number;
      if (article !== previous) offsets[article + 1] = (offsets[article + 1] as number) + 1;
      previous = article;
    }
  }
  for (let a = 0; a < articles; a++) offsets[a + 1] = (offsets[a] as number) + (offsets[a + 1] as number);
  const ids = new Int32Array(offsets[articles] as number);
  const counts = new Float32Array(ids.length);
  const next = offsets.slice(0, articles);
  for (let term = 0; term < terms.length; term++) {
    if (skip[term] === 1) continue;
    const end = lists[term * FIELD_COUNT + text + 1] as number;
    let previous = -1;
    let slot = -1;
    for (let at = lists[term * FIELD_COUNT + text] as number; at < end; at++) {
      const article = docArticle[docs[at] as number] as number;
      if (article !== previous) {
        slot = next[article] as number;
        next[article] = slot + 1;
        ids[slot] = term;
        previous = article;
      }
      counts[slot] = (counts[slot] as number) + (freqs[at] as number);
    }
  }
  const title = FIELD_ID.title;
  for (let term = 0; term < terms.length; term++) {
    const end = lists[term * FIELD_COUNT + title + 1] as number;
    let previous = -1;
    for (let at = lists[term * FIELD_COUNT + title] as number; at < end; at++) {
      const article = docArticle[docs[at] as number] as number;
      if (article === previous) continue;
      previous = article;
      const slot = indexIn(ids, offsets[article] as number, offsets[article + 1] as number, term);
      if (slot >= 0) counts[slot] = (counts[slot] as number) + TITLE_WEIGHT;
    }
  }
  return { offsets, ids, counts };
}

/** Position of `id` in the ascending `ids[start, end)`, or -1. */
function indexIn(ids: Int32Array, start: number, end: number, id: number): number {
  if (id < 0) return -1;
  let low = start;
  let high = end - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const found = ids[mid] as number;
    if (found === id) return mid;
    if (found < id) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/**
 * Article `a`'s {@link ARTICLE_TERMS} heaviest words ((1 + ln count) × rarity), normalised,
 * heaviest first, ties in term order. An English article's words are first read as French terms
 * ({@link inFrenchTerms}), so that it meets the French articles on the same event.
 */
export function heaviestWords(segment: KnowledgeSegment, words: SegmentWords, a: number, idf: (term: string, id: number) => number): HeaviestWords {
  const { postings, vocabulary } = segment.index;
  const start = words.offsets[a] as number;
  const end = words.offsets[a + 1] as number;
  const article = segment.articles[a];
  if (article && languageOf(article.language) === 'en') {
    const french = inFrenchTerms(words, start, end, (id) => postings.terms[id] as string, (t) => vocabulary.surfaceOf(t));
    return heaviestOf(french.terms, french.counts, (i) => french.terms[i] as string, () => -1, (i) => idf(french.terms[i] as string, -1));
  }
  const termOf = (i: number) => postings.terms[words.ids[start + i] as number] as string;
  const idOf = (i: number) => words.ids[start + i] as number;
  return heaviestOf({ length: end - start }, words.counts.subarray(start, end), termOf, idOf, (i) => idf(termOf(i), idOf(i)));
}

/** The heaviest of `n` words given their counts, term, id and rarity by position. */
function heaviestOf(list: { readonly length: number }, counts: ArrayLike<number>, termAt: (i: number) => string, idAt: (i: number) => number, idfAt: (i: number) => number): HeaviestWords {
  const n = list.length;
  const weight = scratch(0, n);
  for (let i = 0; i < n; i++) weight[i] = logWeight(counts[i] as number) * idfAt(i);
  let floor = 0;
  if (n > ARTICLE_TERMS) {
    const copy = scratch(1, n);
    copy.set(weight);
    floor = kthLargest(copy, ARTICLE_TERMS);
  }
  const kept: number[] = [];
  for (let i = 0; i < n; i++) if ((weight[i] as number) >= floor && (weight[i] as number) > 0) kept.push(i);
  kept.sort((x, y) => (weight[y] as number) - (weight[x] as number) || (termAt(x) < termAt(y) ? -1 : 1));
  kept.length = Math.min(kept.length, ARTICLE_TERMS);
  let norm = 0;
  for (const i of kept) norm += (weight[i] as number) ** 2;
  norm = Math.sqrt(norm) || 1;
  return { terms: kept.map(termAt), ids: Int32Array.from(kept, idAt), weights: Float64Array.from(kept, (i) => (weight[i] as number) / norm) };
}

/** 1 + ln(count) for the counts articles have, computed once. */
const LOG_WEIGHTS = Float64Array.from({ length: 256 }, (_, c) => (c > 0 ? 1 + Math.log(c) : 0));

/** 1 + ln(count): a word used ten times weighs about three times a word used once. */
function logWeight(count: number): number {
  return Number.isInteger(count) && count < LOG_WEIGHTS.length ? (LOG_WEIGHTS[count] as number) : 1 + Math.log(count);
}

/** Two buffers reused from article to article (the grouping runs synchronously): weights and a copy to select in. */
const buffers: [Float64Array, Float64Array] = [new Float64Array(1024), new Float64Array(1024)];

/** Buffer `which`, at least `n` long, as a view of exactly `n`. */
function scratch(which: 0 | 1, n: number): Float64Array {
  if (buffers[which].length < n) buffers[which] = new Float64Array(Math.max(n, 2 * buffers[which].length));
  return buffers[which].subarray(0, n);
}

/** The k-th largest value of `values` (1-based; the array is reordered): quickselect, middle pivot. */
function kthLargest(values: Float64Array, k: number): number {
  let low = 0;
  let high = values.length - 1;
  const target = k - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1] as number;
    let i = low;
    let j = high;
    while (i <= j) {
      while ((values[i] as number) > pivot) i++;
      while ((values[j] as number) < pivot) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i++] = values[j] as number;
        values[j--] = t;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else return values[target] as number;
  }
  return values[target] as number;
}

/**
 * An English article's words as French index terms: a name (written with a capital) is the same
 * word in both languages (`Orsel`), another word stands for its French translations (`fishermen`
 * → `pêcheur`), and a word the lexicon lacks stays English. Counts meeting on one term add up.
 */
function inFrenchTerms(words: SegmentWords, start: number, end: number, nameOf: (id: number) => string, surfaceOf: (term: string) => string | undefined): { terms: string[]; counts: number[] } {
  const counts = new Map<string, number>();
  for (let i = start; i < end; i++) {
    const term = nameOf(words.ids[i] as number);
    const surface = surfaceOf(term) ?? term.slice(ENGLISH_MARK.length);
    const french = /^\p{Lu}/u.test(surface) ? termsOf(surface, 'fr') : translationsOf(surface).slice(0, TRANSLATIONS_KEPT).flatMap((w) => termsOf(w, 'fr'));
    for (const t of french.length > 0 ? new Set(french) : [term]) counts.set(t, (counts.get(t) ?? 0) + (words.counts[i] as number));
  }
  return { terms: [...counts.keys()], counts: [...counts.values()] };
}
