// The follow-up sidebar in real headless Chromium against the preview server: finding and opening a
// lead, logging follow-ups and outcomes, field errors, hostile text, the 300 px panel, no outside requests.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, showChinese } from '../support/browser';
import {
  CONVERSION_COLUMNS,
  FOLLOWUP_COLUMNS,
  LEAD_COLUMNS,
  TAB_NAMES,
} from '../../src/sheet/tabs';
import { DEMO_NOW } from '../../dev/apps/demo';
import type { LocalAppsScript } from '../../gas-local/runtime';
import { type Preview, startPreview } from '../../dev/apps/preview';

jest.setTimeout(60_000);

const LEADS = TAB_NAMES.leads.zh;
const FOLLOWUPS = TAB_NAMES.followups.zh;
const CONVERSIONS = TAB_NAMES.conversions.zh;
/** Sidebars in Google Sheets are 300 px wide. */
const PANEL = { width: 300, height: 800 };
const SCREENSHOT = join(__dirname, '..', '..', 'out', 'screenshots', 'sidebar.png');
/** Long enough for any one step of the page (a server call, a re-render), short of the test's limit. */
const STEP_MS = 10_000;
const HOUR_MS = 3_600_000;

/** A lead whose contact is markup: it must show as text and never run. */
const HOSTILE_CONTACT = '<img src=x onerror=alert(1)>';
const HOSTILE_COMPANY = '标签测试贸易有限公司';
/** Text that Sheets would run as a formula (and fetch a URL with) if it were written as typed. */
const FORMULA_TEXT = '=IMPORTXML("http://x","//a")';

type Row = Record<string, unknown>;
type LeadKey = (typeof LEAD_COLUMNS)[number]['key'];

const header = (columns: readonly { key: string; header: { zh: string } }[], key: string) => {
  const column = columns.find((c) => c.key === key);
  if (!column) throw new Error(`no column ${key}`);
  return column.header.zh;
};
const leadHeader = (key: LeadKey) => header(LEAD_COLUMNS, key);
const followUpHeader = (key: (typeof FOLLOWUP_COLUMNS)[number]['key']) =>
  header(FOLLOWUP_COLUMNS, key);
const conversionHeader = (key: (typeof CONVERSION_COLUMNS)[number]['key']) =>
  header(CONVERSION_COLUMNS, key);

/** Types the hostile lead under the demo leads, as a person would, and scores it like the rest. */
function addHostileLead(runtime: LocalAppsScript): void {
  const fields: Partial<Record<LeadKey, string>> = {
    source: '展会',
    contact: HOSTILE_CONTACT,
    phone: '13912340000',
    company: HOSTILE_COMPANY,
    need: '进销存系统',
    budget: '30万',
    expectedClose: '2024-07',
    needFit: '完全契合',
    authority: '直接决策人',
    status: '新线索',
  };
  const row = LEAD_COLUMNS.map((column) => fields[column.key] ?? '');
  runtime.type(LEADS, runtime.values(LEADS).length + 1, 1, [row]);
  runtime.invoke('scoreAllLeads');
}

let preview: Preview;
let browser: Browser;
/** Every URL any page asked for, across all tests. */
const requested: string[] = [];

beforeAll(async () => {
  preview = await startPreview({ port: 0, workbook: addHostileLead });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

/** What the workbook holds now, read through the preview as a person checking the sheet would. */
async function tabRows(tab: string): Promise<Row[]> {
  const response = await fetch(`${preview.url}workbook/${encodeURIComponent(tab)}`);
  if (!response.ok) throw new Error(`${tab}: ${response.status} ${await response.text()}`);
  const [names, ...rows] = (await response.json()) as unknown[][];
  return rows.map((row) => Object.fromEntries(names.map((name, i) => [String(name), row[i]])));
}

async function formulaCount(tab: string): Promise<number> {
  const response = await fetch(`${preview.url}formulas/${encodeURIComponent(tab)}`);
  return ((await response.json()) as { formulas: number }).formulas;
}

/** Puts the spreadsheet's cursor on a row, so the sidebar opens on it. */
async function selectRow(tab: string, row: number): Promise<void> {
  const response = await fetch(`${preview.url}select`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ tab, row }),
  });
  if (!response.ok) throw new Error(`select: ${response.status} ${await response.text()}`);
}

