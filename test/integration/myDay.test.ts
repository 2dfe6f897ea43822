// My day (SPEC §14) through the built bundle: each person's queue in order with none of another's
// leads, the blank e-mail path with a remembered choice, a manager's switch, and the cells read.

import type { LocalAppsScript } from '../../gas-local/runtime';
import { automationWorkbook, DAY, HOUR, LEADS, mayId, T0 } from '../support/automation';
import { leadRow, type LeadFields } from '../support/leads';

const ZHANG = 'zhang@example.com';
const LI = 'li@example.com';
const BOSS = 'boss@example.com';
const at = (ms: number) => new Date(T0.getTime() + ms);

/** T0 is Friday 10:00 in Shanghai: "today" ends at 16:00 UTC. */
const LEADS_TYPED: LeadFields[] = [
  // 张伟's: 1 first contact overdue (A), 2 first contact due today (C), 3 follow-up overdue (B,
  // Owner holding his e-mail), 4 follow-up due today (A), 5 new assignment (D, no SLA), 10 a
  // follow-up overdue from the B cadence (no date given); 6 due tomorrow and 7 closed: not listed.
  {
    id: mayId(1),
    grade: 'A',
    owner: '张伟',
    assignedAt: at(-30 * HOUR),
    firstContactDue: at(-6 * HOUR),
  },
  {
    id: mayId(2),
    grade: 'C',
    owner: '张伟',
    assignedAt: at(-2 * DAY),
    firstContactDue: at(5 * HOUR),
  },
  {
    id: mayId(3),
    grade: 'B',
    owner: ZHANG,
    assignedAt: at(-5 * DAY),
    firstContactAt: at(-3 * DAY),
    lastFollowUpAt: at(-3 * DAY),
    nextFollowUpDue: at(-DAY),
    status: '跟进中',
  },
  {
    id: mayId(4),
    grade: 'A',
    owner: '张伟',
    firstContactAt: at(-DAY),
    lastFollowUpAt: at(-DAY),
    nextFollowUpDue: at(8 * HOUR),
    status: '跟进中',
  },
  { id: mayId(5), grade: 'D', owner: '张伟', assignedAt: at(-HOUR) },
  {
    id: mayId(6),
    grade: 'A',
    owner: '张伟',
    firstContactAt: at(-DAY),
    lastFollowUpAt: at(-DAY),
    nextFollowUpDue: at(DAY),
  },
  { id: mayId(7), grade: 'A', owner: '张伟', firstContactDue: at(-9 * HOUR), status: '成交' },
  // 李娜's.
  {
    id: mayId(8),
    grade: 'A',
    owner: '李娜',
    assignedAt: at(-30 * HOUR),
    firstContactDue: at(-7 * HOUR),
  },
  {
    id: mayId(9),
    grade: 'B',
    owner: LI,
    firstContactAt: at(-2 * DAY),
    lastFollowUpAt: at(-2 * DAY),
    nextFollowUpDue: at(3 * HOUR),
  },
  {
    id: mayId(10),
    grade: 'B',
    owner: '张伟',
    firstContactAt: at(-2 * DAY - HOUR),
    lastFollowUpAt: at(-2 * DAY - HOUR),
  },
].map((lead, i) => ({
  ...lead,
  contact: `客户${i + 1}`,
  company: `公司${i + 1}`,
  phone: `1390000${i}`,
}));

function workbook(): LocalAppsScript {
  const runtime = automationWorkbook(LEADS_TYPED.map(leadRow));
  const sheet = runtime.handle(runtime.spreadsheet);
  for (const email of [ZHANG, LI, BOSS]) sheet.share(email, 'editor');
  return runtime;
}

interface MyDayAnswer {
  owner: string;
  items: {
    leadId: string;
    kind: string;
    due: string;
    grade: string;
    company: string;
    contact: string;
  }[];
  counts: Record<string, number>;
  recognised: string;
  team: string[];
  canSwitch: boolean;
}

const myDay = (runtime: LocalAppsScript, user: string, member?: string) =>
  runtime.as(user).invoke('getMyDay', member === undefined ? [] : [member], {
    execution: 'sidebar',
  }) as MyDayAnswer;

