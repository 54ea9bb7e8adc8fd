/**
 * Full-text index over every paragraph of the corpus, with the same analyser on both sides: French,
 * or English for the articles whose `language` says so (their terms marked `en:`, never equal to a
 * French one).
 * Documents are paragraphs; their ids are positions in {@link ParagraphIndex.docs}, so a hit
 * leads straight back to the article, outlet and paragraph number to cite.
 *
 * Each paragraph is indexed in five fields: its text as stems, its heading and its article's
 * title as stems, and its text again as written (`exact`) and by word beginnings (`prefix`), with
 * marked terms that only a query's own forms can match. Lists live in {@link Postings} (typed
 * arrays, saved as bytes) and are scored by {@link Scorer} with MiniSearch's BM25; MiniSearch's
 * radix tree finds the corpus words within a typo of an unknown query word.
 *
 * The index is a list of {@link IndexSegment}s: the base, then the small segments of articles
 * published since, each with its own lists. A document's id is its segment's first id plus its
 * local id, and every answer (scores, frequencies, spellings, typos) is the one a single index
 * built over all their paragraphs in the same order would give: BM25 reads the corpus-wide
 * paragraph count, document frequencies and mean field lengths.
 */
import type { Article, Corpus, Source } from '../corpus/types.js';
import type { Language } from '../text/analyser.js';
import type { CorpusTotals, DocFilter, Matches, SourceTerm } from './bm25.js';
import type { TextAnalysis } from './excerpt-span.js';
import { isSecondary } from './fields.js';
import { IndexSegment, type IndexedParagraph, type SavedParagraphIndex } from './index-segment.js';
import { MergedVocabulary, type TermStatistics } from './merged-vocabulary.js';
import { mergeMatches, type SegmentMatches } from './merge-matches.js';
import { FIELD_COUNT } from './postings.js';
import { closeOverSegments, segmentSourceTerms, typosOverSegments } from './segment-terms.js';
import { TypoMatcher, type NearTerm } from './typos.js';

export type { Matches } from './bm25.js';
export { BOOST, IndexSegment, type IndexedParagraph, type SavedParagraphIndex } from './index-segment.js';

/** A paragraph that matched a query. */
export interface Hit {
  readonly doc: IndexedParagraph;
  readonly score: number;
  /** Index terms (stems) of the query found in this paragraph (not the words as written: see `Excerpt.matched`). */
  readonly matchedTerms: readonly string[];
}

/** Options of one search. */
export interface MatchOptions {
  /** Only paragraphs of this outlet. */
  readonly sourceId?: string;
  /** Only paragraphs of this article. */
  readonly articleId?: string;
  /** Allow typos on longer terms (default true). */
  readonly fuzzy?: boolean;
  /**
   * The query's secondary terms (`queryForms`: exact and prefix forms). They add to a
   * paragraph's score but never make it a hit on their own.
   */
  readonly forms?: readonly string[];
}

/** Options of {@link ParagraphIndex.search}. */
export interface SearchOptions extends MatchOptions {
  /** At most this many hits (default 10). */
  readonly limit?: number;
}

/** The paragraph index of one corpus: one segment, or a base and the segments after it. */
export class ParagraphIndex {
  /** Every paragraph, by document id. */
  readonly docs: readonly IndexedParagraph[];
  /** Position of every paragraph's source in the corpus's sources. */
  readonly docSource: Int32Array;
  /** Position of every paragraph's article in the corpus's articles. */
  readonly docArticle: Int32Array;
  /** Some article is English: queries then search English terms too. */
  readonly hasEnglish: boolean;
  /** The segments, in document order. */
  readonly segments: readonly IndexSegment[];
  /** 1 for a paragraph of an English article, 0 for a French one, by document id. */
  private readonly english: Uint8Array;
  /** First document id of every segment, and the document count after the last. */
  private readonly docStart: Int32Array;
  /** First article position of every segment, and the article count after the last. */
  private readonly segmentArticleStart: Int32Array;
  private readonly vocabulary: TermStatistics;
  private readonly sourcePositions: ReadonlyMap<string, number>;
  /** First paragraph id of every article, and the paragraph count after the last. */
  private readonly articleStart: Int32Array;
  /** The corpus-wide figures BM25 reads, for a segmented index (one segment has its own). */
  private readonly totals: CorpusTotals | undefined;
  /** Where a segmented index's matches are written, by the same rule as the scorer's (see {@link Matches}). */
  private readonly out: SegmentMatches['out'] | undefined;

