// Outcome analysis (SPEC §6) over a hand-worked dataset: every expected figure is derived in comments.

import { type AnalysisInput, analyse } from '../../../src/method/analysis/analysis';
import { touchesOf } from '../../../src/method/followUp/touches';
import { CONVERSION_COLUMNS, FOLLOWUP_COLUMNS, LEAD_COLUMNS } from '../../../src/sheet/tabs';

const DAY_MS = 24 * 3_600_000;
const NOW = new Date('2024-06-30T04:00:00Z');
/** `n` days before NOW (negative: after). */
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY_MS);

type Row = Record<string, unknown>;
const blankRow = (keys: readonly { key: string }[]): Row =>
  Object.fromEntries(keys.map((c) => [c.key, '']));

/** A full Leads row, blank but for the given cells, with made-up customer details to look for. */
const lead = (id: string, cells: Row): Row => ({
  ...blankRow(LEAD_COLUMNS),
  id,
  contact: `Contact ${id} 王五`,
  phone: `1380000${id.padStart(4, '0')}`,
  company: `Company ${id} 有限公司`,
  ...cells,
});
const followUp = (leadId: string, time: Date): Row => ({
  ...blankRow(FOLLOWUP_COLUMNS),
  leadId,
  time,
  content: `Called ${leadId}`,
});
const conversion = (leadId: string, cells: Row): Row => ({
  ...blankRow(CONVERSION_COLUMNS),
  leadId,
  ...cells,
});

/*
 * NOW = 2024-06-30 04:00Z; a 30-day window starts at NOW − 30 × 24 h. "dN" below is N days before NOW.
 *
 * id   source (key)         grade owner  entered status (outcome)         SLA due / first contact
 * L1   展会 (tradeShow)      A     张三   d20     成交 (won: nurturing→won)  d19 / d19.5      met
 * L2   Trade show           A     张三   d25     Won (won)                  d24 / d23        missed
 * L3   展会                  B     Li Si  d18     未成交 (notWon, 预算不足)  d16 / d17        met
 * L4   官网表单 (website)    B     Li Si  d15     blank = New                d13 / —          missed (due passed)
 * L5   Website form         C     张三   d12     Lost (lost, competitor)    d9 / d10         met
 * L6   官网表单              C     张三   d10     重点跟进 (key follow-up)    d7 / d8          met
 * L7   客户推荐 (referral)   D     Li Si  d1      新线索                      NOW+2d / —       open
 * L8   客户推荐              —     Li Si  d5      成交, no Conversions row   none             —
 * L9   展会                  A     Li Si  d8      Following up               d7 / follow-up d6.5 missed
 * L10  Website form         D     张三   d22     Not won (free-text reason) d19 / d18        missed
 * L12  客户推荐              C     张三   d6      流失 (lost, Budget too low) d3 / d4          met
 * L13  展会                  A     张三   d45     成交 (won, cycle 30)        d44 / d44.5      met   ← outside 30 days
 * L11  展会 (Pool, no owner) B     —      d28     培育中 (nurturing)          d26 / d27        met
 *
 * Next follow-up due: L6 d1 and L9 d0.5 (both past NOW), L12 d1 (but L12 is closed).
 */
