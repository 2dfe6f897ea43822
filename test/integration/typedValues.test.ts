// Values as people type them, through the built bundle: text dates, unreadable cells, sources in
// any case or width, outcomes recorded only in Conversions, and Entered at taken from history.

import type { LocalDataValidation } from '../../gas-local/builders';
import type { LocalAppsScript } from '../../gas-local/runtime';
import { cellKey } from '../../gas-local/sheetData';
import { LEAD_COLUMNS } from '../../src/sheet/tabs';
import { rowsOf } from '../support/runtime';
import {
  ago,
  automationWorkbook,
  DAY,
  gradeALead,
  LEADS,
  mayId,
  POOL,
  setSetting,
  SETTINGS,
} from '../support/automation';

const ANALYSIS = '转化分析';
const FOLLOW_UPS = '销售线索跟进记录表';
const CONVERSIONS = '销售线索转化分析表';
const LOG = '运行日志';

/** The data rows of the Analysis table titled `title`. */
function table(runtime: LocalAppsScript, title: string): unknown[][] {
  const rows = runtime.values(ANALYSIS);
  const start = rows.findIndex((r) => r[0] === title) + 2;
  const end = rows.findIndex((r, i) => i >= start && r.every((c) => c === ''));
  return rows.slice(start, end < 0 ? undefined : end).map((r) => r.filter((c) => c !== ''));
}

/** A Conversions row: Lead ID, result, decided at; the cycle left for the analysis to work out. */
const conversion = (id: string, result: string, decidedAt: unknown) => [
  id,
  result,
  result === '成交' ? 50 : '',
  result === '成交' ? '' : '预算不足',
  '',
  '张伟',
  '',
  '',
  decidedAt,
];

const logDetails = (runtime: LocalAppsScript) =>
  rowsOf(runtime, LOG).map((row) => `${String(row['操作'])}: ${String(row['详情'])}`);
const lastToast = (runtime: LocalAppsScript) => runtime.toasts().at(-1)?.message ?? '';

describe('text dates are dates', () => {
  // Entered and decided in every typed form (a leading ' keeps what follows as text), Shanghai time:
  //   1 2024-04-01        → 2024-04-21 10:00   20 days
  //   2 2024/4/5 9:30     → 2024.4.15 9:30     10 days
  //   3 2024年4月2日       → 2024年5月2日 8:00   30 days (and 8 hours, rounded down)
  //   4 serial 45392 (2024-04-10) → serial 45402   10 days
  //   5 2024年2月1日, won, but entered before the 60-day window (since 2024-03-11)
  // Cycle of won deals in the window: 20, 10, 30, 10 → mean 17.5, median 15.
  function workbook(): LocalAppsScript {
    const lead = (i: number, source: string, enteredAt: unknown) =>
      gradeALead(i, { id: mayId(i), source, status: '成交', owner: '张伟', enteredAt });
    const runtime = automationWorkbook([
      lead(1, '展会', "'2024-04-01"),
      lead(2, '展会', "'2024/4/5 9:30"),
      lead(3, '展会', '2024年4月2日'),
      lead(4, '展会', 45392),
      lead(5, '官网表单', '2024年2月1日'),
    ]);
    runtime.type(CONVERSIONS, 2, 1, [
      conversion(mayId(1), '成交', "'2024-04-21 10:00"),
      conversion(mayId(2), '成交', '2024.4.15 9:30'),
      conversion(mayId(3), '成交', '2024年5月2日 8:00'),
      conversion(mayId(4), '成交', 45402),
      conversion(mayId(5), '成交', '2024年2月20日'),
    ]);
    setSetting(runtime, '分析周期(天)', 60);
    runtime.invoke('refreshAnalysis');
    return runtime;
  }

  it('gives the right cycle days from text dates and serial numbers', () => {
    expect(table(workbook(), '成交周期（天）')).toEqual([[4, 17.5, 15]]);
  });

  it('leaves a lead entered before the window out by its text date', () => {
    expect(table(workbook(), '各渠道转化率')).toEqual([['展会', 4, 4, 1]]);
  });

  it('names no cell when every date could be read', () => {
    expect(lastToast(workbook())).toBe('转化分析已刷新。');
  });
});