  private constructor(corpus: Corpus, segments: readonly IndexSegment[]) {
    checkSegments(corpus, segments);
    this.segments = segments;
    this.docStart = new Int32Array(segments.length + 1);
    this.segmentArticleStart = new Int32Array(segments.length + 1);
    segments.forEach((s, i) => {
      this.docStart[i + 1] = (this.docStart[i] as number) + s.docs.length;
      this.segmentArticleStart[i + 1] = (this.segmentArticleStart[i] as number) + s.articles.length;
    });
    this.sourcePositions = new Map(corpus.sources.map((s, i) => [s.id, i]));
    this.articleStart = articleStarts(segments, this.docStart, this.segmentArticleStart);
    const [only] = segments;
    if (segments.length === 1 && only) {
      this.docs = only.docs;
      this.docSource = only.docSource;
      this.docArticle = only.docArticle;
      this.english = only.english;
      this.vocabulary = only.vocabulary;
      this.totals = undefined;
      this.out = undefined;
    } else {
      // The base's paragraphs are kept as they are (one copy of the array, no object made).
      const docs = ([] as IndexedParagraph[]).concat(
        ...segments.map((segment, s) => {
          const start = this.docStart[s] as number;
          return start === 0 ? segment.docs : segment.docs.map((doc) => ({ ...doc, id: start + doc.id, source: corpus.sources[segment.docSource[doc.id] as number] as Source }));
        }),
      );
      this.docs = docs;
      this.docSource = concatenated(Int32Array, segments.map((s) => s.docSource));
      // The base's arrays are copied as they are (a composition is made at every publish: no
      // work per base paragraph beyond the copy).
      this.docArticle = concatenated(Int32Array, segments.map((s, i) => {
        const start = this.segmentArticleStart[i] as number;
        return start === 0 ? s.docArticle : s.docArticle.map((a) => a + start);
      }));
      this.english = concatenated(Uint8Array, segments.map((s) => s.english));
      this.vocabulary = new MergedVocabulary(segments.map((s) => s.vocabulary));
      this.totals = totalsOf(segments, docs.length);
      const n = docs.length;
      const articles = this.segmentArticleStart[segments.length] as number;
      this.out = { docs: new Int32Array(n), scores: new Float64Array(n), textTerms: new Uint32Array(n), textTypos: new Uint32Array(n), coverage: new Float64Array(articles) };
    }
    this.hasEnglish = this.english.includes(1);
  }

  /** Indexes every paragraph of the corpus, in one segment. */
  static build(corpus: Corpus): ParagraphIndex {
    return new ParagraphIndex(corpus, [IndexSegment.build(corpus.articles, corpus.sources)]);
  }

  /**
   * Restores an index saved by {@link save} for the same corpus, without re-analysing any text.
   * Throws when the saved data does not fit the corpus (the caller then rebuilds).
   */
  static restore(corpus: Corpus, saved: SavedParagraphIndex): ParagraphIndex {
    return new ParagraphIndex(corpus, [IndexSegment.restore(corpus.articles, corpus.sources, saved)]);
  }

  /**
   * The index of a corpus whose articles are those of the segments, in order (a base, then
   * segments built with the corpus's sources or a beginning of them). Nothing is analysed again
   * and no segment is changed: the same segments may serve several compositions at once.
   */
  static compose(corpus: Corpus, segments: readonly IndexSegment[]): ParagraphIndex {
    return new ParagraphIndex(corpus, segments);
  }

  /** The data to save and {@link restore} later: a base of one segment only. */
  save(): SavedParagraphIndex {
    const [only] = this.segments;
    if (this.segments.length !== 1 || !only) throw new Error(`recoupe: only an index of one segment is saved, this one has ${this.segments.length}`);
    return only.save();
  }

  /** The language a paragraph is analysed in (its article's). */
  languageOfDoc(id: number): Language {
    return this.english[id] === 1 ? 'en' : 'fr';
  }

  /** The tokens and sentence spans of a paragraph's text (computed once per paragraph, in its language). */
  analysisOf(id: number): TextAnalysis {
    const s = this.segmentOf(id);
    return (this.segments[s] as IndexSegment).analysisOf(id - (this.docStart[s] as number));
  }

