// Finds the workbook, its tabs (by either language's name) and its language; reads a tab in one call.

import { type Language, foldText, labelsOf, languageFromLocale } from '../sheet/language';
import { TAB_NAMES, type TabKey } from '../sheet/tabs';
import { ERRORS, inEveryLanguage, t } from '../sheet/text';
import { oncePerExecution, startExecution } from './executionMemo';

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
  startExecution();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) throw new NoSpreadsheetError();
  return spreadsheet;
}

/** The spreadsheet's ID, asked once per execution. */
export const spreadsheetIdOf = oncePerExecution((spreadsheet: Spreadsheet) => spreadsheet.getId());

/** A tab's ID (its gid), asked once per execution; a tab deleted meanwhile fails where it is used. */
export const sheetIdOf = oncePerExecution((sheet: Sheet) => sheet.getSheetId());

/** The language of the spreadsheet's locale (Settings may override it). */
export function localeLanguage(spreadsheet: Spreadsheet): Language {
  return languageFromLocale(spreadsheet.getSpreadsheetLocale());
}

/** The workbook's tabs by key; a tab the spreadsheet lacks reads as undefined. */
export type Tabs = Partial<Record<TabKey, Sheet>>;

/** A tab's exact names in the order they are preferred where two exist: Simplified, English, Traditional. */
function namesOf(key: TabKey): string[] {
  const [en, zh, zhHant] = labelsOf(TAB_NAMES[key]);
  return [zh, en, zhHant];
}

/**
 * Every tab found by a scan of all names: spaces trimmed, and Traditional names in other forms
 * (Hong Kong's 銷售線索信息表) folded to the Simplified name. One call per tab.
 */
export function scanTabs(spreadsheet: Spreadsheet): Tabs {
  const byName = new Map<string, Sheet>();
  const byFoldedName = new Map<string, Sheet>();
  for (const sheet of spreadsheet.getSheets()) {
    const name = sheet.getName().trim();
    if (!byName.has(name)) byName.set(name, sheet);
    const folded = foldText(name);
    if (!byFoldedName.has(folded)) byFoldedName.set(folded, sheet);
  }
  const index: Tabs = {};
  for (const key of Object.keys(TAB_NAMES) as TabKey[]) {
    const [zh, en, zhHant] = namesOf(key);
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

/**
 * The workbook's tabs by key, each looked up when first used: by its exact names, in the order
 * the scan prefers them, and only when none exists by a scan of every tab's name (which also
 * finds names padded with spaces or in Hong Kong forms). An edit or a sidebar call that needs
 * three tabs asks for a few names, not for the names of all of them.
 */
export function tabIndex(spreadsheet: Spreadsheet): Tabs {
  let scanned: Tabs | undefined;
  const looked = new Map<TabKey, Sheet | undefined>();
  const lookUp = (key: TabKey): Sheet | undefined => {
    // After one scan every name is known: asking again would only add calls.
    if (scanned) return scanned[key];
    for (const name of namesOf(key)) {
      const sheet = spreadsheet.getSheetByName(name);
      if (sheet) return sheet;
    }
    scanned = scanTabs(spreadsheet);
    return scanned[key];
  };
  const index: Tabs = {};
  for (const key of Object.keys(TAB_NAMES) as TabKey[]) {
    Object.defineProperty(index, key, {
      enumerable: true,
      get: () => {
        if (!looked.has(key)) looked.set(key, lookUp(key));
        return looked.get(key);
      },
    });
  }
  return index;
}

export class MissingTabError extends Error {
  constructor(key: TabKey, language: Language) {
    super(t(language, ERRORS.missingTab, TAB_NAMES[key]));
    this.name = 'MissingTabError';
  }
}

export function requireTab(tabs: Tabs, key: TabKey, language: Language): Sheet {
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
