// Where a new source goes: right below the last filled row of the Settings sources table.

import { sourcesTableEnd } from '../../../src/method/settings/sourcesTable';

describe('sourcesTableEnd', () => {
  it('finds the last source above the next table, skipping blank rows', () => {
    const grid = [
      ['语言', '中文'],
      ['线索来源', ''],
      ['来源', ''],
      ['展会', ''],
      ['', ''],
      ['官网表单', ''],
      ['', ''],
      ['不进公海的状态', ''],
      ['状态', ''],
    ];
    expect(sourcesTableEnd(grid)).toEqual({ lastRow: 5, column: 0 });
  });

  it('answers the header row for an empty table, and nothing without a table', () => {
    expect(sourcesTableEnd([['Sources'], ['Source']])).toEqual({ lastRow: 1, column: 0 });
    expect(sourcesTableEnd([['Language', 'English']])).toBeUndefined();
  });
});
