// Planning the fewest rectangular writes for scattered cell changes.

import { type CellChange, planBlockWrites } from '../../src/sheet/cellWrites';

/** Applies block writes to a copy of the grid, as setValues would. */
function apply(grid: readonly (readonly unknown[])[], changes: readonly CellChange[]): unknown[][] {
  const result = grid.map((row) => [...row]);
  for (const block of planBlockWrites(changes, grid)) {
    block.values.forEach((values, r) =>
      values.forEach((value, c) => {
        result[block.row + r][block.column + c] = value;
      }),
    );
  }
  return result;
}

const GRID = [
  ['a0', 'b0', 'c0', 'd0', 'e0'],
  ['a1', 'b1', 'c1', 'd1', 'e1'],
  ['a2', 'b2', 'c2', 'd2', 'e2'],
  ['a3', 'b3', 'c3', 'd3', 'e3'],
];

describe('planBlockWrites', () => {
  it('plans nothing when nothing changed', () => {
    expect(planBlockWrites([], GRID)).toEqual([]);
  });

  it('writes one cell as a 1×1 block', () => {
    expect(planBlockWrites([{ row: 2, column: 3, value: 'X' }], GRID)).toEqual([
      { row: 2, column: 3, values: [['X']] },
    ]);
  });

  it('writes adjacent changed columns of one row as one block', () => {
    const changes = [
      { row: 1, column: 1, value: 'X' },
      { row: 1, column: 2, value: 'Y' },
      { row: 1, column: 3, value: 'Z' },
    ];
    expect(planBlockWrites(changes, GRID)).toEqual([
      { row: 1, column: 1, values: [['X', 'Y', 'Z']] },
    ]);
  });

  it('writes one column from the first to the last changed row, keeping the rows between', () => {
    const changes = [
      { row: 0, column: 2, value: 'X' },
      { row: 3, column: 2, value: 'Y' },
    ];
    expect(planBlockWrites(changes, GRID)).toEqual([
      { row: 0, column: 2, values: [['X'], ['c1'], ['c2'], ['Y']] },
    ]);
  });

  it('writes columns that are not adjacent as separate blocks', () => {
    const changes = [
      { row: 1, column: 0, value: 'X' },
      { row: 1, column: 4, value: 'Y' },
    ];
    const blocks = planBlockWrites(changes, GRID);
    expect(blocks).toHaveLength(2);
    expect(blocks).toContainEqual({ row: 1, column: 0, values: [['X']] });
    expect(blocks).toContainEqual({ row: 1, column: 4, values: [['Y']] });
  });

  it('fills the gaps of a block with the values as read', () => {
    const changes = [
      { row: 0, column: 1, value: 'X' },
      { row: 2, column: 2, value: 'Y' },
    ];
    expect(planBlockWrites(changes, GRID)).toEqual([
      {
        row: 0,
        column: 1,
        values: [
          ['X', 'c0'],
          ['b1', 'c1'],
          ['b2', 'Y'],
        ],
      },
    ]);
  });

  it('changes exactly the changed cells once applied', () => {
    const changes = [
      { row: 0, column: 0, value: 1 },
      { row: 3, column: 1, value: 2 },
      { row: 2, column: 4, value: 3 },
    ];
    const expected = GRID.map((row) => [...row]) as unknown[][];
    expected[0][0] = 1;
    expected[3][1] = 2;
    expected[2][4] = 3;
    expect(apply(GRID, changes)).toEqual(expected);
  });

  it('writes blank for cells beyond what was read', () => {
    const changes = [
      { row: 0, column: 5, value: 'X' },
      { row: 5, column: 5, value: 'Y' },
    ];
    const [block] = planBlockWrites(changes, GRID);
    expect(block.values).toEqual([['X'], [''], [''], [''], [''], ['Y']]);
  });

  it('keeps values that are not text, such as dates, numbers and false', () => {
    const when = new Date('2024-05-10T02:00:00Z');
    const changes = [
      { row: 0, column: 0, value: when },
      { row: 0, column: 1, value: 85 },
      { row: 0, column: 2, value: false },
    ];
    expect(planBlockWrites(changes, GRID)).toEqual([
      { row: 0, column: 0, values: [[when, 85, false]] },
    ]);
  });

  it('handles many changed rows without running out of stack', () => {
    const rows = 150_000;
    const changes = Array.from({ length: rows }, (_, row) => ({ row, column: 0, value: row }));
    const [block] = planBlockWrites(changes, []);
    expect(block.row).toBe(0);
    expect(block.values).toHaveLength(rows);
    expect(block.values[rows - 1]).toEqual([rows - 1]);
  });
});
