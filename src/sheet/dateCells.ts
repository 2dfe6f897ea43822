// Reads a date cell as people fill it in: a real date, text such as `2024/5/1 9:30` or
// `2024年5月1日`, or a spreadsheet serial number, as wall time in the spreadsheet's zone.

import {
  type CalendarDate,
  type TimeZone,
  type ZonedTime,
  calendarDateOf,
  isDate,
  offsetMinutesAtMs,
} from './calendar';
import { instantOf } from './workingTime';

/** Serial 0 is 1899-12-30, the epoch Sheets counts days from. */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Serial of 9999-12-31, the last day Sheets shows; larger numbers are no date. */
const LAST_SERIAL = 2_958_465;

/** An optional `9:30` or `09:30:15` after `separator`. */
const time = (separator: string) =>
  String.raw`(?:${separator}(\d{1,2})\s*:\s*(\d{2})(?:\s*:\s*(\d{2}))?)?`;
/** `2024-05-01`, `2024/5/1`, `2024.5.1`, the time after a space or a `T`. */
const DASHED = new RegExp(
  String.raw`^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})${time(String.raw`(?:\s+|T)`)}$`,
);
/** `2024年5月1日` (or 号, or Traditional 號), the time after it with or without a space. */
const HANZI = new RegExp(
  String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]${time(String.raw`\s*`)}$`,
);
/** A month alone, `2024-08`, `2024/8` or `2024年8月`: the 1st of that month (Expected close). */
const MONTH = /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月)$/;
const SERIAL = /^\d+(?:\.\d+)?$/;
const ASCII = /^[\x20-\x7e]*$/;

export interface DateReading {
  /** Also read a month alone as its 1st day (Expected close takes months). */
  readonly months?: boolean;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The wall time when every part is in range (no 31 April, no 25:00). */
function wallTime(parts: readonly (string | undefined)[]): ZonedTime | undefined {
  const [year, month, day, hour = 0, minute = 0, second = 0] = parts.map((p) =>
    p ? Number(p) : 0,
  );
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return { year, month, day, hour, minute, second };
}

/** A serial number (days since 1899-12-30, the fraction a time of day) as wall time. */
function serialWallTime(serial: number): ZonedTime | undefined {
  if (!(serial > 0 && serial <= LAST_SERIAL + 1)) return undefined;
  const wall = new Date(SERIAL_EPOCH_MS + Math.round((serial * DAY_MS) / 1000) * 1000);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/**
 * A serial number as the instant it stands for in `zone`: the wall time's milliseconds, less the
 * zone's offset looked up twice as instantOf does, without taking the wall time apart (a tab
 * of dates read through the Sheets service is all serial numbers).
 */
function serialInstant(serial: number, zone: TimeZone): Date | undefined {
  if (!(serial > 0 && serial <= LAST_SERIAL + 1)) return undefined;
  const wall = SERIAL_EPOCH_MS + Math.round((serial * DAY_MS) / 1000) * 1000;
  const firstGuess = wall - offsetMinutesAtMs(zone, wall) * 60_000;
  return new Date(wall - offsetMinutesAtMs(zone, firstGuess) * 60_000);
}

function textWallTime(text: string, reading: DateReading): ZonedTime | undefined {
  const dashed = DASHED.exec(text);
  if (dashed) return wallTime([dashed[1], dashed[3], dashed[4], dashed[5], dashed[6], dashed[7]]);
  const hanzi = HANZI.exec(text);
  if (hanzi) return wallTime(hanzi.slice(1));
  if (SERIAL.test(text)) return serialWallTime(Number(text));
  if (reading.months) {
    const month = MONTH.exec(text);
    if (month) return wallTime([month[1], month[2] ?? month[3], '1']);
  }
  return undefined;
}

/**
 * The instant a date cell means, or undefined when it is blank or holds no date. A Date is taken as
 * it is (the fast path for most cells); text is read as wall time in `zone`, and full-width digits
 * and colons are folded first only when the text is not plain ASCII.
 */
export function readDate(
  value: unknown,
  zone: TimeZone,
  reading: DateReading = {},
): Date | undefined {
  if (isDate(value)) return value;
  if (typeof value === 'number') return serialInstant(value, zone);
  let wall: ZonedTime | undefined;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return undefined;
    wall = textWallTime(text, reading);
    if (!wall && !ASCII.test(text)) wall = textWallTime(text.normalize('NFKC'), reading);
  }
  return wall ? instantOf(wall, zone) : undefined;
}

/** A date cell's calendar day in `zone`; a month alone is its 1st (Expected close). */
export function readCalendarDate(value: unknown, zone: TimeZone): CalendarDate | undefined {
  const date = readDate(value, zone, { months: true });
  return date ? calendarDateOf(date, zone) : undefined;
}
