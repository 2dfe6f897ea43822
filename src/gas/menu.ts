// Builds the Lead Tracker menu in the workbook's language; safe in AuthMode.NONE (no data access).

import { type Language, languageFromLocale } from '../sheet/language';
import { MENU_ENTRIES, MENU_TITLE } from '../sheet/menu';
import { t } from '../sheet/text';

type OpenEvent = { authMode?: GoogleAppsScript.Script.AuthMode } | undefined;

/** The spreadsheet's language where the mode allows reading it; the user's locale otherwise. */
function menuLanguage(event: OpenEvent): Language {
  if (event?.authMode !== ScriptApp.AuthMode.NONE) {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    if (spreadsheet) return languageFromLocale(spreadsheet.getSpreadsheetLocale());
  }
  // AuthMode.NONE guarantees nothing beyond plain menu items, so a refusal here means English.
  try {
    return languageFromLocale(Session.getActiveUserLocale());
  } catch {
    return 'en';
  }
}

/**
 * Installed add-ons (onInstall, or onOpen in AuthMode.NONE) put their items under Extensions with
 * createAddonMenu; a script bound to one spreadsheet gets its own top-level menu.
 */
export function buildMenu(event: OpenEvent, asAddon = false): void {
  const language = menuLanguage(event);
  const ui = SpreadsheetApp.getUi();
  const addon = asAddon || event?.authMode === ScriptApp.AuthMode.NONE;
  const menu = addon ? ui.createAddonMenu() : ui.createMenu(t(language, MENU_TITLE));
  for (const entry of MENU_ENTRIES) {
    if (entry) menu.addItem(t(language, entry.caption), entry.functionName);
    else menu.addSeparator();
  }
  menu.addToUi();
}
