// The captions of the add-on menu (SPEC §8), keyed by the global function each item runs, and the
// names the Log gives the operations.

import { type Catalogue } from './entry';

export const MENU = {
  setupSheets: { en: 'Set up sheets', zh: '设置表格' },
  scoreAllLeads: { en: 'Score all leads', zh: '为全部线索评分' },
  assignLeads: { en: 'Assign leads', zh: '分配线索' },
  showFollowUpSidebar: { en: 'Log follow-up…', zh: '记录跟进…' },
  showMapColumnsDialog: { en: 'Map columns…', zh: '列名对照…' },
  showImportDialog: { en: 'Import leads…', zh: '导入线索…' },
  returnPoolLeads: { en: 'Return assigned pool leads', zh: '领回已分配的公海线索' },
  runHourlyNow: { en: 'Run hourly job now', zh: '立即运行每小时任务' },
  refreshAnalysis: { en: 'Refresh analysis', zh: '刷新转化分析' },
  shareWithLeadership: { en: 'Share with leadership…', zh: '分享给领导…' },
  previewRuleChange: { en: 'Preview rule change', zh: '预览评分规则调整' },
  sendPeriodicReport: { en: 'Send leadership report', zh: '发送领导报告' },
  connectFormResponses: { en: 'Connect a form…', zh: '连接表单…' },
  archiveClosedLeads: { en: 'Archive closed leads', zh: '归档已结束线索' },
  installAutomation: { en: 'Turn automation on', zh: '开启自动化' },
  removeAutomation: { en: 'Turn automation off', zh: '关闭自动化' },
} satisfies Catalogue;

/** What the Log calls each operation: its menu caption, or a shorter name where a caption is long. */
export const OPERATIONS = {
  setupSheets: MENU.setupSheets,
  mapColumns: { en: 'Map columns', zh: '列名对照' },
  importLeads: { en: 'Import leads', zh: '导入线索' },
  scoreAllLeads: { en: 'Score all leads', zh: '评分' },
  assignLeads: MENU.assignLeads,
  returnPoolLeads: { en: 'Return assigned pool leads', zh: '领回公海线索' },
  hourlyJob: { en: 'Hourly job', zh: '每小时任务' },
  refreshAnalysis: MENU.refreshAnalysis,
  shareWithLeadership: { en: 'Share with leadership', zh: '分享给领导' },
  previewRuleChange: MENU.previewRuleChange,
  connectFormResponses: { en: 'Connect a form', zh: '连接表单' },
  archiveClosedLeads: MENU.archiveClosedLeads,
} satisfies Catalogue;
