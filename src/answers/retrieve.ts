/**
 * The one retrieval path behind `ask`, `cite` and the question forms of `who` and `when`:
 * analyse the question, rank paragraphs (BM25 over stems, exact forms and word beginnings, plus
 * how much of the question the paragraph's article covers), choose each candidate's excerpt, and
 * re-rank with what the excerpt holds (the matched words and the kind of answer asked for).
 * Every weight here was measured with `npm run bench:relevance` (see bench/relevance.ts).
 */
import type { Span } from '../text/sentences.js';
import { queryForms, queryTerms } from '../text/analyser.js';
import type { IndexedParagraph, Matches } from '../search/paragraph-index.js';
import type { KnowledgeBase } from './facts.js';
import { excerptOf } from './excerpts.js';
import { questionKind } from './question.js';
import type { Excerpt, QuestionKind } from './types.js';

/** An analysed question. */
export interface PreparedQuery {
  readonly text: string;
  readonly kind: QuestionKind;
  /** Index terms of the question, then those of the other spellings of names it contains. */
  readonly terms: readonly string[];
  /** Secondary index terms of the question: its words as written and their beginnings. */
  readonly forms: readonly string[];
}

/** A paragraph ranked for a question, with its excerpt. */
export interface Ranked {
  readonly doc: IndexedParagraph;
  readonly excerpt: Excerpt;
  readonly score: number;
}

/** Options of {@link retrieve}. */
export interface RetrieveOptions {
  readonly limit?: number;
  readonly sourceId?: string;
  /** Paragraphs re-ranked with excerpt evidence (default 20). */
  readonly candidates?: number;
}

/**
 * Weight of the excerpt evidence (its matched term weights, plus a bonus when it holds the kind
 * of answer asked for) against the paragraph's BM25 score, both scaled to [0, 1]. On the
 * relevance benchmark 0.15 ranked best; a separate weight for holding a target ranked worse
 * (the excerpt score already counts it), so there is none.
 */
const EXCERPT_WEIGHT = 0.15;
/**
 * Paragraphs scoring below this share of the best are left out: OR queries and typo tolerance
 * reach paragraphs that share one common word with the question, which answer nothing.
 */
const RELATIVE_FLOOR = 0.3;
/** Weight of the article's coverage of the question (see {@link articleCoverage}). */
const ARTICLE_WEIGHT = 0.6;

/** Query words looked at for suggestions at most. */
const SUGGEST_FROM_TERMS = 8;

/** Analyses a question once, for every search that follows. */
export function prepareQuery(kb: KnowledgeBase, text: string): PreparedQuery {
  const base = queryTerms(text);
  const unique = [...new Set(base)];
  return { text, kind: questionKind(text), terms: [...unique, ...kb.aliases.extraTerms(text, unique)], forms: queryForms(text) };
}

/** Spans of a paragraph that hold the kind of answer a question asks for. */
export function targetsFor(kb: KnowledgeBase, docId: number, kind: QuestionKind): readonly Span[] {
  // Facts are decoded when read: a question that wants no particular kind of answer reads none.
  if (kind === 'other') return [];
  const facts = kb.factsOf(docId);
  return { when: facts.dates, howmany: facts.figures, who: facts.entities, where: facts.places }[kind];
}

/** Ranked paragraphs and how many matched in all. */
export interface Retrieved {
  readonly ranked: readonly Ranked[];
  readonly total: number;
}

/**
 * Ranks paragraphs for a prepared question, best first, each with its excerpt. Every matching
 * paragraph counts towards its article's coverage; the best `candidates` get an excerpt.
 */
export function retrieve(kb: KnowledgeBase, query: PreparedQuery, options: RetrieveOptions = {}): Retrieved {
  const { limit = 5, sourceId, candidates = 20 } = options;
  const found = kb.index.match(query.terms, { forms: query.forms, ...(sourceId ? { sourceId } : {}) });
  const [best = []] = bestCandidates(kb, query, found, () => 0, 1, Math.max(candidates, limit));
  return { ranked: rank(kb, query, best, limit), total: found.count };
}

/**
 * {@link retrieve} for every outlet at once, from one search: the same ranking as one filtered
 * search per outlet (BM25 statistics are corpus-wide, a filter does not change a score), for the
 * cost of one.
 */
