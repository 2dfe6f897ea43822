// Follow-up cadence compliance per owner over the last 4 full weeks (SPEC §14): touches the grade's
// cadence asked for, touches logged, and the share of asked touches that came on time.

import { calendarDateOf, type TimeZone, addDays, mondayOf } from '../../sheet/calendar';
import { instantOf } from '../../sheet/workingTime';
import { type CadenceClock, cadenceClock } from './cadenceClock';
import type { CadenceSettings } from '../followUp/deadlines';
import type { Grade } from '../scoring/scoringRules';

export const CADENCE_WEEKS = 4;
const DAY_MS = 86_400_000;

/** What cadence compliance needs of one lead. */
export interface CadenceLead {
  readonly owner: string;
  readonly grade: Grade | '';
  /** Status Key follow-up: a person asked for daily touches whatever the grade. */
  readonly keyFollowUp: boolean;
  /** First contact at, else the earliest follow-up; undefined: never contacted, no cadence yet. */
  readonly firstContactAt: number | undefined;
  /** Times of the lead's follow-ups, any order. */
  readonly touches: readonly number[];
  /** When the lead was decided (won, not won, lost): nothing is asked after; undefined while open. */
  readonly closedAt: number | undefined;
}

export interface CadenceRow {
  readonly owner: string;
  readonly asked: number;
  readonly logged: number;
  readonly onTime: number;
  /** onTime ÷ asked; undefined when nothing was asked (shown as —, never 0%). */
  readonly rate: number | undefined;
}

export interface CadenceCompliance {
  /** The 4 full weeks, Monday 00:00 to Monday 00:00 in the spreadsheet's zone. */
  readonly from: Date;
  readonly to: Date;
  readonly byOwner: readonly CadenceRow[];
}

/** Monday 00:00 of the current week, and the Monday `CADENCE_WEEKS` weeks before it. */
export function cadencePeriod(now: Date, zone: TimeZone): { from: Date; to: Date } {
  const today = calendarDateOf(now, zone);
  const monday = mondayOf(today);
  const at = (daysBack: number) =>
    instantOf({ ...addDays(monday, -daysBack), hour: 0, minute: 0, second: 0 }, zone);
  return { from: at(CADENCE_WEEKS * 7), to: at(0) };
}

/**
 * The touches one lead was asked for in [from, to) and how many came on time. From the first
 * contact the cadence lays out consecutive intervals, each as long as the cadence at its start
 * (A daily for the first `aDailyDays`, then B's pace; Key follow-up daily): each interval asks for
 * one touch by its end. An interval is asked when its end falls in the period and before the lead
 * was decided, and on time when a follow-up falls inside it.
 */
function leadCompliance(
  lead: CadenceLead,
  from: number,
  to: number,
  settings: CadenceSettings,
  clock: CadenceClock,
): { asked: number; onTime: number } {
  const start = lead.firstContactAt;
  const gradeCadence = lead.keyFollowUp ? 'A' : lead.grade;
  if (start === undefined || gradeCadence === '' || gradeCadence === 'D') {
    return { asked: 0, onTime: 0 };
  }
  const end = Math.min(to, lead.closedAt ?? Infinity);
  // Decided before the period: nothing in it was asked (and most closed leads end here at once).
  if (end <= from) return { asked: 0, onTime: 0 };
  const dailyUntil =
    gradeCadence === 'A' && !lead.keyFollowUp ? clock.after(start, settings.aDailyDays) : Infinity;
  const cadenceAt = (at: number) =>
    gradeCadence === 'A' ? (at < dailyUntil ? 'A' : 'B') : gradeCadence;
  // From here on every interval has the same length.
  const steadyFrom = dailyUntil === Infinity ? -Infinity : dailyUntil;
  const touches = [...lead.touches].sort((a, b) => a - b);
  let asked = 0;
  let onTime = 0;
  let intervalStart = start;
  while (intervalStart < end) {
    const days = settings.cadenceDays[cadenceAt(intervalStart)];
    // A long-open lead jumps whole intervals up to the period (all but one, to stay safe).
    if (intervalStart >= steadyFrom && intervalStart < from) {
      const skip = clock.intervalsBefore(intervalStart, days, from) - 1;
      if (skip > 0) intervalStart = clock.after(intervalStart, skip * days);
    }
    const due = clock.after(intervalStart, days);
    // The period ends before its closing Monday 00:00: a touch due then belongs to the next one.
    if (due > end || due >= to) break;
    if (due >= from) {
      asked += 1;
      const lower = intervalStart;
      if (touches.some((touch) => touch > lower && touch <= due)) onTime += 1;
    }
    intervalStart = due;
  }
  return { asked, onTime };
}

/** Cadence compliance per owner, owners in the order their first lead appears; unowned leads skipped. */
export function cadenceCompliance(
  leads: readonly CadenceLead[],
  now: Date,
  zone: TimeZone,
  settings: CadenceSettings,
): CadenceCompliance {
  const { from, to } = cadencePeriod(now, zone);
  const [start, end] = [from.getTime(), to.getTime()];
  // The clock covers every first contact of a lead still open in the period, and a margin past
  // its end for the last interval (90 working days at most, Settings says, plus holidays).
  const earliest = leads.reduce(
    (min, lead) =>
      lead.owner !== '' && (lead.closedAt ?? Infinity) > start
        ? Math.min(min, lead.firstContactAt ?? min)
        : min,
    start,
  );
  const clock = cadenceClock(settings.slaClock, zone, { from: earliest, to: end + 200 * DAY_MS });
  const owners = new Map<string, { asked: number; logged: number; onTime: number }>();
  for (const lead of leads) {
    if (lead.owner === '') continue;
    const { asked, onTime } = leadCompliance(lead, start, end, settings, clock);
    const logged = lead.touches.filter((touch) => touch >= start && touch < end).length;
    if (asked === 0 && logged === 0) continue;
    const row = owners.get(lead.owner) ?? { asked: 0, logged: 0, onTime: 0 };
    row.asked += asked;
    row.logged += logged;
    row.onTime += onTime;
    owners.set(lead.owner, row);
  }
  return {
    from,
    to,
    byOwner: [...owners].map(([owner, row]) => ({
      owner,
      ...row,
      rate: row.asked === 0 ? undefined : row.onTime / row.asked,
    })),
  };
}
