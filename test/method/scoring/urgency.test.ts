// Urgency derived from Expected close against today (SPEC §2), with month-end clamping.

import type { CalendarDate } from '../../../src/sheet/calendar';
import { urgencyFor } from '../../../src/method/scoring/urgency';

const day = (year: number, month: number, date: number): CalendarDate => ({
  year,
  month,
  day: date,
});

describe('urgencyFor', () => {
  const today = day(2024, 5, 15);

  it('is Within 1 month when closing today', () => {
    expect(urgencyFor(day(2024, 5, 15), today)).toBe('within1Month');
  });

  it('is Within 1 month on the same day next month', () => {
    expect(urgencyFor(day(2024, 6, 15), today)).toBe('within1Month');
  });

  it('is 1-3 months one day after the same day next month', () => {
    expect(urgencyFor(day(2024, 6, 16), today)).toBe('oneToThreeMonths');
  });

  it('is 1-3 months on the same day three months on', () => {
    expect(urgencyFor(day(2024, 8, 15), today)).toBe('oneToThreeMonths');
  });

  it('is Over 3 months one day after the same day three months on', () => {
    expect(urgencyFor(day(2024, 8, 16), today)).toBe('over3Months');
  });

  it('is Over 3 months far in the future', () => {
    expect(urgencyFor(day(2026, 1, 1), today)).toBe('over3Months');
  });

  it('is Within 1 month when the expected close has already passed', () => {
    expect(urgencyFor(day(2024, 5, 14), today)).toBe('within1Month');
    expect(urgencyFor(day(2023, 1, 1), today)).toBe('within1Month');
  });

  describe('from 31 January in a leap year', () => {
    const jan31 = day(2024, 1, 31);

    it('is Within 1 month on 29 February (31 Jan + 1 month)', () => {
      expect(urgencyFor(day(2024, 2, 29), jan31)).toBe('within1Month');
    });

    it('is 1-3 months on 1 March', () => {
      expect(urgencyFor(day(2024, 3, 1), jan31)).toBe('oneToThreeMonths');
    });
  });

  describe('from 31 January in a common year', () => {
    const jan31 = day(2023, 1, 31);

    it('is Within 1 month on 28 February (31 Jan + 1 month)', () => {
      expect(urgencyFor(day(2023, 2, 28), jan31)).toBe('within1Month');
    });

    it('is 1-3 months on 1 March', () => {
      expect(urgencyFor(day(2023, 3, 1), jan31)).toBe('oneToThreeMonths');
    });
  });

  it('clamps the three-month bound: from 30 November it ends on the last day of February', () => {
    const nov30 = day(2024, 11, 30);
    expect(urgencyFor(day(2025, 2, 28), nov30)).toBe('oneToThreeMonths');
    expect(urgencyFor(day(2025, 3, 1), nov30)).toBe('over3Months');
  });

  it('counts across the turn of the year', () => {
    const dec15 = day(2024, 12, 15);
    expect(urgencyFor(day(2025, 1, 15), dec15)).toBe('within1Month');
    expect(urgencyFor(day(2025, 1, 16), dec15)).toBe('oneToThreeMonths');
    expect(urgencyFor(day(2025, 3, 15), dec15)).toBe('oneToThreeMonths');
    expect(urgencyFor(day(2025, 3, 16), dec15)).toBe('over3Months');
  });
});
