// Moving every lead out of a tab at once, which Google refuses to do by deleting every non-frozen
// row, and the Log naming a person's value that a run wrote over.

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
} from '../support/automation';

/** Cuts a tab down to its header and data rows, as a tidy person or an import leaves it. */
function trim(runtime: LocalAppsScript, tab: string): void {
  const data = runtime.sheet(tab)._data;
  const last = data.lastRow();
  if (data.maxRows > last) data.deleteRows(last, data.maxRows - last);
  expect(runtime.sheet(tab).getMaxRows()).toBe(last);
}

const logText = (runtime: LocalAppsScript) =>
  runtime
    .values('运行日志')
    .map((row) => row.join(' '))
    .join('\n');

describe('moving every lead of a tab', () => {
  it('returns every pool lead at once though Google will not delete every non-frozen row', () => {
    const runtime = automationWorkbook([], undefined, 40);
    runtime.type(
      POOL,
      2,
      1,
      [1, 2, 3].map((i) => gradeALead(i, { id: mayId(i), owner: '张伟', enteredAt: ago(DAY) })),
    );
    trim(runtime, POOL);
    runtime.invoke('returnPoolLeads');
    expect(rowsOf(runtime, POOL)).toEqual([]);
    expect(rowsOf(runtime, LEADS).map((l) => l['线索编号'])).toEqual([1, 2, 3].map(mayId));
    // The next run finds nothing left half done, and nothing is doubled.
    runtime.invoke('returnPoolLeads');
    expect([...idCounts(runtime).values()]).toEqual([1, 1, 1]);
  });

  it('pools every lead of Leads at once, and the next run repeats nothing', () => {
    const runtime = automationWorkbook(
      [1, 2, 3].map((i) =>
        gradeALead(i, { id: mayId(i), owner: '张伟', assignedAt: ago(10 * DAY) }),
      ),
      undefined,
      40,
    );
    trim(runtime, LEADS);
    runtime.invoke('runHourlyNow');
    expect(rowsOf(runtime, LEADS)).toEqual([]);
    expect(rowsOf(runtime, POOL).map((l) => l['线索编号'])).toEqual([1, 2, 3].map(mayId));
    runtime.kernel.advance(HOUR);
    runtime.invoke('runHourlyNow');
    expect([...idCounts(runtime).values()]).toEqual([1, 1, 1]);
    expect(logText(runtime)).not.toContain('失败');
  });
});

describe('a person and a run changing the same cell', () => {
  // A first pass reads the whole tab; a later one the header, then the scoring columns.
  it.each([
    { pass: 'a first pass', before: 0, read: 'getValues' },
    { pass: 'a pass after another', before: 1, read: 'batchGetByDataFilter' },
  ])('keeps the run’s later value and logs the value the person had typed, in $pass', (c) => {
    const runtime = automationWorkbook([gradeALead(1, { id: mayId(1), enteredAt: ago(HOUR) })]);
    const scoreColumn = runtime.values(LEADS)[0].indexOf('评分') + 1;
    for (let i = 0; i < c.before; i++) runtime.invoke('scoreAllLeads');
    // After the run has read Leads' rows, before it writes: found on a run that changes nothing,
    // whose calls are the same up to there.
    const probe = automationWorkbook([gradeALead(1, { id: mayId(1), enteredAt: ago(HOUR) })]);
    for (let i = 0; i < c.before; i++) probe.invoke('scoreAllLeads');
    const { calls } = probe.measure(() => probe.invoke('scoreAllLeads'));
    const leadsRead = calls.find(
      (call) => call.sheet === LEADS && call.method.endsWith(c.read) && call.cellsRead > 0,
    );
    expect(leadsRead?.dataIndex).toBeDefined();
    runtime.type(LEADS, 2, scoreColumn, [['']]);
    runtime.people.before((leadsRead?.dataIndex ?? 0) + 1, (person) =>
      person.type(LEADS, 2, scoreColumn, 99),
    );
    runtime.invoke('scoreAllLeads');
    expect(rowsOf(runtime, LEADS)[0]['评分']).toBe(90);
    expect(logText(runtime)).toContain(`${mayId(1)}「评分」：99 → 90`);
  });
});
