// The Sheets advanced service, which the manifest enables: many ranges read or written in one call.
// A script pasted into a spreadsheet by hand may lack it; then SpreadsheetApp does the work.

/** Whether the Sheets advanced service is there (the manifest enables it). */
export function hasSheetsService(): boolean {
  return typeof Sheets !== 'undefined' && !!Sheets;
}

/** The `Sheets` global, or a clear error when the manifest does not enable it. */
export function sheetsService(): GoogleAppsScript.Sheets {
  if (typeof Sheets === 'undefined' || !Sheets) {
    throw new Error('The Sheets advanced service is not enabled in the manifest.');
  }
  return Sheets;
}
