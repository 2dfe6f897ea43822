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

describe('commitEdits, placing again the cells of a failed write', () => {
  /** Leads L0–L(n-1) with a contact, then `extra` rows, in a grid that ends at the last row. */
  const withContacts = (extra: unknown[][] = [], n = 8) => {
    const rows: unknown[][] = [['Lead ID', 'Contact', 'Status', 'Owner']];
    for (let i = 0; i < n; i++) rows.push([`L${i}`, `c${i}`, '', '']);
    return fakeSheet([...rows, ...extra]);
  };
  const target = (tab: FakeSheet, identityColumns: number[] = []): CommitTarget => ({
    ...targetOf(tab),
    identity: { idColumn: 0, identityColumns },
  });

  it('gives each of two look-alike new rows its own Lead ID', () => {
    const tab = withContacts([
      ['', 'Ann', '', ''],
      ['', 'Ann', '', ''],
    ]);
    tab.before('setValues', () => tab.deleteRow(2));
    commitEdits(target(tab, [1]), [
      { key: 'new:["Ann"]', edits: [{ column: 0, value: 'LD-8', was: '' }] },
      { key: 'new:["Ann"]', edits: [{ column: 0, value: 'LD-9', was: '' }] },
    ]);
    expect(tab.data.slice(-2).map((row) => row[0])).toEqual(['LD-8', 'LD-9']);
  });

  it('keeps each of two rows with one Lead ID on its own turn', () => {
    const tab = withContacts([], 10);
    tab.data[3][0] = 'D';
    tab.data[10][0] = 'D';
    tab.before('setValues', () => tab.deleteRow(7));
    commitEdits(targetOf(tab), [
      { key: 'id:D', edits: [{ column: 2, value: 'A', was: '' }] },
      { key: 'id:D', edits: [{ column: 2, value: 'B', was: '' }] },
    ]);
    expect(tab.data.filter((row) => row[0] === 'D').map((row) => row[2])).toEqual(['A', 'B']);
  });

  it('does not take its own misplaced value for a person’s, nor yield to it', () => {
    const tab = withContacts([], 10);
    tab.before('setValues', () => tab.deleteRow(2));
    const result = commitEdits(targetOf(tab), [
      {
        key: 'id:L8',
        edits: [
          { column: 2, value: 'Hot', was: '' },
          { column: 3, value: 'Bob', was: '', yieldGroup: 'assign' },
        ],
      },
      { key: 'id:L9', edits: [{ column: 3, value: 'Cat', was: '', yieldGroup: 'assign' }] },
    ]);
    const row = (id: string) => tab.data.find((line) => line[0] === id);
    expect(row('L8')?.slice(2)).toEqual(['Hot', 'Bob']);
    expect(row('L9')?.slice(2)).toEqual(['', 'Cat']);
    expect(result.yielded).toEqual([]);
    expect(result.replaced).toEqual([]);
  });

  it('reports a value a person typed first once', () => {
    const tab = withContacts([], 10);
    tab.data[10][2] = 'Lost';
    tab.before('setValues', () => tab.deleteRow(2));
    const result = commitEdits(targetOf(tab), [
      { key: 'id:L9', edits: [{ column: 2, value: 'Won', was: '' }] },
    ]);
    expect(result.replaced).toHaveLength(1);
    expect(tab.data.find((line) => line[0] === 'L9')?.[2]).toBe('Won');
  });
});
