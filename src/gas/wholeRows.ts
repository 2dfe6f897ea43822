// Some rows of a tab read whole after a narrow read of every row: in calls of at most 1,000 runs
// of rows, each row checked against the narrow read, so a person's sort in between is seen.

import { sameCell } from '../sheet/placement';
import { type DateColumns, readBlocksAtOnce, rowBlocks } from './cellsAtOnce';
import type { Sheet, Spreadsheet } from './workbook';

/** Runs of rows one read asks for: a range each, about 150 bytes of the request. */
const MAX_ROW_RUNS = 1_000;

/** Where the rows are and what the narrow read saw in them. */
export interface NarrowRows {
  readonly sheet: Sheet;
  /** The header's sheet row (1-based): data row 0 is the row below it. */
  readonly headerRow: number;
  readonly width: number;
  /** Every data row as the narrow read gave it; the wanted ones are replaced by whole rows. */
  readonly rows: unknown[][];
  /** Columns the narrow read holds, which a row read whole must still show. */
  readonly keyColumns: readonly number[];
}

/**
 * Reads the `wanted` data rows (0-based) whole into `narrow.rows`. False when a row read whole no
 * longer matches the narrow read in its key columns (a person sorted, inserted or deleted rows in
 * between): the rows are then partly replaced, and the caller reads the tab whole instead.
 */
export function fillWholeRows(
  spreadsheet: Spreadsheet,
  narrow: NarrowRows,
  wanted: readonly number[],
  dates?: DateColumns,
): boolean {
  const { sheet, headerRow, width, rows, keyColumns } = narrow;
  const runs = rowBlocks(headerRow, wanted, width);
  // Each row is checked against the narrow read, so the runs may come in several calls.
  for (let first = 0; first < runs.length; first += MAX_ROW_RUNS) {
    const some = runs.slice(first, first + MAX_ROW_RUNS);
    const values = readBlocksAtOnce(spreadsheet, sheet, some, dates);
    for (let b = 0; b < some.length; b++) {
      for (let r = 0; r < some[b].rows; r++) {
        const row = some[b].row - headerRow + r;
        const line = values[b][r];
        if (!line || keyColumns.some((c) => !sameCell(line[c], rows[row][c]))) return false;
        rows[row] = line.slice(0, width);
      }
    }
  }
  return true;
}