describe('getMyDay', () => {
  it("lists the signed-in person's due leads, overdue first, then by grade, then by due time", () => {
    const day = myDay(workbook(), ZHANG);
    expect(day.owner).toBe('张伟');
    expect(day.recognised).toBe('email');
    expect(day.items.map((i) => [i.leadId, i.kind])).toEqual([
      [mayId(1), 'firstContactOverdue'],
      [mayId(3), 'followUpOverdue'],
      [mayId(10), 'followUpOverdue'],
      [mayId(4), 'followUpDue'],
      [mayId(2), 'firstContactDue'],
      [mayId(5), 'newAssignment'],
    ]);
    expect(day.items[0]).toEqual({
      leadId: mayId(1),
      kind: 'firstContactOverdue',
      due: at(-6 * HOUR).toISOString(),
      grade: 'A',
      company: '公司1',
      contact: '客户1',
    });
    // Derived from the last follow-up and the B cadence of 2 days.
    expect(day.items[2].due).toBe(at(-HOUR).toISOString());
    expect(day.counts).toEqual({
      firstContactOverdue: 1,
      firstContactDue: 1,
      followUpOverdue: 2,
      followUpDue: 1,
      newAssignment: 1,
    });
    expect(day.canSwitch).toBe(false);
    expect(day.team).toEqual([]);
  });

  it("never shows one person another person's leads", () => {
    const runtime = workbook();
    const li = myDay(runtime, LI);
    expect(li.owner).toBe('李娜');
    expect(li.items.map((i) => i.leadId)).toEqual([mayId(8), mayId(9)]);
    const zhang = myDay(runtime, ZHANG).items.map((i) => i.leadId);
    expect(zhang).not.toContain(mayId(8));
    expect(zhang).not.toContain(mayId(9));
  });

  it('lets a manager switch to a team member, and refuses that to anyone else', () => {
    const runtime = workbook();
    const boss = myDay(runtime, BOSS);
    expect(boss.canSwitch).toBe(true);
    expect(boss.team).toEqual(['张伟', '李娜', '王芳', '赵经理']);
    expect(boss.items).toEqual([]);
    const switched = myDay(runtime, BOSS, '李娜');
    expect(switched.owner).toBe('李娜');
    expect(switched.items.map((i) => i.leadId)).toEqual([mayId(8), mayId(9)]);
    expect(() => myDay(runtime, ZHANG, '李娜')).toThrow('只有经理可以查看他人的待办。');
    expect(() => myDay(runtime, BOSS, '无此人')).toThrow('“无此人”不是设置中团队表的在职成员。');
  });

  it('says so when Google hides the e-mail, and remembers the name the person picks', () => {
    const runtime = workbook();
    runtime.addUser('hidden@other.example', { emailVisible: false });
    runtime.handle(runtime.spreadsheet).share('hidden@other.example', 'editor');
    const unknown = myDay(runtime, 'hidden@other.example');
    expect(unknown).toMatchObject({ owner: '', items: [], recognised: 'none' });
    expect(unknown.team).toEqual(['张伟', '李娜', '王芳', '赵经理']);
    const picked = myDay(runtime, 'hidden@other.example', '李娜');
    expect(picked.owner).toBe('李娜');
    expect(picked.recognised).toBe('choice');
    // The next call, with no name, finds the choice in the person's own user properties.
    const again = myDay(runtime, 'hidden@other.example');
    expect(again.owner).toBe('李娜');
    expect(again.items.map((i) => i.leadId)).toEqual([mayId(8), mayId(9)]);
    // A chosen name is the person's word: choosing again changes it, and even a manager's name
    // chosen this way switches to nobody else's queue.
    expect(myDay(runtime, 'hidden@other.example', '赵经理')).toMatchObject({
      owner: '赵经理',
      canSwitch: false,
    });
    expect(myDay(runtime, 'hidden@other.example').owner).toBe('赵经理');
    myDay(runtime, 'hidden@other.example', '李娜');
    // Another person's calls do not see it.
    runtime.addUser('other@other.example', { emailVisible: false });
    runtime.handle(runtime.spreadsheet).share('other@other.example', 'editor');
    expect(myDay(runtime, 'other@other.example').owner).toBe('');
  });

  it('reads ten columns of Leads (the ID column twice) and three cells of each listed lead, however long the tab', () => {
    const count = 3000;
    const runtime = automationWorkbook([
      ...LEADS_TYPED.map(leadRow),
      ...Array.from({ length: count }, (_, i) =>
        leadRow({ id: `L${i}`, owner: i % 2 ? '李娜' : '王芳', grade: 'B', contact: `c${i}` }),
      ),
    ]);
    runtime.handle(runtime.spreadsheet).share(ZHANG, 'editor');
    const width = runtime.values(LEADS)[0].length;
    const rows = count + LEADS_TYPED.length;
    const { result, calls } = runtime.measure(() =>
      runtime.as(ZHANG).invoke('getMyDay', [], { execution: 'sidebar' }),
    );
    expect((result as MyDayAnswer).items).toHaveLength(6);
    const cells = calls
      .filter((c) => c.sheet === LEADS || c.service === 'Sheets')
      .reduce((sum, c) => sum + c.cellsRead, 0);
    expect(cells).toBeLessThanOrEqual(10 * rows + 10 * width + 6 * 3);
  });

  it('names the lead columns it needs when Leads lacks one', () => {
    const runtime = workbook();
    const header = runtime.values(LEADS)[0];
    const column = header.indexOf('下次跟进时间') + 1;
    runtime.type(LEADS, 1, column, [['备注']]);
    expect(() => myDay(runtime, ZHANG)).toThrow('下次跟进时间');
  });
});
