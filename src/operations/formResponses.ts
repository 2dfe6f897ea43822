// Google Forms (SPEC §13.3): "Connect a form…" installs the spreadsheet's one form-submit trigger
// for a response tab, and each response that lands there becomes a lead in the same execution.

import type { Language } from '../sheet/language';
import { CAPTURE, ERRORS, OPERATIONS, t } from '../sheet/text';
import { DEFAULT_SOURCES } from '../sheet/options';
import { LEAD_COLUMNS } from '../sheet/tabs';
import { fieldsOfResponse, postedFieldsIn } from '../method/capture/formResponse';
import { readPostedLead } from '../method/capture/postedLead';
import { toast } from '../gas/feedback';
import {
  deleteMyTrigger,
  installFormTrigger,
  myFormTriggers,
  readFormTrigger,
  writeFormTrigger,
} from '../gas/formTrigger';
import { appendLog } from '../gas/log';
import { readState, STATE_KEYS, writeState } from '../gas/stateStore';
import { activeSpreadsheet, localeLanguage } from '../gas/workbook';
import { captureLead } from './captureLead';
import { type OperationContext, runOperation } from './operation';
import { labelIn } from '../sheet/language';

/** Responses remembered as handled: Google may deliver one event twice; 50 covers any burst. */
const SEEN_MEMORY = 50;

function effectiveUser(): string {
  try {
    return Session.getEffectiveUser().getEmail();
  } catch {
    return '';
  }
}

/** The tab name typed into a prompt; undefined when the person cancels or types nothing. */
function askForTab(language: Language): string | undefined {
  const ui = SpreadsheetApp.getUi();
  const response = ui.prompt(
    t(language, CAPTURE.connectTitle),
    t(language, CAPTURE.connectPrompt),
    ui.ButtonSet.OK_CANCEL,
  );
  if (response.getSelectedButton() !== ui.Button.OK) return undefined;
  return response.getResponseText().trim() || undefined;
}

/** Connects the tab under the lock; returns what to tell the person. Throws when it cannot. */
function connect(context: OperationContext, name: string): string {
  const { spreadsheet, language } = context;
  const tab = spreadsheet.getSheetByName(name);
  if (!tab) throw new Error(t(language, ERRORS.noSuchTab, name));
  const header = tab.getRange(1, 1, 1, Math.max(tab.getLastColumn(), 1)).getValues()[0];
  const found = postedFieldsIn(header);
  if (found.contact === undefined && found.phone === undefined) {
    const required = LEAD_COLUMNS.filter((c) => c.key === 'contact' || c.key === 'phone');
    const fields = required.map((c) => `"${labelIn(language, c.header)}"`).join(' / ');
    throw new Error(t(language, CAPTURE.notResponses, name, fields));
  }
  const record = readFormTrigger();
  const me = effectiveUser();
  const mine = myFormTriggers(spreadsheet);
  const tabs = record ? [...record.tabs] : [];
  const added = !tabs.includes(name);
  if (added) tabs.push(name);
  if (record?.triggerUid) {
    const recordedIsMine = mine.some((trigger) => trigger.getUniqueId() === record.triggerUid);
    // Another person's trigger cannot be seen, only trusted; one of the caller's that is gone can.
    if (recordedIsMine || (record.by !== '' && record.by !== me)) {
      writeFormTrigger({ ...record, tabs });
      if (!added) return t(language, CAPTURE.alreadyConnected, name);
      return recordedIsMine
        ? t(language, CAPTURE.connected, name)
        : t(language, CAPTURE.connectedBySomeone, name, record.by);
    }
  }
  // Triggers of the caller's left over from an earlier connection: one per spreadsheet.
  for (const stray of mine) deleteMyTrigger(stray.getUniqueId());
  writeFormTrigger({ triggerUid: installFormTrigger(spreadsheet), by: me, tabs });
  return t(language, CAPTURE.connected, name);
}

/** Menu "Connect a form…" (asks for the tab), or a call naming the response tab. */
export function connectFormResponses(sheetName?: unknown): string | undefined {
  const spreadsheet = activeSpreadsheet();
  const name =
    typeof sheetName === 'string' && sheetName.trim() !== ''
      ? sheetName.trim()
      : askForTab(localeLanguage(spreadsheet));
  if (!name) return undefined;
  return runOperation({ action: OPERATIONS.connectFormResponses }, (context) => {
    const message = connect(context, name);
    toast(spreadsheet, message, t(context.language, CAPTURE.connectTitle));
    return message;
  });
}

/** What Google passes an installable form-submit trigger (guides/triggers/events). */
export interface FormSubmitEvent {
  readonly range?: GoogleAppsScript.Spreadsheet.Range;
  readonly namedValues?: Readonly<Record<string, unknown>>;
  readonly values?: readonly unknown[];
  readonly triggerUid?: string;
}

/** One response: a lead at once, or a Log line naming what it lacks. */
function takeResponse(context: OperationContext, event: FormSubmitEvent, tab: string): void {
  const { spreadsheet, tabs, language, now } = context;
  const row = event.range?.getRow() ?? 0;
  const key = `${tab}|${row}|${String(event.values?.[0] ?? '')}`;
  const seen = readState<string[]>(STATE_KEYS.formResponsesSeen, []);
  if (seen.includes(key)) return;
  writeState(STATE_KEYS.formResponsesSeen, [...seen, key].slice(-SEEN_MEMORY));
  const website = DEFAULT_SOURCES.find((s) => s.key === 'website');
  const checked = readPostedLead(
    fieldsOfResponse(event.namedValues),
    language,
    website ? labelIn(language, website) : '',
  );
  if (checked.ok) {
    captureLead(context, checked.lead, 'form');
    return;
  }
  const problems = checked.errors.map((e) => e.message).join(' ');
  appendLog(
    spreadsheet,
    tabs,
    [
      {
        action: t(language, CAPTURE.channel.form),
        detail: t(language, CAPTURE.responseSkipped, tab, row, problems),
      },
    ],
    language,
    now,
    '',
  );
}

/**
 * The installable form-submit trigger. Only the spreadsheet's recorded trigger takes responses,
 * and only from connected tabs; any other trigger for it deletes itself.
 */
export function handleFormSubmit(event: FormSubmitEvent | undefined): void {
  const range = event?.range;
  if (!event || !range) return;
  const sheet = range.getSheet();
  const tab = sheet.getName();
  const admit = () => {
    const record = readFormTrigger();
    if (!record || record.triggerUid !== event.triggerUid) {
      if (event.triggerUid) deleteMyTrigger(event.triggerUid);
      return false;
    }
    return record.tabs.includes(tab);
  };
  runOperation(
    { action: CAPTURE.channel.form, spreadsheet: sheet.getParent(), automated: true, admit },
    (context) => takeResponse(context, event, tab),
  );
}