describe('an unreadable cell is named', () => {
  it('in the Log and the toast of Score all leads, with tab, cell, column and value', () => {
    const runtime = automationWorkbook([
      gradeALead(1, { id: mayId(1), enteredAt: '下周' }),
      gradeALead(2, { id: mayId(2), enteredAt: "'2024-05-01", status: '搁置' }),
    ]);
    runtime.invoke('scoreAllLeads');
    const named = `销售线索信息表!AA2 录入时间 '下周'; 销售线索信息表!X3 状态 '搁置'`;
    expect(lastToast(runtime)).toContain(`2 个单元格无法识别：${named}`);
    expect(logDetails(runtime)).toContain(`无法识别的单元格: 2 个单元格无法识别：${named}`);
  });

  it('names a few in the toast and counts the rest', () => {
    const runtime = automationWorkbook(
      [1, 2, 3, 4, 5].map((i) => gradeALead(i, { id: mayId(i), enteredAt: '下周' })),
    );
    runtime.invoke('scoreAllLeads');
    const toast = lastToast(runtime);
    expect(toast).toContain('5 个单元格无法识别：');
    expect(toast).toContain(`销售线索信息表!AA4 录入时间 '下周'；另有 2 个`);
    expect(toast).not.toContain('AA5');
  });

  it('as a person types it into Leads', () => {
    const runtime = automationWorkbook([gradeALead(1, { id: mayId(1), enteredAt: ago(DAY) })]);
    runtime.edit(LEADS, 2, 27, [['下周']]);
    expect(lastToast(runtime)).toBe(`1 个单元格无法识别：销售线索信息表!AA2 录入时间 '下周'`);
  });

  it('in the hourly run, from Follow-ups and Conversions too', () => {
    const runtime = automationWorkbook([gradeALead(1, { id: mayId(1), enteredAt: ago(DAY) })]);
    runtime.type(FOLLOW_UPS, 2, 1, [[mayId(1), '昨天', '电话', '聊了', '', '', '', '张伟']]);
    runtime.type(CONVERSIONS, 2, 1, [[mayId(1), '培育中', '五万', '', '', '张伟', '', '', '']]);
    runtime.invoke('runHourlyNow');
    const line = logDetails(runtime).find((d) => d.startsWith('无法识别的单元格'));
    expect(line).toContain(`销售线索跟进记录表!B2 跟进时间 '昨天'`);
    expect(line).toContain(`销售线索转化分析表!C2 成交金额(万) '五万'`);
    expect(lastToast(runtime)).toContain('2 个单元格无法识别：');
  });
});

describe('sources as people type them', () => {
  function workbook(): LocalAppsScript {
    const runtime = automationWorkbook([
      gradeALead(1, { id: mayId(1), source: 'google', enteredAt: ago(DAY) }),
      gradeALead(2, { id: mayId(2), source: 'Google', enteredAt: ago(DAY), status: '成交' }),
      gradeALead(3, { id: mayId(3), source: 'Ｇｏｏｇｌｅ', enteredAt: ago(DAY) }),
      gradeALead(4, { id: mayId(4), source: '展会', enteredAt: ago(DAY) }),
    ]);
    runtime.invoke('scoreAllLeads');
    runtime.invoke('refreshAnalysis');
    return runtime;
  }

  it('counts google, Google and Ｇｏｏｇｌｅ as one channel', () => {
    expect(table(workbook(), '各渠道转化率')).toEqual([
      ['google', 3, 1, 1 / 3],
      ['展会', 1, 0, 0],
    ]);
  });

  it('adds an unknown source once, right below the Settings sources, and logs it', () => {
    const runtime = workbook();
    const column = runtime.values(SETTINGS).map((row) => row[0]);
    const title = column.indexOf('线索来源');
    expect(column.slice(title + 2, title + 9)).toEqual([
      '官网表单',
      '展会',
      '电话咨询',
      '客户推荐',
      '电商平台',
      '其他',
      'google',
    ]);
    expect(logDetails(runtime)).toContain(
      '来源已加入设置: 已加入设置中的来源列表，下拉菜单可直接选用：google',
    );
  });

  it('widens the Source drop-down of Leads to accept it', () => {
    const data = workbook().sheet(LEADS)._data;
    const source = LEAD_COLUMNS.findIndex((c) => c.key === 'source');
    const list = (data.validations.get(cellKey(1, source)) as LocalDataValidation)._spec.values;
    expect(list.at(-1)).toBe('google');
  });

  it('adds nothing the next time: the list now holds it however typed', () => {
    const runtime = workbook();
    runtime.invoke('scoreAllLeads');
    const added = logDetails(runtime).filter((d) => d.startsWith('来源已加入设置'));
    expect(added).toHaveLength(1);
  });
});

