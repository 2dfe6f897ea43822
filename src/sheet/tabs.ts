// The tabs and columns of SPEC §1 — the public contract of the workbook — in both languages.

import type { Bilingual } from './language';
import {
  AUTHORITY,
  BUDGET_FIT,
  CONVERSION_RESULT,
  FOLLOW_UP_METHOD,
  LOSS_REASON,
  NEED_FIT,
  type Option,
  STATUS,
  URGENCY,
} from './options';

export type TabKey =
  'leads' | 'followups' | 'conversions' | 'pool' | 'analysis' | 'settings' | 'log';

export const TAB_NAMES: Readonly<Record<TabKey, Bilingual>> = {
  leads: { en: 'Leads', zh: '销售线索信息表' },
  followups: { en: 'Follow-ups', zh: '销售线索跟进记录表' },
  conversions: { en: 'Conversions', zh: '销售线索转化分析表' },
  pool: { en: 'Pool', zh: '公海' },
  analysis: { en: 'Analysis', zh: '转化分析' },
  settings: { en: 'Settings', zh: '设置' },
  log: { en: 'Log', zh: '运行日志' },
};

/** The order setupSheets creates tabs in. */
export const TAB_ORDER: readonly TabKey[] = [
  'leads',
  'followups',
  'conversions',
  'pool',
  'analysis',
  'settings',
  'log',
];

/** How a column's cells are formatted: text stops Sheets from turning `13800138000` into a number. */
export type ColumnFormat = 'text' | 'date' | 'datetime' | 'number' | 'general';

export interface ColumnDef<K extends string = string> {
  readonly key: K;
  readonly header: Bilingual;
  readonly format: ColumnFormat;
  /** A drop-down of these options (labels in the workbook's language). */
  readonly options?: readonly Option[];
  /** Written by the tool, not typed by people: shaded and never taken as user input. */
  readonly computed?: boolean;
  /** The list comes from the Settings sources table rather than a fixed list. */
  readonly sourceList?: boolean;
  /** Other headers teams give this column in their own sheets (SPEC §13.1), in any language. */
  readonly synonyms?: readonly string[];
  /** A date that may also be a month alone, meaning its 1st (Expected close). */
  readonly months?: boolean;
  /** The options are suggestions: the team's own words are kept as they are (loss reasons). */
  readonly ownWords?: boolean;
}

const col = <K extends string>(
  key: K,
  en: string,
  zh: string,
  format: ColumnFormat,
  extra: Partial<Omit<ColumnDef<K>, 'key' | 'header' | 'format'>> = {},
): ColumnDef<K> => ({ key, header: { en, zh }, format, ...extra });

export const LEAD_COLUMNS = [
  col('id', 'Lead ID', '线索编号', 'text', { computed: true }),
  col('source', 'Source', '来源', 'general', {
    sourceList: true,
    synonyms: ['渠道', '线索来源', '来源渠道', 'Channel', 'Lead source'],
  }),
  col('contact', 'Contact', '联系人', 'text', {
    synonyms: ['姓名', '客户姓名', '联系人姓名', 'Name', 'Full name', 'Contact name'],
  }),
  col('phone', 'Phone / WeChat', '联系方式', 'text', {
    synonyms: [
      '电话',
      '手机',
      '手机号',
      '联系电话',
      '微信',
      'Phone',
      'Phone number',
      'Mobile',
      'Tel',
      'Telephone',
      'WeChat',
    ],
  }),
  col('company', 'Company', '公司名称', 'text', {
    synonyms: ['公司', '客户名称', '单位', '单位名称', '企业名称', 'Account', 'Organization'],
  }),
  col('need', 'Need', '需求描述', 'text', {
    synonyms: ['需求', '客户需求', 'Requirement', 'Notes'],
  }),
  col('budget', 'Budget', '预算范围', 'text', { synonyms: ['预算', 'Budget range'] }),
  col('expectedClose', 'Expected close', '预计成交时间', 'general', {
    months: true,
    synonyms: ['预计成交', '预计成交日期', 'Close date'],
  }),
  col('region', 'Region', '地区', 'text', {
    synonyms: ['区域', '城市', '省份', 'City', 'Province', 'Territory'],
  }),
  col('industry', 'Industry', '行业', 'text'),
  col('needFit', 'Need fit', '需求匹配度', 'general', { options: NEED_FIT }),
  col('budgetFit', 'Budget fit', '预算充足度', 'general', { options: BUDGET_FIT }),
  col('authority', 'Authority', '决策权限', 'general', { options: AUTHORITY }),
  col('urgency', 'Urgency', '紧急程度', 'general', { options: URGENCY }),
  col('score', 'Score', '评分', 'number', { computed: true }),
  col('grade', 'Grade', '线索等级', 'general', { computed: true }),
  col('scoreNote', 'Score breakdown', '评分说明', 'text', { computed: true }),
  col('owner', 'Owner', '负责人', 'text'),
  col('assignedAt', 'Assigned at', '分配时间', 'datetime', { computed: true }),
  col('firstContactDue', 'First contact due', '首次触达截止', 'datetime', { computed: true }),
  col('firstContactAt', 'First contact at', '首次触达时间', 'datetime', { computed: true }),
  col('lastFollowUpAt', 'Last follow-up', '最近跟进时间', 'datetime', { computed: true }),
  col('nextFollowUpDue', 'Next follow-up due', '下次跟进时间', 'datetime'),
  col('status', 'Status', '状态', 'general', { options: STATUS }),
  col('duplicateOf', 'Possible duplicate', '疑似重复', 'text', { computed: true }),
  col('enteredBy', 'Entered by', '录入人', 'text', { synonyms: ['录入', '创建人', 'Created by'] }),
  col('enteredAt', 'Entered at', '录入时间', 'datetime', {
    synonyms: ['创建时间', '录入日期', '日期', 'Created', 'Created at', 'Date'],
  }),
] as const;

