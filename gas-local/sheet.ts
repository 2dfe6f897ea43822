// Sheet: one tab of the local spreadsheet, with Apps Script's grid limits and row operations.

import { letterToColumn } from './a1';
import { storeWritten } from './cellValues';
import { MESSAGES } from './errors';
import { ServiceObject } from './facade';
import type { Implements } from './implements';
import type { Kernel } from './kernel';
import { LocalTextFinder } from './textFinder';
import { LocalRange } from './range';
import { LocalRangeList } from './rangeList';
import { SheetData } from './sheetData';
import type { LocalSpreadsheet } from './spreadsheet';
import type { LocalConditionalFormatRule } from './builders';
import { formatDate } from './zone';
import { CHART_TYPES, LocalEmbeddedChart, LocalEmbeddedChartBuilder } from './charts';
import { GRID_MESSAGES } from './sheetsMessages';

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type SheetMethods =
  | 'createTextFinder'
  | 'getName'
  | 'setName'
  | 'getSheetId'
  | 'getIndex'
  | 'getParent'
  | 'getRange'
  | 'getRangeList'
  | 'getDataRange'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'insertRowsAfter'
  | 'insertRowAfter'
  | 'insertRowsBefore'
  | 'insertRowBefore'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'deleteRows'
  | 'deleteRow'
  | 'deleteColumns'
  | 'deleteColumn'
  | 'sort'
  | 'appendRow'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'setColumnWidth'
  | 'setConditionalFormatRules'
  | 'getConditionalFormatRules'
  | 'setTabColor'
  | 'activate'
  | 'hideSheet'
  | 'isSheetHidden'
  | 'newChart'
  | 'insertChart'
  | 'updateChart'
  | 'removeChart'
  | 'getCharts'
  | 'getActiveRange';

const A1 = /^([A-Z]+)(\d+)?(?::([A-Z]+)(\d+)?)?$/i;

export class LocalSheet extends ServiceObject implements Implements<GasSheet, SheetMethods> {
  constructor(
    kernel: Kernel,
    private readonly spreadsheet: LocalSpreadsheet,
    readonly _data: SheetData,
  ) {
    super(kernel, 'Sheet');
  }

  protected override _sheetName(): string {
    return this._data.name;
  }

  _offsetForWallTime(y: number, m: number, d: number, h: number, mi: number, s: number): number {
    return this.spreadsheet._offsetForWallTime(y, m, d, h, mi, s);
  }

  _formatDate(date: Date): string {
    return formatDate(date.getTime(), this.spreadsheet._timeZone(), 'yyyy-MM-dd HH:mm:ss');
  }

  getName(): string {
    return this._data.name;
  }
  setName(name: string): LocalSheet {
    this.spreadsheet._rename(this, name);
    return this;
  }
  getSheetId(): number {
    return this._data.sheetId;
  }
  getIndex(): number {
    return this.spreadsheet._indexOf(this) + 1;
  }
  getParent(): LocalSpreadsheet {
    return this.spreadsheet;
  }
  newChart(): LocalEmbeddedChartBuilder {
    return new LocalEmbeddedChartBuilder(this.kernel, {
      chartId: 0,
      type: CHART_TYPES.COLUMN,
      ranges: [],
      position: { row: 1, column: 1 },
      options: {},
    });
  }
  insertChart(chart: LocalEmbeddedChart): void {
    const spec = chart._spec;
    spec.chartId = ++LocalSheet.nextChartId;
    this._data.charts.push(spec);
  }
  updateChart(chart: LocalEmbeddedChart): void {
    const at = this._data.charts.findIndex((c) => c.chartId === chart._spec.chartId);
    if (at < 0) throw this.kernel.error('The chart could not be found.');
    this._data.charts[at] = chart._spec;
  }
  removeChart(chart: LocalEmbeddedChart): void {
    const at = this._data.charts.findIndex((c) => c.chartId === chart._spec.chartId);
    if (at >= 0) this._data.charts.splice(at, 1);
  }
  getCharts(): LocalEmbeddedChart[] {
    return this._data.charts.map((spec) => new LocalEmbeddedChart(this.kernel, spec));
  }
  private static nextChartId = 0;

  /** The selected cell when this is the active tab (the runtime's `select` sets it). */
  getActiveRange(): LocalRange | null {
    const selection = this.spreadsheet._selection;
    if (!selection || selection.sheet !== this) return null;
    return new LocalRange(this.kernel, this, this._data, selection.row, selection.column, 1, 1);
  }
  activate(): LocalSheet {
    this.spreadsheet._setActive(this);
    return this;
  }
  /** Hidden tabs keep their data; people see them only through View → Hidden sheets. */
  _hidden = false;
  hideSheet(): LocalSheet {
    this._hidden = true;
    return this;
  }
  isSheetHidden(): boolean {
    return this._hidden;
  }

