// The in-memory grid behind one sheet: values, formulas, formats, validation and styles by cell,
// stored row by row so inserting or deleting rows moves everything of those rows at once.

import { type StoredCell, type StoredValue } from './cellValues';
import { sortedOrder } from './sortOrder';

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

/** Empties a block of sparse rows of cells in place, visiting only the rows and cells held. */
function emptyBlock<T>(
  lines: (T | undefined)[][],
  r0: number,
  c0: number,
  rows: number,
  columns: number,
): void {
  const end = Math.min(r0 + rows, lines.length);
  for (let r = r0; r < end; r++) {
    const line = lines[r];
    if (!line) continue;
    for (let c = c0; c < Math.min(c0 + columns, line.length); c++) line[c] = undefined;
  }
}

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
  /** Empties the cells of rows [r0, r0 + rows) and columns [c0, c0 + columns). */
  clearBlock(r0: number, c0: number, rows: number, columns: number): void {
    emptyBlock(this.rows, r0, c0, rows, columns);
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
  deleteColumns(at: number, count: number): void {
    for (const row of this.rows) if (row && row.length > at) row.splice(at, count);
  }
  /** Reorders whole rows from `start`: new row i is old row start + order[i]. */
  permuteRows(start: number, order: readonly number[]): void {
    permuteRows(this.rows, start, order);
  }
  /** Reorders only columns [c0, c1) of rows from `start`, as a range sort does. */
  permuteCells(start: number, order: readonly number[], c0: number, c1: number): void {
    permuteCells(this.rows, start, order, c0, c1);
  }
}

/** Moves row arrays, never cells, so sorting 100k rows costs one pass. */
function permuteRows<T>(rows: (T[] | undefined)[], start: number, order: readonly number[]): void {
  const moved = order.map((from) => rows[start + from]);
  moved.forEach((row, i) => {
    rows[start + i] = row;
  });
}

function permuteCells<T>(
  rows: (T[] | undefined)[],
  start: number,
  order: readonly number[],
  c0: number,
  c1: number,
): void {
  const slices = order.map((from) => rows[start + from]?.slice(c0, c1) ?? []);
  slices.forEach((slice, i) => {
    const existing = rows[start + i];
    if (!existing && slice.every((v) => v === undefined)) return;
    const row = existing ?? (rows[start + i] = []);
    for (let c = c0; c < c1; c++) row[c] = slice[c - c0];
  });
}

/** Inserts `count` empty rows at `at` without spreading them as call arguments (100k rows would overflow). */
function spliceRows<T>(rows: T[][], at: number, count: number): void {
  if (at >= rows.length) return;
  const tail = rows.splice(at);
  rows.length = at + count;
  for (const row of tail) rows.push(row);
}

