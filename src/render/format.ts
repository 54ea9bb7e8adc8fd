/**
 * Formatting shared by every surface: dates, periods, numbers, quotes and citation lines.
 * Nothing here escapes for a particular surface; the Discord renderer escapes what it sends.
 */
import type { Citation, DatedExcerpt, Excerpt } from '../answers/types.js';
import { intlTagOf, messages, type Locale } from './messages.js';

/** What every surface appends (or prepends) where a text was cut. */
export const ELLIPSIS = '…';

// Building a formatter costs far more than using one: one per locale, made once.
const formatter = (locale: Locale, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(intlTagOf(locale), { ...options, timeZone: 'UTC' });
const DAY_FORMAT: Record<Locale, Intl.DateTimeFormat> = { en: formatter('en', { day: 'numeric', month: 'long', year: 'numeric' }), fr: formatter('fr', { day: 'numeric', month: 'long', year: 'numeric' }) };
const MONTH_FORMAT: Record<Locale, Intl.DateTimeFormat> = { en: formatter('en', { month: 'long', year: 'numeric' }), fr: formatter('fr', { month: 'long', year: 'numeric' }) };

/** `2025-06-17` → `17 June 2025` / `17 juin 2025` (UTC: these are calendar days, not instants). */
export function formatDay(iso: string, locale: Locale): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return DAY_FORMAT[locale].format(date);
}

function formatMonth(iso: string, locale: Locale): string {
  const date = new Date(`${iso}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return MONTH_FORMAT[locale].format(date);
}

/** A normalised date in words: `17 June 2025`, `early June 2025`, `spring 2025`, `2024`. */
export function formatPeriod(d: Pick<DatedExcerpt, 'iso' | 'precision' | 'part'>, locale: Locale): string {
  const m = messages(locale);
  let text: string;
  switch (d.precision) {
    case 'day':
      text = formatDay(d.iso, locale);
      break;
    case 'week':
      text = m.weekOf(formatDay(d.iso, locale));
      break;
    case 'month':
      text = formatMonth(d.iso, locale);
      break;
    case 'season': {
      const [year, season] = d.iso.split('-');
      text = `${m.seasons[season ?? ''] ?? season} ${year}`;
      break;
    }
    case 'year':
      text = d.iso;
      break;
  }
  if (!d.part) return text;
  const part = m.parts[d.part] ?? d.part;
  return locale === 'fr' && d.part === 'mid' ? `${part}-${text}` : `${part} ${text}`;
}

/** A number as the reader's locale writes it (`1 000` / `1,000`). */
export function formatNumber(n: number, locale: Locale): string {
  return n.toLocaleString(intlTagOf(locale));
}

/** The excerpt with `…` where it was cut inside a sentence. */
export function quoted(excerpt: Pick<Excerpt, 'text' | 'cutStart' | 'cutEnd'>, text = excerpt.text): string {
  return `${excerpt.cutStart ? ELLIPSIS : ''}${text}${excerpt.cutEnd ? ELLIPSIS : ''}`;
}

/** `AFP, 17 June 2025, ¶3`: the short reference under an excerpt. */
export function shortReference(c: Citation, locale: Locale): string {
  return `${c.outlet}, ${formatDay(c.published, locale)}, ${messages(locale).paragraphSign}${c.paragraph}`;
}

/** `« excerpt » — AFP, Title, 17 June 2025, ¶3, https://…`: the citation to paste anywhere. */
export function pasteCitation(excerpt: Excerpt, locale: Locale): string {
  const c = excerpt.citation;
  const parts = [c.outlet, c.title, formatDay(c.published, locale), `${messages(locale).paragraphSign}${c.paragraph}`];
  if (c.url) parts.push(c.url);
  return `« ${quoted(excerpt)} » — ${parts.join(', ')}`;
}
