/**
 * The fact matrix of a comparison: rows are the facts of the topic (figures, ordinal counts,
 * dated events, people, quoted statements), columns the outlets covering it, each cell what that
 * outlet's articles on the topic say of the fact. Made from the whole-article statements
 * (statements.ts, over every paragraph of each outlet's articles on the topic), never from the
 * excerpts shown.
 *
 * "The same" is relative to the row's reference: the statement the most outlets make, ties going
 * to the first of them in column order (fact-matrix-reference.ts). Every giving cell carries its
 * own value and paragraph, so a `different` cell always shows what it says instead.
 *
 * `silent` ("does not say") is said only where it holds over the outlet's whole articles on the
 * topic: figures the statements find no figure for among outlets whose every figure counts a known
 * other thing (statements.ts `notGivenBy`), counts where its French articles hold no ordinal word at
 * all, people no spelling of whom it writes. Anywhere else an absence is `unknown` (nothing matching found).
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { countsNothing, samePeriod } from './count-rules.js';
import { dateRows } from './fact-matrix-dates.js';
import { statementRows } from './fact-matrix-quotes.js';
import { cellsOf, type Stated } from './fact-matrix-reference.js';
import { countStatements, figureStatements, personStatements, type OutletTopic } from './statements.js';
import type { CountStatement, FactMatrix, FigureStatement, MatrixCell, MatrixRow, MatrixRowKind, MatrixValue, PersonStatement, StatedCount } from './types.js';

/** Rows a matrix holds at most, differences first: what a reader compares at a glance and a Discord answer shows. */
export const MATRIX_ROWS_MAX = 16;

/** What the matrix is made of when the caller has the statements already (compare.ts). */
export interface KnownStatements {
  readonly figures: readonly FigureStatement[];
  readonly counts: readonly CountStatement[];
  readonly people: readonly PersonStatement[];
}

/**
 * The fact matrix of a topic over the outlets covering it (at least two make a comparison; with
 * fewer, no row). `topic` is the comparison's words, which find the events the outlets date.
 */
export function factMatrix(kb: KnowledgeBase, covering: readonly OutletTopic[], topic: string, known?: KnownStatements): FactMatrix {
  const outlets = covering.map((o) => o.outlet);
  const articles = covering.map((o) => [...new Set(o.paragraphs.map((d) => d.article.id))]);
  if (covering.length < 2) return { outlets, articles, rows: [], total: 0 };
  const figures = known?.figures ?? figureStatements(kb, covering);
  const counts = known?.counts ?? countStatements(kb, covering);
  const people = known?.people ?? personStatements(kb, covering);
  // Every paragraph is read for ordinal words only when there is a count to say absent.
  const nothing = counts.length > 0 ? countsNothing(covering) : new Set<string>();
  const rows = [
    ...figures.map((f) => figureRow(outlets, f)),
    ...counts.map((c) => countRow(outlets, c, nothing)),
    ...dateRows(kb, topic, covering),
    ...people.map((p) => personRow(outlets, p)),
    ...statementRows(kb, covering),
  ];
  const ordered = rows.map((row, i) => ({ row, i })).sort((a, b) => bandOf(a.row) - bandOf(b.row) || a.i - b.i);
  return { outlets, articles, rows: ordered.slice(0, MATRIX_ROWS_MAX).map((x) => x.row), total: rows.length };
}

/** Differences first, then rows where an outlet is silent, then agreements. */
function bandOf(row: MatrixRow): number {
  if (row.differs) return 0;
  return row.cells.some((c) => c.state === 'silent') ? 1 : 2;
}

function row(kind: MatrixRowKind, label: string, made: { cells: MatrixCell[]; reference?: string; differs: boolean }): MatrixRow {
  return { kind, label, ...(made.reference ? { reference: made.reference } : {}), differs: made.differs, cells: made.cells };
}

/** A figure's row: each outlet's set of values for the quantity, compared with the reference's. */
function figureRow(columns: readonly string[], f: FigureStatement): MatrixRow {
  const stated: Stated<string>[] = f.givenBy.map((outlet) => {
    const mine = f.values.filter((v) => v.outlet === outlet);
    const values = mine.map((v): MatrixValue => ({ text: v.text, excerpt: v.excerpt, value: v.value }));
    return { outlet, signature: [...new Set(mine.map((v) => v.value))].sort((a, b) => a - b).join(','), values };
  });
  const notGiven = new Set(f.notGivenBy);
  return row('figure', f.quantity, cellsOf(columns, stated, (a, b) => a === b, (o) => (notGiven.has(o) ? 'silent' : 'unknown')));
}

/** An ordinal count's row: each outlet's counts, the same when every one has its like (same ordinal, about the same period). */
function countRow(columns: readonly string[], c: CountStatement, nothing: ReadonlySet<string>): MatrixRow {
  const stated: Stated<readonly StatedCount[]>[] = c.givenBy.map((outlet) => {
    const mine = c.counts.filter((n) => n.outlet === outlet);
    return { outlet, signature: mine, values: mine.map((n): MatrixValue => ({ text: n.text, excerpt: n.excerpt, value: n.ordinal })) };
  });
  const notCounted = new Set(c.notGivenBy);
  return row('count', c.counted, cellsOf(columns, stated, sameCounts, (o) => (notCounted.has(o) && nothing.has(o) ? 'silent' : 'unknown')));
}

function sameCounts(a: readonly StatedCount[], b: readonly StatedCount[]): boolean {
  const like = (x: StatedCount, y: StatedCount) => x.ordinal === y.ordinal && samePeriod(x.periodDays, y.periodDays);
  return a.length === b.length && a.every((x) => b.some((y) => like(x, y))) && b.every((y) => a.some((x) => like(x, y)));
}

/**
 * A person's row: `same` where the outlet names them (its first paragraph doing so), `silent`
 * where no spelling of theirs is written in its articles on the topic, `unknown` where a surname
 * of theirs is written but no name the engine reads as them.
 */
function personRow(columns: readonly string[], p: PersonStatement): MatrixRow {
  const notNamed = new Set(p.notNamedBy);
  const cells = columns.map((outlet): MatrixCell => {
    const named = p.namedBy.find((n) => n.outlet === outlet);
    if (named) return { outlet, state: 'same', values: [{ text: p.name, excerpt: named.excerpt }] };
    return { outlet, state: notNamed.has(outlet) ? 'silent' : 'unknown', values: [] };
  });
  const reference = p.namedBy[0]?.outlet;
  return { kind: 'person', label: p.name, ...(reference ? { reference } : {}), differs: false, cells };
}
