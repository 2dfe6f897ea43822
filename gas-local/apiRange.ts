// A1 ranges as the Sheets API reads and writes them: `'Tab name'!A2:C4`, `Tab!A:C`, `Tab!2:5`,
// `Tab` alone for the whole tab, or `A1:B2` for the first tab.

import { columnLetter, letterToColumn } from './a1';
import type { LocalSheet } from './sheet';

/** A parsed range, 0-based and end-exclusive; an open end (A2:C, A:C) reaches the grid's edge. */
export interface ApiRange {
  readonly sheet: LocalSheet;
  readonly startRow: number;
  readonly startColumn: number;
  readonly endRow: number;
  readonly endColumn: number;
  /** One cell only (`Tab!A1`): a write may extend from it as far as the grid allows. */
  readonly anchor: boolean;
  /** The range's bounds lie outside the grid (Google refuses such ranges). */
  readonly outsideGrid: boolean;
}

const CELLS = /^\$?([A-Z]*)\$?(\d*)(?::\$?([A-Z]*)\$?(\d*))?$/i;

/** Splits `'It''s'!A1` into the tab name and the cell part; no `!` means no tab name. */
function split(text: string): { name?: string; cells?: string } {
  const quoted = /^'((?:[^']|'')+)'(?:!(.*))?$/s.exec(text);
  if (quoted) return { name: quoted[1].replace(/''/g, "'"), cells: quoted[2] };
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { cells: text };
  return { name: text.slice(0, bang), cells: text.slice(bang + 1) };
}

/** Parses `text` against a workbook's tabs; undefined when Google would say "Unable to parse range". */
export function parseApiRange(text: string, sheets: readonly LocalSheet[]): ApiRange | undefined {
  const { name, cells } = split(String(text).trim());
  const named = name === undefined ? undefined : sheets.find((s) => s._data.name === name);
  if (name !== undefined && !named) return undefined;
  // A bare word that names a tab means the whole tab, before it is read as cells.
  const bareTab = name === undefined ? sheets.find((s) => s._data.name === cells) : undefined;
  const sheet = named ?? bareTab ?? sheets[0];
  if (!sheet) return undefined;
  const { maxRows, maxColumns } = sheet._data;
  if (bareTab || cells === undefined || cells === '') {
    return whole(sheet, 0, 0, maxRows, maxColumns, false);
  }
  const match = CELLS.exec(cells);
  if (!match) return undefined;
  const [, c1, r1, c2, r2] = match;
  const hasEnd = match[3] !== undefined;
  if (!c1 && !r1) return undefined;
  if (!hasEnd && (!c1 || !r1)) return undefined;
  if ((r1 && Number(r1) < 1) || (r2 && Number(r2) < 1)) return undefined;
  const rows = span(
    r1 ? Number(r1) - 1 : 0,
    !hasEnd ? undefined : r2 ? Number(r2) - 1 : null,
    maxRows,
  );
  const columns = span(
    c1 ? letterToColumn(c1) - 1 : 0,
    !hasEnd ? undefined : c2 ? letterToColumn(c2) - 1 : null,
    maxColumns,
  );
  const [rowA, rowB] = rows;
  const [colA, colB] = columns;
  return whole(sheet, rowA, colA, rowB, colB, !hasEnd);
}

/**
 * 0-based [start, end) of one dimension: `last` is the other corner's index, undefined for a single
 * cell, null for an open end that reaches the grid's edge. Corners may come in either order.
 */
function span(first: number, last: number | null | undefined, size: number): [number, number] {
  if (last === undefined) return [first, first + 1];
  if (last === null) return [first, Math.max(size, first + 1)];
  return [Math.min(first, last), Math.max(first, last) + 1];
}

function whole(
  sheet: LocalSheet,
  startRow: number,
  startColumn: number,
  endRow: number,
  endColumn: number,
  anchor: boolean,
): ApiRange {
  const outsideGrid = endRow > sheet._data.maxRows || endColumn > sheet._data.maxColumns;
  return { sheet, startRow, startColumn, endRow, endColumn, anchor, outsideGrid };
}

/** A tab name as Google writes it in ranges: quoted unless it is a plain identifier. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** `Tab!A2:C4` (or `Tab!A2` for one cell) for 0-based, end-exclusive bounds. */
export function formatApiRange(
  sheetName: string,
  startRow: number,
  startColumn: number,
  endRow: number,
  endColumn: number,
): string {
  const start = `${columnLetter(startColumn + 1)}${startRow + 1}`;
  const end = `${columnLetter(endColumn)}${endRow}`;
  return `${quoteSheetName(sheetName)}!${start === end ? start : `${start}:${end}`}`;
}
