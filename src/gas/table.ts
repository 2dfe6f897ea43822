// A header-row tab read in one read: its header, data rows and where each known column is.

import {
  type ColumnMapping,
  findHeaderRow,
  HEADER_SEARCH_ROWS,
  type HeaderLayout,
  locateColumns,
} from '../sheet/headers';
import type { TimeZone } from '../sheet/calendar';
import { isBlank } from '../sheet/cells';
import type { ColumnDef } from '../sheet/tabs';
import { dateColumnsOf, readColumnsAtOnce } from './cellsAtOnce';
import { readColumnsApart } from './columnsApart';
import { hasSheetsService } from './sheetsService';
import { readToEnd, rowsToEnd } from './rowsToEnd';
import { type Sheet, type Spreadsheet } from './workbook';

export interface Table<K extends string> {
  readonly sheet: Sheet;
  /** 1-based sheet row of the header (rows above it are the team's titles and notes). */
  readonly headerRow: number;
  readonly header: unknown[];
  /** Data rows below the header; index 0 is sheet row headerRow + 1. */
  rows: unknown[][];
  readonly layout: HeaderLayout<K>;
}

/**
 * Reads a tab in one read and finds its header row among the first ten (SPEC §13.1). The read runs
 * past the last row, so a row a person inserts meanwhile pushes no row out of it, and one a person
 * deletes does not leave it past the grid's end.
 */
export function readTable<K extends string>(
  sheet: Sheet,
  columns: readonly ColumnDef<K>[],
  mapping: ColumnMapping = {},
): Table<K> {
  const values = rowsToEnd(sheet, 1, 1, sheet.getLastColumn());
  const at = findHeaderRow(values.slice(0, HEADER_SEARCH_ROWS), columns, mapping);
  const header = values[at] ?? [];
  // A tab holding only a header reads as one row; a blank tab as one blank row.
  const rows = values
    .slice(at + 1)
    .filter((row, i, all) => i < all.length - 1 || row.some((c) => c !== ''));
  return {
    sheet,
    headerRow: at + 1,
    header,
    rows,
    layout: locateColumns(header, columns, mapping),
  };
}

/**
 * The header row of a tab (1-based) and its layout, from the first ten rows only. `knownWidth`:
 * the tab's last column, when the caller has just asked for it.
 */
export function readHeader<K extends string>(
  sheet: Sheet,
  columns: readonly ColumnDef<K>[],
  mapping: ColumnMapping = {},
  knownWidth?: number,
): { headerRow: number; header: unknown[]; layout: HeaderLayout<K> } {
  const width = knownWidth ?? sheet.getLastColumn();
  const top =
    width < 1
      ? []
      : sheet
          .getRange(1, 1, Math.max(1, Math.min(HEADER_SEARCH_ROWS, sheet.getLastRow())), width)
          .getValues();
  const at = findHeaderRow(top, columns, mapping);
  const header = top[at] ?? [];
  return { headerRow: at + 1, header, layout: locateColumns(header, columns, mapping) };
}

/**
 * A tab with only some of its columns read: the header (first ten rows), then the wanted columns,
 * each row as wide as the header with the other cells blank. One read is one moment: columns read
 * in separate calls could come from before and after a person's sort, pairing one row's Lead ID
 * with another row's result; so columns read apart are checked by the Lead IDs read again.
 */
export function readColumnsOf<K extends string>(
  sheet: Sheet,
  columns: readonly ColumnDef<K>[],
  keys: readonly K[],
  atOnce?: { readonly spreadsheet: Spreadsheet; readonly zone: TimeZone },
  mapping: ColumnMapping = {},
): Table<K> {
  const head = readHeader(sheet, columns, mapping);
  return { sheet, ...head, rows: readColumnsBelow(sheet, head, keys, atOnce) };
}

/**
 * The rows below a header already read, with only the `keys` columns filled: through the Sheets
 * service (`atOnce`), just those columns, still in one call; else the span from the first to the
 * last of them, or (`atOnce` without the service) each run of them apart where that costs less.
 * Without `knownCount` each read runs past the tab's last row (asking again when the grid changed
 * under it), so a person inserting or deleting rows meanwhile neither pushes a row out nor fails
 * the read; the rows then end at the last with content in the columns read.
 */
