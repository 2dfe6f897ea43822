// People editing the spreadsheet while a script runs: LockService keeps scripts apart, never people,
// who type, paste, insert and delete rows and sort between any two of a script's service calls.
// A test measures how many data calls an execution makes, then sweeps "a person acts before the
// k-th" for every k to find the interleavings the script does not survive.

import type { CallRecord, Kernel } from './kernel';
import type { LocalSheet } from './sheet';
import { GRID_MESSAGES } from './sheetsMessages';
import { deletionRefusal } from './sheet';

/** What a person does; it receives the People object to act through. */
export type PersonAction = (person: People) => void;

export interface SortOptions {
  /** Default true: A→Z, smallest first. */
  readonly ascending?: boolean;
  /** Rows kept on top; default the tab's frozen rows, or 1 (a header) when none are frozen. */
  readonly headerRows?: number;
}

interface Scheduled {
  readonly at: number;
  readonly action: PersonAction;
}

export class People {
  /**
   * What k counts in `before(k, …)`: 'data' (default) counts calls that read or write cells, rows
   * or sheet structure (kernel.ts isDataCall); 'every' counts every service call.
   */
  counting: 'data' | 'every' = 'data';
  /** Each action that ran: the k it was scheduled for and the call it preceded. */
  readonly acted: { readonly at: number; readonly before: string }[] = [];
  /** Actions of the last execution that never ran because it made fewer than k calls. */
  unfired: number[] = [];
  private scheduled: Scheduled[] = [];
  private failure: { at: number; error: unknown } | undefined;

  constructor(
    kernel: Kernel,
    private readonly sheetNamed: (name: string) => LocalSheet,
  ) {
    kernel.beforeCall = (call) => this.beforeCall(call);
    kernel.afterExecution = () => this.afterExecution();
  }

  /**
   * Before the k-th data call (1-based; see `counting`) of the current or next execution, the
   * person does `action`. Several actions at one k run in the order given. Actions not reached
   * by the end of the execution are dropped and listed in `unfired`.
   */
  before(k: number, action: PersonAction): this {
    if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a whole number from 1: ${k}`);
    this.scheduled.push({ at: k, action });
    return this;
  }

  private beforeCall(call: CallRecord): void {
    const at = this.counting === 'every' ? call.index : call.dataIndex;
    if (at === undefined || this.failure) return;
    const due = this.scheduled.filter((s) => s.at === at);
    if (!due.length) return;
    this.scheduled = this.scheduled.filter((s) => s.at !== at);
    for (const { action } of due) {
      this.acted.push({ at, before: `${call.service}.${call.method}` });
      try {
        action(this);
      } catch (error) {
        // A person's mistake is the test's, not the script's: report it when the execution ends.
        this.failure = { at, error };
        return;
      }
    }
  }

  private afterExecution(): void {
    this.unfired = this.scheduled.map((s) => s.at);
    this.scheduled = [];
    const failure = this.failure;
    this.failure = undefined;
    if (failure) {
      const message =
        failure.error instanceof Error ? failure.error.message : String(failure.error);
      throw new Error(`The person's action before call ${failure.at} failed: ${message}`);
    }
  }

  /** Types one value into a cell (1-based), parsed as typed input; no trigger fires. */
  type(tab: string, row: number, column: number, value: unknown): void {
    this.sheetNamed(tab)._type(row, column, [[value]]);
  }

  /** Pastes rows below the last row with content, from column A; returns the first pasted row. */
  paste(tab: string, rows: readonly (readonly unknown[])[]): number {
    const sheet = this.sheetNamed(tab);
    const first = sheet._data.lastRow() + 1;
    sheet._type(first, 1, rows);
    return first;
  }

  /** Inserts one blank row before row r (1-based); the rows from r move down. */
  insertRowBefore(tab: string, row: number): void {
    const data = this.sheetNamed(tab)._data;
    if (row < 1 || row > data.maxRows) throw new Error(GRID_MESSAGES.rowsOutOfBounds);
    data.insertRows(row - 1, 1);
  }

  /** Deletes row r (1-based); Sheets keeps at least one non-frozen row, for people too. */
  deleteRow(tab: string, row: number): void {
    const data = this.sheetNamed(tab)._data;
    const refusal = deletionRefusal(row, 1, data.frozenRows, data.maxRows);
    if (refusal === 'outOfBounds') throw new Error(GRID_MESSAGES.rowsOutOfBounds);
    if (refusal) throw new Error(GRID_MESSAGES.allNonFrozenRows);
    data.deleteRows(row - 1, 1);
  }

  /** Sorts the rows below the header by one column (1-based), as Data → Sort range does. */
  sort(tab: string, column: number, options: SortOptions = {}): void {
    const sheet = this.sheetNamed(tab);
    const header = options.headerRows ?? (sheet._data.frozenRows || 1);
    sheet._sortRows(header + 1, column, options.ascending ?? true);
  }
}
