// People work in the spreadsheet while operations run: a person types, pastes, inserts or deletes a
// row, or sorts, before each data call on their tab in turn; after the run and a clean rerun no
// lead is lost or doubled, every computed value sits on its own lead's row, and every typed or
// pasted value stays.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalAppsScript, RuntimeOptions } from '../../gas-local/runtime';
import type { People } from '../../gas-local/people';
import { rowsOf } from '../support/runtime';
import {
  addQuietLeads,
  ago,
  automationWorkbook,
  dayUnderWay,
  DAY,
  gradeALead,
  HOUR,
  idCounts,
  LEADS,
  mayId,
  POOL,
  T0,
} from '../support/automation';

// One salesperson: who gets a new lead does not depend on the order of the rows a person sorted.
const ZHANG = 'zhang@example.com';
const TEAM = [
  { name: '张伟', email: ZHANG, role: '销售' as const },
  { name: '赵经理', email: 'boss@example.com', role: '经理' as const },
];
const FITS = ['完全契合', '部分契合', '不契合'];
const AUTHORITY = ['直接决策人', '有影响者', '无权限'];

/** A lead whose score differs from its neighbours', so a value on the wrong row shows. */
const lead = (i: number, fields: Record<string, unknown>) =>
  gradeALead(i, {
    id: mayId(i),
    enteredAt: ago(20 * DAY),
    needFit: FITS[i % 3],
    authority: AUTHORITY[Math.floor(i / 3) % 3],
    ...fields,
  });

/**
 * Stale leads to pool (1, 2, 4), a lead to assign (5), a new lead without an ID (8), pool leads to
 * return (9, 10) and one to claim (11).
 */
function workbook(options: RuntimeOptions = {}): LocalAppsScript {
  const runtime = automationWorkbook(
    [
      lead(1, { owner: '张伟', assignedAt: ago(9 * DAY) }),
      lead(2, { owner: '张伟', assignedAt: ago(10 * DAY) }),
      lead(3, { owner: '张伟', assignedAt: ago(2 * DAY), firstContactDue: ago(DAY) }),
      lead(4, { owner: '张伟', assignedAt: ago(8 * DAY) }),
      lead(5, { enteredAt: ago(HOUR) }),
      lead(6, { owner: '张伟', assignedAt: ago(3 * DAY), lastFollowUpAt: ago(DAY) }),
      lead(8, { id: '', enteredAt: '' }),
    ],
    TEAM,
    40,
    options,
  );
  runtime.type(POOL, 2, 1, [
    lead(9, { owner: '张伟', enteredAt: ago(30 * DAY) }),
    lead(10, { owner: '张伟', enteredAt: ago(30 * DAY) }),
    lead(11, { owner: '', enteredAt: ago(30 * DAY) }),
  ]);
  const pooledAt = runtime.values(POOL)[0].indexOf('进入公海时间') + 1;
  runtime.type(POOL, 2, pooledAt, [
    [ago(5 * DAY), '7天未跟进', '李娜', 1],
    [ago(5 * DAY), '7天未跟进', '李娜', 1],
    [ago(5 * DAY), '7天未跟进', '李娜', 1],
  ]);
  runtime.handle(runtime.spreadsheet).share(ZHANG, 'editor');
  return runtime;
}

interface LeadState {
  tab: string;
  id: unknown;
  score: unknown;
  grade: unknown;
  owner: unknown;
  need: unknown;
  lastFollowUpAt: unknown;
}

/** Every lead across Leads and Pool by contact; a contact seen twice is a doubled lead. */
function leadsByContact(runtime: LocalAppsScript): Map<string, LeadState[]> {
  const leads = new Map<string, LeadState[]>();
  for (const tab of [LEADS, POOL]) {
    for (const row of rowsOf(runtime, tab)) {
      const contact = String(row['联系人'] ?? '');
      if (!contact) continue;
      const state: LeadState = {
        tab,
        id: row['线索编号'],
        score: row['评分'],
        grade: row['线索等级'],
        owner: row['负责人'],
        need: row['需求描述'],
        lastFollowUpAt: row['最近跟进时间'],
      };
      leads.set(contact, [...(leads.get(contact) ?? []), state]);
    }
  }
  return leads;
}

