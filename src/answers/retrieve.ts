/**
 * The one retrieval path behind `ask`, `cite` and the question forms of `who` and `when`:
 * analyse the question, rank paragraphs (BM25 over stems, exact forms and word beginnings, plus
 * how much of the question the paragraph's article covers), choose each candidate's excerpt, and
 * re-rank with what the excerpt holds (the matched words and the kind of answer asked for).
 * Only paragraphs that clear the relevance floors are ranked, shown or counted: their own text
 * must hold enough of the question (see {@link relevanceOf}), and their score must not fall off
 * from the best one's. Every weight here was measured with `npm run bench:relevance` (see
 * bench/relevance.ts).
 *
 * A corpus with English articles is searched in both languages: the question's French terms and
 * its English ones (src/text/lexicon.ts translates either way). A paragraph holds only terms of
 * its own language (and numbers), so its share of the question is measured against the
 * question's terms in that language, and its score against the best paragraph of that language:
 * an English paragraph answering an English question is not put below a French one because the
 * translation found fewer words, nor the other way round.
 */
import type { Span } from '../text/sentences.js';
import { analyse, queryForms, queryTerms, termLanguage, type Language } from '../text/analyser.js';
import { englishSearchText, searchText } from '../text/lexicon.js';
import { RECORDED_KEYS } from '../search/bm25.js';
import type { IndexedParagraph, Matches } from '../search/paragraph-index.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { excerptOf } from './citations.js';
import { questionKind } from './question.js';
import type { Excerpt, QuestionKind } from './types.js';

/** An analysed question. */
export interface PreparedQuery {
  readonly text: string;
  readonly kind: QuestionKind;
  /** Index terms of the question's own words (French ones for an English question), each once, in order. */
  readonly own: readonly string[];
  /**
   * Index terms searched, each once: {@link own}, then alternatives, terms that may stand for
   * own words the paragraphs never use (other spellings of the names the question holds).
   */
  readonly terms: readonly string[];
  /** Secondary index terms of the question: its words as written and their beginnings. */
  readonly forms: readonly string[];
  /**
   * The text searched in English (the question itself, or a French question's English words),
   * when the corpus has English articles; its terms are among {@link own}.
   */
  readonly english?: string;
}

/** A paragraph ranked for a question, with its excerpt. */
export interface Ranked {
  readonly doc: IndexedParagraph;
  readonly excerpt: Excerpt;
  readonly score: number;
  /** Share of the question's weight the paragraph's own text holds (see {@link relevanceOf}). */
  readonly share: number;
}

/** Ranked paragraphs {@link retrieve} returns when not told how many. */
export const DEFAULT_LIMIT = 5;
/**
 * Paragraphs that get an excerpt and are re-ranked with its evidence when not told how many (four
 * times {@link DEFAULT_LIMIT}): the excerpt adds at most {@link EXCERPT_WEIGHT} to a score, so a
 * paragraph ranked far below the limit does not climb into it, and choosing excerpts costs time.
 */
export const DEFAULT_CANDIDATES = 20;
/** "Did you mean" words a no-evidence answer offers at most. */
export const SUGGESTIONS = 5;

/** Options of {@link retrieve}. */
export interface RetrieveOptions {
  /** Ranked paragraphs returned at most (default {@link DEFAULT_LIMIT}). */
  readonly limit?: number;
  readonly sourceId?: string;
  /** Paragraphs re-ranked with excerpt evidence (default {@link DEFAULT_CANDIDATES}; never fewer than `limit`). */
  readonly candidates?: number;
  /** The floors to apply (default {@link FLOORS}); the relevance benchmark measures others. */
  readonly floors?: Floors;
}

/** Where relevance is cut. */
export interface Floors {
  /** Least share of the question's weight a paragraph's text must hold (see {@link relevanceOf}). */
  readonly share: number;
  /**
   * Least score, as a share of the best paragraph's (before the excerpt weighs in): a list stops
   * where relevance falls off.
   */
  readonly relative: number;
}

