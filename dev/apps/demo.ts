// npm run demo: runs the built add-on offline on demo leads (or on your own .xlsx, saying first what
// set-up recognised in it): sets up, scores and refreshes the analysis, then lives through the days
// after set-up (a team, hourly runs, follow-ups, the pool), printing each run, and writes the
// workbook to out/lead-tracker.xlsx, the analysis to out/analysis.html and every e-mail to out/outbox/.

import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  type Bilingual,
  type Language,
  matchesLabel,
  labelIn,
  labelsOf,
  optionalLabel,
} from '../../src/sheet/language';
import {
  type ColumnMapping,
  findHeaderRow,
  HEADER_SEARCH_ROWS,
  locateColumns,
} from '../../src/sheet/headers';
import { parseSettings } from '../../src/method/settings/settingsParse';
import type { SetupSummary } from '../../src/operations/setupSheets';
import { CLOSED_STATUSES, STATUS, TEAM_ROLE } from '../../src/sheet/options';
import { SINGLE_LABELS, TABLES, type TableKey } from '../../src/method/settings/settingsLayout';
import {
  type ColumnDef,
  LEAD_COLUMNS,
  POOL_COLUMNS,
  TAB_NAMES,
  type TabKey,
} from '../../src/sheet/tabs';
import type { FollowUpForm } from '../../src/method/followUp/followUpContract';
import { type InvokeOptions, LocalAppsScript } from '../../gas-local/runtime';
import type { SentMail } from '../../gas-local/services';
import { formatDate, offsetMinutesAt } from '../../gas-local/zone';
import {
  DEMO_CHAT_WEBHOOK,
  DEMO_MANAGER_EMAILS,
  DEMO_RULES,
  DEMO_TEAM,
  demoFollowUps,
  demoLeads,
  demoMember,
  type OwnedLead,
  SIMULATED_RUNS,
} from './demoData';
import { buildEml } from './eml';
import { demoCells, demoText, traditionalOf } from './demoTraditional';
import { analysisPageFromRuntime } from './analysisHtml';
import { addTabs, exportWorkbook, readWorkbook, type WorkbookTab } from './xlsx';
import { leadRowLines, leadRowsOf, recognitionLines } from './demoRecognition';
import { DEMO_PROPOSED_POINTS, type DemoStory, demoStory, type StoryLead } from './demoStory';
import { proposedRules } from '../../src/method/analysis/calibration';
import { DIMENSIONS } from '../../src/method/scoring/scoringRules';
import { statusOf } from '../../src/sheet/cells';
import { calendarDateOf } from '../../src/sheet/calendar';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
export const DEFAULT_OUTPUT = join(ROOT, 'out', 'lead-tracker.xlsx');
/** 302 rows: the template's two leads and 300 more. */
export const DEFAULT_LEAD_COUNT = 302;
/**
 * The demo's clock: the template's own week, so its example leads grade A and B as the template
 * shows (derived urgency depends on today). A workbook of your own is scored as of now.
 */
export const DEMO_NOW = new Date('2024-05-10T10:00:00+08:00');
const ZONE = 'Asia/Shanghai';
const HOUR_MS = 3_600_000;
const GRADES = ['A', 'B', 'C', 'D'] as const;
const CHINESE_TAB_NAMES = new Set(Object.values(TAB_NAMES).map((name) => name.zh));
/** Tab names only Traditional spells so (公海 reads the same in both). */
const TRADITIONAL_TAB_NAMES = new Set(
  Object.values(TAB_NAMES)
    .map((name) => labelIn('zhHant', name))
    .filter((name) => !CHINESE_TAB_NAMES.has(name)),
);
/** Who the .eml files say sent them: MailApp sends from the account that runs the script. */
const SENDER = { name: 'Lead Tracker', address: 'noreply@example.com' };
/** Pool leads the manager hands back before the last run. */
const POOL_LEADS_HANDED_BACK = 2;

export interface DemoOptions {
  /** An .xlsx to start from instead of the generated leads. */
  input?: string;
  output: string;
  /** Rows of generated leads (ignored with `input`). */
  count?: number;
  /** The runtime's clock; DEMO_NOW for generated leads, the real time for an input workbook. */
  now?: Date;
  /** Live through the days after set-up: on for generated leads, off for an input workbook. */
  simulate?: boolean;
  /** Where sent e-mails go as .eml files: `outbox` beside the output by default. */
  outbox?: string;
  /** The spreadsheet's locale (zh_CN, zh_TW, en_US…); by default zh_CN, or an input's own. */
  locale?: string;
  log?: (line: string) => void;
}

export interface DemoResult {
  /** Grades on the Leads tab of the written workbook. */
  gradeCounts: Record<string, number>;
  /** Leads on the Leads tab of the written workbook. */
  leads: number;
  /** Rows on the Pool tab of the written workbook. */
  pool: number;
  /** The .eml files written, in the order the e-mails were sent. */
  emails: string[];
  /** The runtime's clock when the workbook was written (after the last simulated run). */
  finishedAt: Date;
  /** The Analysis tab as an HTML page, beside the workbook. */
  analysisPage: string;
  /** What the generated leads show, and what the proposed points would change; none for an input. */
  story?: DemoStory;
}

/** A failure the person running the demo can act on, shown as one line. */
export class DemoError extends Error {}

/** Errors thrown inside the bundle come from another realm, so `instanceof Error` misses them. */
function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** A path as short as it can be shown: relative when inside the working directory. */
function shownPath(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside && !inside.startsWith('..') ? inside : path;
}

