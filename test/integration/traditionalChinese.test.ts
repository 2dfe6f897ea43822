// Traditional Chinese through the built bundle (SPEC §15): set-up in zh_TW and zh_HK speaks it
// everywhere a person reads, scoring reads Traditional options, and a sheet whose headers were typed
// in Traditional (or mixed with Simplified values) is recognised without added columns.

import OpenCC from 'opencc-js';
import type { LocalAppsScript } from '../../gas-local/runtime';
import { labelIn } from '../../src/sheet/language';
import { MENU_ENTRIES } from '../../src/sheet/menu';
import { t } from '../../src/sheet/text';
import { LEAD_COLUMNS, TAB_NAMES, TAB_ORDER } from '../../src/sheet/tabs';
import { leadHeaders, leadRow } from '../support/leads';
import { loadRuntime, rowsOf } from '../support/runtime';
import { simplifiedOnlyIn } from '../support/simplifiedOnly';

const LEADS = '銷售線索資訊表';

const visibleTabs = (runtime: LocalAppsScript) =>
  runtime.spreadsheet._sheets.filter((s) => !s.isSheetHidden()).map((s) => s.getName());

/** Every text a person reads after a run: tab names, cells, drop-down values, menu, toasts, alerts. */
function everythingShown(runtime: LocalAppsScript): string[] {
  const shown: string[] = [];
  for (const sheet of runtime.spreadsheet._sheets.filter((s) => !s.isSheetHidden())) {
    shown.push(sheet.getName());
    for (const row of runtime.values(sheet.getName())) {
      for (const cell of row) if (typeof cell === 'string') shown.push(cell);
    }
    for (const [, rule] of sheet._data.validations.entries()) {
      const values = (rule as { _spec?: { values?: unknown[] } })._spec?.values ?? [];
      for (const value of values) if (typeof value === 'string') shown.push(value);
    }
  }
  const ui = runtime.spreadsheetApp._ui;
  for (const menu of ui.menus) {
    shown.push(menu.caption);
    for (const item of menu.items) if (item !== 'separator') shown.push(item.caption);
  }
  for (const alert of ui.alerts) shown.push(alert.title ?? '', alert.prompt);
  for (const toast of runtime.toasts()) shown.push(toast.message, toast.title ?? '');
  return shown;
}

/** The template lead (seed table 1), its options typed in Traditional. */
const TRADITIONAL_LEAD = {
  source: '展會',
  contact: '李經理',
  phone: '0912345678',
  company: '某製造企業',
  budget: '50-80萬',
  needFit: '完全契合',
  budgetFit: '高於定價',
  authority: '直接決策人',
  urgency: '1個月內',
  status: '跟進中',
};

describe.each(['zh_TW', 'zh_HK', 'zh_MO'])('set-up in a %s spreadsheet', (locale) => {
  const setUp = () => {
    const runtime = loadRuntime({ locale });
    runtime.invoke('onOpen', [{ authMode: 'FULL' }]);
    runtime.invoke('setupSheets');
    return runtime;
  };

  it('creates every tab and header in Traditional Chinese', () => {
    const runtime = setUp();
    expect(visibleTabs(runtime)).toEqual(TAB_ORDER.map((k) => labelIn('zhHant', TAB_NAMES[k])));
    expect(runtime.values(LEADS)[0]).toEqual(leadHeaders('zhHant'));
    expect(runtime.values(LEADS)[0]).toContain('聯絡人');
    expect(runtime.values(LEADS)[0]).toContain('決策權限');
    expect(runtime.values('公海')[0].slice(-4)).toEqual([
      '進入公海時間',
      '進入公海原因',
      '原負責人',
      '回收次數',
    ]);
  });

  it('leaves no Simplified-only character anywhere a person reads', () => {
    const runtime = setUp();
    runtime.type(LEADS, 2, 1, [leadRow(TRADITIONAL_LEAD)]);
    runtime.invoke('scoreAllLeads');
    runtime.invoke('refreshAnalysis');
    const shown = everythingShown(runtime).filter((text) => text !== '');
    expect(shown.length).toBeGreaterThan(200);
    // The menu, the drop-downs and the Settings tab are among what was read.
    const menuItems = MENU_ENTRIES.flatMap((entry) => (entry ? [t('zhHant', entry.caption)] : []));
    for (const caption of menuItems) expect(shown).toContain(caption);
    expect(shown).toContain('部分契合');
    expect(shown).toContain('產品定價(萬)');
    const simplified = shown
      // The lead's own cells are the team's words; the ID is derived from its source as typed.
      .filter((text) => simplifiedOnlyIn(text).length > 0);
    expect(simplified).toEqual([]);
  });
});

