// A test's hold on one spreadsheet: build its tabs, type and edit as a person would, share it, and
// read back what the script left in it, without counting any service call.

import { readStored } from './cellValues';
import type { Kernel } from './kernel';
import { LocalRange } from './range';
import type { LocalSheet } from './sheet';
import type { LocalSpreadsheet, Toast } from './spreadsheet';
import type { UiRecord } from './ui';

/** Runs the bundle's onEdit for an edit made in `spreadsheet`, as Google would. */
export type EditTrigger = (spreadsheet: LocalSpreadsheet, event: Record<string, unknown>) => void;

export class SpreadsheetHandle {
  constructor(
    private readonly kernel: Kernel,
    readonly spreadsheet: LocalSpreadsheet,
    private readonly onEdit: EditTrigger,
  ) {}

  get id(): string {
    return this.spreadsheet.getId();
  }
  /** Tab names in order. */
  get tabs(): string[] {
    return this.spreadsheet._sheets.map((s) => s._data.name);
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
    this.sheet(name)._type(row, column, rows);
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
    this.onEdit(this.spreadsheet, event);
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

  toasts(): readonly Toast[] {
    return this.spreadsheet._toasts;
  }
  /** Menus, alerts and sidebars people saw in this document. */
  ui(): UiRecord {
    return this.spreadsheet._ui;
  }
  documentProperties(): Record<string, string> {
    return Object.fromEntries(this.spreadsheet._documentProperties._store);
  }

  /** Shares the document with someone, as its owner would in the Share dialog. */
  share(email: string, role: 'editor' | 'viewer'): this {
    if (role === 'editor') this.spreadsheet._access.addEditor(email);
    else this.spreadsheet._access.addViewer(email);
    return this;
  }
  /** Takes away all access someone had: openById then fails for them as for a missing file. */
  unshare(email: string): this {
    this.spreadsheet._access.revoke(email);
    return this;
  }
}
