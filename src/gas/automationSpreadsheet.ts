// Finds the spreadsheet an automated run belongs to: the active one, or, where a time-driven
// trigger has none (add-ons), the one recorded when automation was turned on.

import { NoSpreadsheetError, type Spreadsheet } from './workbook';

const triggerKey = (uid: string) => `spreadsheetOfTrigger:${uid}`;
const SPREADSHEET_KEY = 'automationSpreadsheetId';

export function rememberSpreadsheet(spreadsheet: Spreadsheet, triggerUid: string): void {
  PropertiesService.getUserProperties().setProperty(triggerKey(triggerUid), spreadsheet.getId());
  PropertiesService.getScriptProperties().setProperty(SPREADSHEET_KEY, spreadsheet.getId());
}

export function forgetSpreadsheet(triggerUid: string): void {
  PropertiesService.getUserProperties().deleteProperty(triggerKey(triggerUid));
}

export function spreadsheetOfTrigger(triggerUid: string): string | null {
  return PropertiesService.getUserProperties().getProperty(triggerKey(triggerUid));
}

export function automationSpreadsheet(triggerUid?: string): Spreadsheet {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  const id =
    (triggerUid ? spreadsheetOfTrigger(triggerUid) : null) ??
    PropertiesService.getScriptProperties().getProperty(SPREADSHEET_KEY);
  if (!id) throw new NoSpreadsheetError();
  return SpreadsheetApp.openById(id);
}
