// Data completeness through the built bundle (template step 1, reminder 3): Leads marks the blank
// required cells of real leads by conditional formatting, and the Analysis counts incomplete leads.

import type { LocalConditionalFormatRule } from '../../gas-local/builders';
import type { LocalAppsScript } from '../../gas-local/runtime';
import { loadRuntime } from '../support/runtime';

const LEADS = '销售线索信息表';
const ANALYSIS = '转化分析';
const SETTINGS = '设置';

/*
 * Two title rows, the header on row 3, the team's own synonyms and one column of their own:
 * row  company   contact  phone        source    need      entered by   missing
 * 4    华星科技   王强      13900000001  展会       智能仓储   张三          —
 * 5    (blank row)
 * 6    蓝海贸易   李娜      —            官网表单    —         李四          phone, need
 * 7    —         赵敏      13900000003  展会       仓储升级   李四          company
 * 8    远景制造   —         —            电话咨询    CRM       张三          contact, phone
 */
function teamSheet(): LocalAppsScript {
  const runtime = loadRuntime();
  runtime.addSheet(LEADS, [
    ['华东区 2024 年销售线索', '', '', '', '', '', ''],
    ['（由市场部每周更新）', '', '', '', '', '', ''],
    ['客户名称', '姓名', '手机', '渠道', '需求', '录入人', '跟进备注'],
    ['华星科技', '王强', '13900000001', '展会', '智能仓储', '张三', ''],
    ['', '', '', '', '', '', ''],
    ['蓝海贸易', '李娜', '', '官网表单', '', '李四', '老客户'],
    ['', '赵敏', '13900000003', '展会', '仓储升级', '李四', ''],
    ['远景制造', '', '', '电话咨询', 'CRM', '张三', ''],
  ]);
  return runtime;
}

