// Without the Sheets service, cells that share a value go to the tab in one RangeList call each:
// an hour's assignments scattered down a tab cost a few calls, not a call per lead, and a person's
// sort, insertion, deletion or typing meanwhile leaves every value on its own lead.

import type { LocalAppsScript, RuntimeOptions } from '../../gas-local/runtime';
import {
  ago,
  automationWorkbook,
  DAY,
  gradeALead,
  HOUR,
  LEADS,
  mayId,
  setRules,
} from '../support/automation';

const CONVERSIONS = '销售线索转化分析表';
import { columnOf, rowsOf } from '../support/runtime';

const WITHOUT: RuntimeOptions = { withoutAdvancedServices: true };
const TYPED_NEED = '下周三上门演示';
/** Leads 2, 4 … 16 are new, between leads followed up yesterday: eight to assign, far apart. */
const NEW_LEADS = [2, 4, 6, 8, 10, 12, 14, 16];

interface Layout {
  /** The leads to assign (of 1 … 16); the others are followed up and owned by 李娜. */
  readonly newLeads?: readonly number[];
  /** Each lead's region, for a person's sort by region. */
  readonly regionOf?: (i: number) => string;
  /** The grid ends at the last lead: no spare rows below it. */
  readonly tight?: boolean;
}

function workbook(options: RuntimeOptions, layout: Layout = {}): LocalAppsScript {
  const { newLeads = NEW_LEADS, regionOf = () => '', tight = false } = layout;
  const leads = Array.from({ length: 16 }, (_, k) => {
    const i = k + 1;
    return newLeads.includes(i)
      ? gradeALead(i, { id: mayId(i), enteredAt: ago(HOUR), region: regionOf(i) })
      : gradeALead(i, {
          id: mayId(i),
          owner: '李娜',
          assignedAt: ago(2 * DAY),
          lastFollowUpAt: ago(DAY),
          nextFollowUpDue: ago(-DAY),
          enteredAt: ago(3 * DAY),
          region: regionOf(i),
        });
  });
  const runtime = automationWorkbook(leads, undefined, undefined, options);
  // One rule for every lead: the new leads share their owner, as a team's new leads often do.
  setRules(runtime, [['', '', '', '张伟']]);
  runtime.invoke('scoreAllLeads');
  if (tight) {
    const sheet = runtime.sheet(LEADS);
    sheet.deleteRows(18, sheet.getMaxRows() - 17);
  }
  return runtime;
}

interface Assigned {
  owner: unknown;
  assignedAt: unknown;
  due: unknown;
  grade: unknown;
  need: unknown;
  status: unknown;
}

function byContact(runtime: LocalAppsScript): Map<string, Assigned[]> {
  const leads = new Map<string, Assigned[]>();
  for (const row of rowsOf(runtime, LEADS)) {
    const contact = String(row['联系人'] ?? '');
    if (!contact) continue;
    const state = {
      owner: row['负责人'],
      assignedAt: String(row['分配时间']),
      due: String(row['首次触达截止']),
      grade: row['线索等级'],
      need: row['需求描述'],
      status: row['状态'],
    };
    leads.set(contact, [...(leads.get(contact) ?? []), state]);
  }
  return leads;
}

const assign = (runtime: LocalAppsScript) => runtime.invoke('assignLeads');

/** The eight new leads won, as their Conversions rows say: Score all leads sets each one's status. */
function wonDeals(options: RuntimeOptions): LocalAppsScript {
  const runtime = workbook(options);
  runtime.type(
    CONVERSIONS,
    2,
    1,
    NEW_LEADS.map((i) => [mayId(i), '成交', 30, '', 10, '李娜', '', '', ago(DAY)]),
  );
  return runtime;
}

const settle = (runtime: LocalAppsScript) => runtime.invoke('scoreAllLeads');

const writesOnLeads = (runtime: LocalAppsScript, run: (runtime: LocalAppsScript) => unknown) =>
  runtime
    .measure(() => run(runtime))
    .calls.filter((c) => c.sheet === LEADS && /^set(Values|Value)$/.test(c.method));

