// A tracker holding the template's one lead and a list tab to import, as importing tests start.

import type { LocalAppsScript } from '../../gas-local/runtime';
import { leadRow, TEMPLATE_LEAD } from './leads';
import { loadRuntime } from './runtime';

export const LIST_LEADS_TAB = '销售线索信息表';

/** Set-up done, the template's lead typed into Leads, and `rows` as the tab `list`. */
export function trackerWithList(
  list: string,
  rows: readonly (readonly unknown[])[],
): LocalAppsScript {
  const runtime = loadRuntime();
  runtime.invoke('setupSheets');
  runtime.type(LIST_LEADS_TAB, 2, 1, [
    leadRow({ ...TEMPLATE_LEAD, owner: '张伟', status: '跟进中' }),
  ]);
  runtime.addSheet(
    list,
    rows.map((row) => [...row]),
  );
  return runtime;
}
