// Calendar dates in the spreadsheet's time zone: today, month arithmetic and date-cell parsing.

import {
  type TimeZone,
  addDays,
  addMonths,
  cachedTimeZone,
  calendarDateOf,
  compareDates,
  daysBetween,
  formatCalendarDate,
  isDate,
  mondayOf,
  parseOffset,
  weekdayOf,
  zonedTime,
} from '../../src/sheet/calendar';

const SHANGHAI: TimeZone = { name: 'Asia/Shanghai', offsetMinutes: () => 480 };
const NEW_YORK: TimeZone = { name: 'America/New_York', offsetMinutes: () => -240 };
const UTC: TimeZone = { name: 'UTC', offsetMinutes: () => 0 };

const day = (year: number, month: number, date: number) => ({ year, month, day: date });

describe('isDate', () => {
  it('accepts a valid Date', () => {
    expect(isDate(new Date('2024-05-10T02:00:00Z'))).toBe(true);
  });

  it('rejects an invalid Date', () => {
    expect(isDate(new Date('not a date'))).toBe(false);
  });

  it('rejects strings, numbers and empty cells', () => {
    expect(isDate('2024-05-10')).toBe(false);
    expect(isDate(45422)).toBe(false);
    expect(isDate('')).toBe(false);
    expect(isDate(null)).toBe(false);
  });
});

describe('parseOffset', () => {
  it('reads +0800 as 480 minutes', () => {
    expect(parseOffset('+0800')).toBe(480);
  });

  it('reads a negative offset with minutes', () => {
    expect(parseOffset('-0330')).toBe(-210);
  });

  it('accepts a colon between hours and minutes', () => {
    expect(parseOffset('+05:30')).toBe(330);
  });

  it('throws on text that is not an offset', () => {
    expect(() => parseOffset('GMT+8')).toThrow('GMT+8');
  });
});

