// The Log tab: what automation and people did, newest last, capped at the newest 5,000 entries.

import { LOG_COLUMNS, TAB_NAMES } from '../sheet/tabs';
import type { Language } from '../sheet/language';
import { appendRowsNow, type WriteMode } from './commit';
import { type Spreadsheet, type Tabs, trimNewTab } from './workbook';
import { spreadsheetTimeZone } from './timeZone';
import { labelIn } from '../sheet/language';

export const LOG_CAPACITY = 5000;

export interface LogEntry {
  readonly action: string;
  readonly detail: string;
}

/**
 * Appends entries in one write below whatever the Log holds at that moment (and one delete when
 * over capacity). Call under the document lock; a simple trigger passes 'ranges' (no Sheets service).
 */
export function appendLog(
  spreadsheet: Spreadsheet,
  tabs: Tabs,
  entries: readonly LogEntry[],
  language: Language,
  now: Date,
  by: string,
  mode: WriteMode = 'batch',
): void {
  if (entries.length === 0) return;
  // Looked up only now: a run with nothing to log asks for no tab. A Log tab that an earlier
  // append of this run created is not in the index, which remembers it missing.
  let sheet = tabs.log ?? spreadsheet.getSheetByName(labelIn(language, TAB_NAMES.log)) ?? undefined;
  if (!sheet) {
    sheet = spreadsheet.insertSheet(labelIn(language, TAB_NAMES.log));
    trimNewTab(sheet, LOG_COLUMNS.length);
    sheet
      .getRange(1, 1, 1, LOG_COLUMNS.length)
      .setValues([LOG_COLUMNS.map((c) => labelIn(language, c.header))]);
    sheet.setFrozenRows(1);
  }
  appendRowsNow(
    {
      spreadsheet,
      sheet,
      headerRow: 1,
      identity: { idColumn: 0, identityColumns: [] },
      zone: spreadsheetTimeZone(spreadsheet),
      mode,
    },
    entries.map((e) => [now, e.action, e.detail, by]),
    'fill',
  );
  const excess = sheet.getLastRow() - 1 - LOG_CAPACITY;
  if (excess > 0) sheet.deleteRows(2, excess);
}
