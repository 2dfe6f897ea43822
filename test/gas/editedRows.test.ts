// The reads of Leads around an edit: the header and the rows around the edited ones, the rows in
// the last read, every Lead ID only when the read holds them all for certain.

import { gridOf, idsDownTo, readAroundEdit } from '../../src/gas/editedRows';
import { fakeSheet } from '../support/fakeSheet';

const HEADER = ['Lead ID', 'Source', 'Contact', 'Phone / WeChat'];

/** A Leads tab of `count` numbered leads and `blank` empty rows below them, `width` columns wide. */
function leadsTab(count: number, blank = 0, width = HEADER.length) {
  const rows: unknown[][] = [HEADER];
  for (let i = 1; i <= count; i++) rows.push([`L${i}`, '展会', `联系人${i}`, `138${i}`]);
  for (let i = 0; i < blank; i++) rows.push([]);
  return fakeSheet(rows, width);
}

const place = (
  tab: ReturnType<typeof leadsTab>,
  firstEdited: number,
  lastEdited = firstEdited,
) => ({
  width: tab.data[0].length,
  gridRows: tab.data.length,
  firstEdited,
  lastEdited,
});

describe('readAroundEdit', () => {
  it('reads the header and the rows near the top in one read, the last call it makes', () => {
    const tab = leadsTab(5, 3);
    const before: string[] = [];
    const read = readAroundEdit(tab.sheet, {}, place(tab, 4), (found) => {
      before.push(found ? 'header' : 'nothing yet');
      tab.calls.length = 0;
    });
    expect(before).toEqual(['nothing yet']);
    expect(tab.calls).toEqual(['getRange', 'getValues']);
    expect(read?.headerRow).toBe(1);
    expect(read?.first).toBe(0);
    expect(read?.rows.map((row) => row[0])).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', '', '', '']);
    // Down to the grid's end, and its last row has no ID: every ID is among the rows.
    expect(read?.everyId).toEqual(read?.rows);
  });

  it('does not take the rows for every ID when the last of them holds one', () => {
    // Rows a person inserted meanwhile could have pushed a lead past the grid's end asked for.
    const tab = leadsTab(5);
    const read = readAroundEdit(tab.sheet, {}, place(tab, 6), () => undefined);
    expect(read?.rows).toHaveLength(5);
    expect(read?.everyId).toBeUndefined();
  });

  it('reads the header apart far down a wide tab, and the rows around the edit last', () => {
    // 4,000 rows of 30 columns: the rows above the edit cost more than the read is worth.
    const tab = leadsTab(4000, 0, 30);
    const order: string[] = [];
    const read = readAroundEdit(tab.sheet, {}, place(tab, 3990, 4001), (found) => {
      order.push(`header in row ${found?.headerRow}`);
      tab.calls.length = 0;
    });
    expect(order).toEqual(['header in row 1']);
    expect(tab.calls).toEqual(['getRange', 'getValues']);
    // From 100 rows above the edit to the grid's end, 100 rows below at most.
    // Data row 3888 (0-based) is sheet row 3890, the edit's first less 100.
    expect(read?.first).toBe(3888);
    expect(read?.rows[0][0]).toBe('L3889');
    expect(read?.rows[read.rows.length - 1][0]).toBe('L4000');
    expect(read?.everyId).toBeUndefined();
  });

  it('reads the rows the grid still has when a person deleted some before the read', () => {
    const tab = leadsTab(6);
    tab.before('getValues', () => tab.deleteRow(2));
    const read = readAroundEdit(tab.sheet, {}, place(tab, 6, 7), () => undefined);
    expect(read?.rows.map((row) => row[0])).toEqual(['L2', 'L3', 'L4', 'L5', 'L6']);
  });

  it('finds a header below title rows, and nothing to read when only titles were edited', () => {
    const tab = fakeSheet([['Leads of May'], HEADER, ['L1', '展会', '张三', '138']], 4);
    expect(readAroundEdit(tab.sheet, {}, place(tab, 1), () => undefined)).toBeUndefined();
    const read = readAroundEdit(tab.sheet, {}, place(tab, 3), () => undefined);
    expect(read?.headerRow).toBe(2);
    expect(read?.rows).toEqual([['L1', '展会', '张三', '138']]);
  });
});

describe('idsDownTo', () => {
  it('reads the ID column down to the grid, and to the last row when a person deleted rows', () => {
    const tab = leadsTab(3, 2);
    expect(idsDownTo(tab.sheet, 1, 0, 6)).toEqual(['L1', 'L2', 'L3', '', '']);
    tab.before('getValues', () => tab.deleteRow(2));
    expect(idsDownTo(tab.sheet, 1, 0, 6).filter(Boolean)).toEqual(['L2', 'L3']);
  });
});

describe('gridOf', () => {
  it('gives the rows read as data rows of the tab, blank outside them', () => {
    const grid = gridOf([['L7'], ['L8']], 6);
    expect([grid.firstRow, grid.rowCount]).toEqual([6, 8]);
    expect([grid.cell(6, 0), grid.cell(7, 0), grid.cell(5, 0), grid.cell(8, 0)]).toEqual([
      'L7',
      'L8',
      '',
      '',
    ]);
  });
});
