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
  askedAgain = false,
): unknown[][] {
  if (columns < 1) return [];
  const wanted = Math.max(sheet.getLastRow() + READ_SLACK, firstRow - 1 + atLeast);
  const gridRows = sheet.getMaxRows();
  const last = Math.min(wanted, Math.max(gridRows, firstRow - 1 + atLeast));
  if (last < firstRow) return [];
  const again = askedAgain
    ? undefined
    : () => rowsToEnd(sheet, firstRow, firstColumn, columns, atLeast, true);
  const rows = unlessGridShrank(
    sheet,
    last,
    () => sheet.getRange(firstRow, firstColumn, last - firstRow + 1, columns).getValues(),
    again,
  );
  // Read to the grid's very end: rows inserted meanwhile would have pushed the last ones out.
  const filled = last >= gridRows && !rows[rows.length - 1].every(isBlank);
  if (again && filled && sheet.getMaxRows() > gridRows) return again();
  while (rows.length > atLeast && rows[rows.length - 1].every(isBlank)) rows.pop();
  return rows;
}