describe('scoring Traditional Chinese values', () => {
  it('scores Traditional options in a zh_TW sheet as their Simplified equivalents', () => {
    const runtime = loadRuntime({ locale: 'zh_TW' });
    runtime.invoke('setupSheets');
    runtime.type(LEADS, 2, 1, [
      leadRow(TRADITIONAL_LEAD),
      leadRow({
        contact: '王總',
        phone: '0922333444',
        needFit: '部分契合',
        authority: '有影響者',
        urgency: '3個月以上',
        budgetFit: '不足',
      }),
    ]);
    runtime.invoke('scoreAllLeads');
    const [first, second] = rowsOf(runtime, LEADS);
    expect(first['評分']).toBe(100);
    expect(first['線索等級']).toBe('A');
    // The breakdown ends with the rules version the lead was first graded under, in Traditional.
    expect(first['評分說明']).toMatch(
      /^需求40 \+ 預算25 \+ 決策20 \+ 緊急15 = 100 · 首評規則 v[0-9a-f]{6}$/,
    );
    expect(second['評分']).toBe(40);
    expect(second['線索等級']).toBe('C');
    expect(String(first['線索編號'])).toMatch(/^\d{9}-展會$/);
  });

  it('derives budget fit and urgency from Traditional budget text', () => {
    const runtime = loadRuntime({ locale: 'zh_TW' });
    runtime.invoke('setupSheets');
    runtime.type(LEADS, 2, 1, [
      leadRow({
        contact: '陳小姐',
        phone: '0933444555',
        needFit: '完全契合',
        budget: '50-80萬',
        expectedClose: '2024-08',
        authority: '直接決策人',
      }),
    ]);
    runtime.invoke('scoreAllLeads');
    const [lead] = rowsOf(runtime, LEADS);
    expect(lead['評分']).toBe(85);
    expect(lead['評分說明']).toMatch(
      /^需求40 \+ 預算15\(推算\) \+ 決策20 \+ 緊急10\(推算\) = 85 · /,
    );
  });
});

/** A team's own Leads tab, headers typed in Traditional (Taiwan or Hong Kong forms). */
const TEAM_HEADERS = [
  '線索編號',
  '來源',
  '聯絡人',
  '聯繫方式',
  '公司名稱',
  '需求匹配度',
  '預算範圍',
  '決策權限',
  '緊急程度',
  '狀態',
  '負責人',
  '錄入時間',
];

describe.each(['zh_TW', 'zh_CN', 'en_US'])(
  'a Traditional-header sheet in a %s spreadsheet',
  (locale) => {
    const teamSheet = (values: unknown[][]) => {
      const runtime = loadRuntime({ locale });
      runtime.addSheet(LEADS, [TEAM_HEADERS, ...values]);
      runtime.invoke('setupSheets');
      return runtime;
    };

    it('is recognised: set-up adds none of the columns the team already has', () => {
      const runtime = teamSheet([]);
      const header = runtime.values(LEADS)[0];
      expect(header.slice(0, TEAM_HEADERS.length)).toEqual(TEAM_HEADERS);
      // Only the fields the team lacks are added, once each, in the spreadsheet's language.
      const added = header.slice(TEAM_HEADERS.length);
      const have = new Set([
        'id',
        'source',
        'contact',
        'phone',
        'company',
        'needFit',
        'budget',
        'authority',
        'urgency',
        'status',
        'owner',
        'enteredAt',
      ]);
      expect(added).toHaveLength(LEAD_COLUMNS.length - have.size);
      for (const column of LEAD_COLUMNS.filter((c) => have.has(c.key))) {
        expect(added).not.toContain(column.header.zh);
        expect(added).not.toContain(column.header.en);
        expect(added).not.toContain(labelIn('zhHant', column.header));
      }
    });

    it('scores a mixed sheet: Traditional headers, Simplified values', () => {
      const row = [
        '',
        '展会',
        '李经理',
        '13800138000',
        '某制造企业',
        '完全契合',
        '50-80万',
        '直接决策人',
        '1个月内',
        '跟进中',
        '',
        '2024-05-01',
      ];
      const runtime = teamSheet([row]);
      runtime.invoke('scoreAllLeads');
      const [header, lead] = runtime.values(LEADS);
      const at = (wanted: readonly string[]) => header.findIndex((h) => wanted.includes(String(h)));
      const score = at(['评分', '評分', 'Score']);
      const grade = at(['线索等级', '線索等級', 'Grade']);
      expect(lead[score]).toBe(90);
      expect(lead[grade]).toBe('A');
      expect(String(lead[0])).toBe('202405001-展会');
      // The team's own values stay as typed.
      expect(lead.slice(4, 10)).toEqual(row.slice(4, 10));
    });

    it('scores a sheet typed wholly in Traditional', () => {
      const row = [
        '',
        '展會',
        '李經理',
        '0912345678',
        '某製造企業',
        '部分契合',
        '50-80萬',
        '有影響者',
        '1-3個月',
        '重點跟進',
        '',
        '2024-05-01',
      ];
      const runtime = teamSheet([row]);
      runtime.invoke('scoreAllLeads');
      const [header, lead] = runtime.values(LEADS);
      const score = header.findIndex((h) => ['评分', '評分', 'Score'].includes(String(h)));
      expect(lead[score]).toBe(20 + 15 + 10 + 10);
    });
  },
);

