/**
 * Date rows of the fact matrix: the events of the topic the covering outlets date, as the
 * timeline groups them (timeline.ts: the same thing told, dates compatible, or one event dated
 * differently when that holds over the outlets' whole articles), kept to the paragraphs of the
 * comparison's articles, so that an event of another story never comes in.
 *
 * An outlet that dates none of the event is `unknown`, never `silent`: it may tell the event in
 * other words, or date it in a way the grouping does not join.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { cellsOf, type Stated } from './fact-matrix-reference.js';
import type { OutletTopic } from './statements.js';
import { eventTimeline } from './timeline.js';
import type { DatedExcerpt, MatrixRow, MatrixValue, TimelineEvent } from './types.js';

/** What one outlet's dating of an event is compared by. */
interface Dating {
  readonly iso: string;
  readonly precision: string;
}

/** The date rows of a topic: events at least two covering outlets date within their articles on it. */
export function dateRows(kb: KnowledgeBase, topic: string, covering: readonly OutletTopic[]): MatrixRow[] {
  // A row needs two outlets dating something in their articles: else the timeline's search is not run.
  if (covering.filter((o) => o.paragraphs.some((d) => kb.factsOf(d.id).dates.length > 0)).length < 2) return [];
  const timeline = eventTimeline(kb, topic);
  if (timeline.kind !== 'timeline') return [];
  const columns = covering.map((o) => o.outlet);
  // Where each covering outlet's articles on the topic are, paragraph by paragraph.
  const read = new Map(covering.map((o) => [o.outlet, new Set(o.paragraphs.map((d) => `${d.article.id}\u0000${d.paragraph.n}`))]));
  const inTopic = (m: DatedExcerpt) => read.get(m.excerpt.citation.outlet)?.has(`${m.excerpt.citation.articleId}\u0000${m.excerpt.citation.paragraph}`) === true;
  const rows: MatrixRow[] = [];
  for (const event of timeline.events) {
    const stated = statedDates(event, inTopic);
    if (stated.length < 2) continue;
    // Dated alike, every dating is compatible with every other (`mars` holds `10 mars`): the same.
    const equal = event.differs ? (a: Dating, b: Dating) => a.iso === b.iso && a.precision === b.precision : () => true;
    const { cells, reference, differs } = cellsOf(columns, stated, equal, () => 'unknown');
    rows.push({ kind: 'date', label: event.label, ...(reference ? { reference } : {}), differs, cells });
  }
  return rows;
}

/** Each outlet's first dating of the event within its articles on the topic, in timeline order. */
function statedDates(event: TimelineEvent, inTopic: (m: DatedExcerpt) => boolean): Stated<Dating>[] {
  const out: Stated<Dating>[] = [];
  for (const dating of event.datings) {
    for (const m of dating.mentions) {
      const outlet = m.excerpt.citation.outlet;
      if (!inTopic(m) || out.some((s) => s.outlet === outlet)) continue;
      const value: MatrixValue = { text: m.wording, excerpt: m.excerpt, date: { iso: m.iso, precision: m.precision, ...(m.part ? { part: m.part } : {}) } };
      out.push({ outlet, signature: { iso: dating.iso, precision: dating.precision }, values: [value] });
    }
  }
  return out;
}