type Log = (line: string) => void;

/** Runs one step and logs how long it took. */
function stepRunner(log: Log) {
  return async <T>(label: string, work: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    log(`✓ ${label} (${Math.round(performance.now() - started)} ms)`);
    return result;
  };
}

async function readInput(path: string): Promise<WorkbookTab[]> {
  if (!existsSync(path)) throw new DemoError(`Input workbook not found: ${path}`);
  try {
    return await readWorkbook(path);
  } catch (error) {
    throw new DemoError(`Could not read ${path} as an .xlsx workbook: ${messageOf(error)}`);
  }
}

/** SPEC §1: a workbook with any of the tool's Chinese tab names is a Chinese one. */
function localeOf(tabs: readonly WorkbookTab[]): string {
  if (tabs.some((tab) => TRADITIONAL_TAB_NAMES.has(tab.name.trim()))) return 'zh_TW';
  return tabs.some((tab) => CHINESE_TAB_NAMES.has(tab.name.trim())) ? 'zh_CN' : 'en_US';
}

/** The name a tab has in this workbook, in any language. */
function tabName(runtime: LocalAppsScript, key: TabKey): string {
  const names = labelsOf(TAB_NAMES[key]);
  const sheet = runtime.spreadsheet._sheets.find((s) => names.includes(s._data.name));
  if (!sheet) throw new DemoError(`The workbook has no ${TAB_NAMES[key].en} tab after setup`);
  return sheet._data.name;
}

/** The workbook's language, as its Leads tab is named. */
function languageOf(runtime: LocalAppsScript): Language {
  const name = tabName(runtime, 'leads');
  if (name === TAB_NAMES.leads.zh) return 'zh';
  return name === labelIn('zhHant', TAB_NAMES.leads) ? 'zhHant' : 'en';
}

/** Calls an entry point of the bundle, turning its failure into a one-line demo error; returns its result. */
function invoke(
  runtime: LocalAppsScript,
  functionName: string,
  args: unknown[] = [],
  options: InvokeOptions = {},
): unknown {
  try {
    return runtime.invoke(functionName, args, options);
  } catch (error) {
    throw new DemoError(`${functionName} failed: ${messageOf(error)}`);
  }
}

const isBlank = (value: unknown) => value === '' || value === null || value === undefined;
const textOf = (value: unknown) => (isBlank(value) ? '' : String(value).trim());
const dateOf = (value: unknown) => (value instanceof Date ? value : undefined);

/** A tab read as the add-on reads it: its rows under the header, columns found as set-up found them. */
interface TabRows<K extends string> {
  readonly name: string;
  readonly column: Readonly<Record<K, number>>;
  /** 1-based sheet row of `rows[0]`: the row under the header, which a team's titles may push down. */
  readonly firstRow: number;
  /** Data rows; `rows[i]` is sheet row firstRow + i. Blank rows are kept so row numbers stay right. */
  readonly rows: readonly (readonly unknown[])[];
}

/** The team's own column names from Settings (SPEC §13.1), which Leads and Pool honour. */
function columnMappingOf(runtime: LocalAppsScript): ColumnMapping {
  const name = tabName(runtime, 'settings');
  const parsed = parseSettings(runtime.values(name), name, languageOf(runtime));
  return parsed.ok ? parsed.settings.columnNames : {};
}

function readTab<K extends string>(
  runtime: LocalAppsScript,
  key: TabKey,
  columns: readonly ColumnDef<K>[],
): TabRows<K> {
  const name = tabName(runtime, key);
  const values = runtime.values(name);
  const mapping = key === 'leads' || key === 'pool' ? columnMappingOf(runtime) : {};
  const at = findHeaderRow(values.slice(0, HEADER_SEARCH_ROWS), columns, mapping);
  const layout = locateColumns(values[at] ?? [], columns, mapping);
  const [missing] = layout.missing;
  if (missing)
    throw new DemoError(`${name} has no ${missing.header.en} (${missing.header.zh}) column`);
  return {
    name,
    column: layout.index as Record<K, number>,
    firstRow: at + 2,
    rows: values.slice(at + 1),
  };
}

type LeadKey = (typeof LEAD_COLUMNS)[number]['key'];
type PoolKey = (typeof POOL_COLUMNS)[number]['key'];

const readLeads = (runtime: LocalAppsScript) => readTab<LeadKey>(runtime, 'leads', LEAD_COLUMNS);
const readPool = (runtime: LocalAppsScript) => readTab<PoolKey>(runtime, 'pool', POOL_COLUMNS);

/** Lead IDs of a tab's rows, blank ones left out. */
function idsOf<K extends string>(tab: TabRows<K | 'id'>): string[] {
  return tab.rows.map((row) => textOf(row[tab.column.id])).filter((id) => id !== '');
}

/** Grades read back from the Leads tab, as a person would see them. */
function countGrades(runtime: LocalAppsScript): {
  gradeCounts: Record<string, number>;
  leads: number;
} {
  const tab = readLeads(runtime);
  const gradeCounts: Record<string, number> = Object.fromEntries(GRADES.map((g) => [g, 0]));
  let leads = 0;
  for (const row of tab.rows) {
    if (row.every(isBlank)) continue;
    leads++;
    const grade = textOf(row[tab.column.grade]);
    if (grade in gradeCounts) gradeCounts[grade]++;
  }
  return { gradeCounts, leads };
}