async function leadById(id: string): Promise<Row> {
  const lead = (await tabRows(LEADS)).find((row) => row[leadHeader('id')] === id);
  if (!lead) throw new Error(`no lead ${id}`);
  return lead;
}

/** A lead whose company holds a part found in no other lead's ID, company, contact or phone. */
async function leadWithDistinctCompany(): Promise<{ id: string; company: string; part: string }> {
  const leads = await tabRows(LEADS);
  const searched = (lead: Row) =>
    (['id', 'company', 'contact', 'phone'] as const).map((key) =>
      String(lead[leadHeader(key)] ?? ''),
    );
  for (const lead of leads) {
    const company = String(lead[leadHeader('company')] ?? '');
    if (company.length < 6 || !lead[leadHeader('id')]) continue;
    // Leave off the first two characters (usually the city), so the query is only part of the name.
    const part = company.slice(2, 6);
    const matches = leads.filter((other) => searched(other).some((text) => text.includes(part)));
    if (matches.length === 1) return { id: String(lead[leadHeader('id')]), company, part };
  }
  throw new Error('every company shares its middle with another lead');
}

/** A page of its own per test: a 300 px panel whose clock starts at the demo's date. */
interface Sidebar {
  page: Page;
  context: BrowserContext;
  dialogs: string[];
  errors: string[];
}

let sidebar: Sidebar | undefined;

async function openSidebar(): Promise<Sidebar> {
  // A salesperson in China: the browser's clock reads Shanghai time, like the spreadsheet's.
  const context = await browser.newContext({
    viewport: PANEL,
    timezoneId: 'Asia/Shanghai',
    locale: 'zh-CN',
  });
  // The form fills in "now" from the browser's clock; the workbook lives on the demo's date.
  await context.clock.install({ time: DEMO_NOW });
  await showChinese(context);
  const page = await context.newPage();
  const opened: Sidebar = { page, context, dialogs: [], errors: [] };
  page.on('request', (request) => requested.push(request.url()));
  page.on('dialog', (dialog) => {
    opened.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => opened.errors.push(error.message));
  sidebar = opened;
  await page.goto(preview.url);
  return opened;
}

afterEach(async () => {
  const closing = sidebar;
  sidebar = undefined;
  await closing?.context.close();
  expect(closing?.errors ?? []).toEqual([]);
});

/** Types a query into the search box and waits for the results the server sends back. */
async function search(page: Page, query: string): Promise<void> {
  const box = page.locator('#search');
  // With no lead row selected the sidebar opens on My day; the search is one click away.
  await page.locator('#nav-search').waitFor({ timeout: STEP_MS });
  if (!(await box.isVisible())) await page.locator('#nav-search').click();
  await box.waitFor({ timeout: STEP_MS });
  await box.click();
  await box.pressSequentially(query);
  await page.locator('#results li button[data-lead-id]').first().waitFor({ timeout: STEP_MS });
}

/** Finds a lead by its ID and opens its card with a click. */
async function openLead(page: Page, leadId: string): Promise<void> {
  await search(page, leadId);
  await page.locator(`#results li button[data-lead-id="${leadId}"]`).click();
  await page.locator('#card').waitFor({ timeout: STEP_MS });
}

async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).textContent({ timeout: STEP_MS })) ?? '').trim();
}

/** The card's facts as label → value, as the person reads them. */
async function cardFacts(page: Page): Promise<Record<string, string>> {
  return page.locator('#card dl.facts').evaluate((list) => {
    const facts: Record<string, string> = {};
    for (const term of Array.from(list.querySelectorAll('dt')))
      facts[(term.textContent ?? '').trim()] = (term.nextElementSibling?.textContent ?? '').trim();
    return facts;
  });
}

/** Waits until the newest history entry (the first) mentions `text`. */
async function waitForNewestEntry(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (expected) => document.querySelector('#history li')?.textContent?.includes(expected) ?? false,
    text,
    { timeout: STEP_MS },
  );
}

