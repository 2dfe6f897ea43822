// Rows down to a tab's end with SpreadsheetApp alone, for a script without the Sheets service:
// the end is asked for in one call and read in another, so the read reaches past it.

import { isBlank } from '../sheet/cells';
import type { Sheet } from './workbook';

/**
 * Rows read past the last one: a person who inserts rows between the ask for the tab's length and
 * the read must not push a row out of it (a lead missed would look deleted, or gone).
 */
const READ_SLACK = 100;

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
  for (let attempt = 0; ; attempt++) {
    const wanted = Math.max(sheet.getLastRow() + READ_SLACK, firstRow - 1 + atLeast);
    const gridRows = sheet.getMaxRows();
    const last = Math.min(wanted, Math.max(gridRows, firstRow - 1 + atLeast));
    if (last < firstRow) return [];
    let rows: unknown[][];
    try {
      rows = sheet.getRange(firstRow, firstColumn, last - firstRow + 1, columns).getValues();
    } catch (error) {
      // Rows deleted since the tab's length was asked: ask again, once.
      if (attempt > 0 || sheet.getMaxRows() >= last) throw error;
      continue;
    }
    // Read to the grid's very end: rows inserted meanwhile would have pushed the last ones out.
    if (attempt === 0 && last >= gridRows && !rows[rows.length - 1]?.every(isBlank)) {
      if (sheet.getMaxRows() > gridRows) continue;
    }
    while (rows.length > atLeast && rows[rows.length - 1].every(isBlank)) rows.pop();
    return rows;
  }
}