export function readColumnsBelow<K extends string>(
  sheet: Sheet,
  head: {
    readonly headerRow: number;
    readonly header: unknown[];
    readonly layout: HeaderLayout<K>;
  },
  keys: readonly K[],
  atOnce?: { readonly spreadsheet: Spreadsheet; readonly zone: TimeZone },
  /** The rows below the header, when the caller has just asked the tab's last row. */
  knownCount?: number,
): unknown[][] {
  const { headerRow, header, layout } = head;
  const wanted = keys
    .map((key) => layout.index[key])
    .filter((at): at is number => at !== undefined);
  if (knownCount === 0 || wanted.length === 0) {
    const count = knownCount ?? Math.max(0, sheet.getLastRow() - headerRow);
    return Array.from({ length: count }, () => Array<unknown>(header.length).fill(''));
  }
  const columns = columnsBelow(sheet, headerRow, wanted, layout, atOnce, knownCount);
  const count = knownCount ?? columns.reduce((most, cells) => Math.max(most, cells.length), 0);
  // Each row made once, whole, from the columns read: every cell is written a single time.
  const width = header.length;
  const byColumn: (unknown[] | undefined)[] = new Array(width).fill(undefined);
  wanted.forEach((at, k) => (byColumn[at] = columns[k]));
  const rows: unknown[][] = new Array(count);
  for (let r = 0; r < count; r++) {
    const row: unknown[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const cells = byColumn[c];
      row[c] = cells === undefined ? '' : (cells[r] ?? '');
    }
    rows[r] = row;
  }
  return rows;
}

/** The `wanted` columns below the header, each `count` long or, without it, to its last cell. */
function columnsBelow(
  sheet: Sheet,
  headerRow: number,
  wanted: readonly number[],
  layout: HeaderLayout<string>,
  atOnce: { readonly spreadsheet: Spreadsheet; readonly zone: TimeZone } | undefined,
  count: number | undefined,
): unknown[][] {
  if (atOnce && hasSheetsService()) {
    const dates = { columns: dateColumnsOf(layout.index), zone: atOnce.zone };
    const read = (rows: number) =>
      readColumnsAtOnce(atOnce.spreadsheet, sheet, headerRow, rows, wanted, dates);
    if (count !== undefined) return read(count);
    const cells = readToEnd(sheet, headerRow + 1, read, (columns) =>
      columns.some((column) => column.length > 0 && !isBlank(column[column.length - 1])),
    );
    // Down to the last row with content in the columns read, as a read to the end gives.
    let rows = cells.reduce((most, column) => Math.max(most, column.length), 0);
    while (rows > 0 && cells.every((column) => isBlank(column[rows - 1]))) rows--;
    for (const column of cells) column.length = Math.min(column.length, rows);
    return cells;
  }
  // Without the Sheets service, columns far apart each in a call of their own, checked by the
  // Lead IDs read again, when that costs less than the span between them.
  const key = (layout.index as Partial<Record<string, number>>).id;
  const apart =
    atOnce && key !== undefined
      ? readColumnsApart(sheet, headerRow + 1, count, [...new Set([key, ...wanted])], key)
      : undefined;
  if (apart) return wanted.map((at) => apart.byColumn.get(at) ?? []);
  const first = Math.min(...wanted);
  const span = Math.max(...wanted) - first + 1;
  const cells =
    count === undefined
      ? rowsToEnd(sheet, headerRow + 1, first + 1, span)
      : sheet.getRange(headerRow + 1, first + 1, count, span).getValues();
  return wanted.map((at) => cells.map((line) => line[at - first]));
}

/**
 * Every Lead ID of a tab of leads (Leads or Pool), from its header and its ID column only: what
 * numbering a new lead needs, without reading whole rows.
 */
export function readLeadIds(sheet: Sheet | undefined, columns: readonly ColumnDef[]): unknown[] {
  if (!sheet || sheet.getLastRow() < 2 || sheet.getLastColumn() < 1) return [];
  const { headerRow, layout } = readHeader(sheet, columns);
  const id = layout.index.id;
  return id === undefined ? [] : readColumn(sheet, headerRow, id);
}

/**
 * The cells of one column (0-based) below the header row (1-based) down to its last with content,
 * in one read past the tab's last row, as readTable reads (a row a person inserts or deletes
 * meanwhile neither hides a lead nor fails the read).
 */
export function readColumn(sheet: Sheet, headerRow: number, column: number): unknown[] {
  return rowsToEnd(sheet, headerRow + 1, column + 1, 1).map((row) => row[0]);
}

/** A row for `table` from values by column key; the team's own columns stay blank. */
export function rowFor<K extends string>(
  table: Pick<Table<K>, 'header' | 'layout'>,
  values: Partial<Record<K, unknown>>,
): unknown[] {
  const row = Array<unknown>(table.header.length).fill('');
  for (const [key, value] of Object.entries(values) as [K, unknown][]) {
    const at = table.layout.index[key];
    if (at !== undefined) row[at] = value ?? '';
  }
  return row;
}
