// Who is told what in a run: reminders planned from Leads and Pool, the mailed ledger, and its pruning.

import type { TimeZone } from '../../../src/sheet/calendar';
import {
  NEWS_WINDOW_MS,
  planReminders,
  pruneLedger,
  reminderLeadCells,
} from '../../../src/method/reminders/reminderPlan';
import { type ReminderKind, reminderKey } from '../../../src/method/reminders/reminders';
import type { Settings, TeamMember } from '../../../src/method/settings/settings';

const SHANGHAI: TimeZone = { name: 'Asia/Shanghai', offsetMinutes: () => 480 };
const HOUR = 3_600_000;
/** 10:00 on 15 May 2024 in Shanghai. */
const NOW = new Date('2024-05-15T02:00:00Z');
const TODAY = '2024-05-15';
const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR);
const ahead = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

const ZHANG: TeamMember = { name: '张三', email: 'zhang@example.com', role: 'sales', active: true };
const LI_NO_EMAIL: TeamMember = { name: '李四', email: '', role: 'sales', active: true };
const WANG: TeamMember = {
  name: '王经理',
  email: 'wang@example.com',
  role: 'manager',
  active: true,
};
const SETTINGS: Pick<Settings, 'team'> = { team: [ZHANG, LI_NO_EMAIL, WANG] };

type Cells = Record<string, unknown> & { status: unknown };

/** An open lead owned by 张三, first contacted, with nothing due. */
function lead(cells: Record<string, unknown> = {}): Cells {
  return {
    id: '202405001-展会',
    grade: 'A',
    company: '某某科技有限公司',
    contact: '王经理',
    owner: '张三',
    status: '跟进中',
    assignedAt: ago(100),
    firstContactDue: ago(76),
    firstContactAt: ago(80),
    nextFollowUpDue: '',
    ...cells,
  };
}

/** A pool row pooled 3 hours ago from 张三, with no new owner yet. */
function poolRow(cells: Record<string, unknown> = {}): Cells {
  return {
    id: '202405002-官网表单',
    grade: 'B',
    company: '示例贸易',
    contact: '刘女士',
    owner: '',
    status: '跟进中',
    pooledAt: ago(3),
    poolReason: '7天未跟进',
    previousOwner: '张三',
    ...cells,
  };
}

const keyOf = (kind: ReminderKind, stamp: string, leadId: string) =>
  reminderKey({ kind, leadId, grade: '', company: '', contact: '' }, stamp);

function plan(
  leads: Cells[],
  pool: Cells[] = [],
  mailed: ReadonlySet<string> = new Set(),
  settings: Pick<Settings, 'team'> = SETTINGS,
) {
  return planReminders(leads, pool, settings, NOW, SHANGHAI, mailed);
}

/** Every item planned for owners, flattened. */
function ownerItems(result: ReturnType<typeof plan>) {
  return [...result.owners.values()].flatMap((entry) => entry.reminders);
}

