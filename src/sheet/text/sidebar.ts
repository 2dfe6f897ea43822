// Words only the follow-up sidebar shows (SPEC §8).

import { type Catalogue, template } from './entry';

export const SIDEBAR = {
  windowTitle: { en: 'Log follow-up', zh: '记录跟进' },
  loadFailed: template({
    en: (message: string) => `The sidebar could not load: ${message}`,
    zh: (message) => `侧边栏加载失败：${message}`,
  }),
  retry: { en: 'Try again', zh: '重试' },
  searchLabel: { en: 'Find a lead', zh: '查找线索' },
  searchPlaceholder: { en: 'ID, company, contact or phone', zh: '编号、公司、联系人或电话' },
  searchHint: {
    en: 'Results appear as you type. ↓ and ↑ move through them, Enter opens one.',
    zh: '输入即搜索。用 ↓ ↑ 选择结果，按回车打开。',
  },
  resultsLabel: { en: 'Matching leads', zh: '匹配的线索' },
  searching: { en: 'Searching…', zh: '正在搜索…' },
  noMatches: template({
    en: (query: string) => `No lead matches “${query}”.`,
    zh: (query) => `没有与“${query}”匹配的线索。`,
  }),
  oneMatch: { en: '1 lead found.', zh: '找到 1 条线索。' },
  manyMatches: template({
    en: (count: number) => `${count} leads found.`,
    zh: (count) => `找到 ${count} 条线索。`,
  }),
  searchFailed: template({
    en: (message: string) => `Search failed: ${message}`,
    zh: (message) => `搜索失败：${message}`,
  }),
  opening: template({
    en: (leadId: string) => `Opening ${leadId}…`,
    zh: (leadId) => `正在打开 ${leadId}…`,
  }),
  openFailed: template({
    en: (leadId: string, message: string) => `Could not open ${leadId}: ${message}`,
    zh: (leadId, message) => `无法打开 ${leadId}：${message}`,
  }),
  back: { en: 'Back to search', zh: '返回搜索' },
  notGraded: { en: 'Not graded', zh: '未评级' },
  gradeBadge: template({
    en: (grade: string) => `Grade ${grade}`,
    zh: (grade) => `${grade} 级`,
  }),
  scoreOutOf: template({
    en: (score: number) => `${score} / 100`,
    zh: (score) => `${score} / 100 分`,
  }),
  notScored: { en: 'Not scored yet', zh: '尚未评分' },
  nobody: { en: 'Nobody yet', zh: '暂无' },
  notSet: { en: 'Not set', zh: '未设置' },
  firstContactMet: { en: 'met', zh: '已按时触达' },
  firstContactMissed: { en: 'missed', zh: '已超时' },
  firstContactWaiting: { en: 'not contacted yet', zh: '尚未触达' },
  noDeadline: { en: 'No deadline', zh: '无时限' },
  historyTitle: { en: 'Follow-up history', zh: '跟进记录' },
  noHistory: { en: 'No follow-ups yet.', zh: '暂无跟进记录。' },
  formTitle: { en: 'Log a follow-up', zh: '记录跟进' },
  required: { en: '(required)', zh: '（必填）' },
  contentPlaceholder: { en: 'What you talked about', zh: '沟通了哪些内容' },
  feedbackPlaceholder: { en: 'What the customer said', zh: '客户的反馈' },
  nextActionPlaceholder: { en: 'What happens next', zh: '下一步做什么' },
  noResult: { en: 'Still open (no result)', zh: '尚无结果' },
  chooseReason: { en: 'Choose a reason…', zh: '请选择原因…' },
  reasonOther: { en: 'Other reason (optional)', zh: '其他原因（选填）' },
  reasonOtherPlaceholder: { en: 'In your own words', zh: '具体原因' },
  save: { en: 'Save follow-up', zh: '保存跟进' },
  saving: { en: 'Saving…', zh: '正在保存…' },
  saved: template({
    en: (leadId: string) => `Follow-up saved for ${leadId}.`,
    zh: (leadId) => `已保存 ${leadId} 的跟进。`,
  }),
  notSaved: template({
    en: (message: string) => `Nothing was saved. ${message}`,
    zh: (message) => `未保存。${message}`,
  }),
} satisfies Catalogue;
