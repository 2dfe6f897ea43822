// A few cells of scattered rows: reading every row between the first and the last would read most
// of a tab for a handful of cells.

import { type CellBlock, readBlocksAtOnce, rowBlocks } from './cellsAtOnce';
import { CELLS_PER_CALL, columnSpans } from './columnReads';
import { unlessGridShrank } from './rowsToEnd';
import { hasSheetsService } from './sheetsService';
import type { Sheet, Spreadsheet } from './workbook';

/**
 * The cells of these columns (0-based) on these sheet rows (1-based), row by row, as stored: text
 * as text and numbers as numbers (dates would come as serial numbers, so ask for no date column).
 * With the Sheets service they are read in one call. Without it, a call per run of rows when those
 * calls cost less than the span from the first row to the last: then the runs come from moments of
 * their own, and callers check each row for themselves (its Lead ID, the text it was found by).
 * Rows a person's deletion took away meanwhile (the grid no longer reaches them) read as blank.
 */
export function readCellsOfRows(
  spreadsheet: Spreadsheet,
  sheet: Sheet,
  sheetRows: readonly number[],
  columns: readonly number[],
): unknown[][] {
  if (sheetRows.length === 0 || columns.length === 0) return sheetRows.map(() => []);
  if (!hasSheetsService()) {
    const apart = runsApart(sheet, sheetRows, columns);
    if (apart) return apart;
  }
  const spans = columnSpans(columns);
  const blocks: CellBlock[] = sheetRows.flatMap((row) =>
    spans.map((span) => ({
      row: row - 1,
      column: span.first,
      rows: 1,
      columns: span.last - span.first + 1,
    })),
  );
  // A person's deletion took rows away under the read: they read as blank, as apart below.
  const lowest = sheetRows.reduce((most, row) => Math.max(most, row), 0);
  const values = unlessGridShrank(
    sheet,
    lowest,
    () => readBlocksAtOnce(spreadsheet, sheet, blocks),
    () => undefined,
  );
  if (!values) return sheetRows.map(() => columns.map(() => ''));
  return sheetRows.map((_, i) =>
    columns.map((column) => {
      const s = spans.findIndex((span) => column >= span.first && column <= span.last);
      return values[i * spans.length + s][0][column - spans[s].first];
    }),
  );
}

/**
 * The cells read a run of rows at a time, from the leftmost column asked to the rightmost (rows
 * past the grid's end as blank); undefined when one read of the span from the first row to the
 * last costs less (rows close together).
 */
function runsApart(
  sheet: Sheet,
  sheetRows: readonly number[],
  columns: readonly number[],
): unknown[][] | undefined {
  const left = columns.reduce((least, c) => Math.min(least, c), Infinity);
  const right = columns.reduce((most, c) => Math.max(most, c), -Infinity);
  const width = right - left + 1;
  const runs = rowBlocks(0, sheetRows, width).map((run) => ({ ...run, column: left }));
  const first = runs[0].row;
  const last = runs[runs.length - 1].row + runs[runs.length - 1].rows;
  if (runs.length * CELLS_PER_CALL >= (last - first) * width) return undefined;
  const byRow = new Map<number, unknown[]>();
  for (const run of runs) {
    // A person's deletion took the rows away: they read as blank, which callers take as moved.
    const lines = unlessGridShrank(
      sheet,
      run.row + run.rows - 1,
      () => sheet.getRange(run.row, run.column + 1, run.rows, width).getValues(),
      () => [],
    );
    lines.forEach((line, r) => byRow.set(run.row + r, line));
  }
  return sheetRows.map((row) => columns.map((column) => byRow.get(row)?.[column - left] ?? ''));
}
