// Range: a rectangle of one sheet, read and written in batches exactly as Apps Script allows.

import { columnLetter } from './a1';
import { readStored, storeWritten } from './cellValues';
import { MESSAGES } from './errors';
import { ServiceObject } from './facade';
import type { Implements } from './implements';
import type { Kernel } from './kernel';
import { type SheetData, type StyleName, cellKey } from './sheetData';
import type { LocalSheet } from './sheet';
import type { LocalDataValidation } from './builders';
import { LocalTextFinder } from './textFinder';

type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** Calls that only tell where the range is, answered without its cells. */
const GEOMETRY: ReadonlySet<string> = new Set([
  'getRow',
  'getColumn',
  'getLastRow',
  'getLastColumn',
  'getNumRows',
  'getNumColumns',
  'getA1Notation',
  'getSheet',
]);
type RangeMethods =
  | 'getValues'
  | 'getValue'
  | 'setValues'
  | 'setValue'
  | 'getDisplayValues'
  | 'getFormulas'
  | 'getNumberFormats'
  | 'getRow'
  | 'getColumn'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getA1Notation'
  | 'getSheet'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setBackground'
  | 'getBackgrounds'
  | 'setFontWeight'
  | 'setFontColor'
  | 'setWrap'
  | 'setHorizontalAlignment'
  | 'setNote'
  | 'setDataValidation'
  | 'getDataValidations'
  | 'clearDataValidations'
  | 'clearContent'
  | 'offset'
  | 'createTextFinder';

export class LocalRange extends ServiceObject implements Implements<GasRange, RangeMethods> {
  constructor(
    kernel: Kernel,
    private readonly sheet: LocalSheet,
    private readonly data: SheetData,
    private readonly row: number, // 1-based
    private readonly column: number,
    private readonly numRows: number,
    private readonly numColumns: number,
  ) {
    super(kernel, 'Range');
    if (row < 1) throw kernel.error(MESSAGES.rowTooSmall);
    if (column < 1) throw kernel.error(MESSAGES.columnTooSmall);
    if (numRows < 1) throw kernel.error(MESSAGES.rowsAtLeastOne);
    if (numColumns < 1) throw kernel.error(MESSAGES.columnsAtLeastOne);
    this._inGrid();
  }

  private _inGrid(): void {
    const { row, column, numRows, numColumns, data } = this;
    if (row + numRows - 1 > data.maxRows || column + numColumns - 1 > data.maxColumns) {
      throw this.kernel.error(MESSAGES.outsideSheet);
    }
  }

  /**
   * A range is coordinates: one made before a person deleted rows or columns can reach past the
   * grid's end by the time it is used, and then every call on its cells fails as getRange would.
   */
  override _beforeEachCall(method: string): void {
    if (!GEOMETRY.has(method)) this._inGrid();
  }

  protected override _sheetName(): string {
    return this.data.name;
  }

  private _each<T>(fn: (r: number, c: number) => T): T[][] {
    // Each row is copied to its exact length, as Apps Script hands rows over: an array grown by
    // push keeps spare capacity that a heap measurement would take for the script's.
    const out: T[][] = [];
    const line: T[] = [];
    for (let r = 0; r < this.numRows; r++) {
      line.length = 0;
      for (let c = 0; c < this.numColumns; c++)
        line.push(fn(this.row - 1 + r, this.column - 1 + c));
      out.push(line.slice());
    }
    return out;
  }

  /** Visits every cell (0-based row and column), keeping nothing: setters need no grid back. */
  private _visit(fn: (r: number, c: number) => void): void {
    for (let r = 0; r < this.numRows; r++)
      for (let c = 0; c < this.numColumns; c++) fn(this.row - 1 + r, this.column - 1 + c);
  }

  /** Credits the current call with this range's cells, read or written. */
  private _counted<T>(result: T, read: boolean): T {
    const cells = this.numRows * this.numColumns;
    this.kernel.noteCells(read ? cells : 0, read ? 0 : cells);
    return result;
  }

  getValues(): unknown[][] {
    const DateCtor = this.kernel.realm.Date;
    return this._counted(
      this._each((r, c) => readStored(this.data.get(r, c), DateCtor)),
      true,
    );
  }

  getValue(): unknown {
    this.kernel.noteCells(1, 0);
    return readStored(this.data.get(this.row - 1, this.column - 1), this.kernel.realm.Date);
  }

  getDisplayValues(): string[][] {
    const shown = this._each((r, c) => {
      const value = readStored(this.data.get(r, c), Date);
      if (value instanceof Date) return this.sheet._formatDate(value);
      return String(value);
    });
    return this._counted(shown, true);
  }

  getFormulas(): string[][] {
    return this._counted(
      this._each((r, c) => this.data.formulas.get(cellKey(r, c)) ?? ''),
      true,
    );
  }

  getNumberFormats(): string[][] {
    return this._each((r, c) => this.data.style('numberFormat', r, c) ?? 'General');
  }

  getBackgrounds(): string[][] {
    return this._each((r, c) => this.data.style('background', r, c) ?? '#ffffff');
  }

