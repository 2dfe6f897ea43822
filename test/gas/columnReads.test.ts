// Which columns share a read: only adjacent ones, since in a long tab a column not needed costs
// more than the call that skips it.

import { columnSpans } from '../../src/gas/columnReads';

describe('columnSpans', () => {
  it('reads adjacent columns as one span, in order, each column once', () => {
    expect(columnSpans([4, 2, 3, 0, 3])).toEqual([
      { first: 0, last: 0 },
      { first: 2, last: 4 },
    ]);
  });

  it('reads columns one apart separately', () => {
    expect(columnSpans([1, 3])).toEqual([
      { first: 1, last: 1 },
      { first: 3, last: 3 },
    ]);
  });

  it('reads nothing for no columns', () => {
    expect(columnSpans([])).toEqual([]);
  });
});