export type LeadColumnKey = (typeof LEAD_COLUMNS)[number]['key'];

export const FOLLOWUP_COLUMNS = [
  col('leadId', 'Lead ID', '线索编号', 'text'),
  col('time', 'Time', '跟进时间', 'datetime'),
  col('method', 'Method', '跟进方式', 'general', { options: FOLLOW_UP_METHOD }),
  col('content', 'Content', '沟通内容', 'text'),
  col('feedback', 'Feedback', '客户反馈', 'text'),
  col('nextAction', 'Next action', '下一步行动', 'text'),
  col('nextFollowUp', 'Next follow-up', '下次跟进时间', 'datetime'),
  col('by', 'By', '跟进人', 'text'),
] as const;

export const CONVERSION_COLUMNS = [
  col('leadId', 'Lead ID', '线索编号', 'text'),
  col('result', 'Result', '转化结果', 'general', { options: CONVERSION_RESULT }),
  col('amount', 'Amount (万)', '成交金额(万)', 'number'),
  col('reason', 'Reason', '未成交原因', 'general', { options: LOSS_REASON, ownWords: true }),
  col('cycleDays', 'Cycle (days)', '转化周期(天)', 'number'),
  col('owner', 'Owner', '负责人', 'text'),
  col('summary', 'Summary', '分析总结', 'text'),
  col('keyFactors', 'Key factors', '决策关键因素', 'text'),
  col('decidedAt', 'Decided at', '结果日期', 'datetime'),
] as const;

export const POOL_COLUMNS = [
  ...LEAD_COLUMNS,
  col('pooledAt', 'Pooled at', '进入公海时间', 'datetime', { computed: true }),
  col('poolReason', 'Pool reason', '进入公海原因', 'text', { computed: true }),
  col('previousOwner', 'Previous owner', '原负责人', 'text', { computed: true }),
  col('recycleCount', 'Recycle count', '回收次数', 'number', { computed: true }),
] as const;

export const LOG_COLUMNS = [
  col('time', 'Time', '时间', 'datetime'),
  col('action', 'Action', '操作', 'text'),
  col('detail', 'Detail', '详情', 'text'),
  col('by', 'By', '执行人', 'text'),
] as const;

/** The header-row tabs and their columns; Analysis and Settings have their own layouts. */
export const TABLE_TABS = {
  leads: LEAD_COLUMNS,
  followups: FOLLOWUP_COLUMNS,
  conversions: CONVERSION_COLUMNS,
  pool: POOL_COLUMNS,
  log: LOG_COLUMNS,
} as const satisfies Partial<Record<TabKey, readonly ColumnDef[]>>;

export type TableTabKey = keyof typeof TABLE_TABS;
