// npm run demo: runs the built add-on offline on demo leads (or on your own .xlsx), scores them and
// writes the result to out/lead-tracker.xlsx, printing each step and the grade summary.

import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TAB_NAMES } from '../src/core/tabs';
import { LocalAppsScript } from './gas/runtime';
import { demoLeads } from './demoData';
import { addTabs, exportWorkbook, readWorkbook, type WorkbookTab } from './xlsx';

const ROOT = join(__dirname, '..');
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
const GRADES = ['A', 'B', 'C', 'D'] as const;
const GRADE_HEADERS = new Set(['线索等级', 'grade']);
const CHINESE_TAB_NAMES = new Set(Object.values(TAB_NAMES).map((name) => name.zh));
const LEADS_TAB_NAMES = [TAB_NAMES.leads.zh, TAB_NAMES.leads.en];

export interface DemoOptions {
  /** An .xlsx to start from instead of the generated leads. */
  input?: string;
  output: string;
  /** Rows of generated leads (ignored with `input`). */
  count?: number;
  /** The runtime's clock; DEMO_NOW for generated leads, the real time for an input workbook. */
  now?: Date;
  log?: (line: string) => void;
}

export interface DemoResult {
  gradeCounts: Record<string, number>;
  leads: number;
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

/** Runs one step and logs how long it took. */
function stepRunner(log: (line: string) => void) {
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
  return tabs.some((tab) => CHINESE_TAB_NAMES.has(tab.name.trim())) ? 'zh_CN' : 'en_US';
}

function leadsTabName(runtime: LocalAppsScript): string {
  const sheet = runtime.spreadsheet._sheets.find((s) => LEADS_TAB_NAMES.includes(s._data.name));
  if (!sheet) throw new DemoError('The workbook has no Leads tab after setup');
  return sheet._data.name;
}

/** Calls an entry point of the bundle, turning its failure into a one-line demo error. */
function invoke(runtime: LocalAppsScript, functionName: string): void {
  try {
    runtime.invoke(functionName);
  } catch (error) {
    throw new DemoError(`${functionName} failed: ${messageOf(error)}`);
  }
}

const isBlank = (value: unknown) => value === '' || value === null || value === undefined;

/** Grades read back from the Leads tab, as a person would see them. */
function countGrades(runtime: LocalAppsScript): DemoResult {
  const [header = [], ...rows] = runtime.values(leadsTabName(runtime));
  const gradeAt = header.findIndex((h) => GRADE_HEADERS.has(String(h).trim().toLowerCase()));
  if (gradeAt < 0) throw new DemoError('The Leads tab has no Grade (线索等级) column');
  const gradeCounts: Record<string, number> = Object.fromEntries(GRADES.map((g) => [g, 0]));
  let leads = 0;
  for (const row of rows) {
    if (row.every(isBlank)) continue;
    leads++;
    const grade = String(row[gradeAt]).trim();
    if (grade in gradeCounts) gradeCounts[grade]++;
  }
  return { gradeCounts, leads };
}

function summaryLines(result: DemoResult): string[] {
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

/** Builds the demo workbook and writes it to `options.output`; returns the grades it holds. */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const log = options.log ?? (() => undefined);
  const step = stepRunner(log);
  const now = options.now ?? (options.input ? new Date() : DEMO_NOW);
  const input = options.input;
  const tabs = input ? await step(`Read ${shownPath(input)}`, () => readInput(input)) : [];
  const locale = input ? localeOf(tabs) : 'zh_CN';
  const runtime = await step(`Loaded dist/ (${locale}, clock ${now.toISOString()})`, () =>
    loadRuntime(locale, now),
  );
  if (input)
    await step(`Imported ${tabs.length} tab${tabs.length === 1 ? '' : 's'}`, () =>
      addTabs(runtime, tabs),
    );
  await step('setupSheets', () => invoke(runtime, 'setupSheets'));
  if (!input) {
    const rows = demoLeads(options.count ?? DEFAULT_LEAD_COUNT, now);
    await step(`Typed ${rows.length} demo leads`, () =>
      runtime.type(leadsTabName(runtime), 2, 1, rows),
    );
  }
  await step('scoreAllLeads', () => invoke(runtime, 'scoreAllLeads'));
  mkdirSync(dirname(options.output), { recursive: true });
  await step(`Wrote ${shownPath(options.output)}`, () => exportWorkbook(runtime, options.output));

  for (const toast of runtime.toasts()) log(`  toast [${toast.title}] ${toast.message}`);
  for (const alert of runtime.spreadsheetApp._ui.alerts) log(`  alert ${alert.prompt}`);
  const result = countGrades(runtime);
  log('');
  for (const line of summaryLines(result)) log(line);
  log('');
  log(`Service calls: ${runtime.kernel.calls.length}`);
  log(
    `Workbook: ${shownPath(options.output)} (${Math.round(statSync(options.output).size / 1024)} KB)`,
  );
  return result;
}

interface CliOptions {
  input?: string;
  output: string;
  count?: number;
  now?: Date;
}

const USAGE =
  'usage: npm run demo [-- --input my.xlsx] [--output out.xlsx] [--count 500] [--now 2024-05-10]';

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
  };
  const args = argv.filter((arg) => arg !== '--');
  for (let i = 0; i < args.length; i++) {
    const match = /^--(input|output|count|now)(?:=(.*))?$/.exec(args[i]);
    if (match) values[match[1]] = match[2] ?? args[++i] ?? '';
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
  };
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
