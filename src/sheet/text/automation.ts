// What the automated run and turning it on and off say: toasts, and the lines it adds to the Log.

import { type Catalogue, template } from './entry';

export const AUTOMATION = {
  /** Who is named where Google withheld a person's address. */
  anotherEditor: { en: 'another editor', zh: '另一位编辑者' },
  on: { en: 'Automation is on: the job runs every hour.', zh: '自动化已开启：每小时运行一次。' },
  recreated: {
    en: 'Automation is on again: your hourly trigger was gone and has been created anew.',
    zh: '自动化已重新开启：你的每小时触发器已不存在，现已重新创建。',
  },
  alreadyOnByYou: template({
    en: (date: string) =>
      `Automation is already on: you turned it on on ${date}. Nothing was changed.`,
    zh: (date) => `自动化已开启：你已于 ${date} 开启，无需再次开启。`,
  }),
  alreadyOnBySomeone: template({
    en: (who: string, date: string) =>
      `Automation is already on for this spreadsheet: ${who} turned it on on ${date}. It runs once an hour for everyone; nothing was changed.`,
    zh: (who, date) =>
      `本表格的自动化已开启：由 ${who} 于 ${date} 开启，每小时为所有人运行一次。未做任何更改。`,
  }),
  off: { en: 'Automation is off.', zh: '自动化已关闭。' },
  offWithSomeonesTrigger: template({
    en: (who: string) =>
      `Automation is off. The hourly trigger of ${who} stops by itself at its next run.`,
    zh: (who) => `自动化已关闭。${who} 的每小时触发器会在下次运行时自行停止。`,
  }),
  /** Said as a run someone clicked starts. */
  started: template({ en: (action: string) => `${action}…`, zh: (action) => `${action}…` }),
  summary: template({
    en: (assigned: number, pooled: number, returned: number, digests: number) =>
      `Assigned ${assigned} · pooled ${pooled} · returned ${returned} · reminder e-mails ${digests}`,
    zh: (assigned, pooled, returned, digests) =>
      `分配 ${assigned} · 转入公海 ${pooled} · 领回 ${returned} · 提醒邮件 ${digests}`,
  }),
  /** After the leads a Log line names: how many more it leaves out. */
  andMore: template({
    en: (count: number) => `and ${count} more`,
    zh: (count) => `另有 ${count} 条`,
  }),
  repairAction: { en: 'Repair', zh: '修复' },
  repaired: template({
    en: (count: number) => `Finished ${count} move(s) an earlier run left half done.`,
    zh: (count) => `完成了上次运行中断的 ${count} 个移动。`,
  }),
  duplicateIdsAction: { en: 'Duplicate Lead IDs', zh: '线索编号重复' },
  duplicateIds: template({
    en: (ids: readonly string[]) =>
      `These Lead IDs are used by different customers in Leads and Pool; give one of each a new ID: ${ids.join(', ')}`,
    zh: (ids) =>
      `以下线索编号在线索表和公海中属于不同客户，请为其中一条改用新编号：${ids.join('、')}`,
  }),
  duplicatesAction: { en: 'Duplicates', zh: '疑似重复' },
  flagged: template({
    en: (count: number) =>
      `${count} lead(s) flagged as possible duplicates; they wait for a person to clear the flag.`,
    zh: (count) => `${count} 条线索被标为疑似重复，需人工清除标记后再分配。`,
  }),
  toPoolAction: { en: 'To the pool', zh: '转入公海' },
  poolDeferred: template({
    en: (count: number, maxBlocks: number) =>
      `${count} more stale lead(s) will move on the next run (a run moves at most ${maxBlocks} separate blocks of rows).`,
    zh: (count, maxBlocks) =>
      `另有 ${count} 条过期线索将在下次运行时移入公海（每次最多移动 ${maxBlocks} 段不相邻的行）。`,
  }),
  backFromPoolAction: { en: 'Back from the pool', zh: '从公海领回' },
  replacedAction: { en: 'Replaced a person’s edit', zh: '覆盖人工修改' },
  replaced: template({
    en: (tab: string, id: string, column: string, from: string, to: string) =>
      `${tab} ${id} "${column}": ${from} → ${to}`,
    zh: (tab, id, column, from, to) => `${tab} ${id}「${column}」：${from} → ${to}`,
  }),
  unrestoredAction: { en: 'Check a lead', zh: '请核对线索' },
  unrestored: template({
    en: (tab: string, id: string, columns: readonly string[]) =>
      `${tab} ${id} "${columns.join('", "')}": a sort at the moment of writing put another ` +
      `lead's values on this row; they were cleared, and what the row held before is unknown.`,
    zh: (tab, id, columns) =>
      `${tab} ${id}「${columns.join('」「')}」：写入的一刻有人排序，另一条线索的值落到了这一行，` +
      `已清除；这一行原来的值无法得知，请核对。`,
  }),
  keptAction: { en: 'Kept a person’s edit', zh: '保留人工修改' },
  kept: template({
    en: (tab: string, id: string) =>
      `${tab} ${id}: a person changed it first; this run left it as they set it.`,
    zh: (tab, id) => `${tab} ${id}：有人已先行修改，本次未改动。`,
  }),
} satisfies Catalogue;
