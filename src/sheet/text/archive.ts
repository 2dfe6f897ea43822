// What archiving old closed leads says (SPEC §16): the yearly archive's name, the hidden summary
// tab, and the Log and toast lines of a run.

import { type Catalogue, template } from './entry';
import { formatCount } from './count';

export const ARCHIVE = {
  bookName: template({
    en: (spreadsheet: string, year: number) => `${spreadsheet} archive ${year}`,
    zh: (spreadsheet, year) => `${spreadsheet} 归档 ${year}`,
  }),
  /** The first cell of the hidden tab that keeps the summary of archived leads. */
  summaryTabNote: {
    en: 'Lead Tracker counts archived leads in the Analysis from this summary (aggregates only). Please do not edit or delete this hidden tab.',
    zh: '线索跟踪根据此汇总（仅统计数据）在转化分析中计入已归档线索，请勿修改或删除此隐藏工作表。',
  },
  /** Headers of the summary tab, by column key. */
  summaryHeaders: {
    batch: { en: 'Batch', zh: '批次' },
    enteredDay: { en: 'Entered on', zh: '录入日期' },
    source: { en: 'Source', zh: '来源' },
    grade: { en: 'Grade', zh: '线索等级' },
    owner: { en: 'Owner', zh: '负责人' },
    outcome: { en: 'Outcome', zh: '转化结果' },
    reason: { en: 'Reason', zh: '未成交原因' },
    cycleDays: { en: 'Cycle (days)', zh: '转化周期(天)' },
    sla: { en: 'First-contact SLA', zh: '首次触达' },
    contacted: { en: 'Contacted', zh: '已触达' },
    keyFollowUp: { en: 'Key follow-up', zh: '重点跟进' },
    overdueNow: { en: 'Overdue', zh: '逾期' },
    calibrationGrade: { en: 'Calibration grade', zh: '校准等级' },
    calibrationOptions: { en: 'Calibration options', zh: '校准选项' },
    leads: { en: 'Leads', zh: '线索数' },
    wonAmount: { en: 'Won amount (万)', zh: '成交金额(万)' },
    rulesVersion: { en: 'Rules version', zh: '规则版本' },
  },
  archived: template({
    en: (leads: number, followUps: number, conversions: number, names: readonly string[]) =>
      `Archived ${formatCount(leads)} closed leads with ${formatCount(followUps)} follow-ups and ${formatCount(conversions)} conversion rows to ${names.map((n) => `"${n}"`).join(', ')}.`,
    zh: (leads, followUps, conversions, names) =>
      `已将 ${formatCount(leads)} 条已结束线索及其 ${formatCount(followUps)} 条跟进记录、${formatCount(conversions)} 条转化记录归档到${names.map((n) => `「${n}」`).join('、')}。`,
  }),
  nothingDue: {
    en: 'No closed lead is due for the archive.',
    zh: '没有需要归档的已结束线索。',
  },
  turnedOff: {
    en: 'Archive after (months) is 0 in Settings: nothing is archived.',
    zh: '设置中的归档月数为 0：不归档任何线索。',
  },
  deferred: template({
    en: (count: number) =>
      `${formatCount(count)} more closed leads are due; they go on the next run.`,
    zh: (count) => `另有 ${formatCount(count)} 条已结束线索待归档，将在下次运行时归档。`,
  }),
  /** An archive that cannot be opened, in a run that may not make another one. */
  unreachable: template({
    en: (year: number, id: string, user: string) =>
      `The archive for ${year} (${id}) could not be opened by ${user || 'the account running Lead Tracker'}; leads decided in ${year} stay in the tracker. Share it with that account, or restore it from the Drive trash; if it is lost for good, choose "Archive closed leads" in the menu to start a new one.`,
    zh: (year, id, user) =>
      `${year} 年的归档表格（${id}）无法由 ${user || '运行线索跟踪的账号'} 打开；${year} 年结束的线索暂留在跟踪表中。请把它共享给该账号，或从云端硬盘回收站恢复；若已无法找回，请在菜单中选择“归档已结束线索”新建一份。`,
  }),
  /** An archive that cannot be opened, replaced by a new one from the menu. */
  replaced: template({
    en: (year: number, id: string, name: string) =>
      `The archive for ${year} (${id}) could not be opened; leads decided in ${year} now go to a new archive, "${name}". If the old one turns up, its leads are still there.`,
    zh: (year, id, name) =>
      `${year} 年的归档表格（${id}）无法打开；${year} 年结束的线索今后归档到新表格「${name}」。旧表格若能找回，其中的线索仍在。`,
  }),
} satisfies Catalogue;
