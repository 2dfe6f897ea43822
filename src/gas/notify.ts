// Sends what planReminders decided: one digest per owner and one to the managers per run, within the
// mail quota. Each digest lists its most urgent items (at most 200) and counts the rest; only the
// listed items are recorded, before anything is sent, so none is mailed twice and the rest come in
// the next runs. What the quota does not allow stays unrecorded too. Then the chat summary.

import type { TimeZone } from '../sheet/calendar';
import type { Language } from '../sheet/language';
import { APP, REMINDERS, t } from '../sheet/text';
import { planReminders, pruneLedger, type ReminderCells } from '../method/reminders/reminderPlan';
import { renderDigest, summaryText } from '../method/reminders/reminders';
import { packLedger, unpackLedger } from '../method/reminders/mailLedger';
import type { Settings } from '../method/settings/settings';
import { chatRequest } from '../method/reminders/webhooks';
import type { LogEntry } from './log';
import { readState, saveState, STATE_KEYS, writeState } from './stateStore';

export interface NotifyInput {
  readonly leads: readonly ReminderCells[];
  readonly pool: readonly ReminderCells[];
  readonly settings: Settings;
  readonly language: Language;
  readonly zone: TimeZone;
  readonly now: Date;
  readonly spreadsheetUrl: string;
  /** Sheet IDs of Leads and Pool: each listed lead links to its row. */
  readonly sheetIds?: { readonly leads?: number; readonly pool?: number };
  readonly counts: { assigned: number; pooled: number; returned: number };
}

export interface NotifyResult {
  readonly digestsSent: number;
  /** Items listed in the digests sent; items only counted are not in it. */
  readonly itemsSent: number;
  readonly deferred: number;
  readonly breaches: number;
  readonly log: LogEntry[];
}

type DigestItems = Parameters<typeof renderDigest>[0]['items'];

interface Outgoing {
  readonly to: string;
  readonly name: string;
  readonly keys: readonly string[];
  readonly items: DigestItems;
  readonly forManagers: boolean;
}

interface Rendered {
  readonly mail: Outgoing;
  readonly digest: ReturnType<typeof renderDigest>;
  /** Ledger keys of the items the digest lists. */
  readonly listedKeys: string[];
}

/** A Log cell lists at most this many names, each cut to MAX_NAME_CHARS; the rest are counted. */
const MAX_NAMES_IN_LOG = 20;
const MAX_NAME_CHARS = 60;

/** Names joined for one Log cell, the first MAX_NAMES_IN_LOG of them, then how many more. */
function nameList(names: readonly string[], language: Language): string {
  const shown = names.slice(0, MAX_NAMES_IN_LOG).join(t(language, APP.listSeparator));
  const more = names.length - MAX_NAMES_IN_LOG;
  return more > 0 ? `${shown}${t(language, REMINDERS.morePeople, more)}` : shown;
}

/** The keys of items already mailed (today's, and news still inside its window). */
export function readMailLedger(): string[] {
  return unpackLedger(readState<unknown>(STATE_KEYS.mailLedger, []));
}

/**
 * Saves the ledger, pruned and packed, to the spreadsheet at once. Callers record before they
 * send: a run that dies mid-way may lose a reminder, never send it twice.
 */
export function recordMailed(keys: readonly string[], now: Date, zone: TimeZone): void {
  writeState(STATE_KEYS.mailLedger, packLedger(pruneLedger(keys, now, zone)));
  // The store keeps the ledger only in memory until saved; the mail must not go out first.
  saveState();
}

function outgoingMail(
  plan: ReturnType<typeof planReminders>,
  settings: Settings,
  language: Language,
): Outgoing[] {
  const outgoing: Outgoing[] = [];
  for (const [email, entry] of plan.owners) {
    outgoing.push({
      to: email,
      name: entry.name,
      keys: entry.reminders.map((r) => r.key),
      items: entry.reminders.map((r) => r.item),
      forManagers: false,
    });
  }
  // Google refuses a message to more than 50 recipients: a long manager list gets several.
  for (let at = 0; plan.managers.length > 0 && at < settings.managerEmails.length; at += 50) {
    outgoing.push({
      to: settings.managerEmails.slice(at, at + 50).join(','),
      name: t(language, REMINDERS.managers),
      keys: plan.managers.map((r) => r.key),
      items: plan.managers.map((r) => r.item),
      forManagers: true,
    });
  }
  return outgoing;
}

/** The digests the quota allows, in order; the quota counts recipients. */
function withinQuota(outgoing: readonly Outgoing[]): Outgoing[] {
  let quota = outgoing.length > 0 ? MailApp.getRemainingDailyQuota() : 0;
  const sendable: Outgoing[] = [];
  for (const mail of outgoing) {
    const recipients = mail.to.split(',').length;
    if (recipients > quota) continue;
    quota -= recipients;
    sendable.push(mail);
  }
  return sendable;
}

