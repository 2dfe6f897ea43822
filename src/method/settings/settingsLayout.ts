// Where each rule sits on the Settings tab (SPEC §7): labelled single values, then titled tables.

import type { Bilingual, Language } from '../../sheet/language';
import { STATUS, TEAM_ROLE, SLA_CLOCK, REPORT_CADENCE } from '../../sheet/options';
import { LEAD_COLUMNS } from '../../sheet/tabs';
import { DIMENSIONS } from '../scoring/scoringRules';
import type { Settings } from './settings';
import { labelIn, optionalLabel } from '../../sheet/language';

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
  | 'analysisWindowDays'
  | 'analysisHour'
  | 'webFormToken'
  | 'webLeadsPerHour'
  | 'companyRequired'
  | 'archiveAfterMonths'
  | 'leadershipReport'
  | 'claimsPerDay'
  | 'reclaimWaitDays';

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
  analysisHour: { en: 'Analysis hour (0-23)', zh: '每日分析时间(0-23点)' },
  webFormToken: { en: 'Web form token', zh: '表单令牌' },
  webLeadsPerHour: { en: 'Web leads per hour', zh: '每小时表单线索上限' },
  companyRequired: { en: 'Company required (B2B)', zh: '公司名称必填(B2B)' },
  archiveAfterMonths: { en: 'Archive after (months)', zh: '归档月数' },
  leadershipReport: { en: 'Leadership report', zh: '领导报告' },
  claimsPerDay: { en: 'Claims per day', zh: '每日领取上限' },
  reclaimWaitDays: { en: 'Reclaim wait (days)', zh: '原负责人领回间隔(天)' },
};

export const SINGLE_ORDER = Object.keys(SINGLE_LABELS) as SingleKey[];

/** Single values that are on or off, shown as a checkbox. */
const CHECKBOX_SINGLES: readonly SingleKey[] = ['companyRequired'];

export const LANGUAGE_OPTIONS = [
  { key: 'zh', zh: '中文', en: 'Chinese' },
  { key: 'en', zh: '英文', en: 'English' },
  { key: 'zhHant', zh: '繁体中文', en: 'Traditional Chinese' },
] as const;

export type TableKey =
  'points' | 'team' | 'rules' | 'sources' | 'poolExempt' | 'columnNames' | 'channelSpend';

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
  columnNames: {
    title: { en: 'Column names', zh: '列名对照' },
    columns: [
      { key: 'field', header: { en: 'Field', zh: '字段' } },
      { key: 'header', header: { en: 'Header in this sheet', zh: '本表列名' } },
    ],
  },
  channelSpend: {
    title: { en: 'Channel spend', zh: '渠道投入' },
    columns: [
      { key: 'channel', header: { en: 'Channel', zh: '渠道' } },
      { key: 'month', header: { en: 'Month (YYYY-MM)', zh: '月份(YYYY-MM)' } },
      { key: 'amount', header: { en: 'Amount (万)', zh: '金额(万)' } },
    ],
  },
};

export const TABLE_ORDER: readonly TableKey[] = [
  'points',
  'team',
  'rules',
  'sources',
  'poolExempt',
  'columnNames',
  'channelSpend',
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

function singleValue(settings: Settings, key: SingleKey, language: Language): Cell {
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
        optionalLabel(
          language,
          LANGUAGE_OPTIONS.find((o) => o.key === (settings.language ?? language)),
        ) ?? ''
      );
    case 'slaClock':
      return (
        optionalLabel(
          language,
          SLA_CLOCK.find((o) => o.key === settings.slaClock),
        ) ?? ''
      );
    case 'leadershipReport':
      return (
        optionalLabel(
          language,
          REPORT_CADENCE.find((o) => o.key === settings.leadershipReport),
        ) ?? ''
      );
    case 'managerEmails':
      return settings.managerEmails.join(', ');
    case 'leadershipEmails':
      return settings.leadershipEmails.join(', ');
    case 'companyRequired':
      return settings.companyRequired;
    default:
      return settings[
        key as
          | 'productPrice'
          | 'poolDays'
          | 'aDailyDays'
          | 'chatWebhook'
          | 'analysisWindowDays'
          | 'analysisHour'
          | 'webFormToken'
          | 'webLeadsPerHour'
          | 'archiveAfterMonths'
          | 'claimsPerDay'
          | 'reclaimWaitDays'
      ];
  }
}

/** Which parts of the Settings tab to lay out: all of it for a new tab, the missing parts for a repair. */
export interface SettingsParts {
  readonly header: boolean;
  readonly singles: readonly SingleKey[];
  readonly tables: readonly TableKey[];
}

export const ALL_SETTINGS_PARTS: SettingsParts = {
  header: true,
  singles: SINGLE_ORDER,
  tables: TABLE_ORDER,
};

type Cell = string | number | boolean;

