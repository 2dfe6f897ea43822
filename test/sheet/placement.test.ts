// Placing changes by Lead ID on a tab that people sort, insert into and delete from.

import {
  type CellWrites,
  editsByLead,
  type Grid,
  type LeadEdits,
  placeEdits,
  rectanglesOf,
  repairsAfterWrite,
  rowKey,
  sameCell,
} from '../../src/sheet/placement';

// Columns: 0 Lead ID, 1 Contact, 2 Score, 3 Grade, 4 Owner.
const IDENTITY = { idColumn: 0, identityColumns: [1] };

function grid(rows: unknown[][]): Grid {
  return { rowCount: rows.length, cell: (row, column) => rows[row]?.[column] ?? '' };
}

function apply(rows: unknown[][], writes: CellWrites): unknown[][] {
  const copy = rows.map((row) => [...row]);
  for (const [row, cells] of writes) for (const [column, value] of cells) copy[row][column] = value;
  return copy;
}

const score = (id: string, value: number, was: unknown = ''): LeadEdits => ({
  key: `id:${id}`,
  edits: [{ column: 2, value, was }],
});

describe('placeEdits', () => {
  it('places a lead’s change on the row that holds the lead now, after a sort', () => {
    const now = grid([
      ['L2', 'Wang', '', '', ''],
      ['L1', 'Li', '', '', ''],
    ]);
    const placed = placeEdits([score('L1', 85)], now, IDENTITY);
    expect([...placed.writes]).toEqual([[1, new Map([[2, 85]])]]);
  });

  it('drops the changes of a lead a person deleted', () => {
    const placed = placeEdits([score('L9', 85)], grid([['L1', 'Li', '', '', '']]), IDENTITY);
    expect(placed.writes.size).toBe(0);
    expect(placed.gone).toEqual(['id:L9']);
  });

  it('writes nothing where the cell already holds the planned value', () => {
    const placed = placeEdits([score('L1', 85)], grid([['L1', 'Li', 85, '', '']]), IDENTITY);
    expect(placed.writes.size).toBe(0);
  });

  it('writes over a value a person typed meanwhile and reports what it replaced', () => {
    const placed = placeEdits([score('L1', 85, 70)], grid([['L1', 'Li', 99, '', '']]), IDENTITY);
    expect(placed.writes.get(0)?.get(2)).toBe(85);
    expect(placed.replaced).toEqual([{ key: 'id:L1', column: 2, personValue: 99, value: 85 }]);
  });

  it('keeps an owner a person typed meanwhile and drops the whole assignment', () => {
    const assign: LeadEdits = {
      key: 'id:L1',
      edits: [
        { column: 4, value: 'Wang', was: '', yieldGroup: 'assign' },
        { column: 3, value: 'A', was: '' },
      ],
    };
    const placed = placeEdits([assign], grid([['L1', 'Li', '', '', 'Zhao']]), IDENTITY);
    expect([...(placed.writes.get(0) ?? new Map()).entries()]).toEqual([[3, 'A']]);
    expect(placed.yielded).toEqual([{ key: 'id:L1', group: 'assign' }]);
  });

  it('finds a lead without an ID by the cells a person typed, in order when two look alike', () => {
    const key = rowKey((c) => ['', 'Li'][c] ?? '', IDENTITY);
    const now = grid([
      ['L1', 'Wang', '', '', ''],
      ['', 'Li', '', '', ''],
      ['', 'Li', '', '', ''],
    ]);
    const edits = (value: string): LeadEdits => ({ key, edits: [{ column: 0, value, was: '' }] });
    const placed = placeEdits([edits('N1'), edits('N2')], now, IDENTITY);
    expect(placed.writes.get(1)?.get(0)).toBe('N1');
    expect(placed.writes.get(2)?.get(0)).toBe('N2');
  });
});

describe('rectanglesOf', () => {
  it('covers exactly the changed cells, stacking rows that change the same columns', () => {
    const writes: CellWrites = new Map([
      [
        0,
        new Map<number, unknown>([
          [2, 1],
          [3, 'A'],
        ]),
      ],
      [
        1,
        new Map<number, unknown>([
          [2, 2],
          [3, 'B'],
        ]),
      ],
      [
        3,
        new Map<number, unknown>([
          [2, 3],
          [4, 'Li'],
        ]),
      ],
    ]);
    expect(rectanglesOf(writes)).toEqual([
      {
        row: 0,
        column: 2,
        values: [
          [1, 'A'],
          [2, 'B'],
        ],
      },
      { row: 3, column: 2, values: [[3]] },
      { row: 3, column: 4, values: [['Li']] },
    ]);
  });
});

