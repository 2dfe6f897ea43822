// The in-memory grid behind one sheet: values, formulas, formats, validation and styles by cell,
// stored row by row so inserting or deleting rows moves everything of those rows at once.

import { type StoredCell, type StoredValue } from './cellValues';

/** Sheets' own limit, so a cell key fits in one number. */
export const MAX_COLUMNS = 18_278;

export const cellKey = (row: number, column: number) => row * (MAX_COLUMNS + 1) + column;

const rowOfKey = (key: number) => Math.floor(key / (MAX_COLUMNS + 1));
const columnOfKey = (key: number) => key % (MAX_COLUMNS + 1);

/** A style property set per cell (background, font weight…), sparse. */
export type StyleName =
  | 'background'
  | 'fontWeight'
  | 'fontColor'
  | 'numberFormat'
  | 'wrap'
  | 'horizontalAlignment'
  | 'note';

/**
 * A sparse per-cell map keyed by cellKey, kept as rows of cells: splicing rows is one array
 * operation instead of re-keying every entry, which keeps 50k-row sheets fast.
 */
export class CellMap<T> {
  private readonly rows: (T | undefined)[][] = [];

  get(key: number): T | undefined {
    return this.rows[rowOfKey(key)]?.[columnOfKey(key)];
  }
  has(key: number): boolean {
    return this.get(key) !== undefined;
  }
  set(key: number, value: T): this {
    (this.rows[rowOfKey(key)] ??= [])[columnOfKey(key)] = value;
    return this;
  }
  delete(key: number): boolean {
    const row = this.rows[rowOfKey(key)];
    if (!row || row[columnOfKey(key)] === undefined) return false;
    row[columnOfKey(key)] = undefined;
    return true;
  }
  *keys(): IterableIterator<number> {
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) if (row[c] !== undefined) yield cellKey(r, c);
    }
  }
  *entries(): IterableIterator<[number, T]> {
    for (const key of this.keys()) yield [key, this.get(key) as T];
  }
  /** The cells of one row (sparse), for copying a row's format. */
  row(row: number): readonly (T | undefined)[] {
    return this.rows[row] ?? [];
  }
  insertRows(at: number, count: number): void {
    spliceRows(this.rows, at, count);
  }
  deleteRows(at: number, count: number): void {
    this.rows.splice(at, count);
  }
  insertColumns(at: number, count: number): void {
    for (const row of this.rows)
      if (row && row.length > at) row.splice(at, 0, ...Array<undefined>(count));
  }
}

/** Inserts `count` empty rows at `at` without spreading them as call arguments (100k rows would overflow). */
function spliceRows<T>(rows: T[][], at: number, count: number): void {
  if (at >= rows.length) return;
  const tail = rows.splice(at);
  rows.length = at + count;
  for (const row of tail) rows.push(row);
}

export class SheetData {
  /** 0-based rows of 0-based cells; a missing entry is an empty cell. */
  readonly values: (StoredValue | undefined)[][] = [];
  readonly formulas = new CellMap<string>();
  readonly styles = new Map<StyleName, CellMap<string>>();
  readonly validations = new CellMap<unknown>();
  frozenRows = 0;
  frozenColumns = 0;
  conditionalRules: unknown[] = [];
  /** Embedded charts (see charts.ts), in insertion order. */
  charts: import('./charts').ChartSpec[] = [];
  readonly columnWidths = new Map<number, number>();
  tabColor: string | null = null;

  constructor(
    public name: string,
    readonly sheetId: number,
    public maxRows = 1000,
    public maxColumns = 26,
  ) {}

  get(row: number, column: number): StoredValue | undefined {
    return this.values[row]?.[column];
  }

  put(row: number, column: number, cell: StoredCell): void {
    const line = (this.values[row] ??= []);
    line[column] = cell.value === '' ? undefined : cell.value;
    const key = cellKey(row, column);
    if (cell.formula) this.formulas.set(key, cell.formula);
    else this.formulas.delete(key);
  }

  style(name: StyleName, row: number, column: number): string | undefined {
    return this.styles.get(name)?.get(cellKey(row, column));
  }

  setStyle(name: StyleName, row: number, column: number, value: string | null): void {
    let map = this.styles.get(name);
    if (!map) this.styles.set(name, (map = new CellMap()));
    if (value === null || value === '') map.delete(cellKey(row, column));
    else map.set(cellKey(row, column), value);
  }

  /** 1-based number of the last row holding a value or formula; 0 when empty. */
  lastRow(): number {
    for (let r = this.values.length - 1; r >= 0; r--) {
      const line = this.values[r];
      if (line && line.some((v) => v !== undefined)) return r + 1;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const line of this.values) {
      if (!line) continue;
      for (let c = line.length - 1; c >= last; c--) {
        if (line[c] !== undefined) {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }

  private cellMaps(): CellMap<unknown>[] {
    return [this.formulas, this.validations, ...this.styles.values()];
  }

  insertRows(at: number, count: number): void {
    spliceRows(this.values, at, count);
    for (const map of this.cellMaps()) map.insertRows(at, count);
    // Like Sheets, new rows take the format of the row above: number format, colours, drop-downs.
    if (at > 0) {
      const copied: [CellMap<unknown>, readonly unknown[]][] = [
        [this.validations, this.validations.row(at - 1)],
        ...[...this.styles.entries()]
          .filter(([name]) => name !== 'note')
          .map(([, map]) => [map, map.row(at - 1)] as [CellMap<unknown>, readonly unknown[]]),
      ];
      for (const [map, above] of copied) {
        above.forEach((value, c) => {
          if (value === undefined) return;
          for (let r = at; r < at + count; r++) map.set(cellKey(r, c), value);
        });
      }
    }
    this.maxRows += count;
  }

  deleteRows(at: number, count: number): void {
    this.values.splice(at, count);
    for (const map of this.cellMaps()) map.deleteRows(at, count);
    this.maxRows -= count;
  }

  insertColumns(at: number, count: number): void {
    for (const line of this.values) {
      if (line && line.length > at) line.splice(at, 0, ...Array<undefined>(count));
    }
    for (const map of this.cellMaps()) map.insertColumns(at, count);
    this.maxColumns += count;
  }
}
