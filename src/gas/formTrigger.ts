// The spreadsheet's one form-submit trigger (SPEC §13.3): recorded in the spreadsheet's state with
// the tabs whose responses become leads, so a second editor connecting a form adds a tab instead
// of a second trigger (two triggers would make every response two leads).

import { readState, STATE_KEYS, writeState } from './stateStore';
import type { Spreadsheet } from './workbook';

export const FORM_HANDLER = 'onFormSubmit';

export interface FormTriggerRecord {
  readonly triggerUid: string;
  /** Who installed it (it runs as them); '' where Google withheld the address. */
  readonly by: string;
  /** Response tabs whose rows become leads. */
  readonly tabs: readonly string[];
}

export function readFormTrigger(): FormTriggerRecord | null {
  const record = readState<FormTriggerRecord | null>(STATE_KEYS.formTrigger, null);
  return record && typeof record.triggerUid === 'string' && Array.isArray(record.tabs)
    ? record
    : null;
}

export function writeFormTrigger(record: FormTriggerRecord): void {
  writeState(STATE_KEYS.formTrigger, record);
}

/** The running user's form-submit triggers for this spreadsheet (Google lists only one's own). */
export function myFormTriggers(spreadsheet: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(spreadsheet).filter(
    (t) =>
      t.getHandlerFunction() === FORM_HANDLER &&
      t.getEventType() === ScriptApp.EventType.ON_FORM_SUBMIT,
  );
}

export function installFormTrigger(spreadsheet: Spreadsheet): string {
  return ScriptApp.newTrigger(FORM_HANDLER)
    .forSpreadsheet(spreadsheet)
    .onFormSubmit()
    .create()
    .getUniqueId();
}

/** Deletes one of the running user's triggers by ID; another person's is out of reach. */
export function deleteMyTrigger(triggerUid: string): void {
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (trigger.getUniqueId() === triggerUid) ScriptApp.deleteTrigger(trigger);
  }
}
