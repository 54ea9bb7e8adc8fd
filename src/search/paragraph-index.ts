/**
 * Full-text index over every paragraph of the corpus (MiniSearch), with the French analyser on
 * both sides. Documents are paragraphs; their ids are positions in {@link ParagraphIndex.docs}, so
 * a hit leads straight back to the article, outlet and paragraph number to cite.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Article, Corpus, Paragraph, Source } from '../corpus/types.js';
import { analyse, termOf } from '../text/analyser.js';

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
  /** Index terms (stems) of the query found in this paragraph. */
  readonly matched: readonly string[];
}

/** Options of one search. */
export interface SearchOptions {
  /** Only paragraphs of this outlet. */
  readonly sourceId?: string;
  /** Only paragraphs of this article. */
  readonly articleId?: string;
  /** At most this many hits (default 10). */
  readonly limit?: number;
  /** Allow typos on longer terms (default true). */
  readonly fuzzy?: boolean;
}

interface IndexedFields {
  id: number;
  text: string;
  heading: string;
  title: string;
}

/**
 * Field boosts. The paragraph text carries the evidence; the heading and the title say what the
 * paragraph is about, so they help ranking without being quotable themselves.
 */
const BOOST = { text: 1, heading: 0.5, title: 0.3 } as const;

/** Typos are tolerated from this stem length on (shorter stems collide with unrelated words). */
const FUZZY_MIN_LENGTH = 5;
const FUZZY_RATIO = 0.2;

/**
 * MiniSearch analysis for indexing: tokens are folded words without elision; `processTerm` stems
 * them and drops stopwords. Queries are passed as already-analysed stems (see {@link search}).
 */
const indexOptions = {
  fields: ['text', 'heading', 'title'],
  idField: 'id',
  tokenize: (text: string) => analyse(text).map((t) => t.folded),
  processTerm: (term: string) => termOf(term) ?? null,
  searchOptions: {
    tokenize: (query: string) => query.split(' ').filter((t) => t.length > 0),
    processTerm: (term: string) => term,
  },
};

/** The paragraph index of one corpus. */
export class ParagraphIndex {
  /** Every paragraph, by document id. */
  readonly docs: readonly IndexedParagraph[];
  private readonly mini: MiniSearch<IndexedFields>;
  private readonly vocabulary: Vocabulary;

  private constructor(docs: IndexedParagraph[], mini: MiniSearch<IndexedFields>, vocabulary: Vocabulary) {
    this.docs = docs;
    this.mini = mini;
    this.vocabulary = vocabulary;
  }

  /** Indexes every paragraph of the corpus. */
  static build(corpus: Corpus): ParagraphIndex {
    const docs = documentsOf(corpus);
    const mini = new MiniSearch<IndexedFields>(indexOptions);
    mini.addAll(docs.map((d) => ({ id: d.id, text: d.paragraph.text, heading: d.paragraph.heading ?? '', title: d.article.title })));
    return new ParagraphIndex(docs, mini, Vocabulary.of(docs.map((d) => d.paragraph.text)));
  }

  /**
   * Restores an index saved by {@link toJSON} for the same corpus, without re-analysing any
   * text. Throws when the saved data does not fit the corpus (the caller then rebuilds).
   */
  static restore(corpus: Corpus, saved: SavedParagraphIndex): ParagraphIndex {
    const docs = documentsOf(corpus);
    const mini = MiniSearch.loadJS<IndexedFields>(saved.mini as Parameters<typeof MiniSearch.loadJS>[0], indexOptions);
    if (mini.documentCount !== docs.length) throw new Error(`recoupe: saved index has ${mini.documentCount} paragraphs, corpus has ${docs.length}`);
    return new ParagraphIndex(docs, mini, Vocabulary.restore(saved.vocabulary));
  }

