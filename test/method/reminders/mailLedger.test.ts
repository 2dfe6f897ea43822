// The saved mail ledger: lossless packing, old lists still read, and a year of runs within budget.

import { calendarDateOf, formatCalendarDate, type TimeZone } from '../../../src/sheet/calendar';
import { selectListed } from '../../../src/method/reminders/digestOrder';
import { failureMailKey, packLedger, unpackLedger } from '../../../src/method/reminders/mailLedger';
import {
  planReminders,
  pruneLedger,
  type PlannedReminder,
} from '../../../src/method/reminders/reminderPlan';
import type { TeamMember } from '../../../src/method/settings/settings';
import { utf8ByteLength } from '../../../src/method/reminders/webhooks';

const SHANGHAI: TimeZone = { name: 'Asia/Shanghai', offsetMinutes: () => 480 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const roundTrip = (keys: string[]) => unpackLedger(JSON.parse(JSON.stringify(packLedger(keys))));
const sorted = (keys: Iterable<string>) => [...keys].sort();

describe('packLedger and unpackLedger', () => {
  it('give back exactly the keys they were given', () => {
    const keys = [
      'fo|2024-05-10|202405001-展会',
      'fo|2024-05-10|202405002-展会',
      'fo|2024-05-10|202405004-展会',
      'fo|2024-05-10|2024051000-展会',
      'sb|2024-05-10|202405001-展会',
      'as|1715306400000|202405003-官网表单',
      'fd|2024-05-10|CRM-0042',
      'fd|2024-05-10|CRM-42',
      'fd|2024-05-10|0',
      'fd|2024-05-10|007',
      'uo|2024-05-10|no digits at all',
      'uo|2024-05-10|L1|with|bars',
      'uo|2024-05-10|12345678901234567890',
      'uo|2024-05-10|',
      'er|2024-05-10|1x9k2a',
    ];
    expect(sorted(roundTrip(keys))).toEqual(sorted(keys));
  });

  it('keeps each key once', () => {
    const key = 'fo|2024-05-10|202405001-展会';
    expect(roundTrip([key, key])).toEqual([key]);
  });

  it('drops keys without kind and stamp, which the ledger never holds', () => {
    expect(roundTrip(['junk', 'fo|only-two'])).toEqual([]);
  });

  it('stores a day of 2,000 numbered leads in a few bytes', () => {
    const keys = Array.from(
      { length: 2000 },
      (_, i) => `fo|2024-05-10|2024050${String(i + 1).padStart(4, '0')}-展会`,
    );
    const plainBytes = utf8ByteLength(JSON.stringify(keys));
    const packedBytes = utf8ByteLength(JSON.stringify(packLedger(keys)));
    expect(plainBytes).toBeGreaterThan(50_000);
    expect(packedBytes).toBeLessThan(100);
    expect(sorted(roundTrip(keys))).toEqual(sorted(keys));
  });

  it('still reads the plain list of keys saved before packing', () => {
    expect(unpackLedger(['fo|2024-05-10|L1', 7, 'sb|2024-05-10|L2'])).toEqual([
      'fo|2024-05-10|L1',
      'sb|2024-05-10|L2',
    ]);
  });

  it('reads damaged values as an empty or partial ledger instead of failing', () => {
    expect(unpackLedger(null)).toEqual([]);
    expect(unpackLedger('text')).toEqual([]);
    expect(unpackLedger({ v: 1, g: null })).toEqual([]);
    const families = [
      'kept',
      ['', '', 3, [1, 2]],
      ['', '', 99, 'B'],
      ['', '', 3, 'not digits!'],
      ['', '', 3, 'Bg'],
      ['', '', 3, 'B'],
      42,
    ];
    expect(unpackLedger({ v: 1, g: { 'fo|d': families, 'sb|d': 'x' } })).toEqual(['fo|d|kept']);
  });

  it('does not expand a damaged run that claims endless keys', () => {
    expect(unpackLedger({ v: 1, g: { 'fo|d': [['L', '', 15, 'BzzzzzzA']] } })).toEqual([]);
  });
});

describe('failureMailKey', () => {
  it('is the same for the same message on the same day, and differs otherwise', () => {
    const key = failureMailKey('2024-05-10', 'Settings!B7: pool days must be a whole number');
    expect(key).toBe(failureMailKey('2024-05-10', 'Settings!B7: pool days must be a whole number'));
    expect(key).not.toBe(
      failureMailKey('2024-05-11', 'Settings!B7: pool days must be a whole number'),
    );
    expect(key).not.toBe(failureMailKey('2024-05-10', 'Settings!B8: SLA hours'));
    expect(key).toMatch(/^er\|2024-05-10\|[0-9a-z]+$/);
  });

  it('is forgotten the next day', () => {
    const key = failureMailKey('2024-05-10', 'boom');
    expect(pruneLedger([key], new Date('2024-05-10T15:00:00Z'), SHANGHAI)).toEqual([key]);
    expect(pruneLedger([key], new Date('2024-05-10T16:00:00Z'), SHANGHAI)).toEqual([]);
  });
});

/** A small seeded generator, so that the simulated year is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEAM: TeamMember[] = Array.from({ length: 10 }, (_, k) => ({
  name: `销售${k}`,
  email: `sales${k}@example.com`,
  role: 'sales',
  active: true,
}));
const SOURCES = ['展会', '官网表单', '电话咨询'];
const SLA_HOURS: Record<string, number> = { A: 24, B: 48, C: 72 };
const CADENCE_DAYS: Record<string, number> = { A: 1, B: 2, C: 7 };
const POOL_MS = 7 * DAY;

/** A Leads or Pool row the simulation changes as time passes. */
type SimCells = Record<string, unknown> & { status: unknown };

/** One simulated lead: its Leads cells, and when its owner will touch it or close it. */
interface SimLead {
  cells: SimCells;
  touches: number[];
  /** How many of `touches` have happened. */
  done: number;
  closeAt?: number;
  cadenceMs?: number;
}

/**
 * A year of a busy team: new leads grow from 20 to 200 a day, assigned round-robin; most are
 * contacted in time, some late, some never (and go to the pool); follow-ups are often late; about
 * half close. The runs mirror notify(): plan, list at most 200 per recipient, record the listed.
 */
class SimulatedYear {
  private readonly random = seeded(20240101);
  private open: SimLead[] = [];
  private pool: SimCells[] = [];
  private readonly sequences = new Map<string, number>();
  private saved: unknown = [];
  /** Keys mailed in the last days, longer than any key can matter, to catch a second mailing. */
  private readonly recentlyMailed = new Map<string, number>();
  maxLedgerBytes = 0;
  mailedTwice = 0;
  itemsMailed = 0;

  constructor(private readonly start: Date) {}

  /** Day `day` of `days`, with a run at each of `runHours` (Shanghai time). */
  runDay(day: number, days: number, runHours: readonly number[]): void {
    const perDay = Math.round(20 + (180 * day) / (days - 1));
    runHours.forEach((hour, at) => {
      // Shanghai is UTC+8.
      const now = this.start.getTime() + day * DAY + (hour - 8) * HOUR;
      const arriving =
        Math.floor(((at + 1) * perDay) / runHours.length) -
        Math.floor((at * perDay) / runHours.length);
      for (let i = 0; i < arriving; i++) this.open.push(this.newLead(now));
      this.advance(now);
      this.remind(new Date(now), at === 0 ? day : undefined);
    });
  }

  private newLead(now: number): SimLead {
    const r = this.random;
    const date = calendarDateOf(new Date(now), SHANGHAI);
    const month = `${date.year}${String(date.month).padStart(2, '0')}`;
    const sequence = (this.sequences.get(month) ?? 0) + 1;
    this.sequences.set(month, sequence);
    const source = SOURCES[Math.floor(r() * SOURCES.length)];
    const roll = r();
    const grade = roll < 0.3 ? 'A' : roll < 0.7 ? 'B' : roll < 0.9 ? 'C' : 'D';
    const slaMs = (SLA_HOURS[grade] ?? 0) * HOUR;
    const cadenceMs = CADENCE_DAYS[grade] ? CADENCE_DAYS[grade] * DAY : undefined;
    const touches: number[] = [];
    const contact = r();
    if (grade !== 'D' && contact < 0.85) {
      let at = now + (contact < 0.6 ? r() * slaMs : slaMs + HOUR + r() * 72 * HOUR);
      while (cadenceMs && touches.length < 12) {
        touches.push(at);
        at += cadenceMs + (r() < 0.7 ? -r() * cadenceMs * 0.5 : HOUR + r() * 3 * DAY);
      }
    }
    return {
      cells: {
        id: `${month}${String(sequence).padStart(3, '0')}-${source}`,
        grade,
        company: '某某科技有限公司',
        contact: '王经理',
        owner: TEAM[sequence % TEAM.length].name,
        status: '新线索',
        assignedAt: new Date(now),
        firstContactDue: slaMs ? new Date(now + slaMs) : '',
        firstContactAt: '',
        lastFollowUpAt: '',
        nextFollowUpDue: '',
      },
      touches,
      done: 0,
      closeAt: r() < 0.7 ? now + (3 + r() * 27) * DAY : undefined,
      cadenceMs,
    };
  }

  /** Brings every lead to `now`: touches made, leads closed, stale leads moved to the pool. */
  private advance(now: number): void {
    const stillOpen: SimLead[] = [];
    for (const lead of this.open) {
      const before = lead.done;
      while (lead.done < lead.touches.length && lead.touches[lead.done] <= now) lead.done++;
      const last = lead.done > 0 ? lead.touches[lead.done - 1] : undefined;
      if (last !== undefined && lead.cadenceMs && lead.done !== before) {
        lead.cells.status = '跟进中';
        lead.cells.firstContactAt = new Date(lead.touches[0]);
        lead.cells.lastFollowUpAt = new Date(last);
        lead.cells.nextFollowUpDue = new Date(last + lead.cadenceMs);
      }
      if (lead.closeAt !== undefined && lead.closeAt <= now) continue;
      const since = last ?? (lead.cells.assignedAt as Date).getTime();
      if (now - since > POOL_MS) {
        this.pool.push({
          ...lead.cells,
          owner: '',
          previousOwner: lead.cells.owner,
          pooledAt: new Date(now),
          poolReason: '7天未跟进',
        });
        continue;
      }
      stillOpen.push(lead);
    }
    this.open = stillOpen;
    // Pool rows older than the news window call for nothing more.
    this.pool = this.pool.filter((row) => now - (row.pooledAt as Date).getTime() <= 3 * DAY);
  }

  private remind(now: Date, failureDay?: number): void {
    const ledger = unpackLedger(this.saved);
    const plan = planReminders(
      this.open.map((lead) => lead.cells),
      this.pool,
      { team: TEAM },
      now,
      SHANGHAI,
      new Set(ledger),
    );
    const listedKeys = [...plan.owners.values(), { reminders: plan.managers }].flatMap((entry) =>
      listedOf(entry.reminders),
    );
    if (failureDay !== undefined) {
      for (const [key, at] of this.recentlyMailed) {
        if (now.getTime() - at > 4 * DAY) this.recentlyMailed.delete(key);
      }
      // A failure or two most days, each mailed once that day.
      const today = formatCalendarDate(calendarDateOf(now, SHANGHAI));
      for (let k = 0; k < 1 + (failureDay % 3); k++) {
        listedKeys.push(failureMailKey(today, `Settings!B${k + 2}: failure on day ${failureDay}`));
      }
    }
    for (const key of listedKeys) {
      if (this.recentlyMailed.has(key)) this.mailedTwice++;
      this.recentlyMailed.set(key, now.getTime());
    }
    this.itemsMailed += listedKeys.length;
    this.saved = JSON.parse(
      JSON.stringify(packLedger(pruneLedger([...ledger, ...listedKeys], now, SHANGHAI))),
    );
    this.maxLedgerBytes = Math.max(this.maxLedgerBytes, utf8ByteLength(JSON.stringify(this.saved)));
  }
}

/** What one digest lists, as notify() chooses it. */
function listedOf(reminders: readonly PlannedReminder[]): string[] {
  const items = reminders.map((r) => r.item);
  return selectListed(items, () => ({ text: 100, html: 100 })).map((at) => reminders[at].key);
}

describe('the mail ledger over a year', () => {
  /** The property store holds 500 KB in all; the product keeps all its state under 100 KB. */
  const LEDGER_BUDGET_BYTES = 20 * 1024;

  it('stays under 20 KB through a year of daily runs growing to 200 new leads a day, then a day of hourly runs, and mails nothing twice', () => {
    const days = 365;
    const year = new SimulatedYear(new Date('2024-01-01T00:00:00Z'));
    for (let day = 0; day < days - 1; day++) year.runDay(day, days, [10]);
    // The busiest day ends the year: every hour from 08:00 to 20:00.
    year.runDay(days - 1, days, [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(year.itemsMailed).toBeGreaterThan(100_000);
    expect(year.mailedTwice).toBe(0);
    expect(year.maxLedgerBytes).toBeLessThan(LEDGER_BUDGET_BYTES);
  });
});
