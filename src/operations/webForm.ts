// doPost (SPEC §13.3): a web form's lead, for the spreadsheet named by `?sheet=<ID>` in the form's
// address. A web app runs as the deploying owner with no active spreadsheet, no document
// properties and no document lock (SPEC §11), so everything it needs is in that spreadsheet: it is
// opened by ID, the token is checked against its Settings in constant time before anything is
// written, and the hourly count lives in its hidden state tab under its spreadsheet lock. One
// script serves any number of spreadsheets this way, and no property store grows with them.

import type { Language } from '../sheet/language';
import { CAPTURE, inEveryLanguage, t } from '../sheet/text';
import { DEFAULT_SOURCES } from '../sheet/options';
import { tokenMatches } from '../method/capture/formToken';
import { admitToHourlyCap } from '../method/capture/hourlyCap';
import { type PostedLead, readPostedLead } from '../method/capture/postedLead';
import { readWebRequest, type WebEvent } from '../method/capture/webRequest';
import type { Settings } from '../method/settings/settings';
import { BusyError } from '../gas/lock';
import { loadSettings } from '../gas/settingsTab';
import { readState, STATE_KEYS, writeState } from '../gas/stateStore';
import { jsonOutput, type WebAnswer } from '../gas/webAnswer';
import { localeLanguage, type Spreadsheet, tabIndex } from '../gas/workbook';
import { captureLead } from './captureLead';
import { runOperation } from './operation';
import { labelIn } from '../sheet/language';

const refused = (field: string, message: string, limit?: number): WebAnswer => ({
  ok: false,
  errors: [{ field, message }],
  ...(limit === undefined ? {} : { limit }),
});

/** The spreadsheet, or undefined when the owner cannot open it (deleted, unshared, no such ID). */
function openSpreadsheet(id: string): Spreadsheet | undefined {
  try {
    return SpreadsheetApp.openById(id);
  } catch {
    return undefined;
  }
}

/** Settings as they stand, or undefined when they are invalid (the Log of the next run says why). */
function currentSettings(
  spreadsheet: Spreadsheet,
): { settings: Settings; language: Language } | undefined {
  try {
    const locale = localeLanguage(spreadsheet);
    return loadSettings(tabIndex(spreadsheet).settings, locale);
  } catch {
    return undefined;
  }
}

/** Appends the lead unless the hour's cap is reached; the caller holds the spreadsheet. */
function addUnderCap(spreadsheet: Spreadsheet, lead: PostedLead): WebAnswer {
  return runOperation(
    { action: CAPTURE.channel.web, spreadsheet, automated: true },
    (context): WebAnswer => {
      const limit = context.settings.webLeadsPerHour;
      const cap = admitToHourlyCap(
        readState(STATE_KEYS.webLeadsThisHour, null),
        context.now,
        limit,
      );
      if (!cap.admitted)
        return refused('form', t(context.language, CAPTURE.hourlyLimit, limit), limit);
      writeState(STATE_KEYS.webLeadsThisHour, cap.count);
      const captured = captureLead(context, lead, 'web');
      return {
        ok: true,
        leadId: captured.leadId,
        ...(captured.duplicateOf ? { duplicateOf: captured.duplicateOf } : {}),
      };
    },
  );
}

function answerPost(event: WebEvent | undefined): WebAnswer {
  const request = readWebRequest(event);
  if (!request.ok) return refused('body', inEveryLanguage(CAPTURE.bodyUnreadable));
  if (!request.sheetId) return refused('sheet', inEveryLanguage(CAPTURE.noSheet));
  const spreadsheet = openSpreadsheet(request.sheetId);
  const loaded = spreadsheet && currentSettings(spreadsheet);
  // Before the lock and the state are touched: a caller without the token writes nothing at all.
  if (
    !spreadsheet ||
    !loaded ||
    !tokenMatches(loaded.settings.webFormToken, request.fields.token)
  ) {
    const language = loaded?.language;
    const message = language
      ? t(language, CAPTURE.tokenRefused)
      : inEveryLanguage(CAPTURE.tokenRefused);
    return refused('token', message);
  }
  const { settings, language } = loaded;
  if (settings.webLeadsPerHour === 0) return refused('form', t(language, CAPTURE.closed));
  const website = DEFAULT_SOURCES.find((s) => s.key === 'website');
  const checked = readPostedLead(
    request.fields,
    language,
    website ? labelIn(language, website) : '',
  );
  if (!checked.ok) return { ok: false, errors: checked.errors };
  try {
    return addUnderCap(spreadsheet, checked.lead);
  } catch (error) {
    // runOperation has written the failure to the Log and mailed the managers.
    const busy = error instanceof BusyError;
    return refused('form', t(language, busy ? CAPTURE.busy : CAPTURE.notSaved));
  }
}

/** The web app's POST handler: always a JSON answer, never an error page. */
export function handleWebPost(event: WebEvent | undefined): GoogleAppsScript.Content.TextOutput {
  return jsonOutput(answerPost(event));
}
