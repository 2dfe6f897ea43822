// China's working days (holidays and 调休 make-up days) and SLA / cadence arithmetic on them.

import { type CalendarDate, type TimeZone, zonedTime } from '../../src/sheet/calendar';
import { addCadenceDays, addSlaHours, instantOf, isWorkingDay } from '../../src/sheet/workingTime';

const SHANGHAI: TimeZone = { name: 'Asia/Shanghai', offsetMinutes: () => 480 };

/** New York in 2024: EST (UTC-5) until 10 March 07:00 UTC, EDT (UTC-4) until 3 November 06:00 UTC. */
const SPRING_FORWARD = Date.UTC(2024, 2, 10, 7);
const FALL_BACK = Date.UTC(2024, 10, 3, 6);
const NEW_YORK: TimeZone = {
  name: 'America/New_York',
  offsetMinutes: (instant) =>
    instant.getTime() >= SPRING_FORWARD && instant.getTime() < FALL_BACK ? -240 : -300,
};

/** A wall-clock time in Shanghai, e.g. `shanghai('2024-10-11 10:00')`. */
const shanghai = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

const day = (text: string): CalendarDate => {
  const [year, month, date] = text.split('-').map(Number);
  return { year, month, day: date };
};

const workingDays = (from: Date, hours: number) =>
  addSlaHours(from, hours, 'workingDays', SHANGHAI);

describe('isWorkingDay', () => {
  it('counts Monday to Friday as working days', () => {
    for (const date of ['2024-05-20', '2024-05-21', '2024-05-22', '2024-05-23', '2024-05-24']) {
      expect(isWorkingDay(day(date))).toBe(true);
    }
  });

  it('counts an ordinary Saturday and Sunday as days off', () => {
    expect(isWorkingDay(day('2024-05-18'))).toBe(false);
    expect(isWorkingDay(day('2024-05-19'))).toBe(false);
  });

  describe('National Day 2024', () => {
    it('takes 1 to 7 October off', () => {
      for (let date = 1; date <= 7; date++) {
        expect(isWorkingDay({ year: 2024, month: 10, day: date })).toBe(false);
      }
    });

    it('works the make-up Sunday 29 September and Saturday 12 October', () => {
      expect(isWorkingDay(day('2024-09-29'))).toBe(true);
      expect(isWorkingDay(day('2024-10-12'))).toBe(true);
    });

    it('works the days either side of the holiday', () => {
      expect(isWorkingDay(day('2024-09-30'))).toBe(true);
      expect(isWorkingDay(day('2024-10-08'))).toBe(true);
    });

    it('keeps the Sunday after the make-up Saturday off', () => {
      expect(isWorkingDay(day('2024-10-13'))).toBe(false);
    });
  });

  describe('Spring Festival 2024', () => {
    it('takes 10 to 17 February off', () => {
      for (let date = 10; date <= 17; date++) {
        expect(isWorkingDay({ year: 2024, month: 2, day: date })).toBe(false);
      }
    });

    it('works the make-up Sundays 4 and 18 February', () => {
      expect(isWorkingDay(day('2024-02-04'))).toBe(true);
      expect(isWorkingDay(day('2024-02-18'))).toBe(true);
    });

    it('works Friday 9 February, the eve, which was not a public holiday in 2024', () => {
      expect(isWorkingDay(day('2024-02-09'))).toBe(true);
    });
  });
});

describe('instantOf', () => {
  it('reads a wall-clock time in a fixed-offset zone exactly', () => {
    const local = { year: 2024, month: 10, day: 11, hour: 10, minute: 30, second: 15 };
    expect(instantOf(local, SHANGHAI)).toEqual(new Date('2024-10-11T02:30:15Z'));
  });

  it('is the inverse of zonedTime', () => {
    const instant = new Date('2024-12-31T20:59:59Z');
    expect(instantOf(zonedTime(instant, SHANGHAI), SHANGHAI)).toEqual(instant);
  });

  it('uses the offset in force before a daylight-saving change', () => {
    const local = { year: 2024, month: 3, day: 10, hour: 1, minute: 30, second: 0 };
    expect(instantOf(local, NEW_YORK)).toEqual(new Date('2024-03-10T06:30:00Z'));
  });

  it('uses the new offset just after a daylight-saving change', () => {
    const local = { year: 2024, month: 3, day: 10, hour: 3, minute: 30, second: 0 };
    expect(instantOf(local, NEW_YORK)).toEqual(new Date('2024-03-10T07:30:00Z'));
  });
});

describe('addSlaHours on the calendar clock', () => {
  it('adds the hours straight through weekends', () => {
    expect(addSlaHours(shanghai('2024-05-17 16:00'), 24, 'calendar', SHANGHAI)).toEqual(
      shanghai('2024-05-18 16:00'),
    );
  });

  it('adds the hours straight through public holidays', () => {
    expect(addSlaHours(shanghai('2024-09-30 10:00'), 48, 'calendar', SHANGHAI)).toEqual(
      shanghai('2024-10-02 10:00'),
    );
  });
});

