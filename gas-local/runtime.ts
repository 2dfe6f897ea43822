// The local Apps Script runtime: loads the built bundle from dist/ into a fresh V8 context holding
// only Apps Script's globals (no require, module or process), and runs its functions as Google would:
// each execution as one user, with one spreadsheet active or none.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { type AccountOptions, Accounts } from './accounts';
import { type AdvancedServicesManifest, advancedServiceGlobals, openerFor } from './advancedSheets';
import { CHART_TYPES } from './charts';
import { LocalContentService, LocalTextOutput } from './content';
import { unwrap } from './facade';
import { type FormResponse, formResponseRow } from './formSubmit';
import { SpreadsheetHandle } from './handle';
import {
  type AuthModeName,
  type CallRecord,
  type ExecutionKind,
  Kernel,
  type ServiceCall,
  SPREADSHEET_SERVICES,
} from './kernel';
import { LocalMailApp } from './mail';
import { LocalRange } from './range';
import { People } from './people';
import { LocalPropertiesService } from './properties';
import { ExecutionScope } from './scope';
import {
  LocalCacheService,
  LocalHtmlOutput,
  LocalHtmlService,
  LocalLockService,
  LocalUrlFetchApp,
  LocalUtilities,
} from './services';
import { LocalSession } from './session';
import type { LocalSheet } from './sheet';
import type { LocalSpreadsheet, Toast } from './spreadsheet';
import { LocalSpreadsheetApp } from './spreadsheetApp';
import { timeDrivenEvent } from './timeEvent';
import { LocalScriptApp, type LocalTrigger, TriggerTable } from './triggers';
import { type WebPost, webPostEvent } from './webApp';
import { Workbooks } from './workbooks';

export interface RuntimeOptions {
  /** Spreadsheet locale, e.g. zh_CN or en_US. */
  readonly locale?: string;
  readonly timeZone?: string;
  /** The clock's start. */
  readonly now?: Date;
  /** The default user: owner of the first spreadsheet and who runs executions unless told. */
  readonly userEmail?: string;
  /** Whether the default user has a Workspace account (larger mail limits) rather than a consumer one. */
  readonly workspace?: boolean;
  readonly spreadsheetName?: string;
  /** Rows of a newly inserted tab (Sheets: 1000). */
  readonly newSheetRows?: number;
  /**
   * Leaves out the advanced services the manifest enables, as for code pasted into a script by
   * hand, whose own manifest enables none: their globals are then undefined.
   */
  readonly withoutAdvancedServices?: boolean;
  /**
   * Methods to leave out (`'Sheet.getRangeList'`, `'Range.createTextFinder'`), as an environment
   * that emulates Apps Script without them would: the script sees them as undefined.
   */
  readonly withoutMethods?: readonly string[];
  /** Credits every call with the CPU time the runtime spends on it (`serviceCpuMicros`). */
  readonly timeServiceCalls?: boolean;
}

/** A spreadsheet by ID, by handle or as the local object. */
export type SpreadsheetRef = string | SpreadsheetHandle | LocalSpreadsheet;

export interface InvokeOptions {
  readonly authMode?: AuthModeName;
  readonly execution?: ExecutionKind;
  /** Who runs it (default: the default user). */
  readonly user?: string;
  /** The active spreadsheet, or null for none (default: the first one). */
  readonly spreadsheet?: SpreadsheetRef | null;
}

export interface NewSpreadsheet {
  readonly name?: string;
  readonly locale?: string;
  readonly timeZone?: string;
  /** Default: the default user. */
  readonly owner?: string;
  readonly editors?: readonly string[];
  readonly viewers?: readonly string[];
  readonly id?: string;
}

export interface TimeTriggerOptions {
  /**
   * Whether the run finds the trigger's spreadsheet active. Default false: an add-on's time-driven
   * run has no active document; bound scripts are reported to have one.
   */
  readonly activeSpreadsheet?: boolean;
}

/** What a web app served for one request. */
export interface WebResponse {
  readonly content: string;
  /** A ContentService MimeType name (`JSON`, `TEXT`…), or `HTML` for an HtmlOutput. */
  readonly mimeType: string;
}

/** A response submitted to a form whose responses land in a spreadsheet of the runtime. */
export interface FormSubmission extends FormResponse {
  /** Default: the first spreadsheet. */
  readonly spreadsheet?: SpreadsheetRef;
}

/** Bytes held by each property store: all stores together are what a spreadsheet's use costs. */
export interface PropertyBytes {
  readonly script: number;
  readonly user: Readonly<Record<string, number>>;
  readonly document: Readonly<Record<string, number>>;
  readonly total: number;
}

