// setupSheets creates every tab in the spreadsheet's language and repairs without touching user data.

import { LEAD_COLUMNS, TAB_NAMES, TAB_ORDER } from '../../src/sheet/tabs';
import { GRADE_COLOURS } from '../../src/sheet/sheetStyle';
import type { LocalDataValidation } from '../../gas-local/builders';
import { cellKey } from '../../gas-local/sheetData';
import { leadHeaders, leadRow, TEMPLATE_LEAD } from '../support/leads';
import { loadRuntime } from '../support/runtime';

/** Tabs a person sees, in order (Lead Tracker keeps its saved state in a hidden tab). */
const visibleTabs = (runtime: ReturnType<typeof loadRuntime>) =>
  runtime.spreadsheet._sheets.filter((s) => !s.isSheetHidden()).map((s) => s.getName());

describe('setupSheets on a new spreadsheet', () => {
  it('creates the seven tabs in Chinese for a zh locale, in order', () => {
    const runtime = loadRuntime({ locale: 'zh_CN' });
    runtime.invoke('setupSheets');
    expect(visibleTabs(runtime)).toEqual(TAB_ORDER.map((k) => TAB_NAMES[k].zh));
    expect(runtime.values('销售线索信息表')[0]).toEqual(leadHeaders('zh'));
    expect(runtime.values('销售线索跟进记录表')[0]).toEqual([
      '线索编号',
      '跟进时间',
      '跟进方式',
      '沟通内容',
      '客户反馈',
      '下一步行动',
      '下次跟进时间',
      '跟进人',
    ]);
    expect(runtime.values('公海')[0].slice(-4)).toEqual([
      '进入公海时间',
      '进入公海原因',
      '原负责人',
      '回收次数',
    ]);
  });

  it('creates the tabs in English for other locales', () => {
    const runtime = loadRuntime({ locale: 'en_US' });
    runtime.invoke('setupSheets');
    expect(visibleTabs(runtime)).toEqual(TAB_ORDER.map((k) => TAB_NAMES[k].en));
    expect(runtime.values('Leads')[0]).toEqual(leadHeaders('en'));
    expect(runtime.toasts().at(-1)?.message).toMatch(/^Created Leads, Follow-ups/);
  });

  it('freezes headers, offers drop-downs, keeps text columns as text and colours grades', () => {
    const runtime = loadRuntime({ locale: 'zh_CN' });
    runtime.invoke('setupSheets');
    const data = runtime.sheet('销售线索信息表')._data;
    expect(data.frozenRows).toBe(1);
    const at = (key: string) => LEAD_COLUMNS.findIndex((c) => c.key === key);
    const listAt = (column: number) =>
      (data.validations.get(cellKey(1, column)) as LocalDataValidation)._spec.values;
    expect(listAt(at('needFit'))).toEqual(['完全契合', '部分契合', '不契合']);
    expect(listAt(at('status'))).toContain('重点跟进');
    expect(listAt(at('source'))).toEqual([
      '官网表单',
      '展会',
      '电话咨询',
      '客户推荐',
      '电商平台',
      '其他',
    ]);
    for (const key of ['id', 'phone', 'budget'])
      expect(data.style('numberFormat', 5, at(key))).toBe('@');
    expect(data.style('background', 5, at('score'))).toBeDefined();
    expect(data.style('background', 5, at('contact'))).toBeUndefined();
    const rules = data.conditionalRules as {
      _spec: { background: string; condition: { kind: string; value: string } };
    }[];
    expect(rules.slice(0, 4).map((r) => r._spec.background)).toEqual(Object.values(GRADE_COLOURS));
    // Overdue first contact (T: due, U: made) and next follow-up (W), unless the lead is closed.
    expect(rules.slice(4).map((r) => r._spec.condition.value)).toEqual([
      expect.stringMatching(/^=AND\(ISNUMBER\(\$T2\),\$U2="",\$T2<NOW\(\),NOT\(OR\(\$X2="成交",/),
      expect.stringMatching(/^=AND\(ISNUMBER\(\$W2\),\$W2<NOW\(\),NOT/),
      // A blank contact (C), phone (D), company (E), source (B) or need (F) on a row with content.
      '=AND(LEN(TRIM($C2))=0,COUNTA(2:2)>0)',
      '=AND(LEN(TRIM($D2))=0,COUNTA(2:2)>0)',
      '=AND(LEN(TRIM($E2))=0,COUNTA(2:2)>0)',
      '=AND(LEN(TRIM($B2))=0,COUNTA(2:2)>0)',
      '=AND(LEN(TRIM($F2))=0,COUNTA(2:2)>0)',
    ]);
  });

  it('fills Settings with the defaults of SPEC §7', () => {
    const runtime = loadRuntime({ locale: 'en_US' });
    runtime.invoke('setupSheets');
    const settings = runtime.values('Settings');
    const value = (label: string) => settings.find((row) => row[0] === label)?.[1];
    expect(value('Language')).toBe('English');
    expect(value('Product price (万)')).toBe(50);
    expect(value('Pool days')).toBe(7);
    expect([value('Grade A from'), value('Grade B from'), value('Grade C from')]).toEqual([
      80, 60, 40,
    ]);
    expect([value('SLA hours A'), value('SLA hours B'), value('SLA hours C')]).toEqual([
      24, 48, 72,
    ]);
    expect([value('Cadence days A'), value('Cadence days B'), value('Cadence days C')]).toEqual([
      1, 2, 7,
    ]);
    expect(value('A daily follow-up days')).toBe(14);
    expect(value('SLA clock')).toBe('calendar');
    expect(value('Analysis window (days)')).toBe(0);
    const titles = settings.map((row) => row[0]);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Scoring points',
        'Team',
        'Assignment rules',
        'Sources',
        'Pool-exempt statuses',
      ]),
    );
    expect(settings).toContainEqual(['Need fit', 'Full', 40, '']);
    expect(settings).toContainEqual(['Urgency', 'Over 3 months', 5, '']);
  });

  it('creates each tab with only the columns it uses, not the 26 Sheets gives a new tab', () => {
    const runtime = loadRuntime({ locale: 'en_US' });
    runtime.invoke('setupSheets');
    const width = (tab: string) => runtime.sheet(tab).getMaxColumns();
    expect(width('Leads')).toBe(27);
    expect(width('Follow-ups')).toBe(8);
    expect(width('Conversions')).toBe(9);
    expect(width('Pool')).toBe(31);
    expect(width('Settings')).toBe(4);
    expect(width('Log')).toBe(4);
  });

  it('never trims a tab the team made, even past its header', () => {
    const runtime = loadRuntime({ locale: 'en_US' });
    runtime.addSheet('Leads', [
      ['Contact', 'Phone'],
      ['Wang', '139'],
    ]);
    runtime.invoke('setupSheets');
    expect(runtime.sheet('Leads').getMaxColumns()).toBeGreaterThanOrEqual(26);
  });

  it('writes only under the document lock', () => {
    const runtime = loadRuntime();
    runtime.invoke('setupSheets');
    expect(runtime.kernel.unlockedWrites).toEqual([]);
  });
});

describe('setupSheets on a spreadsheet in use', () => {
  it('changes nothing the second time', () => {
    const runtime = loadRuntime({ locale: 'en_US' });
    runtime.invoke('setupSheets');
    runtime.type('Leads', 2, 1, [leadRow(TEMPLATE_LEAD)]);
    const before = runtime.values('Leads');
    runtime.invoke('setupSheets');
    expect(visibleTabs(runtime)).toHaveLength(7);
    expect(runtime.values('Leads')).toEqual(before);
    expect(runtime.toasts().at(-1)?.message).toBe('All tabs are already set up.');
  });

  it('adds missing columns at the end and never moves user data or user columns', () => {
    const runtime = loadRuntime({ locale: 'zh_CN' });
    // A hand-made Leads tab: columns reordered, some missing, one of the team's own.
    runtime.addSheet('销售线索信息表', [
      ['联系人', '我的备注', '来源', '需求匹配度', 'Lead ID'],
      ['李经理', '老客户介绍', '展会', '完全契合', 'X-1'],
    ]);
    runtime.invoke('setupSheets');
    const [header, row] = runtime.values('销售线索信息表');
    expect(header.slice(0, 5)).toEqual(['联系人', '我的备注', '来源', '需求匹配度', 'Lead ID']);
    expect(row.slice(0, 5)).toEqual(['李经理', '老客户介绍', '展会', '完全契合', 'X-1']);
    expect(header).toHaveLength(5 + LEAD_COLUMNS.length - 4);
    expect(header).toEqual(
      expect.arrayContaining(
        leadHeaders('zh').filter((h) => !['联系人', '来源', '需求匹配度', '线索编号'].includes(h)),
      ),
    );
    expect(runtime.toasts().at(-1)?.message).toContain('补回 23 列');
  });

  it('adds missing settings rows below the tables without moving them', () => {
    const runtime = loadRuntime({ locale: 'en_US' });
    runtime.invoke('setupSheets');
    const settings = runtime.sheet('Settings');
    const rows = runtime.values('Settings');
    const poolRow = rows.findIndex((r) => r[0] === 'Pool days');
    settings._data.put(poolRow, 0, { value: '' });
    settings._data.put(poolRow, 1, { value: '' });
    runtime.invoke('setupSheets');
    const after = runtime.values('Settings');
    expect(after.slice(0, poolRow)).toEqual(rows.slice(0, poolRow));
    expect(after.at(-1)).toEqual(['Pool days', 7, '', '']);
    runtime.invoke('scoreAllLeads');
    expect(runtime.spreadsheetApp._ui.alerts).toEqual([]);
  });

  it('gives each spreadsheet its own random web form token, kept on a repair', () => {
    const runtime = loadRuntime({ locale: 'en_US' });
    runtime.invoke('setupSheets');
    const other = runtime.addSpreadsheet({ locale: 'en_US' });
    runtime.invoke('setupSheets', [], { spreadsheet: other });
    const token = (rows: unknown[][]) => rows.find((r) => r[0] === 'Web form token')?.[1];
    const mine = token(runtime.values('Settings'));
    expect(mine).toMatch(/^LT[0-9a-f]{32}$/);
    expect(token(other.values('Settings'))).toMatch(/^LT[0-9a-f]{32}$/);
    expect(token(other.values('Settings'))).not.toBe(mine);
    runtime.invoke('setupSheets');
    expect(token(runtime.values('Settings'))).toBe(mine);
    expect(runtime.values('Settings').find((r) => r[0] === 'Web leads per hour')?.[1]).toBe(200);
  });

  it('ends complete and identical to a clean set-up when a run dies at any call and is rerun', () => {
    // Small tabs keep hundreds of set-ups quick; the logic is the same as at 1,000 rows.
    const small = { locale: 'zh_CN', newSheetRows: 40 };
    const clean = loadRuntime(small);
    const { calls } = clean.measure(() => clean.invoke('setupSheets'));
    // Each set-up draws its own web form token: compared by its shape, not its value.
    const tokenShape = (row: unknown[]) =>
      row[0] === '表单令牌' && /^LT[0-9a-f]{32}$/.test(String(row[1]))
        ? [row[0], 'LT + 32 hex digits', ...row.slice(2)]
        : row;
    const snapshot = (runtime: ReturnType<typeof loadRuntime>) =>
      runtime.spreadsheet._sheets
        .filter((sheet) => sheet.getName() !== '运行日志')
        .map((sheet) => [sheet.getName(), runtime.values(sheet.getName()).map(tokenShape)]);
    const expected = snapshot(clean);
    for (let k = 1; k <= calls.length; k++) {
      const runtime = loadRuntime(small);
      runtime.kernel.failAtCall = k;
      expect(() => runtime.invoke('setupSheets')).toThrow();
      runtime.invoke('setupSheets');
      expect(snapshot(runtime)).toEqual(expected);
    }
  });
});
