// What a regular hour reads from Leads besides its one snapshot (issue 10): the commit reads the
// Lead ID column and the columns it changes, never whole rows, and a move to the pool reads the
// Lead ID column and the moving rows only, wherever they are.

import type { CallRecord } from '../../gas-local/kernel';
import {
  ago,
  automationWorkbook,
  DAY,
  gradeALead,
  HOUR,
  LEADS,
  mayId,
  POOL,
  T0,
} from '../support/automation';
import { rowsOf } from '../support/runtime';

const COUNT = 2_000;

const owned = (i: number, fields: Record<string, unknown> = {}) =>
  gradeALead(i, {
    id: mayId(i),
    owner: '张伟',
    status: '跟进中',
    assignedAt: ago(3 * DAY),
    lastFollowUpAt: ago(DAY),
    nextFollowUpDue: new Date(T0.getTime() + DAY),
    enteredAt: ago(5 * DAY),
    ...fields,
  });

/** Reads of Leads in call order, with the cells each read. */
const leadsReads = (calls: readonly CallRecord[]) =>
  calls.filter((c) => c.sheet === LEADS && c.cellsRead > 0);

describe('a regular hour beside 2,000 leads', () => {
  it('reads Leads whole once, then only the ID column with changed columns or moving rows', () => {
    const leads = Array.from({ length: COUNT }, (_, i) =>
      // Every 500th lead went quiet 8 days ago; the last ten came in without an owner.
      i >= COUNT - 10
        ? gradeALead(i, { id: mayId(i), enteredAt: ago(HOUR) })
        : owned(i, i % 500 === 7 ? { lastFollowUpAt: ago(8 * DAY), assignedAt: ago(9 * DAY) } : {}),
    );
    const runtime = automationWorkbook(leads);
    runtime.invoke('runHourlyNow');
    runtime.kernel.advance(HOUR);
    const width = runtime.values(LEADS)[0].length;
    // A new quiet lead and a new lead without owner for the next hour.
    runtime.type(LEADS, 2 + 100, 1, [
      owned(100, { lastFollowUpAt: ago(9 * DAY), assignedAt: ago(9 * DAY) }),
    ]);
    runtime.type(LEADS, COUNT + 2, 1, [
      gradeALead(COUNT, { id: mayId(COUNT), enteredAt: ago(HOUR) }),
    ]);
    const { calls } = runtime.measure(() => runtime.invoke('runHourlyNow'));
    const [snapshot, ...rest] = leadsReads(calls);
    const rows = COUNT + 1;
    expect(snapshot.cellsRead).toBeGreaterThanOrEqual(rows * width);
    for (const read of rest) {
      // The ID column and the six columns the new lead's score and assignment change, or the ID
      // column and one moving row.
      expect({ method: read.method, within: read.cellsRead <= 7 * rows + width }).toEqual({
        method: read.method,
        within: true,
      });
    }
    expect(rowsOf(runtime, POOL).map((l) => l['线索编号'])).toContain(mayId(100));
    const newLead = rowsOf(runtime, LEADS).find((l) => l['线索编号'] === mayId(COUNT));
    expect(newLead?.['负责人']).not.toBe('');
  });
});
