// Spreadsheet: one local workbook with its tabs, locale, time zone, toasts, menus, sharing, document
// properties and developer metadata.

import { SpreadsheetAccess } from './access';
import {
  LocalDeveloperMetadata,
  LocalDeveloperMetadataFinder,
  MetadataList,
} from './developerMetadata';
import { MESSAGES } from './errors';
import { ServiceObject } from './facade';
import type { Implements } from './implements';
import type { Kernel } from './kernel';
import { LocalProperties } from './properties';
import { LocalUser } from './session';
import { LocalSheet } from './sheet';
import { SheetData } from './sheetData';
import type { UiRecord } from './ui';
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
  | 'setSpreadsheetTimeZone'
  | 'toast'
  | 'addViewers'
  | 'addViewer'
  | 'addEditors'
  | 'addEditor'
  | 'removeViewer'
  | 'removeEditor'
  | 'getViewers'
  | 'getEditors'
  | 'getOwner'
  | 'addDeveloperMetadata'
  | 'getDeveloperMetadata'
  | 'createDeveloperMetadataFinder';

export interface Toast {
  readonly message: string;
  readonly title: string;
}

export interface SpreadsheetOptions {
  readonly id: string;
  readonly name: string;
  readonly locale: string;
  readonly timeZone: string;
  readonly owner: string;
}

const EMAIL = /^[^@\s]+@[^@\s]+$/;

export class LocalSpreadsheet
  extends ServiceObject
  implements Implements<GoogleAppsScript.Spreadsheet.Spreadsheet, SpreadsheetMethods>
{
  readonly _sheets: LocalSheet[] = [];
  readonly _toasts: Toast[] = [];
  /** What people see of this document's menus, alerts and sidebars. */
  readonly _ui: UiRecord = {
    menus: [],
    alerts: [],
    sidebars: [],
    dialogs: [],
    prompts: [],
    promptAnswers: [],
  };
  readonly _access: SpreadsheetAccess;
  readonly _documentProperties: LocalProperties;
  readonly _metadata = new MetadataList();
  private active: LocalSheet | undefined;
  /** The cell a person has selected, if any. */
  _selection: { sheet: LocalSheet; row: number; column: number } | undefined;
  /** Rows of a new tab: 1000 as in Sheets; tests that repeat set-up hundreds of times use fewer. */
  _newSheetRows = 1000;
  private nextSheetId = 0;
  private readonly id: string;
  private readonly name: string;
  public _locale: string;
  public _zone: string;

  constructor(kernel: Kernel, options: SpreadsheetOptions) {
    super(kernel, 'Spreadsheet');
    this.id = options.id;
    this.name = options.name;
    this._locale = options.locale;
    this._zone = options.timeZone;
    this._access = new SpreadsheetAccess(options.owner);
    this._documentProperties = new LocalProperties(kernel);
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
  /** Who was given view access, in order (recorded; nothing is sent). */
  get _viewers(): string[] {
    return [...this._access.viewers];
  }
  get _editors(): string[] {
    return [...this._access.editors];
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
  /** Dates already in the tabs keep their instant; only how they are shown changes. */
  setSpreadsheetTimeZone(timezone: string): void {
    this._zone = timezone;
  }
  getSpreadsheetLocale(): string {
    return this._locale;
  }
  getSpreadsheetTimeZone(): string {
    return this._zone;
  }

  private _email(address: string): string {
    if (!EMAIL.test(address)) throw this.kernel.error(MESSAGES.invalidEmail(address));
    return address;
  }
  addViewers(emailAddresses: string[]): LocalSpreadsheet {
    for (const email of emailAddresses) this.addViewer(email);
    return this;
  }
  addViewer(emailAddress: string): LocalSpreadsheet {
    this._access.addViewer(this._email(emailAddress));
    return this;
  }
  addEditors(emailAddresses: string[]): LocalSpreadsheet {
    for (const email of emailAddresses) this.addEditor(email);
    return this;
  }
  addEditor(emailAddress: string): LocalSpreadsheet {
    this._access.addEditor(this._email(emailAddress));
    return this;
  }
  removeViewer(emailAddress: string): LocalSpreadsheet {
    this._access.removeViewer(emailAddress);
    return this;
  }
  removeEditor(emailAddress: string): LocalSpreadsheet {
    this._access.removeEditor(emailAddress);
    return this;
  }
  getViewers(): LocalUser[] {
    return this._viewers.map((email) => new LocalUser(this.kernel, email));
  }
  getEditors(): LocalUser[] {
    return [this._access.owner, ...this._editors].map((email) => new LocalUser(this.kernel, email));
  }
  getOwner(): LocalUser {
    return new LocalUser(this.kernel, this._access.owner);
  }

  toast(msg: string, title?: string): void {
    this._toasts.push({ message: String(msg), title: title ?? '' });
  }

  /** addDeveloperMetadata(key), (key, value), (key, visibility) or (key, value, visibility). */
  addDeveloperMetadata(key: string, second?: unknown, third?: unknown): LocalSpreadsheet {
    const visibilities = ['DOCUMENT', 'PROJECT'];
    const secondIsVisibility = third === undefined && visibilities.includes(String(second));
    const value = second === undefined || secondIsVisibility ? null : String(second);
    const visibility = secondIsVisibility ? String(second) : String(third ?? 'DOCUMENT');
    this._metadata.add(String(key), value, visibility);
    return this;
  }
  getDeveloperMetadata(): LocalDeveloperMetadata[] {
    return this._metadata.entries.map(
      (entry) => new LocalDeveloperMetadata(this.kernel, this._metadata, entry),
    );
  }
  createDeveloperMetadataFinder(): LocalDeveloperMetadataFinder {
    return new LocalDeveloperMetadataFinder(this.kernel, this._metadata);
  }
}
