// Language choice from the spreadsheet locale, and the folding used to match headers and options.

import { foldText, languageFromLocale, matchesLabel } from '../../src/sheet/language';

describe('languageFromLocale', () => {
  it.each(['zh_CN', 'zh_TW', 'zh_HK', 'zh-Hans', 'zh', 'ZH_cn'])(
    'reads %s as Chinese',
    (locale) => {
      expect(languageFromLocale(locale)).toBe('zh');
    },
  );

  it.each(['en_US', 'en_GB', 'ja_JP', 'de', 'fr_FR'])('reads %s as English', (locale) => {
    expect(languageFromLocale(locale)).toBe('en');
  });

  it('falls back to English when the locale is unknown', () => {
    expect(languageFromLocale('')).toBe('en');
    expect(languageFromLocale(null)).toBe('en');
    expect(languageFromLocale(undefined)).toBe('en');
  });
});

describe('foldText', () => {
  it('trims and lower-cases text', () => {
    expect(foldText('  Lead ID ')).toBe('leadid');
  });

  it('ignores inner white space, as people type headers with or without it', () => {
    expect(foldText('Expected \t  close')).toBe(foldText('Expectedclose'));
  });

  it('reads full-width letters and brackets as half-width (NFKC)', () => {
    expect(foldText('成交金额（万）')).toBe(foldText('成交金额(万)'));
    expect(foldText('Ｌｅａｄ　ＩＤ')).toBe(foldText('Lead ID'));
  });

  it('leaves Chinese text as it is, apart from trimming', () => {
    expect(foldText(' 线索编号 ')).toBe('线索编号');
  });

  it('turns empty cells into an empty string', () => {
    expect(foldText('')).toBe('');
    expect(foldText(null)).toBe('');
    expect(foldText(undefined)).toBe('');
  });

  it('folds numbers to their text', () => {
    expect(foldText(7)).toBe('7');
  });
});

describe('matchesLabel', () => {
  const label = { en: 'Pool days', zh: '公海天数' };

  it('matches the English wording, trimmed and in any case', () => {
    expect(matchesLabel('Pool days', label)).toBe(true);
    expect(matchesLabel('  POOL DAYS ', label)).toBe(true);
  });

  it('matches the Chinese wording', () => {
    expect(matchesLabel('公海天数', label)).toBe(true);
    expect(matchesLabel(' 公海天数 ', label)).toBe(true);
  });

  it('does not match other text or a blank cell', () => {
    expect(matchesLabel('Pool day', label)).toBe(false);
    expect(matchesLabel('', label)).toBe(false);
    expect(matchesLabel(null, label)).toBe(false);
  });
});
