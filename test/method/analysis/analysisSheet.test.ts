// The Analysis tab's layout: empty groups as —, axes scaled to the data, the time-axis tables, and
// the leadership copy's suppression of them.

import { analyse } from '../../../src/method/analysis/analysis';
import {
  analysisSheetContent,
  axisMaxFor,
  NO_RATE,
} from '../../../src/method/analysis/analysisSheet';
import { calibrate } from '../../../src/method/analysis/calibration';
import {
  shownCell,
  suppressSmallGrades,
  suppressSmallGroups,
} from '../../../src/method/analysis/leadershipCopy';
import type { TimeZone } from '../../../src/sheet/calendar';

const UTC: TimeZone = { name: 'UTC', offsetMinutes: () => 0 };
const NOW = new Date('2024-05-10T02:00:00Z');

describe('axisMaxFor', () => {
  it('ends a rate axis a round step above the largest rate, never past 100%', () => {
    expect(axisMaxFor(0.05, true)).toBeCloseTo(0.06, 10);
    expect(axisMaxFor(1 / 3, true)).toBeCloseTo(0.4, 10);
    expect(axisMaxFor(0.5, true)).toBeCloseTo(0.6, 10);
    expect(axisMaxFor(0.95, true)).toBe(1);
    expect(axisMaxFor(0, true)).toBe(0.1);
  });

  it('ends a count axis the same way', () => {
    expect(axisMaxFor(7, false)).toBe(8);
    expect(axisMaxFor(2, false)).toBe(2.5);
    expect(axisMaxFor(0, false)).toBe(1);
  });
});

/** Two leads in March, one won; Settings lists March spend for the trade show. */
function content(leadership: boolean) {
  const lead = (id: string, status: string) => ({
    id,
    source: '展会',
    grade: 'A',
    owner: '张伟',
    status,
    enteredAt: new Date('2024-03-05T02:00:00Z'),
    assignedAt: new Date('2024-03-05T02:00:00Z'),
    firstContactAt: new Date('2024-03-05T05:00:00Z'),
    scoreNote: '需求40 = 40 · 首评规则 v1a2b3c',
  });
  const analysis = analyse({
    leads: [lead('L1', '成交'), lead('L2', '跟进中')],
    pool: [],
    followUps: new Map(),
    conversions: [{ leadId: 'L1', result: '成交', amount: 30, decidedAt: new Date('2024-03-20') }],
    now: NOW,
    windowDays: 0,
    timeAxis: {
      zone: UTC,
      cadence: { cadenceDays: { A: 1, B: 2, C: 7 }, aDailyDays: 14, slaClock: 'calendar' },
      channelSpend: [{ channel: '展会', month: '2024-03', amount: 6 }],
    },
  });
  const calibration = calibrate([]);
  const shown = leadership ? suppressSmallGroups(analysis) : analysis;
  const grades = leadership ? suppressSmallGrades(calibration) : calibration;
  const sheet = analysisSheetContent(shown, grades, 'zh', NOW, 0);
  return { ...sheet, rows: sheet.rows.map((row) => row.map(shownCell)) };
}

function tableRows(rows: readonly (readonly unknown[])[], title: string): unknown[][] {
  const start = rows.findIndex((r) => r[0] === title) + 2;
  const end = rows.findIndex((r, i) => i >= start && r.every((c) => c === ''));
  return rows.slice(start, end < 0 ? undefined : end).map((r) => [...r]);
}

describe('analysisSheetContent', () => {
  const { rows, charted, percentCells } = content(false);

  it('shows a grade with no leads as —, not 0%, and marks no percentage format on it', () => {
    const title = rows.findIndex((r) => r[0] === '各等级转化率');
    const b = rows.findIndex((r, i) => i > title && r[0] === 'B');
    expect(rows[b].slice(0, 4)).toEqual(['B', 0, 0, NO_RATE]);
    expect(percentCells).not.toContainEqual([b + 1, 4]);
    expect(percentCells).toContainEqual([b, 4]); // grade A's rate, 1 of 2
  });

  it('shows the cycle of no won deal as —, not 0 days', () => {
    const empty = analyse({
      leads: [],
      pool: [],
      followUps: new Map(),
      conversions: [],
      now: NOW,
      windowDays: 0,
    });
    const sheet = analysisSheetContent(empty, calibrate([]), 'en', NOW, 0);
    expect(tableRows(sheet.rows, 'Cycle days of won deals')[0].slice(0, 3)).toEqual([0, '—', '—']);
  });

  it('lays out the trend, rules versions and channel cost with hand-worked figures', () => {
    expect(tableRows(rows, '月度趋势（最近 12 个月，按录入月份）')[9].slice(0, 5)).toEqual([
      '2024-03',
      2,
      1,
      0.5,
      3,
    ]);
    expect(tableRows(rows, '各评分规则版本转化率（按首评版本）')[0].slice(0, 6)).toEqual([
      'v1a2b3c',
      2,
      1,
      1,
      0.5,
      1,
    ]);
    // 6万 over 2 leads and 1 won deal of 30万.
    expect(tableRows(rows, '渠道成本（设置中有投入的月份）')[0]).toEqual([
      '展会',
      6,
      2,
      1,
      3,
      6,
      5,
    ]);
  });

  it('charts the monthly conversion as a line, scaled to its highest month', () => {
    const trend = charted?.find((c) => c.kind === 'line');
    expect(trend).toMatchObject({ rows: 12, valueColumn: 4, percent: true, axisMax: 0.6 });
  });

  it('hides in the leadership copy what comes from fewer than 5 leads, but keeps the spend', () => {
    const copy = content(true).rows;
    expect(tableRows(copy, '月度趋势（最近 12 个月，按录入月份）')[9].slice(0, 5)).toEqual([
      '2024-03',
      '<5',
      '<5',
      '<5',
      '<5',
    ]);
    expect(tableRows(copy, '渠道成本（设置中有投入的月份）')[0]).toEqual([
      '展会',
      6,
      '<5',
      '<5',
      '<5',
      '<5',
      '<5',
    ]);
    expect(tableRows(copy, '各评分规则版本转化率（按首评版本）')[0].slice(0, 6)).toEqual([
      'v1a2b3c',
      '<5',
      '<5',
      '<5',
      '<5',
      '<5',
    ]);
  });
});
