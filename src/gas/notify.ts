// Sends what planReminders decided: one digest per owner and one to the managers per run, within the
// mail quota, recording each item before sending so that no item is ever mailed twice; then the chat
// summary. What the quota does not allow stays unrecorded and goes out on a later run.

import type { TimeZone } from '../sheet/calendar';
import type { Language } from '../sheet/language';
import { planReminders, pruneLedger, type ReminderCells } from '../method/reminders/reminderPlan';
import { renderDigest, summaryText } from '../method/reminders/reminders';
import type { Settings } from '../method/settings/settings';
import { chatRequest } from '../method/reminders/webhooks';
import type { LogEntry } from './log';
import { readState, STATE_KEYS, writeState } from './stateStore';

export interface NotifyInput {
  readonly leads: readonly ReminderCells[];
  readonly pool: readonly ReminderCells[];
  readonly settings: Settings;
  readonly language: Language;
  readonly zone: TimeZone;
  readonly now: Date;
  readonly spreadsheetUrl: string;
  readonly counts: { assigned: number; pooled: number; returned: number };
}

export interface NotifyResult {
  readonly digestsSent: number;
  readonly itemsSent: number;
  readonly deferred: number;
  readonly breaches: number;
  readonly log: LogEntry[];
}

interface Outgoing {
  readonly to: string;
  readonly name: string;
  readonly keys: string[];
  readonly items: Parameters<typeof renderDigest>[0]['items'];
  readonly forManagers: boolean;
}

const say = (language: Language, en: string, zh: string) => (language === 'zh' ? zh : en);

export function notify(input: NotifyInput): NotifyResult {
  const { settings, language, zone, now } = input;
  const ledger = readState<string[]>(STATE_KEYS.mailLedger, []);
  const plan = planReminders(input.leads, input.pool, settings, now, zone, new Set(ledger));
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
  if (plan.managers.length > 0 && settings.managerEmails.length > 0) {
    outgoing.push({
      to: settings.managerEmails.join(','),
      name: say(language, 'managers', '经理'),
      keys: plan.managers.map((r) => r.key),
      items: plan.managers.map((r) => r.item),
      forManagers: true,
    });
  }
  const log: LogEntry[] = [];
  const action = say(language, 'Reminders', '提醒');
  for (const owner of plan.unreachable) {
    log.push({
      action,
      detail: say(
        language,
        `No e-mail address for owner "${owner}"; add one in the Settings team table.`,
        `负责人「${owner}」没有邮箱，请在设置的销售团队表中填写。`,
      ),
    });
  }

  // The quota counts recipients; whatever does not fit waits for a later run, unrecorded.
  let quota = outgoing.length > 0 ? MailApp.getRemainingDailyQuota() : 0;
  const sendable: Outgoing[] = [];
  for (const mail of outgoing) {
    const recipients = mail.to.split(',').length;
    if (recipients > quota) continue;
    quota -= recipients;
    sendable.push(mail);
  }
  const deferred = outgoing.length - sendable.length;
  if (deferred > 0) {
    log.push({
      action,
      detail: say(
        language,
        `Mail quota reached: ${deferred} digest(s) will be sent on a later run.`,
        `今日邮件额度不足：${deferred} 封摘要将在之后的运行中发送。`,
      ),
    });
  }
  if (sendable.length > 0) {
    // Recorded before sending: a run that dies mid-way may lose a reminder, never send it twice.
    writeState(
      STATE_KEYS.mailLedger,
      pruneLedger([...ledger, ...sendable.flatMap((m) => m.keys)], now, zone),
    );
    for (const mail of sendable) {
      const digest = renderDigest({
        recipientName: mail.name,
        items: mail.items,
        language,
        zone,
        spreadsheetUrl: input.spreadsheetUrl,
        forManagers: mail.forManagers,
      });
      MailApp.sendEmail(mail.to, digest.subject, digest.text, {
        htmlBody: digest.html,
        name: say(language, 'Lead Tracker', '线索跟踪'),
      });
    }
    log.push({
      action,
      detail: say(
        language,
        `Mailed ${sendable.length} digest(s): ${sendable.map((m) => `${m.to} (${m.items.length})`).join(', ')}`,
        `已发送 ${sendable.length} 封摘要：${sendable.map((m) => `${m.to}（${m.items.length} 条）`).join('、')}`,
      ),
    });
  }
  const breaches = plan.managers.filter((r) => r.item.kind === 'slaBreach').length;
  const itemsSent = sendable.reduce((n, m) => n + m.items.length, 0);
  const summary = { ...input.counts, reminded: itemsSent, breaches, language };
  if (
    settings.chatWebhook &&
    (summary.assigned || summary.pooled || summary.returned || itemsSent)
  ) {
    log.push(...postToChat(settings.chatWebhook, summaryText(summary), now, language));
  }
  return { digestsSent: sendable.length, itemsSent, deferred, breaches, log };
}

/** Posts the run summary; a failing webhook is logged, never fatal. */
function postToChat(url: string, text: string, now: Date, language: Language): LogEntry[] {
  const action = say(language, 'Chat webhook', '群机器人');
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
      return [
        {
          action,
          detail: say(
            language,
            `The chat webhook answered ${code}: ${body.slice(0, 200)}`,
            `群机器人返回 ${code}：${body.slice(0, 200)}`,
          ),
        },
      ];
    }
    return [];
  } catch (error) {
    return [
      {
        action,
        detail: say(
          language,
          `The chat webhook failed: ${String((error as Error).message ?? error)}`,
          `群机器人发送失败：${String((error as Error).message ?? error)}`,
        ),
      },
    ];
  }
}