  getRange(
    rowOrA1: number | string,
    column?: number,
    numRows?: number,
    numColumns?: number,
  ): LocalRange {
    if (typeof rowOrA1 === 'string') return this._rangeAt(rowOrA1);
    return new LocalRange(
      this.kernel,
      this,
      this._data,
      rowOrA1,
      column ?? 1,
      numRows ?? 1,
      numColumns ?? 1,
    );
  }

  /** The ranges of a non-empty list of A1 notations; any one outside the grid fails the call. */
  getRangeList(a1Notations: string[]): LocalRangeList {
    if (!Array.isArray(a1Notations)) {
      throw this.kernel.error(
        MESSAGES.parametersMismatch(typeof a1Notations, 'SpreadsheetApp.Sheet.getRangeList'),
      );
    }
    return new LocalRangeList(
      this.kernel,
      this,
      a1Notations.map((a1) => this._rangeAt(String(a1))),
    );
  }

  private _rangeAt(a1: string): LocalRange {
    const match = A1.exec(a1.replace(/^.*!/, '').replace(/\$/g, ''));
    if (!match) throw this.kernel.error(`Range not found`);
    const c1 = letterToColumn(match[1]);
    const r1 = match[2] ? Number(match[2]) : 1;
    const c2 = match[3] ? letterToColumn(match[3]) : c1;
    const r2 = match[4] ? Number(match[4]) : match[3] ? this._data.maxRows : r1;
    return new LocalRange(
      this.kernel,
      this,
      this._data,
      Math.min(r1, r2),
      Math.min(c1, c2),
      Math.abs(r2 - r1) + 1,
      Math.abs(c2 - c1) + 1,
    );
  }

  createTextFinder(findText: string): LocalTextFinder {
    const { maxRows, maxColumns } = this._data;
    return new LocalTextFinder(
      this.kernel,
      this,
      { row: 1, column: 1, rows: maxRows, columns: maxColumns },
      String(findText),
    );
  }

  getDataRange(): LocalRange {
    return new LocalRange(
      this.kernel,
      this,
      this._data,
      1,
      1,
      Math.max(1, this._data.lastRow()),
      Math.max(1, this._data.lastColumn()),
    );
  }

  getLastRow(): number {
    return this._data.lastRow();
  }
  getLastColumn(): number {
    return this._data.lastColumn();
  }
  getMaxRows(): number {
    return this._data.maxRows;
  }
  getMaxColumns(): number {
    return this._data.maxColumns;
  }

  insertRowsAfter(afterPosition: number, howMany: number): LocalSheet {
    if (afterPosition < 0 || afterPosition > this._data.maxRows)
      throw this.kernel.error(MESSAGES.outsideSheet);
    this._data.insertRows(afterPosition, howMany);
    return this;
  }
  insertRowAfter(afterPosition: number): LocalSheet {
    return this.insertRowsAfter(afterPosition, 1);
  }

  /** Rows inserted before row r take row r's format, as the API's default insertDimension does. */
  insertRowsBefore(beforePosition: number, howMany: number): LocalSheet {
    if (beforePosition < 1 || beforePosition > this._data.maxRows)
      throw this.kernel.error(MESSAGES.outsideSheet);
    this._data.insertRows(beforePosition - 1, howMany, 'after');
    return this;
  }
  insertRowBefore(beforePosition: number): LocalSheet {
    return this.insertRowsBefore(beforePosition, 1);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): LocalSheet {
    if (afterPosition < 0 || afterPosition > this._data.maxColumns)
      throw this.kernel.error(MESSAGES.outsideSheet);
    this._data.insertColumns(afterPosition, howMany);
    return this;
  }

  insertColumnsBefore(beforePosition: number, howMany: number): LocalSheet {
    return this.insertColumnsAfter(beforePosition - 1, howMany);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    const refusal = deletionRefusal(
      rowPosition,
      howMany,
      this._data.frozenRows,
      this._data.maxRows,
    );
    if (refusal) throw this.kernel.error(ROW_REFUSALS[refusal]);
    this._data.deleteRows(rowPosition - 1, howMany);
  }
  deleteRow(rowPosition: number): LocalSheet {
    this.deleteRows(rowPosition, 1);
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    const data = this._data;
    const refusal = deletionRefusal(columnPosition, howMany, data.frozenColumns, data.maxColumns);
    if (refusal) throw this.kernel.error(COLUMN_REFUSALS[refusal]);
    data.deleteColumns(columnPosition - 1, howMany);
  }
  deleteColumn(columnPosition: number): LocalSheet {
    this.deleteColumns(columnPosition, 1);
    return this;
  }

