// Reads and validates the Settings tab; every bad value is reported with its cell, and no rules are
// returned unless all of them are valid (SPEC §7: nothing runs on half-valid rules).

import * as z from 'zod/mini';
import { cellRef, type TabName, tabNameOf } from '../../sheet/a1';
import {
  type Bilingual,
  type Language,
  foldText,
  labelsOf,
  languageFromLocale,
  matchesLabel,
} from '../../sheet/language';
import { type Phrase, SETTINGS, t } from '../../sheet/text';
import {
  type StatusKey,
  REPORT_CADENCE,
  STATUS,
  SLA_CLOCK,
  TEAM_ROLE,
  findOption,
} from '../../sheet/options';
import { DIMENSIONS, type ScoringPoints } from '../scoring/scoringRules';
import {
  type AssignmentRule,
  type ChannelSpend,
  type Settings,
  type TeamMember,
  defaultSettings,
} from './settings';
import {
  LANGUAGE_OPTIONS,
  SINGLE_LABELS,
  SINGLE_ORDER,
  type SingleKey,
  TABLES,
  TABLE_ORDER,
  type TableKey,
} from './settingsLayout';
import { isBlank, textOf } from '../../sheet/cells';
import { calendarDateOf, isDate, type TimeZone } from '../../sheet/calendar';
import { foldSource } from '../../sheet/sources';
import { LEAD_COLUMNS } from '../../sheet/tabs';

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
  readonly must: (language: Language) => string;
}

const range =
  (min: number, max: number, whole: boolean) =>
  (language: Language): string =>
    t(language, whole ? SETTINGS.wholeRange : SETTINGS.numberRange, min, max);

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
  analysisHour: { schema: wholeNumber(0, 23), must: range(0, 23, true) },
  webLeadsPerHour: { schema: wholeNumber(0, 10_000), must: range(0, 10_000, true) },
  archiveAfterMonths: { schema: wholeNumber(0, 600), must: range(0, 600, true) },
  claimsPerDay: { schema: wholeNumber(0, 1000), must: range(0, 1000, true) },
  reclaimWaitDays: { schema: wholeNumber(0, 365), must: range(0, 365, true) },
};

