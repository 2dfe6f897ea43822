// The Analysis tab's time axis through the built bundle (SPEC §14): the monthly trend, conversion by
// rules version, cadence compliance and channel cost, against figures worked out by hand.

import type { LocalAppsScript } from '../../gas-local/runtime';
import {
  automationWorkbook,
  gradeALead,
  mayId,
  settingsRow,
  SETTINGS,
} from '../support/automation';

const ANALYSIS = '转化分析';
const FOLLOW_UPS = '销售线索跟进记录表';
const CONVERSIONS = '销售线索转化分析表';
/** A wall-clock time in Shanghai, the test workbook's zone. */
const sh = (text: string) => new Date(`${text}:00+08:00`);
const HOURS = (n: number) => n * 3_600_000;

/**
 * The run is at T0, Friday 2024-05-10 10:00 in Shanghai. Seven leads:
 *   1 展会     A 张伟  entered 03-05 10:00, contacted after 4 h, won 60万 (decided 03-25)
 *   2 展会     A 张伟  entered 03-20 10:00, contacted after 10 h, lost (decided 03-28)
 *   3 官网表单 A 张伟  entered 03-12 10:00, contacted after 2 h (12:00), open, no follow-up rows
 *   4 官网表单 A 张伟  entered 04-02 10:00, contacted after 6 h, won 40万 (decided 04-05)
 *   5 展会     A 张伟  entered 04-15 10:00, never contacted, open
 *   6 电话咨询 B 李娜  entered 04-01 10:00, contacted 04-10 10:00 (216 h); follow-ups 04-10 10:00,
 *                      04-11 15:00, 04-16 09:00, 04-17 10:00; open
 *   7 其他     D 王芳  entered 04-20 10:00, contacted 04-22 10:00 (48 h), one follow-up then; open
 *
 * Trend by month entered: 2024-03 leads 1–3, 1 won, 1/3, median hours of 4, 10, 2 = 4;
 * 2024-04 leads 4–7, 1 won, 25%, median of 6, 216, 48 = 48 (lead 5 has no contact);
 * 2024-05 and the months before March: no leads, so no rate (—).
 *
 * Cadence, the 4 full weeks Monday 04-08 00:00 to Monday 05-06 00:00:
 *   李娜 (B, every 2 days from 04-10 10:00): dues 04-12 (touch 04-11 ✓), 04-14 ✗, 04-16 (09:00 ✓),
 *     04-18 (04-17 ✓), then 04-20 … 05-04 all ✗ (8): asked 12, on time 3 = 25%; logged 4.
 *   张伟: lead 3 is daily for 14 days from 03-12 12:00, then every 2 days: dues 04-09 12:00 to
 *     05-05 12:00 fall in the period, 14, none met: asked 14, logged 0, 0%. Leads 1, 2 and 4 were
 *     decided before the period; lead 5 was never contacted.
 *   王芳: grade D asks for nothing, one touch logged: 0 asked, 1 logged, share —.
 *
 * Channel spend 展会 2024-03 10万 and 2024-04 5万, 官网表单 2024-03 4万:
 *   展会 15万 over leads 1, 2, 5: 5 per lead, 15 per won deal, 60 ÷ 15 = 4;
 *   官网表单 4万 over lead 3 (lead 4 is April): 4 per lead, no won deal (—), 0 ÷ 4 = 0.
 */
