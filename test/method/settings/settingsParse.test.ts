// Reading and validating the Settings tab (SPEC §7), starting from the default tab setup writes.

import type { Language } from '../../../src/sheet/language';
import { defaultSettings } from '../../../src/method/settings/settings';
import { settingsSheetContent } from '../../../src/method/settings/settingsLayout';
import {
  type SettingsProblem,
  type SettingsResult,
  SettingsError,
  missingSingleSettings,
  parseSettings,
  splitList,
} from '../../../src/method/settings/settingsParse';

/** The default Settings tab as setupSheets writes it, as a grid of cells to break. */
function defaultGrid(language: Language): unknown[][] {
  return settingsSheetContent(defaultSettings(language), language).rows.map((row) => [...row]);
}

/** 0-based index of the row whose column A is `label`. */
function rowOf(grid: readonly (readonly unknown[])[], label: string): number {
  const at = grid.findIndex((row) => row[0] === label);
  if (at < 0) throw new Error(`no row labelled ${label}`);
  return at;
}

/** The A1 reference of column `letter` on the row labelled `label`. */
function cellOf(grid: readonly (readonly unknown[])[], label: string, letter = 'B'): string {
  return `Settings!${letter}${rowOf(grid, label) + 1}`;
}

function setValue(grid: unknown[][], label: string, value: unknown): void {
  grid[rowOf(grid, label)][1] = value;
}

/** 0-based index of the first row under a table's header row. */
function firstTableRow(grid: readonly (readonly unknown[])[], title: string): number {
  return rowOf(grid, title) + 2;
}

function parse(grid: unknown[][], language: Language = 'en'): SettingsResult {
  return parseSettings(grid, 'Settings', language);
}

