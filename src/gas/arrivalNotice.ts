// Tells a form lead's owner at once, by one e-mail, and the team's chat (SPEC §13.3). The e-mail is
// recorded in the mail ledger as the assignment's reminder first, so the next digest does not
// repeat it; with no mail quota left it is not recorded, and the next digest carries it instead.

import type { TimeZone } from '../sheet/calendar';
import type { Language } from '../sheet/language';
import { APP, CAPTURE, REMINDERS, t } from '../sheet/text';
import type { LeadColumnKey } from '../sheet/tabs';
import { ownerEmail } from '../method/assignment/assignment';
import { renderArrivalMail } from '../method/capture/arrivalMail';
import { reminderKey } from '../method/reminders/reminders';
import type { Settings } from '../method/settings/settings';
import type { LogEntry } from './log';
import { postToChat, readMailLedger, recordMailed } from './notify';

export interface Arrival {
  readonly lead: Readonly<Partial<Record<LeadColumnKey, unknown>>>;
  /** Set when the lead was assigned in this execution. */
  readonly owner: string;
  readonly assignedAt: Date | undefined;
  readonly firstContactDue: Date | undefined;
  readonly channel: string;
}

export interface NoticeContext {
  readonly settings: Settings;
  readonly language: Language;
  readonly zone: TimeZone;
  readonly now: Date;
  readonly spreadsheetUrl: string;
  /** Opens the lead's row; see mailLayout's rowLink. */
  readonly leadLink?: string;
}

/** Mails the owner, when there is one with an address, and returns what the Log should say. */
function mailOwner(arrival: Arrival, context: NoticeContext): LogEntry[] {
  const { settings, language, zone, now } = context;
  if (!arrival.owner || !arrival.assignedAt) return [];
  const action = t(language, REMINDERS.remindersAction);
  const to = ownerEmail(arrival.owner, settings.team);
  if (!to) {
    const owner = t(language, APP.quoted, arrival.owner);
    return [{ action, detail: t(language, REMINDERS.noEmail, owner) }];
  }
  if (MailApp.getRemainingDailyQuota() < 1) {
    return [{ action, detail: t(language, REMINDERS.quotaReached, 1) }];
  }
  const item = {
    kind: 'assigned' as const,
    leadId: String(arrival.lead.id ?? ''),
    grade: '',
    company: '',
    contact: '',
  };
  recordMailed(
    [...readMailLedger(), reminderKey(item, String(arrival.assignedAt.getTime()))],
    now,
    zone,
  );
  const mail = renderArrivalMail({
    lead: arrival.lead,
    ownerName: arrival.owner,
    channel: arrival.channel,
    firstContactDue: arrival.firstContactDue,
    language,
    zone,
    spreadsheetUrl: context.spreadsheetUrl,
    leadLink: context.leadLink,
  });
  MailApp.sendEmail(to, mail.subject, mail.text, {
    htmlBody: mail.html,
    name: t(language, APP.name),
  });
  const recipient = t(language, REMINDERS.recipient, to, 1, 1);
  return [{ action, detail: t(language, REMINDERS.mailed, 1, recipient) }];
}

/** E-mails the owner and tells the chat webhook; returns the Log lines for both. */
export function announceArrival(arrival: Arrival, context: NoticeContext): LogEntry[] {
  const { settings, language, now } = context;
  const log = mailOwner(arrival, context);
  if (settings.chatWebhook) {
    const line = t(
      language,
      CAPTURE.chatLine,
      String(arrival.lead.id ?? ''),
      String(arrival.lead.grade ?? ''),
      arrival.channel,
      arrival.owner,
    );
    log.push(...postToChat(settings.chatWebhook, line, now, language));
  }
  return log;
}
