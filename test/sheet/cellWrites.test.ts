// Changes applied to rows in memory: the rows as read stay as read, without a copy of every row.

import { applyChanges, applyChangesApart } from '../../src/sheet/cellWrites';

describe('applyChangesApart', () => {
  it('copies a row the first time it changes and leaves the row as read alone', () => {
    const asRead = [
      ['L1', 10],
      ['L2', 20],
    ];
    const rows = [...asRead];
    applyChangesApart(
      rows,
      [
        { row: 1, column: 1, value: 25 },
        { row: 1, column: 0, value: 'L2b' },
      ],
      asRead,
    );
    expect(rows).toEqual([
      ['L1', 10],
      ['L2b', 25],
    ]);
    expect(asRead[1]).toEqual(['L2', 20]);
    expect(rows[0]).toBe(asRead[0]);
  });

  it('changes a row already apart in place, as applyChanges does', () => {
    const asRead = [['L1', 10]];
    const rows = [['L1', 11]];
    const own = rows[0];
    applyChangesApart(rows, [{ row: 0, column: 1, value: 12 }], asRead);
    expect(rows[0]).toBe(own);
    const plain = [['L1', 10]];
    applyChanges(plain, [{ row: 0, column: 1, value: 12 }]);
    expect(plain).toEqual(rows);
  });
});