describe('planReminders: new assignments', () => {
  it('tells the owner about a lead assigned within 48 hours', () => {
    const assignedAt = ago(2);
    const due = ahead(22);
    const result = plan([
      lead({ assignedAt, firstContactDue: due, firstContactAt: '', status: '新线索' }),
    ]);
    const entry = result.owners.get('zhang@example.com');
    expect(entry?.name).toBe('张三');
    expect(entry?.reminders).toEqual([
      {
        item: {
          kind: 'assigned',
          leadId: '202405001-展会',
          grade: 'A',
          company: '某某科技有限公司',
          contact: '王经理',
          due,
          owner: '张三',
        },
        key: keyOf('assigned', String(assignedAt.getTime()), '202405001-展会'),
      },
    ]);
    expect(result.managers).toEqual([]);
    expect(result.unreachable).toEqual([]);
  });

  it('keys the news by the assignment time, not by the day', () => {
    const assignedAt = ago(2);
    const result = plan([lead({ assignedAt, firstContactDue: ahead(22), firstContactAt: '' })]);
    const [planned] = ownerItems(result);
    expect(planned.key).toContain(String(assignedAt.getTime()));
    expect(planned.key).not.toContain(TODAY);
  });

  it('tells the owner only once: a mailed assignment is not planned again', () => {
    const assignedAt = ago(2);
    const cells = { assignedAt, firstContactDue: ahead(22), firstContactAt: '' };
    const first = plan([lead(cells)]);
    const mailed = new Set(ownerItems(first).map((p) => p.key));
    const second = plan([lead(cells)], [], mailed);
    expect(ownerItems(second)).toEqual([]);
    expect(second.owners.size).toBe(0);
  });

  it('treats a new assignment of the same lead as news again', () => {
    const mailed = new Set([keyOf('assigned', String(ago(30).getTime()), '202405001-展会')]);
    const result = plan(
      [lead({ assignedAt: ago(1), firstContactDue: ahead(23), firstContactAt: '' })],
      [],
      mailed,
    );
    expect(ownerItems(result).map((p) => p.item.kind)).toEqual(['assigned']);
  });

  it('still counts an assignment exactly 48 hours old as news', () => {
    const assignedAt = new Date(NOW.getTime() - NEWS_WINDOW_MS);
    const result = plan([lead({ assignedAt })]);
    expect(ownerItems(result).map((p) => p.item.kind)).toEqual(['assigned']);
  });

  it('says nothing about an assignment older than 48 hours', () => {
    const result = plan([lead({ assignedAt: ago(49) })]);
    expect(result.owners.size).toBe(0);
    expect(result.managers).toEqual([]);
  });
});

describe('planReminders: first contact', () => {
  const overdue = { assignedAt: ago(50), firstContactDue: ago(26), firstContactAt: '' };

  it('tells the owner, keyed by the day, when the first contact is overdue', () => {
    const result = plan([lead(overdue)]);
    expect(result.owners.get('zhang@example.com')?.reminders).toEqual([
      {
        item: expect.objectContaining({
          kind: 'firstContactOverdue',
          leadId: '202405001-展会',
          due: overdue.firstContactDue,
          owner: '张三',
        }),
        key: keyOf('firstContactOverdue', TODAY, '202405001-展会'),
      },
    ]);
  });

  it('tells the managers of the SLA breach, keyed by the day', () => {
    const result = plan([lead(overdue)]);
    expect(result.managers).toEqual([
      {
        item: expect.objectContaining({
          kind: 'slaBreach',
          leadId: '202405001-展会',
          due: overdue.firstContactDue,
          owner: '张三',
        }),
        key: keyOf('slaBreach', TODAY, '202405001-展会'),
      },
    ]);
  });

  it('raises nothing before the first contact is due', () => {
    const result = plan([
      lead({ assignedAt: ago(60), firstContactDue: ahead(1), firstContactAt: '' }),
    ]);
    expect(result.owners.size).toBe(0);
    expect(result.managers).toEqual([]);
  });

  it('raises nothing once the first contact has happened, even late', () => {
    const result = plan([
      lead({ assignedAt: ago(60), firstContactDue: ago(36), firstContactAt: ago(1) }),
    ]);
    expect(result.owners.size).toBe(0);
    expect(result.managers).toEqual([]);
  });

  it('leaves out the owner reminder already mailed today but still tells the managers', () => {
    const mailed = new Set([keyOf('firstContactOverdue', TODAY, '202405001-展会')]);
    const result = plan([lead(overdue)], [], mailed);
    expect(result.owners.size).toBe(0);
    expect(result.managers.map((p) => p.item.kind)).toEqual(['slaBreach']);
  });

  it('leaves out the breach already mailed to managers today', () => {
    const mailed = new Set([keyOf('slaBreach', TODAY, '202405001-展会')]);
    const result = plan([lead(overdue)], [], mailed);
    expect(result.managers).toEqual([]);
    expect(ownerItems(result).map((p) => p.item.kind)).toEqual(['firstContactOverdue']);
  });

  it('reminds again on a later day', () => {
    const mailed = new Set([
      keyOf('firstContactOverdue', '2024-05-14', '202405001-展会'),
      keyOf('slaBreach', '2024-05-14', '202405001-展会'),
    ]);
    const result = plan([lead(overdue)], [], mailed);
    expect(ownerItems(result).map((p) => p.item.kind)).toEqual(['firstContactOverdue']);
    expect(result.managers.map((p) => p.item.kind)).toEqual(['slaBreach']);
  });
});