  /** Sorts every row below the frozen rows by one column; whole rows move, blanks go last. */
  sort(columnPosition: number, ascending = true): LocalSheet {
    if (columnPosition < 1 || columnPosition > this._data.maxColumns)
      throw this.kernel.error(MESSAGES.outsideSheet);
    const moved = this._sortRows(this._data.frozenRows + 1, columnPosition, ascending);
    this.kernel.noteCells(moved, moved);
    return this;
  }

  /**
   * Sorts rows from 1-based `firstRow` down to the last row with content by one column; returns
   * how many cells moved. Rows below the content are all blank, so they would stay where they are.
   */
  _sortRows(firstRow: number, columnPosition: number, ascending: boolean): number {
    const last = this._data.lastRow();
    this._data.sortRows(firstRow - 1, last, [{ column: columnPosition - 1, ascending }]);
    return Math.max(0, last - firstRow + 1) * this._data.lastColumn();
  }

  /** Writes values as a person types them (parsed like typed input), growing the grid as Sheets does. */
  _type(row: number, column: number, rows: readonly (readonly unknown[])[]): void {
    const data = this._data;
    const lastRow = row + rows.length - 1;
    if (lastRow > data.maxRows) data.insertRows(data.maxRows, lastRow - data.maxRows);
    const lastColumn = column + rows.reduce((most, r) => Math.max(most, r.length), 0) - 1;
    if (lastColumn > data.maxColumns)
      data.insertColumns(data.maxColumns, lastColumn - data.maxColumns);
    rows.forEach((line, r) =>
      line.forEach((value, c) => {
        const text = data.style('numberFormat', row - 1 + r, column - 1 + c) === '@';
        data.put(
          row - 1 + r,
          column - 1 + c,
          storeWritten(value, text, (...wall) => this._offsetForWallTime(...wall)),
        );
      }),
    );
  }

  appendRow(rowContents: unknown[]): LocalSheet {
    const row = this._data.lastRow();
    if (rowContents.length > this._data.maxColumns)
      this._data.insertColumns(this._data.maxColumns, rowContents.length - this._data.maxColumns);
    if (row + 1 > this._data.maxRows) this._data.insertRows(this._data.maxRows, 1);
    rowContents.forEach((value, c) => {
      const text = this._data.style('numberFormat', row, c) === '@';
      this._data.put(
        row,
        c,
        storeWritten(value, text, (...wall) => this._offsetForWallTime(...wall)),
      );
    });
    this.kernel.noteCells(0, rowContents.length);
    return this;
  }

  setFrozenRows(rows: number): void {
    this._data.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this._data.frozenRows;
  }
  setColumnWidth(columnPosition: number, width: number): LocalSheet {
    this._data.columnWidths.set(columnPosition, width);
    return this;
  }
  setTabColor(color: string | null): LocalSheet {
    this._data.tabColor = color;
    return this;
  }

  setConditionalFormatRules(rules: LocalConditionalFormatRule[]): void {
    this._data.conditionalRules = [...rules];
  }
  getConditionalFormatRules(): LocalConditionalFormatRule[] {
    return [...(this._data.conditionalRules as LocalConditionalFormatRule[])];
  }
}

type Refusal = 'outOfBounds' | 'allNonFrozen';
const ROW_REFUSALS: Record<Refusal, string> = {
  outOfBounds: GRID_MESSAGES.rowsOutOfBounds,
  allNonFrozen: GRID_MESSAGES.allNonFrozenRows,
};
const COLUMN_REFUSALS: Record<Refusal, string> = {
  outOfBounds: GRID_MESSAGES.columnsOutOfBounds,
  allNonFrozen: GRID_MESSAGES.allNonFrozenColumns,
};

/**
 * Why Sheets refuses to delete `count` rows (or columns) from 1-based `position`, if it does: it
 * always keeps at least one non-frozen row, so deleting every row after the frozen ones fails.
 */
export function deletionRefusal(
  position: number,
  count: number,
  frozen: number,
  size: number,
): Refusal | undefined {
  if (position < 1 || count < 1 || position + count - 1 > size) return 'outOfBounds';
  if (position <= frozen + 1 && position + count - 1 >= size) return 'allNonFrozen';
  return undefined;
}
