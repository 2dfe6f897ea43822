// Some columns of a tab below its header, never whole rows: adjacent columns are read as one span.

import type { Sheet } from './workbook';

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

/**
 * The cells of each column (0-based) below the header row (1-based), every column the same length:
 * the tab's last row is asked once, and each span is read in one call.
 */
export function readColumns(
  sheet: Sheet,
  headerRow: number,
  columns: readonly number[],
): Map<number, unknown[]> {
  const cells = new Map<number, unknown[]>();
  const rows = Math.max(0, sheet.getLastRow() - headerRow);
  for (const span of columnSpans(columns)) {
    const values =
      rows === 0
        ? []
        : sheet
            .getRange(headerRow + 1, span.first + 1, rows, span.last - span.first + 1)
            .getValues();
    for (let column = span.first; column <= span.last; column++) {
      cells.set(
        column,
        values.map((row) => row[column - span.first]),
      );
    }
  }
  return cells;
}
