// The local Apps Script runtime: loads the built bundle from dist/ into a fresh V8 context holding
// only Apps Script's globals (no require, module or process), and runs its functions as Google would.

import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import {
  type AuthModeName,
  type ExecutionKind,
  Kernel,
  type ServiceCall,
  SPREADSHEET_SERVICES,
} from './kernel';
import { LocalSpreadsheet, LocalSpreadsheetApp } from './spreadsheet';
import { LocalRange } from './range';
import type { LocalSheet } from './sheet';
import { readStored, storeWritten } from './cellValues';
import { CHART_TYPES } from './charts';
import {
  LocalCacheService,
  LocalHtmlService,
  LocalLockService,
  LocalMailApp,
  LocalPropertiesService,
  LocalScriptApp,
  LocalSession,
  LocalUrlFetchApp,
  LocalUtilities,
} from './services';

export interface RuntimeOptions {
  /** Spreadsheet locale, e.g. zh_CN or en_US. */
  readonly locale?: string;
  readonly timeZone?: string;
  /** The clock's start. */
  readonly now?: Date;
  readonly userEmail?: string;
  readonly spreadsheetName?: string;
  /** Rows of a newly inserted tab (Sheets: 1000). */
  readonly newSheetRows?: number;
}

export interface InvokeOptions {
  readonly authMode?: AuthModeName;
  readonly execution?: ExecutionKind;
}

/** Prepares the context's Date so `new Date()` and `Date.now()` read the runtime's clock. */
const CLOCK_SHIM = `(() => {
  const RealDate = Date;
  const clock = globalThis.__clockNow;
  delete globalThis.__clockNow;
  class ClockDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(clock()); else super(...args); }
    static now() { return clock(); }
  }
  Object.defineProperty(ClockDate, 'name', { value: 'Date' });
  globalThis.Date = ClockDate;
})();`;

export class LocalAppsScript {
  readonly kernel: Kernel;
  readonly context: vm.Context;
  readonly spreadsheet: LocalSpreadsheet;
  readonly spreadsheetApp: LocalSpreadsheetApp;
  readonly properties: LocalPropertiesService;
  readonly mail: LocalMailApp;
  readonly scriptApp: LocalScriptApp;
  readonly urlFetch: LocalUrlFetchApp;
  readonly session: LocalSession;
  readonly htmlFiles = new Map<string, string>();
  private loaded = false;

  constructor(options: RuntimeOptions = {}) {
    const timeZone = options.timeZone ?? 'Asia/Shanghai';
    this.context = vm.createContext(
      { console },
      { codeGeneration: { strings: false, wasm: false } },
    );
    const startTime = options.now ?? new Date();
    const realmError = vm.runInContext('Error', this.context) as ErrorConstructor;
    let clockRef: Kernel | undefined;
    this.context.__clockNow = () => clockRef?.now() ?? startTime.getTime();
    vm.runInContext(CLOCK_SHIM, this.context);
    const realmDate = vm.runInContext('Date', this.context) as DateConstructor;
    this.kernel = clockRef = new Kernel({ Date: realmDate, Error: realmError }, startTime);

    this.spreadsheet = new LocalSpreadsheet(
      this.kernel,
      'local-spreadsheet-1',
      options.spreadsheetName ?? 'Lead Tracker',
      options.locale ?? 'zh_CN',
      timeZone,
    );
    if (options.newSheetRows) this.spreadsheet._newSheetRows = options.newSheetRows;
    this.spreadsheetApp = new LocalSpreadsheetApp(this.kernel, [this.spreadsheet], 'Lead Tracker');
    this.properties = new LocalPropertiesService(this.kernel);
    this.mail = new LocalMailApp(this.kernel);
    this.scriptApp = new LocalScriptApp(this.kernel);
    this.urlFetch = new LocalUrlFetchApp(this.kernel);
    this.session = new LocalSession(
      this.kernel,
      options.userEmail ?? 'owner@example.com',
      options.locale ?? 'zh_CN',
      timeZone,
    );
    const globals: Record<string, unknown> = {
      SpreadsheetApp: this.spreadsheetApp._facade(),
      PropertiesService: this.properties._facade(),
      CacheService: new LocalCacheService(this.kernel)._facade(),
      LockService: new LocalLockService(this.kernel)._facade(),
      Session: this.session._facade(),
      Utilities: new LocalUtilities(this.kernel)._facade(),
      ScriptApp: this.scriptApp._facade(),
      MailApp: this.mail._facade(),
      HtmlService: new LocalHtmlService(this.kernel, this.htmlFiles)._facade(),
      UrlFetchApp: this.urlFetch._facade(),
      Logger: { log: () => undefined },
      Charts: { ChartType: CHART_TYPES },
    };
    Object.assign(this.context, globals);
  }

  /** Loads dist/ as clasp would push it: every .js file in order, and the .html files by name. */
  loadBundle(distDir: string): this {
    if (this.loaded) throw new Error('A bundle is already loaded in this runtime');
    const manifest = join(distDir, 'appsscript.json');
    if (!existsSync(manifest))
      throw new Error(`${distDir} has no appsscript.json: run npm run build first`);
    const code = readFileSync(join(distDir, 'Code.js'), 'utf8');
    vm.runInContext(code, this.context, { filename: 'Code.gs' });
    for (const name of ['Sidebar']) {
      const file = join(distDir, `${name}.html`);
      if (existsSync(file)) this.htmlFiles.set(name, readFileSync(file, 'utf8'));
    }
    this.loaded = true;
    return this;
  }

