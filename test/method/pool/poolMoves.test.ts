// Moving leads between Leads and Pool: carried cells, added headers, repair of half-done moves, deletions.

import {
  carryRow,
  deletionBlocks,
  halfDoneMoves,
  headersToAdd,
  nextRecycleCount,
  rowsWithinBlockBudget,
} from '../../../src/method/pool/poolMoves';

describe('carryRow', () => {
  it('carries each value to the target column with the same header', () => {
    const row = carryRow(
      ['202405001-展会', '王经理', '13800138000'],
      ['线索编号', '联系人', '联系方式'],
      ['联系方式', '线索编号', '联系人'],
    );
    expect(row).toEqual(['13800138000', '202405001-展会', '王经理']);
  });

  it('matches headers ignoring case and surrounding spaces', () => {
    const row = carryRow(['L1', 'Zhang'], ['Lead ID', ' contact '], ['CONTACT', 'lead id']);
    expect(row).toEqual(['Zhang', 'L1']);
  });

  it('drops values whose header the target lacks', () => {
    const row = carryRow(
      ['L1', 'secret', 'Zhang'],
      ['Lead ID', 'Notes', 'Contact'],
      ['Lead ID', 'Contact'],
    );
    expect(row).toEqual(['L1', 'Zhang']);
  });

  it('leaves target-only columns blank', () => {
    const row = carryRow(
      ['L1', 'Zhang'],
      ['Lead ID', 'Contact'],
      ['Lead ID', 'Contact', 'Pooled at', 'Pool reason', 'Previous owner', 'Recycle count'],
    );
    expect(row).toEqual(['L1', 'Zhang', '', '', '', '']);
  });

  it("carries the team's own columns when the target has them", () => {
    const row = carryRow(['L1', 'VIP'], ['Lead ID', 'Tag'], ['Tag', 'Lead ID']);
    expect(row).toEqual(['VIP', 'L1']);
  });

  it('keeps non-text values as they are', () => {
    const at = new Date('2024-05-10T02:00:00Z');
    const row = carryRow([85, at], ['Score', 'Entered at'], ['Entered at', 'Score']);
    expect(row[0]).toBe(at);
    expect(row[1]).toBe(85);
  });

  it('returns a row as long as the target header', () => {
    expect(carryRow([], [], ['a', 'b', 'c'])).toEqual(['', '', '']);
  });
});

describe('headersToAdd', () => {
  it('lists source headers the target lacks, in source order', () => {
    expect(
      headersToAdd(['Lead ID', 'Tag', 'Contact', 'Campaign'], ['Lead ID', 'Contact', 'Pooled at']),
    ).toEqual(['Tag', 'Campaign']);
  });

  it('lists nothing when the target has every source header', () => {
    expect(headersToAdd(['Lead ID', 'Contact'], ['contact', 'LEAD ID', 'Pooled at'])).toEqual([]);
  });

  it('lists a user column only once, even when the source repeats it', () => {
    expect(headersToAdd(['Tag', 'tag', 'TAG '], ['Lead ID'])).toEqual(['Tag']);
  });

  it('ignores blank source headers', () => {
    expect(headersToAdd(['', 'Tag', '  ', null], ['Lead ID'])).toEqual(['Tag']);
  });

  it('matches headers ignoring case and surrounding spaces', () => {
    expect(headersToAdd([' tag '], ['Tag'])).toEqual([]);
  });
});