/** The sheet row (1-based) that holds a contact now, or undefined. */
function rowOfContact(runtime: LocalAppsScript, tab: string, contact: string): number | undefined {
  const [header, ...rows] = runtime.values(tab);
  const at = header.indexOf('联系人');
  const index = rows.findIndex((row) => row[at] === contact);
  return index < 0 ? undefined : index + 2;
}

const column = (runtime: LocalAppsScript, tab: string, header: string) =>
  runtime.values(tab)[0].indexOf(header) + 1;

const TYPED_NEED = '客户要求周五前报价';
const PASTED = gradeALead(50, { needFit: '部分契合', authority: '有影响者' });

/** Whether the person's target row was still in the tab when they acted (a moved lead is not). */
const effect = { missed: false };

/** What a person does, and on which tab. */
interface PersonKind {
  readonly name: string;
  act(runtime: LocalAppsScript, tab: string): (person: People) => void;
}

const KINDS: PersonKind[] = [
  {
    name: 'types a Need into a lead',
    act: (runtime, tab) => (person) => {
      const row = rowOfContact(runtime, tab, tab === POOL ? '客户9' : '客户3');
      if (row) person.type(tab, row, column(runtime, tab, '需求描述'), TYPED_NEED);
      else effect.missed = true;
    },
  },
  {
    name: 'types an owner for a lead the run assigns',
    act: (runtime) => (person) => {
      const row = rowOfContact(runtime, LEADS, '客户5');
      if (row) person.type(LEADS, row, column(runtime, LEADS, '负责人'), '王芳');
      else effect.missed = true;
    },
  },
  {
    name: 'pastes a new lead at the bottom',
    act: (_runtime, tab) => (person) => {
      person.paste(tab, [PASTED]);
    },
  },
  {
    name: 'inserts a row near the top',
    act: (_runtime, tab) => (person) => person.insertRowBefore(tab, 3),
  },
  {
    name: 'deletes a lead',
    act: (runtime, tab) => (person) => {
      const row = rowOfContact(runtime, tab, tab === POOL ? '客户10' : '客户6');
      if (row) person.deleteRow(tab, row);
      else effect.missed = true;
    },
  },
  {
    name: 'sorts the tab by phone, Z to A',
    act: (runtime, tab) => (person) =>
      person.sort(tab, column(runtime, tab, '联系方式'), { ascending: false }),
  },
];

interface Operation {
  readonly name: string;
  /** The tab the person works in. */
  readonly tab: string;
  /**
   * An edit event names its rows by position: a person who moves rows before onEdit reads them
   * gets the lead now there rescored, with its own inputs, instead of the edited one (until the
   * next edit or scoring pass). Its computed cells may then hold its own true score.
   */
  readonly byPosition?: boolean;
  /** What happened before the run, untouched by people (the day's earlier runs). */
  prepare?(runtime: LocalAppsScript): void;
  /** How the script is set up (without the Sheets service: code pasted in by hand). */
  readonly options?: RuntimeOptions;
  run(runtime: LocalAppsScript): void;
}

const FOLLOW_UP_TIME = new Date(T0.getTime() - 10 * 60_000).toISOString();

/** A person chooses a need fit for a lead and for the new lead without an ID; onEdit rescores each. */
function editNeedFits(rt: LocalAppsScript): void {
  for (const [contact, fit] of [
    ['客户3', '不契合'],
    ['客户8', '完全契合'],
  ]) {
    const row = rowOfContact(rt, LEADS, contact);
    if (row) rt.edit(LEADS, row, column(rt, LEADS, '需求匹配度'), [[fit]]);
  }
}

/** Two new leads without IDs, pasted below the others; sure to score apart from their neighbours. */
const NEW_ROWS = [
  lead(30, { id: '', enteredAt: '', needFit: '部分契合', authority: '无权限' }),
  lead(31, { id: '', enteredAt: '', needFit: '不契合', authority: '有影响者' }),
];
const NEW_CONTACTS = ['客户30', '客户31'];

