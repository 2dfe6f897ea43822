// A few cells of scattered rows without the Sheets service: a call per run of rows where rows lie far
// apart, so the cells read do not grow with the tab; one read of the span where they lie close.

import { readCellsOfRows } from '../../src/gas/cellsOfRows';
import { CELLS_PER_CALL } from '../../src/gas/columnReads';
import type { Spreadsheet } from '../../src/gas/workbook';
import { fakeSheet } from '../support/fakeSheet';

const ROWS = 20_000;
/** Lead ID in A, company in C, contact in D, ten columns in all. */
function longTab() {
  const rows: unknown[][] = [['Lead ID', 'Source', 'Company', 'Contact', ...Array(6).fill('')]];
  for (let i = 0; i < ROWS; i++) {
    rows.push([`L${i}`, '展会', `公司${i}`, `联系人${i}`, ...Array<unknown>(6).fill('')]);
  }
  return fakeSheet(rows);
}

const noSpreadsheet = {} as Spreadsheet;

/** Cells a read of the fake tab handed over. */
function cellsRead(tab: ReturnType<typeof longTab>, read: () => unknown): number {
  const getRange = tab.sheet.getRange.bind(tab.sheet);
  let cells = 0;
  (tab.sheet as unknown as { getRange: typeof getRange }).getRange = ((
    row: number,
    column: number,
    rows: number,
    columns: number,
  ) => {
    const range = getRange(row, column, rows, columns);
    const getValues = range.getValues.bind(range);
    range.getValues = () => {
      cells += rows * columns;
      return getValues();
    };
    return range;
  }) as typeof getRange;
  read();
  return cells;
}

describe('readCellsOfRows without the Sheets service', () => {
  it('reads rows far apart a run at a time, from the leftmost column asked to the rightmost', () => {
    const tab = longTab();
    let cells: unknown[][] = [];
    const read = cellsRead(tab, () => {
      cells = readCellsOfRows(noSpreadsheet, tab.sheet, [2, 3, 19_000], [0, 3]);
    });
    expect(cells).toEqual([
      ['L0', '联系人0'],
      ['L1', '联系人1'],
      ['L18998', '联系人18998'],
    ]);
    expect(tab.calls.filter((c) => c === 'getValues')).toHaveLength(2);
    expect(read).toBe(3 * 4);
  });

  it('keeps the order the rows were asked in, repeats included', () => {
    const tab = longTab();
    const cells = readCellsOfRows(noSpreadsheet, tab.sheet, [19_000, 2, 19_000], [2]);
    expect(cells).toEqual([['公司18998'], ['公司0'], ['公司18998']]);
  });

  it('reads the span at once where the rows lie close together', () => {
    const tab = longTab();
    const read = cellsRead(tab, () => readCellsOfRows(noSpreadsheet, tab.sheet, [2, 30], [0, 3]));
    expect(tab.calls.filter((c) => c === 'getValues')).toHaveLength(1);
    expect(read).toBe(29 * 4);
  });

  it('reads no more cells for a full result list than its calls would cost, however long the tab', () => {
    const tab = longTab();
    const spread = Array.from({ length: 20 }, (_, i) => 2 + i * 999);
    expect(cellsRead(tab, () => readCellsOfRows(noSpreadsheet, tab.sheet, spread, [0, 9]))).toBe(
      20 * 10,
    );
    // Narrower, the span costs less than twenty calls, and stays under what they would cost.
    const narrow = cellsRead(tab, () => readCellsOfRows(noSpreadsheet, tab.sheet, spread, [0, 3]));
    expect(narrow).toBe(18_982 * 4);
    expect(narrow).toBeLessThan(20 * CELLS_PER_CALL);
  });
});
