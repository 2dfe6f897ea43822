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