export function retrieveBySource(kb: KnowledgeBase, query: PreparedQuery, options: Omit<RetrieveOptions, 'sourceId'> = {}): Map<string, readonly Ranked[]> {
  const { limit = 5, candidates = 20 } = options;
  const found = kb.index.match(query.terms, { forms: query.forms });
  const best = bestCandidates(kb, query, found, (doc) => kb.index.docSource[doc] as number, kb.corpus.sources.length, Math.max(candidates, limit));
  const out = new Map<string, readonly Ranked[]>();
  kb.corpus.sources.forEach((source, i) => {
    if ((best[i]?.length ?? 0) > 0) out.set(source.id, rank(kb, query, best[i] ?? [], limit));
  });
  return out;
}

/** A matching paragraph chosen for excerpt choice, with its score before the excerpt weighs in. */
interface Candidate {
  readonly doc: number;
  readonly score: number;
}

/**
 * The best `k` matches of each group (all in one, or one per outlet), by score relative to the
 * group's best plus the article's coverage of the question, best first. Two passes over the
 * matches, nothing allocated per match.
 */
function bestCandidates(kb: KnowledgeBase, query: PreparedQuery, found: Matches, groupOf: (doc: number) => number, groups: number, k: number): Candidate[][] {
  const weight = (term: string) => kb.index.idf(term);
  // How much of the question each article covers, in any of its matching paragraphs: a question
  // names its topic (`l'île`, `les bijoux algériens`) in words that the article uses somewhere,
  // not always in the paragraph that answers.
  const totalWeight = [...new Set(query.terms)].reduce((sum, t) => sum + weight(t), 0) || 1;
  const top = new Float64Array(groups);
  for (let i = 0; i < found.count; i++) {
    const group = groupOf(found.docs[i] as number);
    top[group] = Math.max(top[group] as number, found.scores[i] as number);
  }
  const best: Candidate[][] = Array.from({ length: groups }, () => []);
  for (let i = 0; i < found.count; i++) {
    const doc = found.docs[i] as number;
    const group = groupOf(doc);
    const article = kb.index.docArticle[doc] as number;
    const score = (found.scores[i] as number) / ((top[group] as number) || 1) + ARTICLE_WEIGHT * Math.min(1, (found.coverage[article] as number) / totalWeight);
    insertBest(best[group] as Candidate[], { doc, score }, k);
  }
  return best;
}

/** Inserts into a list kept sorted best first and at most `k` long; equal scores keep arrival order. */
function insertBest(list: Candidate[], candidate: Candidate, k: number): void {
  if (list.length === k && candidate.score <= (list[k - 1] as Candidate).score) return;
  let at = list.length;
  while (at > 0 && (list[at - 1] as Candidate).score < candidate.score) at--;
  list.splice(at, 0, candidate);
  if (list.length > k) list.pop();
}

/**
 * Chooses each candidate's excerpt and re-ranks with the excerpt's evidence; best first, the
 * weak tail dropped.
 */
function rank(kb: KnowledgeBase, query: PreparedQuery, best: readonly Candidate[], limit: number): Ranked[] {
  if (best.length === 0) return [];
  const weight = (term: string) => kb.index.idf(term);
  const termSet = new Set(query.terms);
  const ranked = best.map(({ doc: id, score }) => {
    const doc = kb.index.docs[id] as IndexedParagraph;
    const targets = targetsFor(kb, doc.id, query.kind);
    const excerpt = excerptOf(doc, { terms: termSet, weight, targets, fill: true, analysis: kb.index.analysisOf(doc.id) });
    return { doc, excerpt, score };
  });
  const topExcerpt = Math.max(...ranked.map((r) => r.excerpt.score), 1e-9);
  const sorted = ranked
    .map(({ doc, excerpt, score }) => ({ doc, excerpt, score: score + EXCERPT_WEIGHT * (excerpt.score / topExcerpt) }))
    .sort((a, b) => b.score - a.score);
  const floor = (sorted[0]?.score ?? 0) * RELATIVE_FLOOR;
  return sorted.filter((r) => r.score >= floor).slice(0, limit);
}

/** Words of the corpus close to the question's words, for a "no evidence" answer. */
export function suggestionsFor(kb: KnowledgeBase, query: PreparedQuery, limit = 5): string[] {
  const out: string[] = [];
  // The first words are enough to suggest from; a 6 000-character query has hundreds.
  for (const term of query.terms.slice(0, SUGGEST_FROM_TERMS)) {
    for (const word of kb.index.closeWords(term, limit)) if (!out.includes(word)) out.push(word);
  }
  return out.slice(0, limit);
}
