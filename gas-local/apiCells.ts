// Cells as the Sheets API moves them: values arrive as JSON and are stored RAW or USER_ENTERED;
// values leave rendered FORMATTED_VALUE, UNFORMATTED_VALUE or FORMULA.

import { CellDate, type StoredCell, type StoredValue, storeWritten } from './cellValues';
import type { LocalSheet } from './sheet';
import { cellKey, type SheetData } from './sheetData';
import { formatDate, offsetMinutesAt } from './zone';

export type InputOption = 'RAW' | 'USER_ENTERED';

/** A request body as Google receives it: JSON, so a Date becomes its ISO string, undefined null. */
export function asJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** The values of a ValueRange as rows, turning a COLUMNS-major array around. */
export function rowsOf(values: unknown, majorDimension: unknown): unknown[][] {
  const grid = Array.isArray(values) ? values.map((row) => (Array.isArray(row) ? row : [row])) : [];
  if (majorDimension !== 'COLUMNS') return grid;
  const rows: unknown[][] = [];
  grid.forEach((column, c) =>
    column.forEach((value, r) => {
      (rows[r] ??= [])[c] = value;
    }),
  );
  return Array.from(rows, (row) => row ?? []);
}

/** Why Google rejects a value in a ValueRange (only scalars are cells), if it does. */
export function invalidValue(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  return Array.isArray(value) ? 'list_value' : 'struct_value';
}

/**
 * What a cell holds after the API writes `value` into it, or undefined when the API skips it:
 * "Null values will be skipped. To set a cell to an empty value, set the string value to ''."
 */
export function storedByApi(
  sheet: LocalSheet,
  row: number,
  column: number,
  value: unknown,
  option: InputOption,
): StoredCell | undefined {
  if (value === null || value === undefined) return undefined;
  if (option === 'RAW') return { value: value as StoredValue };
  const text = sheet._data.style('numberFormat', row, column) === '@';
  return storeWritten(value, text, (...wall) => sheet._offsetForWallTime(...wall));
}

export interface RenderOptions {
  readonly valueRenderOption: string;
  readonly dateTimeRenderOption: string;
}

/** Days since 1899-12-30 in the spreadsheet's zone, as Sheets stores dates. */
function serialNumber(ms: number, timeZone: string): number {
  return (ms + offsetMinutesAt(timeZone, ms) * 60_000) / 86_400_000 + 25_569;
}

/**
 * One row of a block as batchGet returns it: cells [c0, c1) of row `row`, without the trailing
 * blank ones ("empty trailing rows and columns will not be included"), at its exact length, as
 * a script gets arrays from Google's JSON.
 */
export function renderRow(
  data: SheetData,
  row: number,
  c0: number,
  c1: number,
  options: RenderOptions,
  zone: string,
): unknown[] {
  let end = c1;
  if (options.valueRenderOption === 'FORMULA') {
    while (end > c0 && renderCell(data, row, end - 1, options, zone) === '') end--;
    return Array.from({ length: end - c0 }, (_, c) => renderCell(data, row, c0 + c, options, zone));
  }
  // Values alone: the row's stored cells are read directly, the commonest read by far.
  const stored = data.values[row];
  if (!stored) return [];
  end = Math.min(end, stored.length);
  // A blank cell is stored as undefined, never '' (SheetData.put): trailing ones end the row.
  while (end > c0 && stored[end - 1] === undefined) end--;
  if (end <= c0) return [];
  // Sized at once: an array grown by push keeps spare capacity, which Google's JSON never has.
  const line: unknown[] = new Array(end - c0);
  for (let c = c0; c < end; c++) {
    const value = stored[c];
    line[c - c0] = value === undefined ? '' : rendered(value, options, zone);
  }
  return line;
}

/**
 * One column of a block as a COLUMNS-major batchGet returns it: rows [r0, r1) of `column`,
 * without the trailing blank ones, at its exact length.
 */
export function renderColumn(
  data: SheetData,
  column: number,
  r0: number,
  r1: number,
  options: RenderOptions,
  zone: string,
): unknown[] {
  const at = (row: number) =>
    options.valueRenderOption === 'FORMULA'
      ? renderCell(data, row, column, options, zone)
      : data.values[row]?.[column];
  let end = Math.min(r1, options.valueRenderOption === 'FORMULA' ? r1 : data.values.length);
  while (end > r0 && (at(end - 1) === undefined || at(end - 1) === '')) end--;
  if (end <= r0) return [];
  const line: unknown[] = new Array(end - r0);
  if (options.valueRenderOption === 'FORMULA') {
    for (let r = r0; r < end; r++) line[r - r0] = at(r);
    return line;
  }
  for (let r = r0; r < end; r++) {
    const value = data.values[r]?.[column];
    line[r - r0] = value === undefined ? '' : rendered(value, options, zone);
  }
  return line;
}

/** A stored value as a values-only read renders it. */
function rendered(value: StoredValue, options: RenderOptions, zone: string): unknown {
  if (options.valueRenderOption === 'FORMATTED_VALUE') {
    if (value instanceof CellDate) return formatDate(value.ms, zone, 'yyyy-MM-dd HH:mm:ss');
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    return String(value);
  }
  if (value instanceof CellDate) {
    return options.dateTimeRenderOption === 'FORMATTED_STRING'
      ? formatDate(value.ms, zone, 'yyyy-MM-dd HH:mm:ss')
      : serialNumber(value.ms, zone);
  }
  return value;
}

/** One cell as batchGet returns it; '' for an empty cell. `zone` is the spreadsheet's time zone. */
export function renderCell(
  data: SheetData,
  row: number,
  column: number,
  options: RenderOptions,
  zone: string,
): unknown {
  if (options.valueRenderOption === 'FORMULA') {
    const formula = data.formulas.get(cellKey(row, column));
    if (formula !== undefined) return formula;
  }
  const value = data.get(row, column);
  return value === undefined ? '' : rendered(value, options, zone);
}
