// Blocks read column by column in one call: each column padded to its block's rows, dates given
// as dates of their own, and a block to the tab's end as long as its longest column.

import { readBlockColumns, readBlocksAtOnce, readColumnsAtOnce } from '../../src/gas/cellsAtOnce';
import type { TimeZone } from '../../src/sheet/calendar';
import type { Sheet, Spreadsheet } from '../../src/gas/workbook';

const SHANGHAI: TimeZone = { name: 'Asia/Shanghai', offsetMinutes: () => 480 };
const spreadsheet = { getId: () => 'book' } as unknown as Spreadsheet;
const sheet = { getSheetId: () => 7 } as unknown as Sheet;

/** Answers one batchGetByDataFilter with `answers` and keeps the request it was asked. */
interface Asked {
  readonly request: { readonly dataFilters: unknown[] };
  readonly id: string;
}

/**
 * Answers one batchGetByDataFilter with `answers` (column-major, as asked, unless `dimension`
 * names another, or null none) and keeps the request it was asked.
 */
function serviceAnswering(
  answers: (unknown[][] | undefined)[],
  dimension: string | null = 'COLUMNS',
): Asked[] {
  const requests: Asked[] = [];
  (globalThis as { Sheets?: unknown }).Sheets = {
    Spreadsheets: {
      Values: {
        batchGetByDataFilter: (request: Asked['request'], id: string) => {
          requests.push({ request, id });
          return {
            valueRanges: answers.map((values) => ({
              valueRange: {
                ...(dimension ? { majorDimension: dimension } : {}),
                ...(values ? { values } : {}),
              },
            })),
          };
        },
      },
    },
  };
  return requests;
}

afterEach(() => {
  delete (globalThis as { Sheets?: unknown }).Sheets;
});

describe('readBlockColumns', () => {
  it('asks for every block in one COLUMNS-major call', () => {
    const requests = serviceAnswering([[['a']], [[1]]]);
    readBlockColumns(spreadsheet, sheet, [
      { row: 1, column: 0, rows: 3, columns: 1 },
      { row: 1, column: 4, rows: 0, columns: 2, toEnd: true },
    ]);
    expect(requests).toEqual([
      {
        id: 'book',
        request: {
          dataFilters: [
            {
              gridRange: {
                sheetId: 7,
                startRowIndex: 1,
                endRowIndex: 4,
                startColumnIndex: 0,
                endColumnIndex: 1,
              },
            },
            { gridRange: { sheetId: 7, startRowIndex: 1, startColumnIndex: 4, endColumnIndex: 6 } },
          ],
          majorDimension: 'COLUMNS',
          valueRenderOption: 'UNFORMATTED_VALUE',
          dateTimeRenderOption: 'SERIAL_NUMBER',
        },
      },
    ]);
  });

  it('pads each column to its rows, blank columns included, and a block to the end to its longest', () => {
    serviceAnswering([
      [['a', null], [], ['b', '', 'c', 'extra']],
      [['x'], ['y', '', 'z']],
    ]);
    const [fixed, toEnd] = readBlockColumns(spreadsheet, sheet, [
      { row: 1, column: 0, rows: 3, columns: 4 },
      { row: 1, column: 5, rows: 0, columns: 3, toEnd: true },
    ]);
    expect(fixed).toEqual([
      ['a', '', ''],
      ['', '', ''],
      ['b', '', 'c'],
      ['', '', ''],
    ]);
    expect(toEnd).toEqual([
      ['x', '', ''],
      ['y', '', 'z'],
      ['', '', ''],
    ]);
  });

  it('turns serial numbers into dates in date columns only, each cell its own Date', () => {
    // 45,413 is 2024-05-01 00:00 in Shanghai.
    serviceAnswering([[[45_413, 45_413, 'text'], [45_413]]]);
    const [[dates, numbers]] = readBlockColumns(
      spreadsheet,
      sheet,
      [{ row: 1, column: 2, rows: 3, columns: 2 }],
      { columns: new Set([2]), zone: SHANGHAI },
    );
    expect(dates.slice(0, 2).map((d) => (d as Date).toISOString())).toEqual([
      '2024-04-30T16:00:00.000Z',
      '2024-04-30T16:00:00.000Z',
    ]);
    expect(dates[0]).not.toBe(dates[1]);
    expect(dates[2]).toBe('text');
    expect(numbers).toEqual([45_413, '', '']);
  });

  it('takes an answer that names no dimension as asked when columns fit it', () => {
    serviceAnswering([[['a1', 'a2'], ['b1']]], null);
    expect(
      readBlockColumns(spreadsheet, sheet, [{ row: 1, column: 0, rows: 3, columns: 2 }]),
    ).toEqual([
      [
        ['a1', 'a2', ''],
        ['b1', '', ''],
      ],
    ]);
  });

  it('reads an answer that names rows, or none but holds more arrays than columns, as rows', () => {
    for (const dimension of ['ROWS', null]) {
      serviceAnswering([[['a1', 'b1'], [], ['a3'], [null, 'b4', 'c4']]], dimension);
      const [columns] = readBlockColumns(spreadsheet, sheet, [
        { row: 1, column: 0, rows: 5, columns: 3 },
      ]);
      expect([dimension, columns]).toEqual([
        dimension,
        [
          ['a1', '', 'a3', '', ''],
          ['b1', '', '', 'b4', ''],
          ['', '', '', 'c4', ''],
        ],
      ]);
    }
  });

  it('asks nothing for blocks without cells', () => {
    const requests = serviceAnswering([]);
    expect(
      readBlockColumns(spreadsheet, sheet, [{ row: 1, column: 0, rows: 0, columns: 2 }]),
    ).toEqual([[[], []]]);
    expect(requests).toEqual([]);
  });
});

describe('readColumnsAtOnce', () => {
  it('reads adjacent columns as one range and gives them back in the order asked', () => {
    const requests = serviceAnswering([[['a1', 'a2']], [['c1'], ['d1', 'd2']]]);
    expect(readColumnsAtOnce(spreadsheet, sheet, 1, 2, [3, 0, 2])).toEqual([
      ['d1', 'd2'],
      ['a1', 'a2'],
      ['c1', ''],
    ]);
    expect(requests[0].request.dataFilters).toHaveLength(2);
  });
});

describe('readBlocksAtOnce', () => {
  it('gives each block as full rows from the one column-major call, a block to the end as long as its longest column', () => {
    const requests = serviceAnswering([[['a1', 'a2'], [], ['c1', '', 'c3']], [['x1', 'x2']]]);
    expect(
      readBlocksAtOnce(spreadsheet, sheet, [
        { row: 1, column: 0, rows: 0, columns: 3, toEnd: true },
        { row: 5, column: 0, rows: 0, columns: 2 },
        { row: 5, column: 4, rows: 3, columns: 1 },
      ]),
    ).toEqual([
      [
        ['a1', '', 'c1'],
        ['a2', '', ''],
        ['', '', 'c3'],
      ],
      [],
      [['x1'], ['x2'], ['']],
    ]);
    expect(requests[0].request.dataFilters).toHaveLength(2);
  });
});
