/**
 * A server's gaps (`/gaps`) as files for the moderators: the unanswered questions and the answers
 * voted down, with their counts, as Markdown to read and CSV for a spreadsheet.
 */
import { stringify } from 'csv-stringify/sync';
import type { Gaps } from '../store/types.js';
import { inertCell, markdownText } from './citations-export.js';
import { moderationMessages } from './moderation-messages.js';
import type { Locale } from './messages.js';

/** The CSV columns: one row per unanswered question (`kind` unanswered) or voted answer (`kind` voted-down). */
export const GAPS_CSV_COLUMNS = ['kind', 'command', 'query', 'count', 'last_asked_at', 'down', 'up', 'answer_message_id', 'excerpts'] as const;

/** The gaps as CSV (RFC 4180, header row, byte-order mark; formula-like cells made inert, as for citations). */
export function gapsCsv(gaps: Gaps): string {
  const rows = [
    ...gaps.unanswered.map((q) => ['unanswered', q.command, q.query, String(q.count), q.lastAskedAt, '', '', '', '']),
    ...gaps.downVoted.map((a) => ['voted-down', a.command, a.query, '', '', String(a.down), String(a.up), a.answerId, a.excerpts.map((e) => `${e.articleId} ¶${e.paragraph} [${e.start}-${e.end}]`).join('; ')]),
  ].map((r) => r.map(inertCell));
  return `\uFEFF${stringify([[...GAPS_CSV_COLUMNS], ...rows], { record_delimiter: 'windows' })}`;
}

/** The gaps as Markdown: a heading, then each list with its counts. */
export function gapsMarkdown(gaps: Gaps, locale: Locale): string {
  const m = moderationMessages(locale).gaps;
  const lines = [`# ${m.title}`, '', `## ${m.unanswered}`, ''];
  if (gaps.unanswered.length === 0) lines.push(m.noUnanswered);
  for (const q of gaps.unanswered) lines.push(`- ${markdownText(m.asked(q.count, q.command, q.query))} (${q.lastAskedAt})`);
  lines.push('', `## ${m.downVoted}`, '');
  if (gaps.downVoted.length === 0) lines.push(m.noDownVoted);
  for (const a of gaps.downVoted) lines.push(`- ${markdownText(m.votes(a.down, a.up, a.command, a.query))} (${m.excerpts(a.excerpts.length)}; message ${a.answerId})`);
  return `${lines.join('\n')}\n`;
}