describe('one truth of outcome', () => {
  // Each of 1-3 is decided only in Conversions, with Status blank or still open:
  //   1 has an owner and a follow-up two days overdue (a reminder, were it open)
  //   2 has no owner (it would be assigned)
  //   3 was assigned 8 days ago and never followed up (it would be pooled)
  // 4 is open and unowned: the hourly job assigns it.
  function workbook(): LocalAppsScript {
    const runtime = automationWorkbook([
      gradeALead(1, {
        id: mayId(1),
        owner: '张伟',
        assignedAt: ago(3 * DAY),
        firstContactAt: ago(3 * DAY),
        lastFollowUpAt: ago(3 * DAY),
        nextFollowUpDue: ago(2 * DAY),
        enteredAt: ago(3 * DAY),
      }),
      gradeALead(2, { id: mayId(2), enteredAt: ago(DAY) }),
      gradeALead(3, {
        id: mayId(3),
        owner: '李娜',
        assignedAt: ago(8 * DAY),
        status: '跟进中',
        enteredAt: ago(9 * DAY),
      }),
      gradeALead(4, { id: mayId(4), enteredAt: ago(DAY) }),
    ]);
    runtime.type(CONVERSIONS, 2, 1, [
      conversion(mayId(1), '培育中', ago(2 * DAY)),
      conversion(mayId(1), '成交', ago(DAY)),
      conversion(mayId(2), '流失', ago(DAY)),
      conversion(mayId(3), '未成交', "'2024-05-09"),
    ]);
    return runtime;
  }

  it('makes Status match the latest Conversions row on Score all leads, and logs it', () => {
    const runtime = workbook();
    runtime.invoke('scoreAllLeads');
    const status = rowsOf(runtime, LEADS).map((row) => [row['线索编号'], row['状态']]);
    expect(status).toEqual([
      [mayId(1), '成交'],
      [mayId(2), '流失'],
      [mayId(3), '未成交'],
      [mayId(4), ''],
    ]);
    const line = logDetails(runtime).find((d) => d.startsWith('按转化记录更新状态'));
    expect(line).toContain(`${mayId(3)}：跟进中 → 未成交`);
    expect(line).toContain(`${mayId(2)}：（空） → 流失`);
  });

  it('assigns, mails and pools none of the decided leads in the hourly run', () => {
    const runtime = workbook();
    runtime.invoke('runHourlyNow');
    const leads = rowsOf(runtime, LEADS);
    expect(leads.map((row) => row['线索编号'])).toEqual([mayId(1), mayId(2), mayId(3), mayId(4)]);
    expect(leads.map((row) => row['状态'])).toEqual(['成交', '流失', '未成交', '']);
    expect(leads[1]['负责人']).toBe('');
    expect(leads[3]['负责人']).not.toBe('');
    expect(rowsOf(runtime, POOL)).toEqual([]);
    const mailed = runtime.mail._sent.map((m) => m.body).join('\n');
    for (const id of [mayId(1), mayId(2), mayId(3)]) expect(mailed).not.toContain(id);
  });

  it('counts the outcomes in the calibration', () => {
    const runtime = workbook();
    runtime.invoke('refreshAnalysis');
    const [gradeA] = table(runtime, '评分校准：各等级成交率（95% 区间）');
    expect(gradeA.slice(0, 3)).toEqual(['A', 4, 1]);
  });
});

describe('Entered at never later than the lead’s own history', () => {
  it('takes the earliest follow-up for a blank Entered at, so cycle days are not negative', () => {
    const runtime = automationWorkbook([
      gradeALead(1, { id: mayId(1), owner: '张伟', enteredAt: '' }),
      gradeALead(2, { id: mayId(2), owner: '张伟', enteredAt: '' }),
    ]);
    runtime.type(FOLLOW_UPS, 2, 1, [
      [mayId(1), ago(10 * DAY), '电话', '聊了', '', '', '', '张伟'],
      [mayId(1), ago(12 * DAY), '微信', '加了', '', '', '', '张伟'],
    ]);
    runtime.type(CONVERSIONS, 2, 1, [
      conversion(mayId(1), '成交', ago(5 * DAY)),
      conversion(mayId(2), '成交', ago(3 * DAY)),
    ]);
    runtime.invoke('scoreAllLeads');
    const entered = rowsOf(runtime, LEADS).map((row) => row['录入时间']);
    expect(entered).toEqual([ago(12 * DAY), ago(3 * DAY)]);
    runtime.invoke('refreshAnalysis');
    // Cycles 7 and 0 days: mean 3.5, median 3.5.
    expect(table(runtime, '成交周期（天）')).toEqual([[2, 3.5, 3.5]]);
  });
});
