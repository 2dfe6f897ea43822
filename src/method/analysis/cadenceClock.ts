// Follow-up days added in bulk, for cadence compliance over many leads: the same answers as
// addCadenceDays (see its test here), with the working days of a span listed once instead of
// walked for every interval of every lead.

import { type CalendarDate, type TimeZone, zonedTime } from '../../sheet/calendar';
import { isWorkingDay } from '../../sheet/workingTime';
import type { SlaClock } from '../settings/settings';

const DAY_MS = 86_400_000;

export interface CadenceClock {
  /** addCadenceDays(at, days) in ms; Infinity when that lies beyond the span the clock covers. */
  after(at: number, days: number): number;
  /** Whole intervals of `days` that can be skipped from `at` and still end before `before`. */
  intervalsBefore(at: number, days: number, before: number): number;
}

const epochDay = (date: CalendarDate) => Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;

/**
 * On the calendar clock a follow-up day is 24 hours. On the working-days clock the working days
 * from `firstDay` to `lastDay` are listed once; a date's ordinal (how many working days up to it)
 * then finds the n-th working day after it at once, as addCadenceDays's walk would.
 */
export function cadenceClock(
  clock: SlaClock,
  zone: TimeZone,
  span: { readonly from: number; readonly to: number },
): CadenceClock {
  if (clock === 'calendar') {
    return {
      after: (at, days) => at + days * DAY_MS,
      intervalsBefore: (at, days, before) => Math.floor((before - at) / (days * DAY_MS)),
    };
  }
  const first = epochDay(zonedTime(new Date(span.from), zone));
  const last = epochDay(zonedTime(new Date(span.to), zone));
  const ordinals: number[] = []; // working days up to and including each day of the span
  const workingDays: number[] = []; // epoch days of the working days, in order
  for (let day = first; day <= last; day++) {
    const date = new Date(day * DAY_MS);
    const calendar = {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
    };
    if (isWorkingDay(calendar)) workingDays.push(day);
    ordinals.push(workingDays.length);
  }
  const offsetMs = (at: number) => zone.offsetMinutes(new Date(at)) * 60_000;
  /** The day (days since 1970-01-01) and time of day `at` shows on the zone's clocks. */
  const wallOf = (at: number) => {
    const local = at + offsetMs(at);
    const day = Math.floor(local / DAY_MS);
    return { day, time: local - day * DAY_MS };
  };
  const ordinalOf = (at: number) => {
    const { day } = wallOf(at);
    return day < first || day > last ? undefined : ordinals[day - first];
  };
  return {
    after(at, days) {
      const { day, time } = wallOf(at);
      const ordinal = day < first || day > last ? undefined : ordinals[day - first];
      const target = ordinal === undefined ? undefined : workingDays[ordinal + Math.ceil(days) - 1];
      if (target === undefined) return Infinity;
      // The same time of day on the target day, its offset found as instantOf finds it.
      const asIfUtc = target * DAY_MS + time;
      return asIfUtc - offsetMs(asIfUtc - offsetMs(asIfUtc));
    },
    intervalsBefore(at, days, before) {
      const [start, end] = [ordinalOf(at), ordinalOf(before)];
      if (start === undefined || end === undefined) return 0;
      // The k-th due lands on the working day of ordinal start + k·days; before `before`'s day, it
      // is before `before`.
      return Math.floor((end - 1 - start) / Math.ceil(days));
    },
  };
}
