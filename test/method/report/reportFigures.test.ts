// The periodic report's figures: counts against the period before, small groups hidden.

import { reportFigures } from '../../../src/method/report/reportFigures';
import type { ReportRange } from '../../../src/method/report/reportPeriod';

const DAY = 86_400_000;
const range = (from: string, days: number): ReportRange => {
  const start = new Date(`${from}T00:00:00+08:00`);
  return {
    first: { year: 0, month: 1, day: 1 },
    last: { year: 0, month: 1, day: 1 },
    start,
    end: new Date(start.getTime() + days * DAY),
  };
};
const WEEK = range('2024-05-06', 7);
const BEFORE = range('2024-04-29', 7);
const inWeek = (day: number) => new Date(WEEK.start.getTime() + day * DAY + 3_600_000);
const inBefore = (day: number) => new Date(BEFORE.start.getTime() + day * DAY + 3_600_000);

function lead(id: string, enteredAt: Date, fields: Record<string, unknown> = {}) {
  return {
    id,
    enteredAt,
    status: '跟进中',
    firstContactDue: new Date(enteredAt.getTime() + DAY),
    firstContactAt: new Date(enteredAt.getTime() + 3_600_000),
    company: `Company ${id}`,
    ...fields,
  };
}

const conversion = (leadId: string, result: string, decidedAt: Date, extra = {}) => ({
  leadId,
  result,
  decidedAt,
  ...extra,
});

describe('reportFigures', () => {
  const leads = [
    ...Array.from({ length: 8 }, (_, i) => lead(`W${i}`, inWeek(i % 7))),
    ...Array.from({ length: 3 }, (_, i) => lead(`B${i}`, inBefore(i))),
  ];
  const conversions = [
    ...['W0', 'W1', 'W2', 'W3', 'W4'].map((id, i) =>
      conversion(id, 'won', inWeek(6), { amount: 10 * (i + 1) }),
    ),
    // Decided in the week, entered before: counts as won this week, not in this week's cohort.
    conversion('B0', 'won', inWeek(1), { amount: 7 }),
    ...['W5', 'W6'].map((id) => conversion(id, 'lost', inWeek(5), { reason: '预算不足' })),
  ];
  const figures = reportFigures(
    { leads, followUps: new Map(), conversions, now: new Date(WEEK.end.getTime() + DAY) },
    WEEK,
    BEFORE,
  );

  it("counts the week's new leads and the deals won in the week, with their amount", () => {
    expect(figures.current.newLeads).toBe(8);
    expect(figures.current.won).toBe(6);
    expect(figures.current.wonAmount).toBe(157);
  });

  it("gives the conversion of the week's own leads so far", () => {
    expect(figures.current.conversion).toBeCloseTo(5 / 8);
  });

  it('hides every figure resting on fewer than 5 leads, as the leadership copy does', () => {
    expect(figures.previous.newLeads).toBeNaN();
    expect(figures.previous.conversion).toBeNaN();
    expect(figures.previous.won).toBeNaN();
  });

  it('lists only reasons given by 5 or more leads', () => {
    expect(figures.topReasons).toEqual([]);
    const many = reportFigures(
      {
        leads,
        followUps: new Map(),
        conversions: Array.from({ length: 6 }, (_, i) =>
          conversion(`W${i}`, 'notWon', inWeek(2), { reason: i < 5 ? '预算不足' : 'Acme said no' }),
        ),
        now: WEEK.end,
      },
      WEEK,
      BEFORE,
    );
    expect(many.topReasons).toEqual([{ key: 'budget', count: 5, share: 5 / 6 }]);
  });

  it("measures first-contact SLA compliance of the week's leads", () => {
    expect(figures.current.slaCompliance).toBe(1);
  });
});
