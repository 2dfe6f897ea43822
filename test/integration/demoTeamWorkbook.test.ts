// npm run demo -- --input on a team's own messy workbook: it says what set-up recognised and which
// rows are no lead, then scores and refreshes the analysis, so the written Analysis has real figures.

import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemo } from '../../dev/apps/demo';

const NOW = new Date('2024-05-10T10:00:00+08:00');

/*
 * As a team keeps it: two title rows, headers of their own (客户名称, 姓名, 手机, 渠道), a column
 * nothing knows (跟进备注), a blank row between leads, and a row with neither contact nor phone.
 * sheet row  company   contact  phone        source
 * 4          华星科技   王强      13900000001  展会
 * 5          (blank)
 * 6          蓝海贸易   李娜      13900000002  官网表单
 * 7          远景制造   赵敏      —            电话咨询
 * 8          天启物流   —         —            展会
 */
async function writeTeamWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('销售线索信息表');
  sheet.addRows([
    ['华东区 2024 年销售线索'],
    ['（由市场部每周更新）'],
    ['客户名称', '姓名', '手机', '渠道', '需求', '预算', '录入人', '跟进备注'],
    ['华星科技', '王强', '13900000001', '展会', '智能仓储', '80万', '张三', '老客户介绍'],
    [],
    ['蓝海贸易', '李娜', '13900000002', '官网表单', 'CRM 升级', '20万', '李四', ''],
    ['远景制造', '赵敏', '', '电话咨询', '', '', '张三', '只留了微信'],
    ['天启物流', '', '', '展会', '仓储', '50万', '李四', ''],
  ]);
  await workbook.xlsx.writeFile(path);
}

/** A table of the Analysis tab: the rows under its title, to the blank row after it. */
function analysisTable(sheet: ExcelJS.Worksheet, title: string): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  const at = rows.findIndex((row) => row[0] === title);
  if (at < 0) throw new Error(`no table ${title}`);
  const end = rows.findIndex(
    (row, i) => i > at && row.every((cell) => cell == null || cell === ''),
  );
  return rows.slice(at + 2, end < 0 ? undefined : end);
}

jest.setTimeout(30_000);

describe('npm run demo -- --input a team’s own workbook', () => {
  let dir: string;
  let output: string;
  let printed: string[];
  let analysis: ExcelJS.Worksheet;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lead-tracker-team-'));
    const input = join(dir, 'team.xlsx');
    output = join(dir, 'out', 'lead-tracker.xlsx');
    await writeTeamWorkbook(input);
    printed = [];
    await runDemo({ input, output, now: NOW, log: (line) => printed.push(line) });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    const sheet = workbook.getWorksheet('转化分析');
    if (!sheet) throw new Error('no Analysis tab');
    analysis = sheet;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the header row it took and how each column was matched, before scoring', () => {
    const text = printed.join('\n');
    expect(text).toContain(
      '销售线索信息表: header row 3 (2 title row(s) above it kept as they are)',
    );
    expect(text).toMatch(/matched by synonym: .*客户名称 → 公司名称/);
    expect(text).toMatch(/matched by synonym: .*手机 → 联系方式/);
    expect(text).toMatch(/matched by synonym: .*渠道 → 来源/);
    expect(text).toMatch(/matched by synonym: .*姓名 → 联系人/);
    expect(text).toMatch(/added at the end: 线索编号, .*评分/);
    expect(text).toContain('ignored (kept as your own columns): 跟进备注');
    const recognised = printed.findIndex((line) => line.startsWith('What set-up recognised'));
    const scored = printed.findIndex((line) => line.includes('scoreAllLeads'));
    expect(recognised).toBeGreaterThan(-1);
    expect(recognised).toBeLessThan(scored);
  });

  it('names the blank row it skipped and the row with no contact and no phone', () => {
    expect(printed).toContain('  销售线索信息表: 4 lead row(s)');
    expect(printed).toContain('    skipped, blank (no lead anywhere): row 5');
    expect(printed.join('\n')).toContain('no contact and no phone: row 8');
  });

  it('refreshes the analysis, so the written workbook has real figures over the real leads', () => {
    expect(printed.some((line) => line.startsWith('✓ refreshAnalysis'))).toBe(true);
    const bySource = analysisTable(analysis, '各渠道转化率');
    expect(bySource.map((row) => [row[0], row[1]])).toEqual([
      ['展会', 2],
      ['官网表单', 1],
      ['电话咨询', 1],
    ]);
    const funnel = analysisTable(analysis, '转化漏斗');
    expect(funnel[0].slice(0, 2)).toEqual(['录入', 4]);
  });

  it('counts the incomplete leads among them', () => {
    const rows = analysisTable(analysis, '信息不完整的未结束线索（按来源，必填项为空）');
    // 远景制造 lacks a phone and a need; 天启物流 a contact and a phone.
    expect(rows.find((row) => row[0] === '全部线索')?.slice(1, 3)).toEqual([4, 2]);
  });

  it('writes the analysis page beside the workbook', () => {
    const page = join(dir, 'out', 'analysis.html');
    expect(existsSync(page)).toBe(true);
    expect(readFileSync(page, 'utf8')).toContain(
      '<h2>信息不完整的未结束线索（按来源，必填项为空）</h2>',
    );
  });

  it('plays out the days after set-up on the same workbook when asked', async () => {
    const simulated = await runDemo({
      input: join(dir, 'team.xlsx'),
      output: join(dir, 'simulated', 'lead-tracker.xlsx'),
      now: NOW,
      simulate: true,
    });
    expect(simulated.leads + simulated.pool).toBe(4);
  });
});
