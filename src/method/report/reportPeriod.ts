// When the periodic report is due (SPEC §14) and which stretch of time it covers: weekly from Monday
// 09:00, monthly from the 1st 09:00, in the spreadsheet's zone; it reports the last full calendar
// week or month and compares it with the one before.

import {
  addMonths,
  type CalendarDate,
  calendarDateOf,
  formatCalendarDate,
  type TimeZone,
  zonedTime,
  mondayOf,
  addDays,
} from '../../sheet/calendar';
import type { ReportCadence } from '../../sheet/options';
import { instantOf } from '../../sheet/workingTime';

/** The report goes out from this hour of its day, in the spreadsheet's zone. */
export const REPORT_HOUR = 9;

export interface ReportRange {
  /** First day covered, in the spreadsheet's zone. */
  readonly first: CalendarDate;
  /** Last day covered. */
  readonly last: CalendarDate;
  readonly start: Date;
  /** Exclusive. */
  readonly end: Date;
}

export interface ReportPeriod {
  /** Names the sending period (`week:2026-11-30`, `month:2026-12`); remembered once sent. */
  readonly key: string;
  readonly cadence: Exclude<ReportCadence, 'off'>;
  /** What the report covers: the last full week or month before the sending day. */
  readonly current: ReportRange;
  /** The week or month before it, for the changes. */
  readonly previous: ReportRange;
}

const midnight = (date: CalendarDate, zone: TimeZone) =>
  instantOf({ ...date, hour: 0, minute: 0, second: 0 }, zone);

function range(first: CalendarDate, next: CalendarDate, zone: TimeZone): ReportRange {
  return {
    first,
    last: addDays(next, -1),
    start: midnight(first, zone),
    end: midnight(next, zone),
  };
}

/** The day a period's sending starts (its Monday, or its 1st), and the period before it begins. */
function periodStart(
  now: Date,
  zone: TimeZone,
  cadence: Exclude<ReportCadence, 'off'>,
): CalendarDate {
  const today = calendarDateOf(now, zone);
  const beforeHour = zonedTime(now, zone).hour < REPORT_HOUR;
  if (cadence === 'weekly') {
    const monday = mondayOf(today);
    const started = !(beforeHour && formatCalendarDate(monday) === formatCalendarDate(today));
    return started ? monday : addDays(monday, -7);
  }
  const first: CalendarDate = { ...today, day: 1 };
  return beforeHour && today.day === 1 ? addMonths(first, -1) : first;
}

/**
 * Names the sending period at `now` (`week:2026-11-30`, `month:2026-12`), undefined when the report
 * is off. It looks only at `now`, so a regular hour learns the report is not due at no cost.
 */
export function reportKeyAt(now: Date, zone: TimeZone, cadence: ReportCadence): string | undefined {
  if (cadence === 'off') return undefined;
  const start = formatCalendarDate(periodStart(now, zone, cadence));
  return cadence === 'weekly' ? `week:${start}` : `month:${start.slice(0, 7)}`;
}

/**
 * The period whose report is due at `now`, or undefined when the report is off. A period starts on
 * its Monday (or 1st) at REPORT_HOUR; before that hour the previous period is still the current one,
 * so a report missed on its day (no run, a failure) still goes out later in its period.
 */
export function reportPeriodAt(
  now: Date,
  zone: TimeZone,
  cadence: ReportCadence,
): ReportPeriod | undefined {
  const key = reportKeyAt(now, zone, cadence);
  if (cadence === 'off' || key === undefined) return undefined;
  const start = periodStart(now, zone, cadence);
  if (cadence === 'weekly') {
    const lastWeek = addDays(start, -7);
    return {
      key,
      cadence,
      current: range(lastWeek, start, zone),
      previous: range(addDays(lastWeek, -7), lastWeek, zone),
    };
  }
  const lastMonth = addMonths(start, -1);
  return {
    key,
    cadence,
    current: range(lastMonth, start, zone),
    previous: range(addMonths(lastMonth, -1), lastMonth, zone),
  };
}
