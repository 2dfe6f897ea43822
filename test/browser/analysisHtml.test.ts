// The analysis page in real headless Chromium: its charts draw bars, it runs clean with no outside
// requests, and its Lead counts are the Analysis tab's.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, showChinese } from '../support/browser';
import { CONVERSION_COLUMNS, TAB_NAMES } from '../../src/sheet/tabs';
import { analysisPageFromRuntime } from '../../dev/apps/analysisHtml';
import type { LocalAppsScript } from '../../gas-local/runtime';
import { automationWorkbook, DAY, gradeALead, mayId, T0 } from '../support/automation';

jest.setTimeout(60_000);

const ANALYSIS = TAB_NAMES.analysis.zh;
const CONVERSIONS = TAB_NAMES.conversions.zh;
const LEAD_COUNT = 12;
const LEADS_HEADER = '线索数';
const SCREENSHOT = join(__dirname, '..', '..', 'out', 'screenshots', 'analysis.png');
const DESKTOP = { width: 1000, height: 900 };

/** A titled table as the page shows it: its title and its rows of cell texts, header first. */
interface ShownTable {
  title: string;
  rows: string[][];
}

const isBlank = (value: unknown) => value === '' || value === null || value === undefined;

/** A text alone in its row under a table: a calibration warning, not a data row. */
const isNote = (row: readonly unknown[]) => row.slice(1).every(isBlank);

/** The Leads column of the tab's table under `title`, as text: header row first, then data rows. */
function tabLeadCounts(rows: readonly unknown[][], title: string): string[] | undefined {
  const at = rows.findIndex((row) => row[0] === title && row.slice(1).every(isBlank));
  const header = rows[at + 1] ?? [];
  const column = header.indexOf(LEADS_HEADER);
  if (at < 0 || column < 0) return undefined;
  const counts: string[] = [];
  for (let r = at + 2; r < rows.length && !rows[r].every(isBlank); r++)
    if (!isNote(rows[r])) counts.push(String(rows[r][column]));
  return counts;
}

function shownLeadCounts(table: ShownTable): string[] {
  const [header = [], ...rows] = table.rows;
  const column = header.indexOf(LEADS_HEADER);
  // A note (a calibration warning) spans the table in one cell and counts no leads.
  return rows.filter((row) => row.length === header.length).map((row) => row[column]);
}

/** Lead i's status and, for a closed lead, its Conversions row: every chart gets bars. */
function outcomeOf(i: number): { status: string; result?: string; reason?: string } {
  if (i <= 3) return { status: '成交', result: '成交' };
  if (i <= 5) return { status: '流失', result: '流失', reason: i === 4 ? '预算不足' : '选择竞品' };
  if (i === 6) return { status: '未成交', result: '未成交', reason: '预算不足' };
  return { status: '跟进中' };
}

/** Types the Conversions rows a salesperson's outcomes would have written. */
function typeConversions(runtime: LocalAppsScript): void {
  const [header] = runtime.values(CONVERSIONS);
  const rows = Array.from({ length: LEAD_COUNT }, (_, n) => n + 1)
    .filter((i) => outcomeOf(i).result)
    .map((i) => {
      const { result, reason } = outcomeOf(i);
      const fields: Record<string, unknown> = {
        leadId: mayId(i),
        result,
        amount: result === '成交' ? 20 : '',
        reason: reason ?? '',
        cycleDays: 10 + i,
        owner: i % 2 === 0 ? '张伟' : '李娜',
        decidedAt: new Date(T0.getTime() - 2 * DAY),
      };
      // Cells go under the tab's own headers, wherever its columns sit.
      return header.map(
        (label) => fields[CONVERSION_COLUMNS.find((c) => c.header.zh === label)?.key ?? ''] ?? '',
      );
    });
  runtime.type(CONVERSIONS, 2, 1, rows);
}

/** A workbook of a dozen leads with outcomes, scored and analysed by the bundle. */
function analysedWorkbook(): LocalAppsScript {
  const leads = Array.from({ length: LEAD_COUNT }, (_, n) =>
    gradeALead(n + 1, {
      id: mayId(n + 1),
      owner: n % 2 === 0 ? '张伟' : '李娜',
      enteredAt: new Date(T0.getTime() - 20 * DAY),
      status: outcomeOf(n + 1).status,
    }),
  );
  const runtime = automationWorkbook(leads);
  runtime.invoke('scoreAllLeads');
  typeConversions(runtime);
  runtime.invoke('refreshAnalysis');
  return runtime;
}

let dir: string;
let browser: Browser;
let page: Page;
let tabRows: unknown[][];
const consoleErrors: string[] = [];
const requested: string[] = [];
let pageUrl: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'analysis-page-'));
  const runtime = analysedWorkbook();
  tabRows = runtime.values(ANALYSIS);
  const file = join(dir, 'analysis.html');
  writeFileSync(file, analysisPageFromRuntime(runtime));
  pageUrl = pathToFileURL(file).href;

  browser = await launchChromium();
  page = await browser.newPage({ viewport: DESKTOP });
  await showChinese(page);
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(pageUrl);
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the analysis page', () => {
  it('draws four bar charts (channel, grade, reasons, monthly trend), each with a bar', async () => {
    const barWidths = await page.$$eval('svg', (charts) =>
      charts.map((chart) =>
        Array.from(chart.querySelectorAll('rect')).map(
          (rect) => rect.getBoundingClientRect().width,
        ),
      ),
    );
    expect(barWidths).toHaveLength(4);
    for (const widths of barWidths) expect(widths.some((width) => width > 0)).toBe(true);
  });

  it('shows the Lead counts of the Analysis tab', async () => {
    const tables: ShownTable[] = await page.$$eval('section', (sections) =>
      sections.map((section) => ({
        title: section.querySelector('h2')?.textContent ?? '',
        rows: Array.from(section.querySelectorAll('tr')).map((tr) =>
          Array.from(tr.querySelectorAll('th, td')).map((cell) => cell.textContent ?? ''),
        ),
      })),
    );
    const compared = tables.filter((table) => table.rows[0]?.includes(LEADS_HEADER));
    expect(compared.length).toBeGreaterThanOrEqual(4);
    for (const table of compared)
      expect({ table: table.title, leads: shownLeadCounts(table) }).toEqual({
        table: table.title,
        leads: tabLeadCounts(tabRows, table.title),
      });
    const entered = tables.find((table) => table.title === '转化漏斗')?.rows[1];
    expect(Number(entered?.[1])).toBeGreaterThan(0);
  });

  it('runs without errors and asks for nothing but the file itself', () => {
    expect(consoleErrors).toEqual([]);
    expect(requested).toEqual([pageUrl]);
  });

  it('fits a phone: no sideways scrolling of the page itself', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    await page.setViewportSize(DESKTOP);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('takes a screenshot', async () => {
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });
});
