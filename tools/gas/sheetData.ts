// The in-memory grid behind one sheet: values, formulas, formats, validation and styles by cell.

import { type StoredCell, type StoredValue } from './cellValues';

/** Sheets' own limit, so a cell key fits in one number. */
export const MAX_COLUMNS = 18_278;

export const cellKey = (row: number, column: number) => row * (MAX_COLUMNS + 1) + column;

/** A style property set per cell (background, font weight…), sparse. */
export type StyleName =
  | 'background'
  | 'fontWeight'
  | 'fontColor'
  | 'numberFormat'
  | 'wrap'
  | 'horizontalAlignment'
  | 'note';

export class SheetData {
  /** 0-based rows of 0-based cells; a missing entry is an empty cell. */
  readonly values: (StoredValue | undefined)[][] = [];
  readonly formulas = new Map<number, string>();
  readonly styles = new Map<StyleName, Map<number, string>>();
  readonly validations = new Map<number, unknown>();
  frozenRows = 0;
  frozenColumns = 0;
  conditionalRules: unknown[] = [];
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
    if (!map) this.styles.set(name, (map = new Map()));
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

  /** Moves every per-cell map when rows or columns are inserted or deleted. */
  private remapKeys(
    map: Map<number, unknown>,
    move: (row: number, column: number) => [number, number] | null,
  ): void {
    const entries = [...map.entries()];
    map.clear();
    for (const [key, value] of entries) {
      const row = Math.floor(key / (MAX_COLUMNS + 1));
      const column = key % (MAX_COLUMNS + 1);
      const moved = move(row, column);
      if (moved) map.set(cellKey(moved[0], moved[1]), value);
    }
  }

  private remapAll(move: (row: number, column: number) => [number, number] | null): void {
    this.remapKeys(this.formulas as Map<number, unknown>, move);
    this.remapKeys(this.validations, move);
    for (const map of this.styles.values()) this.remapKeys(map as Map<number, unknown>, move);
  }

  insertRows(at: number, count: number): void {
    if (at < this.values.length) {
      // Spreading 100k new rows into one splice call would overflow the stack.
      const tail = this.values.splice(at);
      this.values.length = at + count;
      for (const row of tail) this.values.push(row);
    }
    this.remapAll((r, c) => [r >= at ? r + count : r, c]);
    // Like Sheets, new rows take the format of the row above: number format, colours, drop-downs.
    if (at > 0) {
      for (let c = 0; c < this.maxColumns; c++) {
        const key = cellKey(at - 1, c);
        const validation = this.validations.get(key);
        const styles = [...this.styles.entries()]
          .map(([name, map]) => [name, map.get(key)] as const)
          .filter(([, value]) => value !== undefined && value !== '');
        if (!validation && styles.length === 0) continue;
        for (let r = at; r < at + count; r++) {
          for (const [name, value] of styles) {
            if (name !== 'note') this.setStyle(name, r, c, value as string);
          }
          if (validation) this.validations.set(cellKey(r, c), validation);
        }
      }
    }
    this.maxRows += count;
  }

  deleteRows(at: number, count: number): void {
    this.values.splice(at, count);
    this.remapAll((r, c) => (r < at ? [r, c] : r < at + count ? null : [r - count, c]));
    this.maxRows -= count;
  }

  insertColumns(at: number, count: number): void {
    for (const line of this.values)
      if (line && line.length > at) line.splice(at, 0, ...Array<undefined>(count));
    this.remapAll((r, c) => [r, c >= at ? c + count : c]);
    this.maxColumns += count;
  }
}
