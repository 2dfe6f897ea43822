// The fixed option lists of SPEC §1 (status, scoring inputs, follow-up methods…) in both languages.

import { type Bilingual, foldText, labelsOf } from './language';

export interface Option<K extends string = string> extends Bilingual {
  readonly key: K;
}

export const NEED_FIT = [
  { key: 'full', zh: '完全契合', en: 'Full' },
  { key: 'partial', zh: '部分契合', en: 'Partial' },
  { key: 'none', zh: '不契合', en: 'None' },
] as const satisfies readonly Option[];

export const BUDGET_FIT = [
  { key: 'above', zh: '高于定价', en: 'Above price' },
  { key: 'matches', zh: '匹配', en: 'Matches' },
  { key: 'below', zh: '不足', en: 'Below' },
] as const satisfies readonly Option[];

export const AUTHORITY = [
  { key: 'decisionMaker', zh: '直接决策人', en: 'Decision maker' },
  { key: 'influencer', zh: '有影响者', en: 'Influencer' },
  { key: 'none', zh: '无权限', en: 'None' },
] as const satisfies readonly Option[];

export const URGENCY = [
  { key: 'within1Month', zh: '1个月内', en: 'Within 1 month' },
  { key: 'oneToThreeMonths', zh: '1-3个月', en: '1-3 months' },
  { key: 'over3Months', zh: '3个月以上', en: 'Over 3 months' },
] as const satisfies readonly Option[];

export const STATUS = [
  { key: 'new', zh: '新线索', en: 'New' },
  { key: 'followingUp', zh: '跟进中', en: 'Following up' },
  { key: 'keyFollowUp', zh: '重点跟进', en: 'Key follow-up' },
  { key: 'nurturing', zh: '培育中', en: 'Nurturing' },
  { key: 'won', zh: '成交', en: 'Won' },
  { key: 'notWon', zh: '未成交', en: 'Not won' },
  { key: 'lost', zh: '流失', en: 'Lost' },
] as const satisfies readonly Option[];

export const CLOSED_STATUSES: readonly StatusKey[] = ['won', 'notWon', 'lost'];

export const DEFAULT_SOURCES = [
  { key: 'website', zh: '官网表单', en: 'Website form' },
  { key: 'tradeShow', zh: '展会', en: 'Trade show' },
  { key: 'phone', zh: '电话咨询', en: 'Phone inquiry' },
  { key: 'referral', zh: '客户推荐', en: 'Referral' },
  { key: 'ecommerce', zh: '电商平台', en: 'E-commerce' },
  { key: 'other', zh: '其他', en: 'Other' },
] as const satisfies readonly Option[];

export const FOLLOW_UP_METHOD = [
  { key: 'phone', zh: '电话', en: 'Phone' },
  { key: 'wechat', zh: '微信', en: 'WeChat' },
  { key: 'email', zh: '邮件', en: 'Email' },
  { key: 'visit', zh: '拜访', en: 'Visit' },
  { key: 'other', zh: '其他', en: 'Other' },
] as const satisfies readonly Option[];

export const CONVERSION_RESULT = [
  { key: 'won', zh: '成交', en: 'Won' },
  { key: 'notWon', zh: '未成交', en: 'Not won' },
  { key: 'lost', zh: '流失', en: 'Lost' },
  { key: 'nurturing', zh: '培育中', en: 'Nurturing' },
] as const satisfies readonly Option[];

export const LOSS_REASON = [
  { key: 'budget', zh: '预算不足', en: 'Budget too low' },
  { key: 'competitor', zh: '选择竞品', en: 'Chose a competitor' },
  { key: 'needChanged', zh: '需求变更', en: 'Need changed' },
  { key: 'unreachable', zh: '客户失联', en: 'Unreachable' },
  { key: 'refused', zh: '明确拒绝', en: 'Refused' },
  { key: 'other', zh: '其他', en: 'Other' },
] as const satisfies readonly Option[];

export const TEAM_ROLE = [
  { key: 'sales', zh: '销售', en: 'Sales' },
  { key: 'manager', zh: '经理', en: 'Manager' },
] as const satisfies readonly Option[];

export const SLA_CLOCK = [
  { key: 'calendar', zh: '自然日', en: 'calendar' },
  { key: 'workingDays', zh: '工作日', en: 'working days' },
] as const satisfies readonly Option[];

/** How often the leadership report goes out (SPEC §14). */
export const REPORT_CADENCE = [
  { key: 'weekly', zh: '每周', en: 'weekly' },
  { key: 'monthly', zh: '每月', en: 'monthly' },
  { key: 'off', zh: '关闭', en: 'off' },
] as const satisfies readonly Option[];

export type ReportCadence = (typeof REPORT_CADENCE)[number]['key'];

export type NeedFitKey = (typeof NEED_FIT)[number]['key'];
export type BudgetFitKey = (typeof BUDGET_FIT)[number]['key'];
export type AuthorityKey = (typeof AUTHORITY)[number]['key'];
export type UrgencyKey = (typeof URGENCY)[number]['key'];
export type StatusKey = (typeof STATUS)[number]['key'];

/** Finds the option whose key or label (any language, folded) is `text`; undefined if none. */
export function findOption<O extends Option>(options: readonly O[], text: unknown): O | undefined {
  if (typeof text !== 'string') return lookUp(options, text);
  // A column holds a few distinct texts over thousands of rows: each is folded once.
  let seen = textsSeen.get(options);
  if (!seen) textsSeen.set(options, (seen = new Map()));
  const known = seen.get(text);
  if (known !== undefined) return (known ?? undefined) as O | undefined;
  const found = lookUp(options, text);
  if (seen.size < TEXTS_REMEMBERED) seen.set(text, found ?? null);
  return found;
}

function lookUp<O extends Option>(options: readonly O[], text: unknown): O | undefined {
  const folded = foldText(text);
  if (folded === '') return undefined;
  return (optionIndex(options) as Map<string, O>).get(folded);
}

/** Texts remembered per option list: enough for any real column, bounded for free text. */
const TEXTS_REMEMBERED = 10_000;
const textsSeen = new WeakMap<readonly Option[], Map<string, Option | null>>();

/** Each option list's labels, folded once: a lookup then folds only the cell's text. */
const optionIndexes = new WeakMap<readonly Option[], Map<string, Option>>();

function optionIndex(options: readonly Option[]): Map<string, Option> {
  let index = optionIndexes.get(options);
  if (!index) {
    index = new Map();
    // The first option to claim a folded label keeps it, as a search in list order would.
    for (const option of options) {
      for (const label of [option.key, ...labelsOf(option)]) {
        const folded = foldText(label);
        if (folded !== '' && !index.has(folded)) index.set(folded, option);
      }
    }
    optionIndexes.set(options, index);
  }
  return index;
}
