// A planned cell change by row of the read, and applying changes in memory so later steps see them.

/** One changed cell: 0-based data row (below the header) and 0-based column. */
export interface CellChange {
  readonly row: number;
  readonly column: number;
  readonly value: unknown;
}

/** Applies changes to rows in memory, so a later step of the same run sees them. */
export function applyChanges(rows: unknown[][], changes: readonly CellChange[]): void {
  for (const change of changes) rows[change.row][change.column] = change.value;
}

/**
 * Applies changes, first copying each row that is still the very array of `asRead` (the cells as
 * read): those stay as they were read without a copy of every row being kept for them.
 */
export function applyChangesApart(
  rows: unknown[][],
  changes: readonly CellChange[],
  asRead: readonly (readonly unknown[])[],
): void {
  for (const change of changes) {
    let row = rows[change.row];
    if (row === asRead[change.row]) rows[change.row] = row = [...row];
    row[change.column] = change.value;
  }
}
