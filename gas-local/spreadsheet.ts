// Spreadsheet and SpreadsheetApp: the local workbook, its tabs, locale, time zone and toasts.

import { LocalConditionalFormatRuleBuilder, LocalDataValidationBuilder } from './builders';
import { MESSAGES } from './errors';
import { ServiceObject } from './facade';
import type { Implements } from './implements';
import type { Kernel } from './kernel';
import { LocalSheet } from './sheet';
import { SheetData } from './sheetData';
import { LocalUi, type UiRecord } from './ui';
import { offsetForWallTime } from './zone';

type SpreadsheetMethods =
  | 'getId'
  | 'getName'
  | 'getUrl'
  | 'getSheetByName'
  | 'getSheets'
  | 'insertSheet'
  | 'deleteSheet'
  | 'getActiveSheet'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'toast'
  | 'addViewers'
  | 'addViewer';

export interface Toast {
  readonly message: string;
  readonly title: string;
}

export class LocalSpreadsheet
  extends ServiceObject
  implements Implements<GoogleAppsScript.Spreadsheet.Spreadsheet, SpreadsheetMethods>
{
  readonly _sheets: LocalSheet[] = [];
  readonly _toasts: Toast[] = [];
  private active: LocalSheet | undefined;
  /** The cell a person has selected, if any. */
  _selection: { sheet: LocalSheet; row: number; column: number } | undefined;
  /** Rows of a new tab: 1000 as in Sheets; tests that repeat set-up hundreds of times use fewer. */
  _newSheetRows = 1000;
  private nextSheetId = 0;

  constructor(
    kernel: Kernel,
    private readonly id: string,
    private readonly name: string,
    public _locale: string,
    public _zone: string,
  ) {
    super(kernel, 'Spreadsheet');
  }

  _timeZone(): string {
    return this._zone;
  }
  _offsetForWallTime(y: number, m: number, d: number, h: number, mi: number, s: number): number {
    return offsetForWallTime(this._zone, y, m, d, h, mi, s);
  }
  _indexOf(sheet: LocalSheet): number {
    return this._sheets.indexOf(sheet);
  }
  _setActive(sheet: LocalSheet): void {
    this.active = sheet;
  }
  _rename(sheet: LocalSheet, name: string): void {
    if (
      this._sheets.some((s) => s !== sheet && s._data.name.toLowerCase() === name.toLowerCase())
    ) {
      throw this.kernel.error(MESSAGES.sheetExists(name));
    }
    sheet._data.name = name;
  }
  /** Adds a tab without counting a call: for building test and demo workbooks. */
  _addSheet(name: string, rows = this._newSheetRows, columns = 26): LocalSheet {
    if (this._sheets.some((s) => s._data.name.toLowerCase() === name.toLowerCase())) {
      throw this.kernel.error(MESSAGES.sheetExists(name));
    }
    const sheet = new LocalSheet(
      this.kernel,
      this,
      new SheetData(name, this.nextSheetId++, rows, columns),
    );
    this._sheets.push(sheet);
    this.active ??= sheet;
    return sheet;
  }
  _sheet(name: string): LocalSheet | undefined {
    return this._sheets.find((s) => s._data.name === name);
  }

  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.name;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSheetByName(name: string): LocalSheet | null {
    return this._sheets.find((s) => s._data.name === name) ?? null;
  }
  getSheets(): LocalSheet[] {
    return [...this._sheets];
  }
  insertSheet(sheetName?: string | number, sheetIndex?: number): LocalSheet {
    const name = typeof sheetName === 'string' ? sheetName : `Sheet${this._sheets.length + 1}`;
    const sheet = this._addSheet(name);
    if (typeof sheetIndex === 'number') {
      this._sheets.splice(this._sheets.indexOf(sheet), 1);
      this._sheets.splice(sheetIndex, 0, sheet);
    }
    this.active = sheet;
    return sheet;
  }
  deleteSheet(sheet: LocalSheet): void {
    this._sheets.splice(this._sheets.indexOf(sheet), 1);
  }
  getActiveSheet(): LocalSheet {
    return this.active ?? this._sheets[0];
  }
  getSpreadsheetLocale(): string {
    return this._locale;
  }
  getSpreadsheetTimeZone(): string {
    return this._zone;
  }
  /** Who was given view access (recorded; nothing is sent). */
  readonly _viewers: string[] = [];
  addViewers(emailAddresses: string[]): LocalSpreadsheet {
    for (const email of emailAddresses) this.addViewer(email);
    return this;
  }
  addViewer(emailAddress: string): LocalSpreadsheet {
    if (!/^[^@\s]+@[^@\s]+$/.test(emailAddress))
      throw this.kernel.error(`Invalid email: ${emailAddress}`);
    if (!this._viewers.includes(emailAddress)) this._viewers.push(emailAddress);
    return this;
  }
  toast(msg: string, title?: string): void {
    this._toasts.push({ message: String(msg), title: title ?? '' });
  }
}

type AppMethods =
  | 'create'
  | 'getActive'
  | 'getActiveSpreadsheet'
  | 'openById'
  | 'getUi'
  | 'newDataValidation'
  | 'newConditionalFormatRule'
  | 'flush';

export class LocalSpreadsheetApp
  extends ServiceObject
  implements Implements<GoogleAppsScript.Spreadsheet.SpreadsheetApp, AppMethods>
{
  readonly _ui: UiRecord = { menus: [], alerts: [], sidebars: [] };
  /** Time-driven triggers may find no active spreadsheet (docs/apps-script-behaviour.md). */
  _activeInTriggers = true;
  constructor(
    kernel: Kernel,
    private readonly spreadsheets: LocalSpreadsheet[],
    private readonly scriptName: string,
  ) {
    super(kernel, 'SpreadsheetApp');
  }
  /** Every spreadsheet the runtime holds, the active one first (for tests). */
  _all(): readonly LocalSpreadsheet[] {
    return this.spreadsheets;
  }
  create(name: string): LocalSpreadsheet {
    const created = new LocalSpreadsheet(
      this.kernel,
      `local-spreadsheet-${this.spreadsheets.length + 1}`,
      name,
      this.spreadsheets[0]?._locale ?? 'en_US',
      this.spreadsheets[0]?._zone ?? 'Asia/Shanghai',
    );
    created._addSheet(created._locale.startsWith('zh') ? '工作表1' : 'Sheet1');
    this.spreadsheets.push(created);
    return created;
  }
  getActive(): LocalSpreadsheet | null {
    if (this.kernel.execution === 'timeTrigger' && !this._activeInTriggers) return null;
    return this.spreadsheets[0] ?? null;
  }
  getActiveSpreadsheet(): LocalSpreadsheet | null {
    return this.getActive();
  }
  openById(id: string): LocalSpreadsheet {
    const found = this.spreadsheets.find((s) => s.getId() === id);
    if (!found)
      throw this.kernel.error(
        `Unexpected error while getting the method or property openById on object SpreadsheetApp.`,
      );
    return found;
  }
  getUi(): LocalUi {
    if (this.kernel.execution === 'timeTrigger') throw this.kernel.error(MESSAGES.uiContext);
    return new LocalUi(this.kernel, this._ui, this.scriptName);
  }
  newDataValidation(): LocalDataValidationBuilder {
    return new LocalDataValidationBuilder(this.kernel);
  }
  newConditionalFormatRule(): LocalConditionalFormatRuleBuilder {
    return new LocalConditionalFormatRuleBuilder(this.kernel);
  }
  flush(): void {}
}
