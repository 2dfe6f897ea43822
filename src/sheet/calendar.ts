// Calendar dates in the spreadsheet's time zone: "today" and month arithmetic (dateCells.ts reads cells).

export interface CalendarDate {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number;
}

export interface ZonedTime extends CalendarDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/**
 * True for a valid Date from any realm. Values read from a sheet come from the Apps Script
 * runtime, so `instanceof Date` is not a safe test.
 */
export function isDate(value: unknown): value is Date {
  // Most cells are text or numbers: the type check spares them the slower tag lookup, which is
  // still needed for dates made in another realm (the runtime's, not the script's).
  if (typeof value !== 'object' || value === null) return false;
  // Dates the script's own realm made (Apps Script's getValues gives those) need no tag lookup.
  if (value instanceof Date) return !isNaN(value.getTime());
  return (
    Object.prototype.toString.call(value) === '[object Date]' && !isNaN((value as Date).getTime())
  );
}

/**
 * A time zone as the product needs it: the offset from UTC at an instant. The core does the date
 * arithmetic; the platform supplies the offsets (Apps Script documents only Utilities.formatDate for
 * zone conversion, so the adapter builds one from it).
 */
export interface TimeZone {
  readonly name: string;
  offsetMinutes(instant: Date): number;
  /** The same for milliseconds since the epoch, where a pass over many cells spares a Date each. */
  offsetMinutesAtMs?(ms: number): number;
}

/** The zone's offset at `ms` milliseconds since the epoch. */
export function offsetMinutesAtMs(zone: TimeZone, ms: number): number {
  return zone.offsetMinutesAtMs ? zone.offsetMinutesAtMs(ms) : zone.offsetMinutes(new Date(ms));
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Caches offsets so that a pass over 100k dates costs about one lookup per month they span:
 * when a zone has the same offset at the start of a month and of the next, the whole month is
 * taken to have it (zones change offset at most once a month); a month with a change is resolved
 * by day, and the day of the change by hour, the unit zone rules change on.
 */
export function cachedTimeZone(name: string, lookup: (instant: Date) => number): TimeZone {
  const at = new Map<number, number>();
  const offsetAt = (ms: number) => {
    let offset = at.get(ms);
    if (offset === undefined) {
      offset = lookup(new Date(ms));
      at.set(ms, offset);
    }
    return offset;
  };
  const constantBetween = (start: number, end: number) => {
    const offset = offsetAt(start);
    return offset === offsetAt(end) ? offset : undefined;
  };
  // UTC days known to keep one offset throughout: most dates of a tab fall on days seen before,
  // and a day is found with arithmetic alone.
  const wholeDays = new Map<number, number>();
  // Cells next to each other often fall on one day: the last day found spares a lookup.
  let lastDay = NaN;
  let lastOffset = 0;
  const minutesAt = (ms: number): number => {
    const day = Math.floor(ms / DAY_MS);
    if (day === lastDay) return lastOffset;
    const known = wholeDays.get(day);
    if (known !== undefined) {
      lastDay = day;
      lastOffset = known;
      return known;
    }
    const d = new Date(ms);
    const monthStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    const nextMonth = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    const dayStart = day * DAY_MS;
    const constant =
      constantBetween(monthStart, nextMonth) ?? constantBetween(dayStart, dayStart + DAY_MS);
    if (constant === undefined) return offsetAt(Math.floor(ms / HOUR_MS) * HOUR_MS);
    if (!Number.isNaN(day)) wholeDays.set(day, constant);
    return constant;
  };
  return {
    name,
    offsetMinutes: (instant: Date) => minutesAt(instant.getTime()),
    offsetMinutesAtMs: minutesAt,
  };
}

/** Parses a `+0800` / `-0330` offset (Utilities.formatDate pattern `Z`) into minutes. */
export function parseOffset(text: string): number {
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(text.trim());
  if (!match) throw new Error(`Unreadable time-zone offset "${text}"`);
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** The wall-clock time of `instant` in `zone`. */
export function zonedTime(instant: Date, zone: TimeZone): ZonedTime {
  const shifted = new Date(instant.getTime() + zone.offsetMinutes(instant) * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

export function calendarDateOf(instant: Date, zone: TimeZone): CalendarDate {
  const { year, month, day } = zonedTime(instant, zone);
  return { year, month, day };
}

/** The calendar day `days` after `date` (before it when negative). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** The day of the week: 0 for Sunday to 6 for Saturday. */
export function weekdayOf(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** The Monday of the week `date` falls in: weeks run Monday to Sunday. */
export function mondayOf(date: CalendarDate): CalendarDate {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds calendar months; a day the target month lacks clamps to its last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const zeroBased = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(zeroBased / 12);
  const month = (zeroBased % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** Negative, zero or positive as `a` is before, on or after `b`. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
}

export function formatCalendarDate(date: CalendarDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}