function render(mail: Outgoing, input: NotifyInput): Rendered {
  const digest = renderDigest({
    recipientName: mail.name,
    items: mail.items,
    language: input.language,
    zone: input.zone,
    spreadsheetUrl: input.spreadsheetUrl,
    forManagers: mail.forManagers,
    sheetIds: input.sheetIds,
  });
  return { mail, digest, listedKeys: digest.listed.map((at) => mail.keys[at]) };
}

export function notify(input: NotifyInput): NotifyResult {
  const { settings, language, zone, now } = input;
  const ledger = readMailLedger();
  const plan = planReminders(input.leads, input.pool, settings, now, zone, new Set(ledger));
  const outgoing = outgoingMail(plan, settings, language);
  const action = t(language, REMINDERS.remindersAction);
  const log: LogEntry[] = [];
  if (plan.unreachable.length > 0) {
    const owners = plan.unreachable
      .map((owner) => Array.from(owner).slice(0, MAX_NAME_CHARS).join(''))
      .map((owner) => t(language, APP.quoted, owner));
    log.push({ action, detail: t(language, REMINDERS.noEmail, nameList(owners, language)) });
  }

  const sendable = withinQuota(outgoing);
  const deferred = outgoing.length - sendable.length;
  if (deferred > 0) log.push({ action, detail: t(language, REMINDERS.quotaReached, deferred) });

  let rendered = sendable.map((mail) => render(mail, input));
  if (rendered.length > 0) {
    // One write, before the first message goes out.
    const listed = rendered.flatMap((r) => r.listedKeys);
    recordMailed([...ledger, ...listed], now, zone);
    const failed = new Set<Rendered>();
    for (const sending of rendered) {
      const { mail, digest } = sending;
      try {
        MailApp.sendEmail(mail.to, digest.subject, digest.text, {
          htmlBody: digest.html,
          name: t(language, APP.name),
        });
      } catch (error) {
        // One refused message (a mistyped address) must not keep the others from going out.
        failed.add(sending);
        const message = String((error as Error).message ?? error);
        log.push({ action, detail: t(language, REMINDERS.digestFailed, mail.to, message) });
      }
    }
    if (failed.size > 0) {
      // Items of the refused digests were recorded as mailed: they are taken back, to come again.
      const unsent = new Set([...failed].flatMap((r) => r.listedKeys));
      recordMailed([...ledger, ...listed.filter((key) => !unsent.has(key))], now, zone);
      rendered = rendered.filter((r) => !failed.has(r));
    }
  }
  if (rendered.length > 0) {
    const recipients = rendered.map((r) =>
      t(language, REMINDERS.recipient, r.mail.to, r.listedKeys.length, r.mail.items.length),
    );
    const list = nameList(recipients, language);
    log.push({ action, detail: t(language, REMINDERS.mailed, rendered.length, list) });
  }
  const breaches = plan.managers.filter((r) => r.item.kind === 'slaBreach').length;
  const itemsSent = rendered.reduce((n, r) => n + r.listedKeys.length, 0);
  const summary = { ...input.counts, reminded: itemsSent, breaches, language };
  if (
    settings.chatWebhook &&
    (summary.assigned || summary.pooled || summary.returned || itemsSent)
  ) {
    log.push(...postToChat(settings.chatWebhook, summaryText(summary), now, language));
  }
  return { digestsSent: rendered.length, itemsSent, deferred, breaches, log };
}

/** Posts a line to the team's chat; a failing webhook is logged, never fatal. */
export function postToChat(url: string, text: string, now: Date, language: Language): LogEntry[] {
  const action = t(language, REMINDERS.chatAction);
  try {
    const request = chatRequest(url, text, {
      now,
      hmacSha256Base64: (secret, message) =>
        Utilities.base64Encode(Utilities.computeHmacSha256Signature(message, secret)),
    });
    const response = UrlFetchApp.fetch(request.url, {
      method: 'post',
      contentType: 'application/json',
      payload: request.payload,
      muteHttpExceptions: true,
    });
    const code = response.getResponseCode();
    const body = response.getContentText();
    // WeCom and DingTalk answer 200 with {"errcode": n} on failure.
    const errcode = /"errcode"\s*:\s*(\d+)/.exec(body)?.[1];
    if (code >= 300 || (errcode && errcode !== '0')) {
      return [{ action, detail: t(language, REMINDERS.chatAnswered, code, body.slice(0, 200)) }];
    }
    return [];
  } catch (error) {
    const message = String((error as Error).message ?? error);
    return [{ action, detail: t(language, REMINDERS.chatFailed, message) }];
  }
}