function workbook(): LocalAppsScript {
  const lead = (i: number, fields: Record<string, unknown>) => {
    const entered = fields.enteredAt as Date;
    return gradeALead(i, { id: mayId(i), assignedAt: entered, ...fields });
  };
  const B = { budgetFit: '不足', urgency: '3个月以上' };
  const D = { needFit: '不契合', authority: '无权限', budgetFit: '不足', urgency: '3个月以上' };
  const e1 = sh('2024-03-05 10:00');
  const e2 = sh('2024-03-20 10:00');
  const e3 = sh('2024-03-12 10:00');
  const e4 = sh('2024-04-02 10:00');
  const runtime = automationWorkbook([
    lead(1, { owner: '张伟', enteredAt: e1, firstContactAt: new Date(e1.getTime() + HOURS(4)) }),
    lead(2, { owner: '张伟', enteredAt: e2, firstContactAt: new Date(e2.getTime() + HOURS(10)) }),
    lead(3, {
      source: '官网表单',
      owner: '张伟',
      enteredAt: e3,
      firstContactAt: new Date(e3.getTime() + HOURS(2)),
      status: '跟进中',
    }),
    lead(4, {
      source: '官网表单',
      owner: '张伟',
      enteredAt: e4,
      firstContactAt: new Date(e4.getTime() + HOURS(6)),
    }),
    lead(5, { owner: '张伟', enteredAt: sh('2024-04-15 10:00') }),
    lead(6, {
      ...B,
      source: '电话咨询',
      owner: '李娜',
      enteredAt: sh('2024-04-01 10:00'),
      firstContactAt: sh('2024-04-10 10:00'),
      status: '跟进中',
    }),
    lead(7, {
      ...D,
      source: '其他',
      owner: '王芳',
      enteredAt: sh('2024-04-20 10:00'),
      firstContactAt: sh('2024-04-22 10:00'),
      status: '培育中',
    }),
  ]);
  runtime.type(FOLLOW_UPS, 2, 1, [
    [mayId(6), sh('2024-04-10 10:00'), '电话', '', '', '', '', '李娜'],
    [mayId(6), sh('2024-04-11 15:00'), '电话', '', '', '', '', '李娜'],
    [mayId(6), sh('2024-04-16 09:00'), '微信', '', '', '', '', '李娜'],
    [mayId(6), sh('2024-04-17 10:00'), '电话', '', '', '', '', '李娜'],
    [mayId(7), sh('2024-04-22 10:00'), '电话', '', '', '', '', '王芳'],
  ]);
  runtime.type(CONVERSIONS, 2, 1, [
    [mayId(1), '成交', 60, '', 20, '张伟', '', '', sh('2024-03-25 10:00')],
    [mayId(2), '流失', '', '预算不足', 8, '张伟', '', '', sh('2024-03-28 10:00')],
    [mayId(4), '成交', 40, '', 3, '张伟', '', '', sh('2024-04-05 10:00')],
  ]);
  const spend = settingsRow(runtime, '渠道投入') + 2;
  runtime.type(SETTINGS, spend, 1, [
    ['展会', '2024-03', 10],
    ['展会', '2024-04', 5],
    ['官网表单', '2024-03', 4],
  ]);
  runtime.invoke('scoreAllLeads');
  runtime.invoke('refreshAnalysis');
  return runtime;
}

/** The data rows of the table titled `title`, up to the next blank row, padding dropped. */
function table(rows: unknown[][], title: string): unknown[][] {
  const start = rows.findIndex((r) => r[0] === title) + 2;
  expect(start).toBeGreaterThan(1);
  const end = rows.findIndex((r, i) => i >= start && r.every((c) => c === ''));
  return rows.slice(start, end < 0 ? undefined : end).map((r) =>
    r.slice(
      0,
      r.reduce((w: number, c, i) => (c === '' ? w : i + 1), 0),
    ),
  );
}

const EMPTY_MONTH = (month: string) => [month, 0, 0, '—', '—'];

