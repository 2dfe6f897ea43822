// Every spreadsheet the runtime holds, by ID, including the ones that have been deleted.

import type { Kernel } from './kernel';
import { LocalSpreadsheet, type SpreadsheetOptions } from './spreadsheet';

export class Workbooks {
  private readonly list: LocalSpreadsheet[] = [];
  private created = 0;
  constructor(private readonly kernel: Kernel) {}

  add(options: Omit<SpreadsheetOptions, 'id'> & { id?: string }): LocalSpreadsheet {
    const id = options.id ?? `local-spreadsheet-${this.created + 1}`;
    if (this.list.some((s) => s.getId() === id)) throw new Error(`Spreadsheet ${id} exists`);
    this.created++;
    const spreadsheet = new LocalSpreadsheet(this.kernel, { ...options, id });
    this.list.push(spreadsheet);
    return spreadsheet;
  }
  /** The spreadsheet with this ID, deleted or not. */
  find(id: string): LocalSpreadsheet | undefined {
    return this.list.find((s) => s.getId() === id);
  }
  /** The spreadsheets not deleted, the first one first. */
  live(): LocalSpreadsheet[] {
    return this.list.filter((s) => !s._access.deleted);
  }
  first(): LocalSpreadsheet {
    return this.list[0];
  }
}