/**
 * Prepares the context's Date so `new Date()` and `Date.now()` read the runtime's clock. The class
 * is named Date by its own expression: renaming it afterwards (defineProperty of `name`) made
 * every `new Date(ms)` four times slower than Google's own Date.
 */
const CLOCK_SHIM = `(() => {
  const RealDate = Date;
  const clock = globalThis.__clockNow;
  delete globalThis.__clockNow;
  globalThis.Date = class Date extends RealDate {
    // One argument (an instant) is by far the commonest: passed straight on, with no array
    // built for it.
    constructor(value) {
      if (arguments.length === 0) super(clock());
      else if (arguments.length === 1) super(value);
      else super(...arguments);
    }
    static now() { return clock(); }
  };
})();`;

/** Bundles read so far, by file: many runtimes load the same one. */
const bundles = new Map<string, { readonly version: string; readonly code: string }>();

/** The bundle's code at `file`, read again only when the file changed. */
function bundleCode(file: string): string {
  const { mtimeMs, size } = statSync(file);
  const version = `${mtimeMs}:${size}`;
  const known = bundles.get(file);
  if (known?.version === version) return known.code;
  const code = readFileSync(file, 'utf8');
  bundles.set(file, { version, code });
  return code;
}

/**
 * The standard built-ins, which the bundle looks up by name all the time (Date, Math, String…).
 * Node's contexts answer every lookup on their global object through an interceptor, about 15
 * times slower than V8 answers it on Google; bound once as top-level constants, they resolve as
 * fast as there. The global object keeps them too, and top-level functions stay globals.
 */
const BUILT_INS = (
  'Object Function Array Number Boolean String Symbol BigInt Date RegExp Promise Proxy ' +
  'Reflect JSON Math Intl Map Set WeakMap WeakSet WeakRef ArrayBuffer DataView Uint8Array ' +
  'Uint16Array Uint32Array Int8Array Int16Array Int32Array Float32Array Float64Array ' +
  'Uint8ClampedArray Error TypeError RangeError SyntaxError ReferenceError EvalError ' +
  'URIError parseInt parseFloat isNaN isFinite encodeURIComponent decodeURIComponent ' +
  'encodeURI decodeURI'
).split(' ');
const BUILT_IN_BINDINGS = BUILT_INS.map((name) => `const ${name} = globalThis.${name};`).join('\n');

export class LocalAppsScript {
  readonly kernel: Kernel;
  readonly context: vm.Context;
  readonly scope: ExecutionScope;
  readonly accounts = new Accounts();
  readonly workbooks: Workbooks;
  /** The first spreadsheet, owned by the default user. */
  readonly spreadsheet: LocalSpreadsheet;
  readonly spreadsheetApp: LocalSpreadsheetApp;
  readonly properties: LocalPropertiesService;
  readonly mail: LocalMailApp;
  readonly scriptApp: LocalScriptApp;
  readonly triggers: TriggerTable;
  readonly urlFetch: LocalUrlFetchApp;
  readonly session: LocalSession;
  /** People editing the first spreadsheet between a script's service calls. */
  readonly people: People;
  readonly htmlFiles = new Map<string, string>();
  private readonly main: SpreadsheetHandle;
  private loaded = false;
  private readonly advancedServices: boolean;