/** A shorter token could be guessed by trying: set-up writes 32 random hex digits. */
export const MIN_TOKEN_CHARS = 16;

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
  /** The tab's name, asked at the first problem. */
  private resolvedTabName: string | undefined;
  constructor(
    private readonly grid: readonly (readonly unknown[])[],
    private readonly tabName: TabName,
    readonly language: Language,
    readonly zoneOf?: () => TimeZone,
  ) {}

  /** A problem with a cell: a phrase, or text already in the tab's language; `label` names the setting. */
  problem(row: number, column: number, message: Phrase | string, label?: Phrase): void {
    const { language } = this;
    const text = typeof message === 'string' ? message : t(language, message);
    this.problems.push({
      cell: cellRef((this.resolvedTabName ??= tabNameOf(this.tabName)), row + 1, column + 1),
      message: label ? t(language, SETTINGS.problemAt, t(language, label), text) : text,
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
    reader.problem(row, 1, rule.must(reader.language), SINGLE_LABELS[key]);
    return fallback;
  }
  const parsed = rule.schema.safeParse(value);
  if (!parsed.success) {
    reader.problem(row, 1, rule.must(reader.language), SINGLE_LABELS[key]);
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
    reader.problem(row, 1, t(reader.language, SETTINGS.invalidEmails, bad), SINGLE_LABELS[key]);
  }
  return emails;
}

function readPoints(reader: Reader, base: Settings): Pick<Settings, 'points' | 'proposedPoints'> {
  const table = reader.table('points');
  if (!table) return { points: base.points, proposedPoints: {} };
  const points: Record<string, Record<string, number>> = {};
  const proposed: Record<string, Record<string, number>> = {};
  const { language } = reader;
  const pointsRule = range(0, 100, false)(language);
  const seen = new Set<string>();
  for (const { row, cells } of table.rows) {
    const dimensionCell = cells[table.columns.dimension];
    const dimension = DIMENSIONS.find(
      (d) => matchesLabel(dimensionCell, d.name) || matchesLabel(dimensionCell, d.short),
    );
    if (!dimension) {
      reader.problem(
        row,
        table.columns.dimension,
        t(language, SETTINGS.unknownDimension, String(dimensionCell)),
      );
      continue;
    }
    const option = findOption(dimension.options, cells[table.columns.option]);
    if (!option) {
      const text = String(cells[table.columns.option]);
      const message = t(language, SETTINGS.notAnOptionOf, text, t(language, dimension.name));
      reader.problem(row, table.columns.option, message);
      continue;
    }
    seen.add(`${dimension.key}/${option.key}`);
    const value = amount(0, 100).safeParse(cells[table.columns.points]);
    if (!value.success) reader.problem(row, table.columns.points, pointsRule, SETTINGS.pointsLabel);
    else (points[dimension.key] ??= {})[option.key] = value.data;
    const proposedCell = cells[table.columns.proposed];
    if (!isBlank(proposedCell)) {
      const p = amount(0, 100).safeParse(proposedCell);
      if (!p.success)
        reader.problem(row, table.columns.proposed, pointsRule, SETTINGS.proposedPointsLabel);
      else (proposed[dimension.key] ??= {})[option.key] = p.data;
    }
  }
  for (const dimension of DIMENSIONS) {
    for (const option of dimension.options) {
      if (!seen.has(`${dimension.key}/${option.key}`)) {
        const [name, label] = [t(language, dimension.name), t(language, option)];
        reader.problem(table.titleRow, 0, t(language, SETTINGS.missingPointsRow, name, label));
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

/** An on/off single value: a checkbox, or yes/no typed in either language; blank keeps the default. */
function readSwitch(
  reader: Reader,
  grid: readonly (readonly unknown[])[],
  key: SingleKey,
  fallback: boolean,
): boolean {
  const row = reader.findLabelRow(SINGLE_LABELS[key]);
  if (row < 0 || isBlank(grid[row][1])) return fallback;
  const value = readActive(grid[row][1]);
  if (value === undefined) reader.problem(row, 1, SETTINGS.switchMustBe, SINGLE_LABELS[key]);
  return value ?? fallback;
}

function readTeam(reader: Reader): TeamMember[] {
  const table = reader.table('team');
  if (!table) return [];
  const { language } = reader;
  const team: TeamMember[] = [];
  const c = table.columns;
  for (const { row, cells } of table.rows) {
    const name = String(cells[c.name] ?? '').trim();
    const email = String(cells[c.email] ?? '').trim();
    if (!name) {
      reader.problem(row, c.name, SETTINGS.memberNeedsName);
      continue;
    }
    if (team.some((m) => foldText(m.name) === foldText(name))) {
      reader.problem(row, c.name, t(language, SETTINGS.listedTwice, name));
    }
    if (email && !EMAIL.safeParse(email).success) {
      reader.problem(row, c.email, t(language, SETTINGS.invalidEmail, email));
    }
    const role = findOption(TEAM_ROLE, cells[c.role]);
    if (!role) {
      const roles = TEAM_ROLE.map((r) => t(language, r));
      reader.problem(row, c.role, t(language, SETTINGS.roleMustBe, roles));
    }
    const active = readActive(cells[c.active]);
    if (active === undefined) {
      reader.problem(row, c.active, SETTINGS.activeMustBe);
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
        reader.problem(
          row,
          c.minBudget,
          range(0, 1_000_000, false)(reader.language),
          SETTINGS.minBudgetLabel,
        );
    }
    const assignTo = splitList(cells[c.assignTo]);
    if (assignTo.length === 0) {
      reader.problem(row, c.assignTo, SETTINGS.ruleNeedsAssignee);
    }
    const unknown = assignTo.filter((name) => !known(name));
    if (unknown.length > 0) {
      reader.problem(row, c.assignTo, t(reader.language, SETTINGS.notInTeam, unknown));
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
    reader.problem(table.titleRow, 0, SETTINGS.needsSource);
  }
  return sources;
}

/** The Leads field a Column names row means: its key, or its header in any language. */
export function leadFieldOf(text: unknown): string | undefined {
  const folded = foldText(text);
  if (folded === '') return undefined;
  return LEAD_COLUMNS.find(
    (c) => foldText(c.key) === folded || labelsOf(c.header).some((h) => foldText(h) === folded),
  )?.key;
}

function readColumnNames(reader: Reader): Record<string, string> {
  const table = reader.table('columnNames');
  const names: Record<string, string> = {};
  if (!table) return names;
  for (const { row, cells } of table.rows) {
    const fieldCell = cells[table.columns.field];
    const header = String(cells[table.columns.header] ?? '').trim();
    const field = leadFieldOf(fieldCell);
    if (!field) {
      reader.problem(
        row,
        table.columns.field,
        t(reader.language, SETTINGS.notAField, String(fieldCell ?? '')),
      );
    } else if (header === '') {
      reader.problem(row, table.columns.header, SETTINGS.mappingNeedsHeader);
    } else if (names[field] !== undefined) {
      reader.problem(
        row,
        table.columns.field,
        t(reader.language, SETTINGS.fieldMappedTwice, String(fieldCell)),
      );
    } else {
      names[field] = header;
    }
  }
  return names;
}

function readExempt(reader: Reader): StatusKey[] {
  const table = reader.table('poolExempt');
  if (!table) return [];
  const statuses: StatusKey[] = [];
  for (const { row, cells } of table.rows) {
    const status = findOption(STATUS, cells[table.columns.status]);
    if (!status) {
      const text = String(cells[table.columns.status]);
      reader.problem(row, table.columns.status, t(reader.language, SETTINGS.notAStatus, text));
    } else statuses.push(status.key);
  }
  return statuses;
}

const MAX_SPEND = 1_000_000;
const HOUR_MS = 3_600_000;

/**
 * A spend month as `YYYY-MM`: typed as `2024-08`, `2024/8` or `2024年8月`, or a date, which is what
 * Sheets makes of `2024-08` typed into a cell not formatted as text: the month it falls in, in the
 * spreadsheet's zone (`zoneOf`, asked only for a date). Without the zone, a date is taken as
 * midnight of the 1st, which 14 hours on (the widest offset from UTC) is still that month in UTC.
 */
export function spendMonthOf(value: unknown, zoneOf?: () => TimeZone): string | undefined {
  const pad = (month: number) => String(month).padStart(2, '0');
  if (isDate(value)) {
    if (zoneOf) {
      const { year, month } = calendarDateOf(value, zoneOf());
      return `${year}-${pad(month)}`;
    }
    const shifted = new Date(value.getTime() + 14 * HOUR_MS);
    return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}`;
  }
  const match =
    /^(\d{4})\s*[-/.]\s*(\d{1,2})$/.exec(textOf(value)) ??
    /^(\d{4})\s*年\s*(\d{1,2})\s*月$/.exec(textOf(value));
  if (!match) return undefined;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? `${match[1]}-${pad(month)}` : undefined;
}

function readChannelSpend(reader: Reader): ChannelSpend[] {
  const table = reader.table('channelSpend');
  if (!table) return [];
  const { language } = reader;
  const c = table.columns;
  const spend: ChannelSpend[] = [];
  const seen = new Set<string>();
  for (const { row, cells } of table.rows) {
    const channel = textOf(cells[c.channel]);
    const month = spendMonthOf(cells[c.month], reader.zoneOf);
    const amountCell = amount(0, MAX_SPEND).safeParse(cells[c.amount]);
    let ok = true;
    if (channel === '') {
      reader.problem(row, c.channel, SETTINGS.spendNeedsChannel);
      ok = false;
    }
    if (month === undefined) {
      const text = isBlank(cells[c.month]) ? '' : String(cells[c.month]);
      reader.problem(row, c.month, t(language, SETTINGS.spendMonthMustBe, text));
      ok = false;
    }
    if (!amountCell.success) {
      reader.problem(row, c.amount, t(language, SETTINGS.spendAmountMustBe, MAX_SPEND));
      ok = false;
    }
    if (!ok || month === undefined || !amountCell.success) continue;
    const key = `${foldSource(channel)}|${month}`;
    if (seen.has(key)) {
      reader.problem(row, c.channel, t(language, SETTINGS.spendListedTwice, channel, month));
      continue;
    }
    seen.add(key);
    spend.push({ channel, month, amount: amountCell.data });
  }
  return spend;
}

/**
 * The Language row's value: an option in any language (中文, 英文, 繁體中文…) or a locale code
 * (zh-Hant, zh_TW, zh_CN, en); undefined when it is neither.
 */
function languageChosen(cell: unknown): Language | undefined {
  const option = findOption(LANGUAGE_OPTIONS, cell)?.key;
  if (option) return option;
  const code = String(cell).trim();
  if (/^zh([-_][a-z]+)*$/i.test(code)) return languageFromLocale(code);
  if (/^en([-_][a-z]+)*$/i.test(code)) return 'en';
  return undefined;
}

/**
 * Parses the Settings tab's values (as getValues returns them). `language` is the workbook's,
 * used for messages. Rows and tables that are absent fall back to the defaults.
 */
export function parseSettings(
  grid: readonly (readonly unknown[])[],
  tabName: TabName,
  language: Language,
  zoneOf?: () => TimeZone,
): SettingsResult {
  const reader = new Reader(grid, tabName, language, zoneOf);
  const base = defaultSettings(language);
  const num = (key: SingleKey, fallback: number) => readNumber(reader, grid, key, fallback);

  let chosenLanguage: Language | undefined;
  const languageRow = reader.findLabelRow(SINGLE_LABELS.language);
  if (languageRow >= 0 && !isBlank(grid[languageRow][1])) {
    chosenLanguage = languageChosen(grid[languageRow][1]);
    if (!chosenLanguage) {
      reader.problem(languageRow, 1, SETTINGS.languageMustBe, SINGLE_LABELS.language);
    }
  }

  const gradeFrom = {
    A: num('gradeFromA', 80),
    B: num('gradeFromB', 60),
    C: num('gradeFromC', 40),
  };
  if (!(gradeFrom.A > gradeFrom.B && gradeFrom.B > gradeFrom.C)) {
    const row = reader.findLabelRow(SINGLE_LABELS.gradeFromA);
    const message = t(language, SETTINGS.gradesMustFall, gradeFrom.A, gradeFrom.B, gradeFrom.C);
    reader.problem(Math.max(row, 0), 1, message);
  }

  let slaClock = base.slaClock;
  const clockRow = reader.findLabelRow(SINGLE_LABELS.slaClock);
  if (clockRow >= 0 && !isBlank(grid[clockRow][1])) {
    const option = findOption(SLA_CLOCK, grid[clockRow][1]);
    if (option) slaClock = option.key;
    else reader.problem(clockRow, 1, SETTINGS.clockMustBe, SINGLE_LABELS.slaClock);
  }

  let leadershipReport = base.leadershipReport;
  const reportRow = reader.findLabelRow(SINGLE_LABELS.leadershipReport);
  if (reportRow >= 0 && !isBlank(grid[reportRow][1])) {
    const option = findOption(REPORT_CADENCE, grid[reportRow][1]);
    if (option) leadershipReport = option.key;
    else reader.problem(reportRow, 1, SETTINGS.reportMustBe, SINGLE_LABELS.leadershipReport);
  }

  let chatWebhook = '';
  const hookRow = reader.findLabelRow(SINGLE_LABELS.chatWebhook);
  if (hookRow >= 0 && !isBlank(grid[hookRow][1])) {
    chatWebhook = String(grid[hookRow][1]).trim();
    if (!/^https:\/\/[^\s]+$/i.test(chatWebhook)) {
      reader.problem(hookRow, 1, SETTINGS.webhookMustBe, SINGLE_LABELS.chatWebhook);
    }
  }

  let webFormToken = '';
  const tokenRow = reader.findLabelRow(SINGLE_LABELS.webFormToken);
  if (tokenRow >= 0 && !isBlank(grid[tokenRow][1])) {
    webFormToken = String(grid[tokenRow][1]).trim();
    if (webFormToken.length < MIN_TOKEN_CHARS || /\s/.test(webFormToken)) {
      const message = t(language, SETTINGS.tokenTooShort, MIN_TOKEN_CHARS);
      reader.problem(tokenRow, 1, message, SINGLE_LABELS.webFormToken);
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
    analysisHour: num('analysisHour', base.analysisHour),
    webFormToken,
    webLeadsPerHour: num('webLeadsPerHour', base.webLeadsPerHour),
    archiveAfterMonths: num('archiveAfterMonths', base.archiveAfterMonths),
    leadershipReport,
    claimsPerDay: num('claimsPerDay', base.claimsPerDay),
    reclaimWaitDays: num('reclaimWaitDays', base.reclaimWaitDays),
    ...readPoints(reader, base),
    team,
    rules: readRules(reader, team),
    sources: readSources(reader, base),
    poolExemptStatuses: readExempt(reader),
    columnNames: readColumnNames(reader),
    companyRequired: readSwitch(reader, grid, 'companyRequired', base.companyRequired),
    channelSpend: readChannelSpend(reader),
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