function summaryLines(result: { gradeCounts: Record<string, number>; leads: number }): string[] {
  const share = (n: number) =>
    result.leads > 0 ? `${((100 * n) / result.leads).toFixed(1)}%` : '-';
  const line = (label: string, n: number) =>
    `  ${label.padEnd(7)}${String(n).padStart(6)}${share(n).padStart(9)}`;
  const graded = GRADES.reduce((sum, g) => sum + result.gradeCounts[g], 0);
  return [
    `  ${'Grade'.padEnd(7)}${'Leads'.padStart(6)}${'Share'.padStart(9)}`,
    ...GRADES.map((g) => line(g, result.gradeCounts[g])),
    ...(graded < result.leads ? [line('none', result.leads - graded)] : []),
    line('Total', result.leads),
  ];
}

function loadRuntime(locale: string, now: Date): LocalAppsScript {
  if (!existsSync(join(DIST, 'Code.js')))
    throw new DemoError(`${DIST} has no Code.js: run npm run build first`);
  return new LocalAppsScript({ locale, timeZone: ZONE, now }).loadBundle(DIST);
}

// ---------------------------------------------------------------------------------------------
// Settings: the team, the rules, the manager e-mail and the chat webhook
// ---------------------------------------------------------------------------------------------

type Grid = readonly (readonly unknown[])[];

const TABLE_TITLES = Object.values(TABLES).map((table) => table.title);
const SINGLE_VALUE_LABELS = Object.values(SINGLE_LABELS);

const rowLabelled = (grid: Grid, label: Bilingual) =>
  grid.findIndex((row) => matchesLabel(row[0], label));

/** A Settings table: where its rows start, its columns by key, and the rows filled in so far. */
interface SettingsTable {
  /** 1-based sheet row of the first row under the header. */
  readonly firstRow: number;
  readonly column: Readonly<Record<string, number>>;
  readonly filled: readonly (readonly unknown[])[];
  /** Blank rows before the next table or value, or Infinity at the end of the tab. */
  readonly room: number;
}

function settingsTable(grid: Grid, key: TableKey): SettingsTable {
  const layout = TABLES[key];
  const title = rowLabelled(grid, layout.title);
  if (title < 0)
    throw new DemoError(`Settings has no ${layout.title.en} (${layout.title.zh}) table`);
  const header = grid[title + 1] ?? [];
  const column: Record<string, number> = {};
  layout.columns.forEach((c, i) => {
    const at = header.findIndex((cell) => matchesLabel(cell, c.header));
    column[c.key] = at >= 0 ? at : i;
  });
  const below = grid.slice(title + 2);
  const end = below.findIndex((row) =>
    [...TABLE_TITLES, ...SINGLE_VALUE_LABELS].some((label) => matchesLabel(row[0], label)),
  );
  const body = end < 0 ? below : below.slice(0, end);
  const filled = body.filter((row) => !row.every((cell) => isBlank(cell) || cell === false));
  // One blank row stays between tables, as setup leaves it.
  const room = end < 0 ? Infinity : filled.length === 0 ? body.length - 1 : 0;
  return { firstRow: title + 3, column, filled, room };
}

/** Rows for a table, each cell placed in the column its header sits in. */
function tableRows(table: SettingsTable, entries: readonly Record<string, unknown>[]): unknown[][] {
  const width = Math.max(...Object.values(table.column)) + 1;
  return entries.map((entry) => {
    const row = Array<unknown>(width).fill('');
    for (const [key, value] of Object.entries(entry)) row[table.column[key]] = value;
    return row;
  });
}

/** Types rows into an empty table; a table someone already filled in is theirs and is kept. */
function fillTable(
  runtime: LocalAppsScript,
  key: TableKey,
  entries: readonly Record<string, unknown>[],
): boolean {
  const name = tabName(runtime, 'settings');
  const table = settingsTable(runtime.values(name), key);
  if (table.filled.length > 0) return false;
  if (table.room < entries.length)
    throw new DemoError(
      `Settings has no room for ${entries.length} rows under ${TABLES[key].title.en}`,
    );
  runtime.type(name, table.firstRow, 1, tableRows(table, entries));
  return true;
}

/** Types a single value (label in column A, value in B) unless one is already there. */
function fillSingle(runtime: LocalAppsScript, label: Bilingual, value: string): boolean {
  const name = tabName(runtime, 'settings');
  const grid = runtime.values(name);
  const row = rowLabelled(grid, label);
  if (row < 0 || !isBlank(grid[row][1])) return false;
  runtime.type(name, row + 1, 2, [[value]]);
  return true;
}

/** What a manager types into Settings on day one; returns a line saying what was filled in. */
function fillSettings(runtime: LocalAppsScript, language: Language): string {
  const roleLabel = (key: string) =>
    optionalLabel(
      language,
      TEAM_ROLE.find((r) => r.key === key),
    ) ?? key;
  const teamTyped = fillTable(
    runtime,
    'team',
    DEMO_TEAM.map((m) => ({
      name: demoText(language, m.name),
      email: m.email,
      role: roleLabel(m.role),
      active: m.active,
    })),
  );
  // Rules name the demo team, so they only make sense when the demo team was typed.
  const rulesTyped =
    teamTyped &&
    fillTable(
      runtime,
      'rules',
      DEMO_RULES.map((r) => ({
        region: demoText(language, r.region),
        industry: demoText(language, r.industry),
        minBudget: r.minBudget ?? '',
        assignTo: r.assignTo
          .map((name) => demoText(language, name))
          .join(language === 'en' ? ', ' : '、'),
      })),
    );
  const managerTyped = fillSingle(
    runtime,
    SINGLE_LABELS.managerEmails,
    DEMO_MANAGER_EMAILS.join(', '),
  );
  const webhookTyped = fillSingle(runtime, SINGLE_LABELS.chatWebhook, DEMO_CHAT_WEBHOOK);
  const active = DEMO_TEAM.filter((m) => m.active);
  return [
    teamTyped
      ? `team of ${DEMO_TEAM.length} (${active.filter((m) => m.role === 'sales').length} sales, ` +
        `${DEMO_TEAM.length - active.length} on leave, ${active.filter((m) => m.role === 'manager').length} manager)`
      : 'team kept as it was',
    rulesTyped ? `${DEMO_RULES.length} assignment rules` : 'rules kept as they were',
    managerTyped ? `manager e-mail ${DEMO_MANAGER_EMAILS.join(', ')}` : 'manager e-mails kept',
    webhookTyped ? 'a WeCom chat webhook' : 'chat webhook kept',
  ].join(', ');
}

