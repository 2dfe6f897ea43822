// Reads the Settings tab once and returns valid rules or throws SettingsError naming every bad cell;
// writes laid-out Settings content (set-up, and tables added later) with its styles and drop-downs.

import type { TimeZone } from '../sheet/calendar';
import type { Language } from '../sheet/language';
import type { Settings } from '../method/settings/settings';
import { SettingsError, parseSettings } from '../method/settings/settingsParse';
import { defaultSettings } from '../method/settings/settings';
import { type Sheet, readAll } from './workbook';
import { type SettingsSheetContent, SETTINGS_WIDTH } from '../method/settings/settingsLayout';
import { COLOURS } from '../sheet/sheetStyle';
import { spreadsheetTimeZone } from './timeZone';

export interface LoadedSettings {
  readonly settings: Settings;
  /** The workbook's language: the Settings choice, else the locale's. */
  readonly language: Language;
}

export function loadSettings(sheet: Sheet | undefined, localeLanguage: Language): LoadedSettings {
  if (!sheet) return { settings: defaultSettings(localeLanguage), language: localeLanguage };
  // The zone is asked only when a spend month was typed as a date, and then once.
  let zone: TimeZone | undefined;
  const zoneOf = () => (zone ??= spreadsheetTimeZone(sheet.getParent()));
  const result = parseSettings(readAll(sheet), () => sheet.getName(), localeLanguage, zoneOf);
  if (!result.ok) throw new SettingsError(result.problems);
  return { settings: result.settings, language: result.settings.language ?? localeLanguage };
}

/** Writes laid-out Settings rows from sheet row `start` (1-based), styled, with their drop-downs. */
export function writeSettingsContent(
  sheet: Sheet,
  start: number,
  content: SettingsSheetContent,
): void {
  const needed = start + content.rows.length - 1 - sheet.getMaxRows();
  if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
  sheet
    .getRange(start, 1, content.rows.length, SETTINGS_WIDTH)
    .setValues(content.rows.map((row) => [...row]));
  const at = (row: number) => start + row - 1;
  for (const row of content.headerRows) {
    sheet
      .getRange(at(row), 1, 1, SETTINGS_WIDTH)
      .setFontWeight('bold')
      .setBackground(COLOURS.inputHeader);
  }
  for (const row of content.titleRows) {
    sheet
      .getRange(at(row), 1, 1, SETTINGS_WIDTH)
      .setFontWeight('bold')
      .setBackground(COLOURS.settingsTitle);
  }
  for (const drop of content.dropDowns) {
    const builder = SpreadsheetApp.newDataValidation();
    const rule = drop.checkbox
      ? builder.requireCheckbox()
      : builder.requireValueInList([...drop.values], true).setAllowInvalid(false);
    sheet.getRange(at(drop.row), drop.column, drop.numRows, 1).setDataValidation(rule.build());
  }
}
