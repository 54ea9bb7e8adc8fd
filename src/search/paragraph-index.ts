/**
 * Full-text index over every paragraph of the corpus (MiniSearch), with the French analyser on
 * both sides. Documents are paragraphs; their ids are positions in {@link ParagraphIndex.docs}, so
 * a hit leads straight back to the article, outlet and paragraph number to cite.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Article, Corpus, Paragraph, Source } from '../corpus/types.js';
import { analyse, prefixTermOf, surfaceTermOf, termOf, type Token } from '../text/analyser.js';
import { sentenceSpans, type Span } from '../text/sentences.js';

/** One indexed paragraph and everything needed to cite it. */
export interface IndexedParagraph {
  readonly id: number;
  readonly article: Article;
  readonly source: Source;
  readonly paragraph: Paragraph;
}

/** A paragraph's words and sentences, as excerpt choice reads them. */
export interface ParagraphAnalysis {
  readonly tokens: readonly Token[];
  readonly sentences: readonly Span[];
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
  /**
   * The query's secondary terms (`queryForms`: exact and prefix forms). They add to a
   * paragraph's score but never make it a hit on their own.
   */
  readonly forms?: readonly string[];
}

interface IndexedFields {
  id: number;
  text: string;
  heading: string;
  title: string;
}

/**
 * Field boosts. The paragraph text carries the evidence; the heading and the title say what the
 * paragraph is about, so they help ranking without being quotable themselves. Questions name
 * their topic as the title does (`l'île`, `le fils prodigue`): a title weighing as much as the
 * text ranked better than 0.3 on the relevance benchmark. The exact and prefix forms mostly act
 * through MiniSearch's coordination factor (a score is multiplied by the number of query terms
 * matched), so a small boost is enough; larger ones ranked worse.
 */
const BOOST = { text: 1, heading: 0.5, title: 1, exact: 0.25, prefix: 0.25 } as const;

/** Paragraph analyses kept for excerpt choice (see ParagraphIndex.analysisOf). */
const ANALYSES_KEPT = 20_000;

/** Typos are tolerated from this stem length on (shorter stems collide with unrelated words). */
const FUZZY_MIN_LENGTH = 5;
const FUZZY_RATIO = 0.2;
/** Edits allowed at most, whatever the length: more reach unrelated words and cost time. */
const FUZZY_MAX_EDITS = 2;

/**
 * MiniSearch analysis for indexing: tokens are folded words without elision; `processTerm` stems
 * them and drops stopwords. The paragraph text is indexed twice more, as written (`exact`) and
 * by word beginnings (`prefix`), with marked terms that only queries' own forms can match.
 * Queries are passed already analysed (see {@link ParagraphIndex.searchCounted}). Exported so a
 * saved index is always loaded with the very options it was built with.
 */
