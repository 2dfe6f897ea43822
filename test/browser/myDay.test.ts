// My day and claiming from the pool in real headless Chromium, as a salesperson works: the sidebar
// opens on the queue with no lead row selected, three items are worked through with the keyboard
// (a follow-up logged on each opens the next), then a pool lead is claimed. Screenshots at 300 px,
// in Chinese, under out/screenshots/.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, showChinese } from '../support/browser';
import { setTeam } from '../support/automation';
import { leadRow } from '../support/leads';
import { LEAD_COLUMNS, TAB_NAMES } from '../../src/sheet/tabs';
import { DEMO_NOW } from '../../dev/apps/demo';
import type { LocalAppsScript } from '../../gas-local/runtime';
import { type Preview, startPreview } from '../../dev/apps/preview';

jest.setTimeout(90_000);

const LEADS = TAB_NAMES.leads.zh;
const POOL = TAB_NAMES.pool.zh;
const FOLLOWUPS = TAB_NAMES.followups.zh;
const PANEL = { width: 300, height: 800 };
const SHOTS = join(__dirname, '..', '..', 'out', 'screenshots');
const STEP_MS = 10_000;
const HOUR = 3_600_000;
/** The preview's person: the runtime's default user, put in the team table as 陈晓. */
const ME = { name: '陈晓', email: 'owner@example.com', role: '销售' as const };
const at = (ms: number) => new Date(DEMO_NOW.getTime() + ms);

const MINE = [
  {
    id: '202405901-展会',
    company: '杭州云帆物流有限公司',
    contact: '周先生',
    grade: 'B',
    firstContactAt: at(-48 * HOUR),
    lastFollowUpAt: at(-48 * HOUR),
    nextFollowUpDue: at(4 * HOUR),
    status: '跟进中',
  },
  {
    id: '202405902-官网表单',
    company: '苏州精工机械有限公司',
    contact: '钱经理',
    grade: 'A',
    assignedAt: at(-30 * HOUR),
    firstContactDue: at(-6 * HOUR),
    status: '新线索',
  },
  {
    id: '202405903-电话咨询',
    company: '宁波海川贸易有限公司',
    contact: '孙女士',
    grade: 'C',
    assignedAt: at(-40 * HOUR),
    firstContactDue: at(6 * HOUR),
    status: '新线索',
  },
];
/** In the order My day lists them: overdue first, then by grade. */
const ORDER = ['202405902-官网表单', '202405901-展会', '202405903-电话咨询'];
const POOLED = { id: '202404950-展会', company: '无锡远景科技有限公司', contact: '吴总' };

function addMyWork(runtime: LocalAppsScript): void {
  setTeam(runtime, [ME, { name: '李娜', email: 'lina@example.com', role: '销售' }]);
  const rows = MINE.map((lead, i) =>
    leadRow({ ...lead, owner: ME.name, source: '展会', phone: `1381234000${i}` }),
  );
  runtime.type(LEADS, runtime.values(LEADS).length + 1, 1, rows);
  const pooled = [
    ...leadRow({ ...POOLED, source: '展会', phone: '13912345678', grade: 'B' }),
    at(-4 * 24 * HOUR),
    '7天未跟进',
    '李娜',
    1,
  ];
  runtime.type(POOL, 2, 1, [pooled]);
}

let preview: Preview;
let browser: Browser;
let context: BrowserContext | undefined;
const errors: string[] = [];

beforeAll(async () => {
  preview = await startPreview({ port: 0, workbook: addMyWork });
  browser = await launchChromium();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await preview?.close();
});

