/**
 * The fact matrix as text, shared by every surface: a row's label, each cell as one short text
 * (`Courrier ≠ “quatre morts” ¶1`), and the lines that say what the marks mean and over which
 * articles an absence holds. Every giving cell names its paragraph, so each value can be checked.
 */
import type { FactMatrix, MatrixCell, MatrixRow, MatrixValue } from '../answers/types.js';
import { colon } from './differences.js';
import { ELLIPSIS } from './format.js';
import { messages, type Locale } from './messages.js';
import { CELL_MARK, matrixWords } from './matrix-words.js';

/** Longest quotation shown in a cell, cut at a word: the paragraph cited holds the rest. */
const QUOTE_MAX = 90;

/** `Figure — morts`. */
export function matrixRowLabel(row: MatrixRow, locale: Locale): string {
  return `${matrixWords(locale).kinds[row.kind]} — ${row.label}`;
}

/** One cell: the outlet, its mark, and what it says with its paragraph, or what its absence means. */
export function matrixCellText(row: MatrixRow, cell: MatrixCell, locale: Locale): string {
  const w = matrixWords(locale);
  const head = `${cell.outlet} ${CELL_MARK[cell.state]}`;
  if (cell.state === 'silent') return `${head} ${w.silent[row.kind]}`;
  if (cell.state === 'unknown' || cell.values.length === 0) return `${head} ${w.unknown[row.kind]}`;
  const at = (v: MatrixValue) => `${messages(locale).paragraphSign}${v.excerpt.citation.paragraph}`;
  if (row.kind === 'person') return `${head} ${w.namedAt} ${cell.values.map(at).join(', ')}`;
  const said = cell.values.map((v) => `“${wordsOf(row, v)}” ${at(v)}`).join(', ');
  return cell.reworded ? `${head} ${w.reworded}${colon(locale)}${said}` : `${head} ${said}`;
}

/** A row on one line: its label, then every cell. */
export function matrixRowLine(row: MatrixRow, locale: Locale): string {
  return `${matrixRowLabel(row, locale)} │ ${row.cells.map((c) => matrixCellText(row, c, locale)).join(' │ ')}`;
}

/** What the marks mean, and the articles each outlet's cells are about. */
export function matrixHeaderLines(m: FactMatrix, locale: Locale): string[] {
  const w = matrixWords(locale);
  const counts = m.outlets.map((o, i) => w.outletArticles(o, m.articles[i]?.length ?? 0)).join(', ');
  return [w.legend, w.readWhole(counts)];
}

/** The line saying how many rows were cut, if any. */
export function matrixMoreLine(m: FactMatrix, locale: Locale): string | undefined {
  const more = m.total - m.rows.length;
  return more > 0 ? matrixWords(locale).moreRows(more) : undefined;
}

/** Every line of the matrix for a plain-text surface: title, legend, one line per row. */
export function matrixLines(m: FactMatrix, locale: Locale): string[] {
  const more = matrixMoreLine(m, locale);
  return [matrixWords(locale).title, ...matrixHeaderLines(m, locale), ...m.rows.map((r) => matrixRowLine(r, locale)), ...(more ? [more] : [])];
}

/** A value's words as shown: a quotation cut at a word, a date without the comma after it (`lundi à mardi,`). */
function wordsOf(row: MatrixRow, v: MatrixValue): string {
  if (row.kind === 'statement') return cutAtWord(v.text, QUOTE_MAX);
  return row.kind === 'date' ? v.text.replace(/[\s,;:]+$/u, '') : v.text;
}

function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, space > 0 ? space : max - 1).replace(/[\s,;:]+$/u, '')}${ELLIPSIS}`;
}
