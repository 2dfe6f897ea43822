// Which spreadsheet an hourly trigger works for, and whether it is that spreadsheet's one trigger.
// The trigger → spreadsheet ID mapping lives in the creator's user properties, keyed by trigger UID:
// the trigger runs as its creator, and a run without a document has nothing else to go on. Who
// turned automation on, and the UID of the one trigger that runs it, live in the spreadsheet's state,
// where every editor's run can see them.

import { readState, STATE_KEYS, writeState } from './stateStore';
import type { Spreadsheet } from './workbook';

export const HOURLY_HANDLER = 'runHourly';

const TRIGGER_PREFIX = 'spreadsheetOfTrigger:';
const triggerKey = (uid: string) => `${TRIGGER_PREFIX}${uid}`;

/** The spreadsheet's record of its automation. */
export interface AutomationRecord {
  readonly on: boolean;
  /** Who turned it on (or off); '' where Google withheld the address. */
  readonly by: string;
  /** The trigger that runs it ('' once off). */
  readonly triggerUid: string;
  /** When it was turned on or off (ms). */
  readonly at: number;
  /** When its trigger last ran (ms). */
  readonly lastRunAt?: number;
}

export function rememberSpreadsheet(spreadsheet: Spreadsheet, triggerUid: string): void {
  PropertiesService.getUserProperties().setProperty(triggerKey(triggerUid), spreadsheet.getId());
}

export function forgetSpreadsheet(triggerUid: string): void {
  PropertiesService.getUserProperties().deleteProperty(triggerKey(triggerUid));
}

export function spreadsheetOfTrigger(triggerUid: string): string | null {
  return PropertiesService.getUserProperties().getProperty(triggerKey(triggerUid));
}

/** The current user's hourly triggers for a spreadsheet (Google shows each user only their own). */
export function myHourlyTriggers(spreadsheetId: string): GoogleAppsScript.Script.Trigger[] {
  const mine = PropertiesService.getUserProperties().getProperties();
  return ScriptApp.getProjectTriggers().filter(
    (t) =>
      t.getHandlerFunction() === HOURLY_HANDLER &&
      mine[triggerKey(t.getUniqueId())] === spreadsheetId,
  );
}

/** Deletes the current user's trigger with this UID, and its mapping. */
export function retireTrigger(triggerUid: string): void {
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (trigger.getUniqueId() === triggerUid) ScriptApp.deleteTrigger(trigger);
  }
  forgetSpreadsheet(triggerUid);
}

/**
 * How openById says a file is deleted, trashed or not shared with the running user (texts in
 * docs/apps-script-behaviour.md); any other failure may pass and is not taken for good.
 */
const GONE =
  /is missing|perhaps it was deleted|don't have (read )?access|do not have permission to access the requested document|Unexpected error while getting the method or property openById/i;

export function isGoneError(error: unknown): boolean {
  return GONE.test(error instanceof Error ? error.message : String(error));
}

/**
 * The spreadsheet of a time-driven run: the active one, or, where an add-on's run has none, the one
 * recorded for its trigger. Null when no spreadsheet is recorded for it or the recorded one is gone
 * (deleted, or no longer shared with the trigger's creator): such a trigger can never run.
 */
export function automationSpreadsheet(triggerUid: string): Spreadsheet | null {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  const id = spreadsheetOfTrigger(triggerUid);
  if (!id) return null;
  try {
    return SpreadsheetApp.openById(id);
  } catch (error) {
    if (isGoneError(error)) return null;
    throw error;
  }
}

export function readAutomation(): AutomationRecord | null {
  return readState<AutomationRecord | null>(STATE_KEYS.automation, null);
}

export function writeAutomation(record: AutomationRecord): void {
  writeState(STATE_KEYS.automation, record);
}
