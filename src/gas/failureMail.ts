// Tells the managers that an automated run failed, at most once a day for the same message.

import { formatCalendarDate, calendarDateOf } from '../sheet/calendar';
import type { Language } from '../sheet/language';
import { managerEmailsOf } from '../method/settings/settingsParse';
import { readState, STATE_KEYS, writeState } from './stateStore';
import { spreadsheetTimeZone } from './timeZone';
import { readAll, type Sheet, type Spreadsheet } from './workbook';

/** A short, stable fingerprint of a message, for the once-a-day key. */
function fingerprint(text: string): string {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return (hash >>> 0).toString(36);
}

export function mailFailureToManagers(
  spreadsheet: Spreadsheet,
  settingsSheet: Sheet | undefined,
  label: string,
  message: string,
  language: Language,
): void {
  // Read leniently: the failure may be the Settings tab itself.
  const managers = settingsSheet ? managerEmailsOf(readAll(settingsSheet)) : [];
  if (managers.length === 0 || MailApp.getRemainingDailyQuota() < managers.length) return;
  const day = formatCalendarDate(calendarDateOf(new Date(), spreadsheetTimeZone(spreadsheet)));
  const key = `er|${day}|${fingerprint(message)}`;
  const ledger = readState<string[]>(STATE_KEYS.mailLedger, []);
  if (ledger.includes(key)) return;
  writeState(STATE_KEYS.mailLedger, [...ledger, key]);
  const subject = language === 'zh' ? `线索跟踪：${label}` : `Lead Tracker: ${label}`;
  const intro =
    language === 'zh'
      ? `「${spreadsheet.getName()}」的自动任务失败了，下次运行会接着完成：`
      : `The automated run in "${spreadsheet.getName()}" failed; the next run picks up where it stopped:`;
  MailApp.sendEmail(
    managers.join(','),
    subject,
    `${intro}\n\n${message}\n\n${spreadsheet.getUrl()}`,
  );
}