/**
 * Weight of the excerpt evidence (its matched term weights, plus a bonus when it holds the kind
 * of answer asked for) against the paragraph's BM25 score, both scaled to [0, 1]. On the
 * relevance benchmark 0.15 ranked best; a separate weight for holding a target ranked worse
 * (the excerpt score already counts it), so there is none.
 */
const EXCERPT_WEIGHT = 0.15;
/**
 * Least share of a question's weight (see {@link relevanceOf}) a paragraph's text must hold to be
 * shown as an answer or to count as covering a topic. OR queries, typo tolerance and the title
 * field reach paragraphs that hold none of the question's words (a paragraph of an article whose
 * title holds one, a word one letter away) or only its commonest: they answer nothing. Chosen on
 * the PIAF benchmark (`npm run bench:relevance` prints the sweep): questions there paraphrase
 * their paragraph, and a gold paragraph holds under 0.3 of its question in one case in eight,
 * so higher floors lose answers (R@5 0.903 at 0.1, 0.900 at 0.15, 0.891 at 0.2, 0.872 at 0.25).
 */
export const SHARE_FLOOR = 0.1;

/**
 * Shortest stem whose typos count towards a paragraph's share: one letter away from a five-letter
 * stem is another word as often as a typo (`posit`, position, reaches `post`, poste), so those
 * typos help ranking only. The benchmark does not tell the two apart (R@5 0.903 either way).
 */
const TYPO_CREDIT_MIN_LENGTH = 6;

/**
 * Least score, as a share of the best paragraph's, for a paragraph to be ranked: past the
 * paragraphs that hold the question's rare words come those holding a common one.
 */
export const RELATIVE_FLOOR = 0.3;

/** The floors every answer applies. */
export const FLOORS: Floors = { share: SHARE_FLOOR, relative: RELATIVE_FLOOR };

/** Weight of the article's coverage of the question (see {@link articleCoverage}). */
const ARTICLE_WEIGHT = 0.6;

/** Query words looked at for suggestions at most. */
const SUGGEST_FROM_TERMS = 8;

/** Analyses a question once, for every search that follows. */
export function prepareQuery(kb: KnowledgeBase, text: string): PreparedQuery {
  // An English question is searched with its French translations (src/text/lexicon.ts).
  const searched = searchText(text, kb.index);
  const own = [...new Set(queryTerms(searched))];
  // Terms that may stand for the question's words: the other spellings of the names it holds.
  const alternatives = kb.aliases.extraTerms(text, own);
  const kind = questionKind(text);
  // Without English articles nothing is translated to English: the French terms are the question.
  if (!kb.index.hasEnglish) return { text, kind, own, terms: [...new Set([...own, ...alternatives])], forms: queryForms(searched) };
  const english = englishSearchText(text, kb.index);
  const englishOwn = [...new Set(queryTerms(english, 'en'))].filter((t) => !own.includes(t));
  const englishAlternatives = kb.aliases.extraTerms(text, [...own, ...englishOwn, ...alternatives], 'en');
  // Each language's first terms within the terms whose presence the scorer records.
  const half = RECORDED_KEYS / 2;
  const both = [...own.slice(0, half), ...englishOwn.slice(0, half), ...own.slice(half), ...englishOwn.slice(half)];
  return { text, kind, own: both, terms: [...new Set([...both, ...alternatives, ...englishAlternatives])], forms: [...queryForms(searched), ...queryForms(english, 'en')], english };
}

/** Bit of each language in {@link Weights.languages}. */
const LANGUAGE_BIT: Readonly<Record<Language, number>> = { fr: 1, en: 2 };

/** The languages (as bits) whose paragraphs a term can be found in: a number is in both. */
function languageBits(term: string): number {
  const language = termLanguage(term);
  return language === undefined ? LANGUAGE_BIT.fr | LANGUAGE_BIT.en : LANGUAGE_BIT[language];
}

/** Position of a language in per-language arrays. */
function languageSlot(language: Language): number {
  return language === 'en' ? 1 : 0;
}

