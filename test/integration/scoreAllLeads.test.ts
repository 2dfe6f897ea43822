// scoreAllLeads through the built bundle: scores, grades, breakdowns, IDs, errors, locks and call counts.

import { LocalAppsScript } from '../../gas-local/runtime';
import { leadHeaders, leadRow, manyLeads, TEMPLATE_LEAD } from '../support/leads';
import { columnOf, loadRuntime, rowsOf } from '../support/runtime';
import { SCORE_ALL_NARROW_READ } from '../../src/method/scoring/scorePass';
import { LEAD_COLUMNS } from '../../src/sheet/tabs';
import { READ_SLACK } from '../../src/gas/rowsToEnd';

const LEADS = '销售线索信息表';

function setUp(rows: unknown[][], locale = 'zh_CN'): LocalAppsScript {
  const runtime = loadRuntime({ locale });
  runtime.invoke('setupSheets');
  runtime.type(locale.startsWith('zh') ? LEADS : 'Leads', 2, 1, rows);
  return runtime;
}

describe('scoreAllLeads', () => {
  it('scores the template lead 85, grade A, with derived budget fit and urgency', () => {
    const runtime = setUp([leadRow(TEMPLATE_LEAD)]);
    runtime.invoke('scoreAllLeads');
    const [lead] = rowsOf(runtime, LEADS);
    expect(lead['评分']).toBe(85);
    expect(lead['线索等级']).toBe('A');
    // It ends with the version of the rules it was first graded under.
    expect(lead['评分说明']).toMatch(
      /^需求40 \+ 预算15\(推算\) \+ 决策20 \+ 紧急10\(推算\) = 85 · 首评规则 v[0-9a-f]{6}$/,
    );
    // Derived values stay out of the input cells.
    expect(lead['预算充足度']).toBe('');
    expect(lead['紧急程度']).toBe('');
  });

  it('names missing inputs and counts them 0', () => {
    const runtime = setUp([
      leadRow({ contact: '王总', phone: '13956781234', needFit: '部分契合' }),
    ]);
    runtime.invoke('scoreAllLeads');
    const [lead] = rowsOf(runtime, LEADS);
    expect(lead['评分']).toBe(20);
    expect(lead['线索等级']).toBe('D');
    expect(String(lead['评分说明'])).toMatch(
      /^需求20 \+ 预算0 \+ 决策0 \+ 紧急0 = 20；缺少：预算充足度、决策权限、紧急程度 · 首评规则 v/,
    );
  });

  it('fills blank Lead IDs from Entered at month and the highest sequence across Leads and Pool', () => {
    const runtime = setUp([
      leadRow(TEMPLATE_LEAD),
      leadRow({
        source: '官网表单',
        contact: '王总',
        phone: '13956781234',
        enteredAt: '2024-05-02',
      }),
      leadRow({ source: '', contact: '赵工', phone: '13700001111', enteredAt: '2024-04-20' }),
    ]);
    runtime.type('公海', 2, 1, [['202405007-电话咨询', '电话咨询', '钱总', '13811112222']]);
    runtime.invoke('scoreAllLeads');
    const ids = rowsOf(runtime, LEADS).map((l) => l['线索编号']);
    expect(ids).toEqual(['202405001-展会', '202405008-官网表单', '202404001']);
  });

  it('sets Entered at to now when blank, and keeps it when given', () => {
    const runtime = setUp([
      leadRow(TEMPLATE_LEAD),
      leadRow({ contact: '王总', enteredAt: '2024-05-02' }),
    ]);
    runtime.invoke('scoreAllLeads');
    const [first, second] = rowsOf(runtime, LEADS);
    expect(first['录入时间']).toEqual(new Date('2024-05-10T02:00:00Z'));
    expect(second['录入时间']).toEqual(new Date('2024-05-01T16:00:00Z'));
  });

  it('uses the spreadsheet time zone for the ID month', () => {
    const runtime = loadRuntime({
      locale: 'en_US',
      timeZone: 'America/New_York',
      now: new Date('2024-06-01T03:30:00Z'),
    });
    runtime.invoke('setupSheets');
    runtime.type('Leads', 2, 1, [
      leadRow({ source: 'Trade show', contact: 'Ann', phone: '5550100' }),
    ]);
    runtime.invoke('scoreAllLeads');
    expect(rowsOf(runtime, 'Leads')[0]['Lead ID']).toBe('202405001-Trade show');
  });

  it('reports what changed in a toast', () => {
    const runtime = setUp([
      leadRow(TEMPLATE_LEAD),
      leadRow({ contact: '王总', needFit: '部分契合' }),
    ]);
    runtime.invoke('scoreAllLeads');
    expect(runtime.toasts().at(-1)?.message).toBe(
      '已评分 2 条线索：A 1 · B 0 · C 0 · D 1；新编号 1 条',
    );
  });

  it('reports in English for an English workbook', () => {
    const runtime = setUp(
      [leadRow({ ...TEMPLATE_LEAD, needFit: 'Full', authority: 'Decision maker' })],
      'en_US',
    );
    runtime.invoke('scoreAllLeads');
    expect(runtime.toasts().at(-1)?.message).toBe('Scored 1 lead: A 1 · B 0 · C 0 · D 0');
    expect(rowsOf(runtime, 'Leads')[0]['Score breakdown']).toMatch(
      /^Need 40 \+ Budget 15 \(derived\) \+ Authority 20 \+ Urgency 10 \(derived\) = 85 · first graded under rules v[0-9a-f]{6}$/,
    );
  });

  it('finds columns by header in either language, in any order, and leaves user columns alone', () => {
    const runtime = loadRuntime({ locale: 'zh_CN' });
    const header = ['  lead id ', '我的备注', ...leadHeaders('zh').slice(1).reverse()];
    const row = (fields: Record<string, unknown>) => header.map((h) => fields[h] ?? '');
    runtime.addSheet(LEADS, [
      header,
      row({
        我的备注: "'=SUM(1,2) 是文字",
        来源: '展会',
        联系人: '李经理',
        需求匹配度: 'full',
        决策权限: 'Influencer',
        紧急程度: '1个月内',
        预算充足度: '匹配',
      }),
    ]);
    runtime.invoke('scoreAllLeads');
    const [, scored] = runtime.values(LEADS);
    expect(scored[header.indexOf('评分')]).toBe(40 + 15 + 10 + 15);
    expect(scored[header.indexOf('线索等级')]).toBe('A');
    expect(scored[1]).toBe('=SUM(1,2) 是文字');
    expect(scored[0]).toMatch(/^202405001-展会$/);
  });

  it('names a missing required column, alerts, logs, and writes nothing', () => {
    const runtime = loadRuntime({ locale: 'zh_CN' });
    runtime.invoke('setupSheets');
    const leads = runtime.sheet(LEADS);
    const gradeAt = columnOf(runtime, LEADS, '线索等级');
    leads._data.put(0, gradeAt, { value: '' });
    runtime.type(LEADS, 2, 1, [leadRow(TEMPLATE_LEAD)]);
    const before = runtime.values(LEADS);
    expect(() => runtime.invoke('scoreAllLeads')).toThrow('缺少列：线索等级 (Grade)');
    expect(runtime.values(LEADS)).toEqual(before);
    expect(runtime.spreadsheetApp._ui.alerts.at(-1)?.prompt).toContain('线索等级 (Grade)');
    expect(runtime.values('运行日志').at(-1)?.[1]).toBe('评分失败');
  });

  it('refuses to run on invalid Settings and names the cell', () => {
    const runtime = setUp([leadRow(TEMPLATE_LEAD)], 'en_US');
    const rows = runtime.values('Settings');
    const poolRow = rows.findIndex((r) => r[0] === 'Pool days') + 1;
    runtime.type('Settings', poolRow, 2, [['abc']]);
    const before = runtime.values('Leads');
    expect(() => runtime.invoke('scoreAllLeads')).toThrow(
      `Settings!B${poolRow}: pool days must be a whole number from 1 to 365`,
    );
    expect(runtime.values('Leads')).toEqual(before);
    expect(runtime.spreadsheetApp._ui.alerts.at(-1)?.prompt).toContain(`Settings!B${poolRow}`);
    expect(String(runtime.values('Log').at(-1)?.[2])).toContain(`Settings!B${poolRow}`);
  });

  it('uses the points and thresholds in Settings', () => {
    const runtime = setUp([leadRow(TEMPLATE_LEAD)], 'en_US');
    const rows = runtime.values('Settings');
    const fullRow = rows.findIndex((r) => r[0] === 'Need fit' && r[1] === 'Full') + 1;
    runtime.type('Settings', fullRow, 3, [[30]]);
    const gradeRow = rows.findIndex((r) => r[0] === 'Grade A from') + 1;
    runtime.type('Settings', gradeRow, 2, [[90]]);
    runtime.invoke('scoreAllLeads');
    const [lead] = rowsOf(runtime, 'Leads');
    expect([lead['Score'], lead['Grade']]).toEqual([75, 'B']);
  });

  it('extends grade colours to rows added after setup, once', () => {
    const runtime = setUp(manyLeads(1500));
    const gradeRange = () =>
      (
        runtime.sheet(LEADS)._data.conditionalRules as {
          _spec: { ranges: { _bounds(): { numRows: number } }[] };
        }[]
      ).map((rule) => rule._spec.ranges[0]._bounds().numRows);
    expect(gradeRange()[0]).toBe(999);
    runtime.invoke('scoreAllLeads');
    // Four grade colours, two overdue highlights and five missing required fields, down to 100
    // blank rows kept below the last lead (a later append lands inside them).
    expect(gradeRange()).toEqual(Array(11).fill(1600));
    const { calls } = runtime.measure(() => runtime.invoke('scoreAllLeads'));
    expect(calls.filter((c) => c.method === 'setConditionalFormatRules')).toEqual([]);
  });

  it('writes only under the document lock, and waits politely when another run holds it', () => {
    const runtime = setUp([leadRow(TEMPLATE_LEAD)]);
    runtime.invoke('scoreAllLeads');
    expect(runtime.kernel.unlockedWrites).toEqual([]);

    const busy = setUp([leadRow(TEMPLATE_LEAD)]);
    const before = busy.values(LEADS);
    busy.kernel.lockHeldElsewhere = true;
    expect(() => busy.invoke('scoreAllLeads')).toThrow('另一个线索跟踪任务正在运行');
    expect(busy.values(LEADS)).toEqual(before);
  });

  it('leaves every lead with exactly one ID when a run dies at any service call and is rerun', () => {
    const clean = setUp(manyLeads(30, true));
    const { calls } = clean.measure(() => clean.invoke('scoreAllLeads'));
    const expected = rowsOf(clean, LEADS).map((l) => [l['评分'], l['线索等级'], l['评分说明']]);
    for (let k = 1; k <= calls.length; k++) {
      const runtime = setUp(manyLeads(30, true));
      runtime.kernel.failAtCall = k;
      expect(() => runtime.invoke('scoreAllLeads')).toThrow();
      runtime.invoke('scoreAllLeads');
      const leads = rowsOf(runtime, LEADS);
      const ids = leads.map((l) => l['线索编号']);
      expect(new Set(ids).size).toBe(30);
      expect(ids.every((id) => /^202405\d{3}-展会$/.test(String(id)))).toBe(true);
      expect(leads.map((l) => [l['评分'], l['线索等级'], l['评分说明']])).toEqual(expected);
    }
  });
});

