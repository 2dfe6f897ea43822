// First-contact and next-follow-up deadlines (SPEC §4) and when they count as overdue.

import type { TimeZone } from '../../../src/sheet/calendar';
import {
  type CadenceSettings,
  type FollowUpState,
  type SlaSettings,
  firstContactDue,
  isFirstContactOverdue,
  isFollowUpOverdue,
  nextFollowUpDue,
} from '../../../src/method/followUp/deadlines';

const SHANGHAI: TimeZone = { name: 'Asia/Shanghai', offsetMinutes: () => 480 };

/** A wall-clock time in Shanghai, e.g. `shanghai('2024-05-15 10:00')`. */
const shanghai = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

const SLA: SlaSettings = { slaHours: { A: 24, B: 48, C: 72 }, slaClock: 'calendar' };
const CADENCE: CadenceSettings = {
  cadenceDays: { A: 1, B: 2, C: 7 },
  aDailyDays: 14,
  slaClock: 'calendar',
};

const next = (input: Partial<FollowUpState>, settings: CadenceSettings = CADENCE) =>
  nextFollowUpDue({ grade: 'B', status: 'followingUp', ...input }, settings, SHANGHAI);

describe('firstContactDue', () => {
  const assignedAt = shanghai('2024-05-15 10:00');

  it('gives A leads 24 hours', () => {
    expect(firstContactDue(assignedAt, 'A', SLA, SHANGHAI)).toEqual(shanghai('2024-05-16 10:00'));
  });

  it('gives B leads 48 hours', () => {
    expect(firstContactDue(assignedAt, 'B', SLA, SHANGHAI)).toEqual(shanghai('2024-05-17 10:00'));
  });

  it('gives C leads 72 hours, weekend included on the calendar clock', () => {
    expect(firstContactDue(assignedAt, 'C', SLA, SHANGHAI)).toEqual(shanghai('2024-05-18 10:00'));
  });

  it('gives D leads no first-contact deadline', () => {
    expect(firstContactDue(assignedAt, 'D', SLA, SHANGHAI)).toBeUndefined();
  });

  it('uses the SLA hours from Settings', () => {
    const settings: SlaSettings = { ...SLA, slaHours: { A: 4, B: 48, C: 72 } };
    expect(firstContactDue(assignedAt, 'A', settings, SHANGHAI)).toEqual(
      shanghai('2024-05-15 14:00'),
    );
  });

  describe('on the working-days clock', () => {
    const settings: SlaSettings = { ...SLA, slaClock: 'workingDays' };

    it('carries an A lead assigned Friday 16:00 to Monday 16:00', () => {
      expect(firstContactDue(shanghai('2024-05-17 16:00'), 'A', settings, SHANGHAI)).toEqual(
        shanghai('2024-05-20 16:00'),
      );
    });

    it('carries a C lead over the weekend', () => {
      expect(firstContactDue(assignedAt, 'C', settings, SHANGHAI)).toEqual(
        shanghai('2024-05-20 10:00'),
      );
    });

    it('skips the National Day holiday', () => {
      expect(firstContactDue(shanghai('2024-09-30 10:00'), 'A', settings, SHANGHAI)).toEqual(
        shanghai('2024-10-08 10:00'),
      );
    });

    it('still gives D leads no deadline', () => {
      expect(firstContactDue(assignedAt, 'D', settings, SHANGHAI)).toBeUndefined();
    });
  });
});