  /** Plain data to save and {@link restore} later (structured-clone and JSON safe). */
  toJSON(): SavedParagraphIndex {
    return { mini: this.mini.toJSON(), vocabulary: this.vocabulary.toJSON() };
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

  /** Ranks paragraphs for analysed query terms (OR semantics, BM25 with MiniSearch's defaults). */
  search(queryTerms: readonly string[], options: SearchOptions = {}): Hit[] {
    return this.searchCounted(queryTerms, options).hits;
  }

  /** Like {@link search}, also counting every matching paragraph beyond the limit. */
  searchCounted(queryTerms: readonly string[], options: SearchOptions = {}): { hits: Hit[]; total: number } {
    if (queryTerms.length === 0) return { hits: [], total: 0 };
    const { sourceId, articleId, limit = 10, fuzzy = true } = options;
    const results = this.mini.search(queryTerms.join(' '), {
      boost: BOOST,
      fuzzy: fuzzy ? (term: string) => (term.length >= FUZZY_MIN_LENGTH ? FUZZY_RATIO : false) : false,
      filter: (r: SearchResult) => {
        const doc = this.docs[r.id as number];
        return !!doc && (!sourceId || doc.source.id === sourceId) && (!articleId || doc.article.id === articleId);
      },
    });
    const hits = results.slice(0, limit).map((r) => ({
      doc: this.docs[r.id as number] as IndexedParagraph,
      score: r.score,
      matched: r.terms,
    }));
    return { hits, total: results.length };
  }

  /**
   * Words of the corpus close to a query term (typos, prefixes), as written in the articles,
   * best first: the basis of "did you mean".
   */
  closeWords(term: string, limit = 5): string[] {
    const suggestions = this.mini.autoSuggest(term, { fuzzy: 0.34, prefix: true, boost: BOOST });
    const out: string[] = [];
    for (const s of suggestions) {
      for (const t of s.terms) {
        const word = this.surfaceOf(t);
        if (t !== term && !out.includes(word)) out.push(word);
      }
    }
    return out.slice(0, limit);
  }

  /** Every index term starting with a prefix, as written in the articles, most frequent first. */
  wordsStartingWith(prefix: string, limit = 25): string[] {
    return this.vocabulary.wordsStartingWith(prefix, limit);
  }
}

/** What {@link ParagraphIndex.toJSON} saves. */
export interface SavedParagraphIndex {
  readonly mini: unknown;
  readonly vocabulary: SavedVocabulary;
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

/** Saved form of a {@link Vocabulary}: `[term, document frequency, usual spelling]` rows. */
interface SavedVocabulary {
  readonly rows: ReadonlyArray<readonly [string, number, string]>;
}

/** Per-term statistics of the paragraph texts: document frequency and the usual spelling. */
class Vocabulary {
  private constructor(
    private readonly df: Map<string, number>,
    private readonly surfaces: Map<string, string>,
    private readonly folded: Array<[string, string, number]>,
  ) {}

  static of(texts: readonly string[]): Vocabulary {
    const df = new Map<string, number>();
    const counts = new Map<string, Map<string, number>>();
    for (const text of texts) {
      const seen = new Set<string>();
      for (const t of analyse(text)) {
        if (t.term === undefined) continue;
        if (!seen.has(t.term)) {
          seen.add(t.term);
          df.set(t.term, (df.get(t.term) ?? 0) + 1);
        }
        const bySurface = counts.get(t.term) ?? new Map<string, number>();
        bySurface.set(t.surface, (bySurface.get(t.surface) ?? 0) + 1);
        counts.set(t.term, bySurface);
      }
    }
    const surfaces = new Map<string, string>();
    const folded: Array<[string, string, number]> = [];
    for (const [term, bySurface] of counts) {
      const best = [...bySurface].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
      if (!best) continue;
      surfaces.set(term, best[0]);
      folded.push([term, best[0], df.get(term) ?? 0]);
    }
    folded.sort((a, b) => b[2] - a[2] || a[1].localeCompare(b[1]));
    return new Vocabulary(df, surfaces, folded);
  }

  static restore(saved: SavedVocabulary): Vocabulary {
    const df = new Map<string, number>();
    const surfaces = new Map<string, string>();
    const byFrequency: Array<[string, string, number]> = [];
    // Rows are saved most frequent first, so the autocomplete order needs no new sort.
    for (const [term, count, surface] of saved.rows) {
      df.set(term, count);
      surfaces.set(term, surface);
      byFrequency.push([term, surface, count]);
    }
    return new Vocabulary(df, surfaces, byFrequency);
  }

  toJSON(): SavedVocabulary {
    return { rows: this.folded.map(([term, surface, count]) => [term, count, surface] as const) };
  }

  documentFrequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  surfaceOf(term: string): string | undefined {
    return this.surfaces.get(term);
  }

  wordsStartingWith(prefix: string, limit: number): string[] {
    const out: string[] = [];
    for (const [term, surface] of this.folded) {
      if (term.startsWith(prefix)) out.push(surface);
      if (out.length >= limit) break;
    }
    return out;
  }
}