/**
 * A person pastes two new leads under the last one; onEdit numbers and scores them. Run again, the
 * person pastes each again where it is now (no lead is pasted twice).
 */
function pasteNewLeads(rt: LocalAppsScript): void {
  const rows = NEW_CONTACTS.map((contact) => rowOfContact(rt, LEADS, contact));
  if (rows.every((row) => row === undefined)) {
    const below = rt.values(LEADS).filter((line) => line.some((cell) => cell !== '')).length + 1;
    rt.edit(LEADS, below, 1, NEW_ROWS);
    return;
  }
  rows.forEach((row, i) => {
    if (row === undefined) return;
    const typed = NEW_ROWS[i].map((value, c) =>
      value === '' ? rt.values(LEADS)[row - 1][c] : value,
    );
    rt.edit(LEADS, row, 1, [typed]);
  });
}

/** Leads 1 to 6 in their first rows, and the need fit pasted over them: 1 and 4 hold it already. */
const PASTED_OVER = ['客户1', '客户2', '客户3', '客户4', '客户5', '客户6'];
const PASTED_FIT = '部分契合';

/**
 * A person pastes one need fit over six leads, two of which hold it already: the scores of the
 * others change, and the unchanged lead between them is written again so all go in one range.
 * Run again, the person pastes the block where the leads still stand in order, else each alone.
 */
function pasteOverNeedFits(rt: LocalAppsScript): void {
  const fit = column(rt, LEADS, '需求匹配度');
  const rows = PASTED_OVER.map((contact) => rowOfContact(rt, LEADS, contact));
  const first = rows[0];
  if (first !== undefined && rows.every((row, i) => row === first + i)) {
    rt.edit(
      LEADS,
      first,
      fit,
      rows.map(() => [PASTED_FIT]),
    );
    return;
  }
  for (const row of rows) if (row !== undefined) rt.edit(LEADS, row, fit, [[PASTED_FIT]]);
}

/** The second run claims again only while the lead is still in the pool, as a person would. */
function claimLead11(rt: LocalAppsScript): void {
  if (rowOfContact(rt, POOL, '客户11'))
    rt.as(ZHANG).invoke('claimPoolLead', [mayId(11)], { execution: 'sidebar' });
}

function followUpLead3(rt: LocalAppsScript): void {
  rt.invoke(
    'submitFollowUp',
    [{ leadId: mayId(3), method: 'phone', content: '电话沟通了报价', time: FOLLOW_UP_TIME }],
    { execution: 'sidebar' },
  );
}

const OPERATIONS: Operation[] = [
  { name: 'onEdit', tab: LEADS, run: editNeedFits, byPosition: true },
  // Several rows: numbering reads every ID before the rows, which the commit then places by.
  { name: 'onEdit, a paste of new leads', tab: LEADS, run: pasteNewLeads, byPosition: true },
  // Unchanged leads between changed ones are written again: one range for the scores.
  { name: 'onEdit, a paste over leads', tab: LEADS, run: pasteOverNeedFits, byPosition: true },
  { name: 'scoreAllLeads', tab: LEADS, run: (rt) => void rt.invoke('scoreAllLeads') },
  { name: 'runHourly', tab: LEADS, run: (rt) => void rt.invoke('runHourlyNow') },
  {
    // The time-driven run after the day's full pass, Analysis, report and archive: it reads a
    // few columns of every lead, then whole rows only of the leads it acts on.
    name: 'runHourly, a regular hour',
    tab: LEADS,
    prepare: (rt) => {
      addQuietLeads(rt, [20, 21, 22, 23, 24, 25, 26, 27], lead);
      dayUnderWay(rt);
    },
    run: (rt) => void rt.fireTimeTrigger(rt.allTriggers()[0].id),
  },
  { name: 'returnPoolLeads', tab: POOL, run: (rt) => void rt.invoke('returnPoolLeads') },
  // Pasted in by hand, without the Sheets service: rows go one block per call.
  {
    name: 'runHourly without the Sheets service',
    tab: LEADS,
    run: (rt) => void rt.invoke('runHourlyNow'),
    options: { withoutAdvancedServices: true },
  },
  {
    name: 'returnPoolLeads without the Sheets service',
    tab: POOL,
    run: (rt) => void rt.invoke('returnPoolLeads'),
    options: { withoutAdvancedServices: true },
  },
  {
    name: 'scoreAllLeads without the Sheets service',
    tab: LEADS,
    run: (rt) => void rt.invoke('scoreAllLeads'),
    options: { withoutAdvancedServices: true },
  },
  {
    name: 'claimPoolLead',
    tab: POOL,
    run: claimLead11,
  },
  {
    name: 'submitFollowUp',
    tab: LEADS,
    run: followUpLead3,
  },
  {
    name: 'submitFollowUp without the Sheets service',
    tab: LEADS,
    run: followUpLead3,
    options: { withoutAdvancedServices: true },
  },
  {
    name: 'claimPoolLead without the Sheets service',
    tab: POOL,
    run: claimLead11,
    options: { withoutAdvancedServices: true },
  },
];

