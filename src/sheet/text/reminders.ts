// What the reminder e-mails, the chat summary and the failure e-mail say, and the Log lines of
// sending them.

import { formatCount } from './count';
import { type Catalogue, template } from './entry';

export const REMINDERS = {
  /** A digest's section for each kind of reminder. */
  heading: {
    firstContactOverdue: { en: 'First contact overdue', zh: '首次联系已超时' },
    followUpOverdue: { en: 'Follow-ups overdue', zh: '跟进已逾期' },
    slaBreach: { en: 'First-contact SLA breached', zh: '首次触达超时' },
    followUpDue: { en: 'Follow-ups due', zh: '待跟进' },
    assigned: { en: 'Newly assigned', zh: '新分配的线索' },
    poolArrival: { en: 'New in the public pool', zh: '新进入公海的线索' },
    pooled: { en: 'Moved to the public pool', zh: '已转入公海' },
  },
  /** What the time on an item's line is, for each kind of reminder. */
  dueLabel: {
    firstContactOverdue: { en: 'first contact was due', zh: '首次联系应于' },
    followUpOverdue: { en: 'follow-up was due', zh: '跟进应于' },
    slaBreach: { en: 'first contact was due', zh: '首次联系应于' },
    followUpDue: { en: 'follow up by', zh: '跟进截止' },
    assigned: { en: 'first contact by', zh: '首次联系截止' },
    poolArrival: { en: 'pooled at', zh: '转入公海时间' },
    pooled: { en: 'pooled at', zh: '转入公海时间' },
  },
  owner: { en: 'owner', zh: '负责人' },
  reason: { en: 'reason', zh: '原因' },
  noName: { en: '(no company or contact)', zh: '（无公司和联系人）' },
  openSheet: { en: 'Open the lead tracker', zh: '打开线索表' },
  subject: template({
    en: (count: number, forManagers: boolean) => {
      const items = count === 1 ? '1 item needs' : `${formatCount(count)} items need`;
      return `Lead Tracker: ${items} ${forManagers ? 'a manager' : 'you'}`;
    },
    zh: (count, forManagers) =>
      `线索跟踪提醒${forManagers ? '（经理）' : ''}：${formatCount(count)} 条待处理`,
  }),
  greeting: template({
    en: (name: string) => (name ? `Hello ${name},` : 'Hello,'),
    zh: (name) => (name ? `${name}，您好：` : '您好：'),
  }),
  intro: template({
    en: (forManagers: boolean) =>
      forManagers ? "These leads need a manager's attention:" : 'These leads need you:',
    zh: (forManagers) => (forManagers ? '以下线索需要经理关注：' : '以下线索需要您处理：'),
  }),
  zoneNote: template({
    en: (zone: string) => `Times are in ${zone}.`,
    zh: (zone) => `时间均为 ${zone} 时区。`,
  }),
  /** The items a digest could not list are not dropped: they come in the next digests. */
  more: template({
    en: (count: number) => `… and ${formatCount(count)} more, listed in the next reminders.`,
    zh: (count) => `…另有 ${formatCount(count)} 条，将在之后的提醒中列出。`,
  }),
  /** The hourly run's outcome in one line, for the chat webhook. */
  summary: template({
    en: (
      assigned: number,
      pooled: number,
      returned: number,
      reminded: number,
      breaches: number,
    ) => {
      const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
      return (
        `Lead Tracker: ${assigned} assigned · ${pooled} moved to the pool · ` +
        `${returned} returned from the pool · ${plural(reminded, 'reminder', 'reminders')} sent · ` +
        `${plural(breaches, 'SLA breach', 'SLA breaches')}`
      );
    },
    zh: (assigned, pooled, returned, reminded, breaches) =>
      `线索跟踪：新分配 ${assigned} 条 · 转入公海 ${pooled} 条 · 从公海分回 ${returned} 条 · ` +
      `发出提醒 ${reminded} 条 · 首次触达超时 ${breaches} 条`,
  }),
  remindersAction: { en: 'Reminders', zh: '提醒' },
  chatAction: { en: 'Chat webhook', zh: '群机器人' },
  /** How the managers' digest greets them. */
  managers: { en: 'managers', zh: '经理' },
  noEmail: template({
    en: (owners: string) =>
      `No e-mail address for owner(s) ${owners}; add one in the Settings team table.`,
    zh: (owners) => `负责人 ${owners} 没有邮箱，请在设置的销售团队表中填写。`,
  }),
  quotaReached: template({
    en: (deferred: number) =>
      `Mail quota reached: ${deferred} digest(s) will be sent on a later run.`,
    zh: (deferred) => `今日邮件额度不足：${deferred} 封摘要将在之后的运行中发送。`,
  }),
  mailed: template({
    en: (count: number, recipients: string) =>
      `Mailed ${count} digest(s) (items listed / due): ${recipients}`,
    zh: (count, recipients) => `已发送 ${count} 封摘要（列出条数 / 待处理条数）：${recipients}`,
  }),
  recipient: template({
    en: (to: string, listed: number, total: number) =>
      `${to} (${formatCount(listed)} / ${formatCount(total)})`,
    zh: (to, listed, total) => `${to}（${formatCount(listed)} / ${formatCount(total)}）`,
  }),
  /** After the people a Log line names: how many more it leaves out. */
  morePeople: template({
    en: (count: number) => ` and ${formatCount(count)} more`,
    zh: (count) => ` 等，另有 ${formatCount(count)} 个`,
  }),
  /** A digest Google refused to send (a mistyped address, the day's quota): its items come again. */
  digestFailed: template({
    en: (to: string, message: string) =>
      `The digest to ${to} could not be sent (${message}); its items come in the next run`,
    zh: (to, message) => `发给 ${to} 的摘要未能发送（${message}），其中事项将在下次运行时再发`,
  }),
  chatAnswered: template({
    en: (code: number, body: string) => `The chat webhook answered ${code}: ${body}`,
    zh: (code, body) => `群机器人返回 ${code}：${body}`,
  }),
  chatFailed: template({
    en: (message: string) => `The chat webhook failed: ${message}`,
    zh: (message) => `群机器人发送失败：${message}`,
  }),
  failureSubject: template({
    en: (label: string) => `Lead Tracker: ${label}`,
    zh: (label) => `线索跟踪：${label}`,
  }),
  failureIntro: template({
    en: (spreadsheet: string) =>
      `The automated run in "${spreadsheet}" failed; the next run picks up where it stopped:`,
    zh: (spreadsheet) => `「${spreadsheet}」的自动任务失败了，下次运行会接着完成：`,
  }),
} satisfies Catalogue;