  constructor(options: RuntimeOptions = {}) {
    const timeZone = options.timeZone ?? 'Asia/Shanghai';
    const locale = options.locale ?? 'zh_CN';
    this.advancedServices = !options.withoutAdvancedServices;
    const user = options.userEmail ?? 'owner@example.com';
    this.context = vm.createContext(
      { console },
      { codeGeneration: { strings: false, wasm: false } },
    );
    const startTime = options.now ?? new Date();
    const realmError = vm.runInContext('Error', this.context) as ErrorConstructor;
    let clockRef: Kernel | undefined;
    this.context.__clockNow = () => clockRef?.now() ?? startTime.getTime();
    vm.runInContext(CLOCK_SHIM, this.context);
    vm.runInContext(BUILT_IN_BINDINGS, this.context);
    const realmDate = vm.runInContext('Date', this.context) as DateConstructor;
    this.kernel = clockRef = new Kernel({ Date: realmDate, Error: realmError }, startTime);
    this.kernel.absentMethods = new Set(options.withoutMethods ?? []);
    this.kernel.timesServiceCalls = options.timeServiceCalls ?? false;

    this.accounts.add(user, { workspace: options.workspace ?? false });
    this.workbooks = new Workbooks(this.kernel);
    this.spreadsheet = this.workbooks.add({
      name: options.spreadsheetName ?? 'Lead Tracker',
      locale,
      timeZone,
      owner: user,
    });
    if (options.newSheetRows) this.spreadsheet._newSheetRows = options.newSheetRows;
    this.main = this.handle(this.spreadsheet);
    this.scope = new ExecutionScope(user, () => this.spreadsheet);
    this.spreadsheetApp = new LocalSpreadsheetApp(
      this.kernel,
      this.scope,
      this.workbooks,
      'Lead Tracker',
    );
    this.properties = new LocalPropertiesService(this.kernel, this.scope, () => this.spreadsheet);
    this.mail = new LocalMailApp(this.kernel, this.scope, this.accounts);
    this.triggers = new TriggerTable(this.scope);
    this.scriptApp = new LocalScriptApp(this.kernel, this.triggers);
    this.urlFetch = new LocalUrlFetchApp(this.kernel);
    this.session = new LocalSession(this.kernel, this.scope, this.accounts, locale, timeZone);
    this.people = new People(this.kernel, (name) => this.sheet(name));
    const globals: Record<string, unknown> = {
      SpreadsheetApp: this.spreadsheetApp._facade(),
      PropertiesService: this.properties._facade(),
      CacheService: new LocalCacheService(this.kernel, this.scope)._facade(),
      LockService: new LocalLockService(this.kernel, this.scope)._facade(),
      Session: this.session._facade(),
      Utilities: new LocalUtilities(this.kernel)._facade(),
      ScriptApp: this.scriptApp._facade(),
      MailApp: this.mail._facade(),
      HtmlService: new LocalHtmlService(this.kernel, this.htmlFiles)._facade(),
      UrlFetchApp: this.urlFetch._facade(),
      Logger: { log: () => undefined },
      Charts: { ChartType: CHART_TYPES },
      ContentService: new LocalContentService(this.kernel)._facade(),
    };
    Object.assign(this.context, globals);
  }