const LEADS: Row[] = [
  lead('L1', {
    source: '展会',
    grade: 'A',
    owner: '张三',
    enteredAt: daysAgo(20),
    firstContactDue: daysAgo(19),
    firstContactAt: daysAgo(19.5),
    status: '成交',
  }),
  lead('L2', {
    source: 'Trade show',
    grade: 'A',
    owner: '张三',
    enteredAt: daysAgo(25),
    firstContactDue: daysAgo(24),
    firstContactAt: daysAgo(23),
    status: 'Won',
  }),
  lead('L3', {
    source: '展会',
    grade: 'B',
    owner: 'Li Si',
    enteredAt: daysAgo(18),
    firstContactDue: daysAgo(16),
    firstContactAt: daysAgo(17),
    status: '未成交',
  }),
  lead('L4', {
    source: '官网表单',
    grade: 'B',
    owner: 'Li Si',
    enteredAt: daysAgo(15),
    firstContactDue: daysAgo(13),
  }),
  lead('L5', {
    source: 'Website form',
    grade: 'C',
    owner: '张三',
    enteredAt: daysAgo(12),
    firstContactDue: daysAgo(9),
    firstContactAt: daysAgo(10),
    status: 'Lost',
  }),
  lead('L6', {
    source: '官网表单',
    grade: 'C',
    owner: '张三',
    enteredAt: daysAgo(10),
    firstContactDue: daysAgo(7),
    firstContactAt: daysAgo(8),
    nextFollowUpDue: daysAgo(1),
    status: '重点跟进',
  }),
  lead('L7', {
    source: '客户推荐',
    grade: 'D',
    owner: 'Li Si',
    enteredAt: daysAgo(1),
    firstContactDue: daysAgo(-2),
    status: '新线索',
  }),
  lead('L8', { source: '客户推荐', owner: 'Li Si', enteredAt: daysAgo(5), status: '成交' }),
  lead('L9', {
    source: '展会',
    grade: 'A',
    owner: 'Li Si',
    enteredAt: daysAgo(8),
    firstContactDue: daysAgo(7),
    nextFollowUpDue: daysAgo(0.5),
    status: 'Following up',
  }),
  lead('L10', {
    source: 'Website form',
    grade: 'D',
    owner: '张三',
    enteredAt: daysAgo(22),
    firstContactDue: daysAgo(19),
    firstContactAt: daysAgo(18),
    status: 'Not won',
  }),
  lead('L12', {
    source: '客户推荐',
    grade: 'C',
    owner: '张三',
    enteredAt: daysAgo(6),
    firstContactDue: daysAgo(3),
    firstContactAt: daysAgo(4),
    nextFollowUpDue: daysAgo(1),
    status: '流失',
  }),
  lead('L13', {
    source: '展会',
    grade: 'A',
    owner: '张三',
    enteredAt: daysAgo(45),
    firstContactDue: daysAgo(44),
    firstContactAt: daysAgo(44.5),
    status: '成交',
  }),
];

const POOL: Row[] = [
  {
    ...lead('L11', {
      source: '展会',
      grade: 'B',
      enteredAt: daysAgo(28),
      firstContactDue: daysAgo(26),
      firstContactAt: daysAgo(27),
      status: '培育中',
    }),
    pooledAt: daysAgo(3),
    poolReason: '7天未跟进',
    previousOwner: '张三',
    recycleCount: 1,
  },
];

// L9 has no First contact at: its only contact is this follow-up, half a day after its due.
const FOLLOW_UPS: Row[] = [
  followUp('L1', daysAgo(19.5)),
  followUp('L2', daysAgo(23)),
  followUp('L9', daysAgo(6.5)),
];

// L1's won row comes first in the sheet, but it is the latest by Decided at, so L1 counts as won.
const CONVERSIONS: Row[] = [
  conversion('L1', { result: '成交', amount: 60, decidedAt: daysAgo(9.8), summary: '王五签约' }),
  conversion('L1', { result: '培育中', cycleDays: 5, decidedAt: daysAgo(15) }),
  conversion('L2', { result: 'Won', amount: 30, cycleDays: 12, decidedAt: daysAgo(13) }),
  conversion('L3', { result: '未成交', reason: '预算不足', decidedAt: daysAgo(12) }),
  conversion('L5', { result: 'Lost', reason: 'Chose a competitor', decidedAt: daysAgo(5) }),
  conversion('L10', { result: 'Not won', reason: '客户说再看看', decidedAt: daysAgo(10) }),
  conversion('L12', { result: '流失', reason: 'Budget too low', decidedAt: daysAgo(2) }),
  conversion('L11', { result: '培育中', decidedAt: daysAgo(20) }),
  conversion('L13', { result: '成交', amount: 80, cycleDays: 30, decidedAt: daysAgo(15) }),
];

