// Importing a list beside people (SPEC §10, §13.2): whoever sorts, inserts, deletes or types in the
// list or in Leads between any two of the import's data calls, each row of the list becomes one lead
// at most, its mark names that very lead, what the person typed stays, and importing again adds nothing.

import type { People } from '../../gas-local/people';
import type { LocalAppsScript } from '../../gas-local/runtime';
import { trackerWithList } from '../support/importList';
import { rowsOf } from '../support/runtime';

const LEADS = '销售线索信息表';
const LIST = '展会名单';
const TYPED = '现场补记：要报价';

/** A trade show's list: a title row, its own headers, then ten visitors. */
const LIST_ROWS = [
  ['2024 上海工业展 到访名单', '', '', '', ''],
  ['姓名', '手机', '公司', '需求匹配度', '需求'],
  ...Array.from({ length: 10 }, (_, i) => [
    `访客${i}`,
    `1390000${String(i).padStart(4, '0')}`,
    `公司${i}`,
    i % 2 === 0 ? '完全契合' : '部分契合',
    `需求${i}`,
  ]),
];

const workbook = (): LocalAppsScript => trackerWithList(LIST, LIST_ROWS);

/** Sheet row (1-based) of the list row of a visitor, or 0 when it is gone. */
const listRowOf = (runtime: LocalAppsScript, visitor: string) =>
  runtime.values(LIST).findIndex((row) => row[0] === visitor) + 1;

const KINDS: { name: string; act: (runtime: LocalAppsScript) => (person: People) => void }[] = [
  {
    name: 'sorts the list Z to A by name',
    act: () => (person) => person.sort(LIST, 1, { ascending: false, headerRows: 2 }),
  },
  { name: 'inserts a row under the list’s header', act: () => (p) => p.insertRowBefore(LIST, 3) },
  {
    name: 'deletes a visitor’s row',
    act: (rt) => (person) => {
      const row = listRowOf(rt, '访客4');
      if (row) person.deleteRow(LIST, row);
    },
  },
  {
    name: 'types a need into the list',
    act: (rt) => (person) => {
      const row = listRowOf(rt, '访客7');
      if (row) person.type(LIST, row, 5, TYPED);
    },
  },
  {
    name: 'sorts Leads Z to A by phone',
    act: () => (person) => person.sort(LEADS, 4, { ascending: false }),
  },
  { name: 'inserts a row at the top of Leads', act: () => (p) => p.insertRowBefore(LEADS, 2) },
];

describe('importLeads beside people', () => {
  const clean = workbook();
  const { calls } = clean.measure(() => clean.invoke('importLeads', [LIST]));
  const dataCalls = calls.flatMap((c) => (c.dataIndex === undefined ? [] : [c.dataIndex]));

  it.each(KINDS)(
    'imports each visitor once, marked with its own lead, when a person $name',
    (kind) => {
      expect(dataCalls.length).toBeGreaterThan(5);
      for (const k of dataCalls) {
        const runtime = workbook();
        runtime.people.before(k, kind.act(runtime));
        runtime.invoke('importLeads', [LIST]);
        const context = `${kind.name}, before data call ${k}`;
        expect({ context, acted: runtime.people.acted.length }).toEqual({ context, acted: 1 });
        // Importing again adds nothing: every row still in the list was marked the first time.
        const again = runtime.invoke('importLeads', [LIST]) as { added: number };
        expect({ context, addedAgain: again.added }).toEqual({ context, addedAgain: 0 });

        const leads = rowsOf(runtime, LEADS);
        const list = runtime.values(LIST);
        const header = list.findIndex((row) => row[0] === '姓名');
        const marked = list[header].indexOf('导入编号');
        for (let i = 0; i < 10; i++) {
          const visitor = `访客${i}`;
          const asLeads = leads.filter((lead) => lead['联系人'] === visitor);
          expect({ context, visitor, leads: asLeads.length }).toEqual({
            context,
            visitor,
            leads: i === 4 && asLeads.length === 0 ? 0 : 1,
          });
          const row = list.find((line) => line[0] === visitor);
          if (!row) continue;
          // The mark names the lead made from this very row.
          expect({ context, visitor, mark: row[marked] }).toEqual({
            context,
            visitor,
            mark: asLeads[0]['线索编号'],
          });
          expect({ context, visitor, phone: asLeads[0]['联系方式'] }).toEqual({
            context,
            visitor,
            phone: row[1],
          });
        }
        const typed = list.find((line) => line[0] === '访客7');
        if (kind.name.startsWith('types'))
          expect({ context, need: typed?.[4] }).toEqual({ context, need: TYPED });
        // The lead typed before the import keeps its row and values.
        expect(leads.filter((lead) => lead['线索编号'] === '202405001-展会')).toHaveLength(1);
      }
    },
  );
});
