// The smaller services: Cache, Lock, Utilities, HtmlService and UrlFetchApp, each holding what a test
// needs to inspect. Properties, Session, MailApp and ScriptApp have files of their own.

import { createHmac } from 'node:crypto';
import { MESSAGES } from './errors';
import { ServiceObject } from './facade';
import type { Implements } from './implements';
import type { Kernel } from './kernel';
import type { ExecutionScope } from './scope';
import { formatDate } from './zone';

export { LocalMailApp, type SentMail } from './mail';
export { LocalProperties, LocalPropertiesService } from './properties';
export { LocalSession, LocalUser } from './session';
export { LocalScriptApp, type LocalTrigger } from './triggers';

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
  implements
    Implements<
      GoogleAppsScript.Cache.CacheService,
      'getDocumentCache' | 'getScriptCache' | 'getUserCache'
    >
{
  private readonly script: LocalCache;
  private readonly documents = new Map<string, LocalCache>();
  private readonly users = new Map<string, LocalCache>();
  constructor(
    kernel: Kernel,
    private readonly scope: ExecutionScope,
  ) {
    super(kernel, 'CacheService');
    this.script = new LocalCache(kernel);
  }
  private _cacheOf(caches: Map<string, LocalCache>, key: string): LocalCache {
    let cache = caches.get(key);
    if (!cache) {
      cache = new LocalCache(this.kernel);
      caches.set(key, cache);
    }
    return cache;
  }
  /** Google: null outside a containing document (reference/cache/cache-service). */
  getDocumentCache(): LocalCache | null {
    const active = this.scope.active;
    return active ? this._cacheOf(this.documents, active.getId()) : null;
  }
  getScriptCache(): LocalCache {
    return this.script;
  }
  getUserCache(): LocalCache {
    return this._cacheOf(this.users, this.scope.user);
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
  constructor(
    kernel: Kernel,
    private readonly scope: ExecutionScope,
  ) {
    super(kernel, 'LockService');
  }
  /** Google: null outside a containing document, e.g. an add-on's time-driven run. */
  getDocumentLock(): LocalLock | null {
    return this.scope.active ? new LocalLock(this.kernel, 'document') : null;
  }
  getScriptLock(): LocalLock {
    return new LocalLock(this.kernel, 'script');
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

export class LocalHtmlOutput
  extends ServiceObject
  implements
    Implements<
      GoogleAppsScript.HTML.HtmlOutput,
      'setTitle' | 'getTitle' | 'getContent' | 'setWidth' | 'setHeight'
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
  setHeight(): LocalHtmlOutput {
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
