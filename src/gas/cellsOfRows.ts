// A few cells of scattered rows in one call: reading every row between the first and the last
// would read most of a tab for a handful of cells.

import { type CellBlock, readBlocksAtOnce } from './cellsAtOnce';
import { columnSpans } from './columnReads';
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
  const spans = columnSpans(columns);
  const blocks: CellBlock[] = sheetRows.flatMap((row) =>
    spans.map((span) => ({
      row: row - 1,
      column: span.first,
      rows: 1,
      columns: span.last - span.first + 1,
    })),
  );
  const values = readBlocksAtOnce(spreadsheet, sheet, blocks);
  return sheetRows.map((_, i) =>
    columns.map((column) => {
      const s = spans.findIndex((span) => column >= span.first && column <= span.last);
      return values[i * spans.length + s][0][column - spans[s].first];
    }),
  );
}
