// SLA and cadence arithmetic on the calendar or on China's working days (public holidays, 调休).

import { getDayDetail } from 'chinese-days';
import {
  type CalendarDate,
  type TimeZone,
  type ZonedTime,
  calendarDateOf,
  formatCalendarDate,
  zonedTime,
  addDays,
  weekdayOf,
} from './calendar';
import type { SlaClock } from '../method/settings/settings';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const WEEKDAY_NAMES: ReadonlySet<string> = new Set([
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
]);

/**
 * True on China's working days: Monday to Friday unless a public holiday, plus the Saturdays and
 * Sundays made working days to bridge a holiday (调休). Years past the package's holiday table
 * (it ends with the last year the State Council has published) count weekends only.
 */
export function isWorkingDay(date: CalendarDate): boolean {
  const detail = getDayDetail(formatCalendarDate(date));
  // chinese-days reads dates with the runtime's local clock. Its holiday table is read the same way
  // it was built, so a day in it (named after its holiday) is right in any runtime. For any other
  // day it names the weekday it computed, which west of UTC is a day early: decide those from the
  // date itself.
  return WEEKDAY_NAMES.has(detail.name) ? isMondayToFriday(date) : detail.work;
}

function isMondayToFriday(date: CalendarDate): boolean {
  const weekday = weekdayOf(date);
  return weekday >= 1 && weekday <= 5;
}

/**
 * The instant at which the clocks of `zone` show `local`. The offset is looked up twice, the second
 * time at the first guess, so a wall-clock time just after an offset change gets the new offset; in a
 * zone without daylight saving the result is exact. A time skipped or repeated by a change resolves
 * to one of its neighbouring instants.
 */
export function instantOf(local: ZonedTime, zone: TimeZone): Date {
  const asIfUtc = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
  );
  const firstGuess = asIfUtc - zone.offsetMinutes(new Date(asIfUtc)) * 60_000;
  return new Date(asIfUtc - zone.offsetMinutes(new Date(firstGuess)) * 60_000);
}

/** Midnight at the start of `date` in `zone`, in milliseconds. */
function startOfDay(date: CalendarDate, zone: TimeZone): number {
  return instantOf({ ...date, hour: 0, minute: 0, second: 0 }, zone).getTime();
}

function requireFinite(value: number, what: string): void {
  // A walk over days would never end for an infinite amount; Settings keeps these finite.
  if (!Number.isFinite(value)) {
    throw new RangeError(`${what} must be a finite number, got ${value}`);
  }
}

/**
 * The SLA deadline `hours` after `start`. On the calendar clock every hour counts. On the
 * working-days clock only time on working days (whole local days in `zone`) counts, so a lead
 * assigned on a Saturday starts its clock at 00:00 of the next working day. When the hours run out
 * exactly at the end of a working day, the deadline is that midnight, the moment the time was used
 * up, even if a holiday follows.
 */
export function addSlaHours(start: Date, hours: number, clock: SlaClock, zone: TimeZone): Date {
  requireFinite(hours, 'SLA hours');
  if (clock === 'calendar') return new Date(start.getTime() + hours * HOUR_MS);
  let remaining = Math.max(0, hours) * HOUR_MS;
  let day = calendarDateOf(start, zone);
  let from = start.getTime();
  // Walk by calendar date rather than re-reading the date of `from`, so a midnight that an offset
  // change skips cannot send the walk back to a day it has already counted.
  for (;;) {
    const following = addDays(day, 1);
    const dayEnd = startOfDay(following, zone);
    if (isWorkingDay(day)) {
      const available = Math.max(0, dayEnd - from);
      if (remaining <= available) return new Date(from + remaining);
      remaining -= available;
    }
    day = following;
    from = Math.max(from, dayEnd);
  }
}

/**
 * The date `days` follow-up days after `from`, at the same wall-clock time. On the calendar clock a
 * day is 24 hours; on the working-days clock each of the `days` must be a working day, so a
 * follow-up logged on Friday with a one-day cadence is next due on Monday (or after the holiday).
 * Cadences are whole days (Settings enforces it); a fraction counts as a whole working day.
 */
export function addCadenceDays(from: Date, days: number, clock: SlaClock, zone: TimeZone): Date {
  requireFinite(days, 'Cadence days');
  if (clock === 'calendar') return new Date(from.getTime() + days * DAY_MS);
  const wallClock = zonedTime(from, zone);
  let date: CalendarDate = wallClock;
  for (let left = Math.ceil(days); left > 0;) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) left--;
  }
  const sameTimeThatDay = { ...wallClock, year: date.year, month: date.month, day: date.day };
  // zonedTime keeps whole seconds; carry the milliseconds so the time of day is exactly `from`'s.
  return new Date(instantOf(sameTimeThatDay, zone).getTime() + from.getUTCMilliseconds());
}
