// The offline demo builds a scored Chinese workbook from the built bundle, lives through the days
// after set-up (hourly runs, follow-ups, the pool, e-mails to the outbox), and reads its export back.

import ExcelJS from 'exceljs';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  FOLLOWUP_COLUMNS,
  LEAD_COLUMNS,
  POOL_COLUMNS,
  TAB_NAMES,
  TAB_ORDER,
} from '../../src/sheet/tabs';
import { FOLLOW_UP_METHOD } from '../../src/sheet/options';
import { type DemoResult, DEFAULT_LEAD_COUNT, runDemo } from '../../dev/apps/demo';
import { DEMO_TEAM } from '../../dev/apps/demoData';
import { labelIn } from '../../src/sheet/language';
import { simplifiedOnlyIn } from '../support/simplifiedOnly';

/** exceljs reads these but leaves them out of its typings. */
interface WorksheetInternals {
  dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
}

const LEAD_COUNT = 40;
const LEAD_ID = /\d{9}-\S+/;
const headerAt = (key: string) => LEAD_COLUMNS.findIndex((c) => c.key === key) + 1;
const poolHeaderAt = (key: string) => POOL_COLUMNS.findIndex((c) => c.key === key) + 1;
const followUpHeaderAt = (key: string) => FOLLOWUP_COLUMNS.findIndex((c) => c.key === key) + 1;

async function openWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** Tab names a person sees (Lead Tracker's state tab is hidden). */
const visibleNames = (workbook: ExcelJS.Workbook) =>
  workbook.worksheets.filter((s) => s.state === 'visible').map((s) => s.name);

function sheetOf(
  workbook: ExcelJS.Workbook,
  tab: 'leads' | 'pool' | 'followups',
): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(TAB_NAMES[tab].zh);
  if (!sheet) throw new Error(`no ${tab} tab`);
  return sheet;
}

const leadsSheet = (workbook: ExcelJS.Workbook) => sheetOf(workbook, 'leads');

function dataRows(sheet: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row, number) => {
    if (number > 1) rows.push(row);
  });
  return rows;
}

const idsOf = (sheet: ExcelJS.Worksheet, column: number) =>
  dataRows(sheet).map((row) => String(row.getCell(column).value));

/** An .eml as a mail program reads it: unfolded headers, and each part's decoded text. */
interface ParsedEml {
  headers: Map<string, string>;
  parts: { type: string; text: string }[];
}

function headersAndBody(text: string): { headers: Map<string, string>; body: string } {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) throw new Error('no blank line after the headers');
  const headers = new Map<string, string>();
  for (const line of text
    .slice(0, end)
    .replace(/\r\n[ \t]/g, ' ')
    .split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 1) throw new Error(`not a header: ${line}`);
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: text.slice(end + 4) };
}

function parseEml(text: string): ParsedEml {
  const { headers, body } = headersAndBody(text);
  const boundary = /boundary="([^"]+)"/.exec(headers.get('content-type') ?? '')?.[1];
  if (!boundary) throw new Error('not multipart');
  const parts = body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((section) => {
      const part = headersAndBody(section.replace(/^\r\n/, ''));
      expect(part.headers.get('content-transfer-encoding')).toBe('base64');
      const base64 = part.body.replace(/\r\n/g, '');
      expect(base64).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
      return {
        type: part.headers.get('content-type') ?? '',
        text: Buffer.from(base64, 'base64').toString('utf8'),
      };
    });
  return { headers, parts };
}

/** RFC 2047 encoded words back to text. */
function decodeSubject(value: string): string {
  return value
    .split(/\s+/)
    .map((word) => {
      const match = /^=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=$/i.exec(word);
      if (!match) throw new Error(`not an encoded word: ${word}`);
      return Buffer.from(match[1], 'base64').toString('utf8');
    })
    .join('');
}

/**
 * A demo run plays out days of hourly runs and logs each follow-up as its own sidebar execution:
 * a few seconds, and more on a busy machine, which Jest's 5 s default does not allow for.
 */
jest.setTimeout(30_000);

