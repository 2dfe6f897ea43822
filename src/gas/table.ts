// A header-row tab read in one call: its header, data rows and where each known column is.

import { type HeaderLayout, locateColumns } from '../sheet/headers';
import type { ColumnDef } from '../sheet/tabs';
import { asCellValue } from './cellWriter';
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

/** Appends rows below the last one, growing the tab first: one setValues. Text stays text. */
export function appendRows(table: Table<string>, rows: unknown[][]): void {
  if (rows.length === 0) return;
  const sheet = table.sheet;
  const first = table.rows.length + 2;
  const needed = first + rows.length - 1 - sheet.getMaxRows();
  if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
  sheet
    .getRange(first, 1, rows.length, rows[0].length)
    .setValues(rows.map((row) => row.map(asCellValue)));
  table.rows.push(...rows);
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