/** Spans of a paragraph that hold the kind of answer a question asks for. */
export function targetsFor(kb: KnowledgeBase, docId: number, kind: QuestionKind): readonly Span[] {
  // Facts are decoded when read: a question that wants no particular kind of answer reads none.
  if (kind === 'other') return [];
  const facts = kb.factsOf(docId);
  return { when: facts.dates, howmany: facts.figures, who: facts.entities, where: facts.places }[kind];
}

/** Ranked paragraphs and how many clear the floors in all. */
export interface Retrieved {
  readonly ranked: readonly Ranked[];
  /** Paragraphs that clear the floors (the ranked ones are the best of them). */
  readonly total: number;
}

/**
 * Ranks paragraphs for a prepared question, best first, each with its excerpt. Every matching
 * paragraph counts towards its article's coverage; of those that clear the floors, the best
 * `candidates` get an excerpt.
 */
export function retrieve(kb: KnowledgeBase, query: PreparedQuery, options: RetrieveOptions = {}): Retrieved {
  const { limit = DEFAULT_LIMIT, sourceId, candidates = DEFAULT_CANDIDATES, floors = FLOORS } = options;
  const found = kb.index.match(query.terms, { forms: query.forms, ...(sourceId ? { sourceId } : {}) });
  const weights = weightsOf(kb, query);
  const [group] = bestCandidates(kb, query, weights, found, () => 0, 1, Math.max(candidates, limit), floors);
  return { ranked: rank(kb, query, weights, group?.best ?? [], limit), total: group?.total ?? 0 };
}

/**
 * {@link retrieve} for every outlet at once, from one search: the same ranking as one filtered
 * search per outlet (BM25 statistics are corpus-wide, a filter does not change a score), for the
 * cost of one. An outlet none of whose paragraphs clears the floors has no entry.
 */
export function retrieveBySource(kb: KnowledgeBase, query: PreparedQuery, options: Omit<RetrieveOptions, 'sourceId'> = {}): Map<string, readonly Ranked[]> {
  const { limit = DEFAULT_LIMIT, candidates = DEFAULT_CANDIDATES, floors = FLOORS } = options;
  const found = kb.index.match(query.terms, { forms: query.forms });
  const weights = weightsOf(kb, query);
  const groups = bestCandidates(kb, query, weights, found, (doc) => kb.index.docSource[doc] as number, kb.corpus.sources.length, Math.max(candidates, limit), floors);
  const out = new Map<string, readonly Ranked[]>();
  kb.corpus.sources.forEach((source, i) => {
    const best = groups[i]?.best ?? [];
    if (best.length > 0) out.set(source.id, rank(kb, query, weights, best, limit));
  });
  return out;
}

/** How much of a question a paragraph's own text holds, and whether that is enough. */
export interface Relevance {
  /**
   * Share of the question's weight, from 0 to 1: the summed IDF of the question's own terms
   * that the paragraph's text holds, over that of all of them. A term the paragraphs never use
   * weighs the most (a question about `la Chine` is not answered by paragraphs on something
   * else). A term is held through another spelling of it (`Tchelnokow` for `Tchelnokov`), or
   * in part through a typo of it (at the typo's match weight, below 1, for a stem of six letters
   * or more); one the paragraphs never use, also through the other spellings of a name of
   * several words (`Corée du Nord` for `North Korea`: the share of their weight the text holds).
   * Headings and the article's title do not count: they say what the article is about, not what
   * the paragraph says. Only a question's first 32 terms and alternatives are counted.
   */
  readonly share: number;
  /** The share reaches {@link SHARE_FLOOR}: the paragraph may be shown as an answer or count as covering the topic. */
  readonly clears: boolean;
}

/**
 * The relevance of a paragraph to a question: the floor every answer applies, for any paragraph
 * (`compare` uses it to say whether an outlet covers a topic). A {@link Ranked} paragraph carries
 * its share already and, under the default {@link FLOORS}, always clears. Cheap to call for many
 * paragraphs of one prepared query: the query's weights are worked out once.
 */
