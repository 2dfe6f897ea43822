// The public pool through the built bundle: staleness boundaries, moves, returns and recycle counts.

import { leadRow } from '../support/leads';
import { rowsOf } from '../support/runtime';
import {
  automationWorkbook,
  DAY,
  HOUR,
  idCounts,
  LEADS,
  POOL,
  T0,
  gradeALead,
  mayId,
  ago,
} from '../support/automation';

const owned = (i: number, fields: Record<string, unknown>) =>
  gradeALead(i, {
    id: mayId(i),
    owner: '张伟',
    enteredAt: new Date(T0.getTime() - 30 * DAY),
    ...fields,
  });

const leadIds = (runtime: ReturnType<typeof automationWorkbook>, tab: string) =>
  rowsOf(runtime, tab).map((l) => l['线索编号']);

describe('the hourly job and the pool', () => {
  it('pools a lead quiet for 7 days and an hour, but not one quiet for exactly 7 days', () => {
    const runtime = automationWorkbook([
      owned(1, { assignedAt: ago(7 * DAY) }),
      owned(2, { assignedAt: ago(7 * DAY + HOUR) }),
      owned(3, {
        assignedAt: ago(20 * DAY),
        lastFollowUpAt: ago(DAY),
        nextFollowUpDue: new Date(T0.getTime() + DAY),
      }),
      owned(4, { assignedAt: ago(30 * DAY), status: '成交' }),
      leadRow({
        id: '202405005-展会',
        source: '展会',
        contact: '没人认领',
        phone: '13911110000',
        needFit: '不契合',
        enteredAt: ago(8 * DAY),
      }),
    ]);
    runtime.invoke('runHourlyNow');
    expect(leadIds(runtime, LEADS)).toEqual(['202405001-展会', '202405003-展会', '202405004-展会']);
    const pool = rowsOf(runtime, POOL);
    expect(pool.map((l) => l['线索编号'])).toEqual(['202405002-展会', '202405005-展会']);
    expect(pool[0]).toMatchObject({
      负责人: '',
      原负责人: '张伟',
      进入公海原因: '分配后7天未跟进',
      回收次数: 1,
      进入公海时间: T0,
    });
    expect(pool[1]).toMatchObject({ 原负责人: '', 进入公海原因: '录入后7天无人认领' });
    expect(pool[0]['联系人']).toBe('客户2');
  });

  it('keeps the team\u2019s own columns with a lead that goes to the pool and comes back', () => {
    const runtime = automationWorkbook();
    const header = runtime.values(LEADS)[0].length;
    runtime.type(LEADS, 1, header + 1, [['客户备注']]);
    runtime.type(LEADS, 2, 1, [[...owned(1, { assignedAt: ago(10 * DAY) }), '老朋友介绍']]);
    runtime.invoke('runHourlyNow');
    expect(rowsOf(runtime, POOL)[0]['客户备注']).toBe('老朋友介绍');
    const ownerColumn = runtime.values(POOL)[0].indexOf('负责人') + 1;
    runtime.type(POOL, 2, ownerColumn, [['王芳']]);
    runtime.invoke('returnPoolLeads');
    expect(rowsOf(runtime, LEADS)[0]['客户备注']).toBe('老朋友介绍');
  });

  it('returns a pool lead given an owner to Leads with a fresh Assigned at and SLA, and counts recycles', () => {
    const runtime = automationWorkbook([
      owned(1, { assignedAt: ago(20 * DAY), lastFollowUpAt: ago(10 * DAY) }),
    ]);
    runtime.invoke('runHourlyNow');
    const ownerColumn = runtime.values(POOL)[0].indexOf('负责人') + 1;
    runtime.kernel.advance(HOUR);
    runtime.type(POOL, 2, ownerColumn, [['王芳']]);
    runtime.invoke('returnPoolLeads');
    expect(rowsOf(runtime, POOL)).toEqual([]);
    const [back] = rowsOf(runtime, LEADS);
    const now = new Date(T0.getTime() + HOUR);
    expect(back).toMatchObject({ 线索编号: '202405001-展会', 负责人: '王芳', 分配时间: now });
    expect(back['首次触达截止']).toEqual(new Date(now.getTime() + 24 * HOUR));
    expect(back).not.toHaveProperty('进入公海时间');
    // The old follow-up was the previous owner's: the new owner gets a full week.
    runtime.kernel.advance(HOUR);
    runtime.invoke('runHourlyNow');
    expect(leadIds(runtime, LEADS)).toEqual(['202405001-展会']);
    runtime.kernel.advance(8 * DAY);
    runtime.invoke('runHourlyNow');
    expect(rowsOf(runtime, POOL)[0]['回收次数']).toBe(2);
  });

  it('moves and returns nothing, and mails only the managers, when Settings are invalid', () => {
    const runtime = automationWorkbook([owned(1, { assignedAt: ago(10 * DAY) })]);
    const poolDaysRow = runtime.values('设置').findIndex((r) => r[0] === '公海天数') + 1;
    runtime.type('设置', poolDaysRow, 2, [['abc']]);
    runtime.kernel.execution = 'timeTrigger';
    runtime.scriptApp._triggers.push({ id: '42', handler: 'runHourly', everyHours: 1 });
    expect(() =>
      runtime.invoke('runHourly', [{ triggerUid: '42' }], { execution: 'timeTrigger' }),
    ).toThrow(`设置!B${poolDaysRow}: 公海天数必须是 1 到 365 之间的整数`);
    expect(leadIds(runtime, LEADS)).toEqual(['202405001-展会']);
    expect(rowsOf(runtime, POOL)).toEqual([]);
    expect(String(runtime.values('运行日志').at(-1)?.[2])).toContain(`设置!B${poolDaysRow}`);
    expect(runtime.mail._sent.map((m) => m.to)).toEqual(['boss@example.com']);
    expect(runtime.mail._sent[0].body).toContain(`设置!B${poolDaysRow}`);
    // The same failure an hour later is not mailed again that day.
    runtime.kernel.advance(HOUR);
    expect(() =>
      runtime.invoke('runHourly', [{ triggerUid: '42' }], { execution: 'timeTrigger' }),
    ).toThrow();
    expect(runtime.mail._sent).toHaveLength(1);
  });

  it('deletes nothing when Leads and Pool hold one ID for two different customers, and says so', () => {
    const runtime = automationWorkbook([owned(1, { assignedAt: ago(DAY) })]);
    runtime.type(POOL, 2, 1, [gradeALead(2, { id: mayId(1), owner: '' })]);
    const pooledAtColumn = runtime.values(POOL)[0].indexOf('进入公海时间') + 1;
    runtime.type(POOL, 2, pooledAtColumn, [[ago(2 * DAY)]]);
    runtime.invoke('runHourlyNow');
    expect(leadIds(runtime, LEADS)).toEqual([mayId(1)]);
    expect(leadIds(runtime, POOL)).toEqual([mayId(1)]);
    expect(
      runtime
        .values('运行日志')
        .map((r) => r[2])
        .join('\n'),
    ).toContain(`以下线索编号在线索表和公海中属于不同客户，请为其中一条改用新编号：${mayId(1)}`);
  });

  describe('a person deleting a Pool row just before the returned lead is deleted', () => {
    /** Pool leads 1–3; a manager gave lead 2 an owner, so it returns; lead 3 has a note. */
    function poolOfThree() {
      const runtime = automationWorkbook([]);
      runtime.type(
        POOL,
        2,
        1,
        [1, 2, 3].map((i) => owned(i, { owner: i === 2 ? '张伟' : '' })),
      );
      runtime.sheet(POOL).getRange('C4').setNote('老客户介绍').setBackground('#fff2cc');
      return runtime;
    }
    /** The data call that deletes lead 2's Pool row, in a run nobody disturbs. */
    const deletionCall = () => {
      const runtime = poolOfThree();
      const { calls } = runtime.measure(() => runtime.invoke('returnPoolLeads'));
      const deletion = calls.find(
        (c) => c.method === 'Spreadsheets.batchUpdate' && c.dataIndex !== undefined,
      );
      return deletion?.dataIndex as number;
    };
    const rowOf = (runtime: ReturnType<typeof poolOfThree>, contact: string) =>
      runtime.values(POOL).findIndex((row) => row[2] === contact) + 1;

    it('puts back, as it was and where it was, the lead that slid under the deletion', () => {
      const runtime = poolOfThree();
      runtime.people.before(deletionCall(), (person) =>
        person.deleteRow(POOL, rowOf(runtime, '客户2')),
      );
      runtime.invoke('returnPoolLeads');
      expect(leadIds(runtime, POOL)).toEqual([mayId(1), mayId(3)]);
      expect(leadIds(runtime, LEADS)).toEqual([mayId(2)]);
      expect(runtime.sheet(POOL)._data.style('note', 2, 2)).toBe('老客户介绍');
      expect(runtime.sheet(POOL)._data.style('background', 2, 2)).toBe('#fff2cc');
      // The copy set aside for the check is emptied.
      expect(runtime.values('_LeadTrackerSetAside').flat().filter(Boolean)).toEqual([]);
    });

    it('leaves deleted the lead below that the person deleted', () => {
      const runtime = poolOfThree();
      runtime.people.before(deletionCall(), (person) =>
        person.deleteRow(POOL, rowOf(runtime, '客户3')),
      );
      runtime.invoke('returnPoolLeads');
      expect(leadIds(runtime, POOL)).toEqual([mayId(1)]);
      expect(leadIds(runtime, LEADS)).toEqual([mayId(2)]);
    });
  });

  it('moves a long scattered backlog over several runs, at most 100 separate blocks a run', () => {
    const rows = Array.from({ length: 240 }, (_, i) =>
      owned(i + 1, { assignedAt: ago(i % 2 === 0 ? 10 * DAY : DAY) }),
    );
    const runtime = automationWorkbook(rows);
    const { calls } = runtime.measure(() => runtime.invoke('runHourlyNow'));
    // The 100 blocks go in one request, never one call per block; a second empties the copy
    // of the deleted rows kept aside until they were known to be the right ones.
    expect(calls.filter((c) => c.method === 'deleteRows')).toHaveLength(0);
    expect(
      calls
        .filter((c) => c.service === 'Sheets' && c.method === 'Spreadsheets.batchUpdate')
        .map((c) => c.sheet),
    ).toEqual([undefined, '_LeadTrackerSetAside']);
    expect(rowsOf(runtime, POOL)).toHaveLength(100);
    expect(
      runtime
        .values('运行日志')
        .map((r) => r[2])
        .join('\n'),
    ).toContain('另有 20 条过期线索将在下次运行时移入公海');
    runtime.invoke('runHourlyNow');
    expect(rowsOf(runtime, POOL)).toHaveLength(120);
    expect([...idCounts(runtime).values()].every((n) => n === 1)).toBe(true);
  });

  it('writes only under the document lock', () => {
    const runtime = automationWorkbook([
      owned(1, { assignedAt: ago(10 * DAY) }),
      owned(2, { owner: '', assignedAt: '' }),
    ]);
    runtime.invoke('runHourlyNow');
    expect(runtime.kernel.unlockedWrites).toEqual([]);
    expect([...idCounts(runtime).values()].every((n) => n === 1)).toBe(true);
  });
});