/** The workbook as the operation finds it. */
function workbookFor(operation: Operation): LocalAppsScript {
  const runtime = workbook(operation.options);
  operation.prepare?.(runtime);
  return runtime;
}

/**
 * The data calls of one clean run before which a person's act can change what the run sees: the
 * calls on the person's tab, or on no one tab. Acting just before a call on another tab (the state
 * tab, Settings, the Log) is the same, for this tab, as acting just before the next call.
 */
function sweptCalls(operation: Operation): number[] {
  const runtime = workbookFor(operation);
  const { calls } = runtime.measure(() => operation.run(runtime));
  if (operation.prepare) {
    // The regular hour read a few columns of every lead: its one getValues of Leads is the header's.
    const whole = calls.filter((c) => c.sheet === LEADS && c.method === 'getValues');
    expect(whole).toHaveLength(1);
  }
  return calls.flatMap((c) =>
    c.dataIndex !== undefined && (!c.sheet || c.sheet === operation.tab) ? [c.dataIndex] : [],
  );
}

const figures: Record<
  string,
  { injected: number; kept: number; overwritten: number; calls: number }
> = {};

describe.each(OPERATIONS)('$name beside people', (operation) => {
  const clean = workbookFor(operation);
  operation.run(clean);
  operation.run(clean);
  const expected = leadsByContact(clean);
  const calls = sweptCalls(operation);
  // Each lead's own score once the operation's inputs are in: what a lead that moved onto an
  // edited row gets (see byPosition).
  const trueScores = new Map<string, LeadState[]>();
  if (operation.byPosition) {
    const scoredAll = workbook();
    operation.run(scoredAll);
    scoredAll.invoke('scoreAllLeads');
    for (const [contact, states] of leadsByContact(scoredAll)) trueScores.set(contact, states);
  }

  it.each(KINDS)('survives a person who $name before any data call', (kind) => {
    expect(calls.length).toBeGreaterThanOrEqual(3);
    let injected = 0;
    let kept = 0;
    let overwritten = 0;
    for (const k of calls) {
      const runtime = workbookFor(operation);
      effect.missed = false;
      runtime.people.before(k, kind.act(runtime, operation.tab));
      operation.run(runtime);
      const acted = runtime.people.acted.length > 0 && !effect.missed;
      runtime.kernel.advance(60_000);
      operation.run(runtime);
      const context = `${operation.name}, ${kind.name}, before data call ${k}`;

      const ids = [...idCounts(runtime).entries()].filter(([, n]) => n !== 1);
      expect({ context, doubledIds: ids }).toEqual({ context, doubledIds: [] });
      const found = leadsByContact(runtime);
      for (const [contact, states] of found) {
        expect({ context, contact, copies: states.length }).toEqual({
          context,
          contact,
          copies: 1,
        });
      }
      // Every lead of the clean run is there with the same computed values on its own row.
      for (const [contact, [want]] of expected) {
        const deletedByPerson =
          acted &&
          kind.name === 'deletes a lead' &&
          contact === (operation.tab === POOL ? '客户10' : '客户6');
        const got = found.get(contact)?.[0];
        if (deletedByPerson) {
          // Without the service, a lead deleted just as the run deletes rows one block at a time
          // cannot be told from one a block took by mistake: it is put back, never lost.
          if (operation.options?.withoutAdvancedServices) continue;
          expect({ context, contact, tab: got?.tab }).not.toEqual({
            context,
            contact,
            tab: operation.tab,
          });
          continue;
        }
        expect({ context, contact, present: !!got }).toEqual({ context, contact, present: true });
        if (!got) continue;
        const ownerTyped = acted && kind.name.startsWith('types an owner') && contact === '客户5';
        const own = trueScores.get(contact)?.[0];
        const ownScore =
          operation.byPosition && own && got.score === own.score && got.grade === own.grade;
        expect({ context, contact, score: got.score, grade: got.grade, tab: got.tab }).toEqual({
          context,
          contact,
          score: ownScore ? own.score : want.score,
          grade: ownScore ? own.grade : want.grade,
          tab: want.tab,
        });
        if (!ownerTyped) {
          expect({ context, contact, owner: got.owner }).toEqual({
            context,
            contact,
            owner: want.owner,
          });
        }
        // New leads are numbered in the order of their rows, which a person may sort.
        if (
          String(want.id).startsWith('202405') &&
          contact !== '客户8' &&
          !NEW_CONTACTS.includes(contact)
        ) {
          expect({ context, contact, id: got.id }).toEqual({ context, contact, id: want.id });
        }
        expect({ context, contact, followed: String(got.lastFollowUpAt) }).toEqual({
          context,
          contact,
          followed: String(want.lastFollowUpAt),
        });
      }
      if (!acted) continue;
      injected++;
      // The one moment a value typed into a cell the run changes, or into a row it moves, cannot be
      // seen: just before the single call that writes the cell or deletes the moved row. There the
      // run's later write stands (SPEC §10), so it is counted apart, and must stay that one call.
      // Without the Sheets service the cells go range by range and the rows block by block, and
      // that moment comes just before the call that writes the cell or deletes its row.
      const beforeWrite = (
        operation.options?.withoutAdvancedServices
          ? /^(Range\.setValues|RangeList\.setValue|Sheet\.deleteRows|Sheet\.appendRow)$/
          : /^Sheets\.Spreadsheets\.(Values\.batchUpdate|batchUpdate)$/
      ).test(runtime.people.acted[0].before);
      if (kind.name.startsWith('types a Need')) {
        const target = operation.tab === POOL ? '客户9' : '客户3';
        const need = found.get(target)?.[0].need;
        if (need === TYPED_NEED) kept++;
        else {
          expect({ context, beforeWrite }).toEqual({ context, beforeWrite: true });
          overwritten++;
        }
      } else if (kind.name.startsWith('types an owner')) {
        const owner = found.get('客户5')?.[0].owner;
        if (owner === '王芳') kept++;
        else {
          expect({ context, beforeWrite, owner }).toEqual({
            context,
            beforeWrite: true,
            owner: '张伟',
          });
          overwritten++;
        }
      } else if (kind.name.startsWith('pastes')) {
        const pasted = found.get('客户50');
        expect({ context, pasted: pasted?.length }).toEqual({ context, pasted: 1 });
        kept++;
      } else {
        kept++;
      }
    }
    figures[`${operation.name} / ${kind.name}`] = {
      injected,
      kept,
      overwritten,
      calls: calls.length,
    };
    expect(injected).toBeGreaterThan(0);
    // Without the service the run writes in several calls after its last read: each is a moment.
    if (!operation.options?.withoutAdvancedServices) expect(overwritten).toBeLessThanOrEqual(1);
    expect(kept + overwritten).toBe(injected);
  });
});

afterAll(() => {
  const out = join(__dirname, '..', '..', 'out');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'people-sweep.json'), JSON.stringify(figures, null, 2));
});
