// A commit whose changed rows fall in over 1,000 runs reads just those rows in several calls, and
// turns to whole columns when a person's sort between two of those calls moved a lead.

import type { LocalAppsScript } from '../../gas-local/runtime';
import { SCORE_ALL_NARROW_READ } from '../../src/method/scoring/scorePass';
import { automationWorkbook, gradeALead, LEADS, mayId } from '../support/automation';

/**
 * Every tenth lead changes: 1,200 rows, each a run of its own, where reading them (three calls)
 * costs less than their columns over 12,000 rows.
 */
const COUNT = 12_000;
const EVERY = 10;
const NEED = '需求匹配度';

const leads = (need: (i: number) => string) =>
  Array.from({ length: COUNT }, (_, i) => gradeALead(i, { id: mayId(i), needFit: need(i) }));
const poorFit = (i: number) => (i % EVERY === 0 ? '不契合' : '完全契合');

/** Scored once; then every tenth lead's need is found a poor fit, typed without an edit event. */
function scoredThenChanged(): LocalAppsScript {
  const runtime = automationWorkbook(leads(() => '完全契合'));
  runtime.invoke('scoreAllLeads');
  const column = runtime.values(LEADS)[0].indexOf(NEED) + 1;
  for (let i = 0; i < COUNT; i += EVERY) runtime.type(LEADS, i + 2, column, [['不契合']]);
  return runtime;
}

/** Every lead's row by its Lead ID, whatever order the tab is in. */
function byId(runtime: LocalAppsScript): Map<unknown, unknown[]> {
  const [header, ...rows] = runtime.values(LEADS);
  const id = header.indexOf('线索编号');
  return new Map(rows.map((row) => [row[id], row]));
}

/**
 * The Leads reads of Score all leads through the Sheets service that its commit makes: all but
 * the first, the operation's own read of the scoring columns of every row.
 */
function commitReads(runtime: LocalAppsScript) {
  const { calls } = runtime.measure(() => runtime.invoke('scoreAllLeads'));
  const [own, ...reads] = calls.filter(
    (c) => c.sheet === LEADS && c.method.endsWith('batchGetByDataFilter') && c.cellsRead > 0,
  );
  expect(own.cellsRead).toBe(COUNT * SCORE_ALL_NARROW_READ.keys.length);
  return reads;
}

describe('a commit of changes scattered over more than 1,000 runs of rows', () => {
  let scoredOnce: Map<unknown, unknown[]> | undefined;
  /** The tab as one scoring of the changed leads leaves it. */
  const expected = () => {
    if (!scoredOnce) {
      const runtime = automationWorkbook(leads(poorFit));
      runtime.invoke('scoreAllLeads');
      scoredOnce = byId(runtime);
    }
    return scoredOnce;
  };

  it('reads only the changed rows, in several calls, and scores them as a full read would', () => {
    const runtime = scoredThenChanged();
    const reads = commitReads(runtime);
    // Several calls before writing and as many after.
    expect(reads.length).toBeGreaterThanOrEqual(4);
    // The Lead ID and the three score cells of the 1,200 rows, before writing and after.
    const cells = reads.reduce((sum, read) => sum + read.cellsRead, 0);
    expect(cells).toBe(2 * (COUNT / EVERY) * 4);
    expect(byId(runtime)).toEqual(expected());
  });

  // The commit's reads: three before writing (2,400 ranges), three after.
  it.each([1, 2, 3])(
    'loses nothing and reads whole columns when a person sorts just before its read %i (from 0)',
    (read) => {
      const clean = scoredThenChanged();
      const at = commitReads(clean)[read];
      const runtime = scoredThenChanged();
      const phone = runtime.values(LEADS)[0].indexOf('联系方式') + 1;
      runtime.people.before(at.dataIndex ?? 0, (person) =>
        person.sort(LEADS, phone, { ascending: false }),
      );
      const reads = commitReads(runtime);
      expect(runtime.people.acted).toHaveLength(1);
      expect(reads.some((r) => r.cellsRead >= COUNT)).toBe(true);
      expect(byId(runtime)).toEqual(expected());
    },
  );
});