async function tabRows(tab: string): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${preview.url}workbook/${encodeURIComponent(tab)}`);
  const [names, ...rows] = (await response.json()) as unknown[][];
  return rows.map((row) => Object.fromEntries(names.map((name, i) => [String(name), row[i]])));
}

const header = (key: string) => LEAD_COLUMNS.find((c) => c.key === key)?.header.zh ?? key;

async function openSidebar(): Promise<Page> {
  context = await browser.newContext({
    viewport: PANEL,
    timezoneId: 'Asia/Shanghai',
    locale: 'zh-CN',
  });
  await context.clock.install({ time: DEMO_NOW });
  await showChinese(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => void dialog.dismiss());
  await page.goto(preview.url);
  return page;
}

const focusedLeadId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-lead-id') ?? null);

async function cardTitle(page: Page): Promise<string> {
  await page.locator('#card').waitFor({ timeout: STEP_MS });
  return ((await page.locator('#card h2').textContent()) ?? '').trim();
}

async function noSideScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PANEL.width);
}

describe('My day in a browser', () => {
  it('works through three queue items with the keyboard, then claims a pool lead', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const page = await openSidebar();

    // No lead row selected: the sidebar opens on the queue, counts at the top.
    await page.locator('#queue button[data-lead-id]').first().waitFor({ timeout: STEP_MS });
    expect(await page.locator('#day-title').textContent()).toBe('陈晓 的待办');
    const ids = await page
      .locator('#queue button[data-lead-id]')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-lead-id')));
    expect(ids).toEqual(ORDER);
    const counts = await page.locator('.counts').textContent();
    expect(counts).toContain('1触达超时');
    expect(counts).toContain('1今日跟进');
    expect(await page.locator('#queue').textContent()).toContain('首次触达已超时');
    await noSideScroll(page);
    await page.screenshot({ path: join(SHOTS, 'my-day.png'), fullPage: true });

    // The first item has focus; ↓ and ↑ walk the list, Enter opens the card.
    expect(await focusedLeadId(page)).toBe(ORDER[0]);
    await page.keyboard.press('ArrowDown');
    expect(await focusedLeadId(page)).toBe(ORDER[1]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    expect(await cardTitle(page)).toBe('苏州精工机械有限公司');
    await page.screenshot({ path: join(SHOTS, 'my-day-card.png'), fullPage: true });

    // A follow-up on each: saving opens the next item of the day.
    const companies = ['苏州精工机械有限公司', '杭州云帆物流有限公司', '宁波海川贸易有限公司'];
    for (const [i, leadId] of ORDER.entries()) {
      expect(await cardTitle(page)).toBe(companies[i]);
      await page.locator('#method').focus();
      await page.keyboard.press('ArrowDown'); // 电话 → 微信
      await page.locator('#content').focus();
      await page.keyboard.type(`第${i + 1}次跟进：电话沟通需求`);
      await page.locator('#save').focus();
      await page.keyboard.press('Enter');
      // The next card, or after the last the empty day, shows once the save has come back.
      if (i < ORDER.length - 1) {
        await page.waitForFunction(
          (next) => document.querySelector('#card h2')?.textContent?.trim() === next,
          companies[i + 1],
          { timeout: STEP_MS },
        );
      } else await page.locator('#day-view .empty').waitFor({ timeout: STEP_MS });
      const logged = (await tabRows(FOLLOWUPS)).filter((r) => r['线索编号'] === leadId);
      expect(logged).toHaveLength(1);
    }
    // After the last, back on the day: nothing left.
    await page.locator('#day-view .empty').waitFor({ timeout: STEP_MS });
    expect(await page.locator('#queue button').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'my-day-done.png'), fullPage: true });

    // The pool: ↓ from the filter to the lead, Enter claims it and opens its card.
    await page.locator('#nav-pool').click();
    await page.locator('#pool-list button[data-lead-id]').first().waitFor({ timeout: STEP_MS });
    expect(await page.locator('#pool-list').textContent()).toContain(POOLED.company);
    await noSideScroll(page);
    await page.screenshot({ path: join(SHOTS, 'pool.png'), fullPage: true });
    await page.locator('#pool-filter').focus();
    await page.keyboard.type('无锡');
    await page.waitForFunction(
      () => document.querySelectorAll('#pool-list button[data-lead-id]').length === 1,
      undefined,
      { timeout: STEP_MS },
    );
    await page.keyboard.press('ArrowDown');
    expect(await focusedLeadId(page)).toBe(POOLED.id);
    await page.keyboard.press('Enter');
    expect(await cardTitle(page)).toBe(POOLED.company);
    await page.screenshot({ path: join(SHOTS, 'claimed.png'), fullPage: true });
    const lead = (await tabRows(LEADS)).find((r) => r[header('id')] === POOLED.id);
    expect(lead?.[header('owner')]).toBe(ME.name);
    expect((await tabRows(POOL)).some((r) => r[header('id')] === POOLED.id)).toBe(false);

    // The claimed lead is in the day now, as a new assignment.
    await page.locator('#nav-day').click();
    await page.locator(`#queue button[data-lead-id="${POOLED.id}"]`).waitFor({ timeout: STEP_MS });
    expect(await page.locator('#queue').textContent()).toContain('新分配');
    expect(errors).toEqual([]);
  });
});
