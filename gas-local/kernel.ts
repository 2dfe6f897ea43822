// The heart of the local Apps Script runtime: counts every service call, enforces authorization
// modes and the document lock, injects faults, and keeps the clock.

import { MESSAGES } from './errors';
import { API_MESSAGES } from './sheetsMessages';

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';
/** Where the current execution came from: Google forbids some calls in some of them. */
export type ExecutionKind =
  | 'menu'
  | 'simpleTrigger'
  | 'timeTrigger'
  | 'sidebar'
  | 'editor'
  /** doPost or doGet of a deployed web app. */
  | 'webApp'
  /** An installable spreadsheet trigger (form submit, installable edit or change). */
  | 'spreadsheetTrigger';

export interface ServiceCall {
  readonly service: string; // e.g. "Range", or "Sheets" for the advanced service
  readonly method: string; // e.g. "getValues", or "Spreadsheets.Values.batchUpdate"
  readonly sheet?: string;
}

/** A service call as the kernel records it: where it fell in its execution and what it moved. */
export interface CallRecord extends ServiceCall {
  /** 1-based position among the execution's service calls. */
  readonly index: number;
  /** 1-based position among the execution's data calls (see isDataCall); absent for others. */
  readonly dataIndex?: number;
  /** Cells the call read and wrote, so benchmarks can report traffic per operation. */
  cellsRead: number;
  cellsWritten: number;
  /**
   * CPU time (µs) this runtime spent carrying the call out: on Google that is the server's work,
   * not the script's, so benchmarks can tell the script's own CPU time apart.
   */
  serviceCpuMicros: number;
}

/** The constructors of the realm the bundle runs in, so values it receives pass its own checks. */
export interface Realm {
  readonly Date: DateConstructor;
  readonly Error: ErrorConstructor;
}

/** Methods that change a document; made outside the document lock they are recorded as unsafe. */
const WRITE_METHOD =
  /^(set|insert|delete|append|clear|add(?!Item|Separator|SubMenu|ToUi)|hide|show(?!Sidebar|ModalDialog)|auto|merge|sort|copy|move|remove|update)/;
/** Advanced-service methods that change a document. */
const API_WRITE_METHOD = /\.(batchUpdate|append|update|clear|batchClear)$/;

/**
 * Calls that read or write cell values, rows or sheet structure: the moments between which a
 * person's edit changes what the script sees. Every Sheets advanced-service call is one.
 */
const DATA_METHODS: Readonly<Record<string, RegExp>> = {
  Range:
    /^(getValues?|getDisplayValues?|getFormulas?|setValues?|setFormulas?|clear|clearContent|sort)$/,
  RangeList: /^(setValue|clear|clearContent)$/,
  Sheet:
    /^(appendRow|clear|clearContents|insert(Row|Column)s?(After|Before)?|delete(Row|Column)s?|sort|getLastRow|getLastColumn|getDataRange)$/,
  Sheets: /^/,
  TextFinder: /^(findAll|findNext|findPrevious)$/,
};

export function isDataCall(service: string, method: string): boolean {
  return DATA_METHODS[service]?.test(method) ?? false;
}

/** 'Spreadsheets.Values.append' → 'sheets.spreadsheets.values.append', as Google names it in errors. */
export function restMethod(method: string): string {
  return `sheets.${method
    .split('.')
    .map((part, i, all) => (i < all.length - 1 ? part.toLowerCase() : part))
    .join('.')}`;
}

/** The services Google counts as the Spreadsheet service. */
export const SPREADSHEET_SERVICES: ReadonlySet<string> = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'RangeList',
]);

const SCOPES: Record<string, string> = {
  MailApp: 'https://www.googleapis.com/auth/script.send_mail',
  UrlFetchApp: 'https://www.googleapis.com/auth/script.external_request',
  ScriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  Spreadsheet: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  Sheets: 'https://www.googleapis.com/auth/spreadsheets',
};

/** What a simple trigger (AuthMode.LIMITED) may not call. */
function forbiddenInLimited(service: string, method: string): boolean {
  if (service === 'MailApp' || service === 'UrlFetchApp' || service === 'GmailApp') return true;
  // Advanced services always need the user's OAuth grant, which simple triggers never have.
  if (service === 'Sheets') return true;
  if (service === 'ScriptApp')
    return /^(newTrigger|getProjectTriggers|getUserTriggers|deleteTrigger)$/.test(method);
  return service === 'SpreadsheetApp' && /^(openById|openByUrl|create)$/.test(method);
}

/** What AuthMode.NONE allows: building the add-on menu, and little else. */
function allowedInNone(service: string, method: string): boolean {
  if (service === 'Ui' || service === 'Menu') return true;
  if (service === 'SpreadsheetApp') return method === 'getUi';
  if (service === 'ScriptApp') return method === 'getScriptId';
  if (service === 'Session')
    return method === 'getActiveUserLocale' || method === 'getScriptTimeZone';
  return false;
}

export class Kernel {
  readonly calls: CallRecord[] = [];
  readonly unlockedWrites: CallRecord[] = [];
  authMode: AuthModeName = 'FULL';
  execution: ExecutionKind = 'menu';
  /** Fail the k-th service call of the current execution (1-based); the execution then dies. */
  failAtCall: number | undefined;
  private callsThisExecution = 0;
  private dataCallsThisExecution = 0;
  private dead = false;
  /** Between beginExecution and endExecution: only then do people act before calls. */
  executing = false;
  /** The call being carried out, which the local services credit with the cells they move. */
  private current: CallRecord | undefined;
  /**
   * Runs before each call of an execution is carried out, with its record: the people who edit
   * the spreadsheet while a script runs (people.ts) act here.
   */
  beforeCall: ((call: CallRecord) => void) | undefined;
  /** Runs when an execution ends, after its locks are released. */
  afterExecution: (() => void) | undefined;
  /** Held by this execution. */
  documentLockHeld = false;
  scriptLockHeld = false;
  /** Simulates another execution holding the document lock. */
  lockHeldElsewhere = false;
  /**
   * Methods (`Sheet.getRangeList`) left out, as an environment that emulates Apps Script without
   * them would: scripts see them as undefined.
   */
  absentMethods: ReadonlySet<string> = new Set();
  private nowMs: number;