describe('scoreAllLeads service calls', () => {
  function callsFor(count: number, blankIds: boolean) {
    const runtime = setUp(manyLeads(count, blankIds));
    const { calls } = runtime.measure(() => runtime.invoke('scoreAllLeads'));
    return {
      total: LocalAppsScript.spreadsheetCalls(calls).length,
      leadsData: LocalAppsScript.dataCalls(calls, LEADS).length,
    };
  }

  it('makes the same number of calls at 1,000 and 10,000 leads, and at most 3 data calls on Leads', () => {
    const small = callsFor(1000, false);
    const large = callsFor(10_000, false);
    expect(large).toEqual(small);
    expect(large.leadsData).toBeLessThanOrEqual(3);
  });

  it('adds one block write per blank-filled column when new leads need IDs and Entered at', () => {
    const fresh = callsFor(10_000, true);
    expect(fresh.leadsData).toBeLessThanOrEqual(4);
    expect(callsFor(1000, true)).toEqual(fresh);
  });

  it('only reads when nothing changed', () => {
    const runtime = setUp(manyLeads(500, false));
    runtime.invoke('scoreAllLeads');
    const { calls } = runtime.measure(() => runtime.invoke('scoreAllLeads'));
    expect(LocalAppsScript.dataCalls(calls, LEADS).map((c) => c.method)).toEqual(['getValues']);
  });

  // The scoring columns of every row in one call; whole, in a second, only the rows they cannot
  // tell about: a new lead (its contact places it) and one whose read cells show only its ID.
  it('reads the scoring columns of every lead, and whole only the rows that need more', () => {
    const runtime = setUp(manyLeads(500, false));
    runtime.invoke('scoreAllLeads');
    runtime.type(LEADS, 502, 1, [
      leadRow({ contact: '新客户', phone: '13900000001' }),
      leadRow({ id: '202404901-展会', need: '只要报价' }),
    ]);
    const { calls } = runtime.measure(() => runtime.invoke('scoreAllLeads'));
    const reads = calls.filter(
      (c) => c.sheet === LEADS && c.method.endsWith('batchGetByDataFilter'),
    );
    // Then the commit's own reads of the cells it writes, before writing and after.
    expect(reads.map((c) => c.cellsRead).slice(0, 2)).toEqual([
      502 * SCORE_ALL_NARROW_READ.keys.length,
      2 * LEAD_COLUMNS.length,
    ]);
    const [fresh, namedOnly] = rowsOf(runtime, LEADS).slice(500);
    expect(fresh['线索编号']).toMatch(/^202405\d{3}$/);
    expect(fresh['线索等级']).toBe('D');
    expect(namedOnly['评分']).toBe(0);
    expect(String(namedOnly['评分说明'])).toMatch(/^需求0 /);
  });

  // Rows no pass has seen need their whole row: past a quarter more, one whole read costs less.
  it('reads a tab grown by an import whole, once', () => {
    const runtime = setUp(manyLeads(100, false));
    runtime.invoke('scoreAllLeads');
    runtime.type(LEADS, 102, 1, manyLeads(200, true));
    const { calls } = runtime.measure(() => runtime.invoke('scoreAllLeads'));
    const leadsReads = calls.filter((c) => c.sheet === LEADS && c.cellsRead > 0);
    // No read of the scoring columns of every row; one of the whole tab (then the commit's).
    expect(leadsReads.map((c) => c.cellsRead)).not.toContain(
      300 * SCORE_ALL_NARROW_READ.keys.length,
    );
    // The whole read runs past the last row (a row a person inserts meanwhile pushes none out).
    const whole = (c: { cellsRead: number }) =>
      c.cellsRead >= 301 * LEAD_COLUMNS.length &&
      c.cellsRead <= (301 + READ_SLACK) * LEAD_COLUMNS.length;
    expect(leadsReads.filter(whole)).toHaveLength(1);
    expect(rowsOf(runtime, LEADS).filter((lead) => lead['线索等级'] === '')).toEqual([]);
  });
});
