// Deleting leads' rows without the Sheets service: one whole read before, a check of the IDs and
// names after, and rows a person's move slid under a deletion put back.

import type { CommitTarget } from '../../src/gas/commit';
import { deleteLeadRowsPlainly } from '../../src/gas/plainRowDeletion';
import type { Spreadsheet } from '../../src/gas/workbook';
import { fakeSheet, type FakeSheet } from '../support/fakeSheet';

const UTC = { name: 'UTC', offsetMinutes: () => 0 };

function targetOf(tab: FakeSheet): CommitTarget {
  return {
    spreadsheet: {} as Spreadsheet,
    sheet: tab.sheet,
    headerRow: 1,
    identity: { idColumn: 0, identityColumns: [1] },
    zone: UTC,
    mode: 'batch',
  };
}

const HEADER = ['Lead ID', 'Contact', 'Need'];

describe('deleteLeadRowsPlainly', () => {
  it('checks by IDs and names alone when nobody moved rows, and reads the tab whole once', () => {
    const tab = fakeSheet([HEADER, ['A', 'Ann', 'x'], ['B', 'Bob', 'y'], ['C', 'Cy', 'z']]);
    deleteLeadRowsPlainly(targetOf(tab), new Set(['B']));
    expect(tab.data).toEqual([HEADER, ['A', 'Ann', 'x'], ['C', 'Cy', 'z']]);
    expect(tab.calls.filter((c) => c === 'getValues')).toHaveLength(2);
  });

  it('puts back a row without ID or name that a shifted block took, not taking a blank row for it', () => {
    const tab = fakeSheet([
      HEADER,
      ['A', 'Ann', 'x'],
      ['', '', 'call back Monday'],
      ['', '', ''],
      ['B', 'Bob', 'y'],
    ]);
    // The person deletes A's row just before the run does: its block takes the next row.
    tab.before('deleteRows', () => tab.deleteRow(2));
    deleteLeadRowsPlainly(targetOf(tab), new Set(['A']));
    expect(tab.data.filter((row) => row[2] === 'call back Monday')).toHaveLength(1);
    expect(tab.data.filter((row) => row[0] === 'B')).toHaveLength(1);
    expect(tab.data.some((row) => row[0] === 'A')).toBe(false);
  });
});
