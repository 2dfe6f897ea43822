// The sidebar reads only what it needs from Leads (issue 10): the header, the ID column and the
// lead's row, or the searched columns, however long the tab; and it still finds and updates leads
// under a team's own header on row 3, with synonym and mapped headers and text dates.

import type { CallRecord } from '../../gas-local/kernel';
import type { People } from '../../gas-local/people';
import type { LocalAppsScript } from '../../gas-local/runtime';
import { automationWorkbook, gradeALead, LEADS, T0 } from '../support/automation';
import { loadRuntime, rowsOf } from '../support/runtime';

const FOLLOWUPS = '销售线索跟进记录表';
const LEAD_COUNT = 20_000;
const sidebar = { execution: 'sidebar' as const };
const idOf = (i: number) => `L${String(i).padStart(6, '0')}`;

/** Cells read from Leads, whichever service read them (the Sheets service reads only Leads here). */
const leadsCells = (calls: readonly CallRecord[]) =>
  calls
    .filter((c) => c.sheet === LEADS || c.service === 'Sheets')
    .reduce((sum, c) => sum + c.cellsRead, 0);

/** The most cells any one call read from Leads. */
const widestRead = (calls: readonly CallRecord[]) =>
  Math.max(0, ...calls.filter((c) => c.sheet === LEADS).map((c) => c.cellsRead));

describe(`the sidebar beside ${LEAD_COUNT.toLocaleString('en-US')} leads`, () => {
  let runtime: LocalAppsScript;
  let width: number;
  const middle = LEAD_COUNT / 2;

  beforeAll(() => {
    runtime = automationWorkbook(
      Array.from({ length: LEAD_COUNT }, (_, i) =>
        // Every thousandth lead is the sidebar user's, its first contact overdue: My day lists 20.
        i % 1000 === 1
          ? gradeALead(i, {
              id: idOf(i),
              owner: 'owner@example.com',
              grade: 'A',
              status: '新线索',
              firstContactDue: new Date(T0.getTime() - 3_600_000),
            })
          : gradeALead(i, { id: idOf(i), owner: '张伟', grade: 'B', status: '跟进中' }),
      ),
    );
    width = runtime.values(LEADS)[0].length;
  });

  const measured = (name: string, args: unknown[] = []) => {
    const { result, calls } = runtime.measure(() => runtime.invoke(name, args, sidebar));
    return { result, calls, cells: leadsCells(calls) };
  };

  it('opens on the active row from the header and that row alone', () => {
    runtime.select(LEADS, middle + 2, 3);
    const { result, cells } = measured('getSidebarStart');
    expect((result as { lead: { id: string } }).lead.id).toBe(idOf(middle));
    expect(cells).toBeLessThanOrEqual(11 * width);
  });

  it('shows a card from the ID column and the lead’s row', () => {
    const { result, calls, cells } = measured('getLeadCard', [idOf(middle)]);
    expect((result as { contact: string }).contact).toBe(`客户${middle}`);
    expect(cells).toBeLessThanOrEqual(LEAD_COUNT + 11 * width);
    expect(widestRead(calls)).toBeLessThanOrEqual(LEAD_COUNT);
  });

  it('searches on Google’s side and reads only the rows that match', () => {
    const { result, calls, cells } = measured('searchLeads', [`客户${middle}`]);
    expect(result).toEqual([
      {
        id: idOf(middle),
        contact: `客户${middle}`,
        company: `公司${middle}`,
        phone: expect.any(String),
        grade: 'B',
        status: '跟进中',
        owner: '张伟',
      },
    ]);
    // The header rows, then the searched and shown cells of the one matching row.
    expect(cells).toBeLessThanOrEqual(10 * width + 7);
    // One search per run of adjacent searched columns: the Lead ID, and contact to company.
    expect(calls.filter((c) => c.method === 'findAll')).toHaveLength(2);
  });

  it('lists My day from nine columns in one call and the listed leads’ cells, never whole rows', () => {
    const { result, calls, cells } = measured('getMyDay');
    const items = (result as { items: { leadId: string }[] }).items;
    expect(items).toHaveLength(LEAD_COUNT / 1000);
    expect(items[0].leadId).toBe(idOf(1));
    // Nine columns in one call of the Sheets service, then the listed leads' cells.
    expect(cells).toBeLessThanOrEqual(9 * LEAD_COUNT + 10 * width + 3 * items.length);
    expect(widestRead(calls)).toBeLessThanOrEqual(9 * LEAD_COUNT);
  });

  it('records a follow-up reading the ID column, the lead’s row and a window around it', () => {
    const { result, calls, cells } = measured('submitFollowUp', [
      { leadId: idOf(middle), method: 'phone', content: '电话沟通', time: T0.toISOString() },
    ]);
    expect((result as { history: unknown[] }).history).toHaveLength(1);
    expect(rowsOf(runtime, LEADS)[middle]['最近跟进时间']).toEqual(T0);
    expect(cells).toBeLessThanOrEqual(LEAD_COUNT + 11 * width + 2 * 41 * width);
    expect(widestRead(calls)).toBeLessThanOrEqual(LEAD_COUNT);
  });
});

