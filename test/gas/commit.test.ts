// A commit's write that a person's deletion left past the grid's end fails; its cells are placed
// again on the rows their leads hold now, and no cell the commit did not plan is ever written.

import { commitEdits, type CommitTarget } from '../../src/gas/commit';
import type { Spreadsheet } from '../../src/gas/workbook';
import { fakeSheet, type FakeSheet } from '../support/fakeSheet';

const UTC = { name: 'UTC', offsetMinutes: () => 0 };

/** Ten leads L0–L9 with a blank Status, in a grid that ends at the last of them. */
function tenLeads(): FakeSheet {
  const rows: unknown[][] = [['Lead ID', 'Status', 'Need']];
  for (let i = 0; i < 10; i++) rows.push([`L${i}`, '', '']);
  return fakeSheet(rows);
}

function targetOf(tab: FakeSheet): CommitTarget {
  return {
    spreadsheet: {} as Spreadsheet,
    sheet: tab.sheet,
    headerRow: 1,
    identity: { idColumn: 0, identityColumns: [] },
    zone: UTC,
    mode: 'ranges',
  };
}

const statusOf = (tab: FakeSheet, id: string) => tab.data.find((row) => row[0] === id)?.[1];
const setStatus = (ids: number[]) =>
  ids.map((i) => ({ key: `id:L${i}`, edits: [{ column: 1, value: 'Won', was: '' }] }));

describe('commitEdits, when a person deletes rows just before its write', () => {
  it('writes every lead of a range that then reached past the grid on the row it holds now', () => {
    const tab = tenLeads();
    // L9's row is the grid's last: the range for L5–L9 no longer fits.
    tab.before('setValues', () => tab.deleteRow(11));
    const result = commitEdits(targetOf(tab), setStatus([5, 6, 7, 8, 9]));
    expect([5, 6, 7, 8].map((i) => statusOf(tab, `L${i}`))).toEqual(['Won', 'Won', 'Won', 'Won']);
    expect(result.gone).toEqual(['id:L9']);
    expect(result.cellsWritten).toBe(4);
    expect(tab.data.slice(1, 6).map((row) => row[1])).toEqual(['', '', '', '', '']);
  });

  it('leaves alone a cell it never meant to write, which a person typed meanwhile', () => {
    const tab = tenLeads();
    tab.before('setValues', () => {
      tab.data[10][2] = 'call back Monday';
      tab.data[10][1] = 'Lost';
      tab.deleteRow(3);
      tab.deleteRow(3);
    });
    const result = commitEdits(targetOf(tab), setStatus([7, 8]));
    expect(statusOf(tab, 'L9')).toBe('Lost');
    expect(tab.data.find((row) => row[0] === 'L9')?.[2]).toBe('call back Monday');
    expect([statusOf(tab, 'L7'), statusOf(tab, 'L8')]).toEqual(['Won', 'Won']);
    expect(result.gone).toEqual([]);
  });

  it('still fails on an error that is not the grid shrinking', () => {
    const tab = tenLeads();
    tab.before('setValues', () => {
      throw new Error('You are trying to edit a protected cell or object.');
    });
    expect(() => commitEdits(targetOf(tab), setStatus([9]))).toThrow('protected cell');
  });
});
