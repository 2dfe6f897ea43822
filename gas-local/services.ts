// The non-spreadsheet services: Properties, Cache, Lock, Session, Utilities, ScriptApp, MailApp,
// HtmlService and UrlFetchApp, each holding what a test needs to inspect.

import { createHmac } from 'node:crypto';
import { MESSAGES } from './errors';
import { ServiceObject } from './facade';
import type { Implements } from './implements';
import type { Kernel } from './kernel';
import { formatDate } from './zone';

export class LocalProperties
  extends ServiceObject
  implements
    Implements<
      GoogleAppsScript.Properties.Properties,
      'getProperty' | 'setProperty' | 'getProperties' | 'setProperties' | 'deleteProperty'
    >
{
  readonly _store = new Map<string, string>();
  constructor(kernel: Kernel) {
    super(kernel, 'Properties');
  }
  getProperty(key: string): string | null {
    return this._store.get(key) ?? null;
  }
  setProperty(key: string, value: string): LocalProperties {
    const text = String(value);
    // Google: 9 KB per value (docs/apps-script-behaviour.md).
    if (Buffer.byteLength(text, 'utf8') > 9 * 1024)
      throw this.kernel.error(MESSAGES.propertyTooLarge);
    this._store.set(key, text);
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this._store);
  }
  setProperties(properties: Record<string, string>): LocalProperties {
    for (const [key, value] of Object.entries(properties)) this.setProperty(key, value);
    return this;
  }
  deleteProperty(key: string): LocalProperties {
    this._store.delete(key);
    return this;
  }
}

export class LocalPropertiesService
  extends ServiceObject
  implements
    Implements<
      GoogleAppsScript.Properties.PropertiesService,
      'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties'
    >
{
  readonly _document: LocalProperties;
  readonly _script: LocalProperties;
  readonly _user: LocalProperties;
  constructor(kernel: Kernel) {
    super(kernel, 'PropertiesService');
    this._document = new LocalProperties(kernel);
    this._script = new LocalProperties(kernel);
    this._user = new LocalProperties(kernel);
  }
  getDocumentProperties(): LocalProperties {
    return this._document;
  }
  getScriptProperties(): LocalProperties {
    return this._script;
  }
  getUserProperties(): LocalProperties {
    return this._user;
  }
}

export class LocalCache
  extends ServiceObject
  implements Implements<GoogleAppsScript.Cache.Cache, 'get' | 'put' | 'remove'>
{
  private readonly entries = new Map<string, { value: string; expires: number }>();
  constructor(kernel: Kernel) {
    super(kernel, 'Cache');
  }
  get(key: string): string | null {
    const entry = this.entries.get(key);
    if (!entry || entry.expires <= this.kernel.now()) return null;
    return entry.value;
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    if (key.length > 250) throw this.kernel.error('Argument too large: key');
    if (value.length > 100 * 1024) throw this.kernel.error('Argument too large: value');
    const seconds = Math.min(expirationInSeconds ?? 600, 21600);
    this.entries.set(key, { value, expires: this.kernel.now() + seconds * 1000 });
  }
  remove(key: string): void {
    this.entries.delete(key);
  }
}

export class LocalCacheService
  extends ServiceObject
  implements Implements<GoogleAppsScript.Cache.CacheService, 'getDocumentCache' | 'getScriptCache'>
{
  private readonly document: LocalCache;
  private readonly script: LocalCache;
  constructor(kernel: Kernel) {
    super(kernel, 'CacheService');
    this.document = new LocalCache(kernel);
    this.script = new LocalCache(kernel);
  }
  getDocumentCache(): LocalCache {
    return this.document;
  }
  getScriptCache(): LocalCache {
    return this.script;
  }
}

export class LocalLock
  extends ServiceObject
  implements
    Implements<GoogleAppsScript.Lock.Lock, 'waitLock' | 'tryLock' | 'releaseLock' | 'hasLock'>
{
  constructor(
    kernel: Kernel,
    private readonly kind: 'document' | 'script',
  ) {
    super(kernel, 'Lock');
  }
  private _held(value?: boolean): boolean {
    const key = this.kind === 'document' ? 'documentLockHeld' : 'scriptLockHeld';
    if (value !== undefined) this.kernel[key] = value;
    return this.kernel[key];
  }
  tryLock(): boolean {
    if (this.kernel.lockHeldElsewhere) return false;
    this._held(true);
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (this.kernel.lockHeldElsewhere) {
      this.kernel.advance(timeoutInMillis);
      throw this.kernel.error(MESSAGES.lockTimeout);
    }
    this._held(true);
  }
  releaseLock(): void {
    this._held(false);
  }
  hasLock(): boolean {
    return this._held();
  }
}