export function relevanceOf(kb: KnowledgeBase, query: PreparedQuery, docId: number): Relevance {
  const weights = weightsOf(kb, query);
  const present = new Set(kb.index.analysisOf(docId).words.terms);
  let terms = 0;
  let typos = 0;
  weights.keys.forEach((term, key) => {
    const bit = (1 << key) >>> 0;
    if (present.has(term)) terms |= bit;
    else if ((weights.typosOf[key] ?? []).some((t) => present.has(t))) typos |= bit;
  });
  const share = shareOf(weights, kb.index.languageOfDoc(docId), terms >>> 0, typos >>> 0);
  return { share, clears: share >= SHARE_FLOOR };
}

/** A question's terms weighed for {@link Relevance} and for excerpt choice; made once per question. */
interface Weights {
  /** The counted terms, by source-term key: own terms first, then alternatives. */
  readonly keys: readonly string[];
  /** How many of {@link keys} are own terms. */
  readonly own: number;
  /** IDF of each counted term; 0 for an alternative the paragraphs never use. */
  readonly idf: readonly number[];
  /** The paragraphs never use the term: typos and the pooled alternatives may stand for it. */
  readonly unknown: readonly boolean[];
  /** By own term: the keys (as bits) of the alternatives that are other spellings of that one word. */
  readonly spellings: readonly number[];
  /**
   * Keys (as bits) of the alternatives that stand for no single own word (the other spellings of
   * a name of several words, `North Korea` for `Corée du Nord`): they stand for the own terms the
   * paragraphs never use, together.
   */
  readonly pooled: number;
  /** Typos the index searches for each counted term, and the best weight among them. */
  readonly typosOf: ReadonlyArray<readonly string[]>;
  readonly typoWeight: readonly number[];
  /** By counted term: the languages whose paragraphs can hold it, as {@link LANGUAGE_BIT} bits. */
  readonly languages: readonly number[];
  /** By language slot (French, English): summed IDF of its own terms, and of its pooled alternatives the paragraphs use. */
  readonly total: readonly number[];
  readonly pooledTotal: readonly number[];
  /** Every term an excerpt may show as evidence (own, alternatives, typos), with its weight. */
  readonly evidence: ReadonlyMap<string, number>;
}

/** Weights by prepared query, so that every paragraph read for one question shares them. */
const weightsByQuery = new WeakMap<PreparedQuery, Weights>();

function weightsOf(kb: KnowledgeBase, query: PreparedQuery): Weights {
  let known = weightsByQuery.get(query);
  if (!known) weightsByQuery.set(query, (known = computeWeights(kb, query)));
  return known;
}

function computeWeights(kb: KnowledgeBase, query: PreparedQuery): Weights {
  // Source-term keys are positions in the searched terms (ParagraphIndex.match): the same here.
  const keys = query.terms.slice(0, RECORDED_KEYS);
  const own = keys.filter((t) => query.own.includes(t)).length;
  const evidence = new Map<string, number>();
  const idf: number[] = [];
  const unknown: boolean[] = [];
  const typosOf: string[][] = [];
  const typoWeight: number[] = [];
  keys.forEach((term, key) => {
    const used = kb.index.documentFrequency(term) > 0;
    idf.push(used || key < own ? kb.index.idf(term) : 0);
    unknown.push(!used);
    const typos = kb.index.typosOf(term);
    typosOf.push(typos.map((t) => t.term));
    typoWeight.push(term.length < TYPO_CREDIT_MIN_LENGTH ? 0 : typos.reduce((most, t) => Math.max(most, t.weight), 0));
    evidence.set(term, kb.index.idf(term));
    for (const t of typos) if (!evidence.has(t.term)) evidence.set(t.term, kb.index.idf(t.term) * t.weight);
  });
  for (const term of query.terms.slice(RECORDED_KEYS)) if (!evidence.has(term)) evidence.set(term, kb.index.idf(term));
  const { spellings, pooled } = spellingsOf(kb, query, keys, own);
  const languages = keys.map(languageBits);
  const total = [0, 0];
  const pooledTotal = [0, 0];
  (['fr', 'en'] as const).forEach((language) => {
    const bit = LANGUAGE_BIT[language];
    const slot = languageSlot(language);
    for (let key = 0; key < keys.length; key++) {
      if (!((languages[key] as number) & bit)) continue;
      if (key < own) total[slot] = (total[slot] as number) + (idf[key] as number);
      else if ((pooled >>> key) & 1) pooledTotal[slot] = (pooledTotal[slot] as number) + (idf[key] as number);
    }
  });
  return { keys, own, idf, unknown, spellings, pooled, typosOf, typoWeight, languages, total, pooledTotal, evidence };
}

