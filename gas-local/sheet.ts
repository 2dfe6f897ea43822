// Sheet: one tab of the local spreadsheet, with Apps Script's grid limits and row operations.

import { letterToColumn } from './a1';
import { storeWritten } from './cellValues';
import { MESSAGES } from './errors';
import { ServiceObject } from './facade';
import type { Implements } from './implements';
import type { Kernel } from './kernel';
import { LocalRange } from './range';
import { SheetData } from './sheetData';
import type { LocalSpreadsheet } from './spreadsheet';
import type { LocalConditionalFormatRule } from './builders';
import { formatDate } from './zone';
import { CHART_TYPES, LocalEmbeddedChart, LocalEmbeddedChartBuilder } from './charts';

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type SheetMethods =
  | 'getName'
  | 'setName'
  | 'getSheetId'
  | 'getIndex'
  | 'getParent'
  | 'getRange'
  | 'getDataRange'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'insertRowsAfter'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'deleteRows'
  | 'appendRow'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'setColumnWidth'
  | 'setConditionalFormatRules'
  | 'getConditionalFormatRules'
  | 'setTabColor'
  | 'activate'
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

  getRange(
    rowOrA1: number | string,
    column?: number,
    numRows?: number,
    numColumns?: number,
  ): LocalRange {
    if (typeof rowOrA1 === 'string') {
      const match = A1.exec(rowOrA1.replace(/^.*!/, '').replace(/\$/g, ''));
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
    if (rowPosition < 1 || rowPosition + howMany - 1 > this._data.maxRows)
      throw this.kernel.error(MESSAGES.outsideSheet);
    if (howMany >= this._data.maxRows)
      throw this.kernel.error('You can\u2019t delete all the rows on the sheet.');
    this._data.deleteRows(rowPosition - 1, howMany);
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
