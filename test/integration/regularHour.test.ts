// A regular hour reads a few columns of every lead and whole rows only of the leads it acts on:
// it leaves the workbook, the Log and the mail exactly as an hour that reads everything, and it
// reads everything again the next day and after the scoring rules change.

import type { LocalAppsScript } from '../../gas-local/runtime';
import {
  ago,
  automationWorkbook,
  DAY,
  dayUnderWay,
  gradeALead,
  HOUR,
  LEADS,
  mayId,
  POOL,
  setSetting,
  T0,
} from '../support/automation';
import { CONVERSIONS } from '../support/archive';
import { EVERY_ROW_KEYS } from '../../src/method/pool/regularHour';

const STATE = '_LeadTrackerState';
const LOG = '运行日志';
const COUNT = 400;

/** Owned leads followed up lately, with a few of every kind a regular hour acts on. */
function leads(): unknown[][] {
  return Array.from({ length: COUNT }, (_, i) => {
    const owned = {
      id: mayId(i),
      owner: ['张伟', '李娜', '王芳'][i % 3],
      status: '跟进中',
      enteredAt: ago(20 * DAY),
      assignedAt: ago(10 * DAY),
      firstContactAt: ago(9 * DAY),
      lastFollowUpAt: ago(DAY),
      nextFollowUpDue: new Date(T0.getTime() + (i % 3) * DAY),
    };
    if (i % 50 === 1) return gradeALead(i, { ...owned, lastFollowUpAt: ago(8 * DAY) });
    if (i % 50 === 2) return gradeALead(i, { id: mayId(i), enteredAt: ago(2 * HOUR) });
    if (i % 50 === 3) return gradeALead(i, { ...owned, nextFollowUpDue: '' });
    if (i % 50 === 4) return gradeALead(i, { ...owned, status: '成交' });
    if (i % 50 === 5)
      return gradeALead(i, { ...owned, firstContactAt: '', firstContactDue: ago(HOUR) });
    // A new lead with the phone of the owned lead above it: a possible duplicate.
    if (i % 50 === 6)
      return gradeALead(i, { id: mayId(i), phone: `1390000${String(i - 1).padStart(4, '0')}` });
    return gradeALead(i, owned);
  });
}

/** The day so far: a full pass, the Analysis, the week's report and the archive, an hour ago. */
function regularHour(): { runtime: LocalAppsScript; fire: () => void } {
  const runtime = automationWorkbook(leads());
  runtime.type(POOL, 2, 1, [gradeALead(900, { id: '202404001-展会', owner: '李娜' })]);
  runtime.kernel.setNow(T0.getTime() - HOUR);
  const fire = dayUnderWay(runtime);
  runtime.kernel.setNow(T0);
  // Since then: a lead pasted without an ID or a score, and a lost deal recorded by hand.
  runtime.type(LEADS, COUNT + 2, 1, [gradeALead(COUNT, { enteredAt: '' })]);
  runtime.type(CONVERSIONS, 2, 1, [
    [mayId(10), '流失', '', '选择竞品', 10, '张伟', '', '', ago(HOUR)],
  ]);
  return { runtime, fire };
}

/** Forgets the day's full pass, so the hour reads every lead whole. */
function forgetFullPass(runtime: LocalAppsScript): void {
  const row = runtime.values(STATE).findIndex((line) => line[0] === 'fullScoringPass');
  if (row >= 0) runtime.type(STATE, row + 1, 1, [['', '']]);
}

/** The largest single read of Leads in one run: the snapshot of every lead. */
const snapshotCells = (runtime: LocalAppsScript, run: () => void) =>
  Math.max(
    ...runtime
      .measure(run)
      .calls.filter((c) => c.sheet === LEADS)
      .map((c) => c.cellsRead),
  );

/** Every cell of Leads as it is now, header included. */
const everyCell = (runtime: LocalAppsScript) =>
  runtime.values(LEADS).length * runtime.values(LEADS)[0].length;

const outcome = (runtime: LocalAppsScript) => ({
  leads: runtime.values(LEADS),
  pool: runtime.values(POOL),
  log: runtime.values(LOG),
  mail: runtime.mail._sent.map((m) => [m.to, m.subject, m.htmlBody ?? m.body]),
});

