// When the hourly job rebuilds the Analysis: once a day, at the hour Settings name, in the
// spreadsheet's zone. Leadership reads it daily or weekly; rebuilding it every hour would spend
// reads of every tab on figures nobody looks at (the menu's Refresh analysis still rebuilds at once).

import {
  addMonths,
  type CalendarDate,
  calendarDateOf,
  compareDates,
  type TimeZone,
  zonedTime,
} from '../../sheet/calendar';

/** The day before `date`. */
function dayBefore(date: CalendarDate): CalendarDate {
  if (date.day > 1) return { ...date, day: date.day - 1 };
  const previous = addMonths({ ...date, day: 1 }, -1);
  return { ...previous, day: new Date(Date.UTC(previous.year, previous.month, 0)).getUTCDate() };
}

/**
 * True when the Analysis has not been rebuilt since the latest scheduled time: today at `hour`
 * once that has passed, else yesterday at `hour`. Never rebuilt counts as due.
 */
export function analysisDue(
  lastRefreshed: Date | undefined,
  now: Date,
  zone: TimeZone,
  hour: number,
): boolean {
  if (!lastRefreshed || Number.isNaN(lastRefreshed.getTime())) return true;
  const today = calendarDateOf(now, zone);
  const scheduledDay = zonedTime(now, zone).hour >= hour ? today : dayBefore(today);
  const last = zonedTime(lastRefreshed, zone);
  const lastDay = { year: last.year, month: last.month, day: last.day };
  const byDay = compareDates(lastDay, scheduledDay);
  return byDay < 0 || (byDay === 0 && last.hour < hour);
}