interface TeamEntry {
  readonly name: string;
  /** Blank when the team table gives none. */
  readonly email: string;
  readonly role: string;
  readonly active: boolean;
}

/** The team table as the Settings tab holds it now. */
function teamOf(runtime: LocalAppsScript): TeamEntry[] {
  const table = settingsTable(runtime.values(tabName(runtime, 'settings')), 'team');
  const c = table.column;
  return table.filled.map((row) => ({
    name: textOf(row[c.name]),
    email: textOf(row[c.email]),
    role: TEAM_ROLE.find((r) => matchesLabel(row[c.role], r))?.key ?? 'sales',
    active: row[c.active] !== false && !/^(false|no|否|离岗|離崗|0)$/i.test(textOf(row[c.active])),
  }));
}

// ---------------------------------------------------------------------------------------------
// The hourly runs and what they did
// ---------------------------------------------------------------------------------------------

interface SentAt {
  readonly mail: SentMail;
  readonly at: Date;
}

interface RunReport {
  readonly at: Date;
  readonly pooled: { id: string; previousOwner: string }[];
  readonly returned: { id: string; owner: string }[];
  readonly mails: SentAt[];
  readonly chats: string[];
  readonly toasts: string[];
}

/** The text a chat webhook request carries (WeCom and DingTalk: text.content). */
function chatText(options: Record<string, unknown>): string {
  try {
    const payload = JSON.parse(String(options.payload)) as {
      text?: { content?: string } | string;
    };
    const text = payload.text;
    return typeof text === 'string' ? text : (text?.content ?? String(options.payload));
  } catch {
    return String(options.payload);
  }
}

/** Fires the hourly trigger at `at`, as Google would, and reads back what the run did. */
function runHourlyAt(runtime: LocalAppsScript, triggerUid: string, at: Date): RunReport {
  runtime.kernel.setNow(at);
  const poolBefore = new Set(idsOf(readPool(runtime)));
  const leadsBefore = new Set(idsOf(readLeads(runtime)));
  const marks = {
    mail: runtime.mail._sent.length,
    fetch: runtime.urlFetch._requests.length,
    toast: runtime.toasts().length,
  };
  invoke(runtime, 'runHourly', [{ triggerUid, authMode: 'FULL' }], { execution: 'timeTrigger' });

  const pool = readPool(runtime);
  const leads = readLeads(runtime);
  const pooled = pool.rows
    .filter((row) => {
      const id = textOf(row[pool.column.id]);
      return id !== '' && !poolBefore.has(id);
    })
    .map((row) => ({
      id: textOf(row[pool.column.id]),
      previousOwner: textOf(row[pool.column.previousOwner]),
    }));
  const returned = leads.rows
    .map((row) => ({ id: textOf(row[leads.column.id]), owner: textOf(row[leads.column.owner]) }))
    .filter((lead) => poolBefore.has(lead.id) && !leadsBefore.has(lead.id));
  return {
    at,
    pooled,
    returned,
    mails: runtime.mail._sent.slice(marks.mail).map((mail) => ({ mail, at })),
    chats: runtime.urlFetch._requests.slice(marks.fetch).map((r) => chatText(r.options)),
    toasts: runtime
      .toasts()
      .slice(marks.toast)
      .map((t) => t.message),
  };
}

const wallTime = (date: Date, pattern = 'yyyy-MM-dd HH:mm') =>
  formatDate(date.getTime(), ZONE, pattern);

/** Items laid out over as many indented lines as they need. */
function wrapped(items: readonly string[], indent: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const next = line ? `${line}, ${item}` : item;
    if (line && indent.length + next.length > width) {
      lines.push(`${indent}${line},`);
      line = item;
    } else line = next;
  }
  if (line) lines.push(`${indent}${line}`);
  return lines;
}

function pooledLines(pooled: RunReport['pooled']): string[] {
  if (pooled.length === 0) return ['  to the pool: none'];
  const byOwner = new Map<string, string[]>();
  for (const lead of pooled) {
    const owner = lead.previousOwner || '(no owner)';
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), lead.id]);
  }
  const lines = [`  to the pool (${pooled.length}), by previous owner:`];
  for (const [owner, ids] of byOwner) {
    const label = `    ${owner} (${ids.length}): `;
    const [first, ...rest] = wrapped(ids, ' '.repeat(label.length));
    lines.push(label + first.trimStart(), ...rest);
  }
  return lines;
}

