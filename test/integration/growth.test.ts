// Forty days of a busy team: 200 new leads a day, the hourly job from its time trigger with no
// active spreadsheet, leads going stale and coming back from the pool. Saved state and mail stay
// far inside Google's limits however long the sheet is used (SPEC §12).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalAppsScript } from '../../gas-local/runtime';
import { rowsOf } from '../support/runtime';
import {
  automationWorkbook,
  DAY,
  gradeALead,
  HOUR,
  idCounts,
  LEADS,
  POOL,
} from '../support/automation';

const DAYS = 40;
const LEADS_A_DAY = 200;
const KB = 1024;

/** Every cell of the hidden state tab, in characters: what the spreadsheet keeps for the product. */
function stateChars(runtime: LocalAppsScript): number {
  const name = runtime.spreadsheet._sheets
    .map((sheet) => sheet.getName())
    .find((tab) => tab.startsWith('_'));
  if (!name) return 0;
  return runtime
    .values(name)
    .flat()
    .reduce<number>((sum, cell) => sum + String(cell).length, 0);
}

/** A manager hands the ten best pool leads without an owner back out. */
function handBack(runtime: LocalAppsScript): void {
  const [header, ...rows] = runtime.values(POOL);
  const owner = header.indexOf('负责人');
  rows
    .map((row, i) => ({ row, sheetRow: i + 2 }))
    .filter(({ row }) => row[0] && !row[owner])
    .slice(0, 10)
    .forEach(({ sheetRow }) => runtime.type(POOL, sheetRow, owner + 1, [['李娜']]));
}

describe('forty days of growth', () => {
  it('keeps saved state and every e-mail far inside Google’s limits, and every lead once', () => {
    const runtime = automationWorkbook([]);
    runtime.invoke('installAutomation');
    const [trigger] = runtime.allTriggers();
    let next = 1;
    const sizes: number[] = [];
    for (let day = 1; day <= DAYS; day++) {
      const arrivals = Array.from({ length: LEADS_A_DAY }, () =>
        gradeALead(next, { phone: `13${String(next++).padStart(9, '0')}`, region: '华东' }),
      );
      const last = runtime.values(LEADS).length;
      runtime.type(LEADS, last + 1, 1, arrivals);
      if (day % 3 === 0) handBack(runtime);
      runtime.kernel.advance(DAY - HOUR);
      runtime.fireTimeTrigger(trigger.id);
      runtime.kernel.advance(HOUR);
      runtime.fireTimeTrigger(trigger.id);
      sizes.push(runtime.propertyBytes().total + stateChars(runtime));
    }

    expect(rowsOf(runtime, POOL).length).toBeGreaterThan(1000);
    expect([...idCounts(runtime).values()].every((n) => n === 1)).toBe(true);
    expect(idCounts(runtime).size).toBe(DAYS * LEADS_A_DAY);
    // Property stores together: a few hundred bytes, nowhere near the 100 KB budget.
    expect(runtime.propertyBytes().total).toBeLessThan(100 * KB);
    // What the spreadsheet keeps for the product stops growing with the number of leads.
    expect(stateChars(runtime)).toBeLessThan(100 * KB);
    expect(sizes[DAYS - 1]).toBeLessThan(sizes[19] * 1.5 + 10 * KB);
    // Every e-mail body far under Google's 200 KB.
    const bodies = runtime.mail._sent.map((mail) =>
      Math.max(Buffer.byteLength(mail.body), Buffer.byteLength(mail.htmlBody ?? '')),
    );
    expect(bodies.length).toBeGreaterThan(DAYS);
    expect(Math.max(...bodies)).toBeLessThan(100 * KB);
    const out = join(__dirname, '..', '..', 'out');
    mkdirSync(out, { recursive: true });
    writeFileSync(
      join(out, 'growth.json'),
      JSON.stringify(
        {
          days: DAYS,
          leads: idCounts(runtime).size,
          pool: rowsOf(runtime, POOL).length,
          propertyBytes: runtime.propertyBytes().total,
          stateCharsByDay: sizes,
          mails: bodies.length,
          largestBodyBytes: Math.max(...bodies),
        },
        null,
        2,
      ),
    );
  });
});
