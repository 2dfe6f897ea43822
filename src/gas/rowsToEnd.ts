// Reads and writes with SpreadsheetApp alone that race people's row insertions and deletions: how
// far a tab reaches is asked in one call and used in another, so a read reaches past it, and a
// call that a person's deletion left past the grid's end is taken another way.

import { isBlank } from '../sheet/cells';
import type { Sheet } from './workbook';

/**
 * Rows read past the last one: a person who inserts rows between the ask for the tab's length and
 * the read must not push a row out of it (a lead missed would look deleted, or gone).
 */
export const READ_SLACK = 100;

/**
 * `act()`, which reads or writes down to sheet row `lastRow`; when it fails because a person
 * deleted rows since and the grid no longer reaches that row, `instead()`. Any other failure, or
 * a second one when there is no `instead`, is thrown.
 */
export function unlessGridShrank<T>(
  sheet: Sheet,
  lastRow: number,
  act: () => T,
  instead?: () => T,
): T {
  try {
    return act();
  } catch (error) {
    if (!instead || sheet.getMaxRows() >= lastRow) throw error;
    return instead();
  }
}

/**
 * The cells from sheet row `firstRow` (1-based) down to the tab's last row with content, in
 * `columns` columns from `firstColumn`, and at least `atLeast` rows; trailing blank rows left
 * out beyond those. A person who deleted rows between the ask and the read makes it ask again,
 * and so does one who inserted rows into a grid the read filled to its last row.
 */
export function rowsToEnd(
  sheet: Sheet,
  firstRow: number,
  firstColumn: number,
  columns: number,
  atLeast = 0,
): unknown[][] {
  if (columns < 1) return [];
  const rows = readToEnd(
    sheet,
    firstRow,
    (count) => (count < 1 ? [] : sheet.getRange(firstRow, firstColumn, count, columns).getValues()),
    (read) => read.length > 0 && !read[read.length - 1].every(isBlank),
    atLeast,
  );
  while (rows.length > atLeast && rows[rows.length - 1].every(isBlank)) rows.pop();
  return rows;
}

/**
 * `read(count)` of the `count` rows from sheet row `firstRow` (1-based) down past the tab's last
 * row by READ_SLACK, within the grid, and at least `atLeast` rows: a person who inserts rows
 * between the ask for the tab's length and the read pushes no row out of it. It asks again once
 * when a person's deletion took the grid's end away from under the read, or when the read reached
 * the grid's end and the grid grew meanwhile: asked when the read's last row has content
 * (`filledLastRow`) or the grid cut the slack short.
 */
export function readToEnd<T>(
  sheet: Sheet,
  firstRow: number,
  read: (count: number) => T,
  filledLastRow: (value: T) => boolean,
  atLeast = 0,
  askedAgain = false,
): T {
  const wanted = Math.max(sheet.getLastRow() + READ_SLACK, firstRow - 1 + atLeast);
  const gridRows = sheet.getMaxRows();
  const last = Math.min(wanted, Math.max(gridRows, firstRow - 1 + atLeast));
  const again = askedAgain
    ? undefined
    : () => readToEnd(sheet, firstRow, read, filledLastRow, atLeast, true);
  const value = unlessGridShrank(sheet, last, () => read(last - firstRow + 1), again);
  // Read to the grid's very end: rows inserted meanwhile would have pushed the last ones out.
  // They can have held content when the read's last row did, or when the grid cut the slack short
  // (the tab's last row may have content only in columns this read does not take).
  const atRisk = last >= gridRows && (wanted > gridRows || filledLastRow(value));
  if (again && atRisk && sheet.getMaxRows() > gridRows) return again();
  return value;
}
