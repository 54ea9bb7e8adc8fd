/**
 * `/quotes` as plain-text lines (the terminal's renderer uses them): the most quoted speakers,
 * then each statement with its speaker, every article's quotation of it with its paragraph and
 * how the text attributes it, and how the outlets' wordings differ.
 */
import type { QuoteExcerpt, QuoteGroup, QuotesAnswer } from '../answers/types.js';
import { colon } from './differences.js';
import { quoted, shortReference } from './format.js';
import { messages, type Locale } from './messages.js';
import { attributionNote, groupHeading, quoteWords, quotesEmptyLine, quotesStoryLine, quotesSummary, quotesTitle, tallyLine, wordingLines } from './quote-words.js';

/** Speakers listed before the statements, at most. */
export const TALLY_LINES = 10;

/** The whole answer as lines. */
export function quoteLines(a: QuotesAnswer, locale: Locale): string[] {
  const w = quoteWords(locale);
  const lines = [`${quotesTitle(a, locale)} — ${quotesSummary(a, locale)}`];
  if (a.person && a.person.variants.length > 0) lines.push(`${w.alsoWritten}${colon(locale)}${a.person.variants.join(', ')}`);
  const story = quotesStoryLine(a, locale);
  if (story) lines.push(story);
  const empty = quotesEmptyLine(a, locale);
  if (empty) return [...lines, '', empty];
  if (a.scope !== 'speaker' && a.speakers.length > 0) {
    lines.push('', `${w.mostQuoted}${colon(locale).trimEnd()}`, ...a.speakers.slice(0, TALLY_LINES).map((t) => `  ${tallyLine(t, locale)}`));
  }
  a.groups.forEach((g, i) => lines.push('', ...groupLines(g, i + 1, locale)));
  if (a.total !== undefined) lines.push('', messages(locale).shownOf(a.groups.length, a.total));
  return lines;
}

function groupLines(g: QuoteGroup, n: number, locale: Locale): string[] {
  const lines = [`${n}. ${groupHeading(g, locale)}`];
  for (const q of g.quotations) lines.push(...quotationLines(q, locale));
  const wording = wordingLines(g, locale);
  if (wording.length > 0) lines.push(`   ${quoteWords(locale).wording}${colon(locale)}${wording.join(' | ')}`);
  return lines;
}

function quotationLines(q: QuoteExcerpt, locale: Locale): string[] {
  const note = attributionNote(q, locale);
  return [`   « ${quoted(q.excerpt)} »`, `     — ${shortReference(q.excerpt.citation, locale)}${note ? ` (${note})` : ''}`];
}
