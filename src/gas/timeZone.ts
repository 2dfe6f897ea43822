// The spreadsheet's time zone for the core, built on Utilities.formatDate (Apps Script's documented
// way to read a wall-clock time in a named zone), cached per hour so 100k rows cost a handful of calls.

import { type TimeZone, cachedTimeZone, parseOffset } from '../sheet/calendar';
import { oncePerExecution } from './executionMemo';

/** The spreadsheet's zone, asked once per execution: one run reads all its times in one zone. */
export const spreadsheetTimeZone = oncePerExecution(
  (spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): TimeZone => {
    const name = spreadsheet.getSpreadsheetTimeZone() || Session.getScriptTimeZone();
    return cachedTimeZone(name, (instant) => parseOffset(Utilities.formatDate(instant, name, 'Z')));
  },
);
