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
 */
import type { Article, Corpus, Paragraph, Source } from '../corpus/types.js';
import { analyse, languageOf, type Language } from '../text/analyser.js';
import { Scorer, type DocFilter, type Matches, type SourceTerm } from './bm25.js';
import { analyseText, type TextAnalysis } from './excerpt-span.js';
import { isSecondary, paragraphFields, stemField, type FieldTerms } from './fields.js';
import { FIELDS, Postings, PostingsBuilder, type PostingData } from './postings.js';
import { TypoMatcher, type NearTerm } from './typos.js';
import { Vocabulary, VocabularyBuilder, type SavedVocabulary } from './vocabulary.js';

export type { Matches } from './bm25.js';

/** One indexed paragraph and everything needed to cite it. */
export interface IndexedParagraph {
  readonly id: number;
  readonly article: Article;
  readonly source: Source;
  readonly paragraph: Paragraph;
}


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

/**
 * Field boosts. The paragraph text carries the evidence; the heading and the title say what the
 * paragraph is about, so they help ranking without being quotable themselves. Questions name
 * their topic as the title does (`l'île`, `le fils prodigue`): a title weighing as much as the
 * text ranked better than 0.3 on the relevance benchmark. The exact and prefix forms mostly act
 * through the coordination factor (a score is multiplied by the number of query terms matched),
 * so a small boost is enough; larger ones ranked worse.
 */
export const BOOST = { text: 1, heading: 0.5, title: 1, exact: 0.25, prefix: 0.25 } as const;

/** Paragraph analyses kept for excerpt choice (see ParagraphIndex.analysisOf). */
const ANALYSES_KEPT = 20_000;

/** What {@link ParagraphIndex.save} returns: posting arrays and the vocabulary. */
export interface SavedParagraphIndex {
  readonly postings: PostingData;
  readonly vocabulary: SavedVocabulary;
}

/** The paragraph index of one corpus. */
export class ParagraphIndex {
  /** Every paragraph, by document id. */
  readonly docs: readonly IndexedParagraph[];
  /** Position of every paragraph's source in the corpus's sources. */
  readonly docSource: Int32Array;
  /** Position of every paragraph's article in the corpus's articles. */
  readonly docArticle: Int32Array;
  /** Some article is English: queries then search English terms too. */
  readonly hasEnglish: boolean;
  /** 1 for a paragraph of an English article, 0 for a French one, by document id. */
  private readonly english: Uint8Array;
  private readonly postings: Postings;
  private readonly vocabulary: Vocabulary;
  private readonly scorer: Scorer;
  private readonly sourcePositions: ReadonlyMap<string, number>;
  private readonly articlePositions: ReadonlyMap<string, number>;
  /** First paragraph id of every article, and the paragraph count after the last. */
  private readonly articleStart: Int32Array;
  private readonly typos: TypoMatcher;
  /**
   * Analyses by document id, made on first use and kept: every query chooses an excerpt in each
   * of its candidate paragraphs, and analysing them again each time was most of a query's time.
   * Bounded, so a large corpus queried for days does not end up holding every paragraph twice.
   */
  private readonly analyses = new Map<number, TextAnalysis>();

  private constructor(corpus: Corpus, docs: IndexedParagraph[], postings: Postings, vocabulary: Vocabulary) {
    if (postings.docCount !== docs.length) throw new Error(`recoupe: saved index has ${postings.docCount} paragraphs, corpus has ${docs.length}`);
    this.docs = docs;
    this.postings = postings;
    this.vocabulary = vocabulary;
    this.typos = new TypoMatcher(postings.terms, (term) => !isSecondary(term));
    this.sourcePositions = new Map(corpus.sources.map((s, i) => [s.id, i]));
    this.articlePositions = new Map(corpus.articles.map((a, i) => [a.id, i]));
    this.docSource = Int32Array.from(docs, (d) => this.sourcePositions.get(d.source.id) ?? -1);
    this.docArticle = Int32Array.from(docs, (d) => this.articlePositions.get(d.article.id) ?? -1);
    this.english = Uint8Array.from(docs, (d) => (languageOf(d.article.language) === 'en' ? 1 : 0));
    this.hasEnglish = this.english.includes(1);
    this.articleStart = new Int32Array(corpus.articles.length + 1);
    corpus.articles.forEach((a, i) => (this.articleStart[i + 1] = (this.articleStart[i] as number) + a.paragraphs.length));
    this.scorer = new Scorer(
      postings,
      FIELDS.map((f) => BOOST[f]),
      this.docSource,
      this.docArticle,
      corpus.articles.length,
    );
  }

  /** Indexes every paragraph of the corpus: one analysis per paragraph feeds every field and the vocabulary. */
  static build(corpus: Corpus): ParagraphIndex {
    const docs = documentsOf(corpus);
    const postings = new PostingsBuilder();
    const vocabulary = new VocabularyBuilder();
    const titles = new Map<Article, FieldTerms>();
    for (const doc of docs) {
      const language = languageOf(doc.article.language);
      const tokens = analyse(doc.paragraph.text, language);
      vocabulary.add(tokens);
      let title = titles.get(doc.article);
      if (!title) titles.set(doc.article, (title = stemField(doc.article.title, language)));
      postings.add(paragraphFields(tokens, doc.paragraph.heading ? stemField(doc.paragraph.heading, language) : undefined, title, language));
    }
    return new ParagraphIndex(corpus, docs, new Postings(postings.build()), vocabulary.build());
  }

