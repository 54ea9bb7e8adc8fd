/**
 * One segment of the paragraph index: the paragraphs of some articles, with their own posting
 * lists, vocabulary, typo matcher and scorer, numbered from 0 (local ids). The shared base is one
 * segment; the articles a server publishes are small others. {@link ParagraphIndex} reads one
 * or several as one index, with the corpus-wide statistics BM25 needs.
 *
 * Source positions are positions in the source list the segment was built with: a composition's
 * source list only ever appends to it, so they stay valid in every composition.
 */
import type { Article, Paragraph, Source } from '../corpus/types.js';
import { analyse, languageOf, type Language } from '../text/analyser.js';
import { Scorer } from './bm25.js';
import { analyseText, type TextAnalysis } from './excerpt-span.js';
import { isSecondary, paragraphFields, stemField, type FieldTerms } from './fields.js';
import { FIELDS, Postings, PostingsBuilder, type PostingData } from './postings.js';
import { finishNow, type Stepwise } from '../text/stepwise.js';
import { TypoMatcher } from './typos.js';
import { Vocabulary, VocabularyBuilder, type SavedVocabulary } from './vocabulary.js';

/** One indexed paragraph and everything needed to cite it. */
export interface IndexedParagraph {
  readonly id: number;
  readonly article: Article;
  readonly source: Source;
  readonly paragraph: Paragraph;
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

/** Paragraph analyses kept per segment for excerpt choice (see {@link IndexSegment.analysisOf}). */
const ANALYSES_KEPT = 20_000;

/** What {@link IndexSegment.save} returns: posting arrays and the vocabulary. */
export interface SavedParagraphIndex {
  readonly postings: PostingData;
  readonly vocabulary: SavedVocabulary;
}

/** The index of some articles' paragraphs, by local id. */
export class IndexSegment {
  /** Every paragraph, by local id. */
  readonly docs: readonly IndexedParagraph[];
  /** Position of every paragraph's source in {@link sources}. */
  readonly docSource: Int32Array;
  /** Position of every paragraph's article in {@link articles}. */
  readonly docArticle: Int32Array;
  /** 1 for a paragraph of an English article, 0 for a French one, by local id. */
  readonly english: Uint8Array;
  readonly postings: Postings;
  readonly vocabulary: Vocabulary;
  readonly typos: TypoMatcher;
  readonly scorer: Scorer;
  /**
   * Analyses by local id, made on first use and kept: every query chooses an excerpt in each of
   * its candidate paragraphs, and analysing them again each time was most of a query's time.
   * Held by the segment, so that a new composition over it starts with its hot paragraphs.
   * Bounded, so a large corpus queried for days does not end up holding every paragraph twice.
   */
  private readonly analyses = new Map<number, TextAnalysis>();

  private constructor(
    readonly articles: readonly Article[],
    /** The sources the articles' source ids were looked up in. */
    readonly sources: readonly Source[],
    postings: Postings,
    vocabulary: Vocabulary,
  ) {
    const docs = documentsOf(articles, sources);
    if (postings.docCount !== docs.length) throw new Error(`recoupe: saved index has ${postings.docCount} paragraphs, corpus has ${docs.length}`);
    this.docs = docs;
    this.postings = postings;
    this.vocabulary = vocabulary;
    this.typos = new TypoMatcher(postings.terms, (term) => !isSecondary(term));
    const sourcePositions = new Map(sources.map((s, i) => [s.id, i]));
    const articlePositions = new Map(articles.map((a, i) => [a.id, i]));
    this.docSource = Int32Array.from(docs, (d) => sourcePositions.get(d.source.id) ?? -1);
    this.docArticle = Int32Array.from(docs, (d) => articlePositions.get(d.article.id) ?? -1);
    this.english = Uint8Array.from(docs, (d) => (languageOf(d.article.language) === 'en' ? 1 : 0));
    this.scorer = new Scorer(
      postings,
      FIELDS.map((f) => BOOST[f]),
      this.docSource,
      this.docArticle,
      articles.length,
    );
  }

  /** Indexes every paragraph of the articles: one analysis per paragraph feeds every field and the vocabulary. */
  static build(articles: readonly Article[], sources: readonly Source[]): IndexSegment {
    return finishNow(IndexSegment.steps(articles, sources));
  }

  /** {@link build} as steps, one per paragraph, for a cooperative run (see stepwise.ts). */
  static *steps(articles: readonly Article[], sources: readonly Source[]): Stepwise<IndexSegment> {
    const { postings, vocabulary } = yield* collectIndexSteps(documentsOf(articles, sources));
    return new IndexSegment(articles, sources, new Postings(postings.build()), vocabulary.build());
  }

  /**
   * Makes now the lookup structures queries would otherwise make on first need (typo trees,
   * the vocabulary's alphabetical order): a segment built while serving is then put in place
   * ready, and the first queries over it cost what later ones do.
   */
  prepare(): void {
    this.typos.prepare();
    this.vocabulary.prepare();
  }

  /**
   * Restores a segment saved by {@link save} for the same articles, without re-analysing any
   * text. Throws when the saved data does not fit them (the caller then rebuilds).
   */
  static restore(articles: readonly Article[], sources: readonly Source[], saved: SavedParagraphIndex): IndexSegment {
    return new IndexSegment(articles, sources, new Postings(saved.postings), Vocabulary.restore(saved.vocabulary));
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
}

/**
 * Analyses the paragraphs, one step each, into the builders of their posting lists and
 * vocabulary: an {@link IndexSegment}'s work before its lookup structures are made, which a
 * parallel build (src/knowledge/parallel-build.ts) does in several threads and joins.
 */
export function* collectIndexSteps(docs: readonly IndexedParagraph[]): Stepwise<{ postings: PostingsBuilder; vocabulary: VocabularyBuilder }> {
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
    yield;
  }
  return { postings, vocabulary };
}

/** Every paragraph of the articles in a stable order: articles as given, paragraphs in order; ids from 0. */
export function documentsOf(articles: readonly Article[], sources: readonly Source[]): IndexedParagraph[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const docs: IndexedParagraph[] = [];
  for (const article of articles) {
    const source = byId.get(article.source);
    if (!source) throw new Error(`recoupe: article ${article.id} names unknown source ${article.source}`);
    for (const paragraph of article.paragraphs) docs.push({ id: docs.length, article, source, paragraph });
  }
  return docs;
}
