// Claiming a pool lead (SPEC §14) through the built bundle: the lead returns to Leads as the
// caller's with a fresh Assigned at and SLA; the daily cap and the previous owner's wait refuse
// with their rule's name; claims are logged and kept; a claim that dies at any call finishes once.

import type { LocalAppsScript } from '../../gas-local/runtime';
import { rowsOf } from '../support/runtime';
import {
  ago,
  automationWorkbook,
  DAY,
  gradeALead,
  HOUR,
  idCounts,
  LEADS,
  mayId,
  POOL,
  setSetting,
  T0,
} from '../support/automation';

const ZHANG = 'zhang@example.com';
const LI = 'li@example.com';
const BOSS = 'boss@example.com';
const LOG = '运行日志';
const CLAIMS = '_LeadTrackerClaims';

/** Pool leads 1–6, pooled two days ago; lead 6 was 张伟's. */
function workbook(): LocalAppsScript {
  const runtime = automationWorkbook([
    gradeALead(20, { id: mayId(20), owner: '李娜', assignedAt: ago(DAY) }),
  ]);
  const pool = [1, 2, 3, 4, 5, 6].map((i) => [
    ...gradeALead(i, { id: mayId(i), grade: i === 5 ? 'D' : 'A', enteredAt: ago(20 * DAY) }),
    ago(2 * DAY),
    '7天未跟进',
    i === 6 ? '张伟' : '王芳',
    1,
  ]);
  runtime.type(POOL, 2, 1, pool);
  for (const email of [ZHANG, LI, BOSS]) runtime.handle(runtime.spreadsheet).share(email, 'editor');
  return runtime;
}

const claim = (runtime: LocalAppsScript, user: string, leadId: string) =>
  runtime.as(user).invoke('claimPoolLead', [leadId], { execution: 'sidebar' });
const poolIds = (runtime: LocalAppsScript) => rowsOf(runtime, POOL).map((r) => r['线索编号']);
const leadOf = (runtime: LocalAppsScript, id: string) =>
  rowsOf(runtime, LEADS).find((r) => r['线索编号'] === id);
const ledger = (runtime: LocalAppsScript) =>
  runtime.spreadsheet.getSheetByName(CLAIMS) ? runtime.values(CLAIMS).slice(1) : [];

/** The workbook with Claims per day at 1. */
function cappedAtOne(): LocalAppsScript {
  const runtime = workbook();
  setSetting(runtime, '每日领取上限', 1);
  return runtime;
}

/**
 * Schedules, in a workbook, a manager giving lead 1 to 李娜 just after 张伟's claim named him in
 * its Pool row and before it moves: at the move's first look at Pool, after the owner write and
 * its check, as a clean claim makes its calls.
 */
function managerGivesItAway(): (runtime: LocalAppsScript) => void {
  const clean = cappedAtOne();
  const { calls } = clean.measure(() => claim(clean, ZHANG, mayId(1)));
  const named = calls.find((c) => c.sheet === POOL && c.method.endsWith('Values.batchUpdate'));
  const move = calls.find(
    (c) => c.sheet === POOL && (c.dataIndex ?? 0) > (named?.dataIndex ?? 0) + 1,
  );
  return (runtime) => {
    const owner = runtime.values(POOL)[0].indexOf('负责人') + 1;
    runtime.people.before(move?.dataIndex ?? 0, (person) => person.type(POOL, 2, owner, '李娜'));
  };
}

describe('listPoolLeads', () => {
  it('lists the unclaimed pool leads, newest pooled first, filtered, from one read of Pool', () => {
    const runtime = workbook();
    const owner = runtime.values(POOL)[0].indexOf('负责人') + 1;
    const pooledAt = runtime.values(POOL)[0].indexOf('进入公海时间') + 1;
    runtime.type(POOL, 3, owner, [['王芳']]);
    runtime.type(POOL, 5, pooledAt, [[ago(HOUR)]]);
    const list = (query?: string) =>
      runtime.as(ZHANG).invoke('listPoolLeads', query === undefined ? [] : [query], {
        execution: 'sidebar',
      }) as { leadId: string; company: string; previousOwner: string }[];
    const result = list();
    expect(result.map((l) => l.leadId)).toEqual([4, 1, 3, 5, 6].map(mayId));
    expect(result[0]).toMatchObject({ company: '公司4', previousOwner: '王芳' });
    expect(list('公司6').map((l) => l.leadId)).toEqual([mayId(6)]);
    const measured = runtime.measure(() => list());
    const reads = measured.calls.filter((c) => c.sheet === POOL && c.cellsRead > 0);
    // The header rows, then the listed columns of every row in one call.
    expect(reads.map((c) => c.method)).toEqual([
      'getValues',
      'Spreadsheets.Values.batchGetByDataFilter',
    ]);
  });
});