function tableBody(table: TableKey, settings: Settings, language: Language): Cell[][] {
  switch (table) {
    case 'points':
      return DIMENSIONS.flatMap((dimension) => {
        const points = settings.points[dimension.key] as Readonly<Record<string, number>>;
        const proposed = (settings.proposedPoints[dimension.key] ?? {}) as Readonly<
          Record<string, number>
        >;
        return dimension.options.map((option) => [
          labelIn(language, dimension.name),
          labelIn(language, option),
          points[option.key],
          proposed[option.key] ?? '',
        ]);
      });
    case 'team':
      return settings.team.map((member) => [
        member.name,
        member.email,
        optionalLabel(
          language,
          TEAM_ROLE.find((r) => r.key === member.role),
        ) ?? '',
        member.active,
      ]);
    case 'rules':
      return settings.rules.map((rule) => [
        rule.region,
        rule.industry,
        rule.minBudget ?? '',
        rule.assignTo.join(', '),
      ]);
    case 'sources':
      return settings.sources.map((source) => [source]);
    case 'poolExempt':
      return settings.poolExemptStatuses.map((status) => [
        optionalLabel(
          language,
          STATUS.find((s) => s.key === status),
        ) ?? status,
      ]);
    case 'columnNames':
      return Object.entries(settings.columnNames).map(([field, header]) => [
        optionalLabel(language, LEAD_COLUMNS.find((c) => c.key === field)?.header) ?? field,
        header ?? '',
      ]);
    case 'channelSpend':
      return settings.channelSpend.map((row) => [row.channel, row.month, row.amount]);
  }
}

/** Blank rows left under a table for typing, and the drop-downs over its rows. */
const TABLE_EXTRAS: Readonly<
  Record<
    TableKey,
    {
      spare: number;
      dropDowns: (language: Language) => Omit<SettingsDropDown, 'row' | 'numRows'>[];
    }
  >
> = {
  points: { spare: 0, dropDowns: () => [] },
  team: {
    spare: SPARE_TABLE_ROWS,
    dropDowns: (language) => [
      { column: 3, values: TEAM_ROLE.map((r) => labelIn(language, r)) },
      { column: 4, values: [], checkbox: true },
    ],
  },
  rules: { spare: SPARE_TABLE_ROWS, dropDowns: () => [] },
  sources: { spare: 0, dropDowns: () => [] },
  poolExempt: {
    spare: 1,
    dropDowns: (language) => [{ column: 1, values: STATUS.map((s) => labelIn(language, s)) }],
  },
  columnNames: {
    spare: 1,
    dropDowns: (language) => [
      {
        column: 1,
        values: LEAD_COLUMNS.filter((c) => !c.computed).map((c) => labelIn(language, c.header)),
      },
    ],
  },
  // Spare rows for a few months of spend; a setting appended later goes below them.
  channelSpend: { spare: 3, dropDowns: () => [] },
};

/**
 * The Settings tab for `settings` in `language`: what setupSheets writes to a new tab, or, with
 * `parts`, only the missing parts a repair appends. Row numbers are 1-based from the first row written.
 */
export function settingsSheetContent(
  settings: Settings,
  language: Language,
  parts: SettingsParts = ALL_SETTINGS_PARTS,
): SettingsSheetContent {
  const rows: Cell[][] = [];
  const pad = (cells: Cell[]) => [...cells, ...Array<Cell>(SETTINGS_WIDTH - cells.length).fill('')];
  const dropDowns: SettingsDropDown[] = [];
  const titleRows: number[] = [];
  const headerRows: number[] = [];

  if (parts.header) {
    rows.push(pad(SETTINGS_HEADER.map((h) => labelIn(language, h))));
    headerRows.push(rows.length);
  }
  for (const key of SINGLE_ORDER.filter((k) => parts.singles.includes(k))) {
    rows.push(pad([labelIn(language, SINGLE_LABELS[key]), singleValue(settings, key, language)]));
    const options =
      key === 'language'
        ? LANGUAGE_OPTIONS
        : key === 'slaClock'
          ? SLA_CLOCK
          : key === 'leadershipReport'
            ? REPORT_CADENCE
            : undefined;
    if (options) {
      dropDowns.push({
        row: rows.length,
        column: 2,
        numRows: 1,
        values: options.map((o) => labelIn(language, o)),
      });
    }
    if (CHECKBOX_SINGLES.includes(key)) {
      dropDowns.push({ row: rows.length, column: 2, numRows: 1, values: [], checkbox: true });
    }
  }
  for (const table of TABLE_ORDER.filter((t) => parts.tables.includes(t))) {
    if (rows.length > 0) rows.push(pad([]));
    rows.push(pad([labelIn(language, TABLES[table].title)]));
    titleRows.push(rows.length);
    rows.push(pad(TABLES[table].columns.map((c) => labelIn(language, c.header))));
    headerRows.push(rows.length);
    const first = rows.length + 1;
    for (const line of tableBody(table, settings, language)) rows.push(pad(line));
    for (let i = 0; i < TABLE_EXTRAS[table].spare; i++) rows.push(pad([]));
    for (const drop of TABLE_EXTRAS[table].dropDowns(language)) {
      dropDowns.push({ ...drop, row: first, numRows: rows.length - first + 1 });
    }
  }
  return { rows, dropDowns, titleRows, headerRows };
}
