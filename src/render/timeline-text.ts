/**
 * The timeline as plain-text lines (the terminal's renderer uses them): each event with its date,
 * the outlets that date it, and each outlet's sentence with its paragraph; an event the outlets
 * date differently says so, with each outlet's date.
 */
import type { DatedExcerpt, Excerpt, TimelineAnswer, TimelineEvent } from '../answers/types.js';
import { colon } from './differences.js';
import { formatDay, formatPeriod, quoted, shortReference } from './format.js';
import { messages, type Locale } from './messages.js';
import { timelineWords } from './timeline-words.js';

/** Options of {@link timelineLines}: the reader's locale, and how matched words are marked (identity when absent). */
export interface TimelineTextOptions {
  readonly locale: Locale;
  readonly highlight?: (word: string) => string;
}

/** The whole answer as lines. */
export function timelineLines(a: TimelineAnswer, o: TimelineTextOptions): string[] {
  const w = timelineWords(o.locale);
  if (a.events.length === 0) return [w.noEvents];
  const differing = a.events.filter((e) => e.differs).length;
  const summary = [w.eventsFound(a.total ?? a.events.length), ...(differing > 0 ? [w.differingFound(differing)] : [])].join(', ');
  const lines = [`${a.query ? w.titleFor(a.query) : w.title} — ${summary}`];
  for (const event of a.events) lines.push('', ...eventLines(event, o));
  if (a.total !== undefined) lines.push('', messages(o.locale).shownOf(a.events.length, a.total));
  return lines;
}

/** `• 10 March 2026 — dated by AHP, OPF`, or the differing dates, then one quote per outlet and date. */
export function eventHeading(event: TimelineEvent, locale: Locale): string {
  const w = timelineWords(locale);
  if (event.differs) {
    const dates = event.datings.flatMap((d) => d.mentions.map((m) => w.outletDate(m.excerpt.citation.outlet, formatPeriod(d, locale))));
    return `${event.datings.map((d) => formatPeriod(d, locale)).join(' ≠ ')} — ${w.datedDifferently}${colon(locale)}${dates.join(', ')}`;
  }
  const lead = event.datings.find((d) => d.sortKey === event.sortKey) ?? event.datings[0];
  return `${lead ? formatPeriod(lead, locale) : event.sortKey} — ${w.datedBy(event.outlets.join(', '))}`;
}

function eventLines(event: TimelineEvent, o: TimelineTextOptions): string[] {
  const lines = [`• ${eventHeading(event, o.locale)}`];
  const several = event.datings.length > 1;
  for (const dating of event.datings) {
    for (const m of dating.mentions) {
      const when = several ? `${formatPeriod(dating, o.locale)}${colon(o.locale)}` : '';
      lines.push(`  ${when}« ${quoted(m.excerpt, highlighted(m.excerpt, o))} »`, `    — ${shortReference(m.excerpt.citation, o.locale)} (${wordingOf(m, o.locale)})`);
    }
  }
  return lines;
}

/** `“mardi”, resolved from the publication date 10 March 2026`, as `/when` says it. */
export function wordingOf(m: DatedExcerpt, locale: Locale): string {
  const msg = messages(locale);
  const resolved = m.relative ? `, ${msg.resolvedFrom(formatDay(m.excerpt.citation.published, locale))}` : '';
  return `“${m.wording}”${resolved}${m.afterPublication ? `; ${msg.afterPublication}` : ''}`;
}

/** The excerpt with its highlights marked. */
function highlighted(excerpt: Excerpt, o: TimelineTextOptions): string {
  const mark = o.highlight;
  if (!mark || excerpt.highlights.length === 0) return excerpt.text;
  let out = '';
  let at = 0;
  for (const h of excerpt.highlights) {
    if (h.start < at) continue;
    out += excerpt.text.slice(at, h.start) + mark(excerpt.text.slice(h.start, h.end));
    at = h.end;
  }
  return out + excerpt.text.slice(at);
}