/** Fills the form's basics and saves, the way a person would after a call. */
async function logFollowUp(page: Page, method: string, content: string): Promise<void> {
  await page.locator('#method').selectOption(method);
  await page.locator('#content').fill(content);
  await page.locator('#save').click();
  await waitForNewestEntry(page, content);
}

/**
 * IDs of open demo leads for tests that need a lead of their own: from the bottom of the sheet,
 * away from the template leads and the company search that the other tests use at the top.
 */
async function openLeadIds(): Promise<string[]> {
  return (await tabRows(LEADS))
    .filter(
      (lead) =>
        ['新线索', '跟进中'].includes(String(lead[leadHeader('status')])) &&
        lead[leadHeader('company')] !== HOSTILE_COMPANY &&
        lead[leadHeader('id')] !== '',
    )
    .map((lead) => String(lead[leadHeader('id')]))
    .reverse();
}

/** The 1-based cell holding a lead's ID in the Leads tab. */
async function cellOf(leadId: string): Promise<{ row: number; column: number }> {
  const index = (await tabRows(LEADS)).findIndex((lead) => lead[leadHeader('id')] === leadId);
  if (index < 0) throw new Error(`no lead ${leadId}`);
  return { row: index + 2, column: LEAD_COLUMNS.findIndex((c) => c.key === 'id') + 1 };
}

/** Fills the form's basics, saves, and waits for the history to grow, wherever the entry lands. */
async function saveFollowUp(page: Page, method: string, content: string): Promise<void> {
  const entries = await page.locator('#history li.entry').count();
  await page.locator('#method').selectOption(method);
  await page.locator('#content').fill(content);
  await page.locator('#save').click();
  await page.waitForFunction(
    (count) => document.querySelectorAll('#history li.entry').length > count,
    entries,
    { timeout: STEP_MS },
  );
}

const followUpsOf = async (leadId: string) =>
  (await tabRows(FOLLOWUPS)).filter((row) => row[followUpHeader('leadId')] === leadId);