describe('a regular hour', () => {
  it('does what an hour reading every lead whole does, reading a few columns of most leads', () => {
    const narrow = regularHour();
    const whole = regularHour();
    forgetFullPass(whole.runtime);
    const rows = narrow.runtime.values(LEADS).length - 1;
    expect(everyCell(whole.runtime)).toBe(everyCell(narrow.runtime));
    expect(snapshotCells(whole.runtime, whole.fire)).toBeGreaterThanOrEqual(
      everyCell(narrow.runtime),
    );
    expect(snapshotCells(narrow.runtime, narrow.fire)).toBe(rows * EVERY_ROW_KEYS.length);
    const done = outcome(narrow.runtime);
    expect(done).toEqual(outcome(whole.runtime));
    // It did something: pooled the quiet leads, assigned and flagged the new ones, numbered the pasted one.
    const ids = done.pool.map((row) => row[0]);
    expect(ids).toEqual(expect.arrayContaining([mayId(1), mayId(51)]));
    const header = done.leads[0];
    const at = (name: string) => header.indexOf(name);
    const row = (id: string) => done.leads.find((line) => line[at('线索编号')] === id) ?? [];
    expect(row(mayId(2))[at('负责人')]).not.toBe('');
    expect(row(mayId(6))[at('疑似重复')]).toContain(mayId(5));
    expect(row(mayId(3))[at('下次跟进时间')]).toBeInstanceOf(Date);
    expect(row(mayId(10))[at('状态')]).toBe('流失');
    const pasted = done.leads.find((line) => line[at('联系人')] === `客户${COUNT}`) ?? [];
    expect(pasted[at('线索编号')]).toMatch(/^202405\d{3}-展会$/);
    expect(pasted[at('线索等级')]).toBe('A');
  });

  // Each ask is a call; the spreadsheet's ID and a tab's never change within a run.
  it('asks the spreadsheet for its ID, and each tab for its own, once or twice', () => {
    const { runtime, fire } = regularHour();
    const { calls } = runtime.measure(fire);
    const asks = (method: string) => calls.filter((c) => c.method === method);
    expect(asks('getId').length).toBeLessThanOrEqual(2);
    const perTab = new Map<string, number>();
    for (const call of asks('getSheetId'))
      perTab.set(call.sheet ?? '', (perTab.get(call.sheet ?? '') ?? 0) + 1);
    expect([...perTab.values()].every((n) => n <= 2)).toBe(true);
  });

  it('puts back the cells of leads it never read whole when a person sorts just as it writes', () => {
    const clean = regularHour();
    const { calls } = clean.runtime.measure(clean.fire);
    const write = calls.find((c) => c.sheet === LEADS && c.method.endsWith('Values.batchUpdate'));
    const { runtime, fire } = regularHour();
    const phone = runtime.values(LEADS)[0].indexOf('联系方式') + 1;
    runtime.people.before(write?.dataIndex ?? 0, (person) =>
      person.sort(LEADS, phone, { ascending: false }),
    );
    fire();
    expect(runtime.people.acted).toHaveLength(1);
    const byId = (rt: LocalAppsScript) => {
      const [header, ...rows] = rt.values(LEADS);
      const at = (name: string) => header.indexOf(name);
      const keep = ['负责人', '分配时间', '首次触达截止', '线索等级', '状态'];
      return new Map(rows.map((row) => [row[at('线索编号')], keep.map((name) => row[at(name)])]));
    };
    expect(byId(runtime)).toEqual(byId(clean.runtime));
    // Scores it could not put back are refilled by a full pass the next hour.
    runtime.kernel.advance(HOUR);
    clean.runtime.kernel.advance(HOUR);
    const score = (rt: LocalAppsScript) => {
      const [header, ...rows] = rt.values(LEADS);
      const id = header.indexOf('线索编号');
      const at = header.indexOf('评分');
      return new Map(rows.map((row) => [row[id], row[at]]));
    };
    expect(snapshotCells(runtime, fire)).toBeGreaterThanOrEqual(everyCell(runtime));
    clean.fire();
    expect(score(runtime)).toEqual(score(clean.runtime));
  });

  it('is what runHourly() does without its trigger too; the menu’s run reads every lead whole', () => {
    const { runtime } = regularHour();
    const invoke = (name: string) => () => void runtime.invoke(name);
    expect(snapshotCells(runtime, invoke('runHourly'))).toBeLessThan(everyCell(runtime));
    runtime.kernel.advance(HOUR);
    expect(snapshotCells(runtime, invoke('runHourlyNow'))).toBeGreaterThanOrEqual(
      everyCell(runtime),
    );
  });

  it('reads every lead whole on the next day and after the scoring rules change', () => {
    const { runtime, fire } = regularHour();
    const hour = () => {
      const cells = everyCell(runtime);
      return snapshotCells(runtime, fire) >= cells ? 'whole' : 'narrow';
    };
    expect(hour()).toBe('narrow');
    runtime.kernel.advance(HOUR);
    expect(hour()).toBe('narrow');
    setSetting(runtime, '产品定价(万)', 80);
    runtime.kernel.advance(HOUR);
    expect(hour()).toBe('whole');
    runtime.kernel.advance(HOUR);
    expect(hour()).toBe('narrow');
    // The next day, with its Analysis and archive done already: the scores need today's date.
    runtime.kernel.advance(DAY);
    runtime.invoke('refreshAnalysis');
    runtime.invoke('archiveClosedLeads');
    expect(hour()).toBe('whole');
    runtime.kernel.advance(HOUR);
    expect(hour()).toBe('narrow');
  });
});