type Rule = LocalConditionalFormatRule;
const rulesOf = (runtime: LocalAppsScript) => runtime.sheet(LEADS)._data.conditionalRules as Rule[];
const formulaOf = (rule: Rule) => rule._spec.condition.value;
const missingFieldRules = (runtime: LocalAppsScript) =>
  rulesOf(runtime).filter((rule) => /^=AND\(LEN\(TRIM/.test(formulaOf(rule)));
/** Each missing-field rule as `A4: formula`, by the top-left cell of its range. */
const placed = (runtime: LocalAppsScript) =>
  missingFieldRules(runtime).map((rule) => {
    const { row, column } = rule._spec.ranges[0]._bounds();
    return `${String.fromCharCode(64 + column)}${row}: ${formulaOf(rule)}`;
  });

/** The rows of the Analysis table under `title`, up to the blank row after it. */
function analysisTable(runtime: LocalAppsScript, title: string): unknown[][] {
  const rows = runtime.values(ANALYSIS);
  const at = rows.findIndex((row) => row[0] === title);
  if (at < 0) throw new Error(`no table ${title}`);
  const end = rows.findIndex((row, i) => i > at && row.every((cell) => cell === ''));
  return rows.slice(at + 1, end < 0 ? undefined : end).map((row) => row.slice(0, 6));
}

describe('marking incomplete leads in Leads', () => {
  it('marks each blank required cell of a row with content, below a header on row 3', () => {
    const runtime = teamSheet();
    runtime.invoke('setupSheets');
    expect(placed(runtime)).toEqual([
      'B4: =AND(LEN(TRIM($B4))=0,COUNTA(4:4)>0)',
      'C4: =AND(LEN(TRIM($C4))=0,COUNTA(4:4)>0)',
      'A4: =AND(LEN(TRIM($A4))=0,COUNTA(4:4)>0)',
      'D4: =AND(LEN(TRIM($D4))=0,COUNTA(4:4)>0)',
      'E4: =AND(LEN(TRIM($E4))=0,COUNTA(4:4)>0)',
    ]);
    // Each rule covers the tab's body, so rows typed later are marked as they are typed.
    const { numRows } = missingFieldRules(runtime)[0]._spec.ranges[0]._bounds();
    expect(numRows).toBe(runtime.sheet(LEADS).getMaxRows() - 3);
    // Marking is formatting only: no cell of the leads was written for it.
    expect(runtime.values(LEADS)[5].slice(0, 7)).toEqual([
      '蓝海贸易',
      '李娜',
      '',
      '官网表单',
      '',
      '李四',
      '老客户',
    ]);
  });

  it('keeps the team’s own rules, even on a required column, and never doubles its own', () => {
    const runtime = teamSheet();
    const sheet = runtime.sheet(LEADS);
    const theirs = runtime.spreadsheetApp
      .newConditionalFormatRule()
      .whenTextEqualTo('13900000001')
      .setBackground('#ff0000')
      .setRanges([sheet.getRange(4, 3, 50, 1)])
      .build();
    sheet.setConditionalFormatRules([theirs]);
    runtime.invoke('setupSheets');
    runtime.invoke('setupSheets');
    expect(rulesOf(runtime)[0]).toBe(theirs);
    expect(missingFieldRules(runtime)).toHaveLength(5);
  });

  it('stops marking the company once Settings says the team does not sell B2B', () => {
    const runtime = teamSheet();
    runtime.invoke('setupSheets');
    const row = runtime.values(SETTINGS).findIndex((cells) => cells[0] === '公司名称必填(B2B)');
    expect(runtime.values(SETTINGS)[row][1]).toBe(true);
    runtime.type(SETTINGS, row + 1, 2, [[false]]);
    // The next scoring pass follows the setting; no second set-up is needed.
    runtime.invoke('scoreAllLeads');
    expect(placed(runtime).map((rule) => rule.slice(0, 2))).toEqual(['B4', 'C4', 'D4', 'E4']);
    runtime.type(SETTINGS, row + 1, 2, [[true]]);
    runtime.invoke('setupSheets');
    expect(placed(runtime).map((rule) => rule.slice(0, 2))).toEqual(['B4', 'C4', 'A4', 'D4', 'E4']);
  });

  it('formats nothing again in a scoring pass when the setting has not changed', () => {
    const runtime = teamSheet();
    runtime.invoke('setupSheets');
    const { calls } = runtime.measure(() => runtime.invoke('scoreAllLeads'));
    expect(calls.filter((c) => c.method === 'setConditionalFormatRules')).toEqual([]);
  });

  it('appends the company switch to a Settings tab made before it existed', () => {
    const runtime = teamSheet();
    runtime.invoke('setupSheets');
    const row = runtime.values(SETTINGS).findIndex((cells) => cells[0] === '公司名称必填(B2B)');
    runtime.sheet(SETTINGS).deleteRow(row + 1);
    runtime.invoke('setupSheets');
    const rows = runtime.values(SETTINGS).filter((cells) => cells[0] === '公司名称必填(B2B)');
    expect(rows.map((cells) => cells[1])).toEqual([true]);
  });
});

describe('incomplete leads in the Analysis', () => {
  let runtime: LocalAppsScript;

  beforeAll(() => {
    runtime = teamSheet();
    runtime.invoke('setupSheets');
    runtime.invoke('scoreAllLeads');
    runtime.invoke('refreshAnalysis');
  });

  it('counts incomplete leads by source, with the field missing most often', () => {
    expect(analysisTable(runtime, '信息不完整的未结束线索（按来源，必填项为空）')).toEqual([
      ['来源', '线索数', '不完整', '不完整占比', '最常缺少', '缺少该项的线索'],
      ['展会', 2, 1, 0.5, '公司名称', 1],
      ['官网表单', 1, 1, 1, '联系方式', 1],
      ['电话咨询', 1, 1, 1, '联系人', 1],
      // Rows 6 and 8 both lack a phone; the blank row 5 is no lead.
      ['全部线索', 4, 3, 0.75, '联系方式', 2],
    ]);
  });

  it('counts incomplete leads by who entered them', () => {
    expect(analysisTable(runtime, '信息不完整的未结束线索（按录入人）')).toEqual([
      ['录入人', '线索数', '不完整', '不完整占比', '最常缺少', '缺少该项的线索'],
      ['李四', 2, 2, 1, '联系方式', 1],
      ['张三', 2, 1, 0.5, '联系人', 1],
    ]);
  });

  it('shows shares as percentages and names no customer', () => {
    const rows = runtime.values(ANALYSIS);
    const at = rows.findIndex((row) => row[0] === '全部线索');
    expect(runtime.sheet(ANALYSIS)._data.style('numberFormat', at, 3)).toBe('0.0%');
    const text = JSON.stringify(rows);
    for (const customer of ['华星科技', '王强', '13900000001', '蓝海贸易', '赵敏', '远景制造'])
      expect(text).not.toContain(customer);
  });
});
