// Gaps between written blocks of computed cells, written again with what they hold so that the
// blocks go in one range.

import { type CellWrites, type Grid, rectanglesOf } from '../../src/sheet/placement';
import { CELLS_WRITTEN_PER_CALL, withGapsRefilled } from '../../src/sheet/refilledGaps';

// Columns: 0 Lead ID, 1 contact, 2 score, 3 grade, 4 breakdown.
const SCORES = new Set([2, 3, 4]);
const ID = 0;

/** Rows 0..9 of leads L0..L9, each with its score 50, grade C and a note, as read. */
function gridOf(rows: unknown[][], firstRow = 0, only?: number[]): Grid {
  return {
    firstRow,
    rowCount: firstRow + rows.length,
    ...(only ? { rows: only } : {}),
    cell: (row, column) => rows[row - firstRow]?.[column],
  };
}
const READ = Array.from({ length: 10 }, (_, r) => [`L${r}`, `客户${r}`, 50, 'C', `note${r}`]);

function writesOf(entries: [number, [number, unknown][]][]): CellWrites {
  return new Map(entries.map(([row, cells]) => [row, new Map(cells)]));
}

describe('withGapsRefilled', () => {
  it('fills the rows between written blocks and the columns a row leaves, so one range does', () => {
    const writes = writesOf([
      [
        2,
        [
          [2, 80],
          [3, 'A'],
          [4, 'new2'],
        ],
      ],
      [
        3,
        [
          [2, 70],
          [4, 'new3'],
        ],
      ],
      [
        5,
        [
          [2, 60],
          [3, 'B'],
          [4, 'new5'],
        ],
      ],
    ]);
    const filled = withGapsRefilled(writes, gridOf(READ), SCORES, ID);
    expect(rectanglesOf(filled)).toEqual([
      {
        row: 2,
        column: 2,
        values: [
          [80, 'A', 'new2'],
          [70, 'C', 'new3'],
          [50, 'C', 'note4'],
          [60, 'B', 'new5'],
        ],
      },
    ]);
  });

  it('leaves a gap that costs more to write than the call it saves', () => {
    const rows = CELLS_WRITTEN_PER_CALL / 3 + 10;
    const long = Array.from({ length: rows }, (_, r) => [`L${r}`, `客户${r}`, 50, 'C', `n${r}`]);
    const edge = rows - 1;
    const writes = writesOf([
      [
        0,
        [
          [2, 80],
          [3, 'A'],
          [4, 'n'],
        ],
      ],
      [
        2,
        [
          [2, 80],
          [3, 'A'],
          [4, 'n'],
        ],
      ],
      [
        edge,
        [
          [2, 80],
          [3, 'A'],
          [4, 'n'],
        ],
      ],
    ]);
    const filled = withGapsRefilled(writes, gridOf(long), SCORES, ID);
    expect([...filled.keys()].sort((a, b) => a - b)).toEqual([0, 1, 2, edge]);
    expect(filled.get(1)).toEqual(
      new Map<number, unknown>([
        [2, 50],
        [3, 'C'],
        [4, 'n1'],
      ]),
    );
  });

  it('leaves a gap alone where a row holds no lead or was not read', () => {
    const blank = READ.map((row, r) => (r === 1 ? ['', '', '', '', ''] : row));
    const writes = writesOf([
      [0, [[2, 80]]],
      [2, [[2, 80]]],
      [4, [[2, 80]]],
      [6, [[2, 80]]],
    ]);
    const filled = withGapsRefilled(writes, gridOf(blank, 0, [0, 1, 2, 4, 6]), SCORES, ID);
    expect([...filled.keys()].sort((a, b) => a - b)).toEqual([0, 2, 4, 6]);
  });

  it('never fills around a row that changes a column not computed for every lead', () => {
    const writes = writesOf([
      [2, [[1, '王女士']]],
      [4, [[1, '李先生']]],
    ]);
    expect(withGapsRefilled(writes, gridOf(READ), SCORES, ID)).toBe(writes);
  });

  it('gives a row no cells it does not change when it joins no neighbour', () => {
    const rows = CELLS_WRITTEN_PER_CALL / 3 + 10;
    const long = Array.from({ length: rows }, (_, r) => [`L${r}`, `客户${r}`, 50, 'C', `n${r}`]);
    const edge = rows - 1;
    const writes = writesOf([
      [
        0,
        [
          [2, 80],
          [3, 'A'],
          [4, 'n'],
        ],
      ],
      [
        edge,
        [
          [2, 60],
          [4, 'm'],
        ],
      ],
    ]);
    const filled = withGapsRefilled(writes, gridOf(long), SCORES, ID);
    expect(filled.get(edge)).toEqual(
      new Map<number, unknown>([
        [2, 60],
        [4, 'm'],
      ]),
    );
  });

  it('leaves the writes as they are with one written row', () => {
    const writes = writesOf([[3, [[2, 80]]]]);
    expect(withGapsRefilled(writes, gridOf(READ), SCORES, ID)).toBe(writes);
  });
});
