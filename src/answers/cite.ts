/** `cite QUERY`: one excerpt, ready to paste with its full reference. */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { prepareQuery, retrieve, suggestionsFor } from './retrieve.js';
import type { CiteAnswer, NoEvidenceAnswer } from './types.js';

/** The single best citation for a query, or no evidence. */
export function cite(kb: KnowledgeBase, text: string): CiteAnswer | NoEvidenceAnswer {
  const query = prepareQuery(kb, text);
  const best = retrieve(kb, query, { limit: 1 }).ranked[0];
  if (!best) return { kind: 'no-evidence', command: 'cite', query: text, suggestions: suggestionsFor(kb, query) };
  return { kind: 'cite', query: text, excerpt: best.excerpt };
}