const input = (windowDays: number): AnalysisInput => ({
  leads: LEADS,
  pool: POOL,
  followUps: touchesOf(FOLLOW_UPS),
  conversions: CONVERSIONS,
  now: NOW,
  windowDays,
});

describe('analyse over a 30-day window', () => {
  const result = analyse(input(30));

  it('converts by source, grouping both languages and listing sources in the order first seen', () => {
    // tradeShow: L1 won, L2 won, L3, L9, L11 (pool)  → 5 leads, 2 won
    // website:   L4, L5, L6, L10                     → 4 leads, 0 won
    // referral:  L7, L8 won (status only), L12       → 3 leads, 1 won
    // L13 is outside the window.
    expect(result.bySource).toEqual([
      { key: 'tradeShow', leads: 5, won: 2, rate: expect.closeTo(2 / 5) },
      { key: 'website', leads: 4, won: 0, rate: 0 },
      { key: 'referral', leads: 3, won: 1, rate: expect.closeTo(1 / 3) },
    ]);
  });

  it('groups sources matching the Settings list however typed as one channel', () => {
    const typed = ['google', 'Google', 'Ｇｏｏｇｌｅ', ' goo gle '].map((source, i) =>
      lead(`G${i}`, { source, enteredAt: daysAgo(1) }),
    );
    const grouped = analyse({ ...input(30), leads: typed, pool: [], sources: ['Google'] });
    expect(grouped.bySource).toEqual([{ key: 'Google', leads: 4, won: 0, rate: 0 }]);
  });

  it('converts by grade A to D, then ungraded', () => {
    // A: L1 won, L2 won, L9 → 3, 2 won · B: L3, L4, L11 → 3 · C: L5, L6, L12 → 3 · D: L7, L10 → 2
    // ungraded: L8 won → 1 of 1
    expect(result.byGrade).toEqual([
      { key: 'A', leads: 3, won: 2, rate: expect.closeTo(2 / 3) },
      { key: 'B', leads: 3, won: 0, rate: 0 },
      { key: 'C', leads: 3, won: 0, rate: 0 },
      { key: 'D', leads: 2, won: 0, rate: 0 },
      { key: '', leads: 1, won: 1, rate: 1 },
    ]);
  });

  it('takes cycle days from the latest Conversions row, or from the dates rounded down', () => {
    // L1: Cycle blank → decided d9.8 − entered d20 = 10.2 days → 10 (its nurturing row's 5 is not latest)
    // L2: written 12. L8 is won with no Conversions row, so it has no cycle.
    // count 2, mean (10 + 12) / 2 = 11, median of [10, 12] = 11
    expect(result.cycleDays).toEqual({ count: 2, mean: 11, median: 11 });
  });

  it('ranks not-won and lost reasons in either language, keeping free text as its own reason', () => {
    // L3 预算不足 → budget, L5 Chose a competitor → competitor, L10 free text, L12 Budget too low → budget
    // 4 leads with a reason: budget 2/4; competitor and the free text 1/4 each, competitor seen first
    expect(result.topReasons).toEqual([
      { key: 'budget', count: 2, share: 0.5 },
      { key: 'competitor', count: 1, share: 0.25 },
      { key: '客户说再看看', count: 1, share: 0.25 },
    ]);
  });

  it('measures first-contact SLA by grade, counting follow-ups as contact', () => {
    // A: L1 met, L2 missed (late), L9 missed (follow-up d6.5 after due d7) → 1 / 3
    // B: L3 met, L11 met, L4 missed (never contacted, due passed)         → 2 / 3
    // C: L5, L6, L12 met                                                   → 3 / 3
    // D: L10 missed, L7 open (due in 2 days)                               → 0 / 1
    // ungraded: L8 has no First contact due                                → nothing, rate 0
    expect(result.slaByGrade).toEqual([
      { key: 'A', met: 1, missed: 2, open: 0, rate: expect.closeTo(1 / 3) },
      { key: 'B', met: 2, missed: 1, open: 0, rate: expect.closeTo(2 / 3) },
      { key: 'C', met: 3, missed: 0, open: 0, rate: 1 },
      { key: 'D', met: 0, missed: 1, open: 1, rate: 0 },
      { key: '', met: 0, missed: 0, open: 0, rate: 0 },
    ]);
  });

  it('measures first-contact SLA by owner in the order first seen, the pool as no owner', () => {
    // 张三: L1, L5, L6, L12 met; L2, L10 missed           → 4 / 6
    // Li Si: L3 met; L4, L9 missed; L7 open; L8 no due    → 1 / 3
    // '' (pool): L11 met                                  → 1 / 1
    expect(result.slaByOwner).toEqual([
      { key: '张三', met: 4, missed: 2, open: 0, rate: expect.closeTo(2 / 3) },
      { key: 'Li Si', met: 1, missed: 2, open: 1, rate: expect.closeTo(1 / 3) },
      { key: '', met: 1, missed: 0, open: 0, rate: 1 },
    ]);
  });

  it('counts a funnel that never widens', () => {
    // entered 12 · contacted: all but L4 and L7 = 10 (L9 by follow-up, L8 because it was won)
    // key follow-up: L6 by status, L1, L2, L8 won = 4 · won: L1, L2, L8 = 3
    expect(result.funnel).toEqual({ entered: 12, contacted: 10, keyFollowUp: 4, won: 3 });
  });

  it('tabulates owners with SLA met, wins and what is overdue now', () => {
    // 张三: L1 L2 L5 L6 L10 L12 → 6 leads, 4 within SLA, 2 won; overdue: L6 (next follow-up d1);
    //        L12's past next follow-up does not count, it is closed
    // Li Si: L3 L4 L7 L8 L9 → 5 leads, 1 within SLA, 1 won (L8); overdue: L4 (first contact), L9 (next)
    // '': L11 → 1 lead, 1 within SLA, 0 won, nothing due
    expect(result.byOwner).toEqual([
      {
        key: '张三',
        leads: 6,
        contactedWithinSla: 4,
        won: 2,
        rate: expect.closeTo(1 / 3),
        overdueNow: 1,
        claimed: 0,
        claimedWon: 0,
      },
      {
        key: 'Li Si',
        leads: 5,
        contactedWithinSla: 1,
        won: 1,
        rate: expect.closeTo(1 / 5),
        overdueNow: 2,
        claimed: 0,
        claimedWon: 0,
      },
      {
        key: '',
        leads: 1,
        contactedWithinSla: 1,
        won: 0,
        rate: 0,
        overdueNow: 0,
        claimed: 0,
        claimedWon: 0,
      },
    ]);
  });

  it('counts claims from the pool per owner in the window, a win for the last claimer only', () => {
    const claims = [
      { leadId: 'L1', owner: '张三', at: daysAgo(12) },
      { leadId: 'L3', owner: 'Li Si', at: daysAgo(5) },
      { leadId: 'L8', owner: 'Li Si', at: daysAgo(40) },
      { leadId: 'L2', owner: '王五', at: daysAgo(20) },
      { leadId: 'L2', owner: '张三', at: daysAgo(2) },
    ];
    const owners = analyse({ ...input(30), claims }).byOwner.map((row) => [
      row.key,
      row.claimed,
      row.claimedWon,
    ]);
    // L1 and L2 were won; L3 was not; L8's claim is outside the window; 王五 owns no lead now.
    expect(owners).toEqual([
      ['张三', 2, 2],
      ['Li Si', 1, 0],
      ['', 0, 0],
      ['王五', 1, 0],
    ]);
    const allTime = analyse({ ...input(0), claims }).byOwner.find((row) => row.key === 'Li Si');
    expect([allTime?.claimed, allTime?.claimedWon]).toEqual([2, 1]);
  });

  it('holds no contact, phone, company or free-form summary from the sheet', () => {
    const json = JSON.stringify([result, analyse(input(0))]);
    for (const row of [...LEADS, ...POOL]) {
      for (const text of [row.contact, row.phone, row.company]) {
        expect(json).not.toContain(String(text));
      }
    }
    expect(json).not.toContain('王五');
    expect(json).not.toContain('有限公司');
    expect(json).not.toContain('Called');
  });
});

