// Reads and validates the Settings tab; every bad value is reported with its cell, and no rules are
// returned unless all of them are valid (SPEC §7: nothing runs on half-valid rules).

import * as z from 'zod/mini';
import { cellRef } from '../../sheet/a1';
import { type Bilingual, type Language, foldText, matchesLabel } from '../../sheet/language';
import { type StatusKey, STATUS, SLA_CLOCK, TEAM_ROLE, findOption } from '../../sheet/options';
import { DIMENSIONS, type ScoringPoints } from '../scoring/scoringRules';
import { type AssignmentRule, type Settings, type TeamMember, defaultSettings } from './settings';
import {
  LANGUAGE_OPTIONS,
  SINGLE_LABELS,
  SINGLE_ORDER,
  type SingleKey,
  TABLES,
  TABLE_ORDER,
  type TableKey,
} from './settingsLayout';
import { isBlank } from '../../sheet/cells';

export interface SettingsProblem {
  /** `Settings!B7` */
  readonly cell: string;
  readonly message: string;
}

export type SettingsResult =
  | { readonly ok: true; readonly settings: Settings }
  | { readonly ok: false; readonly problems: readonly SettingsProblem[] };

/** Thrown by operations that need valid Settings; its message lists every bad cell. */
export class SettingsError extends Error {
  constructor(readonly problems: readonly SettingsProblem[]) {
    super(problems.map((p) => `${p.cell}: ${p.message}`).join('\n'));
    this.name = 'SettingsError';
  }
}

/** Numbers may be typed as numbers or as text ("7", " 50 "). */
const asNumber = (v: unknown) =>
  typeof v === 'string' && v.trim() !== '' && !isNaN(Number(v.trim())) ? Number(v.trim()) : v;
const numberSchema = (schema: z.ZodMiniNumber<number>) => ({
  safeParse: (value: unknown) => schema.safeParse(asNumber(value)),
});
const wholeNumber = (min: number, max: number) =>
  numberSchema(z.number().check(z.int(), z.gte(min), z.lte(max)));
const amount = (min: number, max: number) => numberSchema(z.number().check(z.gte(min), z.lte(max)));

const EMAIL = z.email();

interface NumberRule {
  readonly schema: ReturnType<typeof numberSchema>;
  readonly must: Bilingual;
}

const range = (min: number, max: number, whole: boolean): Bilingual =>
  whole
    ? {
        en: `must be a whole number from ${min} to ${max}`,
        zh: `必须是 ${min} 到 ${max} 之间的整数`,
      }
    : { en: `must be a number from ${min} to ${max}`, zh: `必须是 ${min} 到 ${max} 之间的数字` };

const NUMBER_RULES: Partial<Record<SingleKey, NumberRule>> = {
  productPrice: { schema: amount(0.01, 1_000_000), must: range(0.01, 1_000_000, false) },
  poolDays: { schema: wholeNumber(1, 365), must: range(1, 365, true) },
  gradeFromA: { schema: wholeNumber(1, 100), must: range(1, 100, true) },
  gradeFromB: { schema: wholeNumber(1, 100), must: range(1, 100, true) },
  gradeFromC: { schema: wholeNumber(1, 100), must: range(1, 100, true) },
  slaHoursA: { schema: amount(1, 720), must: range(1, 720, false) },
  slaHoursB: { schema: amount(1, 720), must: range(1, 720, false) },
  slaHoursC: { schema: amount(1, 720), must: range(1, 720, false) },
  cadenceDaysA: { schema: wholeNumber(1, 90), must: range(1, 90, true) },
  cadenceDaysB: { schema: wholeNumber(1, 90), must: range(1, 90, true) },
  cadenceDaysC: { schema: wholeNumber(1, 90), must: range(1, 90, true) },
  aDailyDays: { schema: wholeNumber(1, 90), must: range(1, 90, true) },
  analysisWindowDays: { schema: wholeNumber(0, 3650), must: range(0, 3650, true) },
};

