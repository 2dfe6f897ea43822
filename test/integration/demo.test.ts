// The offline demo builds a scored Chinese workbook from the built bundle, and reads its own export back.

import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LEAD_COLUMNS, TAB_NAMES, TAB_ORDER } from '../../src/core/tabs';
import { DEMO_NOW, runDemo } from '../../tools/demo';

/** exceljs reads these but leaves them out of its typings. */
interface WorksheetInternals {
  dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
}

const LEAD_COUNT = 40;
const headerAt = (key: string) => LEAD_COLUMNS.findIndex((c) => c.key === key) + 1;

async function openWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

function leadsSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(TAB_NAMES.leads.zh);
  if (!sheet) throw new Error('no Leads tab');
  return sheet;
}

function dataRows(sheet: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row, number) => {
    if (number > 1) rows.push(row);
  });
  return rows;
}

describe('npm run demo', () => {
  let dir: string;
  let output: string;
  let gradeCounts: Record<string, number>;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lead-tracker-demo-'));
    output = join(dir, 'lead-tracker.xlsx');
    ({ gradeCounts } = await runDemo({ output, count: LEAD_COUNT }));
    workbook = await openWorkbook(output);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes all seven tabs in Chinese, in order', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(TAB_ORDER.map((k) => TAB_NAMES[k].zh));
  });

  it('heads Leads with the Chinese headers of every lead column', () => {
    const header = leadsSheet(workbook).getRow(1).values as unknown[];
    expect(header.slice(1)).toEqual(LEAD_COLUMNS.map((c) => c.header.zh));
  });

  it('keeps the template’s first lead, graded A', () => {
    const first = leadsSheet(workbook).getRow(2);
    expect(first.getCell(headerAt('id')).value).toBe('202405001-展会');
    expect(first.getCell(headerAt('grade')).value).toBe('A');
  });

  it('scores every lead from 0 to 100 and grades it A to D', () => {
    const rows = dataRows(leadsSheet(workbook));
    expect(rows).toHaveLength(LEAD_COUNT);
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

  it('reads its own export back and grades it the same', async () => {
    const again = join(dir, 'again.xlsx');
    const result = await runDemo({ input: output, output: again, now: DEMO_NOW });
    expect(result).toEqual({ gradeCounts, leads: LEAD_COUNT });
    const reopened = await openWorkbook(again);
    expect(reopened.worksheets.map((s) => s.name)).toEqual(TAB_ORDER.map((k) => TAB_NAMES[k].zh));
  });

  it('names a missing input file', async () => {
    await expect(
      runDemo({ input: join(dir, 'missing.xlsx'), output: join(dir, 'x.xlsx') }),
    ).rejects.toThrow(/missing\.xlsx/);
  });
});
