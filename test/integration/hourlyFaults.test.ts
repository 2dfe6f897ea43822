// The hourly job can die at any service call without losing or doubling a lead or a reminder.

import type { LocalAppsScript, RuntimeOptions } from '../../gas-local/runtime';
import { rowsOf } from '../support/runtime';
import {
  automationWorkbook,
  DAY,
  HOUR,
  idCounts,
  LEADS,
  POOL,
  gradeALead,
  mayId,
  ago,
  addQuietLeads,
  dayUnderWay,
} from '../support/automation';

const lead = (i: number, fields: Record<string, unknown>) =>
  gradeALead(i, { id: mayId(i), enteredAt: ago(20 * DAY), ...fields });

/** Leads to assign, to pool (two adjacent, one apart), to remind, and a pool lead to return. */
function busyWorkbook(options: RuntimeOptions = {}): LocalAppsScript {
  const runtime = automationWorkbook(
    [
      lead(1, { owner: '张伟', assignedAt: ago(9 * DAY) }),
      lead(2, { owner: '李娜', assignedAt: ago(10 * DAY) }),
      lead(3, { owner: '张伟', assignedAt: ago(2 * DAY), firstContactDue: ago(DAY) }),
      lead(4, { owner: '王芳', assignedAt: ago(8 * DAY) }),
      lead(5, { enteredAt: ago(HOUR) }),
      lead(7, { phone: '13900000003', enteredAt: ago(HOUR) }),
      lead(6, {
        owner: '李娜',
        assignedAt: ago(3 * DAY),
        firstContactAt: ago(2 * DAY),
        lastFollowUpAt: ago(2 * DAY),
        nextFollowUpDue: ago(HOUR),
      }),
    ],
    undefined,
    60,
    options,
  );
  runtime.type(POOL, 2, 1, [lead(9, { owner: '王芳', enteredAt: ago(30 * DAY) })]);
  const pooledAtColumn = runtime.values(POOL)[0].indexOf('进入公海时间') + 1;
  runtime.type(POOL, 2, pooledAtColumn, [[ago(5 * DAY), '7天未跟进', '张伟', 1]]);
  return runtime;
}

/** Lead IDs each recipient was told about, with how often. */
function mentions(runtime: LocalAppsScript): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mail of runtime.mail._sent) {
    for (const id of new Set(mail.body.match(/2024\d{5}-展会/g) ?? [])) {
      const key = `${mail.to} ${id}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

const contacts = (runtime: LocalAppsScript) =>
  [...rowsOf(runtime, LEADS), ...rowsOf(runtime, POOL)]
    .map((l) => `${l['线索编号']} ${l['联系人']} ${l['联系方式']}`)
    .sort();

/** No lead lost or doubled, the pool as the clean run left it, no item mailed twice. */
function expectEveryLeadOnce(
  runtime: LocalAppsScript,
  expectedLeads: readonly string[],
  expectedPool: readonly unknown[],
): void {
  expect([...idCounts(runtime).entries()].filter(([, n]) => n !== 1)).toEqual([]);
  expect(contacts(runtime)).toEqual(expectedLeads);
  expect(
    rowsOf(runtime, POOL)
      .map((l) => l['线索编号'])
      .sort(),
  ).toEqual([...expectedPool].sort());
  expect([...mentions(runtime).entries()].filter(([, n]) => n > 1)).toEqual([]);
}

describe.each([
  { setUp: 'with the Sheets service', options: {} },
  // Code pasted in by hand: rows go one block per call, and appends one row per call.
  { setUp: 'without the Sheets service', options: { withoutAdvancedServices: true } },
])('the hourly job under failure, $setUp', ({ options }) => {
  it('keeps every lead exactly once and mails no item twice when it dies at any call and reruns', () => {
    const clean = busyWorkbook(options);
    const { calls } = clean.measure(() => clean.invoke('runHourlyNow'));
    const expectedLeads = contacts(clean);
    const expectedPool = rowsOf(clean, POOL)
      .map((l) => l['线索编号'])
      .sort();
    expect(expectedPool).toEqual(['202405001-展会', '202405002-展会', '202405004-展会']);
    expect(calls.length).toBeGreaterThan(50);
    for (let k = 1; k <= calls.length; k++) {
      const runtime = busyWorkbook(options);
      runtime.kernel.failAtCall = k;
      expect(() => runtime.invoke('runHourlyNow')).toThrow();
      runtime.kernel.advance(60_000);
      runtime.invoke('runHourlyNow');
      expectEveryLeadOnce(runtime, expectedLeads, expectedPool);
      // The duplicate of lead 3 stays flagged and unassigned whatever call failed.
      const duplicate = rowsOf(runtime, LEADS).find((l) => l['线索编号'] === mayId(7));
      expect(duplicate).toMatchObject({ 负责人: '', 疑似重复: `${mayId(3)}（负责人：张伟）` });
    }
  });

  it('keeps every lead once in a regular hour that reads only the leads it acts on', () => {
    // The day so far: a full pass, the Analysis, the week's report and the archive.
    const regularHour = () => {
      const runtime = busyWorkbook(options);
      addQuietLeads(runtime, [10, 11, 12, 13], lead);
      return { runtime, fire: dayUnderWay(runtime) };
    };
    const clean = regularHour();
    const [header] = clean.runtime.values(LEADS);
    const { calls } = clean.runtime.measure(clean.fire);
    // It read a few columns of every lead, not the whole tab: its one getValues is the header's.
    // (Without the service, SpreadsheetApp reads the span of those columns.)
    const wholeReads = calls.filter((c) => c.sheet === LEADS && c.method === 'getValues');
    if (!options.withoutAdvancedServices)
      expect(wholeReads.map((c) => c.cellsRead)).toEqual([10 * header.length]);
    const expectedLeads = contacts(clean.runtime);
    const expectedPool = rowsOf(clean.runtime, POOL).map((l) => l['线索编号']);
    expect(expectedPool.sort()).toEqual(['202405001-展会', '202405002-展会', '202405004-展会']);
    for (let k = 1; k <= calls.length; k++) {
      const { runtime, fire } = regularHour();
      runtime.kernel.failAtCall = k;
      expect(fire).toThrow();
      // A time-driven run that died leaves its lease to run out (7 minutes).
      runtime.kernel.advance(8 * 60_000);
      fire();
      expectEveryLeadOnce(runtime, expectedLeads, expectedPool);
    }
  });

  it('sends nothing new when run twice in a row', () => {
    const runtime = busyWorkbook(options);
    runtime.invoke('runHourlyNow');
    const sent = runtime.mail._sent.length;
    expect(sent).toBeGreaterThan(0);
    runtime.invoke('runHourlyNow');
    expect(runtime.mail._sent).toHaveLength(sent);
  });
});
