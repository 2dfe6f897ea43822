// A team pastes 30,000 leads from another system without Lead IDs (too many for the edit trigger's
// 30 seconds): the next hourly run numbers, scores and dates every one of them in one go, where a
// list grown by push(...items) past ~120,000 changes overflowed the stack and failed the run.

import { rowsOf } from '../support/runtime';
import { automationWorkbook, gradeALead, LEADS } from '../support/automation';

const PASTED = 30_000;

describe('the hourly job after a paste of 30,000 leads', () => {
  it('numbers, scores and dates every one of them in one run', () => {
    const leads = Array.from({ length: PASTED }, (_, i) => gradeALead(i + 1, { enteredAt: '' }));
    const runtime = automationWorkbook(leads);
    runtime.invoke('runHourlyNow');
    const rows = rowsOf(runtime, LEADS);
    expect(rows).toHaveLength(PASTED);
    const ids = new Set(rows.map((row) => row['线索编号']));
    expect(ids.size).toBe(PASTED);
    expect(rows.every((row) => /^202405\d{3,}-展会$/.test(String(row['线索编号'])))).toBe(true);
    expect(rows.every((row) => row['线索等级'] === 'A' && row['录入时间'] instanceof Date)).toBe(
      true,
    );
  });
});