/** A team's sheet: two title rows, their own headers (one mapped), a next follow-up as text. */
function teamSheet(): LocalAppsScript {
  const runtime = loadRuntime({ locale: 'zh_CN', now: T0 });
  runtime.addSheet(LEADS, [
    ['华东区 2024 年销售线索', '', '', '', '', ''],
    ['（由市场部每周更新）', '', '', '', '', ''],
    ['线索编号', '客户名称', '姓名', 'Cell', '渠道', '下次跟进时间'],
    ['T-1', '华星科技', '王强', '13900000001', '展会', ''],
    ['T-2', '蓝海贸易', '李娜', '13900000002', '官网表单', "'2024-05-20"],
  ]);
  runtime.invoke('setupSheets');
  runtime.invoke('mapColumns', [{ phone: 'Cell' }]);
  return runtime;
}

describe('the sidebar on a team’s own sheet', () => {
  it('opens on the active row below a header on row 3, with a text date read as a date', () => {
    const runtime = teamSheet();
    runtime.select(LEADS, 5, 2);
    const start = runtime.invoke('getSidebarStart', [], sidebar) as {
      lead: { id: string; contact: string; phone: string; nextFollowUpDue: string | null };
    };
    expect(start.lead).toMatchObject({ id: 'T-2', contact: '李娜', phone: '13900000002' });
    expect(start.lead.nextFollowUpDue).toBe('2024-05-19T16:00:00.000Z');
    runtime.select(LEADS, 3, 2);
    expect((runtime.invoke('getSidebarStart', [], sidebar) as { lead: unknown }).lead).toBeNull();
  });

  it('finds a lead by its mapped phone column and shows its card', () => {
    const runtime = teamSheet();
    const found = runtime.invoke('searchLeads', ['139 0000 0002'], sidebar) as { id: string }[];
    expect(found.map((lead) => lead.id)).toEqual(['T-2']);
    const card = runtime.invoke('getLeadCard', ['T-1'], sidebar) as { company: string };
    expect(card.company).toBe('华星科技');
  });

  it('records a follow-up on the lead’s own row under a header on row 3', () => {
    const runtime = teamSheet();
    const card = runtime.invoke(
      'submitFollowUp',
      [{ leadId: 'T-2', method: 'phone', content: '报价', time: T0.toISOString() }],
      sidebar,
    ) as { history: { content: string }[] };
    expect(card.history.map((h) => h.content)).toEqual(['报价']);
    const [header, ...rows] = runtime.values(LEADS).slice(2);
    const at = header.indexOf('最近跟进时间');
    expect(rows.map((row) => row[at])).toEqual(['', T0]);
    expect(rowsOf(runtime, FOLLOWUPS)[0]).toMatchObject({ 线索编号: 'T-2', 沟通内容: '报价' });
  });
});

/** Five leads in order; a person's sort (Z to A by phone) or inserted row moves every one of them. */
function fiveLeads(): LocalAppsScript {
  return automationWorkbook(
    Array.from({ length: 5 }, (_, i) => gradeALead(i, { id: idOf(i), grade: 'B', owner: '张伟' })),
  );
}

/** The person deletes sheet row 6: lead 4 of five. */
const deletesLead4 = (person: People) => person.deleteRow(LEADS, 6);

