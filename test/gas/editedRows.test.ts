// The reads of Leads around an edit: the header and the rows around the edited ones, and every
// Lead ID down to the grid's end when numbering needs them.

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
  it('reads the header and the rows near the top in one read', () => {
    const tab = leadsTab(5, 3);
    const read = readAroundEdit(tab.sheet, {}, place(tab, 4));
    expect(tab.calls).toEqual(['getRange', 'getValues']);
    expect(read?.headerRow).toBe(1);
    expect(read?.first).toBe(0);
    expect(read?.rows.map((row) => row[0])).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', '', '', '']);
    expect(read?.fromTop).toEqual(read?.rows);
  });

  it('keeps the margin above the edit apart from the rows read from the top', () => {
    const tab = leadsTab(300);
    const read = readAroundEdit(tab.sheet, {}, place(tab, 250));
    // Data row 148 (0-based) is sheet row 150, the edit less 100 rows.
    expect(read?.first).toBe(148);
    expect(read?.rows[0][0]).toBe('L149');
    expect(read?.rows[read.rows.length - 1][0]).toBe('L300');
    expect(read?.fromTop).toHaveLength(300);
  });

  it('reads the header apart far down a wide tab, then the rows around the edit', () => {
    // 4,000 rows of 30 columns: the rows above the edit cost more than the read is worth.
    const tab = leadsTab(4000, 0, 30);
    const read = readAroundEdit(tab.sheet, {}, place(tab, 3990, 4001));
    expect(tab.calls).toEqual(['getRange', 'getValues', 'getRange', 'getValues']);
    // Data row 3888 (0-based) is sheet row 3890, the edit's first less 100.
    expect(read?.first).toBe(3888);
    expect(read?.rows[0][0]).toBe('L3889');
    // Down to the grid's end, 100 rows below the edit at most.
    expect(read?.rows[read.rows.length - 1][0]).toBe('L4000');
    expect(read?.fromTop).toBeUndefined();
  });

  it('reads the rows the grid still has when a person deleted some before the read', () => {
    const tab = leadsTab(6);
    tab.before('getValues', () => tab.deleteRow(2));
    const read = readAroundEdit(tab.sheet, {}, place(tab, 6, 7));
    expect(read?.rows.map((row) => row[0])).toEqual(['L2', 'L3', 'L4', 'L5', 'L6']);
  });

  it('finds a header below title rows, and nothing to read when only titles were edited', () => {
    const tab = fakeSheet([['Leads of May'], HEADER, ['L1', '展会', '张三', '138']], 4);
    expect(readAroundEdit(tab.sheet, {}, place(tab, 1))).toBeUndefined();
    const read = readAroundEdit(tab.sheet, {}, place(tab, 3));
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

  it('reads to the last row when a person inserted one that pushed the last lead past the read', () => {
    // The grid ends at the last lead, and a blank row lies above it.
    const tab = fakeSheet([HEADER, ['L1'], [''], ['L3']], 4);
    // Inserted above the last lead: the rows read end with a blank ID.
    tab.before('getValues', () => tab.sheet.insertRowAfter(3));
    expect(idsDownTo(tab.sheet, 1, 0, 4).filter(Boolean)).toEqual(['L1', 'L3']);
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