function runLines(index: number, label: string, report: RunReport): string[] {
  const returned = report.returned.map((r) => `${r.id} → ${r.owner}`);
  return [
    '',
    `Run ${index + 1} · ${wallTime(report.at, 'EEE yyyy-MM-dd HH:mm')} (${label}) · runHourly from the hourly trigger`,
    ...pooledLines(report.pooled),
    returned.length
      ? `  returned from the pool (${returned.length}): ${returned.join(', ')}`
      : '  returned from the pool: none',
    report.mails.length ? `  reminded (${report.mails.length}):` : '  reminded: nobody',
    ...report.mails.map(({ mail }) => `    ${mail.to} · ${mail.subject}`),
    ...report.chats.map((text) => `  chat: ${text}`),
    ...report.toasts.map((text) => `  toast: ${text}`),
  ];
}

// ---------------------------------------------------------------------------------------------
// What people do between runs: follow-ups, and a manager handing pool leads back
// ---------------------------------------------------------------------------------------------

const CLOSED_LABELS = STATUS.filter((s) => CLOSED_STATUSES.includes(s.key));
const isClosed = (status: unknown) => CLOSED_LABELS.some((label) => matchesLabel(status, label));

function ownedOpenLeads(leads: TabRows<LeadKey>): OwnedLead[] {
  const c = leads.column;
  return leads.rows
    .filter((row) => textOf(row[c.id]) && textOf(row[c.owner]) && !isClosed(row[c.status]))
    .map((row) => ({
      id: textOf(row[c.id]),
      owner: textOf(row[c.owner]),
      grade: textOf(row[c.grade]),
      assignedAt: dateOf(row[c.assignedAt]),
      firstContactAt: dateOf(row[c.firstContactAt]),
    }));
}

/**
 * Everyone in the team table gets edit access, as the owner shares the spreadsheet with the team:
 * the sidebar runs as the person who opens it, and only people it is shared with can.
 */
function shareWithTeam(runtime: LocalAppsScript): string {
  const emails = [...new Set(teamOf(runtime).map((m) => m.email))].filter((email) => email !== '');
  const spreadsheet = runtime.handle(runtime.spreadsheet);
  for (const email of emails) spreadsheet.share(email, 'editor');
  return emails.length ? `editors: ${emails.join(', ')}` : 'the team table names no e-mails';
}

/**
 * Logs one follow-up through the sidebar as `name`, from the e-mail the team table gives them,
 * so the product writes the Follow-ups row, the lead's dates and status, and By. A name the team
 * table does not know (an imported workbook's owner) logs it as the spreadsheet's owner.
 */
function logFollowUp(
  runtime: LocalAppsScript,
  emailOf: ReadonlyMap<string, string>,
  name: string,
  form: FollowUpForm,
): void {
  const user = emailOf.get(name);
  invoke(runtime, 'submitFollowUp', [form], { execution: 'sidebar', ...(user ? { user } : {}) });
}

/** Names to e-mails, as the team table gives them. */
function emailsOf(team: readonly TeamEntry[]): Map<string, string> {
  return new Map(team.map((m) => [m.name, m.email]));
}