/**
 * Which alternatives are other spellings of which own word: those the alias table gives for the
 * word alone (`Tchelnokow` for `Tchelnokov`); the rest are pooled (see {@link Weights.pooled}).
 */
function spellingsOf(kb: KnowledgeBase, query: PreparedQuery, keys: readonly string[], own: number): { spellings: number[]; pooled: number } {
  const keyOf = new Map(keys.map((t, key) => [t, key]));
  const spellings = new Array<number>(own).fill(0);
  let mapped = 0;
  const tokens = analyse(query.text).map((token) => ({ token, language: 'fr' as Language }));
  if (query.english !== undefined) tokens.push(...analyse(query.english, 'en').map((token) => ({ token, language: 'en' as Language })));
  for (const { token, language } of tokens) {
    const key = token.term === undefined ? undefined : keyOf.get(token.term);
    if (key === undefined || key >= own) continue;
    for (const alternative of kb.aliases.extraTerms(token.surface, [token.term as string], language)) {
      const at = keyOf.get(alternative);
      if (at === undefined || at < own) continue;
      spellings[key] = ((spellings[key] as number) | (1 << at)) >>> 0;
      mapped = (mapped | (1 << at)) >>> 0;
    }
  }
  let pooled = 0;
  for (let key = own; key < keys.length; key++) if (!((mapped >>> key) & 1)) pooled = (pooled | (1 << key)) >>> 0;
  return { spellings, pooled };
}

/**
 * The share of {@link Relevance} from what a paragraph's text holds: bit `key` of `terms` (the
 * term itself) or of `typos`, against the question's terms in the paragraph's language.
 */
function shareOf(weights: Weights, language: Language, terms: number, typos: number): number {
  const slot = languageSlot(language);
  const bit = LANGUAGE_BIT[language];
  const total = weights.total[slot] as number;
  const pooledTotal = weights.pooledTotal[slot] as number;
  if (total <= 0) return 0;
  let pooled = 0;
  for (let key = weights.own; key < weights.keys.length; key++) if ((weights.languages[key] as number) & bit && (weights.pooled >>> key) & (terms >>> key) & 1) pooled += weights.idf[key] as number;
  const pooledShare = pooledTotal > 0 ? pooled / pooledTotal : 0;
  let held = 0;
  for (let key = 0; key < weights.own; key++) {
    if (!((weights.languages[key] as number) & bit)) continue;
    const spelled = ((terms >>> key) & 1) === 1 || (terms & (weights.spellings[key] as number)) !== 0;
    let credit = spelled ? 1 : (typos >>> key) & 1 ? (weights.typoWeight[key] as number) : 0;
    if (weights.unknown[key]) credit = Math.max(credit, pooledShare);
    held += (weights.idf[key] as number) * credit;
  }
  return held / total;
}

/** A matching paragraph chosen for excerpt choice, with its score before the excerpt weighs in. */
export interface Candidate {
  readonly doc: number;
  readonly score: number;
  readonly share: number;
  /** Bit `key` set when the paragraph's text holds `recordedTerms(…)[key]` itself. */
  readonly textTerms: number;
}

/** One group's paragraphs that clear the floors: the best `k`, best first, and how many in all. */
interface Group {
  best: Candidate[];
  total: number;
}

