// PropertiesService: one script store shared by everyone, a store per user and one per document,
// each held to Google's size limits.

import { MESSAGES } from './errors';
import { ServiceObject } from './facade';
import type { Implements } from './implements';
import type { Kernel } from './kernel';
import type { ExecutionScope } from './scope';

/** Google: 9 KB per value and 500 KB per store (guides/services/quotas). */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

type PropertiesMethods =
  | 'getProperty'
  | 'setProperty'
  | 'getProperties'
  | 'setProperties'
  | 'deleteProperty'
  | 'deleteAllProperties'
  | 'getKeys';

export class LocalProperties
  extends ServiceObject
  implements Implements<GoogleAppsScript.Properties.Properties, PropertiesMethods>
{
  readonly _store = new Map<string, string>();
  constructor(kernel: Kernel) {
    super(kernel, 'Properties');
  }

  /** Bytes the store holds: keys count as well as values, as measured on Google's stores. */
  _bytes(): number {
    let total = 0;
    for (const [key, value] of this._store) total += bytes(key) + bytes(value);
    return total;
  }

  /**
   * Writes all entries or none: a refused write leaves the store as it was. Google gives the same
   * message for one value over 9 KB as for a store over 500 KB.
   */
  private _write(entries: Record<string, unknown>, deleteAllOthers: boolean): void {
    const next = new Map(deleteAllOthers ? [] : this._store);
    for (const [key, value] of Object.entries(entries)) {
      const text = String(value);
      if (bytes(text) > PROPERTY_VALUE_LIMIT) throw this.kernel.error(MESSAGES.propertyStoreFull);
      next.set(String(key), text);
    }
    let total = 0;
    for (const [key, value] of next) total += bytes(key) + bytes(value);
    if (total > PROPERTY_STORE_LIMIT) throw this.kernel.error(MESSAGES.propertyStoreFull);
    this._store.clear();
    for (const [key, value] of next) this._store.set(key, value);
  }

  getProperty(key: string): string | null {
    return this._store.get(key) ?? null;
  }
  setProperty(key: string, value: string): LocalProperties {
    this._write({ [key]: value }, false);
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this._store);
  }
  setProperties(properties: Record<string, string>, deleteAllOthers?: boolean): LocalProperties {
    this._write(properties, deleteAllOthers === true);
    return this;
  }
  deleteProperty(key: string): LocalProperties {
    this._store.delete(key);
    return this;
  }
  deleteAllProperties(): LocalProperties {
    this._store.clear();
    return this;
  }
  getKeys(): string[] {
    return [...this._store.keys()];
  }
}

/** Where a document's own store lives: on its spreadsheet, so it follows that document. */
export interface HasDocumentProperties {
  readonly _documentProperties: LocalProperties;
}

export class LocalPropertiesService
  extends ServiceObject
  implements
    Implements<
      GoogleAppsScript.Properties.PropertiesService,
      'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties'
    >
{
  readonly _script: LocalProperties;
  private readonly users = new Map<string, LocalProperties>();
  constructor(
    kernel: Kernel,
    private readonly scope: ExecutionScope,
    private readonly defaultDocument: () => HasDocumentProperties,
  ) {
    super(kernel, 'PropertiesService');
    this._script = new LocalProperties(kernel);
  }

  /** One user's store, across every spreadsheet they use the script in. */
  _userStore(email: string): LocalProperties {
    let store = this.users.get(email);
    if (!store) {
      store = new LocalProperties(this.kernel);
      this.users.set(email, store);
    }
    return store;
  }
  /** Every user store by address (for tests that measure saved state). */
  _userStores(): ReadonlyMap<string, LocalProperties> {
    return this.users;
  }
  /** The default user's store. */
  get _user(): LocalProperties {
    return this._userStore(this.scope.defaultUser);
  }
  /** The first spreadsheet's store. */
  get _document(): LocalProperties {
    return this.defaultDocument()._documentProperties;
  }

  /** Null without a current document, e.g. an add-on's time-driven run or a web app. */
  getDocumentProperties(): LocalProperties | null {
    return this.scope.active?._documentProperties ?? null;
  }
  getScriptProperties(): LocalProperties {
    return this._script;
  }
  getUserProperties(): LocalProperties {
    return this._userStore(this.scope.user);
  }
}
