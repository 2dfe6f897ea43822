// Refresh analysis through the built bundle: aggregates only, rates as percentages, rebuilt in place.

import type { LocalAppsScript } from '../../gas-local/runtime';
import { automationWorkbook, DAY, gradeALead, mayId, T0 } from '../support/automation';
import { leadRow } from '../support/leads';

const ANALYSIS = '转化分析';

function workbook(): LocalAppsScript {
  const leads = Array.from({ length: 12 }, (_, i) =>
    gradeALead(i + 1, {
      id: mayId(i + 1),
      owner: i % 2 === 0 ? '张伟' : '李娜',
      enteredAt: new Date(T0.getTime() - 20 * DAY),
      status: i < 3 ? '成交' : i < 5 ? '流失' : '跟进中',
    }),
  );
  const runtime = automationWorkbook(leads);
  runtime.invoke('scoreAllLeads');
  return runtime;
}

const cellRight = (rows: unknown[][], label: string, offset = 1) => {
  const row = rows.find((r) => r[0] === label);
  return row?.[offset];
};

describe('refreshAnalysis', () => {
  it('writes conversion by source and grade as numbers formatted as percentages', () => {
    const runtime = workbook();
    runtime.invoke('refreshAnalysis');
    const rows = runtime.values(ANALYSIS);
    expect(rows[0][0]).toBe('转化分析');
    const bySource = rows.findIndex((r) => r[0] === '各渠道转化率');
    expect(rows[bySource + 2]).toEqual(['展会', 12, 3, 0.25, '', '', '']);
    const data = runtime.sheet(ANALYSIS)._data;
    expect(data.style('numberFormat', bySource + 2, 3)).toBe('0.0%');
    expect(cellRight(rows, '录入')).toBe(12);
    expect(cellRight(rows, '成交')).toBe(3);
  });

  it('holds no contact, phone or company of any lead', () => {
    const runtime = workbook();
    runtime.invoke('refreshAnalysis');
    const text = JSON.stringify(runtime.values(ANALYSIS));
    for (let i = 1; i <= 12; i++) {
      expect(text).not.toContain(`客户${i}"`);
      expect(text).not.toContain(`公司${i}"`);
      expect(text).not.toContain(`1390000${String(i).padStart(4, '0')}`);
    }
  });

  it('rebuilds in place: refreshing twice leaves the same tab and the same charts', () => {
    const runtime = workbook();
    runtime.invoke('refreshAnalysis');
    const first = runtime.values(ANALYSIS);
    const charts = runtime.sheet(ANALYSIS)._data.charts;
    // No Conversions row gives a reason yet, so there is no reasons chart.
    expect(charts.map((c) => c.options.title)).toEqual([
      '各渠道转化率',
      '各等级转化率',
      '月度趋势（最近 12 个月，按录入月份）',
    ]);
    runtime.invoke('refreshAnalysis');
    expect(runtime.values(ANALYSIS)).toEqual(first);
    expect(runtime.sheet(ANALYSIS)._data.charts).toHaveLength(3);
    expect(runtime.kernel.unlockedWrites).toEqual([]);
  });

  it('charts each table from its labels and values', () => {
    const runtime = workbook();
    runtime.invoke('refreshAnalysis');
    const [bySource] = runtime.sheet(ANALYSIS)._data.charts;
    const rows = runtime.values(ANALYSIS);
    const header = rows.findIndex((r) => r[0] === '来源') + 1;
    expect(bySource.ranges.map((r) => r._bounds())).toEqual([
      expect.objectContaining({ row: header, column: 1, numRows: 2 }),
      expect.objectContaining({ row: header, column: 4, numRows: 2 }),
    ]);
  });

  it('is part of the hourly job', () => {
    const runtime = workbook();
    // The day's first run also archives (SPEC §16), reading Leads on its own once a day.
    runtime.invoke('runHourlyNow');
    runtime.kernel.advance(3_600_000);
    const { calls } = runtime.measure(() => runtime.invoke('runHourlyNow'));
    expect(runtime.values(ANALYSIS)[0][0]).toBe('转化分析');
    // The analysis uses the Leads and Pool the run already read.
    const reads = (tab: string) => calls.filter((c) => c.sheet === tab && c.method === 'getValues');
    expect(reads('销售线索信息表')).toHaveLength(1);
    expect(reads('公海')).toHaveLength(1);
  });

  // The hourly job calibrates with the scores its own pass gave, scoring no lead twice: the tab
  // must read as the menu's refresh, which scores every lead itself, writes it.
  it('calibrates in the hourly job with its own pass, as the menu does by scoring again', () => {
    const inputs = [
      { needFit: '完全契合', authority: '直接决策人', urgency: '1个月内' },
      { needFit: '部分契合', authority: '有影响者', urgency: '1-3个月' },
      { needFit: '不契合', authority: '无权限', urgency: '' },
      { needFit: '部分契合', authority: '直接决策人', urgency: '' },
    ];
    const leads = Array.from({ length: 24 }, (_, i) =>
      gradeALead(i + 1, {
        ...inputs[i % 4],
        // Urgency derived from Expected close for some; a lead without an ID gets one in the pass.
        expectedClose: new Date(T0.getTime() + (i % 3) * 40 * DAY),
        id: i === 5 ? '' : mayId(i + 1),
        owner: i % 2 === 0 ? '张伟' : '李娜',
        enteredAt: new Date(T0.getTime() - 20 * DAY),
        status: i % 5 === 0 ? '成交' : i % 7 === 0 ? '流失' : '跟进中',
      }),
    );
    // A row holding only another lead's ID: not scored by the pass, counted by the Analysis.
    const runtime = automationWorkbook([...leads, leadRow({ id: mayId(1) })]);
    runtime.invoke('runHourlyNow');
    const byHourlyJob = runtime.values(ANALYSIS);
    const title = byHourlyJob.findIndex((r) => r[0] === '评分校准：各评分选项成交率');
    expect(title).toBeGreaterThan(0);
    runtime.invoke('refreshAnalysis');
    expect(runtime.values(ANALYSIS)).toEqual(byHourlyJob);
  });

  it('previews a rule change beside the analysis and changes nothing else', () => {
    const runtime = workbook();
    runtime.type('销售线索信息表', 14, 1, [gradeALead(13, { id: mayId(13), needFit: '部分契合' })]);
    runtime.invoke('scoreAllLeads');
    const settings = runtime.values('设置');
    const partial = settings.findIndex((r) => r[0] === '需求匹配度' && r[1] === '部分契合') + 1;
    runtime.type('设置', partial, 4, [[40]]);
    runtime.invoke('refreshAnalysis');
    const leadsBefore = runtime.values('销售线索信息表');
    const analysisBefore = runtime.values(ANALYSIS).map((r) => r.slice(0, 7));
    runtime.invoke('previewRuleChange');
    const rows = runtime.values(ANALYSIS);
    expect(rows[1].slice(7, 9)).toEqual(['等级会变化的线索', 1]);
    expect(rows[2].slice(7, 9)).toEqual(['B→A', 1]);
    // No lead is graded D either way: no rate, rather than 0%.
    expect(rows.map((r) => r.slice(7, 14)).find((r) => r[0] === 'D')).toEqual([
      'D',
      0,
      0,
      '—',
      0,
      0,
      '—',
    ]);
    expect(runtime.values('销售线索信息表')).toEqual(leadsBefore);
    expect(rows.map((r) => r.slice(0, 7))).toEqual(analysisBefore);
  });

  it('shares a view-only copy with leadership, small groups suppressed, refreshed with each analysis', () => {
    const runtime = workbook();
    const emailRow = runtime.values('设置').findIndex((r) => r[0] === '领导邮箱') + 1;
    runtime.type('设置', emailRow, 2, [['ceo@example.com, vp@example.com']]);
    runtime.invoke('shareWithLeadership');
    const copy = runtime.spreadsheetApp._all()[1];
    expect(copy._viewers).toEqual(['ceo@example.com', 'vp@example.com']);
    const shared = copy._sheets[0];
    const values = shared._data.values.map((line) => line?.map((v) => v ?? ''));
    const text = JSON.stringify(values);
    // 12 leads of one source are shown; grade A (3 leads) is suppressed.
    expect(text).toContain('"展会",12,3,0.25');
    expect(text).toMatch(/"A","<5","<5","<5"/);
    // An option chosen by no lead (0 < 5) is suppressed too.
    expect(text).toMatch(/"需求匹配度 · 部分契合","<5","<5","<5","<5","<5","<5"/);
    for (let i = 1; i <= 12; i++) expect(text).not.toContain(`客户${i}"`);
    expect(shared._data.charts.length).toBeGreaterThan(0);
    // A later refresh updates the copy in place.
    runtime.type('销售线索信息表', 14, 1, [gradeALead(13, { id: mayId(13), status: '成交' })]);
    runtime.invoke('refreshAnalysis');
    expect(JSON.stringify(shared._data.values)).toContain('"展会",13,4');
    expect(runtime.spreadsheetApp._all()).toHaveLength(2);
  });

  it('names the empty Settings row when there is nobody to share with', () => {
    const runtime = workbook();
    expect(() => runtime.invoke('shareWithLeadership')).toThrow('设置中的「领导邮箱」为空');
  });
});