describe('planReminders: follow-ups', () => {
  const kinds = (result: ReturnType<typeof plan>) => ownerItems(result).map((p) => p.item.kind);

  it('tells the owner of an overdue follow-up, keyed by the day', () => {
    const due = ago(24);
    const result = plan([lead({ nextFollowUpDue: due })]);
    expect(ownerItems(result)).toEqual([
      {
        item: expect.objectContaining({ kind: 'followUpOverdue', due, owner: '张三' }),
        key: keyOf('followUpOverdue', TODAY, '202405001-展会'),
      },
    ]);
    expect(result.managers).toEqual([]);
  });

  it('counts a follow-up due earlier today as overdue', () => {
    // 07:00 in Shanghai, three hours ago.
    expect(kinds(plan([lead({ nextFollowUpDue: ago(3) })]))).toEqual(['followUpOverdue']);
  });

  it('tells the owner of a follow-up due later today, keyed by the day', () => {
    // 16:00 in Shanghai.
    const due = ahead(6);
    const result = plan([lead({ nextFollowUpDue: due })]);
    expect(ownerItems(result)).toEqual([
      {
        item: expect.objectContaining({ kind: 'followUpDue', due, owner: '张三' }),
        key: keyOf('followUpDue', TODAY, '202405001-展会'),
      },
    ]);
  });

  it("reads 'today' in the sheet's zone: 23:30 in Shanghai is still today", () => {
    expect(kinds(plan([lead({ nextFollowUpDue: new Date('2024-05-15T15:30:00Z') })]))).toEqual([
      'followUpDue',
    ]);
  });

  it('says nothing of a follow-up due tomorrow', () => {
    expect(kinds(plan([lead({ nextFollowUpDue: ahead(24) })]))).toEqual([]);
  });

  it("says nothing of a follow-up just after midnight in Shanghai, though it is today's date in UTC", () => {
    expect(kinds(plan([lead({ nextFollowUpDue: new Date('2024-05-15T16:30:00Z') })]))).toEqual([]);
  });

  it('leaves out a follow-up reminder already mailed today', () => {
    const mailed = new Set([keyOf('followUpOverdue', TODAY, '202405001-展会')]);
    expect(kinds(plan([lead({ nextFollowUpDue: ago(24) })], [], mailed))).toEqual([]);
  });
});

describe('planReminders: leads that call for nothing', () => {
  const everythingDue = {
    assignedAt: ago(2),
    firstContactDue: ago(1),
    firstContactAt: '',
    nextFollowUpDue: ago(1),
  };

  it.each(['成交', '未成交', '流失', 'Won', 'Not won', 'Lost'])(
    'produces nothing for a lead closed as %s',
    (status) => {
      const result = plan([lead({ ...everythingDue, status })]);
      expect(result.owners.size).toBe(0);
      expect(result.managers).toEqual([]);
      expect(result.unreachable).toEqual([]);
    },
  );

  it('produces nothing for a lead without owner', () => {
    const result = plan([lead({ ...everythingDue, owner: '' })]);
    expect(result.owners.size).toBe(0);
    expect(result.managers).toEqual([]);
    expect(result.unreachable).toEqual([]);
  });

  it('produces nothing for a lead without Lead ID', () => {
    const result = plan([lead({ ...everythingDue, id: '' })]);
    expect(result.owners.size).toBe(0);
    expect(result.managers).toEqual([]);
  });
});