export class LocalLockService
  extends ServiceObject
  implements Implements<GoogleAppsScript.Lock.LockService, 'getDocumentLock' | 'getScriptLock'>
{
  constructor(kernel: Kernel) {
    super(kernel, 'LockService');
  }
  getDocumentLock(): LocalLock {
    return new LocalLock(this.kernel, 'document');
  }
  getScriptLock(): LocalLock {
    return new LocalLock(this.kernel, 'script');
  }
}

export class LocalUser
  extends ServiceObject
  implements Implements<GoogleAppsScript.Base.User, 'getEmail'>
{
  constructor(
    kernel: Kernel,
    private readonly email: string,
  ) {
    super(kernel, 'User');
  }
  getEmail(): string {
    return this.email;
  }
}

export class LocalSession
  extends ServiceObject
  implements
    Implements<
      GoogleAppsScript.Base.Session,
      'getActiveUser' | 'getEffectiveUser' | 'getActiveUserLocale' | 'getScriptTimeZone'
    >
{
  constructor(
    kernel: Kernel,
    public _userEmail: string,
    public _userLocale: string,
    private readonly scriptZone: string,
  ) {
    super(kernel, 'Session');
  }
  getActiveUser(): LocalUser {
    // Google hides the user's address from simple triggers of other users' files; empty is normal.
    return new LocalUser(this.kernel, this.kernel.authMode === 'FULL' ? this._userEmail : '');
  }
  getEffectiveUser(): LocalUser {
    return new LocalUser(this.kernel, this._userEmail);
  }
  getActiveUserLocale(): string {
    return this._userLocale;
  }
  getScriptTimeZone(): string {
    return this.scriptZone;
  }
}

export class LocalUtilities
  extends ServiceObject
  implements
    Implements<
      GoogleAppsScript.Utilities.Utilities,
      'formatDate' | 'sleep' | 'getUuid' | 'computeHmacSha256Signature' | 'base64Encode'
    >
{
  private uuid = 0;
  constructor(kernel: Kernel) {
    super(kernel, 'Utilities');
  }
  formatDate(date: Date, timeZone: string, format: string): string {
    return formatDate(date.getTime(), timeZone, format);
  }
  sleep(milliseconds: number): void {
    this.kernel.advance(milliseconds);
  }
  /** Apps Script returns Java bytes: signed, -128..127. */
  computeHmacSha256Signature(value: string, key: string): number[] {
    const digest = createHmac('sha256', Buffer.from(key, 'utf8')).update(value, 'utf8').digest();
    return [...digest].map((b) => (b > 127 ? b - 256 : b));
  }
  base64Encode(data: string | number[]): string {
    const bytes =
      typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.map((b) => b & 0xff));
    return bytes.toString('base64');
  }
  getUuid(): string {
    this.uuid++;
    return `00000000-0000-4000-8000-${String(this.uuid).padStart(12, '0')}`;
  }
}

export interface SentMail {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly htmlBody?: string;
  readonly name?: string;
  readonly replyTo?: string;
}

export class LocalMailApp
  extends ServiceObject
  implements Implements<GoogleAppsScript.Mail.MailApp, 'sendEmail' | 'getRemainingDailyQuota'>
{
  readonly _sent: SentMail[] = [];
  /** Consumer accounts get 100 recipients a day (docs/apps-script-behaviour.md). */
  _quota = 100;
  constructor(kernel: Kernel) {
    super(kernel, 'MailApp');
  }
  sendEmail(...args: unknown[]): void {
    const message = (
      typeof args[0] === 'object'
        ? args[0]
        : { to: args[0], subject: args[1], body: args[2], ...(args[3] as object) }
    ) as SentMail;
    const recipients = String(message.to)
      .split(',')
      .filter((s) => s.trim() !== '').length;
    if (recipients > this._quota)
      throw this.kernel.error('Service invoked too many times for one day: email.');
    this._quota -= recipients;
    this._sent.push({ ...message });
  }
  getRemainingDailyQuota(): number {
    return this._quota;
  }
}

