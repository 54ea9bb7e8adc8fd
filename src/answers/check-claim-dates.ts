/**
 * A date the claim gives an event against the dates each outlet's articles on the topic give it.
 * The event is what the claim's clause around the date tells, without the date: its common words
 * (`le barrage a cédé` → barrage, céder). A sentence of an outlet tells the same event when it
 * holds every one of them (all but one from four on) and, unless the claim has two or more, one
 * of the claim's names too; a sentence holding several dates is never the ground of a
 * difference, since which date dates what is then unclear, nor is a weekday resolved after its
 * article's publication.
 *
 * - `same`: such a sentence dates the event within the claim's date (`le 9 mars` for `en mars`),
 *   or the claim's day within a night it names (`dans la nuit de lundi à mardi`);
 * - `different`: such sentences date it, all outside the claim's date;
 * - `unknown` otherwise, with a wider date that holds the claim's shown as part of it. Never
 *   `silent`: an outlet may tell the event in other words, as the fact matrix's date rows say.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { IndexedParagraph } from '../search/paragraph-index.js';
import { analyse, languageOf, type Token } from '../text/analyser.js';
import { periodOf } from '../text/date-period.js';
import type { DateMention } from '../text/dates.js';
import { sentenceSpans } from '../text/sentences.js';
import { EVIDENCE_MAX } from './check-claim-figures.js';
import type { ClaimCheck, ClaimEvidence, ClaimRelation } from './check-claim-types.js';
import { evidence, type OutletTopic } from './statements.js';

/** Words that date rather than tell: never what identifies an event. */
const TIME_WORDS = new Set(['nuit', 'matin', 'matinee', 'soir', 'soiree', 'midi', 'apres', 'hier', 'aujourd', 'demain', 'veille', 'lendemain', 'semaine', 'jour', 'jours', 'journee', 'mois', 'annee', 'an', 'ans', 'heure', 'heures', 'fin', 'debut', 'dernier', 'derniere', 'prochain', 'prochaine', 'depuis', 'date']);
/** A night or a span of up to this many days holding the claim's day dates it alike. */
const SPAN_DAYS_SAME = 2;

/** What the claim's date is about: the event's common words and names, as index terms. */
export interface ClaimEvent {
  readonly common: ReadonlySet<string>;
  readonly names: ReadonlySet<string>;
  /** The words as the claim writes them, for the reader. */
  readonly words: string;
}

/** The event a claim's date dates: the clause around it, without dates, figures and time words. */
export function eventOf(text: string, sentence: { start: number; end: number }, date: { start: number; end: number }, dates: readonly { start: number; end: number }[]): ClaimEvent {
  const sentenceText = text.slice(sentence.start, sentence.end);
  const tokens = analyse(sentenceText).filter((t) => t.term !== undefined && !/^\d/u.test(t.folded) && !TIME_WORDS.has(t.folded) && !dates.some((d) => t.start + sentence.start >= d.start && t.end + sentence.start <= d.end));
  const clauses = clauseSpans(sentenceText);
  const at = clauses.findIndex((c) => date.start - sentence.start >= c.start && date.start - sentence.start < c.end);
  // The date's clause, widened to its neighbours while it holds no common word.
  let from = Math.max(0, at);
  let to = from;
  const inside = () => tokens.filter((t) => t.start >= (clauses[from]?.start ?? 0) && t.end <= (clauses[to]?.end ?? sentenceText.length));
  const firstToken = tokens[0];
  const isName = (t: Token) => t !== firstToken && /^\p{Lu}/u.test(t.surface);
  while (!inside().some((t) => !isName(t)) && (to < clauses.length - 1 || from > 0)) {
    if (to < clauses.length - 1) to += 1;
    else from -= 1;
  }
  const kept = inside();
  return {
    common: new Set(kept.filter((t) => !isName(t)).map((t) => t.term as string)),
    names: new Set(kept.filter(isName).map((t) => t.term as string)),
    words: kept.map((t) => t.surface).join(' '),
  };
}

function clauseSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(/[,;:()—–]/gu)) {
    out.push({ start, end: m.index });
    start = m.index + 1;
  }
  out.push({ start, end: text.length });
  return out;
}

/** What each covering outlet says of the date the claim gives the event. */
export function checkDate(kb: KnowledgeBase, claimDate: DateMention, event: ClaimEvent, covering: readonly OutletTopic[]): ClaimCheck[] {
  const [from, to] = periodOf(claimDate);
  return covering.map((o): ClaimCheck => {
    const base = { sourceId: o.sourceId, outlet: o.outlet };
    if (event.common.size === 0) return { ...base, state: 'unknown', evidence: [] };
    const found = o.paragraphs.flatMap((doc) => datingsOf(kb, doc, event)).map((d) => ({ ...d, relation: relationOf(periodOf(d.mention), from, to) }));
    const shown = (relation: ClaimRelation) => found.filter((d) => d.relation === relation).slice(0, EVIDENCE_MAX).map((d) => evidenceOf(kb, d.doc, d.mention, relation));
    if (found.some((d) => d.relation === 'same')) return { ...base, state: 'same', evidence: shown('same') };
    if (found.some((d) => d.relation === 'partial')) return { ...base, state: 'unknown', evidence: shown('partial') };
    const firm = found.filter((d) => d.firm);
    if (firm.length > 0) return { ...base, state: 'different', evidence: firm.slice(0, EVIDENCE_MAX).map((d) => evidenceOf(kb, d.doc, d.mention, 'different')) };
    return { ...base, state: 'unknown', evidence: [] };
  });
}

/** The dates of a paragraph in sentences telling the event, each with whether it may ground a difference. */
function datingsOf(kb: KnowledgeBase, doc: IndexedParagraph, event: ClaimEvent): Array<{ doc: IndexedParagraph; mention: DateMention; firm: boolean }> {
  const dates = kb.factsOf(doc.id).dates;
  if (dates.length === 0 || languageOf(doc.article.language) !== 'fr') return [];
  const text = doc.paragraph.text;
  const out: Array<{ doc: IndexedParagraph; mention: DateMention; firm: boolean }> = [];
  for (const sentence of sentenceSpans(text)) {
    const inSentence = dates.filter((d) => d.start >= sentence.start && d.end <= sentence.end);
    if (inSentence.length === 0 || !tells(new Set(analyse(text.slice(sentence.start, sentence.end)).map((t) => t.term)), event)) continue;
    for (const mention of inSentence) {
      const afterPublication = mention.relative && mention.sortKey > doc.article.published;
      out.push({ doc, mention, firm: inSentence.length === 1 && !afterPublication });
    }
  }
  return out;
}

function tells(terms: ReadonlySet<string | undefined>, event: ClaimEvent): boolean {
  const held = [...event.common].filter((t) => terms.has(t)).length;
  const needed = event.common.size >= 4 ? event.common.size - 1 : event.common.size;
  if (held < needed) return false;
  return event.common.size >= 2 || [...event.names].some((t) => terms.has(t));
}

/** The outlet's date within the claim's (or the claim's day within a short span of it): the same; overlapping: part; else another. */
function relationOf([c, d]: [number, number], from: number, to: number): ClaimRelation {
  if (c >= from && d <= to) return 'same';
  if (from >= c && to <= d && d - c < SPAN_DAYS_SAME) return 'same';
  if (c <= to && d >= from) return 'partial';
  return 'different';
}

function evidenceOf(kb: KnowledgeBase, doc: IndexedParagraph, m: DateMention, relation: ClaimRelation): ClaimEvidence {
  return { relation, text: m.text, excerpt: evidence(kb, doc, m), date: { iso: m.iso, precision: m.precision, ...(m.part ? { part: m.part } : {}) } };
}
