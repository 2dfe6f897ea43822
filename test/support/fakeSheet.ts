// A small stand-in for one tab, for unit tests of the Apps Script I/O: values in a grid with
// Sheets' bounds checked at every call, and a person who may act before any call.

import type { Sheet } from '../../src/gas/workbook';

const OUTSIDE = 'The coordinates of the range are outside the dimensions of the sheet.';

/** A written value as Sheets keeps it: a leading apostrophe only marks text. */
const typed = (value: unknown) =>
  typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value;

export interface FakeSheet {
  readonly sheet: Sheet;
  /** The grid's cells, header row first; blank cells are ''. */
  readonly data: unknown[][];
  /** Calls made so far, by method name. */
  readonly calls: string[];
  /** Runs `act` just before the next call named `method` (each scheduled act runs once). */
  before(method: string, act: () => void): void;
  /** A person deletes sheet row `row` (1-based). */
  deleteRow(row: number): void;
}

/** A tab holding `rows` (header first) whose grid ends at its last row, `width` columns wide. */
export function fakeSheet(rows: readonly (readonly unknown[])[], width?: number): FakeSheet {
  const data = rows.map((row) => [...row]);
  const columns = width ?? Math.max(...rows.map((row) => row.length));
  for (const row of data) while (row.length < columns) row.push('');
  const calls: string[] = [];
  const scheduled: { method: string; act: () => void }[] = [];
  const call = (method: string) => {
    const at = scheduled.findIndex((s) => s.method === method);
    if (at >= 0) scheduled.splice(at, 1)[0].act();
    calls.push(method);
  };
  const inGrid = (row: number, column: number, count: number, wide: number) => {
    if (row < 1 || column < 1 || row + count - 1 > data.length || column + wide - 1 > columns)
      throw new Error(OUTSIDE);
  };
  const deleteRows = (row: number, count: number) => data.splice(row - 1, count);
  const sheet = {
    getName: () => (call('getName'), 'Leads'),
    getMaxRows: () => (call('getMaxRows'), data.length),
    getMaxColumns: () => (call('getMaxColumns'), columns),
    getFrozenRows: () => (call('getFrozenRows'), 1),
    getLastColumn: () => (call('getLastColumn'), columns),
    getLastRow: () => {
      call('getLastRow');
      let last = 0;
      data.forEach((row, i) => {
        if (row.some((cell) => cell !== '')) last = i + 1;
      });
      return last;
    },
    insertRowAfter: (row: number) => {
      call('insertRowAfter');
      data.splice(row, 0, Array<unknown>(columns).fill(''));
    },
    deleteRows: (row: number, count: number) => {
      call('deleteRows');
      inGrid(row, 1, count, 1);
      deleteRows(row, count);
    },
    appendRow: (values: unknown[]) => {
      call('appendRow');
      const row = [...values.map(typed)];
      data.push([...row, ...Array<unknown>(Math.max(0, columns - row.length)).fill('')]);
    },
    getRange: (row: number, column: number, count: number, wide: number) => {
      call('getRange');
      inGrid(row, column, count, wide);
      return {
        getValues: () => {
          call('getValues');
          inGrid(row, column, count, wide);
          return Array.from({ length: count }, (_, r) =>
            Array.from({ length: wide }, (_, c) => data[row - 1 + r][column - 1 + c]),
          );
        },
        setValues: (values: unknown[][]) => {
          call('setValues');
          inGrid(row, column, count, wide);
          values.forEach((line, r) =>
            line.forEach((value, c) => (data[row - 1 + r][column - 1 + c] = typed(value))),
          );
        },
      };
    },
  };
  return {
    sheet: sheet as unknown as Sheet,
    data,
    calls,
    before: (method, act) => scheduled.push({ method, act }),
    deleteRow: (row) => deleteRows(row, 1),
  };
}
