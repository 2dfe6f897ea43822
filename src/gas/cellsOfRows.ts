// A few cells of scattered rows in one call (the Sheets service's batchGet): reading every row
// between the first and the last would read most of a tab for a handful of cells.

import { columnLetter } from '../sheet/a1';
import { sheetsService } from './commit';
import type { Sheet, Spreadsheet } from './workbook';

/**
 * The cells of these columns (0-based) on these sheet rows (1-based), row by row, as stored: text
 * as text and numbers as numbers (dates would come as serial numbers, so ask for no date column).
 */
export function readCellsOfRows(
  spreadsheet: Spreadsheet,
  sheet: Sheet,
  sheetRows: readonly number[],
  columns: readonly number[],
): unknown[][] {
  if (sheetRows.length === 0 || columns.length === 0) return sheetRows.map(() => []);
  const tab = `'${sheet.getName().replace(/'/g, "''")}'`;
  const ranges = sheetRows.flatMap((row) =>
    columns.map((column) => `${tab}!${columnLetter(column + 1)}${row}`),
  );
  const read = sheetsService().Spreadsheets.Values.batchGet(spreadsheet.getId(), {
    ranges,
    valueRenderOption: 'UNFORMATTED_VALUE',
  });
  const values = read.valueRanges ?? [];
  // The service leaves out empty cells: a blank cell has no values at all.
  return sheetRows.map((_, i) =>
    columns.map((_, j) => values[i * columns.length + j]?.values?.[0]?.[0] ?? ''),
  );
}