/** "王磊 31 · 李娜 28": how many each person logged, most first. */
function countsByName(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${name} ${n}`)
    .join(' · ');
}

/**
 * Salespeople follow up on some of their leads between two runs and log each contact in the
 * sidebar; returns a line saying who logged how many.
 */
function followUpBetween(
  runtime: LocalAppsScript,
  window: { from: Date; to: Date },
  round: number,
  language: Language,
): string {
  const followUps = demoFollowUps(ownedOpenLeads(readLeads(runtime)), window, round).sort(
    (a, b) => a.at.getTime() - b.at.getTime(),
  );
  const emailOf = emailsOf(teamOf(runtime));
  for (const followUp of followUps) {
    // Logged right after the contact, in the order they happened, as each salesperson would.
    runtime.kernel.setNow(followUp.at);
    logFollowUp(runtime, emailOf, followUp.by, {
      leadId: followUp.id,
      method: followUp.method,
      content:
        language === 'zhHant' ? traditionalOf(followUp.note.zh) : labelIn(language, followUp.note),
      time: followUp.at.toISOString(),
    });
  }
  const firsts = followUps.filter((f) => f.first).length;
  const who = countsByName(followUps.map((f) => f.by));
  return (
    `Follow-ups logged in the sidebar before run ${round + 1} ` +
    `(${wallTime(window.from)} – ${wallTime(window.to)}): ` +
    `${followUps.length} contacts, ${firsts} of them first contacts${who ? ` (${who})` : ''}`
  );
}

/**
 * A manager gives the best-scored open pool leads an owner in the Pool tab; the next run returns
 * them to Leads. The most diligent active salespeople get them.
 */
function handBackPoolLeads(runtime: LocalAppsScript): string {
  const pool = readPool(runtime);
  const c = pool.column;
  const candidates = pool.rows
    .map((row, i) => ({ row, i, id: textOf(row[c.id]), score: Number(row[c.score]) || 0 }))
    .filter((lead) => lead.id && isBlank(lead.row[c.owner]) && !isClosed(lead.row[c.status]))
    .sort((a, b) => b.score - a.score)
    .slice(0, POOL_LEADS_HANDED_BACK);
  const team = teamOf(runtime);
  const manager = team.find((m) => m.role === 'manager')?.name ?? 'A manager';
  const diligence = (name: string) => demoMember(name)?.diligence ?? 0;
  const sales = team
    .filter((m) => m.active && m.role === 'sales')
    .sort((a, b) => diligence(b.name) - diligence(a.name));
  if (candidates.length === 0 || sales.length === 0)
    return `${manager} finds no pool lead to hand back`;
  const handed = candidates.map((lead, n) => {
    const owner = sales[n % sales.length].name;
    runtime.type(pool.name, pool.firstRow + lead.i, c.owner + 1, [[owner]]);
    return `${lead.id} (score ${lead.score}) → ${owner}`;
  });
  return `${manager} gives ${handed.length} pool leads an owner in the Pool tab: ${handed.join(', ')}`;
}

// ---------------------------------------------------------------------------------------------
// The outbox
// ---------------------------------------------------------------------------------------------

/** Empties the outbox of earlier .eml files; anything else in the folder is left alone. */
function clearOutbox(outbox: string): void {
  mkdirSync(outbox, { recursive: true });
  for (const file of readdirSync(outbox))
    if (file.endsWith('.eml')) rmSync(join(outbox, file), { force: true });
}

/** `001-zhang@example.com.eml`: the order sent, then the recipients as a safe file name. */
function emlFileName(sequence: number, to: string): string {
  const recipients = to
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean)
    .join('+')
    .replace(/[^\w.@+-]/g, '_');
  return `${String(sequence).padStart(3, '0')}-${recipients}.eml`;
}

/** Writes sent e-mails as .eml files numbered on from `first`; returns their paths. */
function writeEmails(outbox: string, sent: readonly SentAt[], first: number): string[] {
  return sent.map(({ mail, at }, i) => {
    const sequence = first + i;
    const path = join(outbox, emlFileName(sequence, mail.to));
    const eml = buildEml({
      from: SENDER,
      to: mail.to,
      subject: mail.subject,
      date: at,
      utcOffsetMinutes: offsetMinutesAt(ZONE, at.getTime()),
      text: mail.body,
      html: mail.htmlBody,
      messageId: `lead-tracker.${at.getTime()}.${sequence}@example.com`,
    });
    writeFileSync(path, eml);
    return path;
  });
}

// ---------------------------------------------------------------------------------------------
// The days after set-up
// ---------------------------------------------------------------------------------------------

/** Every Lead ID found after scoring must sit exactly once in Leads or Pool at the end. */
function leadIdCheck(runtime: LocalAppsScript, expected: ReadonlySet<string>): string[] {
  const leads = idsOf(readLeads(runtime));
  const pool = idsOf(readPool(runtime));
  const seen = new Map<string, number>();
  for (const id of [...leads, ...pool]) seen.set(id, (seen.get(id) ?? 0) + 1);
  const doubled = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  const lost = [...expected].filter((id) => !seen.has(id));
  const lines = [
    `Lead IDs: ${seen.size} in all (Leads ${leads.length} · Pool ${pool.length})` +
      (doubled.length || lost.length ? '' : ', each exactly once'),
  ];
  if (doubled.length) lines.push(`  ⚠ in more than one row: ${doubled.join(', ')}`);
  if (lost.length) lines.push(`  ⚠ lost: ${lost.join(', ')}`);
  return lines;
}

/** Lives through the days after set-up; returns the .eml files written. */
async function simulateDays(
  runtime: LocalAppsScript,
  start: Date,
  outbox: string,
  log: Log,
): Promise<string[]> {
  const step = stepRunner(log);
  const language = languageOf(runtime);
  const idsAfterScoring = new Set([...idsOf(readLeads(runtime)), ...idsOf(readPool(runtime))]);
  const filled = await step('Filled Settings', () => fillSettings(runtime, language));
  log(`  ${filled}`);
  const shared = await step('Shared the spreadsheet with the team', () => shareWithTeam(runtime));
  log(`  ${shared}`);
  runtime.kernel.setNow(start.getTime() + 30 * 60_000);
  await step('installAutomation (the hourly trigger)', () => invoke(runtime, 'installAutomation'));
  const [trigger] = runtime.scriptApp._triggers;
  clearOutbox(outbox);
  const emails: string[] = [];
  let previous: Date | undefined;
  for (const [index, run] of SIMULATED_RUNS.entries()) {
    const at = new Date(start.getTime() + run.hoursAfter * HOUR_MS);
    if (previous) {
      log('');
      log(followUpBetween(runtime, { from: previous, to: at }, index, language));
    }
    if (index === SIMULATED_RUNS.length - 1) {
      log(handBackPoolLeads(runtime));
      log(recordOutcomes(runtime, at, language));
    }
    const report = runHourlyAt(runtime, trigger.id, at);
    for (const line of runLines(index, run.label, report)) log(line);
    emails.push(...writeEmails(outbox, report.mails, emails.length + 1));
    previous = at;
  }
  log('');
  for (const line of leadIdCheck(runtime, idsAfterScoring)) log(line);
  log(`✓ Wrote ${emails.length} e-mails to ${shownPath(outbox)}`);
  return emails;
}

/** Outcomes the salespeople record in the sidebar before the last run, so the analysis has results. */
const DEMO_OUTCOMES = [
  { result: 'won', amount: 65, keyFactors: '技术方案认可，报价合理' },
  { result: 'notWon', reason: 'budget' },
  { result: 'lost', reason: 'unreachable' },
  { result: 'won', amount: 30, keyFactors: '交付周期短' },
  { result: 'notWon', reason: 'competitor' },
  { result: 'nurturing' },
  { result: 'lost', reason: 'refused' },
  { result: 'notWon', reason: 'budget' },
] as const;

/**
 * The owners of every sixth owned open lead close it in the sidebar an hour before the last run,
 * or after the last follow-up logged if that came later, so the log stays in time order. The
 * manager closes the leads of someone on leave.
 */
function recordOutcomes(runtime: LocalAppsScript, at: Date, language: Language): string {
  runtime.kernel.setNow(Math.max(at.getTime() - HOUR_MS, runtime.kernel.now()));
  const leads = ownedOpenLeads(readLeads(runtime)).filter((_, i) => i % 6 === 0);
  const team = teamOf(runtime);
  const emailOf = emailsOf(team);
  const manager = team.find((m) => m.role === 'manager' && m.active)?.name;
  const onLeave = new Set(team.filter((m) => !m.active).map((m) => m.name));
  const closerOf = (owner: string) => (manager && onLeave.has(owner) ? manager : owner);
  const counts: Record<string, number> = {};
  leads.forEach((lead, i) => {
    const outcome = DEMO_OUTCOMES[i % DEMO_OUTCOMES.length];
    logFollowUp(runtime, emailOf, closerOf(lead.owner), {
      leadId: lead.id,
      method: 'phone',
      content: demoText(language, '确认结果'),
      outcome:
        'keyFactors' in outcome
          ? { ...outcome, keyFactors: demoText(language, outcome.keyFactors) }
          : outcome,
    });
    counts[outcome.result] = (counts[outcome.result] ?? 0) + 1;
  });
  const summary = Object.entries(counts)
    .map(([result, n]) => `${result} ${n}`)
    .join(' · ');
  const who = countsByName(leads.map((lead) => closerOf(lead.owner)));
  return `Outcomes recorded in the sidebar before the last run: ${summary}${who ? ` (${who})` : ''}`;
}

/** Types the demo's proposed points into the empty cells of Settings' "Proposed points" column. */
function proposePoints(runtime: LocalAppsScript): number {
  const name = tabName(runtime, 'settings');
  const table = settingsTable(runtime.values(name), 'points');
  let typed = 0;
  for (const dimension of DIMENSIONS) {
    const proposed = (DEMO_PROPOSED_POINTS[dimension.key] ?? {}) as Record<string, number>;
    for (const option of dimension.options) {
      const points = proposed[option.key];
      if (points === undefined) continue;
      const at = table.filled.findIndex(
        (row) =>
          matchesLabel(row[table.column.dimension], dimension.name) &&
          matchesLabel(row[table.column.option], option),
      );
      if (at < 0 || !isBlank(table.filled[at][table.column.proposed])) continue;
      runtime.type(name, table.firstRow + at, table.column.proposed + 1, [[points]]);
      typed++;
    }
  }
  return typed;
}

/** Leads and Pool as the story reads them: scoring inputs, channel, and whether won. */
function storyLeads(runtime: LocalAppsScript): StoryLead[] {
  return [readLeads(runtime), readPool(runtime)].flatMap((tab) =>
    tab.rows
      .filter((row) => !row.every(isBlank))
      .map((row) => {
        const cell = (key: LeadKey) => row[tab.column[key as never] as number];
        return {
          source: textOf(cell('source')),
          won: statusOf({ status: cell('status') }) === 'won',
          currentGrade: textOf(cell('grade')),
          inputs: {
            needFit: cell('needFit'),
            budgetFit: cell('budgetFit'),
            authority: cell('authority'),
            urgency: cell('urgency'),
            budget: cell('budget'),
            expectedClose: cell('expectedClose'),
          },
        };
      }),
  );
}

/** Writes the proposal, previews it in the workbook, and tells the story in a few lines. */
function tellStory(runtime: LocalAppsScript, log: Log): DemoStory | undefined {
  const language = languageOf(runtime);
  proposePoints(runtime);
  invoke(runtime, 'previewRuleChange');
  const name = tabName(runtime, 'settings');
  const parsed = parseSettings(runtime.values(name), name, language);
  if (!parsed.ok) return undefined;
  const settings = parsed.settings;
  const current = {
    points: settings.points,
    gradeFrom: settings.gradeFrom,
    productPrice: settings.productPrice,
  };
  const zoneName = runtime.spreadsheet.getSpreadsheetTimeZone();
  const zoneOf = {
    name: zoneName,
    offsetMinutes: (at: Date) => offsetMinutesAt(zoneName, at.getTime()),
  };
  const story = demoStory(storyLeads(runtime), current, proposedRules(settings), {
    today: calendarDateOf(new Date(runtime.kernel.now()), zoneOf),
    zone: zoneOf,
    language,
  });
  log('');
  for (const line of story.lines) log(line);
  return story;
}

/** Writes the Analysis tab as `analysis.html` beside the workbook; returns its path. */
function writeAnalysisPage(runtime: LocalAppsScript, output: string): string {
  const path = join(dirname(output), 'analysis.html');
  writeFileSync(path, analysisPageFromRuntime(runtime));
  return path;
}

/** Builds the demo workbook and writes it to `options.output`; returns what it holds. */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const log = options.log ?? (() => undefined);
  const step = stepRunner(log);
  const now = options.now ?? (options.input ? new Date() : DEMO_NOW);
  const input = options.input;
  const simulate = options.simulate ?? !input;
  const tabs = input ? await step(`Read ${shownPath(input)}`, () => readInput(input)) : [];
  const locale = options.locale ?? (input ? localeOf(tabs) : 'zh_CN');
  const runtime = await step(`Loaded dist/ (${locale}, clock ${now.toISOString()})`, () =>
    loadRuntime(locale, now),
  );
  if (input)
    await step(`Imported ${tabs.length} tab${tabs.length === 1 ? '' : 's'}`, () =>
      addTabs(runtime, tabs),
    );
  const summary = await step('setupSheets', () => invoke(runtime, 'setupSheets') as SetupSummary);
  if (input) {
    // A team's own workbook: say what was read how, and which rows are no lead, before scoring.
    for (const line of recognitionLines(summary)) log(line);
    const leads = readLeads(runtime);
    log('Rows under the header:');
    for (const line of leadRowLines(
      leads.name,
      leadRowsOf(leads.rows, leads.firstRow, leads.column),
    ))
      log(line);
    log('');
  } else {
    const rows = demoLeads(options.count ?? DEFAULT_LEAD_COUNT, now);
    await step(`Typed ${rows.length} demo leads`, () =>
      runtime.type(tabName(runtime, 'leads'), 2, 1, demoCells(languageOf(runtime), rows)),
    );
  }
  await step('scoreAllLeads', () => invoke(runtime, 'scoreAllLeads'));
  // Set-up only titles an empty Analysis tab and leaves a filled one alone: refresh it now, so the
  // workbook holds real figures even when no hourly run follows.
  await step('refreshAnalysis', () => invoke(runtime, 'refreshAnalysis'));
  for (const toast of runtime.toasts()) log(`  toast [${toast.title}] ${toast.message}`);
  for (const alert of runtime.spreadsheetApp._ui.alerts) log(`  alert ${alert.prompt}`);
  log('');
  for (const line of summaryLines(countGrades(runtime))) log(line);
  log('');

  const outbox = options.outbox ?? join(dirname(options.output), 'outbox');
  const emails = simulate ? await simulateDays(runtime, now, outbox, log) : [];
  const story = input ? undefined : tellStory(runtime, log);
  mkdirSync(dirname(options.output), { recursive: true });
  await step(`Wrote ${shownPath(options.output)}`, () => exportWorkbook(runtime, options.output));

  const analysisPage = await step('Wrote the analysis page', () =>
    writeAnalysisPage(runtime, options.output),
  );
  log(`  ${shownPath(analysisPage)}`);

  const written = countGrades(runtime);
  const pool = idsOf(readPool(runtime)).length;
  log('');
  log(`Service calls: ${runtime.kernel.calls.length}`);
  log(
    `Workbook: ${shownPath(options.output)} (${Math.round(statSync(options.output).size / 1024)} KB): ` +
      `Leads ${written.leads} · Pool ${pool}`,
  );
  return {
    ...written,
    pool,
    emails,
    finishedAt: new Date(runtime.kernel.now()),
    analysisPage,
    ...(story ? { story } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------------

interface CliOptions {
  input?: string;
  output: string;
  count?: number;
  now?: Date;
  simulate?: boolean;
  locale?: string;
}

const USAGE =
  'usage: npm run demo [-- --input my.xlsx [--simulate]] [--output out.xlsx] [--count 500] [--now 2024-05-10] [--locale zh_TW]';

function parseCount(text: string): number {
  const count = Number(text);
  if (!Number.isInteger(count) || count < 2) throw new DemoError(`--count must be 2 or more`);
  return count;
}

function parseNow(text: string): Date {
  const now = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T10:00:00+08:00` : text);
  if (Number.isNaN(now.getTime())) throw new DemoError(`--now must be a date such as 2024-05-10`);
  return now;
}