/**
 * The paragraphs of each group (all in one, or one per outlet) that clear the floors, by score
 * relative to the group's best plus the article's coverage of the question: the best `k`, best
 * first, and their count. Three passes over the matches; two arrays of their length, kept from one query to the next.
 */
function bestCandidates(kb: KnowledgeBase, query: PreparedQuery, weights: Weights, found: Matches, groupOf: (doc: number) => number, groups: number, k: number, floors: Floors): Group[] {
  // How much of the question each article covers, in any of its matching paragraphs: a question
  // names its topic (`l'île`, `les bijoux algériens`) in words that the article uses somewhere,
  // not always in the paragraph that answers. Measured against the question's terms in the
  // article's language (all of them, without English articles).
  const totalWeight = (['fr', 'en'] as const).map((language) => [...new Set(query.terms)].filter((t) => languageBits(t) & LANGUAGE_BIT[language]).reduce((sum, t) => sum + kb.index.idf(t), 0) || 1);
  // Scores are relative to the best paragraph of the same group and language.
  const slotOf = (doc: number) => groupOf(doc) * 2 + languageSlot(kb.index.languageOfDoc(doc));
  const { shares, scores } = scratchFor(found.count);
  const top = new Float64Array(groups * 2);
  // A share depends only on the paragraph's language and which terms it holds: the matches of a
  // common word hold a few combinations, each worked out once (those with typos every time).
  const shareByTerms = new Map<number, number>();
  for (let i = 0; i < found.count; i++) {
    const doc = found.docs[i] as number;
    const language = kb.index.languageOfDoc(doc);
    const terms = found.textTerms[i] as number;
    const typos = found.textTypos[i] as number;
    if (typos === 0) {
      // Terms are 32 bits: with the language's bit above them, still an exact integer.
      const key = (terms >>> 0) + (language === 'en' ? 2 ** 32 : 0);
      let share = shareByTerms.get(key);
      if (share === undefined) shareByTerms.set(key, (share = shareOf(weights, language, terms, 0)));
      shares[i] = share;
    } else shares[i] = shareOf(weights, language, terms, typos);
    if ((shares[i] as number) < floors.share) continue;
    const slot = slotOf(doc);
    top[slot] = Math.max(top[slot] as number, found.scores[i] as number);
  }
  const topScore = new Float64Array(groups);
  for (let i = 0; i < found.count; i++) {
    if ((shares[i] as number) < floors.share) continue;
    const doc = found.docs[i] as number;
    const group = groupOf(doc);
    const article = kb.index.docArticle[doc] as number;
    const articleTotal = totalWeight[languageSlot(kb.index.languageOfDoc(doc))] as number;
    scores[i] = (found.scores[i] as number) / ((top[slotOf(doc)] as number) || 1) + ARTICLE_WEIGHT * Math.min(1, (found.coverage[article] as number) / articleTotal);
    topScore[group] = Math.max(topScore[group] as number, scores[i] as number);
  }
  const out: Group[] = Array.from({ length: groups }, () => ({ best: [], total: 0 }));
  for (let i = 0; i < found.count; i++) {
    const doc = found.docs[i] as number;
    const group = out[groupOf(doc)] as Group;
    const score = scores[i] as number;
    if ((shares[i] as number) < floors.share || score < floors.relative * (topScore[groupOf(doc)] as number)) continue;
    group.total++;
    // Most matches of a common word fall below a full list's last: no candidate is made for them.
    if (group.best.length === k && score <= (group.best[k - 1] as Candidate).score) continue;
    insertBest(group.best, { doc, score, share: shares[i] as number, textTerms: (found.textTerms[i] as number) >>> 0 }, k);
  }
  return out;
}

/** {@link bestCandidates}'s arrays by match, kept between queries (a query is synchronous): matches of common words are tens of thousands, and two arrays of their length need not be made for each query. */
let scratch = { shares: new Float64Array(0), scores: new Float64Array(0) };

