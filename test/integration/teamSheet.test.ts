// The team's own Leads sheet instead of the template (SPEC §13.1): title rows above the header,
// headers the team already uses (synonyms, full-width brackets, other spacing), blank rows in the
// middle, their own columns, and "Map columns…" for the headers nothing recognises.

import type { LocalAppsScript } from '../../gas-local/runtime';
import { loadRuntime } from './../support/runtime';

const LEADS = '销售线索信息表';

/** A sheet as a team keeps it: two title rows, their headers, a blank row between leads. */
function teamSheet(): LocalAppsScript {
  const runtime = loadRuntime();
  runtime.addSheet(LEADS, [
    ['华东区 2024 年销售线索', '', '', '', '', '', '', '', ''],
    ['（由市场部每周更新）', '', '', '', '', '', '', '', ''],
    ['客户名称', '姓名', '手机', '渠道', '需求匹配度', '决策权限', '预算', '跟进备注', 'Cell'],
    [
      '华星科技',
      '王强',
      '13900000001',
      '展会',
      '完全契合',
      '直接决策人',
      '80万',
      '老客户介绍',
      '1',
    ],
    ['', '', '', '', '', '', '', '', ''],
    ['蓝海贸易', '李娜', '13900000002', '官网表单', '部分契合', '有影响者', '20万', '', '2'],
    ['', '', '', '', '', '', '', '', ''],
    ['远景制造', '赵敏', '13900000003', '电话咨询', '不契合', '无权限', '', '', '3'],
  ]);
  return runtime;
}

const values = (runtime: LocalAppsScript) => runtime.values(LEADS);
const headerOf = (runtime: LocalAppsScript) => values(runtime)[2];
const column = (runtime: LocalAppsScript, header: string) => headerOf(runtime).indexOf(header);

describe('set-up on the team’s own sheet', () => {
  it('takes the row that names the most columns as the header and keeps the titles above it', () => {
    const runtime = teamSheet();
    runtime.invoke('setupSheets');
    expect(values(runtime)[0][0]).toBe('华东区 2024 年销售线索');
    expect(values(runtime)[1][0]).toBe('（由市场部每周更新）');
    expect(headerOf(runtime).slice(0, 9)).toEqual([
      '客户名称',
      '姓名',
      '手机',
      '渠道',
      '需求匹配度',
      '决策权限',
      '预算',
      '跟进备注',
      'Cell',
    ]);
  });

  it('adds no template column for a field the team already has under another name', () => {
    const runtime = teamSheet();
    runtime.invoke('setupSheets');
    const header = headerOf(runtime);
    for (const ours of ['公司名称', '联系人', '联系方式', '来源', '预算范围'])
      expect(header).not.toContain(ours);
    expect(header).toContain('线索编号');
    expect(header).toContain('评分');
    // Nothing was added to the title rows.
    expect(
      values(runtime)[0]
        .slice(9)
        .every((cell) => cell === ''),
    ).toBe(true);
  });

  it('tells the person which row it took as the header, what it read how, and what it left', () => {
    const runtime = teamSheet();
    runtime.invoke('setupSheets');
    const [alert] = runtime.spreadsheetApp._ui.alerts;
    expect(alert.prompt).toContain('第 3 行是表头');
    expect(alert.prompt).toContain('上方 2 行原样保留');
    expect(alert.prompt).toContain('「手机」作为联系方式');
    expect(alert.prompt).toContain('「客户名称」作为公司名称');
    expect(alert.prompt).toMatch(/作为您自己的列保留.*跟进备注、Cell/);
    const log = runtime.values('运行日志').map((row) => String(row[2]));
    expect(log.some((line) => line.includes('第 3 行是表头'))).toBe(true);
  });

  it('scores the leads under the header and leaves blank rows and titles alone', () => {
    const runtime = teamSheet();
    runtime.invoke('setupSheets');
    runtime.invoke('scoreAllLeads');
    const rows = values(runtime);
    const score = column(runtime, '评分');
    const id = column(runtime, '线索编号');
    // 完全契合 40 + budget 80万 above the price of 50万 25 + 直接决策人 20; no urgency.
    expect(rows[3][score]).toBe(40 + 25 + 20);
    expect(
      [rows[3][score], rows[5][score], rows[7][score]].every((s) => typeof s === 'number'),
    ).toBe(true);
    expect(rows[4][id]).toBe('');
    expect(rows[6][id]).toBe('');
    expect(rows[4][score]).toBe('');
    expect(rows[0].slice(9).every((cell) => cell === '')).toBe(true);
    expect(String(runtime.toasts().at(-1)?.message)).toContain('已评分 3 条线索');
  });

  it('rescores an edit below a header that is not on the first row', () => {
    const runtime = teamSheet();
    runtime.invoke('setupSheets');
    runtime.invoke('scoreAllLeads');
    runtime.edit(LEADS, 8, column(runtime, '需求匹配度') + 1, [['完全契合']]);
    const row = values(runtime)[7];
    expect(row[column(runtime, '评分')]).toBe(40);
    expect(values(runtime)[2][0]).toBe('客户名称');
  });

  it('ignores an edit of the title rows above the header', () => {
    const runtime = teamSheet();
    runtime.invoke('setupSheets');
    runtime.edit(LEADS, 1, 1, [['华东区线索']]);
    expect(values(runtime)[0][0]).toBe('华东区线索');
    expect(values(runtime)[3][column(runtime, '线索编号')]).toBe('');
    expect(runtime.toasts().every((toast) => !toast.message.includes('缺少'))).toBe(true);
  });

  it('leaves blank rows and titles alone in the hourly run', () => {
    const runtime = teamSheet();
    runtime.invoke('setupSheets');
    runtime.invoke('runHourlyNow');
    const rows = values(runtime);
    for (const blank of [4, 6]) expect(rows[blank].every((cell) => cell === '')).toBe(true);
    expect(rows[0][0]).toBe('华东区 2024 年销售线索');
    expect(rows[0].slice(1).every((cell) => cell === '')).toBe(true);
    const pool = runtime.values('公海');
    expect(pool.slice(1).filter((row) => row.some((cell) => cell !== ''))).toHaveLength(0);
  });

  it('counts only real leads in the analysis, not blank rows', () => {
    const runtime = teamSheet();
    runtime.invoke('setupSheets');
    runtime.invoke('scoreAllLeads');
    runtime.invoke('refreshAnalysis');
    const analysis = runtime.values('转化分析').map((row) => row.map(String));
    const total = analysis.find((row) => row[0] === '线索总数' || row[0] === '线索数');
    const text = JSON.stringify(analysis);
    expect(text).not.toContain('(none)');
    expect(text).not.toContain('（无）');
    if (total) expect(total[1]).toBe('3');
  });
});

