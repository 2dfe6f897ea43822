// The heart of the local Apps Script runtime: counts every service call, enforces authorization
// modes and the document lock, injects faults, and keeps the clock.

import { MESSAGES } from './errors';

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';
/** Where the current execution came from: Google forbids some calls in some of them. */
export type ExecutionKind = 'menu' | 'simpleTrigger' | 'timeTrigger' | 'sidebar' | 'editor';

export interface ServiceCall {
  readonly service: string; // e.g. "Range"
  readonly method: string; // e.g. "getValues"
  readonly sheet?: string;
}

/** The constructors of the realm the bundle runs in, so values it receives pass its own checks. */
export interface Realm {
  readonly Date: DateConstructor;
  readonly Error: ErrorConstructor;
}

/** Methods that change a document; made outside the document lock they are recorded as unsafe. */
const WRITE_METHOD =
  /^(set|insert|delete|append|clear|add(?!Item|Separator|SubMenu|ToUi)|hide|show(?!Sidebar|ModalDialog)|auto|merge|sort|copy|move|remove|update)/;
/** The services Google counts as the Spreadsheet service. */
export const SPREADSHEET_SERVICES: ReadonlySet<string> = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
]);

const SCOPES: Record<string, string> = {
  MailApp: 'https://www.googleapis.com/auth/script.send_mail',
  UrlFetchApp: 'https://www.googleapis.com/auth/script.external_request',
  ScriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  Spreadsheet: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
};

/** What a simple trigger (AuthMode.LIMITED) may not call. */
function forbiddenInLimited(service: string, method: string): boolean {
  if (service === 'MailApp' || service === 'UrlFetchApp' || service === 'GmailApp') return true;
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
  readonly calls: ServiceCall[] = [];
  readonly unlockedWrites: ServiceCall[] = [];
  authMode: AuthModeName = 'FULL';
  execution: ExecutionKind = 'menu';
  /** Fail the k-th service call of the current execution (1-based); the execution then dies. */
  failAtCall: number | undefined;
  private callsThisExecution = 0;
  private dead = false;
  /** Held by this execution. */
  documentLockHeld = false;
  scriptLockHeld = false;
  /** Simulates another execution holding the document lock. */
  lockHeldElsewhere = false;
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
    this.dead = false;
  }

  /** Ends an execution: like Google, releases any lock it still holds. */
  endExecution(): void {
    this.documentLockHeld = false;
    this.scriptLockHeld = false;
    this.failAtCall = undefined;
    this.dead = false;
  }

  /** Called before every service method: records it and applies the platform's rules. */
  enter(call: ServiceCall): void {
    this.calls.push(call);
    this.callsThisExecution++;
    if (this.dead) throw this.error('Exception: the execution was stopped by an earlier failure.');
    if (this.failAtCall !== undefined && this.callsThisExecution === this.failAtCall) {
      this.dead = true;
      throw this.error(MESSAGES.serviceFailed('local'));
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
    if (
      SPREADSHEET_SERVICES.has(call.service) &&
      WRITE_METHOD.test(call.method) &&
      !this.documentLockHeld
    ) {
      this.unlockedWrites.push(call);
    }
  }

  /** Service calls since `mark` (an index into calls), optionally only those on one sheet. */
  callsSince(mark: number, filter: (call: ServiceCall) => boolean = () => true): ServiceCall[] {
    return this.calls.slice(mark).filter(filter);
  }
}
