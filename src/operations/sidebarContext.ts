// What every sidebar call starts from: the active spreadsheet, its tabs, valid Settings, the
// language, the zone and the time of the call.

import { loadSettings } from '../gas/settingsTab';
import { spreadsheetTimeZone } from '../gas/timeZone';
import { activeSpreadsheet, localeLanguage, tabIndex } from '../gas/workbook';

export function sidebarContext() {
  const spreadsheet = activeSpreadsheet();
  const locale = localeLanguage(spreadsheet);
  const tabs = tabIndex(spreadsheet);
  const loaded = loadSettings(tabs.settings, locale);
  return { spreadsheet, tabs, ...loaded, zone: spreadsheetTimeZone(spreadsheet), now: new Date() };
}

export type SidebarContext = ReturnType<typeof sidebarContext>;
