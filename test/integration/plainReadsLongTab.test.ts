// Without the Sheets service, a long Leads tab is not read whole for each step: a commit reads the
// Lead ID and the changed columns apart (the IDs again last), leads to pool are read row by row
// where they were seen, and a deletion is checked by the ID and identity columns. A person who
// sorts, inserts, deletes or types before any of those calls loses nothing: no lead is doubled or
// lost, and every value stays on its own lead's row.

import type { LocalAppsScript } from '../../gas-local/runtime';
import type { People } from '../../gas-local/people';
import { rowsOf } from '../support/runtime';
import {
  addQuietLeads,
  ago,
  automationWorkbook,
  DAY,
  gradeALead,
  HOUR,
  idCounts,
  LEADS,
  mayId,
  POOL,
  takeSpareRows,
} from '../support/automation';

const TEAM = [
  { name: '张伟', email: 'zhang@example.com', role: '销售' as const },
  { name: '赵经理', email: 'boss@example.com', role: '经理' as const },
];

/**
 * Leads the run leaves alone, owned by the manager: an owner or time written on the wrong row
 * shows. Enough of them that reading a few columns apart costs less than the span between.
 */
const QUIET = 1_500;
const managers = (i: number, fields: Record<string, unknown>) =>
  gradeALead(i, { ...fields, owner: '赵经理' });

/** Below the quiet ones: two stale leads to pool and a new lead to assign. */
const ACTIVE = [
  gradeALead(1601, { id: mayId(1601), owner: '张伟', assignedAt: ago(9 * DAY) }),
  gradeALead(1602, { id: mayId(1602), owner: '张伟', assignedAt: ago(10 * DAY) }),
  gradeALead(1603, { id: mayId(1603), enteredAt: ago(HOUR) }),
];
const ROWS = QUIET + ACTIVE.length;

function workbook(): LocalAppsScript {
  const runtime = automationWorkbook([], TEAM, undefined, { withoutAdvancedServices: true });
  addQuietLeads(
    runtime,
    Array.from({ length: QUIET }, (_, i) => i + 1),
    managers,
  );
  runtime.type(LEADS, QUIET + 2, 1, ACTIVE);
  runtime.invoke('scoreAllLeads');
  // The pass kept blank rows below the pasted leads; a person took them away again: no spare
  // rows, so every read to the end reaches the grid's last row.
  takeSpareRows(runtime, LEADS);
  return runtime;
}

const run = (runtime: LocalAppsScript) => void runtime.invoke('runHourlyNow');

const column = (runtime: LocalAppsScript, header: string) =>
  runtime.values(LEADS)[0].indexOf(header) + 1;

function rowOfContact(runtime: LocalAppsScript, contact: string): number | undefined {
  const [header, ...rows] = runtime.values(LEADS);
  const at = header.indexOf('联系人');
  const index = rows.findIndex((row) => row[at] === contact);
  return index < 0 ? undefined : index + 2;
}

/** Every lead across Leads and Pool by contact: the tab and cells of each copy. */
function leadsByContact(runtime: LocalAppsScript): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const tab of [LEADS, POOL])
    for (const row of rowsOf(runtime, tab)) {
      const contact = String(row['联系人'] ?? '');
      if (!contact) continue;
      const cells = [row['线索编号'], row['负责人'], row['分配时间'], row['线索等级']];
      const seen = `${tab} ${cells.map((cell) => String(cell)).join(' · ')}`;
      found.set(contact, [...(found.get(contact) ?? []), seen]);
    }
  return found;
}

const TYPED = '下周二上门演示';

const KINDS: { name: string; act: (runtime: LocalAppsScript) => (person: People) => void }[] = [
  {
    name: 'sorts the tab by phone, Z to A',
    act: (rt) => (person) => person.sort(LEADS, column(rt, '联系方式'), { ascending: false }),
  },
  { name: 'inserts a row near the top', act: () => (person) => person.insertRowBefore(LEADS, 3) },
  {
    name: 'deletes a quiet lead',
    act: (rt) => (person) => {
      const row = rowOfContact(rt, '客户5');
      if (row) person.deleteRow(LEADS, row);
    },
  },
  {
    name: 'types a Need into the lead the run assigns',
    act: (rt) => (person) => {
      const row = rowOfContact(rt, '客户1603');
      if (row) person.type(LEADS, row, column(rt, '需求描述'), TYPED);
    },
  },
];

/** The run's data calls on Leads, from one clean run. */
function callsOnLeads(): { index: number; method: string; cells: number }[] {
  const runtime = workbook();
  const { calls } = runtime.measure(() => run(runtime));
  return calls.flatMap((c) =>
    c.dataIndex !== undefined && c.sheet === LEADS
      ? [{ index: c.dataIndex, method: c.method, cells: c.cellsRead }]
      : [],
  );
}

describe('an hourly run on a long tab without the Sheets service', () => {
  const calls = callsOnLeads();
  const reads = calls.filter((c) => c.method === 'getValues');
  const width = column(workbook(), '录入时间');

  // The Analysis counts from the run's own read, and the day's archive, with nothing due, reads
  // only the columns that tell.
  it('reads the tab whole only for its snapshot and before deleting rows', () => {
    expect(reads.filter((c) => c.cells >= (ROWS - ACTIVE.length) * width)).toHaveLength(2);
  });

  it('reads the Lead IDs apart from the changed cells, and again last, before and after writing', () => {
    expect(reads.filter((c) => c.cells === ROWS)).toHaveLength(4);
  });

  it('reads the leads to pool on their own rows, and checks the deletion by IDs and names', () => {
    expect(reads.filter((c) => c.cells === 2 * width)).toHaveLength(1);
    expect(reads.filter((c) => c.cells === (ROWS - 2) * 5)).toHaveLength(1);
  });

  const clean = workbook();
  run(clean);
  run(clean);
  const expected = leadsByContact(clean);
  // A person acts before each call from the commit's first read apart to the deletion's check.
  const first = calls.find((c) => c.cells === ROWS)?.index ?? 0;
  const last = calls.find((c) => c.cells === (ROWS - 2) * 5)?.index ?? 0;
  const swept = calls.filter((c) => c.index >= first && c.index <= last).map((c) => c.index);

  it.each(KINDS)('loses nothing when a person $name before any of them', (kind) => {
    expect(swept.length).toBeGreaterThan(12);
    for (const k of swept) {
      const runtime = workbook();
      runtime.people.before(k, kind.act(runtime));
      run(runtime);
      runtime.kernel.advance(60_000);
      run(runtime);
      const context = `${kind.name}, before data call ${k}`;
      const doubled = [...idCounts(runtime).entries()].filter(([, n]) => n !== 1);
      expect({ context, doubled }).toEqual({ context, doubled: [] });
      const found = leadsByContact(runtime);
      for (const [contact, want] of expected) {
        // A lead a person deletes as the run deletes rows is put back, never lost: either is right.
        if (kind.name === 'deletes a quiet lead' && contact === '客户5' && !found.has(contact))
          continue;
        expect({ context, contact, got: found.get(contact) }).toEqual({
          context,
          contact,
          got: want,
        });
      }
      if (kind.name.startsWith('types')) {
        const need = rowsOf(runtime, LEADS).find((row) => row['联系人'] === '客户1603')?.[
          '需求描述'
        ];
        expect({ context, need }).toEqual({ context, need: TYPED });
      }
    }
  });
});