describe('planReminders: reaching owners', () => {
  const due = { nextFollowUpDue: ago(24) };

  it('writes to an owner given as an e-mail address outside the team', () => {
    const result = plan([lead({ ...due, owner: 'partner@example.org' })]);
    const entry = result.owners.get('partner@example.org');
    expect(entry?.reminders.map((p) => p.item.kind)).toEqual(['followUpOverdue']);
    expect(result.unreachable).toEqual([]);
  });

  it('lists a team member without an e-mail address as unreachable', () => {
    const result = plan([lead({ ...due, owner: '李四' })]);
    expect(result.owners.size).toBe(0);
    expect(result.unreachable).toEqual(['李四']);
  });

  it('lists an owner name outside the team as unreachable', () => {
    const result = plan([lead({ ...due, owner: '赵六' })]);
    expect(result.owners.size).toBe(0);
    expect(result.unreachable).toEqual(['赵六']);
  });

  it('lists an unreachable owner once, however many leads they have', () => {
    const result = plan([
      lead({ ...due, owner: '李四', id: 'L1' }),
      lead({ ...due, owner: '李四', id: 'L2' }),
    ]);
    expect(result.unreachable).toEqual(['李四']);
  });

  it('still tells managers of a breach on a lead whose owner is unreachable', () => {
    const result = plan([
      lead({ owner: '李四', assignedAt: ago(50), firstContactDue: ago(26), firstContactAt: '' }),
    ]);
    expect(result.managers.map((p) => p.item.kind)).toEqual(['slaBreach']);
    expect(result.unreachable).toEqual(['李四']);
  });

  it("gathers one owner's items under their address, in the order found", () => {
    const result = plan([
      lead({ id: 'L1', nextFollowUpDue: ago(24) }),
      lead({ id: 'L2', owner: '王经理', nextFollowUpDue: ago(24) }),
      lead({ id: 'L3', nextFollowUpDue: ahead(6) }),
    ]);
    expect([...result.owners.keys()]).toEqual(['zhang@example.com', 'wang@example.com']);
    expect(result.owners.get('zhang@example.com')?.reminders.map((p) => p.item.leadId)).toEqual([
      'L1',
      'L3',
    ]);
    expect(result.owners.get('wang@example.com')?.name).toBe('王经理');
  });
});

describe('planReminders: pooled leads', () => {
  it('tells the previous owner their lead went to the pool, keyed by the pooling time', () => {
    const row = poolRow();
    const result = plan([], [row]);
    expect(result.owners.get('zhang@example.com')?.reminders).toEqual([
      {
        item: {
          kind: 'pooled',
          leadId: '202405002-官网表单',
          grade: 'B',
          company: '示例贸易',
          contact: '刘女士',
          due: row.pooledAt,
          owner: '张三',
          reason: '7天未跟进',
        },
        key: keyOf('pooled', String((row.pooledAt as Date).getTime()), '202405002-官网表单'),
      },
    ]);
  });

  it('tells the managers of the pool arrival, keyed by the pooling time', () => {
    const row = poolRow();
    const result = plan([], [row]);
    expect(result.managers).toEqual([
      {
        item: expect.objectContaining({
          kind: 'poolArrival',
          leadId: '202405002-官网表单',
          due: row.pooledAt,
          owner: '张三',
          reason: '7天未跟进',
        }),
        key: keyOf('poolArrival', String((row.pooledAt as Date).getTime()), '202405002-官网表单'),
      },
    ]);
  });

  it('tells only the managers when the pooled lead had no previous owner', () => {
    const result = plan([], [poolRow({ previousOwner: '' })]);
    expect(result.owners.size).toBe(0);
    expect(result.unreachable).toEqual([]);
    expect(result.managers.map((p) => p.item.kind)).toEqual(['poolArrival']);
  });

  it('says nothing of a pool row pooled more than 48 hours ago', () => {
    const result = plan([], [poolRow({ pooledAt: ago(49) })]);
    expect(result.owners.size).toBe(0);
    expect(result.managers).toEqual([]);
  });

  it('says nothing of a pool row without a Pooled at time', () => {
    const result = plan([], [poolRow({ pooledAt: '' })]);
    expect(result.owners.size).toBe(0);
    expect(result.managers).toEqual([]);
  });

  it('says nothing of a pool row a manager has already given an owner', () => {
    const result = plan([], [poolRow({ owner: '王经理' })]);
    expect(result.owners.size).toBe(0);
    expect(result.managers).toEqual([]);
  });

  it('leaves out pool news already mailed', () => {
    const row = poolRow();
    const stamp = String((row.pooledAt as Date).getTime());
    const mailed = new Set([
      keyOf('pooled', stamp, '202405002-官网表单'),
      keyOf('poolArrival', stamp, '202405002-官网表单'),
    ]);
    const result = plan([], [row], mailed);
    expect(result.owners.size).toBe(0);
    expect(result.managers).toEqual([]);
  });
});