describe('repairsAfterWrite', () => {
  const before = [
    ['L1', 'Li', 10, '', ''],
    ['L2', 'Wang', 20, '', ''],
  ];

  it('needs nothing when every written row still holds its lead', () => {
    const writes: CellWrites = new Map([[0, new Map([[2, 85]])]]);
    const after = grid(apply(before, writes));
    expect(repairsAfterWrite(writes, grid(before), after, IDENTITY).repairs.size).toBe(0);
  });

  // Contact and company tell leads apart here, next to the Lead ID.
  const telling = { idColumn: 0, identityColumns: [1, 3] };
  const read = [
    ['L1', 'Li', 10, 'Bright', ''],
    ['L2', 'Wang', 20, 'Acme', ''],
  ];

  it('needs nothing when a person changed the contact of the written lead meanwhile', () => {
    // Its Lead ID and company are still there: the lead did not move.
    const writes: CellWrites = new Map([[0, new Map([[2, 85]])]]);
    const typed = [['L1', 'Li Lei', 10, 'Bright', ''], read[1]];
    const result = repairsAfterWrite(writes, grid(read), grid(apply(typed, writes)), telling);
    expect([result.repairs.size, result.misplaced]).toEqual([0, 0]);
  });

  it('takes another lead that a person gave the same Lead ID for a move', () => {
    // A sort put another row holding L1, none of its telling cells the written lead's, on top.
    const sameId = [...read, ['L1', 'Zhao', 30, 'Sun', '']];
    const writes: CellWrites = new Map([[0, new Map([[2, 85]])]]);
    const after = apply([sameId[2], sameId[1], sameId[0]], writes);
    const { repairs, misplaced } = repairsAfterWrite(writes, grid(sameId), grid(after), telling);
    expect(misplaced).toBe(1);
    expect(apply(after, repairs).map((row) => row[2])).toEqual([30, 20, 85]);
  });

  it('puts back the other lead’s value and writes the planned one where its lead moved', () => {
    // A person sorted between the read and the write: L2 is on top when 85 lands on row 0.
    const sorted = [before[1], before[0]];
    const writes: CellWrites = new Map([[0, new Map([[2, 85]])]]);
    const after = apply(sorted, writes);
    const { repairs } = repairsAfterWrite(writes, grid(before), grid(after), IDENTITY);
    const repaired = apply(after, repairs);
    expect(repaired).toEqual([
      ['L2', 'Wang', 20, '', ''],
      ['L1', 'Li', 85, '', ''],
    ]);
  });

  it('needs nothing when the lead took the write and a person sorted just after it', () => {
    // 85 landed on L1's row; then a person sorted, and L2 is on top when the write is checked.
    // The read before the write saw L1's row only, so nothing would tell L2's score back.
    const writes: CellWrites = new Map([[0, new Map([[2, 85]])]]);
    const written = apply(before, writes);
    const after = [written[1], written[0]];
    const result = repairsAfterWrite(writes, grid([before[0]]), grid(after), IDENTITY);
    expect(result.repairs.size).toBe(0);
    expect(result.misplaced).toBe(0);
  });

  it('gives back a lead the value meant for another, when the lead meant for it holds the same by another write', () => {
    // L1 and L3 are assigned the same owner; a person moved L1 onto L3's row and L2 onto L1's just
    // before the write. L1 holds 张伟 (L3's write), and L2 took L1's: L2's own blank comes back.
    const three = [...before, ['L3', 'Zhao', 30, '', '']];
    const writes: CellWrites = new Map([
      [0, new Map([[4, '张伟']])],
      [2, new Map([[4, '张伟']])],
    ]);
    const moved = [three[1], three[2], three[0]];
    const after = apply(moved, writes);
    const result = repairsAfterWrite(writes, grid(three), grid(after), IDENTITY);
    const repaired = apply(after, result.repairs);
    expect(repaired.map((row) => [row[0], row[4]])).toEqual([
      ['L2', ''],
      ['L3', '张伟'],
      ['L1', '张伟'],
    ]);
  });

  it('takes the same value by chance as no harm: the lead on the written row would have had it', () => {
    // L1 and L2 swapped; each is being given score 85, so each holds its own value.
    const writes: CellWrites = new Map([
      [0, new Map([[2, 85]])],
      [1, new Map([[2, 85]])],
    ]);
    const after = apply([before[1], before[0]], writes);
    const result = repairsAfterWrite(writes, grid(before), grid(after), IDENTITY);
    expect(result.misplaced).toBe(0);
  });

  it('leaves a lead a person deleted deleted, and the lead that slid up untouched', () => {
    // L1 deleted by a person before the write; the write meant for L1 lands on L2.
    const writes: CellWrites = new Map([[0, new Map([[2, 85]])]]);
    const after = apply([before[1]], writes);
    const result = repairsAfterWrite(writes, grid(before), grid(after), IDENTITY);
    expect(apply(after, result.repairs)).toEqual([['L2', 'Wang', 20, '', '']]);
    expect(result.gone).toBe(1);
  });
});

