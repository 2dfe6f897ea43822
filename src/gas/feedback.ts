// Tells the person who clicked what happened: toasts for progress, alerts for errors. Automation has
// no one to show a dialog to, so there these calls quietly do nothing.

import type { Spreadsheet } from './workbook';

export function toast(spreadsheet: Spreadsheet, message: string, title: string): void {
  spreadsheet.toast(message, title, 8);
}

/** Shows an alert when a person is there to read it; returns false where no UI exists. */
export function alertUser(message: string): boolean {
  try {
    SpreadsheetApp.getUi().alert(message);
    return true;
  } catch {
    // Time-driven triggers: "Cannot call SpreadsheetApp.getUi() from this context."
    return false;
  }
}
