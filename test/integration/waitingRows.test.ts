// A row that holds a lead's details but no contact, phone or company is left unnumbered by batch
// runs (they could not find it again after a sort): each full pass says so, by row, in every
// language; the hours between say nothing new.

import type { LocalAppsScript } from '../../gas-local/runtime';
import { addQuietLeads, automationWorkbook, gradeALead, HOUR, LEADS } from '../support/automation';
import { columnOf, loadRuntime } from '../support/runtime';

const LOG = '运行日志';

/** Log lines (action, detail) an action added. */
function logged(runtime: LocalAppsScript, tab: string, action: () => void): string[][] {
  const before = runtime.values(tab).length;
  action();
  return runtime
    .values(tab)
    .slice(before)
    .map((row) => [String(row[1]), String(row[2])]);
}

describe('rows a batch run leaves without a Lead ID', () => {
  it('are named by the hourly job on its full pass, not again in the hours between', () => {
    const runtime = automationWorkbook([gradeALead(1), gradeALead(2)]);
    // Enough leads that an hour reads the few it acts on, not the whole tab.
    addQuietLeads(
      runtime,
      Array.from({ length: 18 }, (_, i) => i + 3),
    );
    const needFit = columnOf(runtime, LEADS, '需求匹配度') + 1;
    runtime.type(LEADS, 22, needFit, [['完全契合'], [''], ['部分契合']]);
    runtime.invoke('installAutomation');
    const [trigger] = runtime.allTriggers();
    const first = logged(runtime, LOG, () => runtime.fireTimeTrigger(trigger.id));
    expect(first).toContainEqual([
      '尚未编号的行',
      '销售线索信息表 有 2 行（第 22、24 行）填了线索内容，但没有联系人、联系方式或公司名称，因此未编号、未评分：在该行填写其中任一项，即会立即编号。',
    ]);
    runtime.kernel.advance(HOUR);
    const next = logged(runtime, LOG, () => runtime.fireTimeTrigger(trigger.id));
    expect(next.map(([action]) => action)).not.toContain('尚未编号的行');
  });

  it('are named in English and in Traditional Chinese by Score all leads', () => {
    const toastOf = (locale: string, tab: string, header: string) => {
      const runtime = loadRuntime({ locale });
      runtime.invoke('setupSheets');
      runtime.type(tab, 2, columnOf(runtime, tab, header) + 1, [['x'], ['y'], ['z'], ['w']]);
      runtime.invoke('scoreAllLeads');
      return runtime.toasts().at(-1)?.message.split('\n')[1];
    };
    expect(toastOf('en', 'Leads', 'Need')).toBe(
      "4 rows of Leads (2, 3, 4, and 1 more) hold a lead's details but no contact, phone or company, so they were not numbered or scored: type one of those in the row and it is numbered at once.",
    );
    expect(toastOf('zh_TW', '銷售線索資訊表', '需求描述')).toMatch(
      /^銷售線索資訊表 有 4 行（第 2、3、4 行，另有 1 行）/,
    );
  });
});