describe('scattered cells without the Sheets service', () => {
  it('writes one value into eight leads far apart in one call, as the service leaves them', () => {
    const withService = wonDeals({});
    settle(withService);
    const runtime = wonDeals(WITHOUT);
    const writes = writesOnLeads(runtime, settle);
    expect(writes.map((c) => `${c.service}.${c.method}`)).toEqual(
      expect.arrayContaining(['RangeList.setValue']),
    );
    // The status of eight leads: one list, not a block per lead.
    expect(writes.length).toBeLessThan(NEW_LEADS.length);
    expect(runtime.values(LEADS)).toEqual(withService.values(LEADS));
    for (const i of NEW_LEADS) {
      expect(byContact(runtime).get(`客户${i}`)?.[0].status).toBe('成交');
    }
  });

  it('writes a lead whose cells take several values in one block, never spread over lists', () => {
    // Owner, assigned at and first contact due: a run that died between three lists would leave
    // an owner without its assignment, which no rerun assigns again.
    const runtime = workbook(WITHOUT);
    const writes = writesOnLeads(runtime, assign);
    expect(writes.every((c) => c.service === 'Range')).toBe(true);
    expect(writes.filter((c) => c.cellsWritten === 3)).toHaveLength(NEW_LEADS.length);
  });

  it('writes them a block at a time where the platform offers no RangeList', () => {
    const withLists = wonDeals(WITHOUT);
    settle(withLists);
    const runtime = wonDeals({ ...WITHOUT, withoutMethods: ['Sheet.getRangeList'] });
    const writes = writesOnLeads(runtime, settle);
    expect(writes.length).toBeGreaterThanOrEqual(NEW_LEADS.length);
    expect(writes.every((c) => c.service === 'Range')).toBe(true);
    expect(runtime.values(LEADS)).toEqual(withLists.values(LEADS));
  });

  it.each([
    { name: 'statuses by list', build: wonDeals, run: settle, lists: true },
    { name: 'assignments by block', build: workbook, run: assign, lists: false },
  ])(
    'leaves every lead as a clean run does when it dies at any call and runs again: $name',
    ({ build, run, lists }) => {
      const done = build(WITHOUT);
      run(done);
      const want = byContact(done);
      const probe = build(WITHOUT);
      const { calls: all } = probe.measure(() => run(probe));
      expect(all.some((c) => c.service === 'RangeList')).toBe(lists);
      const wrong: unknown[] = [];
      for (let k = 1; k <= all.length; k++) {
        const runtime = build(WITHOUT);
        runtime.kernel.failAtCall = k;
        expect(() => run(runtime)).toThrow();
        run(runtime);
        const got = byContact(runtime);
        for (const [contact, state] of want)
          if (JSON.stringify(got.get(contact)) !== JSON.stringify(state))
            wrong.push({ k, call: all[k - 1].method, contact, got: got.get(contact) });
      }
      expect(wrong).toEqual([]);
    },
  );

  const clean = workbook(WITHOUT);
  assign(clean);
  const expected = byContact(clean);
  const measured = workbook(WITHOUT);
  const calls = measured
    .measure(() => assign(measured))
    .calls.flatMap((c) =>
      c.dataIndex !== undefined && (!c.sheet || c.sheet === LEADS) ? [c.dataIndex] : [],
    );

  const rowOf = (runtime: LocalAppsScript, contact: string) =>
    runtime.values(LEADS).findIndex((row) => row[columnOf(runtime, LEADS, '联系人')] === contact) +
    1;
  const KINDS: { name: string; act: (runtime: LocalAppsScript) => (person: People) => void }[] = [
    {
      name: 'sorts the tab by phone, Z to A',
      act: (runtime) => (person) =>
        person.sort(LEADS, columnOf(runtime, LEADS, '联系方式') + 1, { ascending: false }),
    },
    { name: 'inserts a row near the top', act: () => (person) => person.insertRowBefore(LEADS, 3) },
    {
      name: 'deletes a lead followed up yesterday',
      act: (runtime) => (person) => person.deleteRow(LEADS, rowOf(runtime, '客户5')),
    },
    {
      name: 'types a Need into a lead being assigned',
      act: (runtime) => (person) =>
        person.type(
          LEADS,
          rowOf(runtime, '客户6'),
          columnOf(runtime, LEADS, '需求描述') + 1,
          TYPED_NEED,
        ),
    },
  ];

  it.each(KINDS)('keeps every value on its lead when a person $name before any call', (kind) => {
    expect(calls.length).toBeGreaterThan(3);
    let acted = 0;
    for (const k of calls) {
      const runtime = workbook(WITHOUT);
      runtime.people.before(k, kind.act(runtime));
      assign(runtime);
      if (runtime.people.acted.length > 0) acted++;
      runtime.kernel.advance(60_000);
      assign(runtime);
      const context = `${kind.name}, before data call ${k}`;
      const found = byContact(runtime);
      for (const [contact, [want]] of expected) {
        const got = found.get(contact);
        if (kind.name.startsWith('deletes') && contact === '客户5' && runtime.people.acted.length) {
          expect({ context, contact, got }).toEqual({ context, contact, got: undefined });
          continue;
        }
        const need = kind.name.startsWith('types') && contact === '客户6' ? TYPED_NEED : want.need;
        expect({ context, contact, got }).toEqual({ context, contact, got: [{ ...want, need }] });
      }
    }
    expect(acted).toBe(calls.length);
  });
});

