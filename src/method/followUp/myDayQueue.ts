// My day (SPEC §14): which of one person's open leads need something by the end of today, and in
// what order: overdue first, then by grade, then by due time.

import { calendarDateOf, type TimeZone, addDays } from '../../sheet/calendar';
import { instantOf } from '../../sheet/workingTime';
import { statusOf } from '../../sheet/cells';
import { CLOSED_STATUSES } from '../../sheet/options';
import type { Grade } from '../scoring/scoringRules';
import type { CadenceSettings } from './deadlines';
import { nextFollowUpDue } from './deadlines';
import type { QueueKind } from './myDayContract';

/** What the queue needs of a lead: nine cells, dates already read (undefined when blank). */
export interface QueueLead {
  readonly id: string;
  readonly owner: string;
  readonly status: unknown;
  readonly grade: string;
  readonly assignedAt?: Date;
  readonly firstContactDue?: Date;
  readonly firstContactAt?: Date;
  readonly lastFollowUpAt?: Date;
  readonly nextFollowUpDue?: Date;
}

export interface QueueEntry {
  readonly leadId: string;
  readonly kind: QueueKind;
  readonly due: Date;
  readonly grade: string;
}

const OVERDUE: ReadonlySet<QueueKind> = new Set(['firstContactOverdue', 'followUpOverdue']);
const GRADE_RANK: Readonly<Record<string, number>> = { A: 0, B: 1, C: 2, D: 3 };

/** The first instant of tomorrow in the zone: "by the end of today" means before it. */
export function endOfToday(now: Date, zone: TimeZone): Date {
  const tomorrow = addDays(calendarDateOf(now, zone), 1);
  return instantOf({ ...tomorrow, hour: 0, minute: 0, second: 0 }, zone);
}

/** The first instant of today in the zone. */
export function startOfToday(now: Date, zone: TimeZone): Date {
  return instantOf({ ...calendarDateOf(now, zone), hour: 0, minute: 0, second: 0 }, zone);
}

/**
 * What one open lead owes today, if anything. Before the first contact its deadline governs (a
 * lead assigned today whose deadline is later is a new assignment); after it, the next follow-up:
 * the date the form gave, else the last follow-up + the grade's cadence.
 */
export function queueEntryOf(
  lead: QueueLead,
  now: Date,
  zone: TimeZone,
  settings: CadenceSettings,
): QueueEntry | undefined {
  const status = statusOf(lead);
  if (status !== undefined && CLOSED_STATUSES.includes(status)) return undefined;
  const end = endOfToday(now, zone).getTime();
  const entry = (kind: QueueKind, due: Date): QueueEntry => ({
    leadId: lead.id,
    kind,
    due,
    grade: lead.grade,
  });
  if (!lead.firstContactAt && !lead.lastFollowUpAt) {
    const due = lead.firstContactDue;
    if (due && due.getTime() < now.getTime()) return entry('firstContactOverdue', due);
    if (due && due.getTime() < end) return entry('firstContactDue', due);
    const assigned = lead.assignedAt;
    if (assigned && assigned.getTime() >= startOfToday(now, zone).getTime()) {
      return entry('newAssignment', due ?? assigned);
    }
    return undefined;
  }
  const next = nextFollowUpDue(
    {
      lastFollowUpAt: lead.lastFollowUpAt,
      givenNext: lead.nextFollowUpDue,
      grade: (GRADE_RANK[lead.grade] === undefined ? undefined : lead.grade) as Grade | undefined,
      status,
      firstContactAt: lead.firstContactAt,
    },
    settings,
    zone,
  );
  if (!next) return undefined;
  if (next.getTime() < now.getTime()) return entry('followUpOverdue', next);
  if (next.getTime() < end) return entry('followUpDue', next);
  return undefined;
}

/** Overdue first, then grade A to D (ungraded last), then the earliest due; the ID breaks ties. */
export function compareQueueEntries(a: QueueEntry, b: QueueEntry): number {
  const overdue = Number(!OVERDUE.has(a.kind)) - Number(!OVERDUE.has(b.kind));
  if (overdue !== 0) return overdue;
  const grade = (GRADE_RANK[a.grade] ?? 4) - (GRADE_RANK[b.grade] ?? 4);
  if (grade !== 0) return grade;
  const due = a.due.getTime() - b.due.getTime();
  if (due !== 0) return due;
  return a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0;
}

/** The owner's queue, in order: only leads whose Owner cell names this person. */
export function myDayQueue(
  leads: readonly QueueLead[],
  isMine: (owner: string) => boolean,
  now: Date,
  zone: TimeZone,
  settings: CadenceSettings,
): QueueEntry[] {
  const entries: QueueEntry[] = [];
  for (const lead of leads) {
    if (!lead.id || !isMine(lead.owner)) continue;
    const entry = queueEntryOf(lead, now, zone, settings);
    if (entry) entries.push(entry);
  }
  return entries.sort(compareQueueEntries);
}
