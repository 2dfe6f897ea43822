// Turns scattered cell changes into the fewest rectangular writes (one setValues each).

/** One changed cell: 0-based data row (below the header) and 0-based column. */
export interface CellChange {
  readonly row: number;
  readonly column: number;
  readonly value: unknown;
}

/** A rectangle to write with one setValues: 0-based first data row and column. */
export interface BlockWrite {
  readonly row: number;
  readonly column: number;
  readonly values: unknown[][];
}

/**
 * Groups changes by runs of adjacent changed columns, and writes each run as one block from the
 * first to the last changed row; unchanged cells inside a block are written back as they were
 * read, so a block never alters what it did not mean to.
 */
export function planBlockWrites(
  changes: readonly CellChange[],
  current: readonly (readonly unknown[])[],
): BlockWrite[] {
  if (changes.length === 0) return [];
  const columns = [...new Set(changes.map((c) => c.column))].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const column of columns) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === column - 1) run.push(column);
    else runs.push([column]);
  }
  const byCell = new Map(changes.map((c) => [`${c.row}:${c.column}`, c.value]));
  return runs.map((run) => {
    const inRun = changes.filter((c) => c.column >= run[0] && c.column <= run[run.length - 1]);
    // A loop, not Math.min(...rows): a spread of 100k arguments overflows the stack.
    let first = Infinity;
    let last = -Infinity;
    for (const change of inRun) {
      first = Math.min(first, change.row);
      last = Math.max(last, change.row);
    }
    const values: unknown[][] = [];
    for (let row = first; row <= last; row++) {
      values.push(
        run.map((column) => {
          const key = `${row}:${column}`;
          return byCell.has(key) ? byCell.get(key) : (current[row]?.[column] ?? '');
        }),
      );
    }
    return { row: first, column: run[0], values };
  });
}

/** Applies changes to rows in memory, so a later step of the same run sees them. */
export function applyChanges(rows: unknown[][], changes: readonly CellChange[]): void {
  for (const change of changes) rows[change.row][change.column] = change.value;
}
