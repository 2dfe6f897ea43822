// Reads the Settings tab once and returns valid rules or throws SettingsError naming every bad cell.

import type { Language } from '../sheet/language';
import type { Settings } from '../method/settings/settings';
import { SettingsError, parseSettings } from '../method/settings/settingsParse';
import { defaultSettings } from '../method/settings/settings';
import { type Sheet, readAll } from './workbook';

export interface LoadedSettings {
  readonly settings: Settings;
  /** The workbook's language: the Settings choice, else the locale's. */
  readonly language: Language;
}

export function loadSettings(sheet: Sheet | undefined, localeLanguage: Language): LoadedSettings {
  if (!sheet) return { settings: defaultSettings(localeLanguage), language: localeLanguage };
  const result = parseSettings(readAll(sheet), sheet.getName(), localeLanguage);
  if (!result.ok) throw new SettingsError(result.problems);
  return { settings: result.settings, language: result.settings.language ?? localeLanguage };
}
