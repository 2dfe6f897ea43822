// The one contract between the follow-up sidebar and the server (SPEC §8 submitFollowUp): zod
// schemas both sides validate with, JSON only (times as ISO-8601 strings, never Date objects).

import * as z from 'zod/mini';
import type { Language } from '../../sheet/language';
// The catalogue's entry and area files, not its index: the sidebar bundles this file too.
import { type Phrase, t } from '../../sheet/text/entry';
import { FOLLOW_UP } from '../../sheet/text/followUp';

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

/** A problem with one field: its path (`outcome.amount`) and what is wrong with it. */
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
  if (message in FOLLOW_UP.problem) return message as ProblemCode;
  if (zodCode === 'invalid_value') return 'invalidChoice';
  if (zodCode === 'too_big') return 'tooLong';
  return 'invalid';
}

export type ProblemCode = keyof typeof FOLLOW_UP.problem;

/** A contract field's label (`outcome.amount` → `Amount (万)`); a field the form lacks, as it is. */
export function fieldLabel(field: string, language: Language): string {
  const label: Phrase | undefined = (FOLLOW_UP.field as Readonly<Record<string, Phrase>>)[field];
  return label ? t(language, label) : field;
}

/** What is wrong, by problem code; an unknown code reads as not valid. */
export function problemMessage(code: ProblemCode, language: Language): string {
  return t(language, FOLLOW_UP.problem[code] ?? FOLLOW_UP.problem.invalid);
}

/** One line per problem, e.g. `Content (content): is required`, for the server's Error message. */
export function describeProblems(problems: readonly FieldProblem[], language: Language): string {
  return problems
    .map((p) =>
      t(
        language,
        FOLLOW_UP.problemLine,
        fieldLabel(p.field, language),
        p.field,
        problemMessage(p.code, language),
      ),
    )
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
  readonly language: Language;
  readonly timeZone: string;
  /** The lead of the active row when the cursor is in Leads. */
  readonly lead: LeadCard | null;
}
