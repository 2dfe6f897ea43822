// Importing a list from another tab (SPEC §13.2): a preview that writes nothing, one batch append
// numbered and scored like typed leads, duplicates flagged, problems named by row and field, the
// list marked so a second import adds nothing, and a run that dies at any call finishing on rerun.

import type { LocalAppsScript } from '../../gas-local/runtime';
import { trackerWithList } from '../support/importList';
import { rowsOf } from '../support/runtime';

const LEADS = '销售线索信息表';
const LIST = '展会名单';

/** A trade show's list as exported: a title row, its own headers, a blank row, a bad row. */
const LIST_ROWS = [
  ['2024 上海工业展 到访名单', '', '', '', '', ''],
  ['姓名', '手机', '公司', '需求匹配度', '需求', '决策权限'],
  // The list holds text that looks like a formula (the apostrophe is how a person types it).
  ['王强', '139 0000 0001', '华星科技', '完全契合', '\'=HYPERLINK("x")', '直接决策人'],
  ['', '', '', '', '', ''],
  ['', '', '无名公司', '部分契合', '只留了名片', ''],
  ['李经理', '+86 138-0013-8000', '某制造企业', '部分契合', '老客户', '有影响者'],
  ['王强', '13900000001', '华星科技', '完全契合', '第二天又来了', ''],
  ['赵敏', '13900000003', '远景制造', '不契合', '', '无权限'],
];

const workbook = (): LocalAppsScript => trackerWithList(LIST, LIST_ROWS);

const byPhone = (runtime: LocalAppsScript) =>
  rowsOf(runtime, LEADS).map((lead) => String(lead['联系方式']));

describe('previewImport', () => {
  it('tells what importing would do, by row, and writes nothing', () => {
    const runtime = workbook();
    const before = [runtime.values(LEADS), runtime.values(LIST)];
    const preview = runtime.invoke('previewImport', [LIST]) as Record<string, unknown>;
    expect(preview).toMatchObject({ rows: 5, newLeads: 4, alreadyImported: 0 });
    expect(preview.duplicates).toEqual([
      { row: 6, leadId: '202405001-展会' },
      { row: 7, leadId: '202405002' },
    ]);
    expect(preview.problems).toEqual([
      { row: 5, field: 'contact', message: '至少需要联系人或联系方式才能成为线索' },
    ]);
    expect([runtime.values(LEADS), runtime.values(LIST)]).toEqual(before);
  });

  it('names a tab that does not exist, and refuses the tracker’s own tabs', () => {
    const runtime = workbook();
    expect(() => runtime.invoke('previewImport', ['名单'])).toThrow('没有名为「名单」的工作表');
    expect(() => runtime.invoke('previewImport', [LEADS])).toThrow('是线索跟踪自己的工作表');
  });
});

describe('importLeads', () => {
  it('adds the valid rows in one batch, numbered, scored and flagged, and marks the list', () => {
    const runtime = workbook();
    const result = runtime.invoke('importLeads', [LIST]);
    expect(result).toEqual({ added: 4, duplicates: 2, skipped: 1 });
    const leads = rowsOf(runtime, LEADS);
    expect(leads).toHaveLength(5);
    const [first, template, again] = [leads[1], leads[2], leads[3]];
    expect(first['线索编号']).toMatch(/^202405\d{3}$/);
    expect(first['联系人']).toBe('王强');
    expect(first['评分']).toBe(60);
    expect(first['录入时间']).toBeInstanceOf(Date);
    expect(template['疑似重复']).toContain('202405001-展会');
    expect(again['疑似重复']).toContain(String(first['线索编号']));
    // The list's header row gets "导入编号", and each imported row its Lead ID.
    const list = runtime.values(LIST);
    const marked = list[1].indexOf('导入编号');
    expect(marked).toBeGreaterThan(0);
    expect(list[2][marked]).toBe(first['线索编号']);
    expect(list[4][marked]).toBe('');
    expect(list[0][marked]).toBe('');
    expect(runtime.toasts().at(-1)?.message).toBe(
      '已导入 4 条线索（其中 2 条标记为疑似重复）；跳过 1 行有问题的数据。',
    );
    const log = runtime.values('运行日志').map((row) => String(row[2]));
    expect(log).toContain('展会名单 第 5 行「联系人」：至少需要联系人或联系方式才能成为线索');
  });

  it('adds nothing when the same list is imported again', () => {
    const runtime = workbook();
    runtime.invoke('importLeads', [LIST]);
    const leads = runtime.values(LEADS);
    expect(runtime.invoke('importLeads', [LIST])).toEqual({ added: 0, duplicates: 0, skipped: 1 });
    expect(runtime.values(LEADS)).toEqual(leads);
  });

  it('keeps text that looks like a formula as text', () => {
    const runtime = workbook();
    runtime.invoke('importLeads', [LIST]);
    expect(rowsOf(runtime, LEADS)[1]['需求描述']).toBe('=HYPERLINK("x")');
    expect(runtime.sheet(LEADS)._data.formulas.keys().next().done).toBe(true);
  });

  it('imports every row exactly once when a run dies at any service call and is rerun', () => {
    const clean = workbook();
    const { calls } = clean.measure(() => clean.invoke('importLeads', [LIST]));
    const expected = byPhone(clean).sort();
    for (let k = 1; k <= calls.length; k++) {
      const runtime = workbook();
      runtime.kernel.failAtCall = k;
      expect(() => runtime.invoke('importLeads', [LIST])).toThrow();
      runtime.invoke('importLeads', [LIST]);
      const context = `died at call ${k}: ${calls[k - 1].method}`;
      expect({ context, phones: byPhone(runtime).sort() }).toEqual({ context, phones: expected });
      const list = runtime.values(LIST);
      const marked = list[1].indexOf('导入编号');
      const ids = new Set(rowsOf(runtime, LEADS).map((lead) => lead['线索编号']));
      for (const row of [2, 5, 6, 7]) {
        expect({ context, row, marked: ids.has(list[row][marked]) }).toEqual({
          context,
          row,
          marked: true,
        });
      }
    }
  });
});

describe('Import leads…', () => {
  it('opens a dialog offering the tabs that are not the tracker’s own, escaped', () => {
    const runtime = workbook();
    runtime.addSheet('<b>名单</b>', [['姓名', '手机']]);
    runtime.addSheet('_LeadTrackerClaims', [['领取时间', '线索编号', '领取人']]);
    runtime.invoke('showImportDialog');
    const [dialog] = runtime.spreadsheetApp._ui.dialogs;
    expect(dialog.title).toBe('导入线索');
    expect(dialog.html).toContain('<option value="展会名单">展会名单</option>');
    expect(dialog.html).toContain('&lt;b&gt;名单&lt;/b&gt;');
    expect(dialog.html).not.toContain('<option value="销售线索信息表">');
    expect(dialog.html).not.toContain('_LeadTrackerState');
    expect(dialog.html).not.toContain('_LeadTrackerClaims');
    expect(dialog.html).toContain('.previewImport(tab.value)');
    expect(dialog.html).toContain('.importLeads(tab.value)');
  });
});
