// Tells the managers that an automated run failed, at most once a day for the same message.

import { formatCalendarDate, calendarDateOf } from '../sheet/calendar';
import type { Language } from '../sheet/language';
import { failureMailKey } from '../method/reminders/mailLedger';
import { cutToUtf8Bytes } from '../method/reminders/webhooks';
import { managerEmailsOf } from '../method/settings/settingsParse';
import { readMailLedger, recordMailed } from './notify';
import { spreadsheetTimeZone } from './timeZone';
import { readAll, type Sheet, type Spreadsheet } from './workbook';

/** An error may quote a whole column; the mail carries its head, the Log tab has the rest. */
const MAX_MESSAGE_BYTES = 50_000;

/** Every message this file writes, in both languages. */
const WORDING = {
  subject: (language: Language, label: string) =>
    language === 'zh' ? `线索跟踪：${label}` : `Lead Tracker: ${label}`,
  intro: (language: Language, name: string) =>
    language === 'zh'
      ? `「${name}」的自动任务失败了，下次运行会接着完成：`
      : `The automated run in "${name}" failed; the next run picks up where it stopped:`,
};

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
  const now = new Date();
  const zone = spreadsheetTimeZone(spreadsheet);
  const key = failureMailKey(formatCalendarDate(calendarDateOf(now, zone)), message);
  const ledger = readMailLedger();
  if (ledger.includes(key)) return;
  // Recorded (and earlier days' keys pruned) before sending, as for the digests.
  recordMailed([...ledger, key], now, zone);
  MailApp.sendEmail(
    managers.join(','),
    WORDING.subject(language, label),
    `${WORDING.intro(language, spreadsheet.getName())}\n\n` +
      `${cutToUtf8Bytes(message, MAX_MESSAGE_BYTES)}\n\n${spreadsheet.getUrl()}`,
  );
}
