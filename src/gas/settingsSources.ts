// Adds sources people typed to the Settings sources table, right below its last row (the caller
// holds the lock), and widens the Source drop-downs of Leads and Pool so they accept them.

import { sourcesTableEnd } from '../method/settings/sourcesTable';
import { asCellValue } from './cellWriter';
import { type Sheet, readAll } from './workbook';

/** A tab's Source column (0-based), whose drop-down lists the Settings sources. */
export interface SourceColumn {
  readonly sheet: Sheet;
  readonly column: number;
  /** 1-based row of the tab's header; the drop-down covers the rows below it. */
  readonly headerRow: number;
}

/**
 * Appends `sources` to the table and returns them; nothing when the tab has no sources table
 * (a workbook running on the default list until Set up sheets adds one).
 */
export function addSourcesToSettings(
  settingsSheet: Sheet | undefined,
  sources: readonly string[],
  listed: readonly string[],
  dropDowns: readonly SourceColumn[],
): string[] {
  if (!settingsSheet || sources.length === 0) return [];
  const end = sourcesTableEnd(readAll(settingsSheet));
  if (!end) return [];
  // Rows are inserted, not overwritten: the next table may start right below this one.
  settingsSheet.insertRowsAfter(end.lastRow + 1, sources.length);
  settingsSheet
    .getRange(end.lastRow + 2, end.column + 1, sources.length, 1)
    .setValues(sources.map((source) => [asCellValue(source)]));
  const rule = SpreadsheetApp.newDataValidation()
    .requireValueInList([...listed, ...sources], true)
    .setAllowInvalid(true)
    .build();
  for (const { sheet, column, headerRow } of dropDowns) {
    const bodyRows = sheet.getMaxRows() - headerRow;
    if (bodyRows > 0)
      sheet.getRange(headerRow + 1, column + 1, bodyRows, 1).setDataValidation(rule);
  }
  return [...sources];
}
