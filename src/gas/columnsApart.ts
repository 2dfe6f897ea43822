// Columns far apart read with SpreadsheetApp alone (no Sheets service): each run of them in its own
// call, and the Lead ID column once more at the end, so that a person's sort, insertion or
// deletion between the calls is seen, and the caller reads the span between them at once instead.

import { isBlank } from '../sheet/cells';
import { CELLS_PER_CALL, columnSpans } from './columnReads';
import { READ_SLACK } from './rowsToEnd';
import type { Sheet } from './workbook';

/** Columns by 0-based column, each as long as the rows read. */
export interface ColumnsRead {
  readonly rowCount: number;
  readonly byColumn: ReadonlyMap<number, unknown[]>;
}

/**
 * Whether reading each run of `columns` apart (plus the key column again) costs less than one
 * read of the span from the first to the last of them, over `rows` rows.
 */
export function apartCostsLess(columns: readonly number[], rows: number): boolean {
  const spans = columnSpans(columns);
  if (spans.length < 2) return false;
  const read = spans.reduce((sum, span) => sum + span.last - span.first + 1, 0) + 1;
  const spanning = Math.max(...columns) - Math.min(...columns) + 1;
  return spans.length * CELLS_PER_CALL + rows * read < rows * spanning;
}

/**
 * The cells of `columns` (0-based, `keyColumn` among them) from sheet row `firstRow` (1-based),
 * `rowCount` rows or, when undefined, down to the tab's last row with content. Undefined when
 * reading them apart would cost more than the span, or when the key column changed between the
 * first read and the last (rows moved meanwhile: the runs no longer line up), when a row with
 * content has no key (its moves would go unseen), or when the grid changed under the read: then
 * one read of the span is the answer.
 */
export function readColumnsApart(
  sheet: Sheet,
  firstRow: number,
  rowCount: number | undefined,
  columns: readonly number[],
  keyColumn: number,
): ColumnsRead | undefined {
  const gridRows = rowCount === undefined ? sheet.getMaxRows() : undefined;
  const rows =
    rowCount ?? Math.min(sheet.getLastRow() + READ_SLACK, gridRows ?? Infinity) - firstRow + 1;
  if (rows <= 0 || !apartCostsLess(columns, rows)) return undefined;
  // The key column's run first and the key column again last: the other runs are read between.
  const spans = columnSpans(columns);
  const holdsKey = (span: { first: number; last: number }) =>
    keyColumn >= span.first && keyColumn <= span.last;
  const ordered = [...spans.filter(holdsKey), ...spans.filter((span) => !holdsKey(span))];
  const byColumn = new Map<number, unknown[]>();
  try {
    for (const span of ordered) {
      const width = span.last - span.first + 1;
      const values = sheet.getRange(firstRow, span.first + 1, rows, width).getValues();
      for (let column = span.first; column <= span.last; column++)
        byColumn.set(
          column,
          values.map((line) => line[column - span.first]),
        );
    }
    const keyAgain = sheet.getRange(firstRow, keyColumn + 1, rows, 1).getValues();
    const keys = byColumn.get(keyColumn) ?? [];
    if (keyAgain.some((line, r) => !sameKey(line[0], keys[r]))) return undefined;
    // A row without a key (a new lead, a blank row) could move unseen: only keys tell moves.
    for (let r = 0; r < rows; r++) if (isBlank(keys[r]) && !rowBlank(byColumn, r)) return undefined;
  } catch (error) {
    // A person's deletion took the grid's end away from under a read: the span read asks again.
    if (sheet.getMaxRows() < firstRow + rows - 1) return undefined;
    throw error;
  }
  if (rowCount !== undefined) return { rowCount, byColumn };
  // Read to the grid's end with a row there: rows inserted meanwhile may have pushed leads out.
  const filled = firstRow + rows - 1 >= (gridRows ?? 0) && !rowBlank(byColumn, rows - 1);
  if (filled && sheet.getMaxRows() > (gridRows ?? 0)) return undefined;
  let withContent = rows;
  while (withContent > 0 && rowBlank(byColumn, withContent - 1)) withContent--;
  for (const cells of byColumn.values()) cells.length = withContent;
  return { rowCount: withContent, byColumn };
}

function rowBlank(byColumn: ReadonlyMap<number, unknown[]>, row: number): boolean {
  for (const cells of byColumn.values()) if (!isBlank(cells[row])) return false;
  return true;
}

/** The same Lead ID cell in both reads (a date by its instant). */
function sameKey(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}