describe('the sidebar beside a person who moves rows between its reads', () => {
  const people: [string, (person: People) => void][] = [
    ['sorts Leads Z to A by phone', (person) => person.sort(LEADS, 4, { ascending: false })],
    ['inserts a row near the top', (person) => person.insertRowBefore(LEADS, 2)],
    ['deletes a row below the lead', deletesLead4],
  ];

  const dataCalls = (action: (runtime: LocalAppsScript) => unknown) => {
    const runtime = fiveLeads();
    const { calls } = runtime.measure(() => action(runtime));
    return calls.filter((c) => c.dataIndex !== undefined).length;
  };

  const card = (runtime: LocalAppsScript) => runtime.invoke('getLeadCard', [idOf(3)], sidebar);
  const search = (runtime: LocalAppsScript) => runtime.invoke('searchLeads', ['客户3'], sidebar);

  it.each(people)('shows the right lead’s card when a person %s before any data call', (_, act) => {
    for (let k = 1; k <= dataCalls(card); k++) {
      const runtime = fiveLeads();
      runtime.people.before(k, act);
      expect({ k, card: card(runtime) }).toMatchObject({
        k,
        card: { id: idOf(3), contact: '客户3', company: '公司3' },
      });
    }
  });

  /** The same five leads, each the sidebar user's with its first contact overdue by i + 1 hours. */
  const fiveDueLeads = () =>
    automationWorkbook(
      Array.from({ length: 5 }, (_, i) =>
        gradeALead(i, {
          id: idOf(i),
          grade: 'B',
          owner: 'owner@example.com',
          firstContactDue: new Date(T0.getTime() - (i + 1) * 3_600_000),
        }),
      ),
    );
  const myDay = (runtime: LocalAppsScript) => runtime.invoke('getMyDay', [], sidebar);

  it.each(people)(
    'lists My day with each lead’s own cells when a person %s before any data call',
    (_, act) => {
      const { calls } = (() => {
        const runtime = fiveDueLeads();
        return runtime.measure(() => myDay(runtime));
      })();
      const count = calls.filter((c) => c.dataIndex !== undefined).length;
      // A deletion before the last read of Leads (the queue's columns, then the listed leads'
      // cells, which would find lead 4's row gone) leaves lead 4 out of the list.
      const lastLeadsRead = Math.max(
        ...calls.flatMap((c) => (c.sheet === LEADS && c.dataIndex ? [c.dataIndex] : [])),
      );
      for (let k = 1; k <= count; k++) {
        const runtime = fiveDueLeads();
        runtime.people.before(k, act);
        const day = myDay(runtime) as { items: { leadId: string; company: string; due: string }[] };
        // Earliest due first: lead 4 has been overdue longest.
        const deleted = act === deletesLead4 && k <= lastLeadsRead;
        const listed = [4, 3, 2, 1, 0].filter((i) => i !== 4 || !deleted);
        expect({
          k,
          items: day.items.map((item) => [item.leadId, item.company, item.due]),
        }).toEqual({
          k,
          items: listed.map((i) => [
            idOf(i),
            `公司${i}`,
            new Date(T0.getTime() - (i + 1) * 3_600_000).toISOString(),
          ]),
        });
      }
    },
  );

  it.each(people)('finds the right lead when a person %s before any data call', (_, act) => {
    for (let k = 1; k <= dataCalls(search); k++) {
      const runtime = fiveLeads();
      runtime.people.before(k, act);
      expect({ k, found: search(runtime) }).toEqual({
        k,
        found: [
          expect.objectContaining({ id: idOf(3), contact: '客户3', grade: 'B', owner: '张伟' }),
        ],
      });
    }
  });
});

describe(`the sidebar without the Sheets service, beside ${LEAD_COUNT.toLocaleString('en-US')} leads`, () => {
  let runtime: LocalAppsScript;
  let width: number;
  const [near, far] = [3, LEAD_COUNT - 10];

  beforeAll(() => {
    runtime = automationWorkbook(
      Array.from({ length: LEAD_COUNT }, (_, i) =>
        gradeALead(i, {
          id: idOf(i),
          ...(i % 1000 === 1
            ? {
                owner: 'owner@example.com',
                grade: 'A',
                status: '新线索',
                firstContactDue: new Date(T0.getTime() - 3_600_000),
              }
            : { owner: '张伟', grade: 'B', status: '跟进中' }),
          ...(i === near || i === far ? { company: '远方贸易' } : {}),
        }),
      ),
      undefined,
      undefined,
      { withoutAdvancedServices: true },
    );
    width = runtime.values(LEADS)[0].length;
  });

  const measured = (name: string, args: unknown[] = []) => {
    const { result, calls } = runtime.measure(() => runtime.invoke(name, args, sidebar));
    return { result, calls, cells: leadsCells(calls) };
  };

  it('reads the rows of a search far apart a row at a time, not every row between them', () => {
    const { result, cells } = measured('searchLeads', ['远方贸易']);
    expect((result as { id: string }[]).map((lead) => lead.id)).toEqual([idOf(near), idOf(far)]);
    expect(cells).toBeLessThanOrEqual(10 * width + 2 * width);
  });

  it('shows a card and records a follow-up from the ID column and a few rows', () => {
    const card = measured('getLeadCard', [idOf(far)]);
    expect((card.result as { contact: string }).contact).toBe(`客户${far}`);
    expect(card.cells).toBeLessThanOrEqual(LEAD_COUNT + 11 * width);
    const follow = measured('submitFollowUp', [
      { leadId: idOf(far), method: 'phone', content: '电话沟通', time: T0.toISOString() },
    ]);
    expect((follow.result as { history: unknown[] }).history).toHaveLength(1);
    expect(rowsOf(runtime, LEADS)[far]['最近跟进时间']).toEqual(T0);
    expect(follow.cells).toBeLessThanOrEqual(LEAD_COUNT + 11 * width + 2 * 41 * width);
  });

  it('lists My day from its columns, never whole rows', () => {
    const { result, calls, cells } = measured('getMyDay');
    expect((result as { items: unknown[] }).items).toHaveLength(LEAD_COUNT / 1000);
    expect(widestRead(calls)).toBeLessThanOrEqual(7 * LEAD_COUNT);
    expect(cells).toBeLessThan((width * LEAD_COUNT) / 1.5);
  });
});

