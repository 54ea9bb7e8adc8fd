/**
 * Statement rows of the fact matrix: a quotation several covering outlets carry in their articles
 * on the topic, grouped as `/quotes` groups them (quote-groups.ts: same speaker, most of the words
 * shared, one story). Each carrying outlet's cell is `same`, with its own wording, marked
 * reworded when its words differ from the first quotation's. An outlet carrying none is
 * `unknown`: it may report the statement without quoting it, or quote it otherwise.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { quotesOfArticle } from './quote-index.js';
import { groupQuotes } from './quote-groups.js';
import type { OutletTopic } from './statements.js';
import type { MatrixCell, MatrixRow } from './types.js';

/** The statement rows of a topic: attributed quotations carried by at least two covering outlets. */
export function statementRows(kb: KnowledgeBase, covering: readonly OutletTopic[]): MatrixRow[] {
  const columns = covering.map((o) => o.outlet);
  const articles = new Set<number>();
  for (const o of covering) {
    for (const d of o.paragraphs) {
      const at = kb.index.docArticle[d.id];
      if (at !== undefined) articles.add(at);
    }
  }
  const quotes = [...articles].sort((a, b) => a - b).flatMap((a) => quotesOfArticle(kb, a));
  const rows: MatrixRow[] = [];
  for (const group of groupQuotes(kb, quotes)) {
    if (!group.speaker) continue;
    const carriers = new Set(group.quotations.map((q) => q.excerpt.citation.outlet));
    if (carriers.size < 2) continue;
    const cells = columns.map((outlet): MatrixCell => {
      const at = group.quotations.findIndex((q) => q.excerpt.citation.outlet === outlet);
      const q = group.quotations[at];
      if (!q) return { outlet, state: 'unknown', values: [] };
      const reworded = (group.changes[at]?.length ?? 0) > 0;
      return { outlet, state: 'same', values: [{ text: q.pieces.join(' … '), excerpt: q.excerpt }], ...(reworded ? { reworded: true as const } : {}) };
    });
    const reference = group.quotations[0]?.excerpt.citation.outlet;
    rows.push({ kind: 'statement', label: group.speaker.name, ...(reference ? { reference } : {}), differs: false, cells });
  }
  return rows;
}