describe.each([
  ['zh_TW', 'twp'],
  ['zh_TW', 'tw'],
  ['zh_HK', 'hk'],
] as const)('a %s sheet converted from Simplified with OpenCC (cn → %s)', (locale, to) => {
  it('is recognised without added columns and scores its values', () => {
    const convert = OpenCC.Converter({ from: 'cn', to });
    const keys = [
      'id',
      'source',
      'contact',
      'phone',
      'company',
      'needFit',
      'budget',
      'authority',
      'urgency',
      'status',
      'enteredAt',
    ];
    const columns = keys.map((key) => LEAD_COLUMNS.find((c) => c.key === key)!);
    const header = columns.map((c) => convert(c.header.zh));
    const simplified = [
      '',
      '展会',
      '李经理',
      '13800138000',
      '某制造企业',
      '部分契合',
      '50-80万',
      '无权限',
      '1-3个月',
      '跟进中',
      '2024-05-01',
    ];
    const runtime = loadRuntime({ locale });
    const tab = convert(TAB_NAMES.leads.zh);
    runtime.addSheet(tab, [header, simplified.map((cell) => convert(cell))]);
    runtime.invoke('setupSheets');
    const [written, lead] = runtime.values(tab);
    expect(written.slice(0, header.length)).toEqual(header);
    expect(written).toHaveLength(LEAD_COLUMNS.length);
    runtime.invoke('scoreAllLeads');
    const [, scored] = runtime.values(tab);
    const score = written.indexOf(
      labelIn('zhHant', LEAD_COLUMNS.find((c) => c.key === 'score')!.header),
    );
    // Partial 20 + budget matches 15 + no authority 0 + 1-3 months 10.
    expect(scored[score]).toBe(45);
    expect(lead[1]).toBe(convert('展会'));
  });
});

describe('a Hong Kong team’s own Leads tab', () => {
  it('is found under its Hong Kong name and headers: set-up adds no second Leads tab', () => {
    const runtime = loadRuntime({ locale: 'zh_HK' });
    const name = '銷售線索信息表';
    runtime.addSheet(name, [['線索編號', '來源', '聯繫人', '聯繫方式', '公司名稱', '需求匹配度']]);
    runtime.invoke('setupSheets');
    expect(visibleTabs(runtime)).not.toContain(LEADS);
    expect(visibleTabs(runtime)[0]).toBe(name);
    const header = runtime.values(name)[0];
    expect(header.slice(0, 6)).toEqual([
      '線索編號',
      '來源',
      '聯繫人',
      '聯繫方式',
      '公司名稱',
      '需求匹配度',
    ]);
    expect(header).not.toContain('聯絡人');
    expect(header).toContain('決策權限');
  });
});

describe('the Settings language row', () => {
  it.each(['繁體中文', '繁体中文', 'zh-Hant', 'zh_TW', 'Traditional Chinese'])(
    'makes a zh_CN spreadsheet speak Traditional with %s',
    (value) => {
      const runtime = loadRuntime({ locale: 'zh_CN' });
      runtime.invoke('setupSheets');
      const settings = runtime.values('设置');
      const row = settings.findIndex((r) => r[0] === '语言');
      runtime.type('设置', row + 1, 2, [[value]]);
      runtime.invoke('refreshAnalysis');
      expect(runtime.toasts().at(-1)).toEqual({
        message: '轉化分析已重新整理。',
        title: '線索追蹤',
      });
      expect(runtime.values('转化分析')[0][0]).toBe('轉化分析');
    },
  );
});
