// Which columns of a tab share a read: adjacent columns are read as one span, and what a call costs.

/**
 * Columns this many apart (columns between them) still share a read. None: in a long tab a column
 * not needed costs more than the call that skips it.
 */
const SHARED_READ_GAP = 0;

/**
 * What a call costs in cells read: about 30 ms a call against 3.3 µs a cell (the cost model of
 * docs/platform-limits.md).
 */
export const CELLS_PER_CALL = 9_000;

/** Runs of the columns (0-based) to read, each from its first to its last column. */
export function columnSpans(columns: readonly number[]): { first: number; last: number }[] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const spans: { first: number; last: number }[] = [];
  for (const column of sorted) {
    const open = spans[spans.length - 1];
    if (open && column - open.last - 1 <= SHARED_READ_GAP) open.last = column;
    else spans.push({ first: column, last: column });
  }
  return spans;
}
