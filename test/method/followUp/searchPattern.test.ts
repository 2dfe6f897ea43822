// The sidebar's search as a TextFinder pattern: finds what the sidebar's matching finds.

import { searchPattern } from '../../../src/method/followUp/searchPattern';
import { searchHits } from '../../../src/method/followUp/leadCard';

const matches = (query: string, cell: string) =>
  new RegExp(searchPattern(query) as string, 'iu').test(cell);

describe('searchPattern', () => {
  it('ignores case, width and spaces like the sidebar does', () => {
    expect(matches('acme', 'ＡＣＭＥ Asia')).toBe(true);
    expect(matches('A CME', 'acme')).toBe(true);
    expect(matches('测试公司', '测试 公司42')).toBe(true);
    expect(matches('acme', 'Zenith')).toBe(false);
  });

  it('finds text typed in Traditional or Simplified whichever way the query was typed', () => {
    expect(matches('202405001-展會', '202405001-展会')).toBe(true);
    expect(matches('202405001-展会', '202405001-展會')).toBe(true);
    expect(matches('聯絡', '王先生聯絡人')).toBe(true);
  });

  it('finds a phone typed with a country code or separators', () => {
    expect(matches('+86 138 0013 8000', '138-0013-8000')).toBe(true);
    expect(matches('138 0013', '(138) 0013 8000')).toBe(true);
  });

  it('treats regular-expression characters as text', () => {
    expect(matches('a.b', 'axb')).toBe(false);
    expect(matches('a.b', 'A.B company')).toBe(true);
    expect(matches('(x)', '(X) Ltd')).toBe(true);
  });

  it('never finds less than the sidebar matching', () => {
    const cells = ['Ann Lee', 'ＡＮＮ', '202405001-展会', '13900000001', 'ann lee co'];
    for (const query of ['ann', 'ANN LEE', '展会', '139 0000', '2024 05', 'lee co']) {
      const hits = searchHits(
        cells.map((cell) => ({ id: 'x', contact: cell })),
        query,
      );
      for (const at of hits)
        expect({ query, cell: cells[at], found: matches(query, cells[at]) }).toEqual({
          query,
          cell: cells[at],
          found: true,
        });
    }
  });

  it('has nothing to search for in blank text', () => {
    expect(searchPattern('  ')).toBeUndefined();
  });
});