describe('repairsAfterWrite where leads share cells', () => {
  // Columns: 0 Lead ID, 1 Contact, 2 Score, 3 Company, 4 Owner, 5 Phone.
  const shared = { idColumn: 0, identityColumns: [1, 5, 3] };

  it('puts back a lead of the same company that a sort moved onto a new lead’s numbered row', () => {
    // Only the new lead's company was typed; the write numbers, scores and assigns it.
    const read = [
      ['', '', '', 'Acme', '', ''],
      ['L2', 'Wang', 20, 'Acme', 'Yan', '138'],
    ];
    const writes: CellWrites = new Map([
      [
        0,
        new Map<number, unknown>([
          [0, 'L9'],
          [2, 40],
          [4, 'Xu'],
        ]),
      ],
    ]);
    const after = apply([read[1], read[0]], writes);
    const { repairs, misplaced } = repairsAfterWrite(writes, grid(read), grid(after), shared);
    expect({ misplaced, fixed: apply(after, repairs) }).toEqual({
      misplaced: 1,
      fixed: [
        ['L2', 'Wang', 20, 'Acme', 'Yan', '138'],
        ['L9', '', 40, 'Acme', 'Xu', ''],
      ],
    });
  });

  it('puts back a new lead holding more of the same cells that a sort moved onto a numbered row', () => {
    const read = [
      ['', 'Zhao', '', '', '', ''],
      ['', 'Zhao', '', 'Acme', '', '139'],
    ];
    const writes: CellWrites = new Map([
      [
        0,
        new Map<number, unknown>([
          [0, 'L9'],
          [2, 40],
        ]),
      ],
    ]);
    const after = apply([read[1], read[0]], writes);
    const { repairs } = repairsAfterWrite(writes, grid(read), grid(after), shared);
    expect(apply(after, repairs)).toEqual([
      ['', 'Zhao', '', 'Acme', '', '139'],
      ['L9', 'Zhao', 40, '', '', ''],
    ]);
  });

  it('puts back a copy of a row under the same Lead ID that a sort swapped with it', () => {
    const read = [
      ['L1', 'Li', 10, 'Acme', 'Yan', '138'],
      ['L1', 'Bob', 30, 'Acme', 'Xu', '137'],
    ];
    const writes: CellWrites = new Map([[0, new Map<number, unknown>([[2, 85]])]]);
    const after = apply([read[1], read[0]], writes);
    const { repairs, misplaced } = repairsAfterWrite(writes, grid(read), grid(after), shared);
    expect({ misplaced, scores: apply(after, repairs).map((row) => [row[1], row[2]]) }).toEqual({
      misplaced: 1,
      scores: [
        ['Bob', 30],
        ['Li', 85],
      ],
    });
  });
});

describe('sameCell', () => {
  it('takes dates equal to the second, as a date written as text keeps no milliseconds', () => {
    expect(sameCell(new Date(1_000_500), new Date(1_000_000))).toBe(true);
    expect(sameCell(new Date(1_000_000), new Date(2_000_000))).toBe(false);
  });

  it('takes blank and spaces as the same', () => {
    expect(sameCell('', ' ')).toBe(true);
  });
});