describe('halfDoneMoves', () => {
  const LEAD_COLUMNS = { id: 0, assignedAt: 1 };
  const POOL_COLUMNS = { id: 0, pooledAt: 1 };
  const POOLED = new Date('2024-05-15T02:00:00Z');
  const BEFORE = new Date('2024-05-08T02:00:00Z');
  const AFTER = new Date('2024-05-16T02:00:00Z');

  it('drops the Pool copy of a lead returned after it was pooled', () => {
    const result = halfDoneMoves([['L1', AFTER]], LEAD_COLUMNS, [['L1', POOLED]], POOL_COLUMNS);
    expect(result).toEqual({ leadsRowsToDelete: [], poolRowsToDelete: [0], conflicts: [] });
  });

  it('never treats an ID two different customers share as a half-done move', () => {
    const withContact = { ...LEAD_COLUMNS, contact: 2, phone: 3 };
    const poolWithContact = { ...POOL_COLUMNS, contact: 2, phone: 3 };
    const result = halfDoneMoves(
      [['L1', BEFORE, '李经理', '13800138000']],
      withContact,
      [['L1', POOLED, '王总', '13956781234']],
      poolWithContact,
    );
    expect(result).toEqual({ leadsRowsToDelete: [], poolRowsToDelete: [], conflicts: ['L1'] });
  });

  it('recognises the same customer in both tabs as a half-done move', () => {
    const withContact = { ...LEAD_COLUMNS, contact: 2, phone: 3 };
    const result = halfDoneMoves(
      [['L1', BEFORE, '李经理', '13800138000']],
      withContact,
      [['L1', POOLED, ' 李经理', '13800138000']],
      { ...POOL_COLUMNS, contact: 2, phone: 3 },
    );
    expect(result).toEqual({ leadsRowsToDelete: [0], poolRowsToDelete: [], conflicts: [] });
  });

  it('drops the Leads copy of a lead assigned before it was pooled', () => {
    const result = halfDoneMoves([['L1', BEFORE]], LEAD_COLUMNS, [['L1', POOLED]], POOL_COLUMNS);
    expect(result).toEqual({ leadsRowsToDelete: [0], poolRowsToDelete: [], conflicts: [] });
  });

  it('drops the Leads copy when it was assigned at the very time it was pooled', () => {
    const result = halfDoneMoves(
      [['L1', new Date(POOLED.getTime())]],
      LEAD_COLUMNS,
      [['L1', POOLED]],
      POOL_COLUMNS,
    );
    expect(result).toEqual({ leadsRowsToDelete: [0], poolRowsToDelete: [], conflicts: [] });
  });

  it('drops the Leads copy of a lead that was never assigned', () => {
    const result = halfDoneMoves([['L1', '']], LEAD_COLUMNS, [['L1', POOLED]], POOL_COLUMNS);
    expect(result).toEqual({ leadsRowsToDelete: [0], poolRowsToDelete: [], conflicts: [] });
  });

  it('leaves leads that are in one tab only untouched', () => {
    const result = halfDoneMoves(
      [
        ['L1', BEFORE],
        ['L2', AFTER],
      ],
      LEAD_COLUMNS,
      [
        ['P1', POOLED],
        ['P2', POOLED],
      ],
      POOL_COLUMNS,
    );
    expect(result).toEqual({ leadsRowsToDelete: [], poolRowsToDelete: [], conflicts: [] });
  });

  it('ignores blank Lead IDs in both tabs', () => {
    const result = halfDoneMoves(
      [
        ['', BEFORE],
        ['  ', AFTER],
      ],
      LEAD_COLUMNS,
      [
        ['', POOLED],
        ['  ', POOLED],
      ],
      POOL_COLUMNS,
    );
    expect(result).toEqual({ leadsRowsToDelete: [], poolRowsToDelete: [], conflicts: [] });
  });

  it('reports the row positions of each tab', () => {
    const leads = [
      ['L1', BEFORE],
      ['L2', BEFORE],
      ['L3', AFTER],
    ];
    const pool = [
      ['P9', POOLED],
      ['L3', POOLED],
      ['L2', POOLED],
    ];
    const result = halfDoneMoves(leads, LEAD_COLUMNS, pool, POOL_COLUMNS);
    expect(result.leadsRowsToDelete).toEqual([1]);
    expect(result.poolRowsToDelete).toEqual([1]);
  });

  it('finds the Lead ID and dates in the columns given', () => {
    const result = halfDoneMoves(
      [['x', AFTER, 'L1']],
      { id: 2, assignedAt: 1 },
      [[POOLED, 'y', 'L1']],
      { id: 2, pooledAt: 0 },
    );
    expect(result).toEqual({ leadsRowsToDelete: [], poolRowsToDelete: [0], conflicts: [] });
  });
});

describe('deletionBlocks', () => {
  it('joins adjacent rows into one block', () => {
    expect(deletionBlocks([3, 4, 5])).toEqual([{ start: 3, count: 3 }]);
  });

  it('lists the bottom block first', () => {
    expect(deletionBlocks([1, 2, 7, 9, 10])).toEqual([
      { start: 9, count: 2 },
      { start: 7, count: 1 },
      { start: 1, count: 2 },
    ]);
  });

  it('accepts rows in any order', () => {
    expect(deletionBlocks([10, 1, 9, 2])).toEqual([
      { start: 9, count: 2 },
      { start: 1, count: 2 },
    ]);
  });

  it('counts a repeated row once', () => {
    expect(deletionBlocks([4, 4, 5, 5])).toEqual([{ start: 4, count: 2 }]);
  });

  it('returns no blocks for no rows', () => {
    expect(deletionBlocks([])).toEqual([]);
  });
});

describe('nextRecycleCount', () => {
  it('counts a first trip to the pool as 1', () => {
    expect(nextRecycleCount('')).toBe(1);
  });

  it('adds one to a number count', () => {
    expect(nextRecycleCount(1)).toBe(2);
  });

  it('adds one to a count stored as text', () => {
    expect(nextRecycleCount('2')).toBe(3);
  });

  it('starts again at 1 when the count is unreadable', () => {
    expect(nextRecycleCount('junk')).toBe(1);
    expect(nextRecycleCount(null)).toBe(1);
    expect(nextRecycleCount(undefined)).toBe(1);
  });
});

describe('rowsWithinBlockBudget', () => {
  it('keeps every row when the blocks fit the budget', () => {
    expect([...rowsWithinBlockBudget([1, 2, 5], 2)].sort()).toEqual([1, 2, 5]);
  });

  it('keeps whole blocks from the bottom up when there are more blocks than the budget', () => {
    expect([...rowsWithinBlockBudget([0, 1, 4, 8, 9], 2)].sort((a, b) => a - b)).toEqual([4, 8, 9]);
  });

  it('keeps nothing with a budget of zero', () => {
    expect(rowsWithinBlockBudget([3], 0).size).toBe(0);
  });
});
