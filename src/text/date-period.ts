/**
 * The days a date names, to tell whether two dates can name the same day: `mars 2026` holds
 * `10 mars 2026`, `10 mars` and `11 mars` do not meet. Shared by the timeline (which joins
 * datings of one event) and "Check this claim" (which compares a claim's date with the articles').
 */
import type { DateMention } from './dates.js';

const DAY_MS = 86_400_000;
const WEEKDAY = /\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b/giu;

/** `YYYY-MM-DD` → days since 1970-01-01. */
export function dayOf(iso: string): number {
  return Math.floor(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS);
}

/** The first and last day a date names, in days since 1970. `lundi à mardi` (a night, a span) names both days. */
export function periodOf(m: Pick<DateMention, 'sortKey' | 'precision' | 'part' | 'text'>): [number, number] {
  const from = dayOf(m.sortKey);
  const year = Number(m.sortKey.slice(0, 4));
  const month = Number(m.sortKey.slice(5, 7));
  switch (m.precision) {
    case 'day': {
      const weekdays = m.text.match(WEEKDAY)?.length ?? 0;
      return [from, from + Math.max(0, weekdays - 1)];
    }
    case 'week':
      return [from, from + 6];
    case 'month': {
      const last = Math.floor(Date.UTC(year, month, 0) / DAY_MS);
      const first = Math.floor(Date.UTC(year, month - 1, 1) / DAY_MS);
      if (m.part === 'early') return [first, first + 9];
      if (m.part === 'mid') return [first + 10, first + 19];
      if (m.part === 'late') return [first + 20, last];
      return [first, last];
    }
    case 'season':
      return [from, from + 92];
    case 'year':
      return [Math.floor(Date.UTC(year, 0, 1) / DAY_MS), Math.floor(Date.UTC(year, 11, 31) / DAY_MS)];
  }
}
