/**
 * BM25 over {@link Postings}, computed exactly as MiniSearch 7 computes it (same formula, same
 * defaults, same field boosts, the score multiplied by the number of query terms matched), so
 * that moving the index out of MiniSearch changed speed and nothing else; a test checks the
 * scores against MiniSearch itself.
 */
import { FIELD_COUNT, FIELD_ID, positionIn, type Postings } from './postings.js';

/** MiniSearch's BM25+ parameters (its defaults, which the relevance benchmark kept). */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** One index term a query term reaches: itself, or a corpus word within a typo of it. */
export interface DerivedTerm {
  readonly id: number;
  /** 1 for the term itself; less for a typo match (MiniSearch's fuzzy weight, below 1). */
  readonly weight: number;
  /**
   * Its place among all the query's index terms (primary terms first, in order, each with the
   * terms it reaches): where its lists come in the scoring walk. Given by a segmented index,
   * whose segments each see only the terms they hold; by default, its place in this query.
   */
  readonly order?: number;
  /**
   * Number of paragraphs holding it, by field, over the whole segmented index (BM25's document
   * frequency is corpus-wide); by default, the length of this index's own list.
   */
  readonly matching?: ArrayLike<number>;
}

/**
 * The corpus-wide figures BM25 reads, when the scored postings are one segment of a larger index:
 * its paragraph count and the mean length of each field over all of them.
 */
export interface CorpusTotals {
  readonly docCount: number;
  readonly averageLengths: ArrayLike<number>;
}

/** One term of a query, with the index terms it reaches. */
export interface SourceTerm {
  /**
   * Which query word this is: a word given twice is scored twice but counts once towards the
   * number of query terms matched, as in MiniSearch. Small numbers from 0.
   */
  readonly key: number;
  /** False for a secondary form (exact spelling, word beginning): it never makes a hit alone. */
  readonly primary: boolean;
  readonly derived: readonly DerivedTerm[];
}

/** Which paragraphs may match. */
export interface DocFilter {
  /** Only paragraphs of this source (its position in the corpus's sources). */
  readonly source?: number;
  /** Only paragraphs of this article (its position in the corpus's articles). */
  readonly article?: number;
}

/**
 * Query terms whose presence in each paragraph's text is recorded ({@link Matches.textTerms}):
 * one bit each of a 32-bit word. Keys from this one on are scored as usual, not recorded.
 */
export const RECORDED_KEYS = 32;

const TEXT_FIELD = FIELD_ID.text;

/** A binary-search step against a step of a list walk, roughly: when to look up rather than walk. */
const LOOKUP_COST = 4;

/**
 * Every paragraph that matched, in no particular order, and what each article covers. The arrays
 * are the scorer's own and are overwritten by its next query: read them before searching again
 * (a query allocates nothing of the index's size).
 */
export interface Matches {
  readonly count: number;
  /** Paragraph ids, `count` of them. */
  readonly docs: Int32Array;
  /** Their scores, aligned with `docs`. */
  readonly scores: Float64Array;
  /**
   * By article position: the summed weight of the distinct primary index terms that any of its
   * matching paragraphs holds.
   */
  readonly coverage: Float64Array;
  /**
   * Aligned with `docs`: bit `key` is set when the paragraph's text (not its heading or title)
   * holds primary source term `key` itself, for keys below {@link RECORDED_KEYS}.
   */
  readonly textTerms: Uint32Array;
  /** Aligned with `docs`: the same, for a paragraph text reached only through a typo of the term. */
  readonly textTypos: Uint32Array;
}

/**
 * Scores queries against one index. Holds one set of per-paragraph scratch arrays, reused by
 * every query (a query is synchronous, so two never overlap): nothing is allocated per posting.
 */