  getDataValidations(): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
    return this._each(
      (r, c) =>
        (this.data.validations.get(cellKey(r, c)) ??
          null) as GoogleAppsScript.Spreadsheet.DataValidation | null,
    );
  }

  setValues(values: unknown[][]): LocalRange {
    if (!Array.isArray(values) || values.length !== this.numRows) {
      throw this.kernel.error(
        MESSAGES.rowsMismatch(Array.isArray(values) ? values.length : 0, this.numRows),
      );
    }
    for (const line of values) {
      if (!Array.isArray(line) || line.length !== this.numColumns) {
        throw this.kernel.error(
          MESSAGES.columnsMismatch(Array.isArray(line) ? line.length : 0, this.numColumns),
        );
      }
    }
    // Validate first so a rejected cell leaves the whole range unwritten.
    values.forEach((line, r) =>
      line.forEach((value, c) =>
        this._checkValidation(this.row - 1 + r, this.column - 1 + c, value),
      ),
    );
    values.forEach((line, r) =>
      line.forEach((value, c) => this._write(this.row - 1 + r, this.column - 1 + c, value)),
    );
    return this._counted(this, false);
  }

  setValue(value: unknown): LocalRange {
    this._checkEach(value);
    this._fill(value);
    return this;
  }

  /** Throws the validation error of the first cell that would reject `value`. */
  _checkEach(value: unknown): void {
    this._visit((r, c) => this._checkValidation(r, c, value));
  }

  /** `value` in every cell, credited to the current call (Range.setValue, RangeList.setValue). */
  _fill(value: unknown): void {
    this._visit((r, c) => this._write(r, c, value));
    this._counted(undefined, false);
  }

  /** Empties every cell, keeping formats, credited to the current call. */
  _clear(): void {
    this._visit((r, c) => this.data.put(r, c, { value: '' }));
    this._counted(undefined, false);
  }

  private _write(r: number, c: number, value: unknown): void {
    const text = this.data.style('numberFormat', r, c) === '@';
    this.data.put(
      r,
      c,
      storeWritten(value, text, (...wall) => this.sheet._offsetForWallTime(...wall)),
    );
  }

  private _checkValidation(r: number, c: number, value: unknown): void {
    const rule = this.data.validations.get(cellKey(r, c)) as LocalDataValidation | undefined;
    if (rule && !rule._accepts(value)) {
      throw this.kernel.error(MESSAGES.validation(`${columnLetter(c + 1)}${r + 1}`));
    }
  }

  clearContent(): LocalRange {
    this._clear();
    return this;
  }

  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.column;
  }
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    return this.column + this.numColumns - 1;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numColumns;
  }

  getA1Notation(): string {
    const start = `${columnLetter(this.column)}${this.row}`;
    if (this.numRows === 1 && this.numColumns === 1) return start;
    return `${start}:${columnLetter(this.getLastColumn())}${this.getLastRow()}`;
  }

  getSheet(): LocalSheet {
    return this.sheet;
  }

  createTextFinder(findText: string): LocalTextFinder {
    return new LocalTextFinder(
      this.kernel,
      this.sheet,
      { row: this.row, column: this.column, rows: this.numRows, columns: this.numColumns },
      String(findText),
    );
  }

  offset(
    rowOffset: number,
    columnOffset: number,
    numRows?: number,
    numColumns?: number,
  ): LocalRange {
    return new LocalRange(
      this.kernel,
      this.sheet,
      this.data,
      this.row + rowOffset,
      this.column + columnOffset,
      numRows ?? this.numRows,
      numColumns ?? this.numColumns,
    );
  }

  private _style(name: StyleName, value: string | null): LocalRange {
    this._visit((r, c) => this.data.setStyle(name, r, c, value));
    return this;
  }

  setNumberFormats(formats: string[][]): LocalRange {
    if (formats.length !== this.numRows)
      throw this.kernel.error(MESSAGES.rowsMismatch(formats.length, this.numRows));
    formats.forEach((line, r) => {
      if (line.length !== this.numColumns)
        throw this.kernel.error(MESSAGES.columnsMismatch(line.length, this.numColumns));
      line.forEach((format, c) =>
        this.data.setStyle('numberFormat', this.row - 1 + r, this.column - 1 + c, format),
      );
    });
    return this;
  }
  setNumberFormat(format: string): LocalRange {
    return this._style('numberFormat', format);
  }
  setBackground(color: string | null): LocalRange {
    return this._style('background', color);
  }
  setFontWeight(weight: string | null): LocalRange {
    return this._style('fontWeight', weight);
  }
  setFontColor(color: string | null): LocalRange {
    return this._style('fontColor', color);
  }
  setWrap(wrap: boolean): LocalRange {
    return this._style('wrap', String(wrap));
  }
  setHorizontalAlignment(alignment: string | null): LocalRange {
    return this._style('horizontalAlignment', alignment);
  }
  setNote(note: string | null): LocalRange {
    return this._style('note', note);
  }

  setDataValidation(rule: LocalDataValidation | null): LocalRange {
    this._visit((r, c) => {
      if (rule) this.data.validations.set(cellKey(r, c), rule);
      else this.data.validations.delete(cellKey(r, c));
    });
    return this;
  }

  clearDataValidations(): LocalRange {
    return this.setDataValidation(null);
  }

  /** For the runtime's own use (export, tests): the rectangle's position. */
  _bounds(): { row: number; column: number; numRows: number; numColumns: number; sheet: string } {
    return {
      row: this.row,
      column: this.column,
      numRows: this.numRows,
      numColumns: this.numColumns,
      sheet: this.data.name,
    };
  }
}
