// Language choice from the spreadsheet locale, and the folding used to match headers and options.

import { foldText, labelIn, languageFromLocale, matchesLabel } from '../../src/sheet/language';

describe('languageFromLocale', () => {
  it.each(['zh_CN', 'zh_SG', 'zh-Hans', 'zh-Hans-CN', 'zh', 'ZH_cn'])(
    'reads %s as Simplified Chinese',
    (locale) => {
      expect(languageFromLocale(locale)).toBe('zh');
    },
  );

  it.each(['zh_TW', 'zh_HK', 'zh_MO', 'zh-Hant', 'zh-Hant-TW', 'zh_Hant_HK', 'ZH-tw'])(
    'reads %s as Traditional Chinese',
    (locale) => {
      expect(languageFromLocale(locale)).toBe('zhHant');
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

describe('Traditional Chinese', () => {
  const contact = { en: 'Contact', zh: '联系人' };

  it('derives the Traditional label from the Simplified one, with Taiwan wording', () => {
    expect(labelIn('zhHant', contact)).toBe('聯絡人');
    expect(labelIn('zhHant', { en: 'Authority', zh: '决策权限' })).toBe('決策權限');
    expect(labelIn('zh', contact)).toBe('联系人');
    expect(labelIn('en', contact)).toBe('Contact');
  });

  it('matches a label typed in Traditional, Taiwan or Hong Kong forms', () => {
    expect(matchesLabel('聯絡人', contact)).toBe(true);
    expect(matchesLabel('聯繫人', contact)).toBe(true);
    expect(matchesLabel(' 联系人 ', contact)).toBe(true);
    expect(matchesLabel('聯絡', contact)).toBe(false);
  });

  it('reads an option in OpenCC’s own wording where the glossary chose another', () => {
    const none = { en: 'None', zh: '无权限' };
    expect(labelIn('zhHant', none)).toBe('無權限');
    expect(matchesLabel('無許可權', none)).toBe(true);
    expect(matchesLabel('無權限', none)).toBe(true);
  });

  it('folds Traditional characters to their Simplified form', () => {
    expect(foldText('線索編號')).toBe(foldText('线索编号'));
    expect(foldText('決策權限')).toBe('决策权限');
  });

  it('leaves English and Simplified folding as it was', () => {
    expect(foldText('Lead ID')).toBe('leadid');
    expect(foldText('需求匹配度')).toBe('需求匹配度');
  });
});