describe('Map columns…', () => {
  it('stores the team’s header for a field, and every operation reads it', () => {
    const runtime = teamSheet();
    runtime.invoke('setupSheets');
    // The team keeps need fit under a header of their own.
    const notes = column(runtime, '跟进备注') + 1;
    runtime.type(LEADS, 3, notes, [['需求契合']]);
    runtime.type(LEADS, 4, notes, [['完全契合']]);
    runtime.invoke('mapColumns', [{ needFit: '需求契合' }]);
    const settings = runtime.values('设置');
    const title = settings.findIndex((row) => row[0] === '列名对照');
    expect(title).toBeGreaterThan(0);
    expect(settings[title + 2].slice(0, 2)).toEqual(['需求匹配度', '需求契合']);
    runtime.invoke('scoreAllLeads');
    const note = values(runtime)[3][column(runtime, '评分说明')];
    expect(String(note)).toMatch(/^需求40 /);
  });

  it('accepts a field by its English header and clears a choice left blank', () => {
    const runtime = teamSheet();
    runtime.invoke('setupSheets');
    runtime.invoke('mapColumns', [{ 'Phone / WeChat': 'Cell' }]);
    const mapped = runtime.values('设置');
    const at = mapped.findIndex((row) => row[0] === '列名对照');
    expect(mapped[at + 2].slice(0, 2)).toEqual(['联系方式', 'Cell']);
    runtime.invoke('mapColumns', [{ phone: '' }]);
    const settings = runtime.values('设置');
    const title = settings.findIndex((row) => row[0] === '列名对照');
    expect(settings.slice(title + 2).every((row) => row[1] !== 'Cell')).toBe(true);
  });

  it('names every problem and stores nothing when a header or field does not exist', () => {
    const runtime = teamSheet();
    runtime.invoke('setupSheets');
    const before = runtime.values('设置');
    expect(() =>
      runtime.invoke('mapColumns', [
        { phone: '电话号码', shoeSize: 'Cell', company: 'Cell', need: 'cell' },
      ]),
    ).toThrow(
      /「电话号码」不是销售线索信息表第 3 行表头中的列名[\s\S]*「shoeSize」不是[\s\S]*「Cell」被选给了多个字段/,
    );
    expect(runtime.values('设置')).toEqual(before);
  });

  it('opens a dialog that lists each field with the sheet’s own headers, escaped', () => {
    const runtime = teamSheet();
    runtime.type(LEADS, 3, 8, [['<b>备注</b>']]);
    runtime.invoke('setupSheets');
    runtime.invoke('showMapColumnsDialog');
    const [dialog] = runtime.spreadsheetApp._ui.dialogs;
    expect(dialog.title).toBe('列名对照');
    expect(dialog.html).toContain('<option value="Cell">Cell</option>');
    expect(dialog.html).toContain('&lt;b&gt;备注&lt;/b&gt;');
    expect(dialog.html).not.toContain('<b>备注</b>');
    expect(dialog.html).toContain('当前：手机');
    expect(dialog.html).toContain('.mapColumns(mapping)');
  });
});
