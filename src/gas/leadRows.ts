// One lead's rows without reading a whole tab: the header from the first ten rows, the Lead ID
// column to find the lead, then only its row (Leads) or its rows (Follow-ups, Conversions).

import { textOf } from '../sheet/cells';
import type { ColumnMapping, HeaderLayout } from '../sheet/headers';
import type { ColumnDef } from '../sheet/tabs';
import { readColumn, readHeader, readTable } from './table';
import type { Sheet } from './workbook';

/** A header-row tab known by its header alone. */
export interface TabHeader<K extends string> {
  readonly sheet: Sheet;
  /** 1-based sheet row of the header. */
  readonly headerRow: number;
  readonly header: unknown[];
  readonly layout: HeaderLayout<K>;
}

/** Some data rows of a tab, in sheet order, with the 0-based data row each came from. */
export interface SomeRows<K extends string> extends TabHeader<K> {
  readonly rows: unknown[][];
  readonly at: number[];
}

export function readTabHeader<K extends string>(
  sheet: Sheet,
  columns: readonly ColumnDef<K>[],
  mapping: ColumnMapping = {},
): TabHeader<K> {
  return { sheet, ...readHeader(sheet, columns, mapping) };
}

/** One data row (0-based) across the header's width, in one read. */
export function readDataRow(tab: TabHeader<string>, row: number): unknown[] {
  const width = tab.header.length;
  if (width < 1 || row < 0) return [];
  return tab.sheet.getRange(tab.headerRow + 1 + row, 1, 1, width).getValues()[0];
}

const holds = (row: readonly unknown[], column: number, id: string) => textOf(row[column]) === id;

/**
 * The row of the lead with this ID: found in one read of the ID column, then read alone. A person
 * may sort or insert rows between the two reads; when the row read is no longer the lead's, the
 * tab is read whole once instead, so the answer is always the lead's own row (or none).
 */
export function readLeadRow<K extends string>(
  tab: TabHeader<K>,
  idColumn: number,
  leadId: string,
  columns: readonly ColumnDef<K>[],
  mapping: ColumnMapping = {},
): { row: number; cells: unknown[] } | undefined {
  if (!leadId) return undefined;
  const row = readColumn(tab.sheet, tab.headerRow, idColumn).findIndex(
    (cell) => textOf(cell) === leadId,
  );
  if (row < 0) return undefined;
  const cells = readDataRow(tab, row);
  if (holds(cells, idColumn, leadId)) return { row, cells };
  const whole = readTable(tab.sheet, columns, mapping);
  const moved = whole.rows.findIndex((cells) => holds(cells, idColumn, leadId));
  return moved < 0 ? undefined : { row: moved, cells: whole.rows[moved] };
}

/**
 * The rows of one lead in a history tab (Follow-ups, Conversions), in sheet order: its Lead ID
 * column, then one read of the rows from the lead's first to its last. Rows that no longer hold
 * the lead when read (a person sorted in between) send the read to the whole tab once.
 */
export function readRowsOfLead<K extends string>(
  sheet: Sheet,
  columns: readonly ColumnDef<K>[],
  idKey: K,
  leadId: string,
): SomeRows<K> {
  const tab = readTabHeader(sheet, columns);
  const idColumn = tab.layout.index[idKey];
  const none = { ...tab, rows: [], at: [] };
  if (idColumn === undefined || !leadId || tab.header.length < 1) return none;
  const at = readColumn(sheet, tab.headerRow, idColumn).flatMap((cell, row) =>
    textOf(cell) === leadId ? [row] : [],
  );
  if (at.length === 0) return none;
  const first = at[0];
  const block = sheet
    .getRange(tab.headerRow + 1 + first, 1, at[at.length - 1] - first + 1, tab.header.length)
    .getValues();
  const rows = at.map((row) => block[row - first]);
  if (rows.every((cells) => holds(cells, idColumn, leadId))) return { ...tab, rows, at };
  const whole = readTable(sheet, columns);
  const again = whole.rows.flatMap((cells, row) => (holds(cells, idColumn, leadId) ? [row] : []));
  return { ...whole, rows: again.map((row) => whole.rows[row]), at: again };
}
