/**
 * An answer's citations as files to keep or paste elsewhere: Markdown to read, CSV for a
 * spreadsheet. Every excerpt of the answer (every page of it, every outlet, the quotations and
 * roles it shows) once, in the order the answer gives them, with its outlet, title, date,
 * paragraph and address. The excerpts are the articles' own words; nothing is added to them
 * except the `…` where they were cut inside a sentence, as everywhere else.
 */
import { stringify } from 'csv-stringify/sync';
import type { Answer, Citation } from '../answers/types.js';
import { formatDay, quoted } from './format.js';
import { messages, type Locale } from './messages.js';

/** One exported citation: an excerpt and where it comes from. */
export interface ExportedCitation {
  readonly citation: Citation;
  /** The article's words, `…` where the excerpt was cut inside a sentence. */
  readonly excerpt: string;
}

/** Something of an answer that carries the article's words and their citation (an excerpt, a stated role). */
interface Cited {
  readonly citation: Citation;
  readonly text: string;
  readonly cutStart?: boolean;
  readonly cutEnd?: boolean;
}

function isCited(value: object): value is Cited {
  const v = value as Partial<Cited>;
  return typeof v.text === 'string' && typeof v.citation === 'object' && v.citation !== null && typeof v.citation.articleId === 'string' && typeof v.citation.paragraph === 'number';
}

/** The cited texts of a value, depth first, in the order it holds them (duplicates included). */
function* citedIn(value: unknown): Generator<Cited> {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) yield* citedIn(item);
    return;
  }
  if (isCited(value)) {
    yield value;
    return;
  }
  for (const child of Object.values(value)) yield* citedIn(child);
}

/**
 * Every cited text of an answer, once each (the same words of the same paragraph shown twice, as
 * an excerpt and as a role, are one row), in the order the answer holds them. Read from the
 * answer's data whatever its kind, so that a kind of answer added later is exported too.
 */
export function exportedCitations(answer: Answer): ExportedCitation[] {
  const out: ExportedCitation[] = [];
  const seen = new Set<string>();
  for (const cited of citedIn(answer)) {
    const key = `${cited.citation.articleId}\u0000${cited.citation.paragraph}\u0000${cited.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ citation: cited.citation, excerpt: quoted({ text: cited.text, cutStart: cited.cutStart === true, cutEnd: cited.cutEnd === true }) });
  }
  return out;
}

/** Whether an answer cites anything (the Export button is shown then): stops at the first citation. */
export function citesAnything(answer: Answer): boolean {
  return !citedIn(answer).next().done;
}

/** What the files say they answer: the command as typed and its query. */
export interface ExportHeading {
  readonly command: string;
  readonly query: string;
  readonly locale: Locale;
}

/**
 * The citations as Markdown: a heading naming the question, then each excerpt as a quotation
 * followed by its reference (outlet, title linked to the article, date, paragraph).
 */
export function citationsMarkdown(rows: readonly ExportedCitation[], heading: ExportHeading): string {
  const m = messages(heading.locale);
  const title = heading.query ? `/${heading.command} ${heading.query}` : `/${heading.command}`;
  const lines = [`# ${markdownText(title)}`, ''];
  for (const row of rows) {
    const c = row.citation;
    for (const line of row.excerpt.split('\n')) lines.push(`> ${markdownText(line)}`);
    const linked = c.url && /^https?:\/\/[^\s<>]+$/u.test(c.url) ? `[${markdownText(c.title)}](<${c.url}>)` : markdownText(c.title);
    lines.push(`>`, `> — ${markdownText(`${c.outletName} (${c.outlet})`)}, ${linked}, ${formatDay(c.published, heading.locale)}, ${m.paragraphSign}${c.paragraph}`, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Characters Markdown would read as formatting, escaped so that the words show as written. */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/gu, (c) => `\\${c}`);
}

/** The CSV columns, in order. */
export const CSV_COLUMNS = ['outlet', 'outlet_name', 'title', 'published', 'paragraph', 'url', 'article_id', 'excerpt'] as const;

/**
 * The citations as CSV (RFC 4180, a header row, UTF-8 with a byte-order mark so that spreadsheet
 * programs read the accents). A cell that a spreadsheet would run as a formula (it starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return) is prefixed with `'`, which spreadsheets do not
 * show: an article's words must not become a formula on the reader's machine.
 */
export function citationsCsv(rows: readonly ExportedCitation[]): string {
  const records = rows.map(({ citation: c, excerpt }) => [c.outlet, c.outletName, c.title, c.published, String(c.paragraph), c.url ?? '', c.articleId, excerpt].map(inertCell));
  return `\uFEFF${stringify([[...CSV_COLUMNS], ...records], { record_delimiter: 'windows' })}`;
}

/** A cell a spreadsheet would run as a formula, prefixed with `'` (see {@link citationsCsv}). */
export function inertCell(cell: string): string {
  return /^[=+\-@\t\r]/u.test(cell) ? `'${cell}` : cell;
}
