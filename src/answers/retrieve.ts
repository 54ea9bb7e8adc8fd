/**
 * The one retrieval path behind `ask`, `cite` and the question forms of `who` and `when`:
 * analyse the question, rank paragraphs, choose each one's excerpt, and re-rank with what the
 * excerpt holds (the matched words and the kind of answer asked for).
 */
import type { Span } from '../text/sentences.js';
import { queryTerms } from '../text/analyser.js';
import type { IndexedParagraph } from '../search/paragraph-index.js';
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

/** Weight of the excerpt evidence against the paragraph's BM25 score, both scaled to [0, 1]. */
const EXCERPT_WEIGHT = 0.35;
/** Extra weight when the excerpt holds the kind of answer asked for. */
const TARGET_WEIGHT = 0.15;
/**
 * Paragraphs scoring below this share of the best are left out: OR queries and typo tolerance
 * reach paragraphs that share one common word with the question, which answer nothing.
 */
const RELATIVE_FLOOR = 0.3;

/** Analyses a question once, for every search that follows. */
export function prepareQuery(kb: KnowledgeBase, text: string): PreparedQuery {
  const base = queryTerms(text);
  const unique = [...new Set(base)];
  return { text, kind: questionKind(text), terms: [...unique, ...kb.aliases.extraTerms(text, unique)] };
}

/** Spans of a paragraph that hold the kind of answer a question asks for. */
export function targetsFor(kb: KnowledgeBase, docId: number, kind: QuestionKind): readonly Span[] {
  const facts = kb.facts[docId];
  if (!facts) return [];
  switch (kind) {
    case 'when':
      return facts.dates;
    case 'howmany':
      return facts.figures;
    case 'who':
      return facts.entities;
    case 'where':
      return facts.places;
    case 'other':
      return [];
  }
}

/** Ranked paragraphs and how many matched in all. */
export interface Retrieved {
  readonly ranked: readonly Ranked[];
  readonly total: number;
}

/** Ranks paragraphs for a prepared question, best first, each with its excerpt. */
export function retrieve(kb: KnowledgeBase, query: PreparedQuery, options: RetrieveOptions = {}): Retrieved {
  const { limit = 5, sourceId, candidates = 20 } = options;
  const { hits, total } = kb.index.searchCounted(query.terms, { limit: Math.max(candidates, limit), ...(sourceId ? { sourceId } : {}) });
  if (hits.length === 0) return { ranked: [], total: 0 };
  const termSet = new Set(query.terms);
  const weight = (term: string) => kb.index.idf(term);
  const topScore = hits[0]?.score ?? 1;
  const ranked = hits.map((hit) => {
    const targets = targetsFor(kb, hit.doc.id, query.kind);
    const excerpt = excerptOf(hit.doc, { terms: termSet, weight, targets });
    return { doc: hit.doc, excerpt, targets };
  });
  const topExcerpt = Math.max(...ranked.map((r) => r.excerpt.score), 1e-9);
  const sorted = ranked
    .map(({ doc, excerpt, targets }, i) => {
      const hitScore = (hits[i]?.score ?? 0) / topScore;
      const holdsTarget = targets.some((t) => t.start >= excerpt.start && t.end <= excerpt.end);
      const score = hitScore + EXCERPT_WEIGHT * (excerpt.score / topExcerpt) + (holdsTarget ? TARGET_WEIGHT : 0);
      return { doc, excerpt, score };
    })
    .sort((a, b) => b.score - a.score);
  const floor = (sorted[0]?.score ?? 0) * RELATIVE_FLOOR;
  return { ranked: sorted.filter((r) => r.score >= floor).slice(0, limit), total };
}

/** Words of the corpus close to the question's words, for a "no evidence" answer. */
export function suggestionsFor(kb: KnowledgeBase, query: PreparedQuery, limit = 5): string[] {
  const out: string[] = [];
  for (const term of query.terms) {
    for (const word of kb.index.closeWords(term, limit)) if (!out.includes(word)) out.push(word);
  }
  return out.slice(0, limit);
}