export const INDEX_OPTIONS = {
  fields: ['text', 'heading', 'title', 'exact', 'prefix'],
  idField: 'id',
  extractField: (doc: IndexedFields, field: string) => (field === 'exact' || field === 'prefix' ? doc.text : String(doc[field as keyof IndexedFields])),
  tokenize: (text: string) => analyse(text).map((t) => t.folded),
  processTerm: (term: string, field?: string) => (field === 'exact' ? surfaceTermOf(term) : field === 'prefix' ? prefixTermOf(term) : termOf(term)) ?? null,
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
  /**
   * Analyses by document id, made on first use and kept: every query chooses an excerpt in each
   * of its candidate paragraphs, and analysing them again each time was most of a query's time.
   * Bounded, so a large corpus queried for days does not end up holding every paragraph twice.
   */
  private readonly analyses = new Map<number, ParagraphAnalysis>();

  private constructor(docs: IndexedParagraph[], mini: MiniSearch<IndexedFields>, vocabulary: Vocabulary) {
    this.docs = docs;
    this.mini = mini;
    this.vocabulary = vocabulary;
  }

  /** Indexes every paragraph of the corpus. */
  static build(corpus: Corpus): ParagraphIndex {
    const docs = documentsOf(corpus);
    const mini = new MiniSearch<IndexedFields>(INDEX_OPTIONS);
    mini.addAll(docs.map((d) => ({ id: d.id, text: d.paragraph.text, heading: d.paragraph.heading ?? '', title: d.article.title })));
    return new ParagraphIndex(docs, mini, Vocabulary.of(docs.map((d) => d.paragraph.text)));
  }

  /**
   * Restores an index saved by {@link toJSON} for the same corpus, without re-analysing any
   * text. Throws when the saved data does not fit the corpus (the caller then rebuilds).
   */
  static restore(corpus: Corpus, saved: SavedParagraphIndex): ParagraphIndex {
    const docs = documentsOf(corpus);
    const mini = MiniSearch.loadJS<IndexedFields>(saved.mini as Parameters<typeof MiniSearch.loadJS>[0], INDEX_OPTIONS);
    if (mini.documentCount !== docs.length) throw new Error(`recoupe: saved index has ${mini.documentCount} paragraphs, corpus has ${docs.length}`);
    return new ParagraphIndex(docs, mini, Vocabulary.restore(saved.vocabulary));
  }

  /** Plain data to save and {@link restore} later (structured-clone and JSON safe). */
  toJSON(): SavedParagraphIndex {
    return { mini: this.mini.toJSON(), vocabulary: this.vocabulary.toJSON() };
  }

  /** The tokens and sentence spans of a paragraph's text (computed once per paragraph). */
  analysisOf(id: number): ParagraphAnalysis {
    const known = this.analyses.get(id);
    if (known) return known;
    const text = this.docs[id]?.paragraph.text ?? '';
    const analysis = { tokens: analyse(text), sentences: sentenceSpans(text) };
    // Dropping the oldest entry (Maps keep insertion order) keeps the hot paragraphs most of the time.
    if (this.analyses.size >= ANALYSES_KEPT) this.analyses.delete(this.analyses.keys().next().value as number);
    this.analyses.set(id, analysis);
    return analysis;
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
    const { sourceId, articleId, limit = 10, fuzzy = true, forms = [] } = options;
    const results = this.mini.search([...queryTerms, ...forms].join(' '), {
      boost: BOOST,
      // Only a word the paragraphs never use can be a typo: fuzzy matching a known word reaches
      // unrelated ones (`matiere` → `maniere`) and costs time.
      fuzzy: fuzzy ? (term: string) => (!isSecondary(term) && term.length >= FUZZY_MIN_LENGTH && this.vocabulary.documentFrequency(term) === 0 ? FUZZY_RATIO : false) : false,
      maxFuzzy: FUZZY_MAX_EDITS,
      filter: (r: SearchResult) => {
        const doc = this.docs[r.id as number];
        if (!doc || !r.queryTerms.some((t) => !isSecondary(t))) return false;
        return (!sourceId || doc.source.id === sourceId) && (!articleId || doc.article.id === articleId);
      },
    });
    const hits = results.slice(0, limit).map((r) => ({
      doc: this.docs[r.id as number] as IndexedParagraph,
      score: r.score,
      matched: r.terms.filter((t) => !isSecondary(t)),
    }));
    return { hits, total: results.length };
  }

  /**
   * Words of the corpus close to a query term (typos, prefixes), as written in the articles,
   * best first: the basis of "did you mean".
   */
  closeWords(term: string, limit = 5): string[] {
    // Two edits at most: beyond, a long word's neighbourhood is most of the index, slow to walk
    // and no longer a spelling of the word.
    const suggestions = this.mini.autoSuggest(term, { fields: PRIMARY_FIELDS, fuzzy: 0.34, maxFuzzy: FUZZY_MAX_EDITS, prefix: true, boost: BOOST });
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

/** Fields holding stems: suggestions come from these only. */
const PRIMARY_FIELDS = ['text', 'heading', 'title'];

/** True for an exact or prefix form (`=armee`, `~armee`), false for a stem. */
function isSecondary(term: string): boolean {
  return term.startsWith('=') || term.startsWith('~');
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
    /** `[term, usual spelling, document frequency]`, most frequent first. */
    private readonly byFrequency: Array<[string, string, number]>,
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
    const byFrequency: Array<[string, string, number]> = [];
    for (const [term, bySurface] of counts) {
      const best = [...bySurface].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
      if (!best) continue;
      surfaces.set(term, best[0]);
      byFrequency.push([term, best[0], df.get(term) ?? 0]);
    }
    byFrequency.sort((a, b) => b[2] - a[2] || a[1].localeCompare(b[1]));
    return new Vocabulary(df, surfaces, byFrequency);
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
    return { rows: this.byFrequency.map(([term, surface, count]) => [term, count, surface] as const) };
  }

  documentFrequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  surfaceOf(term: string): string | undefined {
    return this.surfaces.get(term);
  }

  wordsStartingWith(prefix: string, limit: number): string[] {
    const key = `${limit}:${prefix}`;
    const known = this.prefixMemo.get(key);
    if (known) return [...known];
    const rows = prefix === '' ? this.byFrequency.slice(0, limit) : this.rowsWithPrefix(prefix, limit);
    const out = rows.map(([, surface]) => surface);
    // Autocomplete asks the same short prefixes again and again; keep the answers, bounded.
    if (this.prefixMemo.size >= PREFIX_MEMO_MAX) this.prefixMemo.clear();
    this.prefixMemo.set(key, out);
    return [...out];
  }

  /** Rows whose term starts with `prefix`, most frequent first: a binary search, then the range. */
  private rowsWithPrefix(prefix: string, limit: number): Array<[string, string, number]> {
    const sorted = (this.alphabetical ??= [...this.byFrequency].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((sorted[mid]?.[0] ?? '') < prefix) low = mid + 1;
      else high = mid;
    }
    const range: Array<[string, string, number]> = [];
    for (let i = low; i < sorted.length && (sorted[i]?.[0] ?? '').startsWith(prefix); i++) range.push(sorted[i] as [string, string, number]);
    return range.sort((a, b) => b[2] - a[2] || a[1].localeCompare(b[1])).slice(0, limit);
  }

  private alphabetical: Array<[string, string, number]> | undefined;
  private readonly prefixMemo = new Map<string, readonly string[]>();
}

/** Prefix answers remembered per vocabulary. */
const PREFIX_MEMO_MAX = 20_000;
