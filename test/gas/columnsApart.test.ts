// Columns far apart read without the Sheets service: each run in its own call, the Lead IDs again
// last, and nothing returned (the caller reads the span at once) when rows moved in between.

import { apartCostsLess, readColumnsApart } from '../../src/gas/columnsApart';
import { fakeSheet } from '../support/fakeSheet';

const ROWS = 3_000;
/** A long tab: Lead ID in A, a value in column U (0-based 20), nothing between. */
function longTab() {
  const rows: unknown[][] = [['Lead ID', ...Array<unknown>(19).fill(''), 'Owner']];
  for (let i = 0; i < ROWS; i++) rows.push([`L${i}`, ...Array<unknown>(19).fill(''), `O${i}`]);
  return fakeSheet(rows);
}

describe('apartCostsLess', () => {
  it('weighs a call against the cells of the columns between', () => {
    expect(apartCostsLess([0, 20], ROWS)).toBe(true);
    expect(apartCostsLess([0, 20], 100)).toBe(false);
    expect(apartCostsLess([0, 1, 2], ROWS)).toBe(false);
  });
});

describe('readColumnsApart', () => {
  it('reads the ID column, the other run and the IDs again, to the last row with content', () => {
    const tab = longTab();
    const read = readColumnsApart(tab.sheet, 2, undefined, [0, 20], 0);
    expect(read?.rowCount).toBe(ROWS);
    expect(read?.byColumn.get(0)?.[5]).toBe('L5');
    expect(read?.byColumn.get(20)?.[ROWS - 1]).toBe(`O${ROWS - 1}`);
    expect(tab.calls.filter((c) => c === 'getValues')).toHaveLength(3);
  });

  it('reads a given number of rows without asking how long the tab is', () => {
    const tab = longTab();
    const read = readColumnsApart(tab.sheet, 2, 2_000, [0, 20], 0);
    expect(read?.rowCount).toBe(2_000);
    expect(tab.calls).not.toContain('getLastRow');
  });

  it('gives nothing when a person moved rows between the reads', () => {
    const tab = longTab();
    let reads = 0;
    tab.before('getValues', () => reads++);
    tab.before('getValues', () => {
      reads++;
      const [moved] = tab.data.splice(1, 1);
      tab.data.push(moved);
    });
    expect(readColumnsApart(tab.sheet, 2, undefined, [0, 20], 0)).toBeUndefined();
    expect(reads).toBe(2);
  });

  it('gives nothing when a row with content has no ID, whose move would go unseen', () => {
    const tab = longTab();
    tab.data[10][0] = '';
    expect(readColumnsApart(tab.sheet, 2, undefined, [0, 20], 0)).toBeUndefined();
  });

  it('gives nothing, reading nothing, where one read of the span costs less', () => {
    const tab = longTab();
    expect(readColumnsApart(tab.sheet, 2, 50, [0, 20], 0)).toBeUndefined();
    expect(tab.calls).not.toContain('getValues');
  });

  it('gives nothing when a person deleted rows under the read', () => {
    const tab = longTab();
    tab.before('getValues', () => tab.deleteRow(2));
    tab.before('getValues', () => tab.deleteRow(2));
    expect(readColumnsApart(tab.sheet, 2, ROWS, [0, 20], 0)).toBeUndefined();
  });
});