export class Scorer {
  private readonly score: Float64Array;
  private readonly distinct: Uint16Array;
  /**
   * Serial of the last source term that reached each paragraph. Serials only grow, and a query's
   * source terms have serials above the query's own: a paragraph was reached by the running
   * query exactly when its serial here is above the query's.
   */
  private readonly termBy: Int32Array;
  private readonly touched: Int32Array;
  /**
   * By touched position: the step of the walk (list order times fields, plus the field) that
   * first reached the paragraph, so that a segmented index can lay its segments' matches out in
   * the order one index would have reached them.
   */
  private readonly touchedSteps: Int32Array;
  /** Where the matches are written (see {@link Matches}): a query allocates nothing per paragraph. */
  private readonly outDocs: Int32Array;
  private readonly outScores: Float64Array;
  /** What each paragraph's text holds of the running query (see {@link Matches.textTerms}). */
  private readonly textBits: Uint32Array;
  private readonly typoBits: Uint32Array;
  private readonly outTextTerms: Uint32Array;
  private readonly outTextTypos: Uint32Array;
  /** By article position: {@link Matches.coverage}, and the last derived term that added to it. */
  private readonly coverage: Float64Array;
  private readonly articleSeen: Int32Array;
  /** The postings' frequencies and field lengths, held directly: {@link credit} reads them per posting. */
  private readonly freqs: Uint16Array;
  private readonly fieldLengths: Uint16Array;
  private serial = 0;
  /** Paragraphs reached by the running query (the first entries of `touched`). */
  private touchedCount = 0;

  constructor(
    private readonly postings: Postings,
    /** Field boosts, in field order. */
    private readonly boosts: readonly number[],
    /** Source position of every paragraph. */
    private readonly docSource: Int32Array,
    /** Article position of every paragraph. */
    private readonly docArticle: Int32Array,
    articleCount: number,
    /** Serials are restarted past this (tests lower it to see a restart happen). */
    private readonly maxSerial = 0x7fff0000,
  ) {
    const n = postings.docCount;
    this.score = new Float64Array(n);
    this.distinct = new Uint16Array(n);
    this.termBy = new Int32Array(n);
    this.touched = new Int32Array(n);
    this.touchedSteps = new Int32Array(n);
    this.outDocs = new Int32Array(n);
    this.outScores = new Float64Array(n);
    this.textBits = new Uint32Array(n);
    this.typoBits = new Uint32Array(n);
    this.outTextTerms = new Uint32Array(n);
    this.outTextTypos = new Uint32Array(n);
    this.coverage = new Float64Array(articleCount);
    this.articleSeen = new Int32Array(articleCount);
    this.freqs = postings.freqs;
    this.fieldLengths = postings.fieldLengths;
  }

