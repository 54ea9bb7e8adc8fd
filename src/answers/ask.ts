/** `ask QUESTION`: the best excerpts for a free question, preferring the kind of answer asked. */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { prepareQuery, retrieve, suggestionsFor } from './retrieve.js';
import type { AskAnswer, NoEvidenceAnswer } from './types.js';

/** How many excerpts `ask` returns at most (renderers may page them). */
export const ASK_EXCERPTS = 10;

/** Answers a question with cited excerpts, or says there is no evidence. */
export function ask(kb: KnowledgeBase, question: string): AskAnswer | NoEvidenceAnswer {
  const query = prepareQuery(kb, question);
  const { ranked, total } = retrieve(kb, query, { limit: ASK_EXCERPTS });
  if (ranked.length === 0) return { kind: 'no-evidence', command: 'ask', query: question, suggestions: suggestionsFor(kb, query) };
  return {
    kind: 'ask',
    query: question,
    questionKind: query.kind,
    excerpts: ranked.map((r) => r.excerpt),
    total,
  };
}
