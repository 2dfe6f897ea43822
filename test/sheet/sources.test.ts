// Sources matched ignoring case, full/half width and spaces; unlisted ones found once each.

import { foldSource, sourceGrouping, unlistedSources } from '../../src/sheet/sources';

describe('foldSource', () => {
  it('folds case, width and spaces', () => {
    expect(foldSource(' Ｇｏｏｇｌｅ ')).toBe('google');
    expect(foldSource('Goo gle')).toBe('google');
    expect(foldSource('展 会')).toBe('展会');
  });
});

describe('sourceGrouping', () => {
  it('groups google, Google and Ｇｏｏｇｌｅ as the listed Google', () => {
    const group = sourceGrouping(['展会', 'Google']);
    expect(['google', 'Google', 'Ｇｏｏｇｌｅ'].map(group)).toEqual(['Google', 'Google', 'Google']);
  });

  it('groups a default source by its key in either language', () => {
    const group = sourceGrouping([]);
    expect(group('展会')).toBe('tradeShow');
    expect(group('trade SHOW')).toBe('tradeShow');
  });

  it('groups an unlisted source by the first way it was written', () => {
    const group = sourceGrouping([]);
    expect(group('Baidu')).toBe('Baidu');
    expect(group('baidu')).toBe('Baidu');
    expect(group('')).toBe('');
  });
});

describe('unlistedSources', () => {
  it('lists each source the Settings list lacks once, as first written', () => {
    expect(unlistedSources(['google', 'Google', '展会', '', 'Ｂａｉｄｕ'], ['展会'])).toEqual([
      'google',
      'Ｂａｉｄｕ',
    ]);
  });

  it('finds nothing when every source is listed however typed', () => {
    expect(unlistedSources(['GOOGLE', ' google'], ['Google'])).toEqual([]);
  });
});