  /**
   * Whether paragraph `id` holds the term as indexed (exactly, in any field): what an absence is
   * checked on, without scoring the term's whole list as a match would.
   */
  holdsTerm(id: number, term: string): boolean {
    const s = this.segmentOf(id);
    const { postings } = this.segments[s] as IndexSegment;
    const termId = postings.termId(term);
    return termId >= 0 && postings.holds(termId, id - (this.docStart[s] as number));
  }

  /** Whether some paragraph of the outlet holds the term as indexed (exactly, in any field); stops at the first. */
  sourceUses(sourceId: string, term: string): boolean {
    const source = this.sourcePositions.get(sourceId);
    if (source === undefined) return false;
    for (const segment of this.segments) {
      const { postings, docSource } = segment;
      const termId = postings.termId(term);
      if (termId < 0) continue;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const [start, end] = postings.listOf(termId, f);
        for (let i = start; i < end; i++) if (docSource[postings.docs[i] as number] === source) return true;
      }
    }
    return false;
  }

  /** Position of an article in the corpus's articles (the last one with the id, as a map of all would say). */
  private articlePosition(articleId: string): number | undefined {
    for (let s = this.segments.length - 1; s >= 0; s--) {
      const local = articleTableOf(this.segments[s] as IndexSegment).positions.get(articleId);
      if (local !== undefined) return (this.segmentArticleStart[s] as number) + local;
    }
    return undefined;
  }

  /** A paragraph by article id and paragraph number. */
  paragraphOf(articleId: string, n: number): IndexedParagraph | undefined {
    const article = this.articlePosition(articleId);
    if (article === undefined) return undefined;
    const first = this.articleStart[article] as number;
    const count = (this.articleStart[article + 1] as number) - first;
    // Paragraphs are usually numbered from 1 in order; look there first.
    const guess = this.docs[first + n - 1];
    if (n >= 1 && n <= count && guess?.paragraph.n === n) return guess;
    for (let i = first; i < first + count; i++) if (this.docs[i]?.paragraph.n === n) return this.docs[i];
    return undefined;
  }

  /** Number of paragraphs whose text contains the term (0 when unknown). */
  documentFrequency(term: string): number {
    return this.vocabulary.documentFrequency(term);
  }

  /**
   * Inverse document frequency of a term, BM25-style and never negative: rare terms weigh more
   * when choosing which sentence of a paragraph to quote.
   */
  idf(term: string): number {
    const n = this.docs.length;
    const df = this.vocabulary.documentFrequency(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The word as it is most often written for a term, e.g. `ferroviaires` for `ferroviair`. */
  surfaceOf(term: string): string {
    return this.vocabulary.surfaceOf(term) ?? term;
  }

  /**
   * Every paragraph matching analysed query terms (OR semantics, BM25 as MiniSearch scores it),
   * unsorted, with each article's coverage of the query (summed {@link idf} of the distinct
   * query stems any of its matching paragraphs holds).
   */
  match(queryTerms: readonly string[], options: MatchOptions = {}): Matches {
    return this.score(this.termsOf(queryTerms, options), options);
  }

  /** The best paragraphs for analysed query terms, best first, with the query stems each holds. */
  search(queryTerms: readonly string[], options: SearchOptions = {}): Hit[] {
    const { limit = 10 } = options;
    const terms = this.termsOf(queryTerms, options);
    const found = this.score(terms, options);
    const stems = terms.map((segmentTerms) => segmentTerms.filter((t) => t.primary).flatMap((t) => t.derived.map((d) => d.id)));
    return topPositions(found.count, (i) => found.scores[i] as number, limit).map(({ position, score }) => {
      const id = found.docs[position] as number;
      const s = this.segmentOf(id);
      const { postings } = this.segments[s] as IndexSegment;
      const local = id - (this.docStart[s] as number);
      const held = (stems[s] ?? []).filter((t) => postings.holds(t, local)).map((t) => postings.terms[t] as string);
      return { doc: this.docs[id] as IndexedParagraph, score, matchedTerms: [...new Set(held)] };
    });
  }

  /**
   * Words of the corpus close to a query term (typos, longer words starting with it), as written
   * in the articles, closest and most used first: the basis of "did you mean".
   */
  closeWords(term: string, limit = 5): string[] {
    const close = this.segments.length === 1 ? (this.segments[0] as IndexSegment).typos.closeTo(term) : closeOverSegments(this.segments, term);
    const ranked = close
      .filter(({ term: found }) => this.vocabulary.documentFrequency(found) > 0)
      .map(({ term: found, weight }) => ({ found, score: weight * Math.log(2 + this.vocabulary.documentFrequency(found)) }))
      .sort((a, b) => b.score - a.score || (a.found < b.found ? -1 : 1));
    const out: string[] = [];
    for (const { found } of ranked) {
      const word = this.surfaceOf(found);
      if (!out.includes(word)) out.push(word);
      if (out.length >= limit) break;
    }
    return out;
  }

  /**
   * Index terms (stems) starting with a prefix, most frequent first: French terms, or English ones
   * for a prefix that starts with `en:`.
   */
  termsStartingWith(prefix: string, limit = 25): string[] {
    return this.vocabulary.termsStartingWith(prefix, limit);
  }

  /** Every index term starting with a prefix, in either language, as written in the articles, most frequent first. */
  wordsStartingWith(prefix: string, limit = 25): string[] {
    return this.vocabulary.wordsStartingWith(prefix, limit);
  }

  /**
   * The stems of the paragraphs within a typo of a query stem, each with the weight its matches
   * get (below 1): what a fuzzy search reaches besides the stem itself. Only a stem the
   * paragraphs never use can be a typo: fuzzy matching a known word reaches unrelated ones
   * (`matiere` → `maniere`) and costs time; for a known one, none. In a segmented index the
   * stems come from every segment and their `id` is -1 (each segment has its own ids).
   */
  typosOf(term: string): readonly NearTerm[] {
    if (!TypoMatcher.tolerates(term) || this.vocabulary.documentFrequency(term) > 0) return [];
    return this.segments.length === 1 ? (this.segments[0] as IndexSegment).typos.typosOf(term) : typosOverSegments(this.segments, term);
  }

  /** The segment holding a document id. */
  private segmentOf(id: number): number {
    let s = 0;
    while (s + 1 < this.segments.length && id >= (this.docStart[s + 1] as number)) s++;
    return s;
  }

  /** The query's stems and forms as each segment's source terms (none without a stem: forms never match alone). */
  private termsOf(queryTerms: readonly string[], options: MatchOptions): SourceTerm[][] {
    const { fuzzy = true, forms = [] } = options;
    if (queryTerms.length === 0) return this.segments.map(() => []);
    const all = [...queryTerms, ...forms];
    if (this.segments.length === 1) return [this.sourceTerms(this.segments[0] as IndexSegment, all, fuzzy)];
    return segmentSourceTerms(this.segments, all, fuzzy, (term) => this.typosOf(term));
  }

  /** Scores each segment's source terms under the options' outlet and article filters, and lays the matches out as one index would. */
  private score(terms: readonly SourceTerm[][], options: MatchOptions): Matches {
    const { sourceId, articleId } = options;
    const source = sourceId === undefined ? undefined : (this.sourcePositions.get(sourceId) ?? -2);
    const article = articleId === undefined ? undefined : (this.articlePosition(articleId) ?? -2);
    const [only] = this.segments;
    if (this.segments.length === 1 && only) return only.scorer.run(terms[0] ?? [], filterOf(source, article), (termId) => this.idf(only.postings.terms[termId] as string));
    const found: Array<SegmentMatches['found'][number]> = [];
    this.segments.forEach((segment, s) => {
      const articleStart = this.segmentArticleStart[s] as number;
      const local = article === undefined ? undefined : article - articleStart;
      if (local !== undefined && (local < 0 || local >= segment.articles.length)) return;
      const matches = segment.scorer.run(terms[s] ?? [], filterOf(source, local), (termId) => this.idf(segment.postings.terms[termId] as string), this.totals);
      found.push({ matches, steps: segment.scorer.stepsOfLastRun(), docStart: this.docStart[s] as number, articleStart });
    });
    return mergeMatches({ found, out: this.out as SegmentMatches['out'] });
  }

  /** The query's terms with the index terms each reaches in the only segment (itself; typos of an unknown stem). */
  private sourceTerms(segment: IndexSegment, all: readonly string[], fuzzy: boolean): SourceTerm[] {
    const keys = new Map<string, number>();
    const out: SourceTerm[] = [];
    for (const term of all) {
      let key = keys.get(term);
      if (key === undefined) keys.set(term, (key = keys.size));
      const secondary = isSecondary(term);
      const derived: Array<{ id: number; weight: number }> = [];
      const id = segment.postings.termId(term);
      if (id >= 0) derived.push({ id, weight: 1 });
      if (fuzzy && !secondary) for (const near of this.typosOf(term)) derived.push({ id: near.id, weight: near.weight });
      if (derived.length > 0) out.push({ key, primary: !secondary, derived });
    }
    return out;
  }
}

/** The scorer's filter for a source position and an article position (either may be absent). */
function filterOf(source: number | undefined, article: number | undefined): DocFilter {
  const filter: { -readonly [K in keyof DocFilter]: DocFilter[K] } = {};
  if (source !== undefined) filter.source = source;
  if (article !== undefined) filter.article = article;
  return filter;
}

/** The corpus-wide paragraph count and mean field lengths of the segments together. */
function totalsOf(segments: readonly IndexSegment[], docCount: number): CorpusTotals {
  const sums = new Float64Array(FIELD_COUNT);
  for (const segment of segments) for (let f = 0; f < FIELD_COUNT; f++) sums[f] = (sums[f] as number) + (segment.postings.lengthSums[f] as number);
  return { docCount, averageLengths: sums.map((s) => (docCount > 0 ? s / docCount : 0)) };
}

/** The arrays one after the other, in a new array of the same kind. */
function concatenated<T extends Int32Array | Uint8Array>(Kind: new (length: number) => T, parts: readonly T[]): T {
  const out = new Kind(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A segment's articles by id, and where each one's paragraphs start, in the segment's own numbering. */
interface ArticleTable {
  readonly positions: ReadonlyMap<string, number>;
  /** First local paragraph id of every article, and the paragraph count after the last. */
  readonly starts: Int32Array;
}

/**
 * Made once per segment: a server's engine is composed again at every publish, and making these
 * over the base's articles each time was a synchronous piece of every composition.
 */
const articleTables = new WeakMap<IndexSegment, ArticleTable>();

function articleTableOf(segment: IndexSegment): ArticleTable {
  let table = articleTables.get(segment);
  if (!table) {
    const starts = new Int32Array(segment.articles.length + 1);
    segment.articles.forEach((a, i) => (starts[i + 1] = (starts[i] as number) + a.paragraphs.length));
    table = { positions: new Map(segment.articles.map((a, i) => [a.id, i])), starts };
    articleTables.set(segment, table);
  }
  return table;
}

/** First paragraph id of every article of the segments together, and the paragraph count after the last. */
function articleStarts(segments: readonly IndexSegment[], docStart: Int32Array, articleStart: Int32Array): Int32Array {
  const out = new Int32Array((articleStart[segments.length] as number) + 1);
  segments.forEach((segment, s) => {
    const { starts } = articleTableOf(segment);
    const docs = docStart[s] as number;
    const at = articleStart[s] as number;
    if (docs === 0) out.set(starts, at);
    else for (let i = 0; i < starts.length; i++) out[at + i] = docs + (starts[i] as number);
  });
  return out;
}

/** Throws unless the corpus's articles are the segments' articles in order and every source position names the same outlet. */
function checkSegments(corpus: Corpus, segments: readonly IndexSegment[]): void {
  if (segments.length === 0) throw new Error('recoupe: an index needs at least one segment');
  const articles: Article[] = segments.flatMap((s) => s.articles);
  if (articles.length !== corpus.articles.length || articles.some((a, i) => a.id !== corpus.articles[i]?.id)) throw new Error('recoupe: the corpus articles are not those of the index segments, in order');
  for (const segment of segments) {
    segment.sources.forEach((source, i) => {
      if (corpus.sources[i]?.id !== source.id) throw new Error(`recoupe: segment source ${i} is ${source.id}, the corpus has ${corpus.sources[i]?.id ?? 'none'} there`);
    });
  }
}

/**
 * The `limit` positions of `0 … count - 1` with the highest scores, best first; equal scores in
 * position order. One pass with a small sorted buffer: matches run to the whole corpus, the
 * limit is a handful, and no array of `count` scores is made.
 */
function topPositions(count: number, scoreOf: (position: number) => number, limit: number): Array<{ position: number; score: number }> {
  const best: Array<{ position: number; score: number }> = [];
  if (limit <= 0) return best;
  for (let i = 0; i < count; i++) {
    const score = scoreOf(i);
    if (best.length === limit && score <= (best[best.length - 1] as { score: number }).score) continue;
    let at = best.length;
    while (at > 0 && (best[at - 1] as { score: number }).score < score) at--;
    best.splice(at, 0, { position: i, score });
    if (best.length > limit) best.pop();
  }
  return best;
}