function settingsOf(result: SettingsResult) {
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.cell}: ${p.message}`).join('\n'));
  return result.settings;
}

function problemsOf(result: SettingsResult): readonly SettingsProblem[] {
  if (result.ok) throw new Error('expected the settings to be rejected');
  return result.problems;
}

const EN_SOURCES = [
  'Website form',
  'Trade show',
  'Phone inquiry',
  'Referral',
  'E-commerce',
  'Other',
];
const ZH_SOURCES = ['官网表单', '展会', '电话咨询', '客户推荐', '电商平台', '其他'];

describe('parseSettings: the default tab', () => {
  it.each(['en', 'zh'] as const)('reads back the defaults it was built from (%s)', (language) => {
    const result = parseSettings(defaultGrid(language), 'Settings', language);
    expect(settingsOf(result)).toEqual(defaultSettings(language));
  });

  it('holds the single values of SPEC §7', () => {
    const settings = settingsOf(parse(defaultGrid('en')));
    expect(settings.language).toBe('en');
    expect(settings.productPrice).toBe(50);
    expect(settings.poolDays).toBe(7);
    expect(settings.gradeFrom).toEqual({ A: 80, B: 60, C: 40 });
    expect(settings.slaHours).toEqual({ A: 24, B: 48, C: 72 });
    expect(settings.cadenceDays).toEqual({ A: 1, B: 2, C: 7 });
    expect(settings.aDailyDays).toBe(14);
    expect(settings.slaClock).toBe('calendar');
    expect(settings.managerEmails).toEqual([]);
    expect(settings.leadershipEmails).toEqual([]);
    expect(settings.chatWebhook).toBe('');
    expect(settings.analysisWindowDays).toBe(0);
  });

  it('holds the SPEC §2 points, no team, no rules, the SPEC §1 sources, closed statuses', () => {
    const settings = settingsOf(parse(defaultGrid('en')));
    expect(settings.points).toEqual({
      needFit: { full: 40, partial: 20, none: 0 },
      budgetFit: { above: 25, matches: 15, below: 5 },
      authority: { decisionMaker: 20, influencer: 10, none: 0 },
      urgency: { within1Month: 15, oneToThreeMonths: 10, over3Months: 5 },
    });
    expect(settings.proposedPoints).toEqual({});
    expect(settings.team).toEqual([]);
    expect(settings.rules).toEqual([]);
    expect(settings.sources).toEqual(EN_SOURCES);
    expect([...settings.poolExemptStatuses].sort()).toEqual(['lost', 'notWon', 'won']);
  });

  it('lists the Chinese sources on a Chinese tab', () => {
    expect(settingsOf(parse(defaultGrid('zh'), 'zh')).sources).toEqual(ZH_SOURCES);
  });

  it('writes the Settings tab with the SPEC §7 labels in each language', () => {
    const en = defaultGrid('en').map((row) => row[0]);
    const zh = defaultGrid('zh').map((row) => row[0]);
    for (const label of [
      'Language',
      'Product price (万)',
      'Pool days',
      'Grade A from',
      'SLA clock',
    ]) {
      expect(en).toContain(label);
    }
    for (const label of [
      '语言',
      '产品定价(万)',
      '公海天数',
      'A级最低分',
      '时限计算方式',
      '分析周期(天)',
    ]) {
      expect(zh).toContain(label);
    }
  });
});

describe('parseSettings: labels and values in either language', () => {
  it('reads a Chinese tab in an English workbook', () => {
    const result = parseSettings(defaultGrid('zh'), 'Settings', 'en');
    expect(settingsOf(result)).toEqual(defaultSettings('zh'));
  });

  it('reads an English tab in a Chinese workbook', () => {
    const result = parseSettings(defaultGrid('en'), '设置', 'zh');
    expect(settingsOf(result)).toEqual(defaultSettings('en'));
  });

  it('reads a tab that mixes both languages', () => {
    const grid = defaultGrid('en');
    grid[rowOf(grid, 'Pool days')] = ['公海天数', 30, '', ''];
    grid[rowOf(grid, 'Grade A from')] = ['A级最低分', 85, '', ''];
    const settings = settingsOf(parse(grid));
    expect(settings.poolDays).toBe(30);
    expect(settings.gradeFrom.A).toBe(85);
  });

  it.each([
    ['Chinese', 'zh'],
    ['中文', 'zh'],
    ['English', 'en'],
    ['繁體中文', 'zhHant'],
    ['繁体中文', 'zhHant'],
    ['Traditional Chinese', 'zhHant'],
    ['zh-Hant', 'zhHant'],
    ['zh_TW', 'zhHant'],
    ['zh_HK', 'zhHant'],
    ['zh_CN', 'zh'],
    ['en_US', 'en'],
  ] as const)('reads the language %s', (value, language) => {
    const grid = defaultGrid('en');
    setValue(grid, 'Language', value);
    expect(settingsOf(parse(grid)).language).toBe(language);
  });

  it('names the Language cell when it holds no language', () => {
    const grid = defaultGrid('en');
    setValue(grid, 'Language', 'Klingon');
    expect(() => settingsOf(parse(grid))).toThrow(/Traditional Chinese/);
  });

  it.each(['en', 'zh', 'zhHant'] as const)(
    'writes a %s Settings tab that reads back as its own defaults',
    (language) => {
      const result = parseSettings(defaultGrid(language), 'Settings', language);
      expect(settingsOf(result)).toEqual(defaultSettings(language));
    },
  );

  it('writes a Traditional Settings tab with no Simplified label', () => {
    const labels = defaultGrid('zhHant').map((row) => String(row[0]));
    expect(labels).toContain('語言');
    expect(labels).toContain('產品定價(萬)');
    expect(labels).not.toContain('语言');
  });

  it('follows the spreadsheet locale when the language is blank', () => {
    const grid = defaultGrid('en');
    setValue(grid, 'Language', '');
    expect(settingsOf(parse(grid)).language).toBeUndefined();
  });

  it('reads the SLA clock "working days"', () => {
    const grid = defaultGrid('en');
    setValue(grid, 'SLA clock', 'working days');
    expect(settingsOf(parse(grid)).slaClock).toBe('workingDays');
  });

  it('finds a single value wherever its row is', () => {
    const grid = defaultGrid('en');
    grid.splice(rowOf(grid, 'Pool days'), 1);
    grid.push(['Pool days', 10, '', '']);
    expect(settingsOf(parse(grid)).poolDays).toBe(10);
  });
});

describe('parseSettings: numbers', () => {
  it('accepts numbers typed as text', () => {
    const grid = defaultGrid('en');
    setValue(grid, 'Pool days', '7');
    setValue(grid, 'Product price (万)', ' 80 ');
    setValue(grid, 'Grade A from', '85');
    setValue(grid, 'SLA hours A', '12');
    setValue(grid, 'Analysis window (days)', '90');
    grid[rowOf(grid, 'Need fit')][2] = '35';
    const settings = settingsOf(parse(grid));
    expect(settings.poolDays).toBe(7);
    expect(settings.productPrice).toBe(80);
    expect(settings.gradeFrom.A).toBe(85);
    expect(settings.slaHours.A).toBe(12);
    expect(settings.analysisWindowDays).toBe(90);
    expect(settings.points.needFit.full).toBe(35);
  });

  it.each([1, 365, '1', '365'])('accepts %p pool days', (value) => {
    const grid = defaultGrid('en');
    setValue(grid, 'Pool days', value);
    expect(settingsOf(parse(grid)).poolDays).toBe(Number(value));
  });

  it.each([0, 366, 7.5, -1, 'seven', '7 days'])(
    'reports %p pool days at the value cell',
    (value) => {
      const grid = defaultGrid('en');
      setValue(grid, 'Pool days', value);
      expect(problemsOf(parse(grid))).toEqual([
        {
          cell: cellOf(grid, 'Pool days'),
          message: 'pool days must be a whole number from 1 to 365',
        },
      ]);
    },
  );

  it('reports a bad pool days value in cell B4 of the default tab', () => {
    const grid = defaultGrid('en');
    setValue(grid, 'Pool days', 0);
    expect(problemsOf(parse(grid))[0].cell).toBe('Settings!B4');
  });

  it('reports a bad value in the workbook language, naming the cell', () => {
    const grid = defaultGrid('zh');
    setValue(grid, '公海天数', 400);
    const [problem] = problemsOf(parseSettings(grid, '设置', 'zh'));
    expect(problem.cell).toContain(`B${rowOf(grid, '公海天数') + 1}`);
    expect(problem.cell).toContain('设置');
    expect(problem.message).toContain('公海天数');
    expect(problem.message).toContain('365');
  });

  it('returns no settings when a value is bad', () => {
    const grid = defaultGrid('en');
    setValue(grid, 'Pool days', 0);
    const result = parse(grid);
    expect(result.ok).toBe(false);
    expect('settings' in result).toBe(false);
  });

  it('reports every bad value, each with its own cell', () => {
    const grid = defaultGrid('en');
    setValue(grid, 'Pool days', 0);
    setValue(grid, 'Product price (万)', 'a lot');
    setValue(grid, 'Cadence days B', 2.5);
    const cells = problemsOf(parse(grid)).map((p) => p.cell);
    expect(cells).toHaveLength(3);
    expect(cells).toEqual(
      expect.arrayContaining([
        cellOf(grid, 'Pool days'),
        cellOf(grid, 'Product price (万)'),
        cellOf(grid, 'Cadence days B'),
      ]),
    );
  });

  it('reports a product price that is not a number', () => {
    const grid = defaultGrid('en');
    setValue(grid, 'Product price (万)', 'fifty');
    const [problem] = problemsOf(parse(grid));
    expect(problem.cell).toBe(cellOf(grid, 'Product price (万)'));
    expect(problem.message).toContain('product price');
  });
});

describe('parseSettings: grade thresholds', () => {
  it('accepts thresholds that fall from A to C', () => {
    const grid = defaultGrid('en');
    setValue(grid, 'Grade A from', 90);
    setValue(grid, 'Grade B from', 70);
    setValue(grid, 'Grade C from', 50);
    expect(settingsOf(parse(grid)).gradeFrom).toEqual({ A: 90, B: 70, C: 50 });
  });

  it.each([
    [60, 60, 40],
    [70, 80, 40],
    [80, 40, 40],
    [80, 50, 60],
    [40, 60, 80],
  ])('rejects A %i, B %i, C %i', (a, b, c) => {
    const grid = defaultGrid('en');
    setValue(grid, 'Grade A from', a);
    setValue(grid, 'Grade B from', b);
    setValue(grid, 'Grade C from', c);
    const problems = problemsOf(parse(grid));
    expect(problems).toHaveLength(1);
    expect([
      cellOf(grid, 'Grade A from'),
      cellOf(grid, 'Grade B from'),
      cellOf(grid, 'Grade C from'),
    ]).toContain(problems[0].cell);
  });
});

describe('parseSettings: e-mails and webhook', () => {
  it('reads a list of manager e-mails', () => {
    const grid = defaultGrid('en');
    setValue(grid, 'Manager e-mails', 'ann@example.com, bo@example.com');
    expect(settingsOf(parse(grid)).managerEmails).toEqual(['ann@example.com', 'bo@example.com']);
  });

  it('reports an address that is not an e-mail, at its cell', () => {
    const grid = defaultGrid('en');
    setValue(grid, 'Leadership e-mails', 'boss@example.com, not-an-address');
    const [problem] = problemsOf(parse(grid));
    expect(problem.cell).toBe(cellOf(grid, 'Leadership e-mails'));
    expect(problem.message).toContain('not-an-address');
  });

  it('reads a chat webhook address', () => {
    const grid = defaultGrid('en');
    const url = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc';
    setValue(grid, 'Chat webhook', url);
    expect(settingsOf(parse(grid)).chatWebhook).toBe(url);
  });

  it('reports a language it does not know, at its cell', () => {
    const grid = defaultGrid('en');
    setValue(grid, 'Language', 'French');
    expect(problemsOf(parse(grid))[0].cell).toBe(cellOf(grid, 'Language'));
  });

  it.each([
    ['weekly', 'weekly'],
    ['每月', 'monthly'],
    ['off', 'off'],
    ['关闭', 'off'],
  ] as const)('reads the leadership report "%s"', (value, cadence) => {
    const grid = defaultGrid('en');
    setValue(grid, 'Leadership report', value);
    expect(settingsOf(parse(grid)).leadershipReport).toBe(cadence);
  });

  it('sends the leadership report weekly by default, in either language', () => {
    expect(settingsOf(parse(defaultGrid('en'))).leadershipReport).toBe('weekly');
    expect(defaultGrid('zh').find((row) => row[0] === '领导报告')?.[1]).toBe('每周');
  });

  it('reports a leadership report it does not know, at its cell, naming the choices', () => {
    const grid = defaultGrid('en');
    setValue(grid, 'Leadership report', 'daily');
    const [problem] = problemsOf(parse(grid));
    expect(problem.cell).toBe(cellOf(grid, 'Leadership report'));
    expect(JSON.stringify(problem)).toMatch(/weekly.*monthly.*off/);
  });

  it('reports an SLA clock it does not know, at its cell', () => {
    const grid = defaultGrid('en');
    setValue(grid, 'SLA clock', 'sometimes');
    expect(problemsOf(parse(grid))[0].cell).toBe(cellOf(grid, 'SLA clock'));
  });
});

describe('parseSettings: scoring points table', () => {
  it('reads points and proposed points changed by a manager', () => {
    const grid = defaultGrid('en');
    const full = rowOf(grid, 'Need fit');
    grid[full][2] = 35;
    grid[full][3] = 30;
    const settings = settingsOf(parse(grid));
    expect(settings.points.needFit.full).toBe(35);
    expect(settings.proposedPoints).toEqual({ needFit: { full: 30 } });
  });

  it('reports points that are not a number, at their cell', () => {
    const grid = defaultGrid('en');
    const full = rowOf(grid, 'Need fit');
    grid[full][2] = 'forty';
    const [problem] = problemsOf(parse(grid));
    expect(problem.cell).toBe(`Settings!C${full + 1}`);
  });

  it('reports an option that does not belong to the dimension, at its cell', () => {
    const grid = defaultGrid('en');
    const full = rowOf(grid, 'Need fit');
    grid[full][1] = 'Sort of';
    const problems = problemsOf(parse(grid));
    expect(problems.map((p) => p.cell)).toContain(`Settings!B${full + 1}`);
  });
});

describe('parseSettings: team and assignment rules', () => {
  function withTeam(): unknown[][] {
    const grid = defaultGrid('en');
    const team = firstTableRow(grid, 'Team');
    grid[team] = ['张三', 'zhang@example.com', 'Sales', true];
    grid[team + 1] = ['李四', '', 'sales', true];
    grid[team + 2] = ['王五', 'wang@example.com', 'Manager', true];
    grid[team + 3] = ['Ann', 'ann@example.com', 'Sales', false];
    return grid;
  }

  it('reads the team table', () => {
    expect(settingsOf(parse(withTeam())).team).toEqual([
      { name: '张三', email: 'zhang@example.com', role: 'sales', active: true },
      { name: '李四', email: '', role: 'sales', active: true },
      { name: '王五', email: 'wang@example.com', role: 'manager', active: true },
      { name: 'Ann', email: 'ann@example.com', role: 'sales', active: false },
    ]);
  });

  it('reads rules that name team members', () => {
    const grid = withTeam();
    const rules = firstTableRow(grid, 'Assignment rules');
    grid[rules] = ['华东', '制造业', 100, '王五'];
    grid[rules + 1] = ['华南', '', '', '张三, 李四'];
    expect(settingsOf(parse(grid)).rules).toEqual([
      { region: '华东', industry: '制造业', minBudget: 100, assignTo: ['王五'] },
      { region: '华南', industry: '', minBudget: undefined, assignTo: ['张三', '李四'] },
    ]);
  });

  it('reports a rule that names someone not in the team, at the Assign to cell', () => {
    const grid = withTeam();
    const rules = firstTableRow(grid, 'Assignment rules');
    grid[rules] = ['华北', '', '', '张三, 赵六'];
    const problems = problemsOf(parse(grid));
    expect(problems).toHaveLength(1);
    expect(problems[0].cell).toBe(`Settings!D${rules + 1}`);
    expect(problems[0].message).toContain('赵六');
    expect(problems[0].message).not.toContain('张三');
  });

  it('reports a rule naming someone when the team is empty', () => {
    const grid = defaultGrid('en');
    const rules = firstTableRow(grid, 'Assignment rules');
    grid[rules] = ['', '', '', 'Bob'];
    const [problem] = problemsOf(parse(grid));
    expect(problem.cell).toBe(`Settings!D${rules + 1}`);
    expect(problem.message).toContain('Bob');
  });

  it('reports a team role that is neither Sales nor Manager, at its cell', () => {
    const grid = withTeam();
    const team = firstTableRow(grid, 'Team');
    grid[team][2] = 'Boss';
    const [problem] = problemsOf(parse(grid));
    expect(problem.cell).toBe(`Settings!C${team + 1}`);
  });

  it('reports a team e-mail that is not an address, at its cell', () => {
    const grid = withTeam();
    const team = firstTableRow(grid, 'Team');
    grid[team][1] = 'zhang at example';
    const [problem] = problemsOf(parse(grid));
    expect(problem.cell).toBe(`Settings!B${team + 1}`);
  });
});

describe('parseSettings: sources and pool-exempt statuses', () => {
  it('reads an edited list of sources', () => {
    const grid = defaultGrid('en');
    grid.splice(rowOf(grid, 'Other'), 0, ['WeChat group', '', '', '']);
    expect(settingsOf(parse(grid)).sources).toEqual([
      ...EN_SOURCES.slice(0, 5),
      'WeChat group',
      'Other',
    ]);
  });

  it('reads an extra pool-exempt status in either language', () => {
    for (const status of ['Nurturing', '培育中']) {
      const grid = defaultGrid('en');
      grid.splice(rowOf(grid, 'Lost') + 1, 0, [status, '', '', '']);
      expect(settingsOf(parse(grid)).poolExemptStatuses).toContain('nurturing');
    }
  });

  it('reports a pool-exempt status that does not exist, at its cell', () => {
    const grid = defaultGrid('en');
    const at = rowOf(grid, 'Lost') + 1;
    grid.splice(at, 0, ['Sleeping', '', '', '']);
    const [problem] = problemsOf(parse(grid));
    expect(problem.cell).toBe(`Settings!A${at + 1}`);
  });
});

describe('SettingsError', () => {
  it('lists every bad cell as "cell: message"', () => {
    const error = new SettingsError([
      { cell: 'Settings!B4', message: 'pool days must be a whole number from 1 to 365' },
      { cell: 'Settings!B3', message: 'product price (万) must be a number from 0.01 to 1000000' },
    ]);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toContain('Settings!B4: pool days must be a whole number from 1 to 365');
    expect(error.message).toContain('Settings!B3: ');
    expect(error.problems).toHaveLength(2);
  });
});

describe('missingSingleSettings', () => {
  it('finds nothing missing on the default tab', () => {
    expect(missingSingleSettings(defaultGrid('en'))).toEqual([]);
    expect(missingSingleSettings(defaultGrid('zh'))).toEqual([]);
  });

  it('names a single setting whose row was deleted', () => {
    const grid = defaultGrid('en');
    grid.splice(rowOf(grid, 'Pool days'), 1);
    expect(missingSingleSettings(grid)).toEqual(['poolDays']);
  });
});

describe('splitList', () => {
  it('splits on commas of either width, 、, semicolons and new lines', () => {
    expect(splitList('a, b，c、d; e；f\ng')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('drops blanks and trims each entry', () => {
    expect(splitList(' a ,, b ,')).toEqual(['a', 'b']);
    expect(splitList('')).toEqual([]);
    expect(splitList(null)).toEqual([]);
  });
});

describe('parseSettings: the web form', () => {
  it('leaves the token blank (web form off) and takes 200 web leads an hour by default', () => {
    const settings = settingsOf(parse(defaultGrid('en')));
    expect([settings.webFormToken, settings.webLeadsPerHour]).toEqual(['', 200]);
  });

  it('reads the token and the hourly cap in either language', () => {
    const grid = defaultGrid('zh');
    setValue(grid, '表单令牌', ' 0123456789abcdef0123 ');
    setValue(grid, '每小时表单线索上限', '50');
    const settings = settingsOf(parse(grid, 'zh'));
    expect([settings.webFormToken, settings.webLeadsPerHour]).toEqual(['0123456789abcdef0123', 50]);
  });

  it('reports a token short enough to guess, at its cell', () => {
    const grid = defaultGrid('en');
    setValue(grid, 'Web form token', 'secret');
    const [problem] = problemsOf(parse(grid));
    expect(problem.cell).toBe(cellOf(grid, 'Web form token'));
    expect(problem.message).toContain('at least 16 characters');
  });

  it('reports an hourly cap that is not a whole number from 0 to 10000', () => {
    const grid = defaultGrid('en');
    setValue(grid, 'Web leads per hour', -1);
    expect(problemsOf(parse(grid))[0].cell).toBe(cellOf(grid, 'Web leads per hour'));
  });
});

describe('parseSettings: company required (B2B)', () => {
  it('is on by default, a ticked checkbox in either language', () => {
    expect(settingsOf(parse(defaultGrid('en'))).companyRequired).toBe(true);
    const zh = defaultGrid('zh');
    expect(zh[rowOf(zh, '公司名称必填(B2B)')][1]).toBe(true);
    const content = settingsSheetContent(defaultSettings('en'), 'en');
    const row = rowOf(defaultGrid('en'), 'Company required (B2B)') + 1;
    expect(content.dropDowns).toContainEqual({
      row,
      column: 2,
      numRows: 1,
      values: [],
      checkbox: true,
    });
  });

  it.each([
    [false, false],
    ['否', false],
    ['no', false],
    ['是', true],
    ['Yes', true],
    ['', true],
  ])('reads %p as %p', (value, expected) => {
    const grid = defaultGrid('zh');
    setValue(grid, '公司名称必填(B2B)', value);
    expect(settingsOf(parse(grid, 'zh')).companyRequired).toBe(expected);
  });

  it('reports a value that is neither yes nor no, at its cell', () => {
    const grid = defaultGrid('en');
    setValue(grid, 'Company required (B2B)', 'sometimes');
    expect(problemsOf(parse(grid))).toEqual([
      {
        cell: cellOf(grid, 'Company required (B2B)'),
        message: 'company required (b2b) must be ticked or not (yes or no)',
      },
    ]);
  });

  it('is appended to a Settings tab that lacks it', () => {
    const grid = defaultGrid('en');
    grid.splice(rowOf(grid, 'Company required (B2B)'), 1);
    expect(missingSingleSettings(grid)).toEqual(['companyRequired']);
    const appended = settingsSheetContent(defaultSettings('en'), 'en', {
      header: false,
      singles: ['companyRequired'],
      tables: [],
    });
    expect(appended.rows).toEqual([['Company required (B2B)', true, '', '']]);
  });
});

describe('parseSettings: claiming from the pool', () => {
  it('allows 5 claims a day and a 3-day reclaim wait by default', () => {
    const settings = settingsOf(parse(defaultGrid('en')));
    expect([settings.claimsPerDay, settings.reclaimWaitDays]).toEqual([5, 3]);
  });

  it('reads both in either language, 0 included', () => {
    const grid = defaultGrid('zh');
    setValue(grid, '每日领取上限', '0');
    setValue(grid, '原负责人领回间隔(天)', '10');
    const settings = settingsOf(parse(grid, 'zh'));
    expect([settings.claimsPerDay, settings.reclaimWaitDays]).toEqual([0, 10]);
  });

  it('reports a cap that is not a whole number, at its cell', () => {
    const grid = defaultGrid('en');
    setValue(grid, 'Claims per day', '2.5');
    const [problem] = problemsOf(parse(grid));
    expect(problem.cell).toBe(cellOf(grid, 'Claims per day'));
    expect(problem.message).toContain('whole number');
  });
});