describe('addSlaHours on the working-days clock', () => {
  it('adds hours within one working day', () => {
    expect(workingDays(shanghai('2024-05-20 09:00'), 4)).toEqual(shanghai('2024-05-20 13:00'));
  });

  it('carries Friday 16:00 + 24 h over the weekend to Monday 16:00', () => {
    expect(workingDays(shanghai('2024-05-17 16:00'), 24)).toEqual(shanghai('2024-05-20 16:00'));
  });

  it('starts the clock at 00:00 of the next working day for a lead assigned on a Saturday', () => {
    expect(workingDays(shanghai('2024-05-18 10:00'), 8)).toEqual(shanghai('2024-05-20 08:00'));
    expect(workingDays(shanghai('2024-05-18 10:00'), 24)).toEqual(shanghai('2024-05-21 00:00'));
  });

  it('counts several working days, skipping the weekend in between', () => {
    // Wednesday 09:00 leaves 15 h, Thursday and Friday 48 h; the last 9 h fall on Monday.
    expect(workingDays(shanghai('2024-05-15 09:00'), 72)).toEqual(shanghai('2024-05-20 09:00'));
  });

  it('skips the National Day holiday: 30 September 10:00 + 24 h is 8 October 10:00', () => {
    expect(workingDays(shanghai('2024-09-30 10:00'), 24)).toEqual(shanghai('2024-10-08 10:00'));
  });

  it('counts the make-up Saturday: Friday 11 October 10:00 + 24 h is Saturday 12 October 10:00', () => {
    expect(workingDays(shanghai('2024-10-11 10:00'), 24)).toEqual(shanghai('2024-10-12 10:00'));
  });

  it('skips the Spring Festival and lands on the make-up Sunday 18 February', () => {
    expect(workingDays(shanghai('2024-02-09 10:00'), 24)).toEqual(shanghai('2024-02-18 10:00'));
  });

  it('counts the make-up Sunday 4 February for a lead assigned on the Saturday before', () => {
    expect(workingDays(shanghai('2024-02-03 12:00'), 10)).toEqual(shanghai('2024-02-04 10:00'));
  });

  it('skips a one-day holiday on a Monday (Dragon Boat Festival, 10 June 2024)', () => {
    expect(workingDays(shanghai('2024-06-07 16:00'), 24)).toEqual(shanghai('2024-06-11 16:00'));
  });

  it('ends at midnight when the hours run out with the last working day before a holiday', () => {
    expect(workingDays(shanghai('2024-09-30 00:00'), 24)).toEqual(shanghai('2024-10-01 00:00'));
  });

  it('keeps fractions of an hour', () => {
    expect(workingDays(shanghai('2024-05-20 09:00'), 1.5)).toEqual(shanghai('2024-05-20 10:30'));
  });

  it('takes working days as whole local days in the zone', () => {
    // 20:00 UTC on Friday is 04:00 on Saturday in Shanghai, so nothing counts until Monday.
    const start = new Date('2024-05-17T20:00:00Z');
    expect(workingDays(start, 1)).toEqual(shanghai('2024-05-20 01:00'));
    expect(addSlaHours(start, 1, 'workingDays', { name: 'UTC', offsetMinutes: () => 0 })).toEqual(
      new Date('2024-05-17T21:00:00Z'),
    );
  });

  it('keeps the wall-clock time across a daylight-saving change', () => {
    // Friday 16:00 EST + 24 working hours is Monday 16:00 EDT, one hour less in UTC terms.
    const start = new Date('2024-03-08T21:00:00Z');
    expect(addSlaHours(start, 24, 'workingDays', NEW_YORK)).toEqual(
      new Date('2024-03-11T20:00:00Z'),
    );
  });

  it('rejects an infinite number of hours instead of looping forever', () => {
    expect(() => workingDays(shanghai('2024-05-20 09:00'), Infinity)).toThrow(RangeError);
    expect(() => workingDays(shanghai('2024-05-20 09:00'), NaN)).toThrow(RangeError);
  });
});

describe('addCadenceDays', () => {
  it('adds whole 24-hour days on the calendar clock, weekends included', () => {
    expect(addCadenceDays(shanghai('2024-05-17 15:30'), 2, 'calendar', SHANGHAI)).toEqual(
      shanghai('2024-05-19 15:30'),
    );
  });

  it('moves Friday + 1 working day to Monday at the same time', () => {
    expect(addCadenceDays(shanghai('2024-05-17 15:30'), 1, 'workingDays', SHANGHAI)).toEqual(
      shanghai('2024-05-20 15:30'),
    );
  });

  it('moves a Saturday follow-up + 1 working day to Monday', () => {
    expect(addCadenceDays(shanghai('2024-05-18 10:00'), 1, 'workingDays', SHANGHAI)).toEqual(
      shanghai('2024-05-20 10:00'),
    );
  });

  it('counts 7 working days over a weekend', () => {
    expect(addCadenceDays(shanghai('2024-05-20 10:00'), 7, 'workingDays', SHANGHAI)).toEqual(
      shanghai('2024-05-29 10:00'),
    );
  });

  it('skips the National Day holiday', () => {
    expect(addCadenceDays(shanghai('2024-09-30 09:00'), 1, 'workingDays', SHANGHAI)).toEqual(
      shanghai('2024-10-08 09:00'),
    );
  });

  it('counts the make-up Saturday after National Day', () => {
    expect(addCadenceDays(shanghai('2024-10-11 09:00'), 1, 'workingDays', SHANGHAI)).toEqual(
      shanghai('2024-10-12 09:00'),
    );
  });

  it('skips the Spring Festival and counts the make-up Sunday after it', () => {
    expect(addCadenceDays(shanghai('2024-02-08 09:00'), 2, 'workingDays', SHANGHAI)).toEqual(
      shanghai('2024-02-18 09:00'),
    );
  });

  it('keeps the milliseconds of the start', () => {
    const from = new Date('2024-05-17T07:30:00.250Z');
    expect(addCadenceDays(from, 1, 'workingDays', SHANGHAI)).toEqual(
      new Date('2024-05-20T07:30:00.250Z'),
    );
  });

  it('rejects an infinite number of days instead of looping forever', () => {
    expect(() =>
      addCadenceDays(shanghai('2024-05-20 09:00'), Infinity, 'workingDays', SHANGHAI),
    ).toThrow(RangeError);
  });
});