describe('the Analysis tab along time', () => {
  const runtime = workbook();
  const rows = runtime.values(ANALYSIS);

  it('gives the monthly trend of the last 12 months by month entered', () => {
    const trend = table(rows, '月度趋势（最近 12 个月，按录入月份）');
    expect(trend.map((r) => r[0])).toEqual([
      '2023-06',
      '2023-07',
      '2023-08',
      '2023-09',
      '2023-10',
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
    ]);
    expect(trend[0]).toEqual(EMPTY_MONTH('2023-06'));
    expect(trend[9]).toEqual(['2024-03', 3, 1, 1 / 3, 4]);
    expect(trend[10]).toEqual(['2024-04', 4, 1, 0.25, 48]);
    expect(trend[11]).toEqual(EMPTY_MONTH('2024-05'));
  });

  it('gives the trend by channel, every month of each channel with leads', () => {
    const byChannel = table(rows, '各渠道月度趋势');
    expect(byChannel).toHaveLength(4 * 12);
    const at = (month: string, channel: string) =>
      byChannel.find((r) => r[0] === month && r[1] === channel);
    expect(at('2024-03', '展会')).toEqual(['2024-03', '展会', 2, 1, 0.5, 7]);
    expect(at('2024-04', '展会')).toEqual(['2024-04', '展会', 1, 0, 0, '—']);
    expect(at('2024-03', '官网表单')).toEqual(['2024-03', '官网表单', 1, 0, 0, 2]);
    expect(at('2024-04', '官网表单')).toEqual(['2024-04', '官网表单', 1, 1, 1, 6]);
    expect(at('2024-04', '电话咨询')).toEqual(['2024-04', '电话咨询', 1, 0, 0, 216]);
    expect(at('2024-04', '其他')).toEqual(['2024-04', '其他', 1, 0, 0, 48]);
    expect(at('2024-02', '其他')).toEqual(['2024-02', '其他', 0, 0, '—', '—']);
  });

  it('draws the overall conversion as a line chart with its axis scaled to the data', () => {
    const charts = runtime.sheet(ANALYSIS)._data.charts;
    const line = charts.find((c) => c.options.title === '月度趋势（最近 12 个月，按录入月份）');
    expect(line?.type).toBe('LINE');
    // The highest monthly rate is 33.3%: the axis ends at 40%, not 100%.
    expect(line?.options).toMatchObject({
      'vAxis.viewWindow.min': 0,
      'vAxis.viewWindow.max': 0.4,
      'vAxis.format': '#%',
    });
    const bySource = charts.find((c) => c.options.title === '各渠道转化率');
    // 展会 1 of 3, 官网表单 1 of 2, 电话咨询 0, 其他 0: the axis ends at 60%.
    expect(bySource?.options).toMatchObject({
      'hAxis.viewWindow.min': 0,
      'hAxis.viewWindow.max': 0.6,
      'hAxis.format': '#%',
    });
  });

  it('shows cadence compliance per owner over the last 4 full weeks', () => {
    const cadence = table(rows, '跟进节奏达标（按负责人，最近 4 个完整周）');
    expect(cadence[0]).toEqual(['统计区间', sh('2024-04-08 00:00'), sh('2024-05-06 00:00')]);
    expect(cadence.slice(1)).toEqual([
      ['张伟', 14, 0, 0, 0],
      ['李娜', 12, 4, 3, 0.25],
      ['王芳', 0, 1, 0, '—'],
    ]);
  });

  it('gives conversion by the rules version each lead was first graded under', () => {
    const [version, ...others] = table(rows, '各评分规则版本转化率（按首评版本）');
    expect(others).toEqual([]);
    expect(version[0]).toMatch(/^v[0-9a-f]{6}$/);
    // 7 leads, 3 decided (1, 2, 4), 2 won.
    expect(version.slice(1)).toEqual([7, 3, 2, 2 / 7, 2 / 3]);
  });

  it('sets the spend of each channel against its leads of the same months', () => {
    expect(table(rows, '渠道成本（设置中有投入的月份）')).toEqual([
      ['展会', 15, 3, 1, 5, 15, 4],
      ['官网表单', 4, 1, 0, 4, '—', 0],
    ]);
  });

  it('splits the grades apart by a new rules version once the points change', () => {
    const later = workbook();
    const partial = later
      .values(SETTINGS)
      .findIndex((r) => r[0] === '决策权限' && r[1] === '有影响者');
    later.type(SETTINGS, partial + 1, 3, [[12]]);
    later.type('销售线索信息表', 9, 1, [
      gradeALead(8, { id: mayId(8), owner: '王芳', enteredAt: sh('2024-05-08 10:00') }),
    ]);
    later.invoke('scoreAllLeads');
    later.invoke('refreshAnalysis');
    const versions = table(later.values(ANALYSIS), '各评分规则版本转化率（按首评版本）');
    expect(versions).toHaveLength(2);
    expect(versions[1].slice(1)).toEqual([1, 0, 0, 0, '—']);
    expect(versions[1][0]).not.toBe(versions[0][0]);
  });
});

describe('channel cost for leadership', () => {
  it('keeps the spend but hides what comes from fewer than 5 leads', () => {
    const runtime = workbook();
    const emailRow = settingsRow(runtime, '领导邮箱');
    runtime.type(SETTINGS, emailRow, 2, [['ceo@example.com']]);
    runtime.invoke('shareWithLeadership');
    const shared = runtime.spreadsheetApp._all()[1]._sheets[0];
    const values = shared._data.values.map((line) => (line ?? []).map((v) => v ?? ''));
    expect(table(values, '渠道成本（设置中有投入的月份）')).toEqual([
      ['展会', 15, '<5', '<5', '<5', '<5', '<5'],
      ['官网表单', 4, '<5', '<5', '<5', '<5', '<5'],
    ]);
  });
});

describe('the channel spend table in Settings', () => {
  it('reports a bad month and a bad amount with their cells, and runs nothing', () => {
    const runtime = automationWorkbook([gradeALead(1, { id: mayId(1) })]);
    const first = settingsRow(runtime, '渠道投入') + 2;
    runtime.type(SETTINGS, first, 1, [
      ['展会', '2024-13', 10],
      ['官网表单', '2024-03', -1],
    ]);
    expect(() => runtime.invoke('refreshAnalysis')).toThrow(
      `设置!B${first}: 月份「2024-13」必须写成 YYYY-MM，例如 2024-08`,
    );
    expect(() => runtime.invoke('refreshAnalysis')).toThrow(
      `设置!C${first + 1}: 金额(万)必须是 0 到 1000000 之间的数字`,
    );
  });

  it('leaves the channel cost out while the table is empty', () => {
    const runtime = automationWorkbook([gradeALead(1, { id: mayId(1) })]);
    runtime.invoke('refreshAnalysis');
    expect(runtime.values(ANALYSIS).map((r) => r[0])).not.toContain(
      '渠道成本（设置中有投入的月份）',
    );
  });
});