describe('claimPoolLead', () => {
  it('moves the pool lead to Leads as the caller’s, with a fresh Assigned at and first-contact due', () => {
    const runtime = workbook();
    expect(claim(runtime, ZHANG, mayId(1))).toEqual({
      leadId: mayId(1),
      owner: '张伟',
      claimsLeft: 4,
    });
    expect(poolIds(runtime)).not.toContain(mayId(1));
    expect(leadOf(runtime, mayId(1))).toMatchObject({
      负责人: '张伟',
      分配时间: T0,
      首次触达截止: new Date(T0.getTime() + 24 * HOUR),
      联系人: '客户1',
    });
    expect(idCounts(runtime).get(mayId(1))).toBe(1);
    expect(ledger(runtime)).toEqual([[T0, mayId(1), '张伟']]);
    const log = runtime.values(LOG).slice(1);
    expect(log.at(-1)).toEqual([T0, '领取公海线索', `${mayId(1)} → 张伟`, ZHANG]);
    expect(runtime.kernel.unlockedWrites).toEqual([]);
  });

  it('the claimed lead is in the new owner’s day as a new assignment', () => {
    const runtime = workbook();
    claim(runtime, ZHANG, mayId(5));
    const day = runtime.as(ZHANG).invoke('getMyDay', [], { execution: 'sidebar' }) as {
      items: { leadId: string; kind: string }[];
      claimsLeft: number;
    };
    expect(day.items).toEqual([
      expect.objectContaining({ leadId: mayId(5), kind: 'newAssignment' }),
    ]);
    expect(day.claimsLeft).toBe(4);
  });

  it('refuses a claim beyond Claims per day, and allows it again the next day', () => {
    const runtime = workbook();
    setSetting(runtime, '每日领取上限', 2);
    claim(runtime, ZHANG, mayId(1));
    claim(runtime, ZHANG, mayId(2));
    const before = [runtime.values(POOL), runtime.values(LEADS)];
    expect(() => claim(runtime, ZHANG, mayId(3))).toThrow(
      '每日领取上限：您今天已领取 2 条公海线索，已达上限。',
    );
    expect([runtime.values(POOL), runtime.values(LEADS)]).toEqual(before);
    expect(ledger(runtime)).toHaveLength(2);
    // Another person's cap is their own.
    claim(runtime, LI, mayId(3));
    // Tomorrow in Shanghai (T0 is 10:00 on Friday): the count starts again.
    runtime.kernel.advance(14 * HOUR + 1000);
    expect(claim(runtime, ZHANG, mayId(4))).toMatchObject({ owner: '张伟', claimsLeft: 1 });
  });

  it('refuses the previous owner within Reclaim wait (days), but not another member or later', () => {
    const runtime = workbook();
    expect(() => claim(runtime, ZHANG, mayId(6))).toThrow(
      '原负责人领回间隔(天)：您是该线索的原负责人，须在进入公海 3 天后',
    );
    expect(poolIds(runtime)).toContain(mayId(6));
    expect(ledger(runtime)).toEqual([]);
    runtime.kernel.advance(DAY + 1000);
    expect(claim(runtime, ZHANG, mayId(6))).toMatchObject({ owner: '张伟' });

    const other = workbook();
    expect(claim(other, LI, mayId(6))).toMatchObject({ owner: '李娜' });
  });

  it('refuses every claim when Claims per day is 0: only managers assign', () => {
    const runtime = workbook();
    setSetting(runtime, '每日领取上限', 0);
    expect(() => claim(runtime, ZHANG, mayId(1))).toThrow('设置中“每日领取上限”为 0');
    expect(() => claim(runtime, BOSS, mayId(1))).toThrow('公海线索只能由经理分配');
    expect(poolIds(runtime)).toContain(mayId(1));
  });

  it('refuses a caller it cannot name, until they pick their name, and one outside the team', () => {
    const runtime = workbook();
    runtime.addUser('hidden@other.example', { emailVisible: false });
    runtime.handle(runtime.spreadsheet).share('hidden@other.example', 'editor');
    expect(() => claim(runtime, 'hidden@other.example', mayId(1))).toThrow(
      'Google 未提供您的身份：请先在今日待办中选择您的姓名。',
    );
    runtime.as('hidden@other.example').invoke('getMyDay', ['李娜'], { execution: 'sidebar' });
    expect(claim(runtime, 'hidden@other.example', mayId(1))).toMatchObject({ owner: '李娜' });

    runtime.handle(runtime.spreadsheet).share('guest@example.com', 'editor');
    expect(() => claim(runtime, 'guest@example.com', mayId(2))).toThrow(
      '只有设置中团队表的在职成员才能领取公海线索。',
    );
  });

  it('says a lead is not in the pool, or was given to someone by a manager', () => {
    const runtime = workbook();
    expect(() => claim(runtime, ZHANG, mayId(20))).toThrow(`${mayId(20)} 不在公海中。`);
    expect(() => claim(runtime, ZHANG, '')).toThrow('线索编号');
    const ownerColumn = runtime.values(POOL)[0].indexOf('负责人') + 1;
    runtime.type(POOL, 3, ownerColumn, [['李娜']]);
    expect(() => claim(runtime, ZHANG, mayId(2))).toThrow(`${mayId(2)} 已由经理分配给 李娜。`);
  });

  it('answers a repeated claim the same, recording it once', () => {
    const runtime = workbook();
    claim(runtime, ZHANG, mayId(1));
    expect(claim(runtime, ZHANG, mayId(1))).toMatchObject({ leadId: mayId(1), owner: '张伟' });
    expect(ledger(runtime)).toHaveLength(1);
    expect(() => claim(runtime, LI, mayId(1))).toThrow('不在公海中');
  });

  it('takes a claim refused at the very end back out, so it does not count against the day', () => {
    const givenMeanwhile = managerGivesItAway();
    const runtime = cappedAtOne();
    givenMeanwhile(runtime);
    expect(() => claim(runtime, ZHANG, mayId(1))).toThrow(`${mayId(1)} 不在公海中。`);
    expect(runtime.people.acted).toHaveLength(1);
    expect(ledger(runtime).filter((row) => row[1] !== '')).toEqual([]);
    expect(claim(runtime, ZHANG, mayId(2))).toMatchObject({ leadId: mayId(2), claimsLeft: 0 });
    expect(ledger(runtime).filter((row) => row[1] !== '')).toHaveLength(1);
  });

  it('never counts a claim refused at the end, when it dies at any call and is repeated', () => {
    const givenMeanwhile = managerGivesItAway();
    const refused = cappedAtOne();
    givenMeanwhile(refused);
    const { calls: refusedCalls } = refused.measure(() =>
      expect(() => claim(refused, ZHANG, mayId(1))).toThrow('不在公海中'),
    );
    let givenAway = 0;
    for (let k = 1; k <= refusedCalls.length; k++) {
      const runtime = cappedAtOne();
      givenMeanwhile(runtime);
      runtime.kernel.failAtCall = k;
      expect(() => claim(runtime, ZHANG, mayId(1))).toThrow();
      runtime.kernel.failAtCall = undefined;
      const managerActed = runtime.people.acted.length > 0;
      runtime.kernel.advance(60_000);
      let answer: unknown;
      try {
        answer = claim(runtime, ZHANG, mayId(1));
      } catch (error) {
        answer = (error as Error).message;
      }
      const claimed = ledger(runtime).filter((row) => row[1] !== '');
      expect([k, [...idCounts(runtime).values()].every((n) => n === 1)]).toEqual([k, true]);
      if (managerActed) {
        givenAway++;
        // The lead is 李娜's, the repeat says so, and 张伟 may still claim another today.
        expect([k, answer]).toEqual([k, expect.stringMatching(/李娜|不在公海中/)]);
        expect([k, claimed]).toEqual([k, []]);
        expect([k, claim(runtime, ZHANG, mayId(2))]).toEqual([
          k,
          expect.objectContaining({ leadId: mayId(2), claimsLeft: 0 }),
        ]);
      } else {
        // Died before the manager acted: the repeat claims the lead, once.
        expect([k, answer]).toEqual([k, expect.objectContaining({ leadId: mayId(1) })]);
        expect([k, claimed.length]).toEqual([k, 1]);
        expect([k, leadOf(runtime, mayId(1))?.['负责人']]).toEqual([k, '张伟']);
      }
    }
    expect(givenAway).toBeGreaterThan(3);
  });

  it('keeps a claim that took effect when the lead is put back in the pool by hand without a Pooled at', () => {
    const runtime = workbook();
    claim(runtime, ZHANG, mayId(1));
    // A person moves the lead back by hand: its Leads row cut, a Pool row pasted with no Pooled
    // at, and a manager names 李娜 as its owner.
    const leadsRow = rowsOf(runtime, LEADS).findIndex((r) => r['线索编号'] === mayId(1)) + 2;
    const cells = runtime.values(LEADS)[leadsRow - 1];
    runtime.sheet(LEADS).deleteRow(leadsRow);
    const header = runtime.values(POOL)[0];
    const poolRow = header.map((name) => {
      if (name === '负责人') return '李娜';
      const at = runtime.values(LEADS)[0].indexOf(name);
      return at >= 0 ? cells[at] : '';
    });
    runtime.type(POOL, runtime.values(POOL).length + 1, 1, [poolRow]);
    expect(() => claim(runtime, ZHANG, mayId(1))).toThrow('李娜');
    expect(ledger(runtime).filter((row) => row[1] === mayId(1))).toHaveLength(1);
  });

  it('says which rule refuses in English too', () => {
    const runtime = workbook();
    setSetting(runtime, '语言', '英文');
    setSetting(runtime, '每日领取上限', 1);
    claim(runtime, ZHANG, mayId(1));
    expect(() => claim(runtime, ZHANG, mayId(2))).toThrow(
      'Claims per day: you have claimed 1 pool leads today, the limit.',
    );
  });

  it('counts claims and the wins among them per owner in the Analysis', () => {
    const runtime = workbook();
    claim(runtime, ZHANG, mayId(1));
    claim(runtime, ZHANG, mayId(2));
    claim(runtime, LI, mayId(3));
    runtime.as(ZHANG).invoke(
      'submitFollowUp',
      [
        {
          leadId: mayId(1),
          method: 'visit',
          content: '签约',
          outcome: { result: 'won', amount: 60, keyFactors: '案例' },
        },
      ],
      { execution: 'sidebar' },
    );
    runtime.invoke('refreshAnalysis');
    const analysis = runtime.values('转化分析');
    const title = analysis.findIndex((row) => row[0] === '各负责人领取公海线索');
    expect(analysis[title + 1].slice(0, 4)).toEqual(['负责人', '领取公海', '领取后成交', '转化率']);
    // Owners in the order the owner table lists them (李娜 owns the first lead).
    expect(analysis.slice(title + 2, title + 4).map((row) => row.slice(0, 4))).toEqual([
      ['李娜', 1, 0, 0],
      ['张伟', 2, 1, 0.5],
    ]);
  });

  it('loses and doubles nothing when it dies at any call and is repeated', () => {
    const clean = workbook();
    const { calls } = clean.measure(() => claim(clean, ZHANG, mayId(1)));
    expect(calls.length).toBeGreaterThan(10);
    for (let k = 1; k <= calls.length; k++) {
      const runtime = workbook();
      runtime.kernel.failAtCall = k;
      let failed = false;
      try {
        claim(runtime, ZHANG, mayId(1));
      } catch {
        failed = true;
      }
      runtime.kernel.failAtCall = undefined;
      runtime.kernel.advance(60_000);
      if (failed) claim(runtime, ZHANG, mayId(1));
      const ids = idCounts(runtime);
      expect([k, [...ids.values()].every((n) => n === 1)]).toEqual([k, true]);
      expect([k, ids.size]).toEqual([k, 7]);
      expect([k, poolIds(runtime)]).toEqual([k, [2, 3, 4, 5, 6].map(mayId)]);
      expect([k, leadOf(runtime, mayId(1))?.['负责人']]).toEqual([k, '张伟']);
      expect([k, ledger(runtime).length]).toEqual([k, 1]);
      const logged = runtime
        .values(LOG)
        .filter((r) => r[1] === '领取公海线索' && r[2] === `${mayId(1)} → 张伟`);
      expect([k, logged.length <= 1]).toEqual([k, true]);
    }
  });

  it('is finished by the hourly job when a claim died after naming its owner and is never repeated', () => {
    const clean = workbook();
    const { calls } = clean.measure(() => claim(clean, ZHANG, mayId(1)));
    let finishedByHour = 0;
    for (let k = 1; k <= calls.length; k++) {
      const runtime = workbook();
      runtime.kernel.failAtCall = k;
      try {
        claim(runtime, ZHANG, mayId(1));
        continue;
      } catch {
        // Died at call k.
      }
      const pooled = rowsOf(runtime, POOL).find((r) => r['线索编号'] === mayId(1));
      if (pooled?.['负责人'] !== '张伟') continue;
      finishedByHour++;
      runtime.kernel.advance(60_000);
      runtime.invoke('runHourlyNow');
      expect([k, idCounts(runtime).get(mayId(1))]).toEqual([k, 1]);
      expect([k, leadOf(runtime, mayId(1))?.['负责人']]).toEqual([k, '张伟']);
      // A claim that took effect counts against the day, even never repeated.
      expect([k, ledger(runtime).length]).toEqual([k, 1]);
    }
    expect(finishedByHour).toBeGreaterThan(5);
  });
});
