// The Log tab: what automation and people did, newest last, capped at the newest 5,000 entries.

import { LOG_COLUMNS, TAB_NAMES } from '../sheet/tabs';
import type { Language } from '../sheet/language';
import { asCellValue } from './cellWriter';
import type { Sheet, Spreadsheet } from './workbook';

export const LOG_CAPACITY = 5000;

export interface LogEntry {
  readonly action: string;
  readonly detail: string;
}

/** Appends entries in one write (and one delete when over capacity). Call under the document lock. */
export function appendLog(
  spreadsheet: Spreadsheet,
  logSheet: Sheet | undefined,
  entries: readonly LogEntry[],
  language: Language,
  now: Date,
  by: string,
): void {
  if (entries.length === 0) return;
  let sheet = logSheet;
  if (!sheet) {
    sheet = spreadsheet.insertSheet(TAB_NAMES.log[language]);
    sheet
      .getRange(1, 1, 1, LOG_COLUMNS.length)
      .setValues([LOG_COLUMNS.map((c) => c.header[language])]);
    sheet.setFrozenRows(1);
  }
  const last = Math.max(sheet.getLastRow(), 1);
  const needed = last + entries.length - sheet.getMaxRows();
  if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
  sheet
    .getRange(last + 1, 1, entries.length, 4)
    .setValues(entries.map((e) => [now, asCellValue(e.action), asCellValue(e.detail), by]));
  const excess = last - 1 + entries.length - LOG_CAPACITY;
  if (excess > 0) sheet.deleteRows(2, excess);
}
