// What one follow-up changes (SPEC §6, §8): the Follow-ups row, the lead's dates and status, and
// for an outcome the Conversions row; decided from plain data so the adapter only writes.

import { type TimeZone, calendarDateOf, formatCalendarDate, isDate } from '../../sheet/calendar';
import { nextFollowUpDue } from './deadlines';
import type { FollowUpForm, Outcome } from './followUpContract';
import type { Language } from '../../sheet/language';
import { dateOf, statusOf, textOf } from '../../sheet/cells';
import {
  CONVERSION_RESULT,
  FOLLOW_UP_METHOD,
  LOSS_REASON,
  STATUS,
  type StatusKey,
} from '../../sheet/options';
import type { Grade } from '../scoring/scoringRules';
import type { Settings } from '../settings/settings';
import { instantOf } from '../../sheet/workingTime';
import { labelIn, optionalLabel } from '../../sheet/language';

const DAY_MS = 86_400_000;

export interface FollowUpPlan {
  readonly followUp: Readonly<
    Record<
      'leadId' | 'time' | 'method' | 'content' | 'feedback' | 'nextAction' | 'nextFollowUp' | 'by',
      unknown
    >
  >;
  readonly leadUpdates: Readonly<
    Partial<Record<'firstContactAt' | 'lastFollowUpAt' | 'nextFollowUpDue' | 'status', unknown>>
  >;
  readonly conversion?: Readonly<
    Record<
      | 'leadId'
      | 'result'
      | 'amount'
      | 'reason'
      | 'cycleDays'
      | 'owner'
      | 'summary'
      | 'keyFactors'
      | 'decidedAt',
      unknown
    >
  >;
}

export interface LeadForFollowUp {
  readonly id: unknown;
  readonly grade: unknown;
  readonly status: unknown;
  readonly owner: unknown;
  readonly enteredAt: unknown;
  readonly firstContactAt: unknown;
  readonly lastFollowUpAt: unknown;
}

const label = <K extends string>(
  options: readonly { key: K; en: string; zh: string }[],
  key: K,
  language: Language,
) =>
  optionalLabel(
    language,
    options.find((o) => o.key === key),
  ) ?? key;

/** `YYYY-MM-DD` is that day at 09:00 in the sheet's zone (a working-hours time); a full ISO time as given. */
export function nextFollowUpTime(value: string, zone: TimeZone): Date {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!day) return new Date(value);
  const [year, month, date] = day.slice(1).map(Number);
  return instantOf({ year, month, day: date, hour: 9, minute: 0, second: 0 }, zone);
}

const RESULT_STATUS: Readonly<Record<Outcome['result'], StatusKey>> = {
  won: 'won',
  notWon: 'notWon',
  lost: 'lost',
  nurturing: 'nurturing',
};

/** Decides every change a valid follow-up makes to an existing lead. */
export function planFollowUp(
  form: FollowUpForm,
  lead: LeadForFollowUp,
  context: { now: Date; zone: TimeZone; language: Language; settings: Settings; by: string },
): FollowUpPlan {
  const { now, zone, language, settings } = context;
  const time = form.time ? new Date(form.time) : now;
  const givenNext = form.nextFollowUp ? nextFollowUpTime(form.nextFollowUp, zone) : undefined;
  const current = statusOf(lead);
  let status: StatusKey | undefined;
  if (form.outcome) status = RESULT_STATUS[form.outcome.result];
  else if (form.keyFollowUp) status = 'keyFollowUp';
  else if (current === 'new' || current === undefined) status = 'followingUp';

  const lastBefore = dateOf(lead.lastFollowUpAt);
  const latest = lastBefore && lastBefore > time ? lastBefore : time;
  const closed = status === 'won' || status === 'notWon' || status === 'lost';
  const grade = ['A', 'B', 'C', 'D'].includes(textOf(lead.grade).toUpperCase())
    ? (textOf(lead.grade).toUpperCase() as Grade)
    : undefined;
  const next = closed
    ? undefined
    : nextFollowUpDue(
        {
          lastFollowUpAt: latest,
          givenNext,
          grade,
          status: status ?? current,
          firstContactAt: dateOf(lead.firstContactAt) ?? time,
        },
        settings,
        zone,
      );

  const leadUpdates: Record<string, unknown> = {
    lastFollowUpAt: latest,
    nextFollowUpDue: next ?? '',
  };
  if (!isDate(lead.firstContactAt)) leadUpdates.firstContactAt = time;
  if (status) leadUpdates.status = label(STATUS, status, language);

  const followUp = {
    leadId: textOf(lead.id),
    time,
    method: label(FOLLOW_UP_METHOD, form.method, language),
    content: form.content,
    feedback: form.feedback ?? '',
    nextAction: form.nextAction ?? '',
    nextFollowUp: givenNext ?? '',
    by: context.by || textOf(lead.owner),
  };
  if (!form.outcome) return { followUp, leadUpdates };

  const entered = dateOf(lead.enteredAt);
  const reasonKey = LOSS_REASON.find((r) => r.key === form.outcome?.reason);
  const conversion = {
    leadId: textOf(lead.id),
    result: label(CONVERSION_RESULT, form.outcome.result, language),
    amount: form.outcome.result === 'won' ? (form.outcome.amount ?? '') : '',
    reason: reasonKey ? labelIn(language, reasonKey) : (form.outcome.reason ?? ''),
    cycleDays: entered
      ? Math.max(0, Math.floor((time.getTime() - entered.getTime()) / DAY_MS))
      : '',
    owner: textOf(lead.owner),
    summary: form.outcome.summary ?? '',
    keyFactors: form.outcome.keyFactors ?? '',
    decidedAt: time,
  };
  return { followUp, leadUpdates, conversion };
}

/** Today + the grade's cadence, as the form's default next follow-up date (YYYY-MM-DD). */
export function suggestedNextFollowUp(
  lead: LeadForFollowUp,
  settings: Settings,
  now: Date,
  zone: TimeZone,
): string | null {
  const grade = textOf(lead.grade).toUpperCase();
  if (!['A', 'B', 'C', 'D'].includes(grade)) return null;
  const due = nextFollowUpDue(
    {
      lastFollowUpAt: now,
      grade: grade as Grade,
      status: statusOf(lead),
      firstContactAt: dateOf(lead.firstContactAt) ?? now,
    },
    settings,
    zone,
  );
  return due ? formatCalendarDate(calendarDateOf(due, zone)) : null;
}
