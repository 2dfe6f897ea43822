// Tells the managers that an automated run failed, at most once a day for the same message.

import { formatCalendarDate, calendarDateOf } from '../sheet/calendar';
import type { Language } from '../sheet/language';
import { REMINDERS, t } from '../sheet/text';
import { failureMailKey } from '../method/reminders/mailLedger';
import { cutToUtf8Bytes } from '../method/reminders/webhooks';
import { managerEmailsOf } from '../method/settings/settingsParse';
import { readMailLedger, recordMailed } from './notify';
import { spreadsheetTimeZone } from './timeZone';
import { readAll, type Sheet, type Spreadsheet } from './workbook';

/** An error may quote a whole column; the mail carries its head, the Log tab has the rest. */
const MAX_MESSAGE_BYTES = 50_000;

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
    t(language, REMINDERS.failureSubject, label),
    `${t(language, REMINDERS.failureIntro, spreadsheet.getName())}\n\n` +
      `${cutToUtf8Bytes(message, MAX_MESSAGE_BYTES)}\n\n${spreadsheet.getUrl()}`,
  );
}