type People = LocalAppsScript['people'];

/** The three ways a commit writes: the Sheets service, a RangeList per value, a range per block. */
const WRITERS: [string, RuntimeOptions][] = [
  ['with the Sheets service', {}],
  ['a value at a time', WITHOUT],
  ['a block at a time', { ...WITHOUT, withoutMethods: ['Sheet.getRangeList'] }],
];

/** The data calls of a clean run that write Leads' cells. */
function writeCalls(options: RuntimeOptions, layout: Layout): number[] {
  const runtime = workbook(options, layout);
  return runtime
    .measure(() => assign(runtime))
    .calls.filter(
      (c) =>
        (c.sheet === LEADS && /^set(Values|Value)$/.test(c.method)) ||
        /Values\.batchUpdate$/.test(c.method),
    )
    .map((c) => c.dataIndex as number);
}

/** Every lead's assignment after a person acts before each write call, against a clean run. */
function sweepWrites(
  options: RuntimeOptions,
  layout: Layout,
  act: (runtime: LocalAppsScript) => (person: People) => void,
  skip?: string,
): unknown[] {
  const clean = workbook(options, layout);
  assign(clean);
  const expected = byContact(clean);
  const calls = writeCalls(options, layout);
  expect(calls.length).toBeGreaterThan(0);
  const wrong: unknown[] = [];
  for (const k of calls) {
    const runtime = workbook(options, layout);
    runtime.people.before(k, act(runtime));
    assign(runtime);
    expect(runtime.people.acted).toHaveLength(1);
    const found = byContact(runtime);
    for (const [contact, want] of expected) {
      if (contact === skip) continue;
      const got = found.get(contact);
      if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push({ k, contact, got, want });
    }
  }
  return wrong;
}

describe.each(WRITERS)('leads that share the values written, %s', (_, options) => {
  it('keeps every assignment on its lead when a row is inserted above new leads side by side', () => {
    // New leads at the bottom, side by side, as people add them, and a few further up.
    const layout = { newLeads: [2, 4, 6, 14, 15, 16] };
    const insert = () => (person: People) => person.insertRowBefore(LEADS, 3);
    expect(sweepWrites(options, layout, insert)).toEqual([]);
  });

  it('keeps a lead not being assigned as it was when a sort swaps it with one that is', () => {
    // Sorting by region puts the leads in the order 1, 3, 4, 2, 5 … 16: lead 2 (being assigned)
    // onto lead 4's row (being assigned the same values), lead 3 (not being assigned) onto lead 2's.
    const order = [1, 3, 4, 2, ...Array.from({ length: 12 }, (_, k) => k + 5)];
    const layout = { regionOf: (i: number) => `r${String(order.indexOf(i)).padStart(2, '0')}` };
    const sort = (runtime: LocalAppsScript) => (person: People) =>
      person.sort(LEADS, columnOf(runtime, LEADS, '地区') + 1, { ascending: true });
    expect(sweepWrites(options, layout, sort)).toEqual([]);
  });

  it('places every value when a deletion leaves a write past the end of a grid without spare rows', () => {
    const remove = () => (person: People) => person.deleteRow(LEADS, 6);
    expect(sweepWrites(options, { tight: true }, remove, '客户5')).toEqual([]);
  });
});