  constructor(
    readonly realm: Realm,
    startTime: Date,
  ) {
    this.nowMs = startTime.getTime();
  }

  now(): number {
    return this.nowMs;
  }

  setNow(time: Date | number): void {
    this.nowMs = typeof time === 'number' ? time : time.getTime();
  }

  advance(ms: number): void {
    this.nowMs += ms;
  }

  /** An Error of the bundle's realm, named like Apps Script's. */
  error(message: string): Error {
    const error = new this.realm.Error(message);
    error.name = 'Exception';
    return error;
  }

  beginExecution(authMode: AuthModeName, execution: ExecutionKind): void {
    this.authMode = authMode;
    this.execution = execution;
    this.callsThisExecution = 0;
    this.dataCallsThisExecution = 0;
    this.dead = false;
    this.executing = true;
  }

  /** Ends an execution: like Google, releases any lock it still holds. */
  endExecution(): void {
    this.documentLockHeld = false;
    this.scriptLockHeld = false;
    this.failAtCall = undefined;
    this.dead = false;
    this.executing = false;
    this.current = undefined;
    this.afterExecution?.();
  }

  /** Credits the call being carried out with the cells it read and wrote. */
  /**
   * The tab an advanced-service call works on, once its ranges are read: the Sheets service names
   * tabs inside its request, so per-tab counts learn it here. A call on several tabs names none.
   */
  noteSheet(name: string): void {
    if (!this.current) return;
    const record = this.current as { sheet?: string; sheets?: Set<string> };
    record.sheets ??= new Set();
    record.sheets.add(name);
    record.sheet = record.sheets.size === 1 ? name : undefined;
    Object.defineProperty(record, 'sheets', { enumerable: false });
  }

  noteCells(read: number, written: number): void {
    if (!this.current) return;
    this.current.cellsRead += read;
    this.current.cellsWritten += written;
  }

  /**
   * Whether each call is credited with the CPU time the runtime spends carrying it out (the
   * benchmark's split of script and runtime time): asking the process is a system call, so tests,
   * which make millions of calls, leave it off.
   */
  timesServiceCalls = false;

  /** Carries out the work of the call just entered, crediting it with the CPU time it takes. */
  serve<T>(work: () => T): T {
    const record = this.current;
    if (!this.timesServiceCalls) return work();
    const start = process.cpuUsage();
    try {
      return work();
    } finally {
      if (record) {
        const spent = process.cpuUsage(start);
        record.serviceCpuMicros += spent.user + spent.system;
      }
    }
  }

  /** An advanced-service error as Apps Script throws it (GoogleJsonResponseException). */
  apiError(method: string, message: string): Error {
    const error = this.error(`API call to ${restMethod(method)} failed with error: ${message}`);
    error.name = 'GoogleJsonResponseException';
    return error;
  }

  /** Called before every service method: records it and applies the platform's rules. */
  enter(call: ServiceCall): void {
    this.callsThisExecution++;
    const data = isDataCall(call.service, call.method);
    if (data) this.dataCallsThisExecution++;
    const record: CallRecord = {
      ...call,
      index: this.callsThisExecution,
      ...(data ? { dataIndex: this.dataCallsThisExecution } : {}),
      cellsRead: 0,
      cellsWritten: 0,
      serviceCpuMicros: 0,
    };
    this.calls.push(record);
    this.current = undefined;
    // People act on the document directly: nothing they do is counted or credited to the call.
    if (this.executing) this.beforeCall?.(record);
    this.current = record;
    if (this.dead) throw this.error('Exception: the execution was stopped by an earlier failure.');
    if (this.failAtCall !== undefined && this.callsThisExecution === this.failAtCall) {
      this.dead = true;
      throw call.service === 'Sheets'
        ? this.apiError(call.method, API_MESSAGES.internal)
        : this.error(MESSAGES.serviceFailed('local'));
    }
    const qualified = `${call.service}.${call.method}`;
    if (this.authMode === 'NONE' && !allowedInNone(call.service, call.method)) {
      const service = SPREADSHEET_SERVICES.has(call.service) ? 'Spreadsheet' : call.service;
      throw this.error(
        MESSAGES.noPermission(
          qualified,
          SCOPES[service] ?? 'https://www.googleapis.com/auth/script.container.ui',
        ),
      );
    }
    if (this.authMode === 'LIMITED' && forbiddenInLimited(call.service, call.method)) {
      throw this.error(
        MESSAGES.noPermission(
          qualified,
          SCOPES[call.service] ?? 'https://www.googleapis.com/auth/spreadsheets',
        ),
      );
    }
    const writes =
      (SPREADSHEET_SERVICES.has(call.service) && WRITE_METHOD.test(call.method)) ||
      (call.service === 'Sheets' && API_WRITE_METHOD.test(call.method));
    if (writes && !this.documentLockHeld) this.unlockedWrites.push(record);
  }

  /** Service calls since `mark` (an index into calls), optionally only those on one sheet. */
  callsSince(mark: number, filter: (call: CallRecord) => boolean = () => true): CallRecord[] {
    return this.calls.slice(mark).filter(filter);
  }
}
