// onEdit through the built bundle: rescoring exactly the edited Leads rows within simple-trigger rules.

import { LocalAppsScript } from '../../gas-local/runtime';
import { leadRow, manyLeads, TEMPLATE_LEAD } from '../support/leads';
import { columnOf, loadRuntime, rowsOf } from '../support/runtime';

const LEADS = '销售线索信息表';

function scoredWorkbook(count: number): LocalAppsScript {
  const runtime = loadRuntime({ locale: 'zh_CN' });
  runtime.invoke('setupSheets');
  runtime.type(LEADS, 2, 1, manyLeads(count));
  runtime.invoke('scoreAllLeads');
  return runtime;
}

/** `count` scored leads in a Leads tab of `gridRows` rows (the header's included). */
function scoredInGrid(count: number, gridRows: number): LocalAppsScript {
  const runtime = scoredWorkbook(count);
  const sheet = runtime.sheet(LEADS);
  sheet.deleteRows(gridRows + 1, sheet.getMaxRows() - gridRows);
  return runtime;
}

describe('onEdit', () => {
  it('rescores the edited row when a scoring input changes', () => {
    const runtime = scoredWorkbook(5);
    const needFit = columnOf(runtime, LEADS, '需求匹配度') + 1;
    runtime.edit(LEADS, 3, needFit, [['完全契合']]);
    const lead = rowsOf(runtime, LEADS)[1];
    expect(lead['需求匹配度']).toBe('完全契合');
    expect(String(lead['评分说明'])).toMatch(/^需求40 /);
  });

  it('rescores exactly the edited rows and no others', () => {
    const runtime = scoredWorkbook(6);
    const score = columnOf(runtime, LEADS, '评分');
    // Make rows 2 and 6 stale by hand: only an edit of row 4 follows.
    runtime.sheet(LEADS)._data.put(1, score, { value: 999 });
    runtime.sheet(LEADS)._data.put(5, score, { value: 999 });
    runtime.edit(LEADS, 4, columnOf(runtime, LEADS, '决策权限') + 1, [['直接决策人']]);
    const scores = rowsOf(runtime, LEADS).map((l) => l['评分']);
    expect(scores[0]).toBe(999);
    expect(scores[4]).toBe(999);
    expect(scores[2]).not.toBe(999);
  });

  it('scores a pasted block of new leads, filling Lead IDs and Entered at', () => {
    const runtime = scoredWorkbook(3);
    runtime.edit(LEADS, 5, 1, [
      leadRow({ ...TEMPLATE_LEAD, id: '' }),
      leadRow({ source: '官网表单', contact: '王总', needFit: '部分契合' }),
    ]);
    const [, , , first, second] = rowsOf(runtime, LEADS);
    expect(first['线索编号']).toBe('202405001-展会');
    expect(first['评分']).toBe(85);
    expect(second['线索编号']).toBe('202405002-官网表单');
    expect(second['录入时间']).toEqual(new Date('2024-05-10T02:00:00Z'));
  });

  it('numbers new leads after the IDs an earlier full pass saw', () => {
    const runtime = loadRuntime({ locale: 'zh_CN' });
    runtime.invoke('setupSheets');
    runtime.type(LEADS, 2, 1, [leadRow({ ...TEMPLATE_LEAD, id: '202405041-展会' })]);
    runtime.invoke('scoreAllLeads');
    runtime.edit(LEADS, 3, 1, [leadRow({ source: '展会', contact: '新客户' })]);
    expect(rowsOf(runtime, LEADS)[1]['线索编号']).toBe('202405042-展会');
  });

  it('ignores the header row and other tabs', () => {
    const runtime = scoredWorkbook(2);
    const before = runtime.values(LEADS);
    const { calls } = runtime.measure(() => {
      runtime.edit(LEADS, 1, 1, [['线索编号']]);
      runtime.edit('设置', 3, 2, [[60]]);
    });
    expect(runtime.values(LEADS).slice(1)).toEqual(before.slice(1));
    expect(LocalAppsScript.dataCalls(calls, LEADS)).toEqual([]);
  });

  it('runs in AuthMode.LIMITED under the lock, sends no e-mail, and shows no dialog', () => {
    const runtime = scoredWorkbook(2);
    runtime.edit(LEADS, 2, columnOf(runtime, LEADS, '需求匹配度') + 1, [['不契合']]);
    expect(runtime.kernel.unlockedWrites).toEqual([]);
    expect(runtime.mail._sent).toEqual([]);
    expect(runtime.spreadsheetApp._ui.alerts).toEqual([]);
  });

  it('toasts the cell at fault when Settings are invalid, and writes nothing', () => {
    const runtime = scoredWorkbook(2);
    const settingsRows = runtime.values('设置');
    const priceRow = settingsRows.findIndex((r) => r[0] === '产品定价(万)') + 1;
    runtime.type('设置', priceRow, 2, [['很多']]);
    const before = runtime.values(LEADS);
    runtime.edit(LEADS, 2, columnOf(runtime, LEADS, '需求匹配度') + 1, [['完全契合']]);
    expect(runtime.toasts().at(-1)?.message).toContain(`设置!B${priceRow}`);
    const after = runtime.values(LEADS);
    expect(after[1].filter((_, i) => i !== columnOf(runtime, LEADS, '需求匹配度'))).toEqual(
      before[1].filter((_, i) => i !== columnOf(runtime, LEADS, '需求匹配度')),
    );
  });

  it('rescores an edit far down the sheet in the right rows', () => {
    const runtime = scoredWorkbook(400);
    const needFit = columnOf(runtime, LEADS, '需求匹配度') + 1;
    runtime.edit(LEADS, 350, needFit, [['完全契合'], ['不契合']]);
    const leads = rowsOf(runtime, LEADS);
    expect(String(leads[348]['评分说明'])).toMatch(/^需求40 /);
    expect(String(leads[349]['评分说明'])).toMatch(/^需求0 /);
  });

  // Reads (the header and the rows), one read to place by Lead ID, a write per run of changed
  // columns, one read to check: the same for 1 row or 1,000.
  it('makes at most 5 data calls on Leads for a paste of 1,000 rows over existing leads', () => {
    for (const at of [2, 8000]) {
      const runtime = scoredWorkbook(10_000);
      const pasted = manyLeads(1000).map((row) => row.map((v, i) => (i === 10 ? '完全契合' : v)));
      const { calls } = runtime.measure(() => runtime.edit(LEADS, at, 1, pasted));
      expect(LocalAppsScript.dataCalls(calls, LEADS).length).toBeLessThanOrEqual(5);
      expect(String(rowsOf(runtime, LEADS)[at + 500]['评分说明'])).toMatch(/^需求40 /);
    }
  });

  // Most leads of a paste change score, some keep theirs: those are written again with the scores
  // they hold, so that all go in one range instead of a call per run of changed rows.
  it('writes the scores of a paste over leads of mixed inputs in one range', () => {
    const runtime = scoredWorkbook(3000);
    const needFit = columnOf(runtime, LEADS, '需求匹配度') + 1;
    const fits = ['完全契合', '部分契合', '不契合'];
    runtime.edit(
      LEADS,
      1002,
      needFit,
      Array.from({ length: 999 }, (_, i) => [fits[i % 3]]),
    );
    const computed = (row: Record<string, unknown>) =>
      [row['评分'], row['线索等级'], row['评分说明']].map(String);
    const before = rowsOf(runtime, LEADS).map(computed);
    const { calls } = runtime.measure(() =>
      runtime.edit(
        LEADS,
        1002,
        needFit,
        Array.from({ length: 999 }, () => ['部分契合']),
      ),
    );
    const onLeads = LocalAppsScript.dataCalls(calls, LEADS);
    expect(onLeads.map((c) => c.method)).toEqual(['getValues', 'setValues', 'getValues']);
    const after = rowsOf(runtime, LEADS).map(computed);
    const changed = after.reduce(
      (sum, cells, r) => sum + cells.filter((cell, c) => cell !== before[r][c]).length,
      0,
    );
    expect(changed).toBeGreaterThan(999);
    expect(onLeads[1].cellsWritten).toBe(999 * 3);
    expect(onLeads[1].cellsWritten).toBeLessThanOrEqual(2 * changed);
    // Every lead holds what a full pass gives it: the pass finds nothing to change.
    runtime.invoke('scoreAllLeads');
    expect(rowsOf(runtime, LEADS).map(computed)).toEqual(after);
  });

  // New leads also get a Lead ID and Entered at: three runs of changed columns.
  it('makes at most 6 data calls on Leads for a paste of 1,000 new leads into a sheet of 3,000', () => {
    const runtime = scoredWorkbook(3000);
    const pasted = manyLeads(1000, true);
    const { calls } = runtime.measure(() => runtime.edit(LEADS, 3002, 1, pasted));
    expect(LocalAppsScript.dataCalls(calls, LEADS).length).toBeLessThanOrEqual(6);
    const leads = rowsOf(runtime, LEADS);
    expect(new Set(leads.map((l) => l['线索编号'])).size).toBe(4000);
  });

  // Far down a long tab: the header, the rows around the paste, every Lead ID (for numbering), the
  // rows again (the numbering's calls came between them and the write), three writes (IDs; score,
  // grade and breakdown; Entered at) and the check.
  it('numbers a paste of new leads far down a long tab in 8 data calls on Leads', () => {
    const runtime = scoredWorkbook(4000);
    const { calls } = runtime.measure(() => runtime.edit(LEADS, 4002, 1, manyLeads(100, true)));
    const onLeads = LocalAppsScript.dataCalls(calls, LEADS);
    // The margin above and the pasted rows: the grid ends with them.
    const window = (100 + 100) * 27;
    expect(onLeads.map((c) => `${c.method} ${c.cellsRead || c.cellsWritten}`)).toEqual([
      `getValues ${10 * 27}`,
      `getValues ${window}`,
      `getValues ${runtime.sheet(LEADS).getMaxRows() - 1}`,
      `getValues ${window}`,
      'setValues 100',
      'setValues 300',
      'setValues 100',
      `getValues ${window}`,
    ]);
    const leads = rowsOf(runtime, LEADS);
    expect(new Set(leads.map((l) => l['线索编号'])).size).toBe(4100);
    expect(leads[4099]['线索编号']).toBe('202405100-展会');
  });

  // An edit that numbers nothing places its writes by the rows it read: no call between them.
  it('writes an edit of existing leads right after reading them, and checks once', () => {
    const runtime = scoredWorkbook(4000);
    const needFit = columnOf(runtime, LEADS, '需求匹配度') + 1;
    const { calls } = runtime.measure(() =>
      runtime.edit(LEADS, 3950, needFit, [['完全契合'], ['不契合']]),
    );
    const onLeads = LocalAppsScript.dataCalls(calls, LEADS);
    expect(onLeads.map((c) => c.method)).toEqual([
      'getValues',
      'getValues',
      'setValues',
      'getValues',
    ]);
    const rowsRead = onLeads[1].index;
    expect(calls.find((c) => c.index > rowsRead && c.dataIndex !== undefined)).toBe(onLeads[2]);
    const leads = rowsOf(runtime, LEADS);
    expect(String(leads[3948]['评分说明'])).toMatch(/^需求40 /);
    expect(String(leads[3949]['评分说明'])).toMatch(/^需求0 /);
  });

  // The edited rows were there, so the rows around them are read without asking the tab's length
  // first; a person who deletes rows meanwhile can leave that window running past the tab's end.
  it('reads the rows around an edit without asking the length of the tab', () => {
    const runtime = scoredWorkbook(5);
    const needFit = columnOf(runtime, LEADS, '需求匹配度') + 1;
    const { calls } = runtime.measure(() => runtime.edit(LEADS, 6, needFit, [['完全契合']]));
    const onLeads = calls.filter((c) => c.sheet === LEADS);
    expect(onLeads.filter((c) => c.method === 'getLastRow')).toEqual([]);
    expect(String(rowsOf(runtime, LEADS)[4]['评分说明'])).toMatch(/^需求40 /);
  });

  it('places an edit of the last row when a person deletes a row above it meanwhile', () => {
    // The last lead's need fit was 完全契合.
    const edit = (runtime: LocalAppsScript) =>
      runtime.edit(LEADS, 6, columnOf(runtime, LEADS, '需求匹配度') + 1, [['不契合']]);
    // No spare rows: a deletion shortens the tab below the edited row.
    const lastRowsOnly = () => scoredInGrid(5, 6);
    const clean = lastRowsOnly();
    expect(rowsOf(clean, LEADS)[4]['需求匹配度']).toBe('完全契合');
    const { calls } = clean.measure(() => edit(clean));
    // The read of the rows (which the commit places by) and the commit's check after writing: the
    // two reads of Leads, each just before it takes its range.
    const reads = calls.filter((c) => c.sheet === LEADS && c.method === 'getValues');
    expect(reads).toHaveLength(2);
    const deletedBefore = (read: (typeof reads)[number]) => {
      const runtime = lastRowsOnly();
      const deleted = rowsOf(runtime, LEADS)[0]['线索编号'];
      const others = rowsOf(runtime, LEADS).slice(1, 4);
      const last = rowsOf(runtime, LEADS)[4];
      expect(calls[read.index - 2]).toMatchObject({ sheet: LEADS, method: 'getRange' });
      runtime.people.counting = 'every';
      runtime.people.before(read.index - 1, (person) => person.deleteRow(LEADS, 2));
      const toasts = runtime.spreadsheet._toasts.length;
      edit(runtime);
      expect(runtime.people.acted).toHaveLength(1);
      // No error: the read stops at the grid's new end.
      expect(runtime.spreadsheet._toasts.slice(toasts)).toEqual([]);
      const leads = rowsOf(runtime, LEADS);
      expect(leads.map((l) => l['线索编号'])).not.toContain(deleted);
      expect(leads.slice(0, 3)).toEqual(others);
      expect(leads[3]['需求匹配度']).toBe('不契合');
      return { leads, last };
    };
    // Deleted before the check: the written score is where its lead is.
    expect(String(deletedBefore(reads[1]).leads[3]['评分说明'])).toMatch(/^需求0 /);
    // Deleted before the rows are read: the edit named a row the tab no longer has. Nothing is
    // written, and the lead keeps its score until the next edit or scoring pass (by position, as
    // for any row a person moves before onEdit reads it).
    const { leads, last } = deletedBefore(reads[0]);
    expect(leads[3]['评分说明']).toBe(last['评分说明']);
  });

  // The rows read first reach past the edit, so a lead that a deletion above slides onto the
  // written row is put back as it was.
  it('puts back the lead below a new one when a person deletes a row above as it writes', () => {
    const typeNewLead = (runtime: LocalAppsScript) => {
      runtime.sheet(LEADS).insertRowsBefore(4, 1);
      runtime.edit(LEADS, 4, 1, [
        leadRow({ source: '展会', contact: '新客户', needFit: '部分契合' }),
      ]);
    };
    const clean = scoredWorkbook(5);
    const below = rowsOf(clean, LEADS)[2];
    const { calls } = clean.measure(() => typeNewLead(clean));
    const firstWrite = calls.find((c) => c.sheet === LEADS && c.method === 'setValues');
    const runtime = scoredWorkbook(5);
    runtime.people.counting = 'every';
    runtime.people.before((firstWrite?.index ?? 0) - 1, (person) => person.deleteRow(LEADS, 2));
    typeNewLead(runtime);
    expect(runtime.people.acted).toHaveLength(1);
    const leads = rowsOf(runtime, LEADS);
    const same = (contact: unknown) => leads.filter((lead) => lead['联系人'] === contact);
    expect(same(below['联系人'])).toEqual([below]);
    expect(same('新客户')).toHaveLength(1);
    expect(same('新客户')[0]['线索编号']).toMatch(/^202405\d{3}-展会$/);
  });

  // Numbering reads the ID column down to the grid's end asked at the start; a person who deletes
  // a row meanwhile makes that read ask for the last row instead.
  it('numbers a pasted lead when a person deletes a row before the IDs are read', () => {
    const paste = (runtime: LocalAppsScript) =>
      runtime.edit(LEADS, 7, 1, [
        leadRow({ source: '展会', contact: '新客户', needFit: '部分契合' }),
      ]);
    // A lead far below the pasted row: the rows read around it do not hold every ID.
    const spareRow = () => {
      const runtime = scoredInGrid(5, 300);
      runtime.type(LEADS, 250, 1, [
        leadRow({ id: '202405006-展会', source: '展会', contact: '老客户' }),
      ]);
      return runtime;
    };
    const clean = spareRow();
    const { calls } = clean.measure(() => paste(clean));
    // The read of the ID column alone: one cell for each row of the grid below the header.
    const ids = calls.find(
      (c) => c.sheet === LEADS && c.method === 'getValues' && c.cellsRead === 299,
    );
    expect(ids).toBeDefined();
    const runtime = spareRow();
    runtime.people.counting = 'every';
    runtime.people.before((ids?.index ?? 0) - 1, (person) => person.deleteRow(LEADS, 2));
    const toasts = runtime.spreadsheet._toasts.length;
    paste(runtime);
    expect(runtime.people.acted).toHaveLength(1);
    const leads = rowsOf(runtime, LEADS).filter((lead) => lead['联系人']);
    const added = leads.find((lead) => lead['联系人'] === '新客户');
    // Numbered after the ID far below, which only the ID column's read holds.
    expect(added?.['线索编号']).toBe('202405007-展会');
    expect(new Set(leads.map((lead) => lead['线索编号'])).size).toBe(leads.length);
    // No error shown: the edit went through.
    expect(runtime.spreadsheet._toasts.slice(toasts)).toEqual([]);
  });

  // Numbering takes the IDs of the rows read from the top when the last row asked after the read
  // lies among them, else it reads the ID column down to the grid's end and asks the grid's size
  // again. A row inserted before any of those reads (just above the last lead, so the rows read
  // end on a blank one, or at the top) never hides the last lead's ID.
  it('numbers a new lead after an ID that rows inserted meanwhile pushed past the grid', () => {
    const fullGrid = (spareRows: number) => {
      const runtime = scoredInGrid(5, 6);
      // The bottom lead's ID was typed by hand, in this month's numbering.
      runtime.type(LEADS, 6, 1, [['202405001-展会']]);
      runtime.sheet(LEADS).insertRowsBefore(4, 1);
      if (spareRows > 0) runtime.sheet(LEADS).insertRowsAfter(7, spareRows);
      return runtime;
    };
    const typeNewLead = (runtime: LocalAppsScript) =>
      runtime.edit(LEADS, 4, 1, [
        leadRow({ source: '展会', contact: '新客户', needFit: '部分契合' }),
      ]);
    // Without spare rows the rows read from the top reach the grid's end; with 200, they stop
    // 100 rows below the edit and the ID column is read.
    for (const spareRows of [0, 200]) {
      const clean = fullGrid(spareRows);
      const { calls } = clean.measure(() => typeNewLead(clean));
      const firstWrite = calls.find((c) => c.sheet === LEADS && c.method === 'setValues');
      const reads = calls.filter(
        (c) => c.sheet === LEADS && c.dataIndex !== undefined && c.index < (firstWrite?.index ?? 0),
      );
      expect(reads.length).toBeGreaterThanOrEqual(2);
      for (const read of reads) {
        for (const at of [2, 7]) {
          const runtime = fullGrid(spareRows);
          runtime.people.counting = 'every';
          runtime.people.before(read.index - 1, (person) => person.insertRowBefore(LEADS, at));
          typeNewLead(runtime);
          const context = { spareRows, before: `${read.method} ${read.index}`, at };
          expect({ ...context, acted: runtime.people.acted.length }).toEqual({
            ...context,
            acted: 1,
          });
          const leads = rowsOf(runtime, LEADS).filter((lead) => lead['联系人']);
          const ids = leads.map((lead) => lead['线索编号']);
          expect({ ...context, ids: ids.filter((id) => String(id).startsWith('202405')) }).toEqual({
            ...context,
            ids: expect.arrayContaining(['202405001-展会']),
          });
          expect(new Set(ids).size).toBe(leads.length);
        }
      }
    }
  });

  // The sequences are stored before the IDs, scores and Entered at go in three writes: an edit
  // that dies at any call leaves nothing the next edit of the rows does not finish, and hands no
  // ID out twice.
  it('leaves each pasted lead one ID and its score when the edit dies at any call and comes again', () => {
    const pasted = [
      leadRow({ source: '展会', contact: '新客户1', needFit: '部分契合' }),
      leadRow({
        source: '官网表单',
        contact: '新客户2',
        needFit: '完全契合',
        authority: '直接决策人',
      }),
      leadRow({ source: '展会', contact: '新客户3' }),
    ];
    const tab = () => scoredInGrid(5, 20);
    const clean = tab();
    const { calls } = clean.measure(() => clean.edit(LEADS, 7, 1, pasted));
    const expected = rowsOf(clean, LEADS);
    expect(expected.slice(5, 8).map((lead) => lead['线索编号'])).toEqual([
      '202405001-展会',
      '202405002-官网表单',
      '202405003-展会',
    ]);
    // A run that died after storing the sequences leaves a gap in the numbering, never a reused ID.
    const withoutIds = (leads: Record<string, unknown>[]) =>
      leads.map((lead) => ({ ...lead, 线索编号: undefined }));
    for (let k = 1; k <= calls.length; k++) {
      const runtime = tab();
      runtime.kernel.failAtCall = k;
      try {
        runtime.edit(LEADS, 7, 1, pasted);
      } catch {
        // The execution died with the call.
      }
      // The person enters the rows again as they now are, which makes the edit again.
      runtime.edit(LEADS, 7, 1, runtime.values(LEADS).slice(6, 9));
      const leads = rowsOf(runtime, LEADS);
      expect({ k, leads: withoutIds(leads) }).toEqual({ k, leads: withoutIds(expected) });
      expect(leads.slice(0, 5)).toEqual(expected.slice(0, 5));
      const ids = leads.slice(5).map((lead) => String(lead['线索编号']));
      expect(ids.map((id) => id.replace(/^202405\d{3}/, ''))).toEqual([
        '-展会',
        '-官网表单',
        '-展会',
      ]);
      expect(new Set(ids).size).toBe(3);
      expect([...ids].sort()).toEqual(ids);
    }
  });

  // A lead is known by its Lead ID: a person who retypes its phone while the edit runs moves
  // nothing, and the score lands and stays.
  it('keeps the new score when a person retypes the lead’s phone before any data call', () => {
    const edit = (runtime: LocalAppsScript) =>
      runtime.edit(LEADS, 4, columnOf(runtime, LEADS, '需求匹配度') + 1, [['完全契合']]);
    const clean = scoredWorkbook(6);
    const { calls } = clean.measure(() => edit(clean));
    const expected = rowsOf(clean, LEADS)[2];
    const onLeads = LocalAppsScript.dataCalls(calls, LEADS);
    expect(onLeads.length).toBeGreaterThanOrEqual(3);
    for (const call of onLeads) {
      const runtime = scoredWorkbook(6);
      const phone = columnOf(runtime, LEADS, '联系方式') + 1;
      runtime.people.before(call.dataIndex as number, (person) =>
        person.type(LEADS, 4, phone, '13900000000'),
      );
      const logged = runtime.values('运行日志').length;
      edit(runtime);
      expect(runtime.people.acted).toHaveLength(1);
      const lead = rowsOf(runtime, LEADS)[2];
      expect({
        before: call.dataIndex,
        phone: lead['联系方式'],
        scored: [lead['评分'], lead['线索等级'], lead['评分说明']],
        logged: runtime.values('运行日志').slice(logged),
      }).toEqual({
        before: call.dataIndex,
        phone: '13900000000',
        scored: [expected['评分'], expected['线索等级'], expected['评分说明']],
        logged: [],
      });
    }
  });

  // An edit of existing leads writes by the rows it read: one that dies at any call leaves the
  // tab as before, or written whole, and the same edit made again ends as a clean run does.
  it('rescores existing leads whole when the edit dies at any call and comes again', () => {
    const edit = (runtime: LocalAppsScript) =>
      runtime.edit(LEADS, 3, columnOf(runtime, LEADS, '需求匹配度') + 1, [
        ['完全契合'],
        ['不契合'],
        ['部分契合'],
      ]);
    const clean = scoredWorkbook(6);
    const { calls } = clean.measure(() => edit(clean));
    const expected = rowsOf(clean, LEADS);
    for (let k = 1; k <= calls.length; k++) {
      const runtime = scoredWorkbook(6);
      runtime.kernel.failAtCall = k;
      try {
        edit(runtime);
      } catch {
        // The execution died with the call.
      }
      edit(runtime);
      expect({ k, leads: rowsOf(runtime, LEADS) }).toEqual({ k, leads: expected });
    }
  });

  // The sequences are stored before the IDs are written: a lead numbered by an edit that died
  // just after, and deleted by a person, leaves its ID to no one else.
  it('never gives out again the ID of a lead an edit numbered before it died', () => {
    const paste = (runtime: LocalAppsScript, contact: string) =>
      runtime.edit(LEADS, 7, 1, [leadRow({ source: '展会', contact, needFit: '部分契合' })]);
    const clean = scoredWorkbook(5);
    const { calls } = clean.measure(() => paste(clean, '新客户'));
    const firstWrite = calls.find((c) => c.sheet === LEADS && c.method === 'setValues');
    const runtime = scoredWorkbook(5);
    runtime.kernel.failAtCall = (firstWrite?.index ?? 0) + 1;
    expect(() => paste(runtime, '新客户')).toThrow();
    expect(rowsOf(runtime, LEADS)[5]['线索编号']).toBe('202405001-展会');
    runtime.sheet(LEADS).deleteRows(7, 1);
    paste(runtime, '另一客户');
    expect(rowsOf(runtime, LEADS)[5]).toMatchObject({
      联系人: '另一客户',
      线索编号: '202405002-展会',
    });
  });

  // Each ask is a call, and a simple trigger has 30 s: no scan of every tab's name.
  it('asks for the tabs it uses by name, and still finds a tab renamed with spaces', () => {
    const runtime = scoredWorkbook(5);
    const needFit = columnOf(runtime, LEADS, '需求匹配度') + 1;
    const { calls } = runtime.measure(() => runtime.edit(LEADS, 3, needFit, [['完全契合']]));
    expect(calls.filter((c) => c.method === 'getSheets')).toEqual([]);
    expect(calls.filter((c) => c.method === 'getSheetByName').length).toBeLessThanOrEqual(3);
    expect(rowsOf(runtime, LEADS)[1]['线索等级']).toBe('A');

    // Grade A from 90, in a Settings tab whose name a person padded with spaces.
    const settings = runtime.values('设置');
    const gradeA = settings.findIndex((row) => row[0] === 'A级最低分') + 1;
    runtime.type('设置', gradeA, 2, [[90]]);
    runtime.sheet('设置').setName(' 设置 ');
    runtime.edit(LEADS, 3, needFit, [['完全契合']]);
    expect(rowsOf(runtime, LEADS)[1]['线索等级']).toBe('B');
  });
});
