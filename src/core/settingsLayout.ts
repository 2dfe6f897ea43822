// Where each rule sits on the Settings tab (SPEC §7): labelled single values, then titled tables.

import type { Bilingual, Language } from './language';
import { STATUS, TEAM_ROLE, SLA_CLOCK } from './options';
import { DIMENSIONS } from './scoringRules';
import type { Settings } from './settings';

export type SingleKey =
  | 'language'
  | 'productPrice'
  | 'poolDays'
  | 'gradeFromA'
  | 'gradeFromB'
  | 'gradeFromC'
  | 'slaHoursA'
  | 'slaHoursB'
  | 'slaHoursC'
  | 'cadenceDaysA'
  | 'cadenceDaysB'
  | 'cadenceDaysC'
  | 'aDailyDays'
  | 'slaClock'
  | 'managerEmails'
  | 'leadershipEmails'
  | 'chatWebhook'
  | 'analysisWindowDays';

export const SINGLE_LABELS: Readonly<Record<SingleKey, Bilingual>> = {
  language: { en: 'Language', zh: '语言' },
  productPrice: { en: 'Product price (万)', zh: '产品定价(万)' },
  poolDays: { en: 'Pool days', zh: '公海天数' },
  gradeFromA: { en: 'Grade A from', zh: 'A级最低分' },
  gradeFromB: { en: 'Grade B from', zh: 'B级最低分' },
  gradeFromC: { en: 'Grade C from', zh: 'C级最低分' },
  slaHoursA: { en: 'SLA hours A', zh: 'A级首次触达(小时)' },
  slaHoursB: { en: 'SLA hours B', zh: 'B级首次触达(小时)' },
  slaHoursC: { en: 'SLA hours C', zh: 'C级首次触达(小时)' },
  cadenceDaysA: { en: 'Cadence days A', zh: 'A级跟进间隔(天)' },
  cadenceDaysB: { en: 'Cadence days B', zh: 'B级跟进间隔(天)' },
  cadenceDaysC: { en: 'Cadence days C', zh: 'C级跟进间隔(天)' },
  aDailyDays: { en: 'A daily follow-up days', zh: 'A级每日跟进天数' },
  slaClock: { en: 'SLA clock', zh: '时限计算方式' },
  managerEmails: { en: 'Manager e-mails', zh: '经理邮箱' },
  leadershipEmails: { en: 'Leadership e-mails', zh: '领导邮箱' },
  chatWebhook: { en: 'Chat webhook', zh: '群机器人Webhook' },
  analysisWindowDays: { en: 'Analysis window (days)', zh: '分析周期(天)' },
};

export const SINGLE_ORDER = Object.keys(SINGLE_LABELS) as SingleKey[];

export const LANGUAGE_OPTIONS = [
  { key: 'zh', zh: '中文', en: 'Chinese' },
  { key: 'en', zh: '英文', en: 'English' },
] as const;

export type TableKey = 'points' | 'team' | 'rules' | 'sources' | 'poolExempt';

export interface TableLayout {
  readonly title: Bilingual;
  readonly columns: readonly { key: string; header: Bilingual }[];
}

export const TABLES: Readonly<Record<TableKey, TableLayout>> = {
  points: {
    title: { en: 'Scoring points', zh: '评分规则' },
    columns: [
      { key: 'dimension', header: { en: 'Dimension', zh: '评分维度' } },
      { key: 'option', header: { en: 'Option', zh: '选项' } },
      { key: 'points', header: { en: 'Points', zh: '分值' } },
      { key: 'proposed', header: { en: 'Proposed points', zh: '拟调整分值' } },
    ],
  },
  team: {
    title: { en: 'Team', zh: '销售团队' },
    columns: [
      { key: 'name', header: { en: 'Name', zh: '姓名' } },
      { key: 'email', header: { en: 'E-mail', zh: '邮箱' } },
      { key: 'role', header: { en: 'Role', zh: '角色' } },
      { key: 'active', header: { en: 'Active', zh: '在岗' } },
    ],
  },
  rules: {
    title: { en: 'Assignment rules', zh: '分配规则' },
    columns: [
      { key: 'region', header: { en: 'Region', zh: '地区' } },
      { key: 'industry', header: { en: 'Industry', zh: '行业' } },
      { key: 'minBudget', header: { en: 'Min budget (万)', zh: '最低预算(万)' } },
      { key: 'assignTo', header: { en: 'Assign to', zh: '分配给' } },
    ],
  },
  sources: {
    title: { en: 'Sources', zh: '线索来源' },
    columns: [{ key: 'source', header: { en: 'Source', zh: '来源' } }],
  },
  poolExempt: {
    title: { en: 'Pool-exempt statuses', zh: '不进公海的状态' },
    columns: [{ key: 'status', header: { en: 'Status', zh: '状态' } }],
  },
};

export const TABLE_ORDER: readonly TableKey[] = [
  'points',
  'team',
  'rules',
  'sources',
  'poolExempt',
];

export const SETTINGS_HEADER: readonly Bilingual[] = [
  { en: 'Setting', zh: '设置项' },
  { en: 'Value', zh: '值' },
];

