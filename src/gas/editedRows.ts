// The reads of Leads around an edit, for onEdit: the header, every Lead ID when numbering needs
// them, and the rows around the edited ones in one read that the commit can place by.

import {
  type ColumnMapping,
  findHeaderRow,
  type HeaderLayout,
  HEADER_SEARCH_ROWS,
  locateColumns,
} from '../sheet/headers';
import type { Grid } from '../sheet/placement';
import { LEAD_COLUMNS, type LeadColumnKey } from '../sheet/tabs';
import { readColumn, readHeader } from './table';
import { unlessGridShrank } from './rowsToEnd';
import type { Sheet } from './workbook';

/**
 * Cells above an edit worth reading to save the separate header read: about 3,700 rows of the
 * default 27 columns, well inside the simple trigger's 30 s, and one round trip fewer.
 */
const HEADER_READ_CELL_BUDGET = 100_000;

/**
 * Rows above and below the edited ones read with them, and which the commit checks after writing:
 * a person who inserts or deletes up to this many rows above them meanwhile does not make it read
 * the whole tab.
 */
const WINDOW_MARGIN = 100;

/** The header row (1-based) and layout found in rows read from the top of the tab. */
function headerIn(top: readonly (readonly unknown[])[], names: ColumnMapping) {
  const at = findHeaderRow(top.slice(0, HEADER_SEARCH_ROWS), LEAD_COLUMNS, names);
  const header = [...(top[at] ?? [])];
  return { headerRow: at + 1, header, layout: locateColumns(header, LEAD_COLUMNS, names) };
}

/**
 * The header, read from the first ten rows without asking the tab's length when the edit reached
 * below them: the tab has them. (A person who deleted all but a few rows since took the edited rows
 * too: the read fails, and the toast says why.)
 */
function headerAbove(sheet: Sheet, names: ColumnMapping, width: number, lastEdited: number) {
  if (lastEdited < HEADER_SEARCH_ROWS) return readHeader(sheet, LEAD_COLUMNS, names, width);
  return headerIn(sheet.getRange(1, 1, HEADER_SEARCH_ROWS, width).getValues(), names);
}

/**
 * The ID column down to the grid's last row as asked before (blank rows past the last lead read as
 * blank): one read, then the grid's size asked again. A person who deleted rows since the grid was
 * asked, or inserted some (which can push the last IDs past the rows read, whatever those hold),
 * makes it read the column to its last row instead.
 */
export function idsDownTo(
  sheet: Sheet,
  headerRow: number,
  column: number,
  gridRows: number,
): unknown[] {
  if (gridRows <= headerRow) return [];
  const ids = unlessGridShrank(
    sheet,
    gridRows,
    () =>
      sheet
        .getRange(headerRow + 1, column + 1, gridRows - headerRow, 1)
        .getValues()
        .map((row) => row[0]),
    () => undefined,
  );
  return ids && sheet.getMaxRows() === gridRows ? ids : readColumn(sheet, headerRow, column);
}

/**
 * `rows` sheet rows from `firstRow` (1-based) in one read; when a person's deletion since the grid
 * was asked took some of them away, the rows the grid still has (asked again).
 */
function rowsWithin(sheet: Sheet, firstRow: number, rows: number, width: number): unknown[][] {
  const read = (count: number) =>
    count < 1 ? [] : sheet.getRange(firstRow, 1, count, width).getValues();
  return unlessGridShrank(
    sheet,
    firstRow + rows - 1,
    () => read(rows),
    () => read(Math.min(rows, sheet.getMaxRows() - firstRow + 1)),
  );
}

/** What onEdit read of Leads: the header, and the rows around the edit in one read. */
export interface EditedRows {
  readonly headerRow: number;
  readonly header: unknown[];
  readonly layout: HeaderLayout<LeadColumnKey>;
  /** The first data row (0-based) read: the edit less the margin above it. */
  readonly first: number;
  /** The data rows from `first`, as wide as the grid. */
  readonly rows: unknown[][];
  /** Every data row down to the last of `rows`, when the read began at the top of the tab. */
  readonly fromTop?: unknown[][];
}

/** Where the edit is and how big the grid was when asked. */
export interface EditPlace {
  readonly width: number;
  readonly gridRows: number;
  readonly firstEdited: number;
  readonly lastEdited: number;
}

/**
 * The header and the rows around the edit (the margin above and below it), the rows in one read,
 * the later of the two. The header is among the first ten rows: one read from the top down when
 * that is cheap. Undefined when the edit touched only rows above the data (titles, the header).
 */
export function readAroundEdit(
  sheet: Sheet,
  names: ColumnMapping,
  place: EditPlace,
): EditedRows | undefined {
  const { width, gridRows, firstEdited, lastEdited } = place;
  const bottom = Math.min(gridRows, lastEdited + WINDOW_MARGIN);
  if ((firstEdited - 1) * width <= HEADER_READ_CELL_BUDGET) {
    const top = rowsWithin(sheet, 1, bottom, width);
    const found = headerIn(top, names);
    const start = Math.max(found.headerRow + 1, firstEdited);
    if (lastEdited < start) return undefined;
    const first = Math.max(0, start - found.headerRow - 1 - WINDOW_MARGIN);
    const fromTop = top.slice(found.headerRow);
    return { ...found, first, rows: fromTop.slice(first), fromTop };
  }
  const found = headerAbove(sheet, names, width, lastEdited);
  const start = Math.max(found.headerRow + 1, firstEdited);
  if (lastEdited < start) return undefined;
  const first = Math.max(0, start - found.headerRow - 1 - WINDOW_MARGIN);
  const firstRow = found.headerRow + 1 + first;
  return { ...found, first, rows: rowsWithin(sheet, firstRow, bottom - firstRow + 1, width) };
}

/** Rows read from data row `first` as the grid a commit places its edits by. */
export function gridOf(rows: readonly (readonly unknown[])[], first: number): Grid {
  return {
    firstRow: first,
    rowCount: first + rows.length,
    cell: (row, column) => rows[row - first]?.[column] ?? '',
  };
}