function scratchFor(count: number): { shares: Float64Array; scores: Float64Array } {
  if (scratch.shares.length < count) {
    const length = Math.max(count, scratch.shares.length * 2);
    scratch = { shares: new Float64Array(length), scores: new Float64Array(length) };
  }
  return scratch;
}

/** Inserts into a list kept sorted best first and at most `k` long; equal scores keep arrival order. */
function insertBest(list: Candidate[], candidate: Candidate, k: number): void {
  if (list.length === k && candidate.score <= (list[k - 1] as Candidate).score) return;
  let at = list.length;
  while (at > 0 && (list[at - 1] as Candidate).score < candidate.score) at--;
  list.splice(at, 0, candidate);
  if (list.length > k) list.pop();
}

/** Chooses each candidate's excerpt and re-ranks with the excerpt's evidence; best first. */
function rank(kb: KnowledgeBase, query: PreparedQuery, weights: Weights, best: readonly Candidate[], limit: number): Ranked[] {
  if (best.length === 0) return [];
  const ranked = best.map(({ doc: id, score, share }) => {
    const doc = kb.index.docs[id] as IndexedParagraph;
    return { doc, excerpt: excerptWith(kb, query, weights, doc), score, share };
  });
  const topExcerpt = Math.max(...ranked.map((r) => r.excerpt.score), 1e-9);
  return ranked
    .map((r) => ({ ...r, score: r.score + EXCERPT_WEIGHT * (r.excerpt.score / topExcerpt) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/** The excerpt of one paragraph for a question, as {@link retrieve} chooses it. */
function excerptWith(kb: KnowledgeBase, query: PreparedQuery, weights: Weights, doc: IndexedParagraph): Excerpt {
  const weight = (term: string) => weights.evidence.get(term) ?? 0;
  const targets = targetsFor(kb, doc.id, query.kind);
  return excerptOf(doc, { terms: new Set(weights.evidence.keys()), weight, targets, fill: true, analysis: kb.index.analysisOf(doc.id) });
}

/** {@link excerptWith} for callers outside: the excerpt `retrieve` would show of a paragraph. */
export function excerptFor(kb: KnowledgeBase, query: PreparedQuery, doc: IndexedParagraph): Excerpt {
  return excerptWith(kb, query, weightsOf(kb, query), doc);
}

/**
 * The best paragraphs of every outlet that clear the floors, without excerpts: for an answer
 * that judges paragraphs before it quotes any (`compare`). Ranked as {@link retrieveBySource}
 * ranks before excerpt evidence weighs in.
 */
export function candidatesBySource(kb: KnowledgeBase, query: PreparedQuery, k = DEFAULT_CANDIDATES, floors: Floors = FLOORS): Map<string, readonly Candidate[]> {
  const found = kb.index.match(query.terms, { forms: query.forms });
  const groups = bestCandidates(kb, query, weightsOf(kb, query), found, (doc) => kb.index.docSource[doc] as number, kb.corpus.sources.length, k, floors);
  const out = new Map<string, readonly Candidate[]>();
  kb.corpus.sources.forEach((source, i) => {
    const best = groups[i]?.best ?? [];
    if (best.length > 0) out.set(source.id, best);
  });
  return out;
}

/** The terms whose presence a {@link Candidate}'s `textTerms` records, by bit. */
export function recordedTerms(kb: KnowledgeBase, query: PreparedQuery): readonly string[] {
  return weightsOf(kb, query).keys;
}

/** Words of the corpus close to the question's words, for a "no evidence" answer. */
export function suggestionsFor(kb: KnowledgeBase, query: PreparedQuery, limit = SUGGESTIONS): string[] {
  const out: string[] = [];
  // The first words are enough to suggest from; a 6 000-character query has hundreds.
  for (const term of query.terms.slice(0, SUGGEST_FROM_TERMS)) {
    for (const word of kb.index.closeWords(term, limit)) if (!out.includes(word)) out.push(word);
  }
  return out.slice(0, limit);
}
