// The sidebar and the analysis page in Traditional Chinese, in real headless Chromium: a zh_TW
// workbook shows no Simplified-only character, the page says it is zh-Hant, a follow-up logged in
// Traditional lands in the sheet, and screenshots of both go to out/screenshots/.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, showChinese, showTraditionalChinese } from '../support/browser';
import { simplifiedOnlyIn } from '../support/simplifiedOnly';
import { DEMO_NOW, runDemo } from '../../dev/apps/demo';
import { type Preview, startPreview } from '../../dev/apps/preview';
import { labelIn } from '../../src/sheet/language';
import { FOLLOWUP_COLUMNS, TAB_NAMES } from '../../src/sheet/tabs';

jest.setTimeout(120_000);

const SCREENSHOTS = join(__dirname, '..', '..', 'out', 'screenshots');
const PANEL = { width: 300, height: 800 };
const STEP_MS = 10_000;
const LEAD_ID = '202405001-展會';

let browser: Browser;
let preview: Preview;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'traditional-'));
  browser = await launchChromium();
  preview = await startPreview({ port: 0, locale: 'zh_TW' });
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A page that shows both scripts' glyphs: Traditional first, Simplified for what a team pasted. */
async function traditionalPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    timezoneId: 'Asia/Taipei',
    locale: 'zh-TW',
  });
  await context.clock.install({ time: DEMO_NOW });
  await showTraditionalChinese(context);
  await showChinese(context);
  return context.newPage();
}

describe('the sidebar of a zh_TW spreadsheet', () => {
  it('speaks Traditional Chinese, saves a follow-up, and is screenshotted', async () => {
    const page = await traditionalPage(PANEL);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(preview.url);
    // With no lead row selected the sidebar opens on My day; the search is one click away.
    const nav = page.locator('#nav-search');
    await nav.waitFor({ timeout: STEP_MS });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hant');
    await nav.click();
    const box = page.locator('#search');
    await box.waitFor({ timeout: STEP_MS });
    await box.click();
    await box.pressSequentially(LEAD_ID);
    await page.locator(`#results li button[data-lead-id="${LEAD_ID}"]`).click();
    await page.locator('#card').waitFor({ timeout: STEP_MS });

    await page.locator('#method').selectOption('phone');
    await page.locator('#content').fill('已聯絡客戶，下週安排拜訪');
    await page.locator('#save').click();
    await page.waitForFunction(
      () => document.querySelector('#history li')?.textContent?.includes('下週安排拜訪') ?? false,
      undefined,
      { timeout: STEP_MS },
    );
    await page.locator('#result').selectOption('lost');
    await page.locator('#reason').waitFor({ state: 'visible', timeout: STEP_MS });

    const shown = await page.evaluate(() => document.body.innerText);
    const options = await page.$$eval('option', (list) => list.map((o) => o.textContent ?? ''));
    expect(shown).toContain('聯絡');
    expect(simplifiedOnlyIn([shown, ...options].join('\n'))).toEqual([]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'sidebar-zh-Hant.png'), fullPage: true });

    const followUps = preview.runtime.values(labelIn('zhHant', TAB_NAMES.followups));
    const content = followUps[0].indexOf(
      labelIn('zhHant', FOLLOWUP_COLUMNS.find((c) => c.key === 'content')!.header),
    );
    expect(followUps.at(-1)?.[content]).toBe('已聯絡客戶，下週安排拜訪');
    expect(followUps.at(-1)?.[0]).toBe(LEAD_ID);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the analysis page of a zh_TW demo', () => {
  it('speaks Traditional Chinese, draws its charts, and is screenshotted', async () => {
    const output = join(dir, 'demo.xlsx');
    const result = await runDemo({ output, locale: 'zh_TW', count: 120 });
    const page = await traditionalPage({ width: 1000, height: 900 });
    await page.goto(pathToFileURL(result.analysisPage).href);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hant');
    const shown = await page.evaluate(() => document.body.innerText);
    expect(shown).toContain('轉化漏斗');
    expect(simplifiedOnlyIn(shown)).toEqual([]);
    expect(await page.locator('svg').count()).toBe(3);
    await page.screenshot({ path: join(SCREENSHOTS, 'analysis-zh-Hant.png'), fullPage: true });
    await page.context().close();
  });
});
