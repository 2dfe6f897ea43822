// Everything the add-on shows a Traditional Chinese reader: no Simplified-only character anywhere
// (catalogue phrases and templates, tabs, headers, options, Settings labels, menu, every Chinese
// string of the source), and people's own words in a message kept as typed.

import { MENU_TITLE, MENU_ENTRIES } from '../../../src/sheet/menu';
import { type Bilingual, WRITTEN_LANGUAGES, labelIn } from '../../../src/sheet/language';
import * as options from '../../../src/sheet/options';
import {
  CONVERSION_COLUMNS,
  FOLLOWUP_COLUMNS,
  LEAD_COLUMNS,
  LOG_COLUMNS,
  POOL_COLUMNS,
  TAB_NAMES,
} from '../../../src/sheet/tabs';
import * as text from '../../../src/sheet/text';
import { CAPTURE, ERRORS, t } from '../../../src/sheet/text';
import {
  LANGUAGE_OPTIONS,
  SETTINGS_HEADER,
  SINGLE_LABELS,
  TABLES,
} from '../../../src/method/settings/settingsLayout';
import { DIMENSIONS } from '../../../src/method/scoring/scoringRules';
import { chineseCorpus } from '../../../dev/build/hantTables';
import { toTraditional } from '../../../src/sheet/hant/convert';
import { simplifiedOnlyIn } from '../../support/simplifiedOnly';

type Texts = Readonly<Record<string, unknown>>;

function entriesOf(node: unknown, path: string): [string, Texts][] {
  if (typeof node !== 'object' || node === null) return [];
  if (WRITTEN_LANGUAGES.some((language) => language in node)) return [[path, node as Texts]];
  return Object.entries(node).flatMap(([key, child]) => entriesOf(child, `${path}.${key}`));
}

const ENTRIES = Object.entries(text).flatMap(([name, area]) => entriesOf(area, name));

/** A parameter that reads as ASCII text, a number, a list of one, or a label with any field. */
function sample(at: number): unknown {
  const tag = `P${at}`;
  return new Proxy([tag], {
    get(list, key) {
      if (key === Symbol.toPrimitive) return (hint: string) => (hint === 'number' ? 2 : tag);
      if (key === 'toLowerCase' || key === 'toUpperCase') return () => tag;
      if (key in list) return Reflect.get(list, key);
      return typeof key === 'string' ? tag : undefined;
    },
  });
}

/** The Traditional text of an entry, a template filled with sample parameters. */
function traditional(texts: Texts): string {
  if (typeof texts.zh === 'string') return t('zhHant', texts as unknown as text.Phrase);
  const params = Array.from({ length: (texts.zh as () => string).length }, (_, i) => sample(i));
  return t('zhHant', texts as unknown as text.Template<unknown[]>, ...params);
}

const labels = (list: readonly Bilingual[]): Bilingual[] => [...list];
const VOCABULARY: [string, Bilingual][] = [
  ...Object.entries(TAB_NAMES).map(([key, name]): [string, Bilingual] => [`tab ${key}`, name]),
  ...[LEAD_COLUMNS, FOLLOWUP_COLUMNS, CONVERSION_COLUMNS, POOL_COLUMNS, LOG_COLUMNS]
    .flat()
    .map((c): [string, Bilingual] => [`header ${c.key}`, c.header]),
  ...Object.entries(options)
    .filter(([, value]) => Array.isArray(value) && typeof value[0] === 'object')
    .flatMap(([name, list]) =>
      labels(list as unknown as Bilingual[]).map((o): [string, Bilingual] => [`option ${name}`, o]),
    ),
  ...Object.entries(SINGLE_LABELS).map(([key, l]): [string, Bilingual] => [`setting ${key}`, l]),
  ...Object.values(TABLES).flatMap((table) => [
    ['settings table', table.title] as [string, Bilingual],
    ...table.columns.map((c): [string, Bilingual] => ['settings column', c.header]),
  ]),
  ...SETTINGS_HEADER.map((h): [string, Bilingual] => ['settings header', h]),
  ...LANGUAGE_OPTIONS.map((o): [string, Bilingual] => ['language option', o]),
  ...DIMENSIONS.flatMap((d) => [
    ['dimension', d.name] as [string, Bilingual],
    ['dimension short', d.short] as [string, Bilingual],
  ]),
];

describe('Traditional Chinese text', () => {
  it('covers the whole catalogue and vocabulary', () => {
    expect(ENTRIES.length).toBeGreaterThan(300);
    expect(VOCABULARY.length).toBeGreaterThan(100);
  });

  it.each(ENTRIES)('%s has no Simplified-only character', (_, texts) => {
    expect(simplifiedOnlyIn(traditional(texts))).toEqual([]);
  });

  it.each(VOCABULARY)('%s has no Simplified-only character', (_, label) => {
    const shown = labelIn('zhHant', label);
    expect(simplifiedOnlyIn(shown)).toEqual([]);
    expect(shown).not.toBe('');
  });

  it('shows the menu in Traditional', () => {
    const captions = [MENU_TITLE, ...MENU_ENTRIES.flatMap((e) => (e ? [e.caption] : []))];
    for (const caption of captions) expect(simplifiedOnlyIn(t('zhHant', caption))).toEqual([]);
    expect(t('zhHant', MENU_TITLE)).toBe('線索追蹤');
  });

  it('converts every Chinese line of the source without leaving a Simplified-only character', () => {
    const left = chineseCorpus()
      .map((line) => toTraditional(line))
      .filter((line) => simplifiedOnlyIn(line).length > 0);
    expect(left).toEqual([]);
  });

  it('uses the reviewed wording for the tabs a Taiwan team reads', () => {
    expect(labelIn('zhHant', TAB_NAMES.leads)).toBe('銷售線索資訊表');
    expect(labelIn('zhHant', TAB_NAMES.pool)).toBe('公海');
    expect(labelIn('zhHant', TAB_NAMES.settings)).toBe('設定');
    expect(LEAD_COLUMNS.find((c) => c.key === 'authority')?.header.zh).toBe('决策权限');
    expect(labelIn('zhHant', LEAD_COLUMNS.find((c) => c.key === 'authority')!.header)).toBe(
      '決策權限',
    );
  });

  it('keeps the names and IDs a message is given exactly as typed', () => {
    const message = t('zhHant', CAPTURE.mailSubject, '陈丽华', 'A', '202405001-展会');
    expect(message).toBe('新線索：陈丽华（A級），202405001-展会');
    expect(t('zhHant', ERRORS.missingTab, TAB_NAMES.leads)).toContain('銷售線索資訊表');
  });

  it('leaves English and Simplified text as written', () => {
    expect(t('zh', CAPTURE.mailSubject, '陈丽华', 'A', 'X')).toBe('新线索：陈丽华（A级），X');
    expect(labelIn('zh', TAB_NAMES.leads)).toBe('销售线索信息表');
  });
});
