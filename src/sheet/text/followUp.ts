// What the follow-up contract says about a bad field (SPEC §8), shared by the sidebar and the server:
// the fields as the form labels them, and each problem.

import { type Catalogue, template } from './entry';

export const FOLLOW_UP = {
  /** Field names as the form labels them, by their path in the contract. */
  field: {
    form: { en: 'The form', zh: '表单' },
    leadId: { en: 'Lead ID', zh: '线索编号' },
    method: { en: 'Method', zh: '跟进方式' },
    content: { en: 'Content', zh: '沟通内容' },
    time: { en: 'Time', zh: '跟进时间' },
    feedback: { en: 'Feedback', zh: '客户反馈' },
    nextAction: { en: 'Next action', zh: '下一步行动' },
    nextFollowUp: { en: 'Next follow-up', zh: '下次跟进时间' },
    keyFollowUp: { en: 'Clear intent', zh: '明确意向' },
    outcome: { en: 'Outcome', zh: '转化结果' },
    'outcome.result': { en: 'Result', zh: '转化结果' },
    'outcome.amount': { en: 'Amount (万)', zh: '成交金额(万)' },
    'outcome.reason': { en: 'Reason', zh: '未成交原因' },
    'outcome.keyFactors': { en: 'Key factors', zh: '决策关键因素' },
    'outcome.summary': { en: 'Summary', zh: '分析总结' },
  },
  /** What is wrong with a field, by problem code. */
  problem: {
    required: { en: 'is required', zh: '必填' },
    invalid: { en: 'is not valid', zh: '格式不正确' },
    invalidChoice: { en: 'is not one of the choices', zh: '不是可选的值' },
    tooLong: { en: 'is too long', zh: '太长' },
    isoTime: { en: 'must be a date and time', zh: '必须是日期时间' },
    isoDateOrTime: { en: 'must be a date', zh: '必须是日期' },
    amountRequired: { en: 'must be more than 0 for a won deal', zh: '成交时必须大于 0' },
    keyFactorsRequired: { en: 'are required for a won deal', zh: '成交时必填' },
    reasonRequired: { en: 'is required when not won or lost', zh: '未成交或流失时必填' },
    unknownLead: { en: 'matches no lead in Leads', zh: '在线索表中找不到' },
  },
  /** One line of the server's error, naming the field's path: `Content (content): is required`. */
  problemLine: template({
    en: (label: string, field: string, problem: string) => `${label} (${field}): ${problem}`,
    zh: (label, field, problem) => `${label}（${field}）：${problem}`,
  }),
  /** A problem as the form shows it beside its field: `Content is required`. */
  problemBeside: template({
    en: (label: string, problem: string) => `${label} ${problem}`,
    zh: (label, problem) => `${label}：${problem}`,
  }),
} satisfies Catalogue;
