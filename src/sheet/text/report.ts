// What the periodic report to managers and leadership says (SPEC §14), and the Log lines of sending it.

import { formatCount } from './count';
import { type Catalogue, template } from './entry';

export const REPORT = {
  action: { en: 'Leadership report', zh: '领导报告' },
  subject: template({
    en: (weekly: boolean, first: string, last: string) =>
      `Lead Tracker ${weekly ? 'weekly' : 'monthly'} report: ${first} to ${last}`,
    zh: (weekly, first, last) => `线索跟踪${weekly ? '周报' : '月报'}：${first} 至 ${last}`,
  }),
  greeting: { en: 'Hello,', zh: '您好：' },
  intro: template({
    en: (weekly: boolean, first: string, last: string) =>
      `The ${weekly ? 'week' : 'month'} from ${first} to ${last}, against the ${weekly ? 'week' : 'month'} before:`,
    zh: (weekly, first, last) =>
      `${first} 至 ${last} 的${weekly ? '一周' : '一个月'}，与上${weekly ? '一周' : '个月'}相比：`,
  }),
  headings: {
    figure: { en: 'Figure', zh: '指标' },
    current: { en: 'This period', zh: '本期' },
    previous: { en: 'Before', zh: '上期' },
    change: { en: 'Change', zh: '变化' },
  },
  figures: {
    newLeads: { en: 'New leads', zh: '新增线索' },
    won: { en: 'Won (decided in the period)', zh: '成交（本期确定）' },
    wonAmount: { en: 'Won amount (万)', zh: '成交金额(万)' },
    conversion: { en: "Conversion of the period's leads so far", zh: '本期线索至今转化率' },
    slaCompliance: { en: 'First contact within SLA', zh: '首次触达达标率' },
  },
  figuresTitle: { en: 'Headline figures', zh: '主要指标' },
  /** A change of a rate, in percentage points. */
  points: template({
    en: (points: string) => `${points} pp`,
    zh: (points) => `${points} 个百分点`,
  }),
  reasonsTitle: { en: 'Top reasons of not won and lost', zh: '未成交与流失的主要原因' },
  noReasons: {
    en: 'No reason was given by 5 or more leads this period.',
    zh: '本期没有被 5 条以上线索提到的原因。',
  },
  reasonLine: template({
    en: (reason: string, count: number, share: string) =>
      `${reason}: ${formatCount(count)} (${share})`,
    zh: (reason, count, share) => `${reason}：${formatCount(count)} 条（${share}）`,
  }),
  calibrationTitle: { en: 'Calibration warnings', zh: '评分校准提示' },
  noWarnings: { en: 'None: the grades separate as they should.', zh: '无：各等级区分正常。' },
  suppressedNote: {
    en: 'Figures resting on fewer than 5 leads show as <5; the report holds aggregates only.',
    zh: '少于 5 条线索的数字显示为 <5；报告只含汇总数字。',
  },
  openAnalysis: { en: 'Open the Analysis in the lead tracker', zh: '在线索表中查看分析' },
  sent: template({
    en: (period: string, recipients: number) =>
      `Sent the report for ${period} to ${formatCount(recipients)} recipient(s).`,
    zh: (period, recipients) => `已将 ${period} 的报告发给 ${formatCount(recipients)} 位收件人。`,
  }),
  noRecipients: {
    en: 'No report sent: Settings name no manager or leadership e-mails.',
    zh: '未发送报告：设置中没有经理或领导邮箱。',
  },
  quotaReached: {
    en: 'Mail quota reached: the report will be sent on a later run.',
    zh: '今日邮件额度不足：报告将在之后的运行中发送。',
  },
  alreadySent: template({
    en: (period: string) =>
      `The report for ${period} has already been sent; the next comes next period.`,
    zh: (period) => `${period} 的报告已经发送，下一期到时再发。`,
  }),
  off: {
    en: 'The leadership report is off (Settings: Leadership report).',
    zh: '领导报告已关闭（设置：领导报告）。',
  },
  period: template({
    en: (first: string, last: string) => `${first} to ${last}`,
    zh: (first, last) => `${first} 至 ${last}`,
  }),
  sendFailed: template({
    en: (message: string) =>
      `The report could not be sent and will be tried on the next run: ${message}`,
    zh: (message) => `报告发送失败，将在下次运行时重试：${message}`,
  }),
  partlySent: template({
    en: (reached: number, total: number, message: string) =>
      `The report reached ${reached} of ${total} recipients. Send leadership report (menu) sends it ` +
      `to the other ${total - reached} only, so nobody gets it twice: ${message}`,
    zh: (reached, total, message) =>
      `报告已发给 ${total} 位收件人中的 ${reached} 位。菜单「发送领导报告」只发给其余 ` +
      `${total - reached} 位，不会有人收到两次：${message}`,
  }),
} satisfies Catalogue;