  /**
   * Restores an index saved by {@link save} for the same corpus, without re-analysing any text.
   * Throws when the saved data does not fit the corpus (the caller then rebuilds).
   */
  static restore(corpus: Corpus, saved: SavedParagraphIndex): ParagraphIndex {
    return new ParagraphIndex(corpus, documentsOf(corpus), new Postings(saved.postings), Vocabulary.restore(saved.vocabulary));
  }

  /** The data to save and {@link restore} later: typed arrays and plain JSON. */
  save(): SavedParagraphIndex {
    return { postings: this.postings.toData(), vocabulary: this.vocabulary.toJSON() };
  }

  /** The language a paragraph is analysed in (its article's). */
  languageOfDoc(id: number): Language {
    return this.english[id] === 1 ? 'en' : 'fr';
  }

  /** The tokens and sentence spans of a paragraph's text (computed once per paragraph, in its language). */
  analysisOf(id: number): TextAnalysis {
    const known = this.analyses.get(id);
    if (known) return known;
    const analysis = analyseText(this.docs[id]?.paragraph.text ?? '', this.languageOfDoc(id));
    // Dropping the oldest entry (Maps keep insertion order) keeps the hot paragraphs most of the time.
    if (this.analyses.size >= ANALYSES_KEPT) this.analyses.delete(this.analyses.keys().next().value as number);
    this.analyses.set(id, analysis);
    return analysis;
  }

  /** A paragraph by article id and paragraph number. */
  paragraphOf(articleId: string, n: number): IndexedParagraph | undefined {
    const article = this.articlePositions.get(articleId);
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
    return this.score(this.sourceTermsOf(queryTerms, options), options);
  }

  /** The best paragraphs for analysed query terms, best first, with the query stems each holds. */
  search(queryTerms: readonly string[], options: SearchOptions = {}): Hit[] {
    const { limit = 10 } = options;
    const terms = this.sourceTermsOf(queryTerms, options);
    const found = this.score(terms, options);
    const stems = terms.filter((t) => t.primary).flatMap((t) => t.derived.map((d) => d.id));
    return topPositions(found.count, (i) => found.scores[i] as number, limit).map(({ position, score }) => {
      const id = found.docs[position] as number;
      return { doc: this.docs[id] as IndexedParagraph, score, matchedTerms: [...new Set(stems.filter((t) => this.postings.holds(t, id)).map((t) => this.postings.terms[t] as string))] };
    });
  }

  /** Scores source terms under the options' outlet and article filters. */
  private score(terms: readonly SourceTerm[], options: MatchOptions): Matches {
    const { sourceId, articleId } = options;
    const filter: { -readonly [K in keyof DocFilter]: DocFilter[K] } = {};
    if (sourceId !== undefined) filter.source = this.sourcePositions.get(sourceId) ?? -2;
    if (articleId !== undefined) filter.article = this.articlePositions.get(articleId) ?? -2;
    return this.scorer.run(terms, filter, (termId) => this.idf(this.postings.terms[termId] as string));
  }

  /** The query's stems and forms as source terms (none without a stem: forms never match alone). */
  private sourceTermsOf(queryTerms: readonly string[], options: MatchOptions): SourceTerm[] {
    const { fuzzy = true, forms = [] } = options;
    return queryTerms.length === 0 ? [] : this.sourceTerms([...queryTerms, ...forms], fuzzy);
  }

  /**
   * Words of the corpus close to a query term (typos, longer words starting with it), as written
   * in the articles, closest and most used first: the basis of "did you mean".
   */
  closeWords(term: string, limit = 5): string[] {
    const ranked = this.typos
      .closeTo(term)
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
   * (`matiere` → `maniere`) and costs time; for a known one, none.
   */
  typosOf(term: string): readonly NearTerm[] {
    if (!TypoMatcher.tolerates(term) || this.vocabulary.documentFrequency(term) > 0) return [];
    return this.typos.typosOf(term);
  }

  /** The query's terms with the index terms each reaches (itself; typos of an unknown stem). */
  private sourceTerms(all: readonly string[], fuzzy: boolean): SourceTerm[] {
    const keys = new Map<string, number>();
    const out: SourceTerm[] = [];
    for (const term of all) {
      let key = keys.get(term);
      if (key === undefined) keys.set(term, (key = keys.size));
      const secondary = isSecondary(term);
      const derived: Array<{ id: number; weight: number }> = [];
      const id = this.postings.termId(term);
      if (id >= 0) derived.push({ id, weight: 1 });
      if (fuzzy && !secondary) for (const near of this.typosOf(term)) derived.push({ id: near.id, weight: near.weight });
      if (derived.length > 0) out.push({ key, primary: !secondary, derived });
    }
    return out;
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

/** Every paragraph of the corpus in a stable order: articles as loaded, paragraphs in order. */
function documentsOf(corpus: Corpus): IndexedParagraph[] {
  const sources = new Map(corpus.sources.map((s) => [s.id, s]));
  const docs: IndexedParagraph[] = [];
  for (const article of corpus.articles) {
    const source = sources.get(article.source);
    if (!source) throw new Error(`recoupe: article ${article.id} names unknown source ${article.source}`);
    for (const paragraph of article.paragraphs) docs.push({ id: docs.length, article, source, paragraph });
  }
  return docs;
}