describe('repairsAfterWrite with the operation’s snapshot', () => {
  // The read before the write saw row 0 only (a scattered read); the snapshot is the whole tab.
  const snapshot = [
    ['L1', 'Li', '', '', ''],
    ['L2', 'Wang', 'Zhang', '', ''],
  ];
  const onlyFirstRow: Grid = {
    firstRow: 0,
    rowCount: 1,
    rows: [0],
    cell: (r, c) => (r === 0 ? snapshot[0][c] : ''),
  };

  it('gives a lead that slid onto a written row from unread rows its own cells back', () => {
    // A person sorted between the read and the write: L2 is on row 0 when L1's owner lands there.
    const writes: CellWrites = new Map([[0, new Map([[2, 'Chen']])]]);
    const after = apply([snapshot[1], snapshot[0]], writes);
    const { repairs } = repairsAfterWrite(
      writes,
      onlyFirstRow,
      grid(after),
      IDENTITY,
      grid(snapshot),
    );
    expect(apply(after, repairs)).toEqual([
      ['L2', 'Wang', 'Zhang', '', ''],
      ['L1', 'Li', 'Chen', '', ''],
    ]);
  });

  it('clears them when there is no snapshot to take them from', () => {
    const writes: CellWrites = new Map([[0, new Map([[2, 'Chen']])]]);
    const after = apply([snapshot[1], snapshot[0]], writes);
    const { repairs, unrestored } = repairsAfterWrite(writes, onlyFirstRow, grid(after), IDENTITY);
    expect(apply(after, repairs)[0]).toEqual(['L2', 'Wang', '', '', '']);
    expect(unrestored).toEqual([{ key: 'id:L2', row: 0, columns: [2] }]);
  });

  it('clears and names the cells the snapshot never read (a narrow read), restoring the rest', () => {
    const writes: CellWrites = new Map([
      [
        0,
        new Map<number, unknown>([
          [2, 'Chen'],
          [3, 90],
        ]),
      ],
    ]);
    const after = apply([snapshot[1], snapshot[0]], writes);
    const narrow: Grid = { rowCount: 2, cell: (r, c) => (c === 3 ? undefined : snapshot[r][c]) };
    const result = repairsAfterWrite(writes, onlyFirstRow, grid(after), IDENTITY, narrow);
    expect(apply(after, result.repairs)[0]).toEqual(['L2', 'Wang', 'Zhang', '', '']);
    expect(result.unrestored).toEqual([{ key: 'id:L2', row: 0, columns: [3] }]);
  });

  // The write was a new Lead ID, so leads are told apart by the other cells, which this narrow
  // snapshot never read: no row of it may pass for the lead that slid in.
  it('takes no snapshot row whose telling cells it never read for the lead that slid in', () => {
    const before = [['', 'Li', '', '', '']];
    const writes: CellWrites = new Map([[0, new Map([[0, 'L9']])]]);
    // The lead that slid in has no contact: blank, as the snapshot's unknown cells would read.
    const after = apply([['L2', '', '', '', ''], before[0]], writes);
    const blind: Grid = { rowCount: 2, cell: (r, c) => (c === 1 ? undefined : snapshot[r][c]) };
    const result = repairsAfterWrite(writes, grid(before), grid(after), IDENTITY, blind);
    expect(apply(after, result.repairs)[0][0]).toBe('');
    expect(result.unrestored).toHaveLength(1);
  });

  it('names a lead by the cells the write left alone, not by a Lead ID it wrote', () => {
    // A new row's Lead ID lands on a row without one, which a sort moved there.
    const before = [['', 'Li', '', '', '']];
    const writes: CellWrites = new Map([[0, new Map([[0, 'L9']])]]);
    const after = apply([['', 'Wang', '', '', ''], before[0]], writes);
    const { unrestored } = repairsAfterWrite(writes, grid(before), grid(after), IDENTITY);
    expect(unrestored).toEqual([{ key: 'new:["Wang"]', row: 0, columns: [0] }]);
  });
});

