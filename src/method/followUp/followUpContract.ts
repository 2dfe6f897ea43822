// The one contract between the follow-up sidebar and the server (SPEC §8 submitFollowUp): zod
// schemas both sides validate with, JSON only (times as ISO-8601 strings, never Date objects).

import * as z from 'zod/mini';

export const METHOD_KEYS = ['phone', 'wechat', 'email', 'visit', 'other'] as const;
export const RESULT_KEYS = ['won', 'notWon', 'lost', 'nurturing'] as const;
export const REASON_KEYS = [
  'budget',
  'competitor',
  'needChanged',
  'unreachable',
  'refused',
  'other',
] as const;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 5000;

const text = (max = MAX_TEXT) => z.string().check(z.maxLength(max));
const optionalText = (max = MAX_TEXT) => z.optional(text(max));

export const outcomeSchema = z
  .object({
    result: z.enum(RESULT_KEYS),
    amount: z.optional(z.number()),
    reason: optionalText(200),
    keyFactors: optionalText(),
    summary: optionalText(),
  })
  .check(
    z.refine((o) => o.result !== 'won' || (typeof o.amount === 'number' && o.amount > 0), {
      message: 'amountRequired',
      path: ['amount'],
    }),
    z.refine((o) => o.result !== 'won' || !!o.keyFactors?.trim(), {
      message: 'keyFactorsRequired',
      path: ['keyFactors'],
    }),
    z.refine((o) => (o.result !== 'notWon' && o.result !== 'lost') || !!o.reason?.trim(), {
      message: 'reasonRequired',
      path: ['reason'],
    }),
  );

export const followUpSchema = z.object({
  leadId: z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(100)),
  method: z.enum(METHOD_KEYS),
  content: z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(MAX_TEXT)),
  time: z.optional(z.string().check(z.regex(ISO_TIME, 'isoTime'))),
  feedback: optionalText(),
  nextAction: optionalText(),
  nextFollowUp: z.optional(
    z.string().check(z.refine((v) => ISO_DATE.test(v) || ISO_TIME.test(v), 'isoDateOrTime')),
  ),
  keyFollowUp: z.optional(z.boolean()),
  outcome: z.optional(outcomeSchema),
});

export type FollowUpForm = z.infer<typeof followUpSchema>;
export type Outcome = z.infer<typeof outcomeSchema>;

/** A problem with one field: its path (`outcome.amount`) and a message key of FIELD_MESSAGES. */
export interface FieldProblem {
  readonly field: string;
  readonly code: ProblemCode;
}

export type FormCheck =
  | { readonly ok: true; readonly form: FollowUpForm }
  | { readonly ok: false; readonly problems: readonly FieldProblem[] };

/** Validates anything (the server trusts nothing): every bad field, each once. */
export function checkFollowUp(input: unknown): FormCheck {
  const parsed = followUpSchema.safeParse(input);
  if (parsed.success) return { ok: true, form: parsed.data };
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const issue of parsed.error.issues) {
    const field = issue.path.join('.') || 'form';
    if (seen.has(field)) continue;
    seen.add(field);
    // A field left out is "required", not "not valid"; our own rules keep their specific message.
    const missing =
      issue.code === 'invalid_type' && field !== 'form' && valueAt(input, issue.path) == null;
    problems.push({ field, code: missing ? 'required' : problemCode(issue.code, issue.message) });
  }
  return { ok: false, problems };
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function problemCode(zodCode: string, message: string): ProblemCode {
  if (message in PROBLEM_MESSAGES) return message as ProblemCode;
  if (zodCode === 'invalid_value') return 'invalidChoice';
  if (zodCode === 'too_big') return 'tooLong';
  return 'invalid';
}

export const PROBLEM_MESSAGES = {
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
} as const;

export type ProblemCode = keyof typeof PROBLEM_MESSAGES;

/** Field names as the form labels them. */
export const FIELD_LABELS: Readonly<Record<string, { en: string; zh: string }>> = {
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
};

/** One line per problem, e.g. `Content (content): is required`, for the server's Error message. */
export function describeProblems(problems: readonly FieldProblem[], language: 'en' | 'zh'): string {
  return problems
    .map((p) => {
      const label = FIELD_LABELS[p.field] ?? { en: p.field, zh: p.field };
      const message = PROBLEM_MESSAGES[p.code] ?? PROBLEM_MESSAGES.invalid;
      return language === 'zh'
        ? `${label.zh}（${p.field}）：${message.zh}`
        : `${label.en} (${p.field}): ${message.en}`;
    })
    .join('\n');
}

/** One follow-up as the sidebar shows it. */
export interface HistoryEntry {
  readonly time: string | null;
  readonly method: string;
  readonly content: string;
  readonly feedback: string;
  readonly nextAction: string;
  readonly nextFollowUp: string | null;
  readonly by: string;
}

/** What the sidebar shows of a lead: plain JSON, times as ISO strings. */
export interface LeadCard {
  readonly id: string;
  readonly contact: string;
  readonly company: string;
  readonly phone: string;
  readonly source: string;
  readonly need: string;
  readonly grade: string;
  readonly score: number | null;
  readonly scoreNote: string;
  readonly owner: string;
  readonly status: string;
  readonly statusKey: string | null;
  readonly firstContactDue: string | null;
  readonly firstContactAt: string | null;
  /** null when there is no deadline or it has not passed without contact yet. */
  readonly firstContactMet: boolean | null;
  readonly lastFollowUpAt: string | null;
  readonly nextFollowUpDue: string | null;
  /** The date the form offers for the next follow-up: today + the grade's cadence (YYYY-MM-DD). */
  readonly suggestedNextFollowUp: string | null;
  readonly history: readonly HistoryEntry[];
}

export interface LeadSummary {
  readonly id: string;
  readonly contact: string;
  readonly company: string;
  readonly phone: string;
  readonly grade: string;
  readonly status: string;
  readonly owner: string;
}

export interface SidebarStart {
  readonly language: 'en' | 'zh';
  readonly timeZone: string;
  /** The lead of the active row when the cursor is in Leads. */
  readonly lead: LeadCard | null;
}
