// The add-on menu of SPEC §8 in both languages; each item names the global function it runs.

import type { Bilingual } from './language';

export const MENU_TITLE: Bilingual = { en: 'Lead Tracker', zh: '线索跟踪' };

export interface MenuEntry {
  readonly caption: Bilingual;
  readonly functionName: string;
}

/** In menu order; `null` draws a separator. */
export const MENU_ENTRIES: readonly (MenuEntry | null)[] = [
  { caption: { en: 'Set up sheets', zh: '设置表格' }, functionName: 'setupSheets' },
  null,
  { caption: { en: 'Score all leads', zh: '为全部线索评分' }, functionName: 'scoreAllLeads' },
  { caption: { en: 'Assign leads', zh: '分配线索' }, functionName: 'assignLeads' },
  { caption: { en: 'Log follow-up…', zh: '记录跟进…' }, functionName: 'showFollowUpSidebar' },
  {
    caption: { en: 'Return assigned pool leads', zh: '领回已分配的公海线索' },
    functionName: 'returnPoolLeads',
  },
  null,
  { caption: { en: 'Run hourly job now', zh: '立即运行每小时任务' }, functionName: 'runHourly' },
  { caption: { en: 'Refresh analysis', zh: '刷新转化分析' }, functionName: 'refreshAnalysis' },
  {
    caption: { en: 'Share with leadership…', zh: '分享给领导…' },
    functionName: 'shareWithLeadership',
  },
  {
    caption: { en: 'Preview rule change', zh: '预览评分规则调整' },
    functionName: 'previewRuleChange',
  },
  { caption: { en: 'Turn automation on', zh: '开启自动化' }, functionName: 'installAutomation' },
  { caption: { en: 'Turn automation off', zh: '关闭自动化' }, functionName: 'removeAutomation' },
];