  /** Names of the top-level functions the loaded bundle declares (what Apps Script can call). */
  globalFunctions(): string[] {
    return Object.keys(this.context).filter(
      (name) =>
        typeof this.context[name] === 'function' && !/^[A-Z]/.test(name) && name !== 'console',
    );
  }

  /** Calls a global function of the bundle as one execution in the given mode. */
  invoke(functionName: string, args: unknown[] = [], options: InvokeOptions = {}): unknown {
    const fn = this.context[functionName] as ((...a: unknown[]) => unknown) | undefined;
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${functionName}`);
    this.kernel.beginExecution(options.authMode ?? 'FULL', options.execution ?? 'menu');
    try {
      return fn(...args);
    } finally {
      this.kernel.endExecution();
    }
  }

  /** Runs a snippet of Apps Script code as one execution (for probing the runtime's rules). */
  run(code: string, options: InvokeOptions = {}): unknown {
    this.kernel.beginExecution(options.authMode ?? 'FULL', options.execution ?? 'menu');
    try {
      return vm.runInContext(`(() => {\n${code}\n})()`, this.context);
    } finally {
      this.kernel.endExecution();
    }
  }

  /** Counts service calls made by `action`. */
  measure<T>(action: () => T): { result: T; calls: ServiceCall[] } {
    const mark = this.kernel.calls.length;
    const result = action();
    return { result, calls: this.kernel.callsSince(mark) };
  }

  static spreadsheetCalls(calls: readonly ServiceCall[]): ServiceCall[] {
    return calls.filter((c) => SPREADSHEET_SERVICES.has(c.service));
  }

  /** Calls that move cell contents (reads or writes of values) on one tab. */
  static dataCalls(calls: readonly ServiceCall[], sheet: string): ServiceCall[] {
    return calls.filter(
      (c) =>
        c.sheet === sheet &&
        /^(get|set)(Values|Value|DisplayValues|Formulas)$|^(appendRow|clearContent)$/.test(
          c.method,
        ),
    );
  }

  /** A tab's local object by name, for building and inspecting workbooks outside any execution. */
  sheet(name: string): LocalSheet {
    const sheet = this.spreadsheet._sheet(name);
    if (!sheet) throw new Error(`No tab named ${name}`);
    return sheet;
  }

  /** Adds a tab with the given rows, as a person typing or importing would (no calls counted). */
  addSheet(
    name: string,
    rows: readonly (readonly unknown[])[] = [],
    size?: { rows?: number; columns?: number },
  ): LocalSheet {
    const width = rows.reduce(
      (most, r) => Math.max(most, r.length),
      Math.max(26, size?.columns ?? 0),
    );
    const sheet = this.spreadsheet._addSheet(
      name,
      Math.max(1000, size?.rows ?? 0, rows.length + 1),
      width,
    );
    this.type(name, 1, 1, rows);
    return sheet;
  }

  /** Types values into a tab starting at a 1-based cell, parsed like typed input; no trigger fires. */
  type(name: string, row: number, column: number, rows: readonly (readonly unknown[])[]): void {
    const sheet = this.sheet(name);
    const data = sheet._data;
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
          storeWritten(value, text, (...wall) => sheet._offsetForWallTime(...wall)),
        );
      }),
    );
  }

  /**
   * A person edits (or pastes into) a tab, then the onEdit simple trigger runs as Google runs it:
   * AuthMode.LIMITED, and for more than one cell no `value` or `oldValue` in the event.
   */
  edit(name: string, row: number, column: number, rows: readonly (readonly unknown[])[]): void {
    const single = rows.length === 1 && rows[0].length === 1;
    const before = single
      ? readStored(this.sheet(name)._data.get(row - 1, column - 1), Date)
      : undefined;
    this.type(name, row, column, rows);
    this.fireEdit(
      name,
      row,
      column,
      rows.length,
      rows[0].length,
      single ? { value: rows[0][0], oldValue: before } : undefined,
    );
  }

  /** Fires onEdit for cells already typed; `single` carries a one-cell edit's new and old value. */
  fireEdit(
    name: string,
    row: number,
    column: number,
    numRows: number,
    numColumns: number,
    single?: { value: unknown; oldValue: unknown },
  ): void {
    const sheet = this.sheet(name);
    const range = new LocalRange(this.kernel, sheet, sheet._data, row, column, numRows, numColumns);
    const event: Record<string, unknown> = {
      authMode: 'LIMITED',
      range: range._facade(),
      source: this.spreadsheet._facade(),
      user: { getEmail: () => '' },
    };
    if (single) {
      event.value = String(single.value);
      if (single.oldValue !== '' && single.oldValue !== undefined)
        event.oldValue = String(single.oldValue);
    }
    if (typeof this.context.onEdit === 'function')
      this.invoke('onEdit', [event], { authMode: 'LIMITED', execution: 'simpleTrigger' });
  }

  /** A person clicks a cell: its tab becomes the active one. */
  select(name: string, row: number, column = 1): void {
    const sheet = this.sheet(name);
    this.spreadsheet._setActive(sheet);
    this.spreadsheet._selection = { sheet, row, column };
  }

  /** A tab's values as getValues would return them, up to its last row and column (host Dates). */
  values(name: string): unknown[][] {
    const data = this.sheet(name)._data;
    const rows: unknown[][] = [];
    const lastRow = data.lastRow();
    const lastColumn = data.lastColumn();
    for (let r = 0; r < lastRow; r++) {
      const line: unknown[] = [];
      for (let c = 0; c < lastColumn; c++) line.push(readStored(data.get(r, c), Date));
      rows.push(line);
    }
    return rows;
  }

  toasts(): readonly { message: string; title: string }[] {
    return this.spreadsheet._toasts;
  }
}