  /** Loads dist/ as clasp would push it: every .js file in order, and the .html files by name. */
  loadBundle(distDir: string): this {
    if (this.loaded) throw new Error('A bundle is already loaded in this runtime');
    const manifestFile = join(distDir, 'appsscript.json');
    if (!existsSync(manifestFile))
      throw new Error(`${distDir} has no appsscript.json: run npm run build first`);
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as AdvancedServicesManifest & {
      oauthScopes?: unknown;
    };
    // Explicit scopes replace the ones Google would infer, so what they leave out is not granted.
    if (Array.isArray(manifest.oauthScopes))
      this.session._oauthScopes = manifest.oauthScopes.map(String);
    const open = openerFor(
      (id) => this.workbooks.find(id),
      () => this.scope.user,
    );
    if (this.advancedServices)
      Object.assign(this.context, advancedServiceGlobals(manifest, this.kernel, open));
    // Compiled in each context: a script compiled once and run in many keeps every context alive.
    vm.runInContext(bundleCode(join(distDir, 'Code.js')), this.context, { filename: 'Code.gs' });
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

  /** Calls a global function of the bundle as one execution, as the given user in the given mode. */
  invoke(functionName: string, args: unknown[] = [], options: InvokeOptions = {}): unknown {
    const fn = this.context[functionName] as ((...a: unknown[]) => unknown) | undefined;
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${functionName}`);
    return this.execute(options, () => fn(...args));
  }

  /** Runs a snippet of Apps Script code as one execution (for probing the runtime's rules). */
  run(code: string, options: InvokeOptions = {}): unknown {
    return this.execute(options, () => vm.runInContext(`(() => {\n${code}\n})()`, this.context));
  }

  /** The same runtime seen by another user: what they invoke runs as them. */
  as(user: string): {
    invoke: (fn: string, args?: unknown[], options?: InvokeOptions) => unknown;
    run: (code: string, options?: InvokeOptions) => unknown;
  } {
    return {
      invoke: (fn, args = [], options = {}) => this.invoke(fn, args, { ...options, user }),
      run: (code, options = {}) => this.run(code, { ...options, user }),
    };
  }

  private execute<T>(options: InvokeOptions, body: () => T): T {
    const user = options.user ?? this.scope.defaultUser;
    const execution = options.execution ?? 'menu';
    const active = this.activeFor(options, execution);
    if (active && execution !== 'timeTrigger' && !active._access.canOpen(user))
      throw new Error(`${user} cannot open spreadsheet ${active.getId()}: share it first`);
    return this.scope.within(user, active, () => {
      this.kernel.beginExecution(options.authMode ?? 'FULL', execution);
      try {
        return body();
      } finally {
        this.kernel.endExecution();
      }
    });
  }

  private activeFor(options: InvokeOptions, execution: ExecutionKind): LocalSpreadsheet | null {
    if (options.spreadsheet === null) return null;
    if (options.spreadsheet !== undefined) return this.resolve(options.spreadsheet);
    if (execution === 'timeTrigger' && !this.spreadsheetApp._activeInTriggers) return null;
    return this.spreadsheet;
  }

  private resolve(ref: SpreadsheetRef): LocalSpreadsheet {
    if (ref instanceof SpreadsheetHandle) return ref.spreadsheet;
    if (typeof ref !== 'string') return ref;
    const found = this.workbooks.find(ref);
    if (!found) throw new Error(`No spreadsheet with ID ${ref}`);
    return found;
  }

  /** A registered user with their account kind, and whether Google shows scripts their address. */
  addUser(email: string, options: AccountOptions = {}): this {
    this.accounts.add(email, options);
    return this;
  }

  /** Another spreadsheet using the same script, with its own tabs and document properties. */
  addSpreadsheet(options: NewSpreadsheet = {}): SpreadsheetHandle {
    const spreadsheet = this.workbooks.add({
      id: options.id,
      name: options.name ?? 'Lead Tracker',
      locale: options.locale ?? this.spreadsheet._locale,
      timeZone: options.timeZone ?? this.spreadsheet._zone,
      owner: options.owner ?? this.scope.defaultUser,
    });
    spreadsheet._newSheetRows = this.spreadsheet._newSheetRows;
    for (const email of options.editors ?? []) spreadsheet._access.addEditor(email);
    for (const email of options.viewers ?? []) spreadsheet._access.addViewer(email);
    return this.handle(spreadsheet);
  }

  /** A handle on any spreadsheet the runtime holds. */
  handle(ref: SpreadsheetRef): SpreadsheetHandle {
    if (ref instanceof SpreadsheetHandle) return ref;
    return new SpreadsheetHandle(this.kernel, this.resolve(ref), (spreadsheet, event) => {
      if (typeof this.context.onEdit === 'function')
        this.invoke('onEdit', [event], {
          authMode: 'LIMITED',
          execution: 'simpleTrigger',
          spreadsheet,
        });
    });
  }

  /** The owner deletes (or trashes) a spreadsheet: from now on nobody can open it. */
  deleteSpreadsheet(ref: SpreadsheetRef): void {
    this.resolve(ref)._access.deleted = true;
  }

  /** Every user's triggers (ScriptApp shows each user only their own). */
  allTriggers(): readonly LocalTrigger[] {
    return [...this.triggers.all];
  }

  /**
   * A time-driven trigger fires: its handler runs as the user who created it, in AuthMode.FULL, with
   * Google's time-driven event object and, unless told otherwise, no active spreadsheet.
   */
  fireTimeTrigger(triggerUid: string, options: TimeTriggerOptions = {}): unknown {
    const trigger = this.triggers.all.find((t) => t.id === triggerUid);
    if (!trigger) throw new Error(`No trigger with ID ${triggerUid}`);
    const home = trigger.spreadsheetId
      ? this.workbooks.find(trigger.spreadsheetId)
      : this.spreadsheet;
    const active = options.activeSpreadsheet && home && !home._access.deleted ? home : null;
    return this.invoke(trigger.handler, [timeDrivenEvent(trigger.id, this.kernel.now())], {
      authMode: 'FULL',
      execution: 'timeTrigger',
      user: this.triggers.ownerOf(trigger),
      spreadsheet: active,
    });
  }

  /**
   * Someone posts to the deployed web app: doPost runs with Google's event (see webApp.ts) as the
   * deploying user (execute as: me), in AuthMode.FULL, with no active spreadsheet. Returns what
   * it served; like Google, a doPost that returns neither a TextOutput nor an HtmlOutput fails.
   */
  post(request: WebPost = {}): WebResponse {
    const result = unwrap(
      this.invoke('doPost', [webPostEvent(request)], {
        authMode: 'FULL',
        execution: 'webApp',
        user: request.user,
        spreadsheet: null,
      }),
    );
    if (result instanceof LocalTextOutput) return result._served();
    if (result instanceof LocalHtmlOutput) return { content: result._html(), mimeType: 'HTML' };
    throw new Error('The script completed but did not return anything.');
  }

  /**
   * A form response lands in its tab (Google writes the row, a new column per new question) and
   * each form-submit trigger of that spreadsheet runs, as its creator, in AuthMode.FULL with the
   * spreadsheet active and the event { authMode, namedValues, values, range, triggerUid }.
   * Returns the response's row and each handler's result.
   */
  submitForm(response: FormSubmission): { row: number; results: unknown[] } {
    const spreadsheet = this.resolve(response.spreadsheet ?? this.spreadsheet);
    const handle = this.handle(spreadsheet);
    const sheet = spreadsheet._sheet(response.sheet) ?? handle.addSheet(response.sheet);
    const [first = []] = handle.values(response.sheet);
    const header = first.map(String).filter((title, i, all) => title !== '' || i < all.length - 1);
    const built = formResponseRow(
      header.filter((title) => title !== ''),
      response,
      this.kernel.now(),
      spreadsheet._zone,
    );
    if (built.header.length !== header.length) sheet._type(1, 1, [built.header]);
    const row = Math.max(sheet._data.lastRow(), 1) + 1;
    sheet._type(row, 1, [built.row]);
    const range = new LocalRange(this.kernel, sheet, sheet._data, row, 1, 1, built.header.length);
    const triggers = this.triggers.all.filter(
      (t) => t.eventType === 'ON_FORM_SUBMIT' && t.spreadsheetId === spreadsheet.getId(),
    );
    const results = triggers.map((trigger) =>
      this.invoke(
        trigger.handler,
        [
          {
            authMode: 'FULL',
            namedValues: built.namedValues,
            values: built.values,
            range: range._facade(),
            triggerUid: trigger.id,
          },
        ],
        {
          authMode: 'FULL',
          execution: 'spreadsheetTrigger',
          user: this.triggers.ownerOf(trigger),
          spreadsheet,
        },
      ),
    );
    return { row, results };
  }

  /** Bytes each property store holds (keys and values, UTF-8), and all of them together. */
  propertyBytes(): PropertyBytes {
    const user: Record<string, number> = {};
    for (const [email, store] of this.properties._userStores()) user[email] = store._bytes();
    const document: Record<string, number> = {};
    for (const spreadsheet of this.workbooks.live())
      document[spreadsheet.getId()] = spreadsheet._documentProperties._bytes();
    const script = this.properties._script._bytes();
    const sum = (values: Record<string, number>) =>
      Object.values(values).reduce((a, b) => a + b, 0);
    return { script, user, document, total: script + sum(user) + sum(document) };
  }

  /** Counts service calls made by `action`. */
  measure<T>(action: () => T): { result: T; calls: CallRecord[] } {
    const mark = this.kernel.calls.length;
    const result = action();
    return { result, calls: this.kernel.callsSince(mark) };
  }

  static spreadsheetCalls(calls: readonly ServiceCall[]): ServiceCall[] {
    return calls.filter((c) => SPREADSHEET_SERVICES.has(c.service));
  }

  /** Calls that move cell contents (reads or writes of values) on one tab. */
  static dataCalls<T extends ServiceCall>(calls: readonly T[], sheet: string): T[] {
    return calls.filter(
      (c) =>
        c.sheet === sheet &&
        /^(get|set)(Values|Value|DisplayValues|Formulas)$|^(appendRow|clearContent)$/.test(
          c.method,
        ),
    );
  }

  // The first spreadsheet's tabs, as most tests need only one spreadsheet.

  sheet(name: string): LocalSheet {
    return this.main.sheet(name);
  }
  addSheet(
    name: string,
    rows: readonly (readonly unknown[])[] = [],
    size?: { rows?: number; columns?: number },
  ): LocalSheet {
    return this.main.addSheet(name, rows, size);
  }
  type(name: string, row: number, column: number, rows: readonly (readonly unknown[])[]): void {
    this.main.type(name, row, column, rows);
  }
  edit(name: string, row: number, column: number, rows: readonly (readonly unknown[])[]): void {
    this.main.edit(name, row, column, rows);
  }
  fireEdit(
    name: string,
    row: number,
    column: number,
    numRows: number,
    numColumns: number,
    single?: { value: unknown; oldValue: unknown },
  ): void {
    this.main.fireEdit(name, row, column, numRows, numColumns, single);
  }
  select(name: string, row: number, column = 1): void {
    this.main.select(name, row, column);
  }
  values(name: string): unknown[][] {
    return this.main.values(name);
  }
  toasts(): readonly Toast[] {
    return this.main.toasts();
  }
}
