/**
 * What "the same" means in a row of the fact matrix: the same as the row's reference, the
 * statement the most outlets make (ties: the first of them in column order). Every row kind
 * (figures, counts, dates) decides its cells this way, with its own test of equality.
 */
import type { MatrixCell, MatrixCellState, MatrixValue } from './types.js';

/** One giving outlet's statement in a row, before its state is known. */
export interface Stated<T> {
  readonly outlet: string;
  /** What is compared (a set of values, a date). */
  readonly signature: T;
  /** Shown in the cell, those that differ from the reference first. */
  readonly values: readonly MatrixValue[];
}

/**
 * The index of the reference among the stated: the statement the most others equal (itself
 * included); the first such in the given order on ties. -1 when nothing is stated.
 */
export function referenceIndex<T>(stated: readonly Stated<T>[], equal: (a: T, b: T) => boolean): number {
  let best = -1;
  let bestCount = 0;
  stated.forEach((s, i) => {
    const count = stated.filter((o) => equal(s.signature, o.signature)).length;
    if (count > bestCount) {
      best = i;
      bestCount = count;
    }
  });
  return best;
}

/**
 * The cells of a row, one per column: each giving outlet `same` or `different` from the
 * reference, the others with the state `absent` gives them (`silent` only when that holds
 * over their whole articles). Also the reference outlet and whether any cell differs.
 */
export function cellsOf<T>(
  columns: readonly string[],
  stated: readonly Stated<T>[],
  equal: (a: T, b: T) => boolean,
  absent: (outlet: string) => MatrixCellState,
): { cells: MatrixCell[]; reference?: string; differs: boolean } {
  // Ties go to the first column, whatever order the statements were found in.
  const inColumns = [...stated].sort((a, b) => columns.indexOf(a.outlet) - columns.indexOf(b.outlet));
  const reference = inColumns[referenceIndex(inColumns, equal)];
  const cells = columns.map((outlet): MatrixCell => {
    const own = stated.find((s) => s.outlet === outlet);
    if (!own || !reference) return { outlet, state: absent(outlet), values: [] };
    return { outlet, state: equal(own.signature, reference.signature) ? 'same' : 'different', values: own.values };
  });
  return { cells, ...(reference ? { reference: reference.outlet } : {}), differs: cells.some((c) => c.state === 'different') };
}
