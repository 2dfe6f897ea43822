// A header-row tab read in one call: its header, data rows and where each known column is.

import { type HeaderLayout, locateColumns } from '../core/headers';
import type { ColumnDef } from '../core/tabs';
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
