// Every word the sidebar shows, in English and Simplified Chinese. Field names, problem messages,
// column headers and option labels come from src/core, so the sidebar and the sheet always agree.

import {
  FIELD_LABELS,
  type FieldProblem,
  PROBLEM_MESSAGES,
} from '../src/method/followUp/followUpContract';
import { type Bilingual, type Language } from '../src/sheet/language';
import { APP, t } from '../src/sheet/text';
import { findOption, type Option, STATUS } from '../src/sheet/options';
import { FOLLOWUP_COLUMNS, LEAD_COLUMNS, type LeadColumnKey } from '../src/sheet/tabs';

/** Words only the sidebar uses; `{name}` marks a value filled in by `say`. */
const SIDEBAR_TEXT = {
  loadFailed: { en: 'The sidebar could not load: {message}', zh: '侧边栏加载失败：{message}' },
  retry: { en: 'Try again', zh: '重试' },
  searchLabel: { en: 'Find a lead', zh: '查找线索' },
  searchPlaceholder: { en: 'ID, company, contact or phone', zh: '编号、公司、联系人或电话' },
  searchHint: {
    en: 'Results appear as you type. ↓ and ↑ move through them, Enter opens one.',
    zh: '输入即搜索。用 ↓ ↑ 选择结果，按回车打开。',
  },
  resultsLabel: { en: 'Matching leads', zh: '匹配的线索' },
  searching: { en: 'Searching…', zh: '正在搜索…' },
  noMatches: { en: 'No lead matches “{query}”.', zh: '没有与“{query}”匹配的线索。' },
  oneMatch: { en: '1 lead found.', zh: '找到 1 条线索。' },
  manyMatches: { en: '{count} leads found.', zh: '找到 {count} 条线索。' },
  searchFailed: { en: 'Search failed: {message}', zh: '搜索失败：{message}' },
  opening: { en: 'Opening {leadId}…', zh: '正在打开 {leadId}…' },
  openFailed: { en: 'Could not open {leadId}: {message}', zh: '无法打开 {leadId}：{message}' },
  back: { en: 'Back to search', zh: '返回搜索' },
  notGraded: { en: 'Not graded', zh: '未评级' },
  gradeBadge: { en: 'Grade {grade}', zh: '{grade} 级' },
  scoreOutOf: { en: '{score} / 100', zh: '{score} / 100 分' },
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
  saved: { en: 'Follow-up saved for {leadId}.', zh: '已保存 {leadId} 的跟进。' },
  notSaved: {
    en: 'Nothing was saved. {message}',
    zh: '未保存。{message}',
  },
} as const satisfies Record<string, Bilingual>;

export type SidebarTextKey = keyof typeof SIDEBAR_TEXT;

/** A sidebar sentence in `language`, with its `{name}` blanks filled from `values`. */
export function say(
  key: SidebarTextKey,
  language: Language,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return SIDEBAR_TEXT[key][language].replace(/\{(\w+)\}/g, (blank, name: string) =>
    name in values ? String(values[name]) : blank,
  );
}

/** A contract field's label (`outcome.amount` → `Amount (万)`), as the server's messages name it. */
export function fieldLabel(field: string, language: Language): string {
  return FIELD_LABELS[field]?.[language] ?? field;
}

/** A problem as one sentence beside its field: `Content is required`, `沟通内容：必填`. */
export function problemText(problem: FieldProblem, language: Language): string {
  const message = (PROBLEM_MESSAGES[problem.code] ?? PROBLEM_MESSAGES.invalid)[language];
  const label = fieldLabel(problem.field, language);
  return language === 'zh' ? `${label}：${message}` : `${label} ${message}`;
}

/** The label of the option with `key`, or undefined when there is none. */
export function optionLabel(
  options: readonly Option[],
  key: string | null,
  language: Language,
): string | undefined {
  return options.find((option) => option.key === key)?.[language];
}

/** A value the sheet holds in either language (or as a key), in `language`; unknown text as it is. */
export function sheetValueIn(options: readonly Option[], text: string, language: Language): string {
  return findOption(options, text)?.[language] ?? text;
}

/** A Leads column header, the words the sheet itself uses. */
export function leadColumnLabel(key: LeadColumnKey, language: Language): string {
  return LEAD_COLUMNS.find((column) => column.key === key)?.header[language] ?? key;
}

/** The Follow-ups tab's "By" header, the one history field the contract does not label. */
export function followUpByLabel(language: Language): string {
  return FOLLOWUP_COLUMNS.find((column) => column.key === 'by')?.header[language] ?? 'By';
}

/** The Key follow-up checkbox: what it means and the status it sets. */
export function keyFollowUpLabel(language: Language): string {
  const status = optionLabel(STATUS, 'keyFollowUp', language);
  return `${fieldLabel('keyFollowUp', language)} → ${status}`;
}

/** `Label: text`, with the colon each language writes. */
export function labelled(label: string, text: string, language: Language): string {
  return language === 'zh' ? `${label}：${text}` : `${label}: ${text}`;
}

/** The page title: the add-on's name. */
export function appTitle(language: Language): string {
  return t(language, APP.name);
}

/** What `lang` the page declares, so screen readers and fonts pick the right language. */
export function htmlLang(language: Language): string {
  return language === 'zh' ? 'zh-CN' : 'en';
}
