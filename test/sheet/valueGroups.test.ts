// Cells grouped by the value they receive, as the A1 runs of one RangeList each.

import { MAX_RANGES_PER_LIST, valueGroups } from '../../src/sheet/valueGroups';
import type { CellWrites } from '../../src/sheet/placement';

/** Writes from [data row, column, value] triples (0-based). */
function writesOf(cells: [number, number, unknown][]): CellWrites {
  const writes: CellWrites = new Map();
  for (const [row, column, value] of cells) {
    const line = writes.get(row) ?? new Map<number, unknown>();
    line.set(column, value);
    writes.set(row, line);
  }
  return writes;
}

describe('valueGroups', () => {
  it('joins the cells of one value into runs down each column, on sheet rows below the header', () => {
    const groups = valueGroups(
      writesOf([
        [0, 17, '王磊'],
        [1, 17, '王磊'],
        [2, 17, '王磊'],
        [9, 17, '王磊'],
        [9, 1, '王磊'],
      ]),
      1,
    );
    expect(groups).toEqual([
      {
        value: '王磊',
        a1: ['B11', 'R2:R4', 'R11'],
        cells: [
          [9, 1],
          [0, 17],
          [1, 17],
          [2, 17],
          [9, 17],
        ],
        lastRow: 11,
      },
    ]);
  });

  it('keeps text, numbers, booleans and instants apart, and one instant together', () => {
    const at = new Date('2024-05-10T02:00:00Z');
    const groups = valueGroups(
      writesOf([
        [0, 0, '5'],
        [1, 0, 5],
        [2, 0, true],
        [3, 0, 'true'],
        [4, 0, at],
        [6, 0, new Date(at.getTime())],
      ]),
      1,
    );
    expect(groups.map((g) => [g.value, g.a1])).toEqual([
      ['5', ['A2']],
      [5, ['A3']],
      [true, ['A4']],
      ['true', ['A5']],
      [at, ['A6', 'A8']],
    ]);
  });

  it('splits a value spread over more ranges than one list holds', () => {
    const cells: [number, number, unknown][] = Array.from(
      { length: MAX_RANGES_PER_LIST + 5 },
      (_, i) => [i * 2, 3, 'x'],
    );
    const groups = valueGroups(writesOf(cells), 0);
    expect(groups.map((g) => g.a1.length)).toEqual([MAX_RANGES_PER_LIST, 5]);
    expect(groups[0].lastRow).toBe((MAX_RANGES_PER_LIST - 1) * 2 + 1);
    expect(groups[1].a1[0]).toBe(`D${MAX_RANGES_PER_LIST * 2 + 1}`);
  });
});
