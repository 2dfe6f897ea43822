// The Channel spend table of Settings (SPEC §14): read, checked cell by cell, laid out by set-up.

import type { Language } from '../../../src/sheet/language';
import { defaultSettings, type Settings } from '../../../src/method/settings/settings';
import { settingsSheetContent } from '../../../src/method/settings/settingsLayout';
import { parseSettings, spendMonthOf } from '../../../src/method/settings/settingsParse';
import { cachedTimeZone } from '../../../src/sheet/calendar';

function grid(language: Language, settings: Partial<Settings> = {}): unknown[][] {
  return settingsSheetContent({ ...defaultSettings(language), ...settings }, language).rows.map(
    (row) => [...row],
  );
}

/** 0-based row of the first spend row. */
function firstSpendRow(cells: readonly (readonly unknown[])[]): number {
  return cells.findIndex((row) => row[0] === 'Channel spend' || row[0] === '渠道投入') + 2;
}

function withSpend(rows: unknown[][], language: Language = 'en'): unknown[][] {
  const cells = grid(language);
  const first = firstSpendRow(cells);
  rows.forEach((row, i) => {
    cells[first + i] = [...row, ''];
  });
  return cells;
}

describe('the channel spend table', () => {
  it('is laid out empty under its title and headers, in each language', () => {
    const en = grid('en');
    const at = firstSpendRow(en);
    expect(en[at - 1].slice(0, 3)).toEqual(['Channel', 'Month (YYYY-MM)', 'Amount (万)']);
    expect(grid('zh')[firstSpendRow(grid('zh')) - 1].slice(0, 3)).toEqual([
      '渠道',
      '月份(YYYY-MM)',
      '金额(万)',
    ]);
    const parsed = parseSettings(en, 'Settings', 'en');
    expect(parsed.ok && parsed.settings.channelSpend).toEqual([]);
  });

  it('reads channel, month and amount; months typed in several ways or made dates by Sheets', () => {
    const may = new Date('2024-04-30T16:00:00Z'); // 1 May 00:00 in Shanghai
    const parsed = parseSettings(
      withSpend([
        ['Trade show', '2024-03', 10],
        ['官网表单', '2024年4月', '4.5'],
        ['Referral', may, 2],
      ]),
      'Settings',
      'en',
    );
    expect(parsed.ok && parsed.settings.channelSpend).toEqual([
      { channel: 'Trade show', month: '2024-03', amount: 10 },
      { channel: '官网表单', month: '2024-04', amount: 4.5 },
      { channel: 'Referral', month: '2024-05', amount: 2 },
    ]);
  });

  it('writes the rows back as set-up lays them out', () => {
    const spend = [{ channel: '展会', month: '2024-03', amount: 10 }];
    const cells = grid('zh', { channelSpend: spend });
    expect(cells[firstSpendRow(cells)].slice(0, 3)).toEqual(['展会', '2024-03', 10]);
    const parsed = parseSettings(cells, '设置', 'zh');
    expect(parsed.ok && parsed.settings.channelSpend).toEqual(spend);
  });

  it('reports each bad cell with its reference, and returns no settings', () => {
    const cells = withSpend([
      ['', '2024-03', 10],
      ['Trade show', '2024-13', 10],
      ['Trade show', '2024-03', 'lots'],
      ['Trade show', '2024-04', 3],
      ['trade show', '2024/4', 1],
    ]);
    const row = firstSpendRow(cells) + 1;
    const parsed = parseSettings(cells, 'Settings', 'en');
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.problems).toEqual([
      { cell: `Settings!A${row}`, message: 'a spend row needs its channel' },
      {
        cell: `Settings!B${row + 1}`,
        message: 'month "2024-13" must be written YYYY-MM, e.g. 2024-08',
      },
      {
        cell: `Settings!C${row + 2}`,
        message: 'amount (万) must be a number from 0 to 1000000',
      },
      {
        cell: `Settings!A${row + 4}`,
        message: 'trade show 2024-04 is listed twice in channel spend',
      },
    ]);
  });
});

describe('spendMonthOf', () => {
  it('reads the month of a date Sheets made of a typed month, in any zone', () => {
    // 1 August 00:00 at UTC+14 and at UTC−12 are both August.
    expect(spendMonthOf(new Date('2024-07-31T10:00:00Z'))).toBe('2024-08');
    expect(spendMonthOf(new Date('2024-08-01T12:00:00Z'))).toBe('2024-08');
  });

  it('reads a full date by the month it falls in, in the spreadsheet zone', () => {
    const honolulu = cachedTimeZone('Pacific/Honolulu', () => -10 * 60);
    const shanghai = cachedTimeZone('Asia/Shanghai', () => 8 * 60);
    // 31 August late in the evening in Shanghai, and from midnight to the evening in Honolulu:
    // already September in UTC for some, still August where the spreadsheet is.
    expect(spendMonthOf(new Date('2024-08-31T15:00:00Z'), () => shanghai)).toBe('2024-08');
    expect(spendMonthOf(new Date('2024-08-31T10:00:00Z'), () => honolulu)).toBe('2024-08');
    expect(spendMonthOf(new Date('2024-08-31T23:59:00Z'), () => honolulu)).toBe('2024-08');
  });

  it('refuses what is not a month', () => {
    expect(spendMonthOf('2024-00')).toBeUndefined();
    expect(spendMonthOf('March')).toBeUndefined();
    expect(spendMonthOf('')).toBeUndefined();
  });
});