export class LocalHtmlOutput
  extends ServiceObject
  implements
    Implements<
      GoogleAppsScript.HTML.HtmlOutput,
      'setTitle' | 'getTitle' | 'getContent' | 'setWidth'
    >
{
  private title = '';
  constructor(
    kernel: Kernel,
    private readonly html: string,
  ) {
    super(kernel, 'HtmlOutput');
  }
  setTitle(title: string): LocalHtmlOutput {
    this.title = title;
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  getContent(): string {
    return this.html;
  }
  setWidth(): LocalHtmlOutput {
    return this;
  }
  _html(): string {
    return this.html;
  }
  _title(): string {
    return this.title;
  }
}

export class LocalHtmlService
  extends ServiceObject
  implements
    Implements<GoogleAppsScript.HTML.HtmlService, 'createHtmlOutput' | 'createHtmlOutputFromFile'>
{
  constructor(
    kernel: Kernel,
    private readonly files: Map<string, string>,
  ) {
    super(kernel, 'HtmlService');
  }
  createHtmlOutput(html?: string): LocalHtmlOutput {
    return new LocalHtmlOutput(this.kernel, String(html ?? ''));
  }
  createHtmlOutputFromFile(filename: string): LocalHtmlOutput {
    const html = this.files.get(filename.replace(/\.html$/, ''));
    if (html === undefined) throw this.kernel.error(`No HTML file named ${filename} was found.`);
    return new LocalHtmlOutput(this.kernel, html);
  }
}

export interface LocalTrigger {
  readonly id: string;
  readonly handler: string;
  readonly everyHours: number;
}

class LocalTriggerObject
  extends ServiceObject
  implements Implements<GoogleAppsScript.Script.Trigger, 'getHandlerFunction' | 'getUniqueId'>
{
  constructor(
    kernel: Kernel,
    readonly _trigger: LocalTrigger,
  ) {
    super(kernel, 'Trigger');
  }
  getHandlerFunction(): string {
    return this._trigger.handler;
  }
  getUniqueId(): string {
    return this._trigger.id;
  }
}

class LocalClockTriggerBuilder extends ServiceObject {
  private hours = 0;
  constructor(
    kernel: Kernel,
    private readonly triggers: LocalTrigger[],
    private readonly handler: string,
  ) {
    super(kernel, 'ClockTriggerBuilder');
  }
  everyHours(n: number): LocalClockTriggerBuilder {
    this.hours = n;
    return this;
  }
  create(): LocalTriggerObject {
    if (this.triggers.length >= 20)
      throw this.kernel.error(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    const trigger = {
      id: String(this.triggers.length + 1000),
      handler: this.handler,
      everyHours: this.hours,
    };
    this.triggers.push(trigger);
    return new LocalTriggerObject(this.kernel, trigger);
  }
}

class LocalTriggerBuilder extends ServiceObject {
  constructor(
    kernel: Kernel,
    private readonly triggers: LocalTrigger[],
    private readonly handler: string,
  ) {
    super(kernel, 'TriggerBuilder');
  }
  timeBased(): LocalClockTriggerBuilder {
    return new LocalClockTriggerBuilder(this.kernel, this.triggers, this.handler);
  }
}

export class LocalScriptApp
  extends ServiceObject
  implements
    Implements<
      GoogleAppsScript.Script.ScriptApp,
      'getScriptId' | 'getProjectTriggers' | 'deleteTrigger' | 'newTrigger'
    >
{
  readonly AuthMode = {
    NONE: 'NONE',
    LIMITED: 'LIMITED',
    FULL: 'FULL',
    CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  };
  readonly TriggerSource = { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK' };
  readonly _triggers: LocalTrigger[] = [];
  constructor(kernel: Kernel) {
    super(kernel, 'ScriptApp');
  }
  getScriptId(): string {
    return 'local-script';
  }
  getProjectTriggers(): LocalTriggerObject[] {
    return this._triggers.map((t) => new LocalTriggerObject(this.kernel, t));
  }
  deleteTrigger(trigger: LocalTriggerObject): void {
    const at = this._triggers.findIndex((t) => t.id === trigger._trigger.id);
    if (at >= 0) this._triggers.splice(at, 1);
  }
  newTrigger(functionName: string): LocalTriggerBuilder {
    return new LocalTriggerBuilder(this.kernel, this._triggers, functionName);
  }
}

export interface FetchedRequest {
  readonly url: string;
  readonly options: Record<string, unknown>;
}

export class LocalUrlFetchApp
  extends ServiceObject
  implements Implements<GoogleAppsScript.URL_Fetch.UrlFetchApp, 'fetch'>
{
  readonly _requests: FetchedRequest[] = [];
  /** What the next fetches answer; tests set failures here. */
  _respond: (request: FetchedRequest) => { code: number; body: string } = () => ({
    code: 200,
    body: '{"errcode":0}',
  });
  constructor(kernel: Kernel) {
    super(kernel, 'UrlFetchApp');
  }
  fetch(url: string, params?: object): unknown {
    const request = { url, options: { ...(params ?? {}) } };
    this._requests.push(request);
    const response = this._respond(request);
    if (response.code >= 400 && !(params as { muteHttpExceptions?: boolean })?.muteHttpExceptions) {
      throw this.kernel.error(
        `Request failed for ${url} returned code ${response.code}. Truncated server response: ${response.body.slice(0, 100)}`,
      );
    }
    return { getResponseCode: () => response.code, getContentText: () => response.body };
  }
}