describe('a search without the Sheets service beside a person who moves rows between its reads', () => {
  const LEADS_APART = 1_500;
  /** Two leads of one company at the two ends of the tab: their rows are read a call each. */
  const twoFarApart = () =>
    automationWorkbook(
      Array.from({ length: LEADS_APART }, (_, i) =>
        gradeALead(i, {
          id: idOf(i),
          grade: 'B',
          owner: '张伟',
          ...(i === 1 || i === LEADS_APART - 2 ? { company: '远方贸易' } : {}),
        }),
      ),
      undefined,
      undefined,
      { withoutAdvancedServices: true },
    );
  const search = (runtime: LocalAppsScript) =>
    (runtime.invoke('searchLeads', ['远方贸易'], sidebar) as { id: string; company: string }[])
      .map((lead) => `${lead.id} ${lead.company}`)
      .sort();
  const people: [string, (person: People) => void][] = [
    ['sorts Leads Z to A by phone', (person) => person.sort(LEADS, 4, { ascending: false })],
    ['inserts a row near the top', (person) => person.insertRowBefore(LEADS, 2)],
    ['deletes a row near the top', (person) => person.deleteRow(LEADS, 2)],
  ];

  it('reads each found row in a call of its own', () => {
    const runtime = twoFarApart();
    const { calls } = runtime.measure(() => search(runtime));
    const rowReads = calls.filter((c) => c.sheet === LEADS && c.method === 'getValues');
    // The header's read, then one read of each found row, the width of the columns shown.
    expect(rowReads.slice(1).map((c) => c.cellsRead < 30)).toEqual([true, true]);
  });

  it.each(people)('finds each lead once when a person %s before any data call', (_, act) => {
    const runtime = twoFarApart();
    const { calls } = runtime.measure(() => search(runtime));
    const count = calls.filter((c) => c.dataIndex !== undefined).length;
    for (let k = 1; k <= count; k++) {
      const moved = twoFarApart();
      moved.people.before(k, act);
      expect({ k, found: search(moved) }).toEqual({
        k,
        found: [`${idOf(1)} 远方贸易`, `${idOf(LEADS_APART - 2)} 远方贸易`],
      });
    }
  });
});

describe('a search where the platform offers no TextFinder', () => {
  const count = 2_000;
  const [near, far] = [3, count - 10];
  const workbook = (withoutMethods: string[]) =>
    automationWorkbook(
      Array.from({ length: count }, (_, i) =>
        gradeALead(i, {
          id: idOf(i),
          owner: '张伟',
          ...(i === near || i === far ? { company: '远方贸易' } : {}),
        }),
      ),
      undefined,
      undefined,
      { withoutMethods },
    );

  it('reads the searched columns and finds what TextFinder finds, then only those rows', () => {
    const withFinder = workbook([]);
    const runtime = workbook(['Range.createTextFinder']);
    const width = runtime.values(LEADS)[0].length;
    for (const query of ['远方贸易', '客户1999', idOf(near), '13900', 'ＹＵＡＮ', '无此客户']) {
      const { result, calls } = runtime.measure(() =>
        runtime.invoke('searchLeads', [query], sidebar),
      );
      expect({ query, result }).toEqual({
        query,
        result: withFinder.invoke('searchLeads', [query], sidebar),
      });
      expect(calls.some((c) => c.service === 'TextFinder')).toBe(false);
      // The header rows, the ID column and the contact-to-company columns, and the rows found.
      expect(leadsCells(calls)).toBeLessThanOrEqual(10 * width + 4 * (count + 1) + 20 * width);
    }
  });
});