describe('npm run demo', () => {
  let dir: string;
  let output: string;
  let result: DemoResult;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lead-tracker-demo-'));
    output = join(dir, 'lead-tracker.xlsx');
    result = await runDemo({ output, count: LEAD_COUNT });
    workbook = await openWorkbook(output);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes all seven tabs in Chinese, in order', () => {
    expect(visibleNames(workbook)).toEqual(TAB_ORDER.map((k) => TAB_NAMES[k].zh));
  });

  it('heads Leads with the Chinese headers of every lead column', () => {
    const header = leadsSheet(workbook).getRow(1).values as unknown[];
    expect(header.slice(1)).toEqual(LEAD_COLUMNS.map((c) => c.header.zh));
  });

  it('keeps the template’s first lead, graded A, in Leads or in the pool', () => {
    const rows = [...dataRows(leadsSheet(workbook)), ...dataRows(sheetOf(workbook, 'pool'))].filter(
      (row) => row.getCell(headerAt('id')).value === '202405001-展会',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].getCell(headerAt('grade')).value).toBe('A');
  });

  it('scores every lead from 0 to 100 and grades it A to D', () => {
    const rows = dataRows(leadsSheet(workbook));
    expect(rows).toHaveLength(result.leads);
    for (const row of rows) {
      const score = row.getCell(headerAt('score')).value;
      expect(typeof score).toBe('number');
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(100);
      expect(['A', 'B', 'C', 'D']).toContain(row.getCell(headerAt('grade')).value);
    }
  });

  it('gives every lead an ID, including those typed without one', () => {
    for (const row of dataRows(leadsSheet(workbook)))
      expect(String(row.getCell(headerAt('id')).value)).toMatch(/^\d{9}-/);
  });

  it('colours the grade column and offers drop-downs for the scoring inputs', () => {
    const sheet = leadsSheet(workbook) as unknown as WorksheetInternals;
    const gradeLetter = leadsSheet(workbook).getColumn(headerAt('grade')).letter;
    const gradeRules = sheet.conditionalFormattings.filter((cf) =>
      cf.ref.startsWith(`${gradeLetter}2:`),
    );
    expect(gradeRules.flatMap((cf) => cf.rules)).toHaveLength(4);
    const needFitLetter = leadsSheet(workbook).getColumn(headerAt('needFit')).letter;
    expect(sheet.dataValidations.model[`${needFitLetter}2`]).toMatchObject({ type: 'list' });
  });

  it('freezes the header row', () => {
    expect(leadsSheet(workbook).views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('moves stale leads to the Pool tab, with when and why', () => {
    const rows = dataRows(sheetOf(workbook, 'pool'));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(result.pool);
    for (const row of rows) {
      expect(row.getCell(poolHeaderAt('pooledAt')).value).toBeInstanceOf(Date);
      expect(String(row.getCell(poolHeaderAt('poolReason')).value)).not.toBe('');
    }
  });

  it('keeps every lead ID exactly once across Leads and Pool', () => {
    const ids = [
      ...idsOf(leadsSheet(workbook), headerAt('id')),
      ...idsOf(sheetOf(workbook, 'pool'), poolHeaderAt('id')),
    ];
    expect(ids).toHaveLength(LEAD_COUNT);
    expect(new Set(ids).size).toBe(LEAD_COUNT);
  });

  it('logs every follow-up through the sidebar as an active member of the team, in time order', () => {
    const rows = dataRows(sheetOf(workbook, 'followups'));
    expect(rows.length).toBeGreaterThan(0);
    const team = new Set(DEMO_TEAM.filter((m) => m.active).map((m) => m.email));
    const methods = FOLLOW_UP_METHOD.map((m) => m.zh);
    const times = rows.map((row) => row.getCell(followUpHeaderAt('time')).value);
    for (const row of rows) {
      expect(team).toContain(row.getCell(followUpHeaderAt('by')).value);
      expect(methods).toContain(row.getCell(followUpHeaderAt('method')).value);
      expect(String(row.getCell(followUpHeaderAt('leadId')).value)).toMatch(LEAD_ID);
    }
    for (const time of times) expect(time).toBeInstanceOf(Date);
    const ms = (times as Date[]).map((time) => time.getTime());
    expect(ms).toEqual([...ms].sort((a, b) => a - b));
  });

  it('gives each followed-up lead its first contact and its latest follow-up time', () => {
    const latest = new Map<string, number>();
    for (const row of dataRows(sheetOf(workbook, 'followups'))) {
      const id = String(row.getCell(followUpHeaderAt('leadId')).value);
      const time = (row.getCell(followUpHeaderAt('time')).value as Date).getTime();
      latest.set(id, Math.max(latest.get(id) ?? 0, time));
    }
    const followedUp = dataRows(leadsSheet(workbook)).filter((row) =>
      latest.has(String(row.getCell(headerAt('id')).value)),
    );
    expect(followedUp.length).toBeGreaterThan(0);
    for (const row of followedUp) {
      const id = String(row.getCell(headerAt('id')).value);
      expect(row.getCell(headerAt('firstContactAt')).value).toBeInstanceOf(Date);
      const last = row.getCell(headerAt('lastFollowUpAt')).value as Date;
      expect(last.getTime()).toBe(latest.get(id));
    }
  });

  it('writes every e-mail sent to the outbox as an .eml named by order and recipient', () => {
    const files = readdirSync(join(dir, 'outbox')).filter((f) => f.endsWith('.eml'));
    expect(files.length).toBeGreaterThan(0);
    expect(files.sort()).toEqual(result.emails.map((path) => basename(path)).sort());
    for (const file of files) expect(file).toMatch(/^\d{3}-[^\s/]+@example\.com\.eml$/);
  });

  it('writes .eml files that parse, with headers and base64 parts naming leads', () => {
    for (const path of result.emails) {
      const { headers, parts } = parseEml(readFileSync(path, 'utf8'));
      expect(headers.get('from')).toBe('"Lead Tracker" <noreply@example.com>');
      expect(headers.get('to')).toMatch(/@example\.com$/);
      expect(headers.get('date')).toMatch(/^\w{3}, \d{1,2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0800$/);
      expect(headers.get('mime-version')).toBe('1.0');
      const subject = decodeSubject(headers.get('subject') ?? '');
      expect(subject).toMatch(/线索跟踪(提醒|周报)/);
      expect(parts.map((p) => p.type)).toEqual([
        'text/plain; charset=UTF-8',
        'text/html; charset=UTF-8',
      ]);
      // Reminders name leads; the weekly report holds aggregates only.
      for (const part of parts) {
        if (subject.includes('周报')) expect(part.text).not.toMatch(LEAD_ID);
        else expect(part.text).toMatch(LEAD_ID);
      }
    }
  });

  it('sends the manager the weekly report once a week', () => {
    const reports = result.emails.filter((path) =>
      decodeSubject(parseEml(readFileSync(path, 'utf8')).headers.get('subject') ?? '').includes(
        '周报',
      ),
    );
    // The runs span two weeks: Friday 10 May and Saturday 18 May.
    expect(reports).toHaveLength(2);
  });

  it('reads its own export back and grades it the same, without simulating again', async () => {
    const again = join(dir, 'again.xlsx');
    const reread = await runDemo({ input: output, output: again, now: result.finishedAt });
    expect(reread).toMatchObject({
      gradeCounts: result.gradeCounts,
      leads: result.leads,
      pool: result.pool,
      emails: [],
    });
    const reopened = await openWorkbook(again);
    expect(visibleNames(reopened)).toEqual(TAB_ORDER.map((k) => TAB_NAMES[k].zh));
  });

  it('simulates the days after set-up on an imported workbook when asked', async () => {
    const outbox = join(dir, 'imported-outbox');
    const simulated = await runDemo({
      input: output,
      output: join(dir, 'simulated.xlsx'),
      now: result.finishedAt,
      simulate: true,
      outbox,
    });
    expect(simulated.leads + simulated.pool).toBe(LEAD_COUNT);
    expect(simulated.emails.every((path) => path.startsWith(outbox))).toBe(true);
  });

  it('names a missing input file', async () => {
    await expect(
      runDemo({ input: join(dir, 'missing.xlsx'), output: join(dir, 'x.xlsx') }),
    ).rejects.toThrow(/missing\.xlsx/);
  });
});

describe("the demo tells the method's story", () => {
  let dir: string;
  let result: DemoResult;
  let workbook: ExcelJS.Workbook;

  // The default demo: enough decided leads for a pattern to show.
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lead-tracker-story-'));
    const output = join(dir, 'lead-tracker.xlsx');
    result = await runDemo({ output, count: DEFAULT_LEAD_COUNT });
    workbook = await openWorkbook(output);
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('tells a story the analysis can find: referrals and A leads convert more', () => {
    const story = result.story;
    if (!story) throw new Error('the generated demo tells its story');
    const rate = (source: string) => story.bySource.find((s) => s.source === source)?.rate ?? 0;
    expect(rate('客户推荐')).toBeGreaterThan(rate('官网表单'));
    expect(rate('客户推荐')).toBeGreaterThan(rate('电商平台'));
    const today = story.preview.current;
    expect(today.A.rate).toBeGreaterThan(today.D.rate);
  });

  it('has the calibration point at budget, and the proposal separate the grades better', () => {
    const story = result.story;
    if (!story) throw new Error('the generated demo tells its story');
    expect(story.overweighted).toBe('budgetFit');
    expect(story.underweighted).toBe('authority');
    expect(story.preview.changedGrade).toBeGreaterThan(0);
    expect(story.separation.proposed).toBeGreaterThan(story.separation.today);
    expect(story.preview.proposed.A.rate).toBeGreaterThan(story.preview.current.A.rate);
    expect(story.lines.join('\n')).toMatch(/Calibration points at Budget fit/);
  });

  it('writes the proposal into Settings and previews it beside the analysis', () => {
    const settings = workbook.getWorksheet(TAB_NAMES.settings.zh);
    const values: unknown[] = [];
    settings?.eachRow((row) => values.push(...(row.values as unknown[])));
    expect(values).toContain('拟调整分值');
    expect(values).toContain(35);
    const analysis = workbook.getWorksheet(TAB_NAMES.analysis.zh);
    const text: string[] = [];
    analysis?.eachRow((row) => text.push(...(row.values as unknown[]).map(String)));
    expect(text.join(' ')).toMatch(/预览|拟调整/);
  });
});

describe('npm run demo -- --locale zh_TW', () => {
  let dir: string;
  let result: DemoResult;
  let workbook: ExcelJS.Workbook;
  const lines: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lead-tracker-demo-hant-'));
    const output = join(dir, 'lead-tracker.xlsx');
    result = await runDemo({
      output,
      count: LEAD_COUNT,
      locale: 'zh_TW',
      log: (l) => lines.push(l),
    });
    workbook = await openWorkbook(output);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes all seven tabs in Traditional Chinese, in order, with Traditional headers', () => {
    expect(visibleNames(workbook)).toEqual(TAB_ORDER.map((k) => labelIn('zhHant', TAB_NAMES[k])));
    const leads = workbook.getWorksheet(labelIn('zhHant', TAB_NAMES.leads));
    expect(leads?.getRow(1).values).toEqual([
      undefined,
      ...LEAD_COLUMNS.map((c) => labelIn('zhHant', c.header)),
    ]);
  });

  it('leaves no Simplified-only character in any cell, e-mail, chat message or the analysis page', () => {
    const texts: string[] = [];
    for (const sheet of workbook.worksheets.filter((s) => s.state === 'visible')) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string') texts.push(cell.value);
        }),
      );
    }
    expect(texts.length).toBeGreaterThan(500);
    expect(result.emails.length).toBeGreaterThan(0);
    for (const path of result.emails) {
      const eml = parseEml(readFileSync(path, 'utf8'));
      texts.push(decodeSubject(eml.headers.get('subject') ?? ''), ...eml.parts.map((p) => p.text));
    }
    const chats = lines.filter((line) => line.trim().startsWith('chat:'));
    expect(chats.length).toBeGreaterThan(0);
    texts.push(...chats, readFileSync(result.analysisPage, 'utf8'));
    const simplified = texts.filter((text) => simplifiedOnlyIn(text).length > 0);
    expect(simplified).toEqual([]);
  });

  it('scores and grades every lead, as the Simplified demo does', () => {
    expect(result.leads + result.pool).toBeGreaterThanOrEqual(LEAD_COUNT);
    expect(result.gradeCounts.A).toBeGreaterThan(0);
    expect(Object.values(result.gradeCounts).reduce((a, b) => a + b, 0)).toBe(result.leads);
  });
});
