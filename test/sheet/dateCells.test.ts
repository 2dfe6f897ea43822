// Date cells as people fill them in: real dates, text dates in every form, serial numbers, months.

import type { TimeZone } from '../../src/sheet/calendar';
import { readCalendarDate, readDate } from '../../src/sheet/dateCells';

const SHANGHAI: TimeZone = { name: 'Asia/Shanghai', offsetMinutes: () => 480 };
const UTC: TimeZone = { name: 'UTC', offsetMinutes: () => 0 };

const day = (year: number, month: number, date: number) => ({ year, month, day: date });
const iso = (value: unknown, zone: TimeZone = SHANGHAI) => readDate(value, zone)?.toISOString();

describe('readDate', () => {
  it('returns a real Date as it is', () => {
    const date = new Date('2024-05-01T01:30:00Z');
    expect(readDate(date, SHANGHAI)).toBe(date);
  });

  it.each([
    ['2024-05-01', '2024-04-30T16:00:00.000Z'],
    ['2024/5/1', '2024-04-30T16:00:00.000Z'],
    ['2024.5.1', '2024-04-30T16:00:00.000Z'],
    ['2024年5月1日', '2024-04-30T16:00:00.000Z'],
    ['2024年5月1号', '2024-04-30T16:00:00.000Z'],
    ['2024-05-01 9:30', '2024-05-01T01:30:00.000Z'],
    ['2024/5/1 09:30:15', '2024-05-01T01:30:15.000Z'],
    ['2024.5.1 9:30', '2024-05-01T01:30:00.000Z'],
    ['2024年5月1日 9:30', '2024-05-01T01:30:00.000Z'],
    ['2024年5月1日09:30:15', '2024-05-01T01:30:15.000Z'],
    ['2024-05-01T09:30', '2024-05-01T01:30:00.000Z'],
    [' 2024 / 5 / 1 ', '2024-04-30T16:00:00.000Z'],
  ])('reads %p as wall time in the spreadsheet zone', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('reads full-width digits and colons', () => {
    expect(iso('２０２４年５月１日　９：３０')).toBe('2024-05-01T01:30:00.000Z');
  });

  it('reads the same text in another zone as wall time there', () => {
    expect(iso('2024-05-01 09:30', UTC)).toBe('2024-05-01T09:30:00.000Z');
  });

  it('reads a serial number, its fraction a time of day', () => {
    expect(iso(45413)).toBe('2024-04-30T16:00:00.000Z');
    expect(iso(45413.5)).toBe('2024-05-01T04:00:00.000Z');
    expect(iso('45413')).toBe('2024-04-30T16:00:00.000Z');
  });

  it.each(['下周', 'next week', '2024-02-30', '2024-05-01 25:00', '2024-5/1', '15/08/2024', '-3'])(
    'cannot read %p',
    (text) => {
      expect(readDate(text, SHANGHAI)).toBeUndefined();
    },
  );

  it('reads a month alone only when asked', () => {
    expect(readDate('2024-08', SHANGHAI)).toBeUndefined();
    expect(readDate('2024-08', SHANGHAI, { months: true })?.toISOString()).toBe(
      '2024-07-31T16:00:00.000Z',
    );
  });

  it('reads blanks and other values as no date', () => {
    expect(readDate('', SHANGHAI)).toBeUndefined();
    expect(readDate(null, SHANGHAI)).toBeUndefined();
    expect(readDate(true, SHANGHAI)).toBeUndefined();
    expect(readDate(0, SHANGHAI)).toBeUndefined();
  });
});

describe('readCalendarDate', () => {
  it('reads 2024-08-15', () => {
    expect(readCalendarDate('2024-08-15', SHANGHAI)).toEqual(day(2024, 8, 15));
  });

  it('reads 2024/8/15', () => {
    expect(readCalendarDate('2024/8/15', SHANGHAI)).toEqual(day(2024, 8, 15));
  });

  it('reads 2024年8月15日', () => {
    expect(readCalendarDate('2024年8月15日', SHANGHAI)).toEqual(day(2024, 8, 15));
  });

  it('reads the month 2024-08 as the 1st of that month', () => {
    expect(readCalendarDate('2024-08', SHANGHAI)).toEqual(day(2024, 8, 1));
  });

  it('reads the month 2024年8月 as the 1st of that month', () => {
    expect(readCalendarDate('2024年8月', SHANGHAI)).toEqual(day(2024, 8, 1));
  });

  it('ignores spaces around the text', () => {
    expect(readCalendarDate('  2024-08-15 ', SHANGHAI)).toEqual(day(2024, 8, 15));
  });

  it('reads a Date as its calendar date in the zone', () => {
    const instant = new Date('2024-08-14T16:30:00Z');
    expect(readCalendarDate(instant, SHANGHAI)).toEqual(day(2024, 8, 15));
    expect(readCalendarDate(instant, UTC)).toEqual(day(2024, 8, 14));
  });

  it.each(['2024-02-30', '2023-02-29', '2024-13', '2024年0月', 'next month', '', '15/08/2024'])(
    'cannot read %p',
    (text) => {
      expect(readCalendarDate(text, SHANGHAI)).toBeUndefined();
    },
  );

  it('accepts 29 February in a leap year', () => {
    expect(readCalendarDate('2024-02-29', SHANGHAI)).toEqual(day(2024, 2, 29));
  });

  it('reads a serial number as the day it counts to from 1899-12-30', () => {
    expect(readCalendarDate(45422, SHANGHAI)).toEqual(day(2024, 5, 10));
  });

  it('cannot read empty cells or invalid Dates', () => {
    expect(readCalendarDate(null, SHANGHAI)).toBeUndefined();
    expect(readCalendarDate(new Date('nope'), SHANGHAI)).toBeUndefined();
  });
});
