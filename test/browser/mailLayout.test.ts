// The e-mails on a phone, in real headless Chromium: a digest and the periodic report fit a 360 px
// screen without sideways scrolling, in readable type, each lead a link to its row.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, showChinese } from '../support/browser';
import { type ReminderItem, renderDigest } from '../../src/method/reminders/reminders';
import { renderReport } from '../../src/method/report/reportMail';
import { reportPeriodAt } from '../../src/method/report/reportPeriod';
import type { TimeZone } from '../../src/sheet/calendar';

jest.setTimeout(60_000);

const SHANGHAI: TimeZone = { name: 'Asia/Shanghai', offsetMinutes: () => 480 };
const URL =
  'https://docs.google.com/spreadsheets/d/1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms/edit';
const PHONE = { width: 360, height: 740 };
const SCREENSHOTS = join(__dirname, '..', '..', 'out', 'screenshots');

const items: ReminderItem[] = [
  {
    kind: 'firstContactOverdue',
    leadId: '202405001-展会',
    grade: 'A',
    company: '华东区域智能制造设备有限责任公司',
    contact: '李经理',
    due: new Date('2024-05-09T02:00:00Z'),
    row: 2,
  },
  {
    kind: 'followUpDue',
    leadId: '202405017-客户推荐',
    grade: 'B',
    company: 'averyveryveryveryverylongcompanynamewithoutanyspaces.example.com',
    contact: '王总',
    due: new Date('2024-05-10T09:00:00Z'),
    row: 18,
  },
  {
    kind: 'assigned',
    leadId: '202405020-官网表单',
    grade: 'C',
    company: '贸易公司',
    contact: '陈女士',
    due: new Date('2024-05-13T02:00:00Z'),
    row: 21,
  },
];

const digest = renderDigest({
  recipientName: '张伟',
  items,
  language: 'zh',
  zone: SHANGHAI,
  spreadsheetUrl: URL,
  forManagers: false,
  sheetIds: { leads: 0, pool: 1_234_567 },
});

const period = reportPeriodAt(new Date('2024-05-13T02:00:00Z'), SHANGHAI, 'weekly');
if (!period) throw new Error('weekly has a period');
const report = renderReport({
  period,
  figures: {
    current: { newLeads: 42, won: 7, wonAmount: 315.5, conversion: 0.167, slaCompliance: 0.857 },
    previous: { newLeads: 35, won: NaN, wonAmount: NaN, conversion: 0.2, slaCompliance: 0.8 },
    topReasons: [{ key: 'budget', count: 6, share: 0.46 }],
  },
  warnings: ['B 级的转化率高于 A 级（12% 对 9%）：等级区分不明显。'],
  language: 'zh',
  link: `${URL}#gid=42`,
});

let browser: Browser;
let page: Page;
let dir: string;

async function open(name: string, html: string): Promise<void> {
  const path = join(dir, `${name}.html`);
  writeFileSync(path, html);
  await page.goto(pathToFileURL(path).href);
  await page.evaluate(() => document.fonts.ready);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lead-tracker-mail-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: PHONE });
  await showChinese(page);
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each([
  ['digest', digest.html],
  ['report', report.html],
])('the %s at 360 px', (name, html) => {
  beforeAll(() => open(name, html));

  it('needs no sideways scrolling', async () => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
  });

  it('sets its text at 13 px or more (the fine print), the rest at 15', async () => {
    const smallest = await page.evaluate(() =>
      Math.min(
        ...Array.from(document.querySelectorAll('td, a, b, strong')).map((el) =>
          parseFloat(getComputedStyle(el).fontSize),
        ),
      ),
    );
    expect(smallest).toBeGreaterThanOrEqual(13);
  });

  it('takes a screenshot', async () => {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-360.png`), fullPage: true });
  });
});

describe('the digest on a phone', () => {
  beforeAll(() => open('digest', digest.html));

  it('makes each lead a link to its row, within the screen', async () => {
    const links = await page.evaluate(() =>
      Array.from(document.querySelectorAll('a')).map((a) => {
        const box = a.getBoundingClientRect();
        return { href: a.getAttribute('href'), right: box.right, text: a.textContent };
      }),
    );
    expect(links.map((l) => l.href)).toEqual([
      `${URL}#gid=0&range=A2`,
      `${URL}#gid=0&range=A18`,
      `${URL}#gid=0&range=A21`,
      URL,
    ]);
    for (const link of links) expect(link.right).toBeLessThanOrEqual(PHONE.width);
  });
});
