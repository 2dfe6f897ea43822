// The deadlines of SPEC §4: first contact due from the grade's SLA, next follow-up due from its cadence.

import type { TimeZone } from '../../sheet/calendar';
import { CLOSED_STATUSES, type StatusKey } from '../../sheet/options';
import type { Grade } from '../scoring/scoringRules';
import type { GradeWithSla, Settings } from '../settings/settings';
import { addCadenceDays, addSlaHours } from '../../sheet/workingTime';

export type SlaSettings = Pick<Settings, 'slaHours' | 'slaClock'>;
export type CadenceSettings = Pick<Settings, 'cadenceDays' | 'aDailyDays' | 'slaClock'>;

/** What the next follow-up date depends on; dates are undefined when blank or unreadable. */
export interface FollowUpState {
  readonly lastFollowUpAt?: Date;
  /** The date the follow-up form gave for the next contact. */
  readonly givenNext?: Date;
  readonly grade: Grade | undefined;
  readonly status: StatusKey | undefined;
  readonly firstContactAt?: Date;
}

/** Assigned at + the grade's SLA on the SLA clock; undefined for D, which has no SLA. */
export function firstContactDue(
  assignedAt: Date,
  grade: Grade,
  settings: SlaSettings,
  zone: TimeZone,
): Date | undefined {
  if (grade === 'D') return undefined;
  return addSlaHours(assignedAt, settings.slaHours[grade], settings.slaClock, zone);
}

/**
 * The next follow-up due: the date the follow-up form gave, else the last follow-up + the cadence.
 * Undefined for a closed lead, for a lead never followed up (its first-contact deadline governs) and
 * for a lead without a cadence.
 */
export function nextFollowUpDue(
  input: FollowUpState,
  settings: CadenceSettings,
  zone: TimeZone,
): Date | undefined {
  if (isClosed(input.status)) return undefined;
  if (input.givenNext) return input.givenNext;
  const last = input.lastFollowUpAt;
  if (!last) return undefined;
  const cadence = cadenceOf(input, last, settings, zone);
  if (!cadence) return undefined;
  return addCadenceDays(last, settings.cadenceDays[cadence], settings.slaClock, zone);
}

function isClosed(status: StatusKey | undefined): boolean {
  // An unreadable status counts as open, as everywhere else, so the lead keeps its reminders.
  return status !== undefined && CLOSED_STATUSES.includes(status);
}

/**
 * Whose cadence applies. Key follow-up is a person's judgement that the lead matters now, so it is
 * followed up daily whatever its score, D or not yet scored included. Otherwise A is daily for its
 * first weeks, then drops to B's pace; D nurtures or goes to the pool, and an unscored lead has no
 * cadence until it is graded.
 */
function cadenceOf(
  input: FollowUpState,
  lastFollowUpAt: Date,
  settings: CadenceSettings,
  zone: TimeZone,
): GradeWithSla | undefined {
  if (input.status === 'keyFollowUp') return 'A';
  switch (input.grade) {
    case 'A':
      return isInDailyPeriod(lastFollowUpAt, input.firstContactAt, settings, zone) ? 'A' : 'B';
    case 'B':
    case 'C':
      return input.grade;
    default:
      return undefined;
  }
}

/**
 * The daily period is `aDailyDays` days (on the SLA clock) from the first contact; when that is
 * unknown it starts at the last follow-up, which keeps the lead daily rather than letting it
 * slow down on a guess.
 */
function isInDailyPeriod(
  lastFollowUpAt: Date,
  firstContactAt: Date | undefined,
  settings: CadenceSettings,
  zone: TimeZone,
): boolean {
  const start = firstContactAt ?? lastFollowUpAt;
  const end = addCadenceDays(start, settings.aDailyDays, settings.slaClock, zone);
  return lastFollowUpAt.getTime() < end.getTime();
}

/**
 * True when the first contact is due, has not happened and its time has passed. A lead contacted
 * late is no longer overdue: lateness is a matter for SLA compliance, not for a reminder.
 */
export function isFirstContactOverdue(
  due: Date | undefined,
  firstContactAt: Date | undefined,
  now: Date,
): boolean {
  return due !== undefined && firstContactAt === undefined && now.getTime() > due.getTime();
}

/** True strictly after the due time; at the due time itself the follow-up is still on time. */
export function isFollowUpOverdue(due: Date | undefined, now: Date): boolean {
  return due !== undefined && now.getTime() > due.getTime();
}
