// Finds the workbook, its tabs (by either language's name) and its language; reads a tab in one call.

import { type Language, foldText, labelsOf, languageFromLocale } from '../sheet/language';
import { TAB_NAMES, type TabKey } from '../sheet/tabs';
import { ERRORS, inEveryLanguage, t } from '../sheet/text';

export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** No language is known before the spreadsheet is open, so the message carries both. */
export class NoSpreadsheetError extends Error {
  constructor() {
    super(inEveryLanguage(ERRORS.noSpreadsheet));
    this.name = 'NoSpreadsheetError';
  }
}

export function activeSpreadsheet(): Spreadsheet {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) throw new NoSpreadsheetError();
  return spreadsheet;
}

/** The language of the spreadsheet's locale (Settings may override it). */
export function localeLanguage(spreadsheet: Spreadsheet): Language {
  return languageFromLocale(spreadsheet.getSpreadsheetLocale());
}

/** Index of the workbook's tabs by key, from one getSheets call. */
export function tabIndex(spreadsheet: Spreadsheet): Partial<Record<TabKey, Sheet>> {
  const byName = new Map<string, Sheet>();
  // Traditional names in other forms (Hong Kong's 銷售線索信息表) fold to the Simplified name.
  const byFoldedName = new Map<string, Sheet>();
  for (const sheet of spreadsheet.getSheets()) {
    const name = sheet.getName().trim();
    if (!byName.has(name)) byName.set(name, sheet);
    const folded = foldText(name);
    if (!byFoldedName.has(folded)) byFoldedName.set(folded, sheet);
  }
  const index: Partial<Record<TabKey, Sheet>> = {};
  for (const key of Object.keys(TAB_NAMES) as TabKey[]) {
    const [en, zh, zhHant] = labelsOf(TAB_NAMES[key]);
    const found =
      byName.get(zh) ??
      byName.get(en) ??
      byName.get(zhHant) ??
      byFoldedName.get(foldText(zh)) ??
      byFoldedName.get(foldText(zhHant));
    if (found) index[key] = found;
  }
  return index;
}

export class MissingTabError extends Error {
  constructor(key: TabKey, language: Language) {
    super(t(language, ERRORS.missingTab, TAB_NAMES[key]));
    this.name = 'MissingTabError';
  }
}

export function requireTab(
  tabs: Partial<Record<TabKey, Sheet>>,
  key: TabKey,
  language: Language,
): Sheet {
  const sheet = tabs[key];
  if (!sheet) throw new MissingTabError(key, language);
  return sheet;
}

/** Every value of a tab in one batched read (an empty tab reads as one blank row). */
export function readAll(sheet: Sheet): unknown[][] {
  return sheet.getDataRange().getValues();
}

/**
 * A tab the tracker has just created keeps only the columns it uses: Sheets gives every new tab
 * 26, and every cell of every tab counts against the spreadsheet's 10 million. Only for tabs
 * created in this run, never a tab holding the team's own columns.
 */
export function trimNewTab(sheet: Sheet, width: number): void {
  const spare = sheet.getMaxColumns() - width;
  if (spare > 0) sheet.deleteColumns(width + 1, spare);
}
