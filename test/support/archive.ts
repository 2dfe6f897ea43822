// A tracker with two years of decided leads and their history, for the archive's tests.

import type { LocalAppsScript, RuntimeOptions } from '../../gas-local/runtime';
import type { LocalSpreadsheet } from '../../gas-local/spreadsheet';
import { automationWorkbook, DAY, LEADS } from './automation';
import { leadRow } from './leads';

export const FOLLOW_UPS = '销售线索跟进记录表';
export const CONVERSIONS = '销售线索转化分析表';
export const ANALYSIS = '转化分析';

const SOURCES = ['展会', '官网表单', '电话咨询', '客户推荐'];
const NEED = ['完全契合', '部分契合', '不契合'];
const AUTHORITY = ['直接决策人', '有影响者', '无权限'];
const URGENCY = ['1个月内', '1-3个月', '3个月以上'];
const OWNERS = ['张伟', '李娜', '王芳'];
const REASONS = ['预算不足', '选择竞品', '客户失联', 'Budget too low', '价格太高'];
const FIRST = Date.UTC(2022, 0, 5, 2);

export const archiveId = (i: number) => `A${String(i).padStart(4, '0')}`;

/** When lead `i` was entered and, if it closed, decided. */
export const enteredAt = (i: number, spacingDays: number) =>
  new Date(FIRST + i * spacingDays * DAY);

/**
 * `count` leads entered `spacingDays` apart from January 2022, oldest first: won, lost, not won
 * and open in turn, across four channels, three owners and all grades; most have a follow-up,
 * every closed one a Conversions row (some after an earlier Nurturing row).
 */
export function archiveWorkbook(
  count: number,
  spacingDays = 20,
  options: RuntimeOptions = {},
): LocalAppsScript {
  const leads: unknown[][] = [];
  const followUps: unknown[][] = [];
  const conversions: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    const id = archiveId(i);
    const entered = enteredAt(i, spacingDays);
    const at = (days: number) => new Date(entered.getTime() + days * DAY);
    const kind = i % 4;
    const status = ['成交', '流失', '未成交', '跟进中'][kind];
    const contacted = i % 5 !== 0;
    const owner = OWNERS[i % 3];
    leads.push(
      leadRow({
        id,
        source: SOURCES[(i >> 1) % SOURCES.length],
        contact: `客户${i}`,
        phone: `1390${String(i).padStart(7, '0')}`,
        company: `公司${i}`,
        needFit: NEED[i % 3],
        authority: AUTHORITY[(i >> 2) % 3],
        urgency: URGENCY[(i >> 3) % 3],
        budgetFit: '匹配',
        owner,
        assignedAt: entered,
        firstContactDue: at(1),
        firstContactAt: contacted ? at(i % 3) : '',
        lastFollowUpAt: contacted ? at(i % 3) : '',
        status,
        enteredAt: entered,
      }),
    );
    if (contacted) followUps.push([id, at(i % 3), '电话', `第一次沟通${i}`, '', '', '', owner]);
    if (i % 7 === 0) followUps.push([id, at(4), '微信', `再次沟通${i}`, '', '', '', owner]);
    if (kind === 3) continue;
    const cycle = 10 + (i % 7) * 5;
    if (i % 8 === 0) conversions.push([id, '培育中', '', '', 3, owner, '', '', at(3)]);
    conversions.push([
      id,
      status,
      kind === 0 ? 20 + (i % 5) * 10 : '',
      kind === 0 ? '' : REASONS[i % REASONS.length],
      cycle,
      owner,
      '',
      '',
      at(cycle),
    ]);
  }
  const runtime = automationWorkbook(leads, undefined, undefined, options);
  if (followUps.length) runtime.type(FOLLOW_UPS, 2, 1, followUps);
  if (conversions.length) runtime.type(CONVERSIONS, 2, 1, conversions);
  runtime.invoke('scoreAllLeads');
  return runtime;
}

/** The Analysis tab's rows without the time it was refreshed. */
export function analysisFigures(runtime: LocalAppsScript): unknown[][] {
  runtime.invoke('refreshAnalysis');
  return runtime.values(ANALYSIS).filter((row) => row[0] !== '最近刷新');
}

/** The spreadsheets the runtime holds other than the tracker (the archives). */
export function archives(runtime: LocalAppsScript): LocalSpreadsheet[] {
  return runtime.spreadsheetApp._all().filter((s) => s !== runtime.spreadsheet);
}

/** How many rows each Lead ID has in a tab, its column found by header. */
export function idRows(rows: unknown[][], header = '线索编号'): Map<string, number> {
  const [head, ...body] = rows;
  const at = head ? head.indexOf(header) : -1;
  const counts = new Map<string, number>();
  for (const row of body) {
    const id = String(row[at] ?? '');
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** Rows per Lead ID of a tab across the tracker and every archive. */
export function rowsEverywhere(runtime: LocalAppsScript, tab: string): Map<string, number> {
  const total = new Map<string, number>();
  for (const book of [runtime.spreadsheet, ...archives(runtime)]) {
    if (!book._sheet(tab)) continue;
    for (const [id, n] of idRows(runtime.handle(book).values(tab))) {
      total.set(id, (total.get(id) ?? 0) + n);
    }
  }
  return total;
}

/** Cells of every tab's grid: what counts toward Google's 10 million per spreadsheet. */
export function gridCells(book: LocalSpreadsheet): number {
  return book._sheets.reduce((sum, s) => sum + s._data.maxRows * s._data.maxColumns, 0);
}

export { LEADS };