  /**
   * Scores every paragraph that holds a query term and passes the filter. `coverageWeight` gives
   * the weight a primary index term adds to its articles' coverage. `totals` (with each derived
   * term's `matching`) are the whole index's when these postings are one segment of it.
   */
  run(terms: readonly SourceTerm[], filter: DocFilter, coverageWeight: (termId: number) => number, totals?: CorpusTotals): Matches {
    const { postings, boosts, score, distinct, termBy, touched, touchedSteps, docSource, docArticle, textBits, typoBits } = this;
    const { docs } = postings;
    const docCount = totals?.docCount ?? postings.docCount;
    const averageLengths = totals?.averageLengths ?? postings.averageLengths;
    const keys = terms.reduce((most, t) => Math.max(most, t.key + 1), 0);
    if (this.serial > this.maxSerial - keys) this.reset();
    const query = ++this.serial;
    // Serials query + 1 … query + keys name this query's source terms.
    this.serial += keys;
    this.touchedCount = 0;
    const { coverage, articleSeen } = this;
    coverage.fill(0);
    articleSeen.fill(-1);
    const covered = new Set<number>();
    const wantSource = filter.source ?? -1;
    const wantArticle = filter.article ?? -1;

    // Primary terms first: only they make a paragraph a match, so the secondary forms after them
    // only add to paragraphs already reached (one reached by forms alone is no hit). The sums
    // are the same as in query order, up to the last bits of floating point.
    const ordered = [...terms.filter((t) => t.primary), ...terms.filter((t) => !t.primary)];
    let ordinal = 0;
    for (const term of ordered) {
      const sourceSerial = query + 1 + term.key;
      for (const derived of term.derived) {
        const order = derived.order ?? ordinal;
        ordinal++;
        const countsForCoverage = term.primary && !covered.has(derived.id);
        if (countsForCoverage) covered.add(derived.id);
        const addedWeight = countsForCoverage ? coverageWeight(derived.id) : 0;
        for (let f = 0; f < FIELD_COUNT; f++) {
          const [start, end] = postings.listOf(derived.id, f);
          if (start === end) continue;
          const matching = derived.matching === undefined ? end - start : (derived.matching[f] as number);
          const idf = Math.log(1 + (docCount - matching + 0.5) / (matching + 0.5));
          const weight = derived.weight * (boosts[f] as number) * idf;
          const average = averageLengths[f] as number;
          // `>>> 0` keeps bit 31 an unsigned value; 0 means "not recorded".
          const bit = f === TEXT_FIELD && term.key < RECORDED_KEYS ? (1 << term.key) >>> 0 : 0;
          const bits = derived.weight >= 1 ? textBits : typoBits;
          const step = order * FIELD_COUNT + f;
          if (!term.primary) {
            this.addToReached(start, end, f, weight, average, sourceSerial, query);
            continue;
          }
          for (let i = start; i < end; i++) {
            const doc = docs[i] as number;
            if ((wantSource >= 0 && docSource[doc] !== wantSource) || (wantArticle >= 0 && docArticle[doc] !== wantArticle)) continue;
            if ((termBy[doc] as number) <= query) {
              score[doc] = 0;
              distinct[doc] = 0;
              textBits[doc] = 0;
              typoBits[doc] = 0;
              touchedSteps[this.touchedCount] = step;
              touched[this.touchedCount++] = doc;
            }
            this.credit(i, doc, f, weight, average, sourceSerial);
            if (bit !== 0) bits[doc] = ((bits[doc] as number) | bit) >>> 0;
            if (addedWeight > 0) {
              const article = docArticle[doc] as number;
              if (articleSeen[article] !== derived.id) {
                articleSeen[article] = derived.id;
                coverage[article] = (coverage[article] as number) + addedWeight;
              }
            }
          }
        }
      }
    }

    const { outDocs, outScores, outTextTerms, outTextTypos } = this;
    const count = this.touchedCount;
    for (let i = 0; i < count; i++) {
      const doc = touched[i] as number;
      outDocs[i] = doc;
      outScores[i] = (score[doc] as number) * (distinct[doc] as number);
      outTextTerms[i] = textBits[doc] as number;
      outTextTypos[i] = typoBits[doc] as number;
    }
    return {
      count,
      docs: outDocs.subarray(0, count),
      scores: outScores.subarray(0, count),
      coverage,
      textTerms: outTextTerms.subarray(0, count),
      textTypos: outTextTypos.subarray(0, count),
    };
  }

  /**
   * By position in the last {@link run}'s matches: the step of the scoring walk that first reached
   * the paragraph (ascending, as the matches are laid out in walk order). Overwritten by the next run.
   */
  stepsOfLastRun(): Int32Array {
    return this.touchedSteps.subarray(0, this.touchedCount);
  }

  /**
   * Adds a secondary list `[start, end)` to the paragraphs already reached. When they are few
   * against a long list, each is looked up in the list (binary search) instead of walking it.
   */
  private addToReached(start: number, end: number, f: number, weight: number, average: number, sourceSerial: number, query: number): void {
    const { termBy, touched, touchedCount } = this;
    const docs = this.postings.docs;
    if (touchedCount * Math.log2(end - start + 1) * LOOKUP_COST < end - start) {
      for (let t = 0; t < touchedCount; t++) {
        const doc = touched[t] as number;
        const i = positionIn(docs, start, end, doc);
        if (i >= 0) this.credit(i, doc, f, weight, average, sourceSerial);
      }
      return;
    }
    for (let i = start; i < end; i++) {
      const doc = docs[i] as number;
      if ((termBy[doc] as number) > query) this.credit(i, doc, f, weight, average, sourceSerial);
    }
  }

  /**
   * Adds posting `i` (paragraph `doc`, field `f`) to the paragraph's score: BM25+'s
   * term-frequency part times the term's weight, and one more query term matched the first time
   * this source term reaches it.
   */
  private credit(i: number, doc: number, f: number, weight: number, average: number, sourceSerial: number): void {
    const { freqs, fieldLengths, score, termBy, distinct } = this;
    const { k, b, d } = BM25;
    const tf = freqs[i] as number;
    const length = fieldLengths[doc * FIELD_COUNT + f] as number;
    score[doc] = (score[doc] as number) + weight * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / average)));
    if (termBy[doc] !== sourceSerial) {
      termBy[doc] = sourceSerial;
      distinct[doc] = (distinct[doc] as number) + 1;
    }
  }

  private reset(): void {
    this.termBy.fill(0);
    this.serial = 0;
  }
}
