// What the Settings tab's checks say about a bad cell (SPEC §7).

import { type Catalogue, template } from './entry';

export const SETTINGS = {
  /** A problem with a labelled setting: `pool days must be …`. */
  problemAt: template({
    en: (label: string, problem: string) => `${label.toLowerCase()} ${problem}`,
    zh: (label, problem) => `${label}${problem}`,
  }),
  wholeRange: template({
    en: (min: number, max: number) => `must be a whole number from ${min} to ${max}`,
    zh: (min, max) => `必须是 ${min} 到 ${max} 之间的整数`,
  }),
  numberRange: template({
    en: (min: number, max: number) => `must be a number from ${min} to ${max}`,
    zh: (min, max) => `必须是 ${min} 到 ${max} 之间的数字`,
  }),
  invalidEmails: template({
    en: (bad: readonly string[]) => `has an invalid e-mail address: ${bad.join(', ')}`,
    zh: (bad) => `包含无效的邮箱地址：${bad.join('、')}`,
  }),
  unknownDimension: template({
    en: (text: string) => `unknown scoring dimension "${text}"`,
    zh: (text) => `未知的评分维度「${text}」`,
  }),
  notAnOptionOf: template({
    en: (text: string, dimension: string) => `"${text}" is not an option of ${dimension}`,
    zh: (text, dimension) => `「${text}」不是${dimension}的选项`,
  }),
  pointsLabel: { en: 'Points', zh: '分值' },
  proposedPointsLabel: { en: 'Proposed points', zh: '拟调整分值' },
  minBudgetLabel: { en: 'Min budget', zh: '最低预算' },
  missingPointsRow: template({
    en: (dimension: string, option: string) =>
      `scoring points lack a row for ${dimension} / ${option}`,
    zh: (dimension, option) => `评分规则缺少「${dimension} / ${option}」一行`,
  }),
  memberNeedsName: { en: 'a team member needs a name', zh: '团队成员必须填写姓名' },
  listedTwice: template({
    en: (name: string) => `"${name}" is listed twice in the team`,
    zh: (name) => `「${name}」在团队中重复出现`,
  }),
  invalidEmail: template({
    en: (email: string) => `"${email}" is not a valid e-mail address`,
    zh: (email) => `「${email}」不是有效的邮箱地址`,
  }),
  roleMustBe: template({
    en: (roles: readonly string[]) => `role must be ${roles.join(' or ')}`,
    zh: (roles) => `角色必须是${roles.join('或')}`,
  }),
  activeMustBe: { en: 'active must be TRUE or FALSE', zh: '在岗必须是 TRUE 或 FALSE' },
  ruleNeedsAssignee: { en: 'a rule must name who to assign to', zh: '分配规则必须填写分配给谁' },
  notInTeam: template({
    en: (names: readonly string[]) =>
      `${names.map((name) => `"${name}"`).join(', ')} ${names.length > 1 ? 'are' : 'is'} not in the team table`,
    zh: (names) => `${names.map((name) => `「${name}」`).join('、')}不在销售团队表中`,
  }),
  needsSource: { en: 'list at least one lead source', zh: '至少需要一个线索来源' },
  notAField: template({
    en: (text: string) => `"${text}" is not a column of Leads`,
    zh: (text) => `「${text}」不是销售线索信息表的列`,
  }),
  mappingNeedsHeader: {
    en: 'name the header of your sheet that holds this field',
    zh: '请填写本表中存放该字段的列名',
  },
  fieldMappedTwice: template({
    en: (text: string) => `"${text}" is mapped twice`,
    zh: (text) => `「${text}」重复对照`,
  }),
  notAStatus: template({
    en: (text: string) => `"${text}" is not a status`,
    zh: (text) => `「${text}」不是有效的状态`,
  }),
  spendNeedsChannel: { en: 'a spend row needs its channel', zh: '渠道投入必须填写渠道' },
  spendMonthMustBe: template({
    en: (text: string) => `month "${text}" must be written YYYY-MM, e.g. 2024-08`,
    zh: (text) => `月份「${text}」必须写成 YYYY-MM，例如 2024-08`,
  }),
  spendAmountMustBe: template({
    en: (max: number) => `amount (万) must be a number from 0 to ${max}`,
    zh: (max) => `金额(万)必须是 0 到 ${max} 之间的数字`,
  }),
  spendListedTwice: template({
    en: (channel: string, month: string) => `${channel} ${month} is listed twice in channel spend`,
    zh: (channel, month) => `渠道投入中「${channel} ${month}」重复出现`,
  }),
  languageMustBe: {
    en: 'must be English, Chinese (中文) or Traditional Chinese (繁體中文)',
    zh: '必须是中文、英文或繁体中文',
  },
  gradesMustFall: template({
    en: (a: number, b: number, c: number) =>
      `grade thresholds must fall from A to C (now A ${a}, B ${b}, C ${c})`,
    zh: (a, b, c) => `等级分数线必须从 A 到 C 依次降低（现在 A ${a}、B ${b}、C ${c}）`,
  }),
  clockMustBe: { en: 'must be "calendar" or "working days"', zh: '必须是「自然日」或「工作日」' },
  reportMustBe: {
    en: 'must be "weekly", "monthly" or "off"',
    zh: '必须是「每周」「每月」或「关闭」',
  },
  webhookMustBe: { en: 'must be an https:// address', zh: '必须是 https:// 开头的网址' },
  tokenTooShort: template({
    en: (min: number) =>
      `must be at least ${min} characters without spaces, or blank (web form off)`,
    zh: (min) => `须为至少 ${min} 个字符且不含空格，或留空（关闭网页表单）`,
  }),
  switchMustBe: { en: 'must be ticked or not (yes or no)', zh: '必须勾选或不勾选（是或否）' },
} satisfies Catalogue;
