/**
 * The details a moderator types (a date, an outlet) read into the corpus's values, and the article
 * id made unique within what a server sees.
 */
import { findSource, matchOutlet, slugify } from '../corpus/ingest.js';
import { isRealDate } from '../corpus/schema.js';
import type { Source } from '../corpus/types.js';
import * as chrono from 'chrono-node';
import { findDates } from '../text/dates.js';
import { ModerationError } from './types.js';

/**
 * `2025-06-17`, or a date as written in French or English (`17 juin 2025`, `June 17, 2025`), as
 * `YYYY-MM-DD`. Only a whole day is accepted: a month or a weekday does not date an article.
 *
 * @param today `YYYY-MM-DD`, what a date without a year is read against.
 * @throws {ModerationError} `bad-date`.
 */
export function readDate(typed: string, today: string): string {
  const text = typed.trim();
  if (isRealDate(text)) return text;
  const day = findDates(text, today).find((d) => d.precision === 'day' && !d.relative);
  if (day && isRealDate(day.iso)) return day.iso;
  // English dates, which the French date finder does not read: chrono's strict parser, whole days only.
  const english = chrono.en.strict.parse(text, new Date(`${today}T12:00:00Z`))[0]?.start;
  if (english?.isCertain('day') && english.isCertain('month') && english.isCertain('year')) {
    const iso = [english.get('year'), english.get('month'), english.get('day')].map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-');
    if (isRealDate(iso)) return iso;
  }
  throw new ModerationError('bad-date', text.slice(0, 60));
}

/**
 * The outlet a moderator named, by id, short name or name, among the outlets the server may use.
 *
 * @throws {ModerationError} `unknown-outlet`, with the known short names.
 */
export function readOutlet(typed: string, sources: readonly Source[]): Source {
  const found = findSource(typed, sources) ?? matchOutlet(typed, sources);
  if (!found) throw new ModerationError('unknown-outlet', `${typed.trim().slice(0, 60)} (known: ${sources.map((s) => s.short).join(', ')})`);
  return found;
}

/** `YYYY-MM-DD-<outlet>-<slug of title>`, as the ingest names articles, with `-2`, `-3`… if taken. */
export function uniqueArticleId(published: string, sourceId: string, title: string, taken: (id: string) => boolean): string {
  const stem = [published, sourceId, slugify(title)].filter(Boolean).join('-');
  if (!taken(stem)) return stem;
  for (let n = 2; ; n++) if (!taken(`${stem}-${n}`)) return `${stem}-${n}`;
}
