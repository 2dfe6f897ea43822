// Cadence compliance per owner over the last 4 full weeks, against hand-worked intervals.

import type { TimeZone } from '../../../src/sheet/calendar';
import {
  type CadenceLead,
  cadenceCompliance,
  cadencePeriod,
} from '../../../src/method/analysis/cadence';
import type { CadenceSettings } from '../../../src/method/followUp/deadlines';

const SHANGHAI: TimeZone = { name: 'Asia/Shanghai', offsetMinutes: () => 480 };
const sh = (text: string) => new Date(`${text}:00+08:00`).getTime();
/** Friday 10 May 2024: the 4 full weeks run Monday 8 April to Monday 6 May. */
const NOW = new Date(sh('2024-05-10 10:00'));
const SETTINGS: CadenceSettings = {
  cadenceDays: { A: 1, B: 2, C: 7 },
  aDailyDays: 14,
  slaClock: 'calendar',
};

function lead(fields: Partial<CadenceLead>): CadenceLead {
  return {
    owner: '李娜',
    grade: 'B',
    keyFollowUp: false,
    firstContactAt: undefined,
    touches: [],
    closedAt: undefined,
    ...fields,
  };
}

const run = (leads: CadenceLead[], settings = SETTINGS) =>
  cadenceCompliance(leads, NOW, SHANGHAI, settings).byOwner;

describe('cadencePeriod', () => {
  it('runs from the Monday 4 weeks back to this Monday, at midnight in the zone', () => {
    const { from, to } = cadencePeriod(NOW, SHANGHAI);
    expect(from.getTime()).toBe(sh('2024-04-08 00:00'));
    expect(to.getTime()).toBe(sh('2024-05-06 00:00'));
  });

  it('on a Monday, ends at that Monday 00:00: the week just begun is not full', () => {
    const { to } = cadencePeriod(new Date(sh('2024-05-06 09:00')), SHANGHAI);
    expect(to.getTime()).toBe(sh('2024-05-06 00:00'));
  });
});

describe('cadenceCompliance', () => {
  it('asks one touch per interval of the cadence and counts those that came in it', () => {
    // B every 2 days from 04-10 10:00: dues 04-12 ✓ (04-11), 04-14 ✗, 04-16 ✓ (09:00), 04-18 ✓
    // (04-17), then 04-20 … 05-04 ✗ (8); 05-06 10:00 is after the period. 12 asked, 3 on time.
    const rows = run([
      lead({
        firstContactAt: sh('2024-04-10 10:00'),
        touches: [
          sh('2024-04-10 10:00'),
          sh('2024-04-11 15:00'),
          sh('2024-04-16 09:00'),
          sh('2024-04-17 10:00'),
        ],
      }),
    ]);
    expect(rows).toEqual([{ owner: '李娜', asked: 12, logged: 4, onTime: 3, rate: 0.25 }]);
  });

  it('keeps A daily for its first days, then at B pace, and skips intervals due before the period', () => {
    // Daily from 03-12 12:00 until 03-26 12:00, then every 2 days: 04-09 12:00 to 05-05 12:00 → 14.
    const rows = run([lead({ owner: '张伟', grade: 'A', firstContactAt: sh('2024-03-12 12:00') })]);
    expect(rows).toEqual([{ owner: '张伟', asked: 14, logged: 0, onTime: 0, rate: 0 }]);
  });

  it('asks daily of a Key follow-up lead whatever its grade', () => {
    // Daily from 04-28 10:00: dues 04-29 … 05-05 10:00 → 7 asked.
    const rows = run([
      lead({ grade: 'C', keyFollowUp: true, firstContactAt: sh('2024-04-28 10:00') }),
    ]);
    expect(rows[0].asked).toBe(7);
  });

  it('asks nothing after the lead was decided', () => {
    // C every 7 days from 04-01 10:00: dues 04-08 10:00, 04-15, 04-22, 04-29; decided 04-20, so
    // 2 asked. The touch of 04-05 came inside the interval due 04-08: that one was on time.
    const rows = run([
      lead({
        grade: 'C',
        firstContactAt: sh('2024-04-01 10:00'),
        touches: [sh('2024-04-05 10:00')],
        closedAt: sh('2024-04-20 10:00'),
      }),
    ]);
    expect(rows).toEqual([{ owner: '李娜', asked: 2, logged: 0, onTime: 1, rate: 0.5 }]);
  });

  it('shows an owner who only logged touches of leads without a cadence with no share (0 of 0)', () => {
    const rows = run([
      lead({
        owner: '王芳',
        grade: 'D',
        firstContactAt: sh('2024-04-22 10:00'),
        touches: [sh('2024-04-22 10:00')],
      }),
    ]);
    expect(rows).toEqual([{ owner: '王芳', asked: 0, logged: 1, onTime: 0, rate: undefined }]);
  });

  it('leaves out unowned leads, leads never contacted, and owners with nothing asked or logged', () => {
    expect(
      run([
        lead({ owner: '', firstContactAt: sh('2024-04-10 10:00') }),
        lead({ owner: '张伟' }),
        lead({ owner: '王芳', grade: 'D', firstContactAt: sh('2024-04-10 10:00') }),
      ]),
    ).toEqual([]);
  });

  it('counts only working days on the working-days clock', () => {
    // B every 2 working days from Friday 04-26 10:00. Sunday 04-28 is a make-up working day and
    // 05-01 to 05-05 the Labour Day holiday: due Monday 04-29 10:00 (the touch at 11:00 is late),
    // then Tuesday 04-30 and Monday 05-06 count, so the next due is after the period.
    const rows = run(
      [lead({ firstContactAt: sh('2024-04-26 10:00'), touches: [sh('2024-04-29 11:00')] })],
      { ...SETTINGS, slaClock: 'workingDays' },
    );
    expect(rows).toEqual([{ owner: '李娜', asked: 1, logged: 1, onTime: 0, rate: 0 }]);
  });
});