/** One cell as copied: its value and whatever else it holds (formula, drop-down, formats, note). */
export interface CopiedCell {
  readonly value: StoredValue | undefined;
  readonly maps: Map<string, unknown>;
}
export type CopiedCells = readonly (readonly CopiedCell[])[];

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

  /** 1-based number of the last row with a value in columns [c0, c1) (0-based); 0 when none. */
  lastRowIn(c0: number, c1: number): number {
    for (let r = this.values.length - 1; r >= 0; r--) {
      const line = this.values[r];
      if (!line) continue;
      for (let c = c0; c < Math.min(c1, line.length); c++) if (line[c] !== undefined) return r + 1;
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

  /**
   * Inserts `count` empty rows at 0-based `at`. Like Sheets, they take the format and drop-downs
   * (not the notes) of the row before them, or of the row after them when `inherit` is 'after'.
   */
  insertRows(at: number, count: number, inherit: 'before' | 'after' | 'none' = 'before'): void {
    const hadRowAfter = at < this.maxRows;
    spliceRows(this.values, at, count);
    for (const map of this.cellMaps()) map.insertRows(at, count);
    const source =
      inherit === 'before' && at > 0
        ? at - 1
        : inherit === 'after' && hadRowAfter
          ? at + count
          : -1;
    if (source >= 0) {
      const copied: [CellMap<unknown>, readonly unknown[]][] = [
        [this.validations, this.validations.row(source)],
        ...[...this.styles.entries()]
          .filter(([name]) => name !== 'note')
          .map(([, map]) => [map, map.row(source)] as [CellMap<unknown>, readonly unknown[]]),
      ];
      for (const [map, model] of copied) {
        model.forEach((value, c) => {
          if (value === undefined) return;
          for (let r = at; r < at + count; r++) map.set(cellKey(r, c), value);
        });
      }
    }
    // Rows inserted inside the frozen band widen it, as in Sheets.
    if (at < this.frozenRows) this.frozenRows += count;
    this.maxRows += count;
  }

  deleteRows(at: number, count: number): void {
    this.values.splice(at, count);
    for (const map of this.cellMaps()) map.deleteRows(at, count);
    this.frozenRows -= overlap(at, count, this.frozenRows);
    this.maxRows -= count;
  }

  insertColumns(at: number, count: number): void {
    for (const line of this.values) {
      if (line && line.length > at) line.splice(at, 0, ...Array<undefined>(count));
    }
    for (const map of this.cellMaps()) map.insertColumns(at, count);
    if (at < this.frozenColumns) this.frozenColumns += count;
    this.maxColumns += count;
  }

  deleteColumns(at: number, count: number): void {
    for (const line of this.values) if (line && line.length > at) line.splice(at, count);
    for (const map of this.cellMaps()) map.deleteColumns(at, count);
    this.frozenColumns -= overlap(at, count, this.frozenColumns);
    this.maxColumns -= count;
  }

  /**
   * Everything of the cells in rows [r0, r0 + rows) and columns [c0, c0 + columns): values,
   * formulas, drop-downs, formats and notes, for pasting elsewhere.
   */
  copyCells(r0: number, c0: number, rows: number, columns: number): CopiedCells {
    const maps = this.namedMaps();
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => {
        const key = cellKey(r0 + r, c0 + c);
        const cell: CopiedCell = { value: this.values[r0 + r]?.[c0 + c], maps: new Map() };
        for (const [name, map] of maps) {
          const value = map.get(key);
          if (value !== undefined) cell.maps.set(name, value);
        }
        return cell;
      }),
    );
  }

  /** Writes copied cells with their top-left at (row, column), replacing all that was there. */
  pasteCells(row: number, column: number, cells: CopiedCells): void {
    // A style the source had but this sheet never used gets its map first.
    for (const line of cells)
      for (const cell of line)
        for (const name of cell.maps.keys())
          if (name !== 'formula' && name !== 'validation' && !this.styles.has(name as StyleName))
            this.styles.set(name as StyleName, new CellMap());
    const maps = this.namedMaps();
    cells.forEach((line, r) =>
      line.forEach((cell, c) => {
        const values = (this.values[row + r] ??= []);
        values[column + c] = cell.value;
        const key = cellKey(row + r, column + c);
        for (const [name, map] of maps) {
          const value = cell.maps.get(name);
          if (value === undefined) map.delete(key);
          else map.set(key, value);
        }
      }),
    );
  }

  /** Clears values, formulas, drop-downs, formats and notes of the cells in a block. */
  clearCells(r0: number, c0: number, rows: number, columns: number): void {
    // Cleared in place: a whole tab's block of empty copies would cost a Map per cell.
    emptyBlock(this.values, r0, c0, rows, columns);
    for (const map of this.namedMaps().values()) map.clearBlock(r0, c0, rows, columns);
  }

  private namedMaps(): Map<string, CellMap<unknown>> {
    return new Map<string, CellMap<unknown>>([
      ['formula', this.formulas],
      ['validation', this.validations],
      ...[...this.styles.entries()].map(([name, map]) => [name, map] as [string, CellMap<unknown>]),
    ]);
  }

  /**
   * Sorts 0-based rows [start, end) by the given 0-based key columns. Whole rows move (values,
   * formulas, formats, drop-downs, notes) unless `columns` [c0, c1) limits it to a range's cells.
   */
  sortRows(
    start: number,
    end: number,
    keys: readonly { column: number; ascending: boolean }[],
    columns?: readonly [number, number],
  ): void {
    if (end - start < 2) return;
    const order = sortedOrder(
      keys.map(({ column, ascending }) => ({
        cells: Array.from({ length: end - start }, (_, i) => this.values[start + i]?.[column]),
        ascending,
      })),
    );
    if (columns) {
      permuteCells(this.values, start, order, columns[0], columns[1]);
      for (const map of this.cellMaps()) map.permuteCells(start, order, columns[0], columns[1]);
    } else {
      permuteRows(this.values, start, order);
      for (const map of this.cellMaps()) map.permuteRows(start, order);
    }
  }
}

/** How many of the first `band` indexes fall in [at, at + count). */
function overlap(at: number, count: number, band: number): number {
  return Math.max(0, Math.min(at + count, band) - at);
}
