/**
 * `when [EVENT]`: dates as the articles give them, normalised and resolved against each
 * article's publication date. Without an event, the whole timeline, oldest first.
 */
import type { DateMention } from '../text/dates.js';
import type { IndexedParagraph } from '../search/paragraph-index.js';
import { excerptOf } from './citations.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { prepareQuery, retrieve, suggestionsFor } from './retrieve.js';
import { LIST_LIMIT, type DatedExcerpt, type NoEvidenceAnswer, type WhenAnswer } from './types.js';

/** Dates shown for an event at most. */
const WHEN_DATES = 8;
/** Paragraphs whose dates are read for an event: the best few, whose dates the ranking below orders. */
const WHEN_PARAGRAPHS = 6;
/**
 * Bonus, in excerpt score, for holding the date an excerpt illustrates: as much as three of the
 * event's words (each weighs 1 here), so the excerpt is chosen around the date.
 */
const DATE_TARGET_BONUS = 3;
/**
 * How a date found in a ranked paragraph is ranked: the paragraph's score, plus
 * {@link IN_EXCERPT_BONUS} when the date is in the excerpt that matches the event (it dates the
 * event; elsewhere in the paragraph it may date something else), plus a little of the date's own
 * excerpt score, minus a little per rank so that equal dates keep the paragraphs' order.
 */
const IN_EXCERPT_BONUS = 1;
/** Share of a date's excerpt score added to its rank (see {@link IN_EXCERPT_BONUS}). */
const DATE_EXCERPT_WEIGHT = 0.1;
/** Taken off per paragraph rank (see {@link IN_EXCERPT_BONUS}). */
const RANK_PENALTY = 0.01;

/** The timeline, or the dates that answer "when" about an event. */
export function when(kb: KnowledgeBase, text: string | undefined): WhenAnswer | NoEvidenceAnswer {
  const query = text?.trim() ?? '';
  return query === '' ? timeline(kb) : datesOf(kb, query);
}

function dated(doc: IndexedParagraph, mention: DateMention, terms: ReadonlySet<string>): DatedExcerpt {
  return datedAs(doc, mention, excerptOf(doc, { terms, targets: [mention], targetBonus: DATE_TARGET_BONUS }));
}

/** A date of a paragraph as the answers show it, with the excerpt that shows it. */
export function datedAs(doc: IndexedParagraph, mention: DateMention, excerpt: DatedExcerpt['excerpt']): DatedExcerpt {
  return {
    iso: mention.iso,
    precision: mention.precision,
    ...(mention.part ? { part: mention.part } : {}),
    wording: mention.text,
    relative: mention.relative,
    // Day keys compare as strings; a period is after the article when its first day is.
    afterPublication: mention.sortKey > doc.article.published,
    sortKey: mention.sortKey,
    excerpt,
  };
}

function timeline(kb: KnowledgeBase): WhenAnswer {
  // The knowledge base keeps every date sorted: the head of that list is the answer.
  const total = kb.timeline.length / 2;
  const dates: DatedExcerpt[] = [];
  for (let i = 0; i < Math.min(total, LIST_LIMIT); i++) {
    const doc = kb.index.docs[kb.timeline[2 * i] as number] as IndexedParagraph;
    const mention = kb.factsOf(doc.id).dates[kb.timeline[2 * i + 1] as number] as DateMention;
    dates.push(dated(doc, mention, new Set()));
  }
  return total > LIST_LIMIT ? { kind: 'when', dates, total } : { kind: 'when', dates };
}

function datesOf(kb: KnowledgeBase, text: string): WhenAnswer | NoEvidenceAnswer {
  const query = { ...prepareQuery(kb, text), kind: 'when' as const };
  const terms = new Set(query.terms);
  const { ranked } = retrieve(kb, query, { limit: WHEN_PARAGRAPHS });
  const found: Array<{ item: DatedExcerpt; score: number }> = [];
  for (const [rank, r] of ranked.entries()) {
    for (const m of kb.factsOf(r.doc.id).dates) {
      const item = dated(r.doc, m, terms);
      // A date in the sentence that matches the event answers it; elsewhere in the paragraph it
      // may date something else, so only the best paragraph's other dates are kept.
      const inExcerpt = m.start >= r.excerpt.start && m.end <= r.excerpt.end;
      if (!inExcerpt && rank > 0) continue;
      found.push({ item, score: r.score + (inExcerpt ? IN_EXCERPT_BONUS : 0) + item.excerpt.score * DATE_EXCERPT_WEIGHT - rank * RANK_PENALTY });
    }
  }
  if (found.length === 0) return { kind: 'no-evidence', command: 'when', query: text, suggestions: ranked.length === 0 ? suggestionsFor(kb, query) : [] };
  found.sort((a, b) => b.score - a.score);
  return { kind: 'when', query: text, dates: found.slice(0, WHEN_DATES).map((f) => f.item) };
}