describe('analyse over all time (window 0)', () => {
  const result = analyse(input(0));

  it('includes the lead entered 45 days ago', () => {
    // L13 adds a won grade-A trade-show lead: 13 entered, 4 won
    expect(result.funnel).toEqual({ entered: 13, contacted: 11, keyFollowUp: 5, won: 4 });
    expect(result.bySource[0]).toEqual({ key: 'tradeShow', leads: 6, won: 3, rate: 0.5 });
    expect(result.byGrade[0]).toEqual({ key: 'A', leads: 4, won: 3, rate: 0.75 });
  });

  it('gives mean and median cycle days of all won leads', () => {
    // cycles 10, 12, 30 → mean 52 / 3, median 12
    expect(result.cycleDays.count).toBe(3);
    expect(result.cycleDays.mean).toBeCloseTo(52 / 3);
    expect(result.cycleDays.median).toBe(12);
  });
});

describe('analyse edge cases', () => {
  const empty: AnalysisInput = {
    leads: [],
    pool: [],
    followUps: new Map(),
    conversions: [],
    now: NOW,
    windowDays: 30,
  };

  it('reports zero rates, not NaN, when nothing was entered', () => {
    const result = analyse(empty);
    expect(result.bySource).toEqual([]);
    expect(result.byGrade.map((row) => [row.key, row.leads, row.rate])).toEqual([
      ['A', 0, 0],
      ['B', 0, 0],
      ['C', 0, 0],
      ['D', 0, 0],
    ]);
    expect(result.cycleDays).toEqual({ count: 0, mean: 0, median: 0 });
    expect(result.topReasons).toEqual([]);
    expect(result.funnel).toEqual({ entered: 0, contacted: 0, keyFollowUp: 0, won: 0 });
  });

  it('keeps only the top three reasons, shares still of every reason given', () => {
    const closed = (id: string, reason: string) => ({
      lead: lead(id, { enteredAt: daysAgo(1), status: '流失' }),
      row: conversion(id, { result: '流失', reason, decidedAt: daysAgo(0) }),
    });
    const cases = [
      closed('R1', 'Refused'),
      closed('R2', '客户失联'),
      closed('R3', 'Unreachable'),
      closed('R4', '明确拒绝'),
      closed('R5', 'Need changed'),
      closed('R6', '其他'),
      closed('R7', ''),
    ];
    const result = analyse({
      ...empty,
      leads: cases.map((c) => c.lead),
      conversions: cases.map((c) => c.row),
    });
    // 6 leads give a reason (R7 gives none): refused 2, unreachable 2, needChanged 1, other 1
    expect(result.topReasons).toEqual([
      { key: 'refused', count: 2, share: expect.closeTo(2 / 6) },
      { key: 'unreachable', count: 2, share: expect.closeTo(2 / 6) },
      { key: 'needChanged', count: 1, share: expect.closeTo(1 / 6) },
    ]);
  });

  it('leaves a lead with no readable Entered at out of a window but counts it over all time', () => {
    const undated = lead('U1', { enteredAt: '', status: '成交' });
    expect(analyse({ ...empty, leads: [undated] }).funnel.entered).toBe(0);
    expect(analyse({ ...empty, leads: [undated], windowDays: 0 }).funnel.won).toBe(1);
  });
});
