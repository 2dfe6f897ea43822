// The summary of archived leads: grouping, the rows of its tab, and counting it back in.

import {
  archivedInWindow,
  dayOf,
  inEntryOrder,
  summarise,
} from '../../../src/method/archive/archiveSummary';
import type { TimeZone } from '../../../src/sheet/calendar';
import { archived, facts } from '../../support/archivedLeads';

const SHANGHAI: TimeZone = { name: 'Asia/Shanghai', offsetMinutes: () => 480 };
const DAY = 86_400_000;

describe('summarise', () => {
  it('counts leads sharing every fact once per group, adding their won amounts, in order of first lead', () => {
    const groups = summarise('b1', [
      archived('2022-01-05', facts('展会', 'won', 20), 30),
      archived('2022-01-05', facts('官网表单', 'lost')),
      archived('2022-01-05', facts('展会', 'won', 20), 50),
      archived('2022-01-05', facts('展会', 'won', 21), 10),
    ]);
    expect(groups.map((g) => [g.facts.source, g.facts.cycleDays, g.leads, g.wonAmount])).toEqual([
      ['展会', 20, 2, 80],
      ['官网表单', undefined, 1, 0],
      ['展会', 21, 1, 10],
    ]);
  });
});

describe('archivedInWindow', () => {
  const now = new Date('2024-05-10T02:00:00Z');
  const groups = summarise('b', [
    archived('2022-01-05', facts('展会', 'won', 20)),
    archived('2024-05-01', facts('展会', 'lost')),
    archived('', facts('展会', 'lost')),
  ]);

  it('counts every archived lead over all time, oldest first, the unreadable day first', () => {
    const { facts: counted, calibration } = archivedInWindow(groups, {
      now,
      windowDays: 0,
      zone: SHANGHAI,
    });
    expect(counted.map((c) => c.enteredFrom)).toEqual([
      undefined,
      Date.parse('2022-01-04T16:00:00Z'),
      Date.parse('2024-04-30T16:00:00Z'),
    ]);
    expect(calibration.map((c) => c.won)).toEqual([true, false, false]);
  });

  it('counts a day any of which is inside the window; an unreadable day only for calibration', () => {
    const { facts: counted, calibration } = archivedInWindow(groups, {
      now,
      windowDays: 30,
      zone: SHANGHAI,
    });
    expect(counted).toHaveLength(1);
    expect(calibration).toHaveLength(2);
  });
});

describe('inEntryOrder', () => {
  it('puts archived leads back before the first tracker lead entered later', () => {
    const a = facts('A', 'won');
    const b = facts('B', 'won');
    const t1 = facts('T1', 'won');
    const t2 = facts('T2', 'won');
    const merged = inEntryOrder(
      [
        { facts: a, enteredFrom: 1 * DAY },
        { facts: b, enteredFrom: 5 * DAY },
      ],
      [
        { facts: t1, enteredAt: 3 * DAY },
        { facts: t2, enteredAt: undefined },
      ],
    );
    expect(merged.map((f) => f.source)).toEqual(['A', 'T1', 'T2', 'B']);
  });
});

describe('dayOf', () => {
  it('is the calendar day in the zone', () => {
    expect(dayOf(new Date('2022-12-31T17:00:00Z'), SHANGHAI)).toBe('2023-01-01');
    expect(dayOf(undefined, SHANGHAI)).toBe('');
  });
});
