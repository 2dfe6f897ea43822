// The monthly trend, conversion by rules version and channel cost, against hand-worked figures.

import type { TimeZone } from '../../../src/sheet/calendar';
import {
  byRulesVersion,
  channelCost,
  type DatedLead,
  lastMonths,
  monthlyTrend,
  monthOf,
} from '../../../src/method/analysis/trends';
import { sourceGrouping } from '../../../src/sheet/sources';

const SHANGHAI: TimeZone = { name: 'Asia/Shanghai', offsetMinutes: () => 480 };
const sh = (text: string) => new Date(`${text}:00+08:00`).getTime();
const NOW = new Date(sh('2024-05-10 10:00'));

function lead(fields: Partial<DatedLead>): DatedLead {
  return {
    source: 'tradeShow',
    enteredAt: undefined,
    won: false,
    decided: false,
    hoursToFirstContact: undefined,
    wonAmount: 0,
    rulesVersion: '',
    ...fields,
  };
}

describe('lastMonths and monthOf', () => {
  it('lists the 12 months up to the current one, oldest first, in the zone', () => {
    const months = lastMonths(NOW, SHANGHAI);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2023-06');
    expect(months[11]).toBe('2024-05');
  });

  it('reads the month in the spreadsheet zone: 1 May 00:30 in Shanghai is May, not April', () => {
    expect(monthOf(sh('2024-05-01 00:30'), SHANGHAI)).toBe('2024-05');
  });
});

describe('monthlyTrend', () => {
  const leads = [
    lead({ enteredAt: sh('2024-03-05 10:00'), won: true, hoursToFirstContact: 4 }),
    lead({ enteredAt: sh('2024-03-20 10:00'), hoursToFirstContact: 10 }),
    lead({ source: 'website', enteredAt: sh('2024-03-12 10:00'), hoursToFirstContact: 2 }),
    lead({
      source: 'website',
      enteredAt: sh('2024-04-02 10:00'),
      won: true,
      hoursToFirstContact: 6,
    }),
    // Entered 13 months ago, or unreadable: in no month shown.
    lead({ enteredAt: sh('2023-04-30 10:00'), won: true }),
    lead({ enteredAt: undefined, won: true }),
  ];
  const trend = monthlyTrend(leads, NOW, SHANGHAI);

  it('counts leads, won, conversion and the median hours per month', () => {
    expect(trend.overall[9]).toEqual({
      month: '2024-03',
      leads: 3,
      won: 1,
      rate: 1 / 3,
      medianHoursToFirstContact: 4,
    });
    expect(trend.overall[10]).toEqual({
      month: '2024-04',
      leads: 1,
      won: 1,
      rate: 1,
      medianHoursToFirstContact: 6,
    });
  });

  it('gives an empty month no rate and no median, never 0%', () => {
    expect(trend.overall[11]).toEqual({
      month: '2024-05',
      leads: 0,
      won: 0,
      rate: undefined,
      medianHoursToFirstContact: undefined,
    });
  });

  it('repeats the 12 months for every channel with leads, in the order channels appear', () => {
    expect(trend.byChannel).toHaveLength(24);
    expect(trend.byChannel[9]).toMatchObject({ month: '2024-03', channel: 'tradeShow', leads: 2 });
    expect(trend.byChannel[9].medianHoursToFirstContact).toBe(7);
    expect(trend.byChannel[12 + 10]).toMatchObject({
      month: '2024-04',
      channel: 'website',
      leads: 1,
      won: 1,
      rate: 1,
    });
  });
});

describe('byRulesVersion', () => {
  it('groups leads by version in the order versions were first entered, with won of decided', () => {
    const rows = byRulesVersion([
      lead({ enteredAt: 3, rulesVersion: 'v000002', decided: true }),
      lead({ enteredAt: 1, rulesVersion: 'v000001', decided: true, won: true }),
      lead({ enteredAt: 2, rulesVersion: 'v000001' }),
      lead({ enteredAt: 4, rulesVersion: 'v000002' }),
      lead({ enteredAt: 5, rulesVersion: 'v000002', decided: true, won: true }),
    ]);
    expect(rows).toEqual([
      { version: 'v000001', leads: 2, decided: 1, won: 1, rate: 0.5, decidedRate: 1 },
      { version: 'v000002', leads: 3, decided: 2, won: 1, rate: 1 / 3, decidedRate: 0.5 },
    ]);
  });

  it('has no won-of-decided rate for a version with nothing decided yet', () => {
    expect(byRulesVersion([lead({ rulesVersion: 'v1a2b3c' })])[0].decidedRate).toBeUndefined();
  });
});

describe('channelCost', () => {
  const channelOf = sourceGrouping(['展会', '官网表单']);
  const leads = [
    lead({ source: 'tradeShow', enteredAt: sh('2024-03-05 10:00'), won: true, wonAmount: 60 }),
    lead({ source: 'tradeShow', enteredAt: sh('2024-03-20 10:00') }),
    lead({ source: 'tradeShow', enteredAt: sh('2024-04-15 10:00') }),
    // A month without spend counts neither lead nor cost.
    lead({ source: 'tradeShow', enteredAt: sh('2024-02-15 10:00'), won: true, wonAmount: 99 }),
    lead({ source: 'website', enteredAt: sh('2024-03-12 10:00') }),
  ];

  it('sets each channel spend against its leads of the very months spent in', () => {
    const rows = channelCost(
      leads,
      [
        { channel: '展会', month: '2024-03', amount: 10 },
        { channel: 'Trade show', month: '2024-04', amount: 5 },
        { channel: '官网表单', month: '2024-03', amount: 4 },
        { channel: '电话咨询', month: '2024-03', amount: 2 },
      ],
      channelOf,
      SHANGHAI,
    );
    expect(rows).toEqual([
      {
        channel: 'tradeShow',
        spend: 15,
        leads: 3,
        won: 1,
        wonAmount: 60,
        costPerLead: 5,
        costPerWon: 15,
        returnOnSpend: 4,
      },
      {
        channel: 'website',
        spend: 4,
        leads: 1,
        won: 0,
        wonAmount: 0,
        costPerLead: 4,
        costPerWon: undefined,
        returnOnSpend: 0,
      },
      {
        channel: 'phone',
        spend: 2,
        leads: 0,
        won: 0,
        wonAmount: 0,
        costPerLead: undefined,
        costPerWon: undefined,
        returnOnSpend: 0,
      },
    ]);
  });

  it('gives no return for a channel with nothing spent', () => {
    const [row] = channelCost(
      leads,
      [{ channel: '展会', month: '2024-03', amount: 0 }],
      channelOf,
      SHANGHAI,
    );
    expect(row.returnOnSpend).toBeUndefined();
    expect(row.costPerLead).toBe(0);
  });
});