describe('nextFollowUpDue', () => {
  const last = shanghai('2024-05-15 10:00');

  it('uses the date the follow-up form gave, ahead of the cadence', () => {
    const givenNext = shanghai('2024-05-25 09:00');
    expect(next({ lastFollowUpAt: last, givenNext })).toEqual(givenNext);
  });

  it('uses the given date even for a D lead', () => {
    const givenNext = shanghai('2024-06-01 09:00');
    expect(next({ lastFollowUpAt: last, givenNext, grade: 'D' })).toEqual(givenNext);
  });

  it('adds the B cadence (2 days) to the last follow-up', () => {
    expect(next({ lastFollowUpAt: last, grade: 'B' })).toEqual(shanghai('2024-05-17 10:00'));
  });

  it('adds the C cadence (7 days) to the last follow-up', () => {
    expect(next({ lastFollowUpAt: last, grade: 'C' })).toEqual(shanghai('2024-05-22 10:00'));
  });

  it('has no date for a lead never followed up: the first-contact deadline governs', () => {
    expect(next({ grade: 'A' })).toBeUndefined();
  });

  it('has no cadence for a D lead', () => {
    expect(next({ lastFollowUpAt: last, grade: 'D' })).toBeUndefined();
  });

  it('has no cadence for a lead not graded yet', () => {
    expect(next({ lastFollowUpAt: last, grade: undefined })).toBeUndefined();
  });

  it.each(['won', 'notWon', 'lost'] as const)('has no date once the lead is %s', (status) => {
    const givenNext = shanghai('2024-05-25 09:00');
    expect(next({ lastFollowUpAt: last, givenNext, grade: 'A', status })).toBeUndefined();
  });

  it('keeps following up a lead whose status is unreadable', () => {
    expect(next({ lastFollowUpAt: last, grade: 'B', status: undefined })).toEqual(
      shanghai('2024-05-17 10:00'),
    );
  });

  describe('A leads', () => {
    const firstContactAt = shanghai('2024-05-01 10:00');

    it('are followed up daily within aDailyDays of the first contact', () => {
      const lastFollowUpAt = shanghai('2024-05-10 10:00');
      expect(next({ lastFollowUpAt, firstContactAt, grade: 'A' })).toEqual(
        shanghai('2024-05-11 10:00'),
      );
    });

    it('are still daily on the last moment of the daily period', () => {
      const lastInPeriod = shanghai('2024-05-15 09:59');
      expect(next({ lastFollowUpAt: lastInPeriod, firstContactAt, grade: 'A' })).toEqual(
        shanghai('2024-05-16 09:59'),
      );
    });

    it("switch to B's cadence once aDailyDays have passed since the first contact", () => {
      const afterPeriod = shanghai('2024-05-15 10:00');
      expect(next({ lastFollowUpAt: afterPeriod, firstContactAt, grade: 'A' })).toEqual(
        shanghai('2024-05-17 10:00'),
      );
    });

    it('use the aDailyDays from Settings', () => {
      const settings = { ...CADENCE, aDailyDays: 3 };
      const lastFollowUpAt = shanghai('2024-05-04 10:00');
      expect(next({ lastFollowUpAt, firstContactAt, grade: 'A' }, settings)).toEqual(
        shanghai('2024-05-06 10:00'),
      );
    });

    it('stay daily when the first contact is unknown, counting from the last follow-up', () => {
      expect(next({ lastFollowUpAt: last, grade: 'A' })).toEqual(shanghai('2024-05-16 10:00'));
    });
  });

  describe('Key follow-up', () => {
    const firstContactAt = shanghai('2024-05-01 10:00');
    const lateFollowUp = shanghai('2024-05-20 10:00');

    it('keeps an A lead daily after 14 days', () => {
      expect(
        next({ lastFollowUpAt: lateFollowUp, firstContactAt, grade: 'A', status: 'keyFollowUp' }),
      ).toEqual(shanghai('2024-05-21 10:00'));
    });

    it('makes a B lead daily', () => {
      expect(next({ lastFollowUpAt: last, grade: 'B', status: 'keyFollowUp' })).toEqual(
        shanghai('2024-05-16 10:00'),
      );
    });

    it('makes even a D lead daily, as a person chose to push it', () => {
      expect(next({ lastFollowUpAt: last, grade: 'D', status: 'keyFollowUp' })).toEqual(
        shanghai('2024-05-16 10:00'),
      );
    });
  });

  describe('on the working-days clock', () => {
    const settings: CadenceSettings = { ...CADENCE, slaClock: 'workingDays' };

    it('moves a daily follow-up from Friday to Monday', () => {
      const friday = shanghai('2024-05-17 18:00');
      expect(next({ lastFollowUpAt: friday, grade: 'A' }, settings)).toEqual(
        shanghai('2024-05-20 18:00'),
      );
    });

    it('counts the make-up Sunday before National Day and skips the holiday', () => {
      const makeUpSunday = shanghai('2024-09-29 10:00');
      expect(next({ lastFollowUpAt: makeUpSunday, grade: 'B' }, settings)).toEqual(
        shanghai('2024-10-08 10:00'),
      );
    });

    it('counts the daily period of A leads in working days', () => {
      // 14 working days from Monday 13 May run to Friday 31 May.
      const firstContactAt = shanghai('2024-05-13 10:00');
      const thursday = shanghai('2024-05-30 10:00');
      const friday = shanghai('2024-05-31 10:00');
      expect(next({ lastFollowUpAt: thursday, firstContactAt, grade: 'A' }, settings)).toEqual(
        friday,
      );
      expect(next({ lastFollowUpAt: friday, firstContactAt, grade: 'A' }, settings)).toEqual(
        shanghai('2024-06-04 10:00'),
      );
    });

    it('counts a make-up Saturday inside the daily period', () => {
      // From Monday 6 May, 14 working days include Saturday 11 May and end on Thursday 23 May.
      const firstContactAt = shanghai('2024-05-06 10:00');
      const thursday = shanghai('2024-05-23 10:00');
      expect(next({ lastFollowUpAt: thursday, firstContactAt, grade: 'A' }, settings)).toEqual(
        shanghai('2024-05-27 10:00'),
      );
    });
  });
});

describe('isFirstContactOverdue', () => {
  const due = shanghai('2024-05-16 10:00');

  it('is not overdue before or at the due time', () => {
    expect(isFirstContactOverdue(due, undefined, shanghai('2024-05-16 09:59'))).toBe(false);
    expect(isFirstContactOverdue(due, undefined, due)).toBe(false);
  });

  it('is overdue after the due time without a first contact', () => {
    expect(isFirstContactOverdue(due, undefined, new Date(due.getTime() + 1))).toBe(true);
  });

  it('is not overdue once the first contact has happened, even late', () => {
    const lateContact = shanghai('2024-05-17 10:00');
    expect(isFirstContactOverdue(due, lateContact, shanghai('2024-05-18 10:00'))).toBe(false);
  });

  it('is never overdue without a due time (grade D)', () => {
    expect(isFirstContactOverdue(undefined, undefined, shanghai('2030-01-01 00:00'))).toBe(false);
  });
});

describe('isFollowUpOverdue', () => {
  const due = shanghai('2024-05-17 10:00');

  it('is not overdue at the due time', () => {
    expect(isFollowUpOverdue(due, due)).toBe(false);
  });

  it('is overdue strictly after the due time', () => {
    expect(isFollowUpOverdue(due, new Date(due.getTime() + 1))).toBe(true);
  });

  it('is never overdue without a due time', () => {
    expect(isFollowUpOverdue(undefined, shanghai('2030-01-01 00:00'))).toBe(false);
  });
});
