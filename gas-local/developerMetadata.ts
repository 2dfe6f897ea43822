// Developer metadata on a spreadsheet: key/value pairs kept in the document itself, so they travel
// with it and are there in runs that have no active document.

import { ServiceObject } from './facade';
import type { Implements } from './implements';
import type { Kernel } from './kernel';

export interface MetadataEntry {
  readonly id: number;
  key: string;
  value: string | null;
  readonly visibility: string;
}

/** A spreadsheet's metadata entries, in the order they were added. */
export class MetadataList {
  readonly entries: MetadataEntry[] = [];
  private nextId = 1;
  add(key: string, value: string | null, visibility: string): MetadataEntry {
    const entry = { id: this.nextId++, key, value, visibility };
    this.entries.push(entry);
    return entry;
  }
  remove(entry: MetadataEntry): void {
    const at = this.entries.indexOf(entry);
    if (at >= 0) this.entries.splice(at, 1);
  }
}

type MetadataMethods =
  'getId' | 'getKey' | 'getValue' | 'getVisibility' | 'setKey' | 'setValue' | 'remove';

export class LocalDeveloperMetadata
  extends ServiceObject
  implements Implements<GoogleAppsScript.Spreadsheet.DeveloperMetadata, MetadataMethods>
{
  constructor(
    kernel: Kernel,
    private readonly list: MetadataList,
    readonly _entry: MetadataEntry,
  ) {
    super(kernel, 'DeveloperMetadata');
  }
  getId(): number {
    return this._entry.id;
  }
  getKey(): string {
    return this._entry.key;
  }
  getValue(): string | null {
    return this._entry.value;
  }
  getVisibility(): string {
    return this._entry.visibility;
  }
  setKey(key: string): LocalDeveloperMetadata {
    this._entry.key = String(key);
    return this;
  }
  setValue(value: string): LocalDeveloperMetadata {
    this._entry.value = String(value);
    return this;
  }
  remove(): void {
    this.list.remove(this._entry);
  }
}

type FinderMethods = 'withKey' | 'withValue' | 'withId' | 'find';

export class LocalDeveloperMetadataFinder
  extends ServiceObject
  implements Implements<GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder, FinderMethods>
{
  private readonly tests: ((entry: MetadataEntry) => boolean)[] = [];
  constructor(
    kernel: Kernel,
    private readonly list: MetadataList,
  ) {
    super(kernel, 'DeveloperMetadataFinder');
  }
  withKey(key: string): LocalDeveloperMetadataFinder {
    this.tests.push((entry) => entry.key === key);
    return this;
  }
  withValue(value: string): LocalDeveloperMetadataFinder {
    this.tests.push((entry) => entry.value === value);
    return this;
  }
  withId(id: number): LocalDeveloperMetadataFinder {
    this.tests.push((entry) => entry.id === id);
    return this;
  }
  find(): LocalDeveloperMetadata[] {
    return this.list.entries
      .filter((entry) => this.tests.every((test) => test(entry)))
      .map((entry) => new LocalDeveloperMetadata(this.kernel, this.list, entry));
  }
}