describe('pruneLedger', () => {
  it("keeps today's daily keys and drops earlier days'", () => {
    const keys = [
      keyOf('followUpDue', TODAY, 'L1'),
      keyOf('slaBreach', TODAY, 'L2'),
      keyOf('followUpDue', '2024-05-14', 'L1'),
      keyOf('slaBreach', '2024-05-01', 'L2'),
    ];
    expect(pruneLedger(keys, NOW, SHANGHAI)).toEqual(keys.slice(0, 2));
  });

  it('keeps news keys inside 48 hours and drops older ones', () => {
    const recent = keyOf('assigned', String(ago(47).getTime()), 'L1');
    const edge = keyOf('pooled', String(ago(48).getTime()), 'L2');
    const old = keyOf('assigned', String(ago(49).getTime()), 'L3');
    expect(pruneLedger([recent, edge, old], NOW, SHANGHAI)).toEqual([recent, edge]);
  });

  it("reads today in the sheet's zone", () => {
    // 01:00 on 16 May in Shanghai, still 15 May in UTC.
    const now = new Date('2024-05-15T17:00:00Z');
    const keys = [
      keyOf('followUpDue', '2024-05-16', 'L1'),
      keyOf('followUpDue', '2024-05-15', 'L2'),
    ];
    expect(pruneLedger(keys, now, SHANGHAI)).toEqual([keys[0]]);
  });

  it('keeps a key whose Lead ID contains the separator', () => {
    const key = keyOf('followUpOverdue', TODAY, 'L1|x');
    expect(pruneLedger([key], NOW, SHANGHAI)).toEqual([key]);
  });

  it('drops keys it cannot read', () => {
    expect(pruneLedger(['junk', '', 'as|soon|L1'], NOW, SHANGHAI)).toEqual([]);
  });
});

describe('reminderLeadCells', () => {
  it('gives the picked rows their cells and sheet rows, a column the tab lacks as blank', () => {
    // Columns: id, status, owner, (user column), nextFollowUpDue; no grade, company or dates else.
    const index = { id: 0, status: 1, owner: 2, nextFollowUpDue: 4 };
    const rows = [
      ['202405001-展会', '跟进中', '张三', 'own notes', ago(1)],
      ['202405002-展会', '成交', '张三', '', ''],
      ['202405003-展会', '跟进中', '', '', ''],
      ['202405004-展会', '跟进中', '李四'],
    ];
    const cells = reminderLeadCells(rows, index, 3, (row) => row[1] !== '成交' && row[2] !== '');
    expect(cells).toEqual([
      {
        id: '202405001-展会',
        owner: '张三',
        status: '跟进中',
        grade: '',
        company: '',
        contact: '',
        assignedAt: '',
        firstContactDue: '',
        firstContactAt: '',
        nextFollowUpDue: ago(1),
        sheetRow: 4,
      },
      expect.objectContaining({ id: '202405004-展会', nextFollowUpDue: '', sheetRow: 7 }),
    ]);
  });
});
