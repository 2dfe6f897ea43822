// A person types a new lead cell by cell: each cell's edit numbers and scores it once, whichever
// call of the edit before it the next cell comes between, and no number is skipped.

import { LocalAppsScript } from '../../gas-local/runtime';
import { manyLeads } from '../support/leads';
import { columnOf, loadRuntime, rowsOf } from '../support/runtime';

const LEADS = '销售线索信息表';
const LOG = '运行日志';

/** Three leads entered in April (May's numbering starts at 001), and row 5 free for a new one. */
function workbook(): LocalAppsScript {
  const runtime = loadRuntime({ locale: 'zh_CN' });
  runtime.invoke('setupSheets');
  runtime.type(LEADS, 2, 1, manyLeads(3));
  runtime.invoke('scoreAllLeads');
  return runtime;
}

const column = (runtime: LocalAppsScript, header: string) => columnOf(runtime, LEADS, header) + 1;

/** How many data calls `action` makes on a fresh workbook: the moments a person can act before. */
function dataCallsOf(action: (runtime: LocalAppsScript) => void): number {
  const runtime = workbook();
  const { calls } = runtime.measure(() => action(runtime));
  return calls.filter((call) => call.dataIndex !== undefined).length;
}

/**
 * The person picks the source of row 5 (an edit), and types `next` into `header` before data call
 * `k` of that edit, whose own edit then follows: the lead as it ends, and what the Log gained.
 */
function typedWhileNumbering(k: number, header: string, next: string) {
  const runtime = workbook();
  const logged = runtime.values(LOG).length;
  runtime.people.before(k, (person) => person.type(LEADS, 5, column(runtime, header), next));
  runtime.edit(LEADS, 5, column(runtime, '来源'), [['展会']]);
  expect(runtime.people.acted).toHaveLength(1);
  runtime.fireEdit(LEADS, 5, column(runtime, header), 1, 1);
  const lead = rowsOf(runtime, LEADS)[3];
  return {
    k,
    id: lead['线索编号'],
    scored: [lead['评分'], lead['线索等级']],
    logged: runtime.values(LOG).slice(logged),
  };
}

describe('a new lead typed cell by cell', () => {
  it('is numbered at its first cell, and the next lead takes the next number', () => {
    const runtime = workbook();
    runtime.edit(LEADS, 5, column(runtime, '来源'), [['展会']]);
    expect(rowsOf(runtime, LEADS)[3]).toMatchObject({ 线索编号: '202405001-展会', 评分: 0 });
    runtime.edit(LEADS, 5, column(runtime, '联系人'), [['张三']]);
    runtime.edit(LEADS, 6, column(runtime, '来源'), [['官网表单']]);
    runtime.edit(LEADS, 6, column(runtime, '联系人'), [['李四']]);
    expect(
      rowsOf(runtime, LEADS)
        .map((lead) => lead['线索编号'])
        .slice(3),
    ).toEqual(['202405001-展会', '202405002-官网表单']);
  });

  it.each([
    ['need fit', '需求匹配度', '完全契合', [40, 'C']],
    ['contact', '联系人', '张三', [0, 'D']],
  ])(
    'keeps its one number when the person types its %s before any data call',
    (_, header, next, scored) => {
      const calls = dataCallsOf((runtime) =>
        runtime.edit(LEADS, 5, column(runtime, '来源'), [['展会']]),
      );
      expect(calls).toBeGreaterThanOrEqual(8);
      for (let k = 1; k <= calls; k++) {
        expect(typedWhileNumbering(k, header, next)).toEqual({
          k,
          id: '202405001-展会',
          scored,
          logged: [],
        });
      }
    },
  );

  it('keeps its one number when the person types its phone after its contact, before any data call', () => {
    const calls = dataCallsOf((runtime) =>
      runtime.edit(LEADS, 5, column(runtime, '联系人'), [['张三']]),
    );
    for (let k = 1; k <= calls; k++) {
      const runtime = workbook();
      const logged = runtime.values(LOG).length;
      const phone = column(runtime, '联系方式');
      runtime.people.before(k, (person) => person.type(LEADS, 5, phone, '13900000000'));
      runtime.edit(LEADS, 5, column(runtime, '联系人'), [['张三']]);
      runtime.fireEdit(LEADS, 5, phone, 1, 1);
      const lead = rowsOf(runtime, LEADS)[3];
      expect({ k, id: lead['线索编号'], logged: runtime.values(LOG).slice(logged) }).toEqual({
        k,
        id: '202405001',
        logged: [],
      });
    }
  });

  // A run over the whole tab finds a new lead again after a sort by its contact, phone or company:
  // a row with none of them is left to the edit that types it, and costs no number meanwhile.
  it('is left to its edit by Score all leads while only its source is picked, and costs no number', () => {
    const runtime = workbook();
    runtime.type(LEADS, 5, column(runtime, '来源'), [['展会']]);
    runtime.invoke('scoreAllLeads');
    runtime.invoke('scoreAllLeads');
    expect(rowsOf(runtime, LEADS)[3]).toMatchObject({ 线索编号: '', 评分: '' });
    // Said, not silent: the toast and the Log name the row and what it lacks.
    const waiting =
      '销售线索信息表 有 1 行（第 5 行）填了线索内容，但没有联系人、联系方式或公司名称，因此未编号、未评分：在该行填写其中任一项，即会立即编号。';
    expect(runtime.toasts().at(-1)?.message.split('\n')).toEqual([
      expect.stringMatching(/^已评分 3 条线索/),
      waiting,
    ]);
    expect(runtime.values(LOG).at(-1)).toEqual([expect.anything(), '尚未编号的行', waiting, '']);
    runtime.edit(LEADS, 6, column(runtime, '联系人'), [['李四']]);
    runtime.edit(LEADS, 5, column(runtime, '联系人'), [['张三']]);
    expect(
      rowsOf(runtime, LEADS)
        .map((lead) => lead['线索编号'])
        .slice(3),
    ).toEqual(['202405002-展会', '202405001']);
  });

  // New leads are typed below every numbered lead, where a deletion moves no Lead ID: the row
  // that slid onto the new lead's place is the one below it, and keeps its own cells.
  it('never gives its number to the new row below it when a person deletes its row meanwhile', () => {
    const below = (runtime: LocalAppsScript) => {
      runtime.type(LEADS, 6, column(runtime, '来源'), [['展会']]);
      runtime.type(LEADS, 6, column(runtime, '需求匹配度'), [['完全契合']]);
      runtime.type(LEADS, 6, column(runtime, '录入时间'), [['2024-04-20']]);
      return runtime;
    };
    const calls = dataCallsOf((runtime) =>
      below(runtime).edit(LEADS, 5, column(runtime, '来源'), [['展会']]),
    );
    for (let k = 1; k <= calls; k++) {
      const runtime = below(workbook());
      runtime.people.before(k, (person) => person.deleteRow(LEADS, 5));
      runtime.edit(LEADS, 5, column(runtime, '来源'), [['展会']]);
      const lead = rowsOf(runtime, LEADS).find(
        (row) => row['需求匹配度'] === '完全契合' && row['联系人'] === '',
      );
      // Left for its own edit, or (deleted before the edit read the rows) numbered as itself:
      // entered in April after the three leads, scored by its own cells; never the deleted lead's
      // May number and score.
      const own = [
        ['', ''],
        ['202404004-展会', 40],
      ];
      expect({ k, own: own }).toEqual({
        k,
        own: expect.arrayContaining([[lead?.['线索编号'], lead?.['评分']]]),
      });
    }
  });
});
