// adjacentRuns: adjacent columns sharing a setting become one run; gaps and changes start a new one.

import { adjacentRuns } from '../../src/sheet/columnRuns';

describe('adjacentRuns', () => {
  it('joins adjacent columns with the same key', () => {
    expect(
      adjacentRuns([
        { at: 2, key: '@' },
        { at: 0, key: '@' },
        { at: 1, key: '@' },
      ]),
    ).toEqual([{ key: '@', from: 0, count: 3 }]);
  });

  it('starts a new run at a gap or a different key', () => {
    expect(
      adjacentRuns([
        { at: 0, key: 'a' },
        { at: 1, key: 'b' },
        { at: 2, key: 'b' },
        { at: 4, key: 'b' },
      ]),
    ).toEqual([
      { key: 'a', from: 0, count: 1 },
      { key: 'b', from: 1, count: 2 },
      { key: 'b', from: 4, count: 1 },
    ]);
  });

  it('skips columns without a key, which also break a run', () => {
    expect(
      adjacentRuns([
        { at: 0, key: 'x' },
        { at: 1, key: undefined },
        { at: 2, key: 'x' },
      ]),
    ).toEqual([
      { key: 'x', from: 0, count: 1 },
      { key: 'x', from: 2, count: 1 },
    ]);
  });
});
