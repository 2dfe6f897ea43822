// When the periodic report is due and which weeks or months it compares.

import { formatCalendarDate, type TimeZone } from '../../../src/sheet/calendar';
import { reportKeyAt, reportPeriodAt } from '../../../src/method/report/reportPeriod';

const SHANGHAI: TimeZone = { name: 'Asia/Shanghai', offsetMinutes: () => 480 };
/** A wall-clock time in Shanghai. */
const at = (local: string) => new Date(`${local}:00+08:00`);

const days = (period: ReturnType<typeof reportPeriodAt>) =>
  period && [
    formatCalendarDate(period.current.first),
    formatCalendarDate(period.current.last),
    formatCalendarDate(period.previous.first),
    formatCalendarDate(period.previous.last),
  ];

describe('reportPeriodAt weekly', () => {
  it('from Monday 09:00 reports the week before against the week before that', () => {
    const period = reportPeriodAt(at('2024-05-13T09:00'), SHANGHAI, 'weekly');
    expect(period?.key).toBe('week:2024-05-13');
    expect(days(period)).toEqual(['2024-05-06', '2024-05-12', '2024-04-29', '2024-05-05']);
    expect(period?.current.start.toISOString()).toBe('2024-05-05T16:00:00.000Z');
    expect(period?.current.end.toISOString()).toBe('2024-05-12T16:00:00.000Z');
  });

  it('before 09:00 on Monday the previous week is still the one to send', () => {
    expect(reportKeyAt(at('2024-05-13T08:59'), SHANGHAI, 'weekly')).toBe('week:2024-05-06');
  });

  it('keeps one key from Monday 09:00 to the next Monday 09:00, Sunday included', () => {
    for (const time of [
      '2024-05-14T03:00',
      '2024-05-17T23:00',
      '2024-05-19T22:00',
      '2024-05-20T08:00',
    ])
      expect(reportKeyAt(at(time), SHANGHAI, 'weekly')).toBe('week:2024-05-13');
  });
});

describe('reportPeriodAt monthly', () => {
  it('from the 1st 09:00 reports the month before against the one before that', () => {
    const period = reportPeriodAt(at('2024-03-01T09:00'), SHANGHAI, 'monthly');
    expect(period?.key).toBe('month:2024-03');
    expect(days(period)).toEqual(['2024-02-01', '2024-02-29', '2024-01-01', '2024-01-31']);
  });

  it('before 09:00 on the 1st, and across the new year, the previous month', () => {
    const period = reportPeriodAt(at('2025-01-01T08:00'), SHANGHAI, 'monthly');
    expect(period?.key).toBe('month:2024-12');
    expect(days(period)).toEqual(['2024-11-01', '2024-11-30', '2024-10-01', '2024-10-31']);
  });
});

it('has no period when the report is off', () => {
  expect(reportPeriodAt(at('2024-05-13T09:00'), SHANGHAI, 'off')).toBeUndefined();
  expect(reportKeyAt(at('2024-05-13T09:00'), SHANGHAI, 'off')).toBeUndefined();
});