/**
 * Reads `--input x`, `--input=x` and a bare file name. npm passes `npm run demo -- --input x`
 * through, but keeps `npm run demo --input x` for itself as npm_config_input, so read that too.
 */
function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): CliOptions {
  const cwd = env.INIT_CWD ?? process.cwd();
  const values: Record<string, string | undefined> = {
    input: env.npm_config_input,
    output: env.npm_config_output,
    count: env.npm_config_count,
    now: env.npm_config_now,
    locale: env.npm_config_locale,
  };
  // A flag without a value; npm keeps `npm run demo --simulate` as npm_config_simulate=true.
  let simulate = env.npm_config_simulate === 'true' ? true : undefined;
  const args = argv.filter((arg) => arg !== '--');
  for (let i = 0; i < args.length; i++) {
    const match = /^--(input|output|count|now|locale)(?:=(.*))?$/.exec(args[i]);
    if (args[i] === '--simulate') simulate = true;
    else if (match) values[match[1]] = match[2] ?? args[++i] ?? '';
    else if (!args[i].startsWith('-') && values.input === undefined) values.input = args[i];
    else throw new DemoError(`Unknown argument ${args[i]}; ${USAGE}`);
  }
  for (const [name, value] of Object.entries(values))
    if (value === '' || value === 'true') throw new DemoError(`--${name} needs a value; ${USAGE}`);
  return {
    input: values.input && resolve(cwd, values.input),
    output: values.output ? resolve(cwd, values.output) : DEFAULT_OUTPUT,
    count: values.count === undefined ? undefined : parseCount(values.count),
    now: values.now === undefined ? undefined : parseNow(values.now),
    simulate,
    locale: values.locale === undefined ? undefined : parseLocale(values.locale),
  };
}

/** A locale such as zh_TW, zh_HK, zh_CN or en_US, as a spreadsheet's settings name it. */
function parseLocale(text: string): string {
  if (!/^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/i.test(text)) {
    throw new DemoError(`--locale must be a locale such as zh_TW, zh_CN or en_US`);
  }
  return text;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2), process.env);
  const started = performance.now();
  await runDemo({ ...options, log: (line) => console.log(line) });
  console.log(`Done in ${Math.round(performance.now() - started)} ms`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    // Bundle messages may span lines (a Settings problem and its cell): keep the report to one.
    console.error(`demo: ${messageOf(error).replace(/\s*\n\s*/g, ' ')}`);
    process.exit(1);
  });
}
