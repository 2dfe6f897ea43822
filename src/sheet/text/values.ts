// What the product says about the values people type: cells it could not read, sources it added
// to Settings, statuses it set to match Conversions, and Entered at taken from a lead's history.

import { formatCount } from './count';
import { type Catalogue, template } from './entry';

export const VALUES = {
  /** The Log's action for cells that could not be read. */
  unreadableAction: { en: 'Unreadable cells', zh: '无法识别的单元格' },
  /** `3 cells could not be read: Leads!Z7 Entered at '下周'; …`, then how many more. */
  unreadable: template({
    en: (count: number, examples: string, more: number) =>
      `${formatCount(count)} ${count === 1 ? 'cell' : 'cells'} could not be read: ${examples}${more > 0 ? `; and ${formatCount(more)} more` : ''}`,
    zh: (count, examples, more) =>
      `${formatCount(count)} 个单元格无法识别：${examples}${more > 0 ? `；另有 ${formatCount(more)} 个` : ''}`,
  }),
  sourceAddedAction: { en: 'Sources added to Settings', zh: '来源已加入设置' },
  sourceAdded: template({
    en: (sources: readonly string[]) =>
      `Added to the Settings sources list so the drop-down accepts them: ${sources.join(', ')}`,
    zh: (sources) => `已加入设置中的来源列表，下拉菜单可直接选用：${sources.join('、')}`,
  }),
  statusMatchedAction: { en: 'Status set from Conversions', zh: '按转化记录更新状态' },
  /** One lead whose Status now matches its latest Conversions row. */
  statusMatched: template({
    en: (id: string, was: string, now: string) => `${id}: ${was || '(blank)'} → ${now}`,
    zh: (id, was, now) => `${id}：${was || '（空）'} → ${now}`,
  }),
} satisfies Catalogue;