/** Blank rows left under the team and rules tables so managers can type without inserting rows. */
export const SPARE_TABLE_ROWS = 10;

export const SETTINGS_WIDTH = 4;

/** A drop-down the setup puts on the Settings tab (1-based rows and columns). */
export interface SettingsDropDown {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly values: readonly string[];
  readonly checkbox?: boolean;
}

export interface SettingsSheetContent {
  readonly rows: readonly (readonly (string | number | boolean)[])[];
  readonly dropDowns: readonly SettingsDropDown[];
  /** 1-based rows that are table titles or headers, to be styled. */
  readonly titleRows: readonly number[];
  readonly headerRows: readonly number[];
}

function singleValue(settings: Settings, key: SingleKey, language: Language): string | number {
  const letters = {
    gradeFrom: settings.gradeFrom,
    slaHours: settings.slaHours,
    cadenceDays: settings.cadenceDays,
  };
  const graded = /^(gradeFrom|slaHours|cadenceDays)([ABC])$/.exec(key);
  if (graded) return letters[graded[1] as keyof typeof letters][graded[2] as 'A' | 'B' | 'C'];
  switch (key) {
    case 'language':
      return (
        LANGUAGE_OPTIONS.find((o) => o.key === (settings.language ?? language))?.[language] ?? ''
      );
    case 'slaClock':
      return SLA_CLOCK.find((o) => o.key === settings.slaClock)?.[language] ?? '';
    case 'managerEmails':
      return settings.managerEmails.join(', ');
    case 'leadershipEmails':
      return settings.leadershipEmails.join(', ');
    default:
      return settings[
        key as 'productPrice' | 'poolDays' | 'aDailyDays' | 'chatWebhook' | 'analysisWindowDays'
      ];
  }
}

/** The whole Settings tab for `settings`, in `language`: what setupSheets writes to a new tab. */
export function settingsSheetContent(settings: Settings, language: Language): SettingsSheetContent {
  const rows: (string | number | boolean)[][] = [];
  const pad = (cells: (string | number | boolean)[]) => [
    ...cells,
    ...Array(SETTINGS_WIDTH - cells.length).fill(''),
  ];
  const dropDowns: SettingsDropDown[] = [];
  const titleRows: number[] = [];
  const headerRows: number[] = [];

  rows.push(pad(SETTINGS_HEADER.map((h) => h[language])));
  headerRows.push(1);
  for (const key of SINGLE_ORDER) {
    rows.push(pad([SINGLE_LABELS[key][language], singleValue(settings, key, language)]));
    if (key === 'language')
      dropDowns.push({
        row: rows.length,
        column: 2,
        numRows: 1,
        values: LANGUAGE_OPTIONS.map((o) => o[language]),
      });
    if (key === 'slaClock')
      dropDowns.push({
        row: rows.length,
        column: 2,
        numRows: 1,
        values: SLA_CLOCK.map((o) => o[language]),
      });
  }

  const startTable = (table: TableKey) => {
    rows.push(pad([]));
    rows.push(pad([TABLES[table].title[language]]));
    titleRows.push(rows.length);
    rows.push(pad(TABLES[table].columns.map((c) => c.header[language])));
    headerRows.push(rows.length);
  };

  startTable('points');
  for (const dimension of DIMENSIONS) {
    const points = settings.points[dimension.key] as Readonly<Record<string, number>>;
    const proposed = (settings.proposedPoints[dimension.key] ?? {}) as Readonly<
      Record<string, number>
    >;
    for (const option of dimension.options) {
      rows.push(
        pad([
          dimension.name[language],
          option[language],
          points[option.key],
          proposed[option.key] ?? '',
        ]),
      );
    }
  }

  startTable('team');
  const teamStart = rows.length + 1;
  for (const member of settings.team) {
    rows.push(
      pad([
        member.name,
        member.email,
        TEAM_ROLE.find((r) => r.key === member.role)?.[language] ?? '',
        member.active,
      ]),
    );
  }
  for (let i = 0; i < SPARE_TABLE_ROWS; i++) rows.push(pad([]));
  const teamRows = rows.length - teamStart + 1;
  dropDowns.push({
    row: teamStart,
    column: 3,
    numRows: teamRows,
    values: TEAM_ROLE.map((r) => r[language]),
  });
  dropDowns.push({ row: teamStart, column: 4, numRows: teamRows, values: [], checkbox: true });

  startTable('rules');
  for (const rule of settings.rules) {
    rows.push(pad([rule.region, rule.industry, rule.minBudget ?? '', rule.assignTo.join(', ')]));
  }
  for (let i = 0; i < SPARE_TABLE_ROWS; i++) rows.push(pad([]));

  startTable('sources');
  for (const source of settings.sources) rows.push(pad([source]));

  startTable('poolExempt');
  const exemptStart = rows.length + 1;
  for (const status of settings.poolExemptStatuses) {
    rows.push(pad([STATUS.find((s) => s.key === status)?.[language] ?? status]));
  }
  rows.push(pad([]));
  dropDowns.push({
    row: exemptStart,
    column: 1,
    numRows: rows.length - exemptStart + 1,
    values: STATUS.map((s) => s[language]),
  });

  return { rows, dropDowns, titleRows, headerRows };
}
