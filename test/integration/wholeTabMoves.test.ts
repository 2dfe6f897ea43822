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
  it('keeps the run’s later value and logs the value the person had typed', () => {
    const runtime = automationWorkbook([gradeALead(1, { id: mayId(1), enteredAt: ago(HOUR) })]);
    const scoreColumn = runtime.values(LEADS)[0].indexOf('评分') + 1;
    // After the run has read Leads (its header, then the scoring columns), before it writes;
    // a pass has run before, so this one reads the scoring columns apart.
    runtime.invoke('scoreAllLeads');
    const { calls } = runtime.measure(() => runtime.invoke('scoreAllLeads'));
    const leadsRead = calls.find(
      (c) => c.sheet === LEADS && c.method.endsWith('batchGetByDataFilter'),
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
