// A header-row tab read in one call: its header, data rows and where each known column is.

import { type HeaderLayout, locateColumns } from '../sheet/headers';
import type { ColumnDef } from '../sheet/tabs';
import { readAll, type Sheet } from './workbook';

export interface Table<K extends string> {
  readonly sheet: Sheet;
  readonly header: unknown[];
  /** Data rows below the header; index 0 is sheet row 2. */
  rows: unknown[][];
  readonly layout: HeaderLayout<K>;
}

export function readTable<K extends string>(
  sheet: Sheet,
  columns: readonly ColumnDef<K>[],
): Table<K> {
  const values = readAll(sheet);
  const header = values[0] ?? [];
  // A tab holding only a header reads as one row; a blank tab as one blank row.
  const rows = values
    .slice(1)
    .filter((row, i, all) => i < all.length - 1 || row.some((c) => c !== ''));
  return { sheet, header, rows, layout: locateColumns(header, columns) };
}

/**
 * Every Lead ID of a tab of leads (Leads or Pool), from its header and its ID column only: what
 * numbering a new lead needs, without reading whole rows.
 */
export function readLeadIds(sheet: Sheet | undefined, columns: readonly ColumnDef[]): unknown[] {
  if (!sheet || sheet.getLastRow() < 2 || sheet.getLastColumn() < 1) return [];
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  const id = locateColumns(header, columns).index.id;
  return id === undefined ? [] : readIdColumn(sheet, id);
}

/** The cells of one column (0-based) below the header, in one read. */
export function readIdColumn(sheet: Sheet, column: number): unknown[] {
  if (sheet.getLastRow() < 2) return [];
  return sheet
    .getRange(2, column + 1, sheet.getLastRow() - 1, 1)
    .getValues()
    .map((row) => row[0]);
}

/** A row for `table` from values by column key; the team's own columns stay blank. */
export function rowFor<K extends string>(
  table: Table<K>,
  values: Partial<Record<K, unknown>>,
): unknown[] {
  const row = Array<unknown>(table.header.length).fill('');
  for (const [key, value] of Object.entries(values) as [K, unknown][]) {
    const at = table.layout.index[key];
    if (at !== undefined) row[at] = value ?? '';
  }
  return row;
}