/** Splits a list cell: commas (either width), 、, semicolons, new lines. */
export function splitList(value: unknown): string[] {
  return String(value ?? '')
    .split(/[,，、;；\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

interface Table {
  readonly titleRow: number; // 0-based
  readonly columns: Record<string, number>;
  readonly rows: readonly { row: number; cells: readonly unknown[] }[];
}

class Reader {
  readonly problems: SettingsProblem[] = [];
  constructor(
    private readonly grid: readonly (readonly unknown[])[],
    private readonly tabName: string,
    private readonly language: Language,
  ) {}

  problem(row: number, column: number, message: Bilingual | string, label?: Bilingual): void {
    const text = typeof message === 'string' ? message : message[this.language];
    const what = label ? (this.language === 'zh' ? label.zh : label.en.toLowerCase()) : '';
    this.problems.push({
      cell: cellRef(this.tabName, row + 1, column + 1),
      message: what ? (this.language === 'zh' ? `${what}${text}` : `${what} ${text}`) : text,
    });
  }

  findLabelRow(label: Bilingual): number {
    return this.grid.findIndex((row) => matchesLabel(row[0], label));
  }

  table(key: TableKey): Table | undefined {
    const layout = TABLES[key];
    const titleRow = this.findLabelRow(layout.title);
    if (titleRow < 0) return undefined;
    const header = this.grid[titleRow + 1] ?? [];
    const columns: Record<string, number> = {};
    layout.columns.forEach((c, i) => {
      const at = header.findIndex((cell) => matchesLabel(cell, c.header));
      columns[c.key] = at >= 0 ? at : i;
    });
    // A table ends at the next table's title or at a single-value row a repair appended below it.
    const otherTitles = [
      ...TABLE_ORDER.map((k) => TABLES[k].title),
      ...SINGLE_ORDER.map((k) => SINGLE_LABELS[k]),
    ];
    const rows: { row: number; cells: readonly unknown[] }[] = [];
    for (let r = titleRow + 2; r < this.grid.length; r++) {
      const cells = this.grid[r];
      if (otherTitles.some((t) => matchesLabel(cells[0], t))) break;
      if (cells.every((c) => isBlank(c) || c === false)) continue;
      rows.push({ row: r, cells });
    }
    return { titleRow, columns, rows };
  }
}

function readNumber(
  reader: Reader,
  grid: readonly (readonly unknown[])[],
  key: SingleKey,
  fallback: number,
): number {
  const rule = NUMBER_RULES[key] as NumberRule;
  const row = reader.findLabelRow(SINGLE_LABELS[key]);
  if (row < 0) return fallback;
  const value = grid[row][1];
  if (isBlank(value)) {
    reader.problem(row, 1, rule.must, SINGLE_LABELS[key]);
    return fallback;
  }
  const parsed = rule.schema.safeParse(value);
  if (!parsed.success) {
    reader.problem(row, 1, rule.must, SINGLE_LABELS[key]);
    return fallback;
  }
  return parsed.data;
}

function readEmails(
  reader: Reader,
  grid: readonly (readonly unknown[])[],
  key: SingleKey,
): string[] {
  const row = reader.findLabelRow(SINGLE_LABELS[key]);
  if (row < 0) return [];
  const emails = splitList(grid[row][1]);
  const bad = emails.filter((e) => !EMAIL.safeParse(e).success);
  if (bad.length > 0) {
    reader.problem(
      row,
      1,
      {
        en: `has an invalid e-mail address: ${bad.join(', ')}`,
        zh: `包含无效的邮箱地址：${bad.join('、')}`,
      },
      SINGLE_LABELS[key],
    );
  }
  return emails;
}

function readPoints(reader: Reader, base: Settings): Pick<Settings, 'points' | 'proposedPoints'> {
  const table = reader.table('points');
  if (!table) return { points: base.points, proposedPoints: {} };
  const points: Record<string, Record<string, number>> = {};
  const proposed: Record<string, Record<string, number>> = {};
  const pointsRule = range(0, 100, false);
  const seen = new Set<string>();
  for (const { row, cells } of table.rows) {
    const dimensionCell = cells[table.columns.dimension];
    const dimension = DIMENSIONS.find(
      (d) => matchesLabel(dimensionCell, d.name) || matchesLabel(dimensionCell, d.short),
    );
    if (!dimension) {
      reader.problem(row, table.columns.dimension, {
        en: `unknown scoring dimension "${String(dimensionCell)}"`,
        zh: `未知的评分维度「${String(dimensionCell)}」`,
      });
      continue;
    }
    const option = findOption(dimension.options, cells[table.columns.option]);
    if (!option) {
      reader.problem(row, table.columns.option, {
        en: `"${String(cells[table.columns.option])}" is not an option of ${dimension.name.en}`,
        zh: `「${String(cells[table.columns.option])}」不是${dimension.name.zh}的选项`,
      });
      continue;
    }
    seen.add(`${dimension.key}/${option.key}`);
    const value = amount(0, 100).safeParse(cells[table.columns.points]);
    if (!value.success)
      reader.problem(row, table.columns.points, pointsRule, { en: 'Points', zh: '分值' });
    else (points[dimension.key] ??= {})[option.key] = value.data;
    const proposedCell = cells[table.columns.proposed];
    if (!isBlank(proposedCell)) {
      const p = amount(0, 100).safeParse(proposedCell);
      if (!p.success)
        reader.problem(row, table.columns.proposed, pointsRule, {
          en: 'Proposed points',
          zh: '拟调整分值',
        });
      else (proposed[dimension.key] ??= {})[option.key] = p.data;
    }
  }
  for (const dimension of DIMENSIONS) {
    for (const option of dimension.options) {
      if (!seen.has(`${dimension.key}/${option.key}`)) {
        reader.problem(table.titleRow, 0, {
          en: `scoring points lack a row for ${dimension.name.en} / ${option.en}`,
          zh: `评分规则缺少「${dimension.name.zh} / ${option.zh}」一行`,
        });
      }
    }
  }
  return {
    points: points as unknown as ScoringPoints,
    proposedPoints: proposed as Settings['proposedPoints'],
  };
}

function readActive(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (isBlank(value)) return true;
  const folded = foldText(value);
  if (['true', 'yes', 'y', '是', '在岗', '1'].includes(folded)) return true;
  if (['false', 'no', 'n', '否', '离岗', '0'].includes(folded)) return false;
  return undefined;
}

function readTeam(reader: Reader): TeamMember[] {
  const table = reader.table('team');
  if (!table) return [];
  const team: TeamMember[] = [];
  const c = table.columns;
  for (const { row, cells } of table.rows) {
    const name = String(cells[c.name] ?? '').trim();
    const email = String(cells[c.email] ?? '').trim();
    if (!name) {
      reader.problem(row, c.name, { en: 'a team member needs a name', zh: '团队成员必须填写姓名' });
      continue;
    }
    if (team.some((m) => foldText(m.name) === foldText(name))) {
      reader.problem(row, c.name, {
        en: `"${name}" is listed twice in the team`,
        zh: `「${name}」在团队中重复出现`,
      });
    }
    if (email && !EMAIL.safeParse(email).success) {
      reader.problem(row, c.email, {
        en: `"${email}" is not a valid e-mail address`,
        zh: `「${email}」不是有效的邮箱地址`,
      });
    }
    const role = findOption(TEAM_ROLE, cells[c.role]);
    if (!role) {
      reader.problem(row, c.role, {
        en: `role must be ${TEAM_ROLE.map((r) => r.en).join(' or ')}`,
        zh: `角色必须是${TEAM_ROLE.map((r) => r.zh).join('或')}`,
      });
    }
    const active = readActive(cells[c.active]);
    if (active === undefined) {
      reader.problem(row, c.active, {
        en: 'active must be TRUE or FALSE',
        zh: '在岗必须是 TRUE 或 FALSE',
      });
    }
    team.push({ name, email, role: role?.key ?? 'sales', active: active ?? true });
  }
  return team;
}

function readRules(reader: Reader, team: readonly TeamMember[]): AssignmentRule[] {
  const table = reader.table('rules');
  if (!table) return [];
  const c = table.columns;
  const rules: AssignmentRule[] = [];
  // SPEC §7: an e-mail address needs no team entry; a name must be in the team.
  const known = (name: string) =>
    EMAIL.safeParse(name).success ||
    team.some(
      (m) =>
        foldText(m.name) === foldText(name) || (m.email && foldText(m.email) === foldText(name)),
    );
  for (const { row, cells } of table.rows) {
    let minBudget: number | undefined;
    if (!isBlank(cells[c.minBudget])) {
      const parsed = amount(0, 1_000_000).safeParse(cells[c.minBudget]);
      if (parsed.success) minBudget = parsed.data;
      else
        reader.problem(row, c.minBudget, range(0, 1_000_000, false), {
          en: 'Min budget',
          zh: '最低预算',
        });
    }
    const assignTo = splitList(cells[c.assignTo]);
    if (assignTo.length === 0) {
      reader.problem(row, c.assignTo, {
        en: 'a rule must name who to assign to',
        zh: '分配规则必须填写分配给谁',
      });
    }
    const unknown = assignTo.filter((name) => !known(name));
    if (unknown.length > 0) {
      reader.problem(row, c.assignTo, {
        en: `${unknown.map((n) => `"${n}"`).join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not in the team table`,
        zh: `${unknown.map((n) => `「${n}」`).join('、')}不在销售团队表中`,
      });
    }
    rules.push({
      region: String(cells[c.region] ?? '').trim(),
      industry: String(cells[c.industry] ?? '').trim(),
      minBudget,
      assignTo,
    });
  }
  return rules;
}

function readSources(reader: Reader, base: Settings): string[] {
  const table = reader.table('sources');
  if (!table) return [...base.sources];
  const sources = table.rows
    .map(({ cells }) => String(cells[table.columns.source] ?? '').trim())
    .filter(Boolean);
  if (sources.length === 0) {
    reader.problem(table.titleRow, 0, {
      en: 'list at least one lead source',
      zh: '至少需要一个线索来源',
    });
  }
  return sources;
}

function readExempt(reader: Reader): StatusKey[] {
  const table = reader.table('poolExempt');
  if (!table) return [];
  const statuses: StatusKey[] = [];
  for (const { row, cells } of table.rows) {
    const status = findOption(STATUS, cells[table.columns.status]);
    if (!status) {
      reader.problem(row, table.columns.status, {
        en: `"${String(cells[table.columns.status])}" is not a status`,
        zh: `「${String(cells[table.columns.status])}」不是有效的状态`,
      });
    } else statuses.push(status.key);
  }
  return statuses;
}

/**
 * Parses the Settings tab's values (as getValues returns them). `language` is the workbook's,
 * used for messages. Rows and tables that are absent fall back to the defaults.
 */
export function parseSettings(
  grid: readonly (readonly unknown[])[],
  tabName: string,
  language: Language,
): SettingsResult {
  const reader = new Reader(grid, tabName, language);
  const base = defaultSettings(language);
  const num = (key: SingleKey, fallback: number) => readNumber(reader, grid, key, fallback);

  let chosenLanguage: Language | undefined;
  const languageRow = reader.findLabelRow(SINGLE_LABELS.language);
  if (languageRow >= 0 && !isBlank(grid[languageRow][1])) {
    chosenLanguage = findOption(LANGUAGE_OPTIONS, grid[languageRow][1])?.key;
    if (!chosenLanguage) {
      reader.problem(
        languageRow,
        1,
        { en: 'must be English or Chinese (中文)', zh: '必须是中文或英文' },
        SINGLE_LABELS.language,
      );
    }
  }

  const gradeFrom = {
    A: num('gradeFromA', 80),
    B: num('gradeFromB', 60),
    C: num('gradeFromC', 40),
  };
  if (!(gradeFrom.A > gradeFrom.B && gradeFrom.B > gradeFrom.C)) {
    const row = reader.findLabelRow(SINGLE_LABELS.gradeFromA);
    reader.problem(Math.max(row, 0), 1, {
      en: `grade thresholds must fall from A to C (now A ${gradeFrom.A}, B ${gradeFrom.B}, C ${gradeFrom.C})`,
      zh: `等级分数线必须从 A 到 C 依次降低（现在 A ${gradeFrom.A}、B ${gradeFrom.B}、C ${gradeFrom.C}）`,
    });
  }

  let slaClock = base.slaClock;
  const clockRow = reader.findLabelRow(SINGLE_LABELS.slaClock);
  if (clockRow >= 0 && !isBlank(grid[clockRow][1])) {
    const option = findOption(SLA_CLOCK, grid[clockRow][1]);
    if (option) slaClock = option.key;
    else
      reader.problem(
        clockRow,
        1,
        { en: 'must be "calendar" or "working days"', zh: '必须是「自然日」或「工作日」' },
        SINGLE_LABELS.slaClock,
      );
  }

  let chatWebhook = '';
  const hookRow = reader.findLabelRow(SINGLE_LABELS.chatWebhook);
  if (hookRow >= 0 && !isBlank(grid[hookRow][1])) {
    chatWebhook = String(grid[hookRow][1]).trim();
    if (!/^https:\/\/[^\s]+$/i.test(chatWebhook)) {
      reader.problem(
        hookRow,
        1,
        { en: 'must be an https:// address', zh: '必须是 https:// 开头的网址' },
        SINGLE_LABELS.chatWebhook,
      );
    }
  }

  const team = readTeam(reader);
  const settings: Settings = {
    language: chosenLanguage,
    productPrice: num('productPrice', base.productPrice),
    poolDays: num('poolDays', base.poolDays),
    gradeFrom,
    slaHours: { A: num('slaHoursA', 24), B: num('slaHoursB', 48), C: num('slaHoursC', 72) },
    cadenceDays: {
      A: num('cadenceDaysA', 1),
      B: num('cadenceDaysB', 2),
      C: num('cadenceDaysC', 7),
    },
    aDailyDays: num('aDailyDays', base.aDailyDays),
    slaClock,
    managerEmails: readEmails(reader, grid, 'managerEmails'),
    leadershipEmails: readEmails(reader, grid, 'leadershipEmails'),
    chatWebhook,
    analysisWindowDays: num('analysisWindowDays', base.analysisWindowDays),
    ...readPoints(reader, base),
    team,
    rules: readRules(reader, team),
    sources: readSources(reader, base),
    poolExemptStatuses: readExempt(reader),
  };
  return reader.problems.length > 0
    ? { ok: false, problems: reader.problems }
    : { ok: true, settings };
}

/** Labels of single settings that are not on the tab yet (for setup to append). */
export function missingSingleSettings(grid: readonly (readonly unknown[])[]): SingleKey[] {
  return SINGLE_ORDER.filter(
    (key) => !grid.some((row) => matchesLabel(row[0], SINGLE_LABELS[key])),
  );
}

/** Tables that are not on the tab yet (for setup to append). */
export function missingSettingsTables(grid: readonly (readonly unknown[])[]): TableKey[] {
  return TABLE_ORDER.filter((key) => !grid.some((row) => matchesLabel(row[0], TABLES[key].title)));
}

/**
 * The valid manager addresses on a Settings tab even when other cells are invalid: a job that
 * refuses to run on bad rules must still be able to tell the managers why.
 */
export function managerEmailsOf(grid: readonly (readonly unknown[])[]): string[] {
  const row = grid.find((cells) => matchesLabel(cells[0], SINGLE_LABELS.managerEmails));
  return row ? splitList(row[1]).filter((e) => EMAIL.safeParse(e).success) : [];
}