// Columns: 0 Lead ID, 1 Contact, 2 Score, 3 Source, 4 Phone.
describe('a new lead a person goes on typing into while a run numbers it', () => {
  const typing = { idColumn: 0, identityColumns: [1, 4], typedColumns: [3] };
  const numbered = (rows: unknown[][], first = 0) =>
    editsByLead(
      rows.flatMap((row, r) =>
        row[0] === ''
          ? [
              { row: r, column: 0, value: `N${first + r}` },
              { row: r, column: 2, value: 10 },
            ]
          : [],
      ),
      rows,
      typing,
      { firstRow: first },
    );

  it('knows a row with only a source picked by that source, and a row with nothing by no key', () => {
    expect(rowKey((c) => ['', '', '', 'Fair', ''][c], typing)).toBe('typed:["Fair"]');
    expect(rowKey((c) => ['', 'Li', '', 'Fair', ''][c], typing)).toBe('new:["Li",""]');
    expect(rowKey(() => '', typing)).toBe('new:["",""]');
  });

  it('finds the lead on its row when the person typed its contact since the read', () => {
    const read = [
      ['L1', 'Wang', 30, 'Web', '138'],
      ['', '', '', 'Fair', ''],
    ];
    const now = [
      ['L1', 'Wang', 30, 'Web', '138'],
      ['', 'Zhao', '', 'Fair', ''],
    ];
    const placed = placeEdits(numbered(read), grid(now), typing, grid(read));
    expect(placed.gone).toEqual([]);
    expect(apply(now, placed.writes)[1]).toEqual(['N1', 'Zhao', 10, 'Fair', '']);
  });

  it('does not take the row for the lead when a row moved since the read, or a filled cell changed', () => {
    const read = [
      ['L1', 'Wang', 30, 'Web', '138'],
      ['', '', '', 'Fair', ''],
    ];
    // A row inserted above: the lead is a row down, and another row holds its place.
    const inserted = [['', '', '', 'Web', ''], read[0], ['', 'Zhao', '', 'Fair', '']];
    const moved = placeEdits(numbered(read), grid(inserted), typing, grid(read));
    expect(moved.gone).toEqual(['typed:["Fair"]']);
    expect(moved.writes.size).toBe(0);
    const retyped = [read[0], ['', 'Zhao', '', 'Trade show', '']];
    expect(placeEdits(numbered(read), grid(retyped), typing, grid(read)).gone).toHaveLength(1);
    // Without the operation's first read, nothing says no row moved.
    const typed = [read[0], ['', 'Zhao', '', 'Fair', '']];
    expect(placeEdits(numbered(read), grid(typed), typing).gone).toHaveLength(1);
  });

  it('leaves a numbered lead alone when the person typed its phone just after the write', () => {
    const before = [
      ['L1', 'Wang', 30, 'Web', '138'],
      ['', 'Zhao', '', 'Fair', ''],
    ];
    const writes: CellWrites = new Map([
      [
        1,
        new Map<number, unknown>([
          [0, 'N1'],
          [2, 10],
        ]),
      ],
    ]);
    const after = apply(before, writes);
    after[1][4] = '139';
    const check = repairsAfterWrite(writes, grid(before), grid(after), typing);
    expect({ repairs: check.repairs.size, misplaced: check.misplaced }).toEqual({
      repairs: 0,
      misplaced: 0,
    });
  });

  it('still puts the other lead back when a sort moved the rows as the person typed', () => {
    const before = [
      ['', 'Zhao', '', 'Fair', ''],
      ['L1', 'Wang', 30, 'Web', '138'],
    ];
    const writes: CellWrites = new Map([
      [
        0,
        new Map<number, unknown>([
          [0, 'N0'],
          [2, 10],
        ]),
      ],
    ]);
    // Sorted by Lead ID just before the write: Wang took the new lead's row and the write.
    const sorted = [before[1], before[0]];
    const after = apply(sorted, writes);
    after[1][4] = '139';
    const { repairs, gone } = repairsAfterWrite(writes, grid(before), grid(after), typing);
    // The new lead is left unnumbered (the person's own edit numbers it), never given Wang's row.
    expect({ gone, rows: apply(after, repairs) }).toEqual({
      gone: 1,
      rows: [
        ['L1', 'Wang', 30, 'Web', '138'],
        ['', 'Zhao', '', 'Fair', '139'],
      ],
    });
  });

  it('takes the row for another lead when nothing shows that no row moved', () => {
    // A lead like the new one, from rows no read held, took its row and the write (a sort).
    const before = [['', 'Zhao', '', 'Fair', '']];
    const writes: CellWrites = new Map([
      [
        0,
        new Map<number, unknown>([
          [0, 'N0'],
          [2, 10],
        ]),
      ],
    ]);
    const after = apply([['L7', 'Zhao', 75, 'Fair', '137']], writes);
    // Only the written row was read (no numbered lead to show that nothing moved)...
    const alone = repairsAfterWrite(writes, grid(before), grid(after), typing);
    expect(alone.misplaced).toBe(1);
    // ...or only scattered rows were, where a lead from between them could have come.
    const scattered = (rows: unknown[][]): Grid => ({ ...grid(rows), rows: [0] });
    const apart = repairsAfterWrite(writes, scattered(before), scattered(after), typing);
    expect(apart.misplaced).toBe(1);
  });
});
