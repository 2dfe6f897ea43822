// An assignment pass over Leads rows: owners, deadlines, duplicate flags, cadence dates and pointers.

import { type AssignPassOptions, assignPass } from '../../../src/method/assignment/assignPass';
import type { RoundRobin } from '../../../src/method/assignment/assignment';
import type { TimeZone } from '../../../src/sheet/calendar';
import type { CellChange } from '../../../src/sheet/cellWrites';
import type { DuplicateCandidate } from '../../../src/method/assignment/duplicates';
import {
  type Settings,
  type TeamMember,
  defaultSettings,
} from '../../../src/method/settings/settings';
import { LEAD_COLUMNS, type LeadColumnKey } from '../../../src/sheet/tabs';

const SHANGHAI: TimeZone = { name: 'Asia/Shanghai', offsetMinutes: () => 480 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date('2024-05-15T02:00:00Z');
const plus = (at: Date, ms: number) => new Date(at.getTime() + ms);

/** Leads columns in the default order, as a header lookup would find them. */
const COLUMNS = Object.fromEntries(LEAD_COLUMNS.map((c, i) => [c.key, i])) as Record<
  LeadColumnKey,
  number
>;

const TEAM: TeamMember[] = [
  { name: '张三', email: 'zhang@example.com', role: 'sales', active: true },
  { name: '李四', email: 'li@example.com', role: 'sales', active: true },
  { name: '王经理', email: 'wang@example.com', role: 'manager', active: true },
];
const SETTINGS: Settings = { ...defaultSettings('zh'), team: TEAM };

function lead(cells: Partial<Record<LeadColumnKey, unknown>>): unknown[] {
  const row: unknown[] = LEAD_COLUMNS.map(() => '');
  for (const [key, value] of Object.entries(cells)) row[COLUMNS[key as LeadColumnKey]] = value;
  return row;
}

/** A new, scored lead nobody owns yet. */
function newLead(id: string, cells: Partial<Record<LeadColumnKey, unknown>> = {}): unknown[] {
  return lead({
    id,
    source: '展会',
    contact: `联系人${id}`,
    phone: `1390000${id.replace(/\D/g, '').padStart(4, '0').slice(-4)}`,
    company: `公司${id}`,
    grade: 'A',
    status: '新线索',
    enteredAt: new Date('2024-05-14T02:00:00Z'),
    ...cells,
  });
}

function pass(rows: unknown[][], overrides: Partial<AssignPassOptions> = {}) {
  return assignPass(rows, {
    columns: COLUMNS,
    settings: SETTINGS,
    pointers: {},
    now: NOW,
    zone: SHANGHAI,
    language: 'zh',
    poolCandidates: [],
    clearedDuplicates: new Set(),
    ...overrides,
  });
}

/** The value a pass writes to one cell, or undefined when it leaves the cell alone. */
function written(changes: readonly CellChange[], row: number, key: LeadColumnKey): unknown {
  return changes.find((c) => c.row === row && c.column === COLUMNS[key])?.value;
}

const changesOfRow = (changes: readonly CellChange[], row: number) =>
  changes.filter((c) => c.row === row);

describe('assignPass: assignment', () => {
  it('gives unowned A, B and C leads an owner, Assigned at now and First contact due by the SLA', () => {
    const result = pass([
      newLead('L1', { grade: 'A' }),
      newLead('L2', { grade: 'B' }),
      newLead('L3', { grade: 'C' }),
    ]);
    expect(written(result.changes, 0, 'owner')).toBe('张三');
    expect(written(result.changes, 1, 'owner')).toBe('李四');
    expect(written(result.changes, 2, 'owner')).toBe('张三');
    for (const row of [0, 1, 2]) expect(written(result.changes, row, 'assignedAt')).toEqual(NOW);
    expect(written(result.changes, 0, 'firstContactDue')).toEqual(plus(NOW, 24 * HOUR));
    expect(written(result.changes, 1, 'firstContactDue')).toEqual(plus(NOW, 48 * HOUR));
    expect(written(result.changes, 2, 'firstContactDue')).toEqual(plus(NOW, 72 * HOUR));
    expect(result.assigned).toEqual([
      { row: 0, id: 'L1', owner: '张三' },
      { row: 1, id: 'L2', owner: '李四' },
      { row: 2, id: 'L3', owner: '张三' },
    ]);
    expect(result.flagged).toEqual([]);
  });

  it('uses the SLA hours from Settings', () => {
    const settings: Settings = { ...SETTINGS, slaHours: { A: 4, B: 8, C: 12 } };
    const result = pass([newLead('L1', { grade: 'B' })], { settings });
    expect(written(result.changes, 0, 'firstContactDue')).toEqual(plus(NOW, 8 * HOUR));
  });

  it('does not assign D leads', () => {
    const result = pass([newLead('L1', { grade: 'D' })]);
    expect(written(result.changes, 0, 'owner')).toBeUndefined();
    expect(result.assigned).toEqual([]);
    expect(result.changes).toEqual([]);
  });

  it('does not assign leads that are not graded yet', () => {
    const result = pass([newLead('L1', { grade: '' })]);
    expect(result.assigned).toEqual([]);
    expect(result.changes).toEqual([]);
  });

  it('does not assign closed leads', () => {
    const result = pass([newLead('L1', { status: '流失' }), newLead('L2', { status: 'Won' })]);
    expect(result.assigned).toEqual([]);
    expect(result.changes).toEqual([]);
  });

  it('does not assign a lead without Lead ID', () => {
    const result = pass([newLead('L1', { id: '' })]);
    expect(result.assigned).toEqual([]);
    expect(result.changes).toEqual([]);
  });

  it('never changes a lead that already has an owner', () => {
    const assignedAt = new Date('2024-05-01T02:00:00Z');
    const result = pass([
      lead({ id: 'L1', owner: '李四', grade: 'A', status: '跟进中', assignedAt }),
      lead({ id: 'L2', owner: 'someone@example.org', grade: 'B', status: '新线索' }),
    ]);
    expect(result.changes).toEqual([]);
    expect(result.assigned).toEqual([]);
  });

  it('follows the first matching rule', () => {
    const settings: Settings = {
      ...SETTINGS,
      rules: [{ region: '华东', industry: '', minBudget: undefined, assignTo: ['王经理'] }],
    };
    const result = pass(
      [newLead('L1', { region: '华东-上海' }), newLead('L2', { region: '华南' })],
      {
        settings,
      },
    );
    expect(written(result.changes, 0, 'owner')).toBe('王经理');
    expect(written(result.changes, 1, 'owner')).toBe('张三');
  });

  it('assigns nothing when nobody is available', () => {
    const settings: Settings = { ...SETTINGS, team: [] };
    const result = pass([newLead('L1')], { settings });
    expect(result.assigned).toEqual([]);
    expect(result.changes).toEqual([]);
  });
});

describe('assignPass: round-robin pointers', () => {
  it('advances the Sales team pointer once per assigned lead', () => {
    const pointers: RoundRobin = {};
    pass([newLead('L1'), newLead('L2'), newLead('L3', { grade: 'D' })], { pointers });
    expect(pointers).toEqual({ default: 2 });
  });

  it('carries on from the stored pointer', () => {
    const pointers: RoundRobin = { default: 1 };
    const result = pass([newLead('L1'), newLead('L2')], { pointers });
    expect(result.assigned.map((a) => a.owner)).toEqual(['李四', '张三']);
    expect(pointers).toEqual({ default: 3 });
  });

  it("advances a rule's own pointer", () => {
    const settings: Settings = {
      ...SETTINGS,
      rules: [{ region: '华东', industry: '', minBudget: undefined, assignTo: ['王经理', '李四'] }],
    };
    const pointers: RoundRobin = {};
    const result = pass([newLead('L1', { region: '华东' }), newLead('L2', { region: '华东' })], {
      settings,
      pointers,
    });
    expect(result.assigned.map((a) => a.owner)).toEqual(['王经理', '李四']);
    expect(pointers).toEqual({ 'rule:0': 2 });
  });

  it('leaves the pointers alone when nothing is assigned', () => {
    const pointers: RoundRobin = { default: 5 };
    pass([newLead('L1', { grade: 'D' })], { pointers });
    expect(pointers).toEqual({ default: 5 });
  });
});

describe('assignPass: possible duplicates', () => {
  const OWNED = lead({
    id: 'L1',
    owner: '张三',
    grade: 'A',
    status: '跟进中',
    phone: '13800138000',
    company: '某某科技有限公司',
    contact: '王经理',
  });

  it('flags a new lead whose phone matches an owned open lead, naming that lead and its owner', () => {
    const result = pass([OWNED, newLead('L2', { phone: '+86 138-0013-8000' })]);
    expect(written(result.changes, 1, 'duplicateOf')).toBe('L1（负责人：张三）');
    expect(result.flagged).toEqual([
      { row: 1, id: 'L2', note: 'L1（负责人：张三）', duplicateOf: 'L1' },
    ]);
  });

  it('gives a flagged lead no owner', () => {
    const result = pass([OWNED, newLead('L2', { phone: '13800138000' })]);
    expect(written(result.changes, 1, 'owner')).toBeUndefined();
    expect(written(result.changes, 1, 'assignedAt')).toBeUndefined();
    expect(written(result.changes, 1, 'firstContactDue')).toBeUndefined();
    expect(result.assigned).toEqual([]);
  });

  it('flags a match with an owned lead further down the sheet', () => {
    const result = pass([newLead('L2', { phone: '13800138000' }), OWNED]);
    expect(written(result.changes, 0, 'duplicateOf')).toBe('L1（负责人：张三）');
    expect(result.assigned).toEqual([]);
  });

  it('flags a new lead whose company and contact match an owned open lead', () => {
    const result = pass([OWNED, newLead('L2', { company: '某某科技', contact: '王经理' })]);
    expect(written(result.changes, 1, 'duplicateOf')).toBe('L1（负责人：张三）');
  });

  it('writes the note in the workbook language', () => {
    const result = pass([OWNED, newLead('L2', { phone: '13800138000' })], { language: 'en' });
    expect(written(result.changes, 1, 'duplicateOf')).toBe('L1 (owner: 张三)');
  });

  it('does not flag a match with a closed lead', () => {
    const closed = lead({
      id: 'L1',
      owner: '张三',
      grade: 'A',
      status: '成交',
      phone: '13800138000',
    });
    const result = pass([closed, newLead('L2', { phone: '13800138000' })]);
    expect(result.flagged).toEqual([]);
    expect(result.assigned.map((a) => a.id)).toEqual(['L2']);
  });

  it('of two new rows for one customer flags only the later, naming the earlier and its new owner', () => {
    const result = pass([
      newLead('L2', { phone: '13900001111' }),
      newLead('L3', { phone: '139 0000 1111' }),
    ]);
    expect(written(result.changes, 0, 'duplicateOf')).toBeUndefined();
    expect(written(result.changes, 0, 'owner')).toBe('张三');
    expect(result.flagged).toEqual([
      { row: 1, id: 'L3', note: 'L2（负责人：张三）', duplicateOf: 'L2' },
    ]);
    expect(written(result.changes, 1, 'owner')).toBeUndefined();
  });

  it('of two new unassignable rows for one customer flags only the later', () => {
    const result = pass([
      newLead('L2', { grade: 'D', phone: '13900001111' }),
      newLead('L3', { grade: 'D', phone: '13900001111' }),
    ]);
    expect(result.flagged.map((f) => f.id)).toEqual(['L3']);
    expect(result.flagged[0].note).toContain('L2');
  });

  it('never flags a lead whose flag a person cleared, and assigns it', () => {
    const result = pass([OWNED, newLead('L2', { phone: '13800138000' })], {
      clearedDuplicates: new Set(['L2']),
    });
    expect(written(result.changes, 1, 'duplicateOf')).toBeUndefined();
    expect(result.flagged).toEqual([]);
    expect(result.assigned.map((a) => a.id)).toEqual(['L2']);
  });

  it('leaves a lead that is already flagged alone: no new note and no owner', () => {
    const result = pass([
      OWNED,
      newLead('L2', { phone: '13800138000', duplicateOf: 'L1（负责人：张三）' }),
    ]);
    expect(changesOfRow(result.changes, 1)).toEqual([]);
    expect(result.flagged).toEqual([]);
    expect(result.assigned).toEqual([]);
  });

  it('says （公海） when the match is a pool lead', () => {
    const inPool: DuplicateCandidate = {
      id: 'P1',
      owner: '',
      phone: '13700137000',
      company: '',
      contact: '',
      inPool: true,
    };
    const result = pass([newLead('L2', { phone: '13700137000' })], { poolCandidates: [inPool] });
    expect(written(result.changes, 0, 'duplicateOf')).toBe('P1（公海）');
    expect(result.flagged).toEqual([{ row: 0, id: 'L2', note: 'P1（公海）', duplicateOf: 'P1' }]);
    expect(result.assigned).toEqual([]);
  });

  it('does not flag owned leads', () => {
    const twin = lead({
      id: 'L9',
      owner: '李四',
      grade: 'A',
      status: '跟进中',
      phone: '13800138000',
    });
    const result = pass([OWNED, twin]);
    expect(result.flagged).toEqual([]);
    expect(result.changes).toEqual([]);
  });
});

describe('assignPass: next follow-up due', () => {
  it('gives a followed-up lead with a blank Next follow-up due one from the cadence', () => {
    const last = new Date('2024-05-14T06:00:00Z');
    const result = pass([
      lead({ id: 'L1', owner: '张三', grade: 'B', status: '跟进中', lastFollowUpAt: last }),
      lead({ id: 'L2', owner: '李四', grade: 'C', status: '跟进中', lastFollowUpAt: last }),
      lead({
        id: 'L3',
        owner: '李四',
        grade: 'A',
        status: '跟进中',
        firstContactAt: last,
        lastFollowUpAt: last,
      }),
    ]);
    expect(written(result.changes, 0, 'nextFollowUpDue')).toEqual(plus(last, 2 * DAY));
    expect(written(result.changes, 1, 'nextFollowUpDue')).toEqual(plus(last, 7 * DAY));
    expect(written(result.changes, 2, 'nextFollowUpDue')).toEqual(plus(last, 1 * DAY));
  });

  it('keeps a Key follow-up lead daily', () => {
    const last = new Date('2024-05-14T06:00:00Z');
    const result = pass([
      lead({ id: 'L1', owner: '张三', grade: 'C', status: '重点跟进', lastFollowUpAt: last }),
    ]);
    expect(written(result.changes, 0, 'nextFollowUpDue')).toEqual(plus(last, DAY));
  });

  it('leaves a Next follow-up due that is already filled in', () => {
    const last = new Date('2024-05-14T06:00:00Z');
    const given = new Date('2024-05-20T02:00:00Z');
    const result = pass([
      lead({
        id: 'L1',
        owner: '张三',
        grade: 'B',
        status: '跟进中',
        lastFollowUpAt: last,
        nextFollowUpDue: given,
      }),
    ]);
    expect(result.changes).toEqual([]);
  });

  it('sets nothing for a lead never followed up', () => {
    const result = pass([lead({ id: 'L1', owner: '张三', grade: 'B', status: '跟进中' })]);
    expect(result.changes).toEqual([]);
  });

  it('sets nothing for a closed lead', () => {
    const last = new Date('2024-05-14T06:00:00Z');
    const result = pass([
      lead({ id: 'L1', owner: '张三', grade: 'B', status: '未成交', lastFollowUpAt: last }),
    ]);
    expect(result.changes).toEqual([]);
  });
});

describe('assignPass: what it writes', () => {
  const NAMED: readonly LeadColumnKey[] = [
    'owner',
    'assignedAt',
    'firstContactDue',
    'nextFollowUpDue',
    'duplicateOf',
  ];

  it('only touches Owner, Assigned at, First contact due, Next follow-up due and Possible duplicate', () => {
    const last = new Date('2024-05-14T06:00:00Z');
    const result = pass([
      lead({ id: 'L1', owner: '张三', grade: 'B', status: '跟进中', phone: '13800138000' }),
      newLead('L2', { phone: '13800138000' }),
      newLead('L3', { grade: 'B' }),
      newLead('L4', { grade: 'D' }),
      lead({ id: 'L5', owner: '李四', grade: 'C', status: '跟进中', lastFollowUpAt: last }),
    ]);
    expect(result.changes.length).toBeGreaterThan(0);
    const allowed = new Set(NAMED.map((key) => COLUMNS[key]));
    for (const change of result.changes) expect(allowed.has(change.column)).toBe(true);
  });

  it('writes nothing to a column the sheet lacks', () => {
    const columns: Partial<Record<LeadColumnKey, number>> = { ...COLUMNS };
    delete columns.firstContactDue;
    const result = pass([newLead('L1')], { columns });
    expect(result.assigned).toEqual([{ row: 0, id: 'L1', owner: '张三' }]);
    expect(new Set(result.changes.map((c) => c.column))).toEqual(
      new Set([COLUMNS.owner, COLUMNS.assignedAt]),
    );
  });

  it('does not change the rows it was given', () => {
    const rows = [newLead('L1')];
    const before = rows.map((row) => [...row]);
    pass(rows);
    expect(rows).toEqual(before);
  });
});

describe('assignPass: only the rows asked for (a lead that just arrived)', () => {
  it('decides only those rows, leaving other unowned leads for the hourly job', () => {
    const result = pass([newLead('L1'), newLead('L2')], { onlyRows: [1] });
    expect(changesOfRow(result.changes, 0)).toEqual([]);
    expect(result.assigned).toEqual([{ row: 1, id: 'L2', owner: '张三' }]);
  });

  it('still flags a duplicate of an unowned lead above it, naming that lead', () => {
    const result = pass(
      [newLead('L1', { phone: '13800138000' }), newLead('L2', { phone: '13800138000' })],
      {
        onlyRows: [1],
      },
    );
    expect(result.flagged).toEqual([{ row: 1, id: 'L2', note: 'L1（未分配）', duplicateOf: 'L1' }]);
    expect(result.assigned).toEqual([]);
  });

  it('moves the round-robin pointer only for the lead it assigns', () => {
    const pointers: RoundRobin = {};
    pass([newLead('L1'), newLead('L2'), newLead('L3')], { onlyRows: [2], pointers });
    expect(pointers).toEqual({ default: 1 });
  });
});
