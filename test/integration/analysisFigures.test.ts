// The Analysis tab's figures through the built bundle, against a dataset worked out by hand.

import type { LocalAppsScript } from '../../gas-local/runtime';
import { automationWorkbook, DAY, gradeALead, mayId, T0 } from '../support/automation';

const ANALYSIS = '转化分析';
const entered = new Date(T0.getTime() - 30 * DAY);
const decided = (days: number) => new Date(entered.getTime() + days * DAY);

/**
 * Eight A-grade leads entered 30 days before the run:
 *   1 展会 won (cycle 20)   2 展会 won (cycle 10)   3 展会 lost, 预算不足   8 展会 open
 *   4 官网表单 won (30)     5 官网表单 not won, 选择竞品   6 官网表单 lost, 预算不足   7 官网表单 open
 * By hand: 展会 4 leads, 2 won, 50%; 官网表单 4 leads, 1 won, 25%; grade A 8 leads, 3 won, 37.5%,
 * Wilson 95% [0.1368, 0.6943]; cycle of won deals 20, 10, 30 → mean 20, median 20; reasons:
 * 预算不足 2 of 3 (66.7%), 选择竞品 1 of 3 (33.3%); grade A has 8 leads (< 10): too few to judge.
 */
function workbook(): LocalAppsScript {
  const lead = (i: number, source: string, status: string) =>
    gradeALead(i, { id: mayId(i), source, status, owner: '张伟', enteredAt: entered });
  const runtime = automationWorkbook([
    lead(1, '展会', '成交'),
    lead(2, '展会', '成交'),
    lead(3, '展会', '流失'),
    lead(4, '官网表单', '成交'),
    lead(5, '官网表单', '未成交'),
    lead(6, '官网表单', '流失'),
    lead(7, '官网表单', '跟进中'),
    lead(8, '展会', '跟进中'),
  ]);
  runtime.type('销售线索转化分析表', 2, 1, [
    [mayId(1), '成交', 65, '', 20, '张伟', '', '', decided(20)],
    [mayId(2), '成交', 30, '', 10, '张伟', '', '', decided(10)],
    [mayId(3), '流失', '', '预算不足', 12, '张伟', '', '', decided(12)],
    [mayId(4), '成交', 80, '', 30, '张伟', '', '', decided(30)],
    [mayId(5), '未成交', '', '选择竞品', 15, '张伟', '', '', decided(15)],
    [mayId(6), '流失', '', 'Budget too low', 8, '张伟', '', '', decided(8)],
  ]);
  runtime.invoke('scoreAllLeads');
  runtime.invoke('refreshAnalysis');
  return runtime;
}

/** The data rows of the table titled `title`. */
function table(rows: unknown[][], title: string): unknown[][] {
  const start = rows.findIndex((r) => r[0] === title) + 2;
  const end = rows.findIndex((r, i) => i >= start && r.every((c) => c === ''));
  return rows.slice(start, end < 0 ? undefined : end).map((r) => r.filter((c) => c !== ''));
}

describe('the Analysis tab, figure by figure', () => {
  const rows = workbook().values(ANALYSIS);

  it('converts 2 of 4 trade-show leads and 1 of 4 website leads', () => {
    expect(table(rows, '各渠道转化率')).toEqual([
      ['展会', 4, 2, 0.5],
      ['官网表单', 4, 1, 0.25],
    ]);
  });

  it('gives grade A 3 won of 8 with its Wilson interval', () => {
    expect(table(rows, '各等级转化率')[0]).toEqual(['A', 8, 3, 0.375]);
    expect(table(rows, '评分校准：各等级成交率（95% 区间）')[0]).toEqual([
      'A',
      8,
      3,
      0.375,
      0.1368,
      0.6943,
    ]);
  });

  it('averages 20 days to win, median 20', () => {
    expect(table(rows, '成交周期（天）')).toEqual([[3, 20, 20]]);
  });

  it('ranks budget first (2 of 3) and competitor second (1 of 3), in either language', () => {
    const reasons = table(rows, '未成交原因 TOP3');
    expect(reasons.map((r) => r.slice(0, 2))).toEqual([
      ['预算不足', 2],
      ['选择竞品', 1],
    ]);
    expect(reasons[0][2]).toBeCloseTo(2 / 3);
    expect(reasons[1][2]).toBeCloseTo(1 / 3);
  });

  it('warns that grade A has too few leads to judge', () => {
    expect(rows.map((r) => r[0])).toContain('A 级仅有 8 条线索，样本太少，无法判断。');
  });

  it('gives the win rate of each scoring option', () => {
    const options = table(rows, '评分校准：各评分选项成交率');
    // Every lead chose Full, so its lift against the dimension's average is 1.
    expect(options).toContainEqual(['需求匹配度 · 完全契合', 8, 3, 0.375, 0.1368, 0.6943, 1]);
    // An option nobody chose has no rate: —, never 0%.
    expect(options).toContainEqual(['需求匹配度 · 部分契合', 0, 0, '—', '—', '—', '—']);
  });
});