describe('cachedTimeZone', () => {
  it('returns the offset the lookup gives', () => {
    const zone = cachedTimeZone('Asia/Shanghai', () => 480);
    expect(zone.name).toBe('Asia/Shanghai');
    expect(zone.offsetMinutes(new Date('2024-05-10T02:00:00Z'))).toBe(480);
  });

  it('looks offsets up about once per month when the zone keeps one offset', () => {
    const lookup = jest.fn(() => 480);
    const zone = cachedTimeZone('Asia/Shanghai', lookup);
    for (let day = 1; day <= 31; day++) {
      zone.offsetMinutes(new Date(Date.UTC(2024, 4, day, 5)));
    }
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it('resolves the month of a daylight-saving change by day and hour', () => {
    // New York: UTC-5 until 2024-03-10 07:00 UTC, UTC-4 from then on.
    const change = Date.UTC(2024, 2, 10, 7);
    const zone = cachedTimeZone('America/New_York', (instant) =>
      instant.getTime() < change ? -300 : -240,
    );
    expect(zone.offsetMinutes(new Date(Date.UTC(2024, 2, 1, 12)))).toBe(-300);
    expect(zone.offsetMinutes(new Date(Date.UTC(2024, 2, 10, 6, 59)))).toBe(-300);
    expect(zone.offsetMinutes(new Date(Date.UTC(2024, 2, 10, 7, 1)))).toBe(-240);
    expect(zone.offsetMinutes(new Date(Date.UTC(2024, 2, 20)))).toBe(-240);
  });
});

describe('zonedTime and calendarDateOf', () => {
  it('gives the wall-clock time in the zone', () => {
    expect(zonedTime(new Date('2024-05-10T02:30:15Z'), SHANGHAI)).toEqual({
      year: 2024,
      month: 5,
      day: 10,
      hour: 10,
      minute: 30,
      second: 15,
    });
  });

  it('is already the next day in Shanghai shortly before midnight UTC', () => {
    expect(calendarDateOf(new Date('2024-05-31T16:30:00Z'), SHANGHAI)).toEqual(day(2024, 6, 1));
    expect(calendarDateOf(new Date('2024-05-31T16:30:00Z'), UTC)).toEqual(day(2024, 5, 31));
  });

  it('is already the next year in Shanghai on the evening of 31 December UTC', () => {
    expect(calendarDateOf(new Date('2024-12-31T17:00:00Z'), SHANGHAI)).toEqual(day(2025, 1, 1));
  });

  it('is still the previous day in New York shortly after midnight UTC', () => {
    expect(calendarDateOf(new Date('2024-06-01T02:00:00Z'), NEW_YORK)).toEqual(day(2024, 5, 31));
  });

  it('uses the offset the zone gives for that instant', () => {
    const switching: TimeZone = {
      name: 'Test/Switch',
      offsetMinutes: (instant) => (instant.getTime() < Date.UTC(2024, 2, 10) ? -300 : -240),
    };
    expect(zonedTime(new Date('2024-03-01T12:00:00Z'), switching).hour).toBe(7);
    expect(zonedTime(new Date('2024-03-20T12:00:00Z'), switching).hour).toBe(8);
  });
});

describe('addMonths', () => {
  it('keeps the day of the month', () => {
    expect(addMonths(day(2024, 5, 15), 1)).toEqual(day(2024, 6, 15));
    expect(addMonths(day(2024, 5, 15), 3)).toEqual(day(2024, 8, 15));
  });

  it('clamps 31 January + 1 month to 29 February in a leap year', () => {
    expect(addMonths(day(2024, 1, 31), 1)).toEqual(day(2024, 2, 29));
  });

  it('clamps 31 January + 1 month to 28 February in a common year', () => {
    expect(addMonths(day(2023, 1, 31), 1)).toEqual(day(2023, 2, 28));
  });

  it('clamps 31 March + 1 month to 30 April', () => {
    expect(addMonths(day(2024, 3, 31), 1)).toEqual(day(2024, 4, 30));
  });

  it('clamps 30 November + 3 months to the last day of February', () => {
    expect(addMonths(day(2024, 11, 30), 3)).toEqual(day(2025, 2, 28));
    expect(addMonths(day(2023, 11, 30), 3)).toEqual(day(2024, 2, 29));
  });

  it('rolls over into the next year', () => {
    expect(addMonths(day(2024, 12, 15), 1)).toEqual(day(2025, 1, 15));
    expect(addMonths(day(2024, 10, 31), 3)).toEqual(day(2025, 1, 31));
  });

  it('goes back with a negative number of months', () => {
    expect(addMonths(day(2024, 1, 15), -1)).toEqual(day(2023, 12, 15));
    expect(addMonths(day(2024, 3, 31), -1)).toEqual(day(2024, 2, 29));
  });
});

describe('compareDates', () => {
  it('orders by year, then month, then day', () => {
    expect(compareDates(day(2024, 5, 10), day(2024, 5, 10))).toBe(0);
    expect(compareDates(day(2024, 5, 9), day(2024, 5, 10))).toBeLessThan(0);
    expect(compareDates(day(2024, 6, 1), day(2024, 5, 31))).toBeGreaterThan(0);
    expect(compareDates(day(2023, 12, 31), day(2024, 1, 1))).toBeLessThan(0);
  });
});

describe('daysBetween', () => {
  it('counts whole calendar days', () => {
    expect(daysBetween(day(2024, 5, 1), day(2024, 5, 10))).toBe(9);
    expect(daysBetween(day(2024, 5, 10), day(2024, 5, 10))).toBe(0);
  });

  it('counts 29 February in a leap year', () => {
    expect(daysBetween(day(2024, 2, 28), day(2024, 3, 1))).toBe(2);
    expect(daysBetween(day(2023, 2, 28), day(2023, 3, 1))).toBe(1);
  });

  it('is negative when the second date is earlier', () => {
    expect(daysBetween(day(2024, 5, 10), day(2024, 5, 1))).toBe(-9);
  });
});

describe('formatCalendarDate', () => {
  it('writes YYYY-MM-DD with zero padding', () => {
    expect(formatCalendarDate(day(2024, 8, 1))).toBe('2024-08-01');
    expect(formatCalendarDate(day(2024, 12, 31))).toBe('2024-12-31');
  });
});

describe('addDays, weekdayOf and mondayOf', () => {
  it('moves across months, years and a leap day', () => {
    expect(addDays({ year: 2024, month: 2, day: 28 }, 1)).toEqual({
      year: 2024,
      month: 2,
      day: 29,
    });
    expect(addDays({ year: 2024, month: 12, day: 31 }, 1)).toEqual({
      year: 2025,
      month: 1,
      day: 1,
    });
    expect(addDays({ year: 2024, month: 3, day: 1 }, -1)).toEqual({
      year: 2024,
      month: 2,
      day: 29,
    });
  });

  it('starts weeks on Monday, a Sunday closing the week before', () => {
    // 10 May 2024 was a Friday.
    expect(weekdayOf({ year: 2024, month: 5, day: 10 })).toBe(5);
    expect(mondayOf({ year: 2024, month: 5, day: 10 })).toEqual({ year: 2024, month: 5, day: 6 });
    expect(mondayOf({ year: 2024, month: 5, day: 12 })).toEqual({ year: 2024, month: 5, day: 6 });
    expect(mondayOf({ year: 2024, month: 5, day: 13 })).toEqual({ year: 2024, month: 5, day: 13 });
    expect(mondayOf({ year: 2024, month: 1, day: 3 })).toEqual({ year: 2024, month: 1, day: 1 });
  });
});
