// The bulk cadence clock gives addCadenceDays's answers, and skipping intervals changes no count.

import type { TimeZone } from '../../../src/sheet/calendar';
import { cadenceClock } from '../../../src/method/analysis/cadenceClock';
import { cadenceCompliance, type CadenceLead } from '../../../src/method/analysis/cadence';
import { addCadenceDays } from '../../../src/sheet/workingTime';

const SHANGHAI: TimeZone = { name: 'Asia/Shanghai', offsetMinutes: () => 480 };
const DAY = 86_400_000;
const sh = (text: string) => new Date(`${text}:00+08:00`).getTime();

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('cadenceClock', () => {
  const span = { from: sh('2023-12-01 00:00'), to: sh('2024-12-31 00:00') };

  it.each(['calendar', 'workingDays'] as const)('adds %s days as addCadenceDays does', (kind) => {
    const clock = cadenceClock(kind, SHANGHAI, span);
    const next = random(7);
    for (let i = 0; i < 500; i++) {
      // Times across 2024, holidays and make-up working days included, with stray milliseconds.
      const at = sh('2024-01-01 00:00') + Math.floor(next() * 300 * DAY) + Math.floor(next() * 999);
      const days = 1 + Math.floor(next() * 10);
      expect(clock.after(at, days)).toBe(
        addCadenceDays(new Date(at), days, kind, SHANGHAI).getTime(),
      );
    }
  });

  it('gives up (Infinity) past the span it covers, rather than a wrong day', () => {
    const clock = cadenceClock('workingDays', SHANGHAI, span);
    expect(clock.after(sh('2024-12-30 10:00'), 5)).toBe(Infinity);
  });
});

describe('cadenceCompliance with skipped intervals', () => {
  /** The same count walked interval by interval with addCadenceDays, skipping nothing. */
  function byHand(lead: CadenceLead, from: number, to: number, kind: 'calendar' | 'workingDays') {
    const cadence = { A: 1, B: 2, C: 7 } as const;
    const start = lead.firstContactAt as number;
    const dailyUntil = addCadenceDays(new Date(start), 14, kind, SHANGHAI).getTime();
    let [asked, onTime, at] = [0, 0, start];
    for (;;) {
      const days = lead.grade === 'A' ? (at < dailyUntil ? 1 : 2) : cadence[lead.grade as 'B'];
      const due = addCadenceDays(new Date(at), days, kind, SHANGHAI).getTime();
      if (due > to) break;
      if (due >= from) {
        asked += 1;
        const lower = at;
        if (lead.touches.some((t) => t > lower && t <= due)) onTime += 1;
      }
      at = due;
    }
    return { asked, onTime };
  }

  it.each(['calendar', 'workingDays'] as const)('counts as the plain walk does (%s)', (kind) => {
    const now = new Date(sh('2024-05-10 10:00'));
    const [from, to] = [sh('2024-04-08 00:00'), sh('2024-05-06 00:00')];
    const next = random(11);
    for (let i = 0; i < 60; i++) {
      const start = sh('2024-01-02 09:00') + Math.floor(next() * 120 * DAY);
      const touches = Array.from({ length: 8 }, () => start + Math.floor(next() * 120 * DAY));
      const lead: CadenceLead = {
        owner: 'x',
        grade: (['A', 'B', 'C'] as const)[i % 3],
        keyFollowUp: false,
        firstContactAt: start,
        touches,
        closedAt: undefined,
      };
      const [row] = cadenceCompliance([lead], now, SHANGHAI, {
        cadenceDays: { A: 1, B: 2, C: 7 },
        aDailyDays: 14,
        slaClock: kind,
      }).byOwner;
      const expected = byHand(lead, from, to, kind);
      expect({ asked: row?.asked ?? 0, onTime: row?.onTime ?? 0 }).toEqual(expected);
    }
  });
});