describe('the follow-up sidebar in a browser', () => {
  it('finds a lead by part of its company and opens it with the keyboard', async () => {
    const target = await leadWithDistinctCompany();
    const { page } = await openSidebar();
    await search(page, target.part);

    expect(await page.locator('#results li').count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-lead-id'));
    expect(focused).toBe(target.id);
    await page.keyboard.press('Enter');

    await page.locator('#card').waitFor({ timeout: STEP_MS });
    expect(await textOf(page, '#card h2')).toBe(target.company);
    expect(await page.locator('#card').textContent()).toContain(target.id);
    expect(await page.locator('#search').isVisible()).toBe(false);
    // Back returns to the search as it was left.
    await page.locator('#back').click();
    await page.locator('#search').waitFor({ timeout: STEP_MS });
    expect(await page.locator('#search').inputValue()).toBe(target.part);
  });

  it('logs follow-ups: the newest shows first in the history and lands in the Follow-ups tab', async () => {
    const leadId = '202405001-展会';
    const { page, context } = await openSidebar();
    await openLead(page, leadId);
    expect(await followUpsOf(leadId)).toHaveLength(0);

    await logFollowUp(page, 'wechat', '发送智能仓储方案，约下周演示');
    // Two hours later the customer calls back, and the salesperson opens the lead again.
    await context.clock.fastForward('02:00:00');
    await page.locator('#back').click();
    await page.locator(`#results li button[data-lead-id="${leadId}"]`).click();
    await page.locator('#card').waitFor({ timeout: STEP_MS });
    await logFollowUp(page, 'phone', '客户确认下周三现场演示');

    const entries = page.locator('#history li');
    expect(await entries.count()).toBe(2);
    expect(await entries.nth(0).textContent()).toContain('客户确认下周三现场演示');
    expect(await entries.nth(1).textContent()).toContain('发送智能仓储方案，约下周演示');
    expect(await textOf(page, '#status')).toContain(leadId);
    // Ready for the next contact: what was said is cleared.
    expect(await page.locator('#content').inputValue()).toBe('');

    const rows = await followUpsOf(leadId);
    expect(
      rows.map((row) => [row[followUpHeader('method')], row[followUpHeader('content')]]),
    ).toEqual([
      ['微信', '发送智能仓储方案，约下周演示'],
      ['电话', '客户确认下周三现场演示'],
    ]);
    expect(rows.map((row) => Date.parse(String(row[followUpHeader('time')])))).toEqual([
      DEMO_NOW.getTime(),
      DEMO_NOW.getTime() + 2 * HOUR_MS,
    ]);
  });

  it('keeps what was typed and says why when the server refuses the follow-up', async () => {
    const leadId = (await openLeadIds())[0];
    const { page } = await openSidebar();
    await openLead(page, leadId);
    // Meanwhile someone clears the lead's ID in the sheet, so the server no longer finds it.
    const { row, column } = await cellOf(leadId);
    preview.runtime.type(LEADS, row, column, [['']]);
    try {
      const followUpsBefore = (await tabRows(FOLLOWUPS)).length;
      await page.locator('#content').fill('电话未接通');
      await page.locator('#save').click();
      await page.waitForFunction(
        () => (document.querySelector('#form-error')?.textContent ?? '').trim() !== '',
        undefined,
        { timeout: STEP_MS },
      );
      expect(await textOf(page, '#form-error')).toContain(leadId);
      expect(await page.locator('#content').inputValue()).toBe('电话未接通');
      expect(await page.locator('#save').isEnabled()).toBe(true);
      expect((await tabRows(FOLLOWUPS)).length).toBe(followUpsBefore);
    } finally {
      preview.runtime.type(LEADS, row, column, [[leadId]]);
    }
  });

  it('shows the content error beside the field and writes nothing when content is empty', async () => {
    const leadId = '202405002-官网';
    const { page } = await openSidebar();
    await openLead(page, leadId);
    const followUpsBefore = (await tabRows(FOLLOWUPS)).length;
    const leadBefore = await leadById(leadId);

    await page.locator('#method').selectOption('phone');
    await page.locator('#content').fill('   ');
    await page.locator('#save').click();

    const error = page.locator('#error-content');
    await error.waitFor({ state: 'visible', timeout: STEP_MS });
    expect((await error.textContent())?.trim()).not.toBe('');
    expect(await page.locator('#content').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('content');
    expect(await page.locator('#history li').count()).toBe(1);
    expect(await textOf(page, '#history li')).toBe('暂无跟进记录。');
    expect((await tabRows(FOLLOWUPS)).length).toBe(followUpsBefore);
    expect(await leadById(leadId)).toEqual(leadBefore);
  });

  it('closes a lead as won: a Conversions row and the card says 成交', async () => {
    const leadId = '202405002-官网';
    const { page } = await openSidebar();
    await openLead(page, leadId);
    expect(await page.locator('#amount').isVisible()).toBe(false);

    await page.locator('#method').selectOption('visit');
    await page.locator('#content').fill('上门签约，确认CRM升级方案');
    await page.locator('#result').selectOption('won');
    await page.locator('#amount').waitFor({ state: 'visible', timeout: STEP_MS });
    await page.locator('#amount').fill('26.5');
    await page.locator('#keyFactors').fill('方案贴合业务，报价在预算内');
    await page.locator('#save').click();
    await waitForNewestEntry(page, '上门签约，确认CRM升级方案');

    expect((await cardFacts(page))[leadHeader('status')]).toBe('成交');
    const conversions = (await tabRows(CONVERSIONS)).filter(
      (row) => row[conversionHeader('leadId')] === leadId,
    );
    expect(conversions).toHaveLength(1);
    expect(conversions[0]).toMatchObject({
      [conversionHeader('result')]: '成交',
      [conversionHeader('amount')]: 26.5,
      [conversionHeader('keyFactors')]: '方案贴合业务，报价在预算内',
    });
    expect((await leadById(leadId))[leadHeader('status')]).toBe('成交');
  });

  it('shows a contact written as markup as plain text, in the results and on the card', async () => {
    const { page, dialogs } = await openSidebar();
    await search(page, HOSTILE_COMPANY);
    expect(await page.locator('#results').textContent()).toContain(HOSTILE_CONTACT);
    await page.locator('#results li button[data-lead-id]').first().click();
    await page.locator('#card').waitFor({ timeout: STEP_MS });
    expect(await textOf(page, '#card h2')).toBe(HOSTILE_COMPANY);
    expect(await page.locator('#card').textContent()).toContain(HOSTILE_CONTACT);

    // An image that did get in would ask for `x` and fire its handler within this pause.
    await page.waitForTimeout(500);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('[onerror]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(requested.filter((url) => new URL(url).pathname === '/x')).toEqual([]);
  });

  it("opens on the lead of the selected row, and that lead's markup stays text", async () => {
    const row = (await tabRows(LEADS)).findIndex(
      (lead) => lead[leadHeader('company')] === HOSTILE_COMPANY,
    );
    await selectRow(LEADS, row + 2);
    try {
      const { page, dialogs } = await openSidebar();
      await page.locator('#card').waitFor({ timeout: STEP_MS });
      expect(await textOf(page, '#card h2')).toBe(HOSTILE_COMPANY);
      expect(await page.locator('#card').textContent()).toContain(HOSTILE_CONTACT);
      await page.waitForTimeout(500);
      expect(await page.locator('img, [onerror]').count()).toBe(0);
      expect(dialogs).toEqual([]);
    } finally {
      // The other tests start from the search.
      await selectRow(LEADS, 1);
    }
  });

  it('stores content that looks like a formula as that text, never as a formula', async () => {
    const target = await leadWithDistinctCompany();
    const { page } = await openSidebar();
    await openLead(page, target.id);

    await logFollowUp(page, 'email', FORMULA_TEXT);

    const rows = await followUpsOf(target.id);
    expect(rows.map((row) => row[followUpHeader('content')])).toContain(FORMULA_TEXT);
    expect(await formulaCount(FOLLOWUPS)).toBe(0);
    expect(await textOf(page, '#history li')).toContain(FORMULA_TEXT);
  });

  it('fits a 300 px panel without a horizontal scrollbar', async () => {
    const { page } = await openSidebar();
    await search(page, '有限公司');
    const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await scrollWidth()).toBeLessThanOrEqual(PANEL.width);

    await page.locator('#results li button[data-lead-id]').first().click();
    await page.locator('#card').waitFor({ timeout: STEP_MS });
    // A pasted link is one long word; it must wrap, not widen the panel.
    await logFollowUp(
      page,
      'email',
      '已发送资料 https://example.com/lead-tracker/brochure/2024/warehouse-automation-overview.pdf',
    );
    await page.locator('#result').selectOption('lost');
    await page.locator('#reason').waitFor({ state: 'visible', timeout: STEP_MS });

    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(await scrollWidth()).toBeLessThanOrEqual(PANEL.width);
  });

  it('offers the current time for a follow-up logged hours later without leaving the card', async () => {
    const leadId = (await openLeadIds())[1];
    const { page, context } = await openSidebar();
    await openLead(page, leadId);
    await logFollowUp(page, 'phone', '第一次电话，客户在开会');
    await context.clock.fastForward('02:00:00');
    await saveFollowUp(page, 'phone', '第二次电话，约好明天拜访');

    const times = (await followUpsOf(leadId)).map((row) => row[followUpHeader('time')]);
    expect(times.map((time) => Date.parse(String(time)))).toEqual([
      DEMO_NOW.getTime(),
      DEMO_NOW.getTime() + 2 * HOUR_MS,
    ]);
  });

  it('shows the later of two follow-ups logged within a minute first', async () => {
    const leadId = (await openLeadIds())[2];
    const { page } = await openSidebar();
    await openLead(page, leadId);
    await logFollowUp(page, 'wechat', '发了产品资料');
    await saveFollowUp(page, 'wechat', '补发了报价单');

    expect(await textOf(page, '#history li:first-child')).toContain('补发了报价单');
  });

  it('asks nothing of any host but the preview on 127.0.0.1', async () => {
    const { page } = await openSidebar();
    await openLead(page, '202405001-展会');
    const origin = new URL(preview.url).origin;
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  });
});
