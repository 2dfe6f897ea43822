// The time axis of the analysis (SPEC §14): a monthly trend by month of Entered at, conversion by the
// scoring-rules version each lead was first graded under, and cost per channel from Settings' spend.

import { addMonths, calendarDateOf, type TimeZone } from '../../sheet/calendar';
import type { ChannelSpend } from '../settings/settings';
import { foldSource } from '../../sheet/sources';
import { median } from './statistics';

/** What the time-axis tables need of one lead; its identity is already dropped. */
export interface DatedLead {
  /** The source grouped as the channel tables group it ('' when blank). */
  readonly source: string;
  /** Entered at, in ms; undefined when unreadable (such a lead is in no month). */
  readonly enteredAt: number | undefined;
  readonly won: boolean;
  /** Won, Not won or Lost. */
  readonly decided: boolean;
  /** Hours from Assigned at to the first contact; undefined when either is unknown. */
  readonly hoursToFirstContact: number | undefined;
  /** The won deal's amount (万); 0 when not won or not given. */
  readonly wonAmount: number;
  /** The rules version the lead was first graded under; '' when its breakdown names none. */
  readonly rulesVersion: string;
}

/** One month, overall (channel undefined) or of one channel. */
export interface TrendRow {
  /** `YYYY-MM` in the spreadsheet's zone. */
  readonly month: string;
  readonly channel?: string;
  readonly leads: number;
  readonly won: number;
  /** won ÷ leads; undefined when the month has no leads (shown as —, never 0%). */
  readonly rate: number | undefined;
  /** Median hours from assignment to first contact of the month's leads that have both. */
  readonly medianHoursToFirstContact: number | undefined;
}

export interface Trend {
  readonly overall: readonly TrendRow[];
  /** Each channel with leads in the months shown, all its months, in the order channels first appear. */
  readonly byChannel: readonly TrendRow[];
}

export const TREND_MONTHS = 12;

const pad = (n: number) => String(n).padStart(2, '0');

/** The month `YYYY-MM` of an instant in `zone`. */
export function monthOf(ms: number, zone: TimeZone): string {
  const date = calendarDateOf(new Date(ms), zone);
  return `${date.year}-${pad(date.month)}`;
}

/** The last `count` calendar months up to and including the current one, oldest first. */
export function lastMonths(now: Date, zone: TimeZone, count: number = TREND_MONTHS): string[] {
  const today = calendarDateOf(now, zone);
  const months: string[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const date = addMonths({ ...today, day: 1 }, -back);
    months.push(`${date.year}-${pad(date.month)}`);
  }
  return months;
}

function trendRow(month: string, leads: readonly DatedLead[], channel?: string): TrendRow {
  const won = leads.filter((lead) => lead.won).length;
  const hours = leads
    .map((lead) => lead.hoursToFirstContact)
    .filter((h): h is number => h !== undefined);
  return {
    month,
    ...(channel === undefined ? {} : { channel }),
    leads: leads.length,
    won,
    rate: leads.length === 0 ? undefined : won / leads.length,
    medianHoursToFirstContact: median(hours),
  };
}

/** Leads, won, conversion and median hours to first contact per month, overall and by channel. */
export function monthlyTrend(leads: readonly DatedLead[], now: Date, zone: TimeZone): Trend {
  const months = lastMonths(now, zone);
  const shown = new Set(months);
  const byMonth = new Map<string, DatedLead[]>(months.map((m) => [m, []]));
  const channels = new Map<string, Map<string, DatedLead[]>>();
  for (const lead of leads) {
    if (lead.enteredAt === undefined) continue;
    const month = monthOf(lead.enteredAt, zone);
    if (!shown.has(month)) continue;
    byMonth.get(month)?.push(lead);
    let channel = channels.get(lead.source);
    if (!channel) {
      channel = new Map(months.map((m) => [m, []]));
      channels.set(lead.source, channel);
    }
    channel.get(month)?.push(lead);
  }
  return {
    overall: months.map((month) => trendRow(month, byMonth.get(month) ?? [])),
    byChannel: [...channels].flatMap(([channel, perMonth]) =>
      months.map((month) => trendRow(month, perMonth.get(month) ?? [], channel)),
    ),
  };
}

export interface RulesVersionRow {
  /** '' for leads graded before versions were recorded. */
  readonly version: string;
  readonly leads: number;
  readonly decided: number;
  readonly won: number;
  /** won ÷ leads; undefined when there are none. */
  readonly rate: number | undefined;
  /** won ÷ decided: leads still open have not had their chance yet; undefined when none decided. */
  readonly decidedRate: number | undefined;
}

/** Conversion per rules version, versions in the order their first lead was entered. */
export function byRulesVersion(leads: readonly DatedLead[]): RulesVersionRow[] {
  const ordered = [...leads].sort((a, b) => (a.enteredAt ?? Infinity) - (b.enteredAt ?? Infinity));
  const groups = new Map<string, DatedLead[]>();
  for (const lead of ordered) {
    const group = groups.get(lead.rulesVersion);
    if (group) group.push(lead);
    else groups.set(lead.rulesVersion, [lead]);
  }
  return [...groups].map(([version, group]) => {
    const won = group.filter((lead) => lead.won).length;
    const decided = group.filter((lead) => lead.decided).length;
    return {
      version,
      leads: group.length,
      decided,
      won,
      rate: group.length === 0 ? undefined : won / group.length,
      decidedRate: decided === 0 ? undefined : won / decided,
    };
  });
}

export interface ChannelCostRow {
  readonly channel: string;
  /** 万, over the months the spend table lists for this channel. */
  readonly spend: number;
  /** Leads of this channel entered in those months. */
  readonly leads: number;
  readonly won: number;
  readonly wonAmount: number;
  /** spend ÷ leads; undefined when no leads (—). */
  readonly costPerLead: number | undefined;
  /** spend ÷ won; undefined when nothing was won (—). */
  readonly costPerWon: number | undefined;
  /** won amount ÷ spend; undefined when nothing was spent. */
  readonly returnOnSpend: number | undefined;
}

/**
 * Cost per channel: each channel's spend set against the leads of that channel entered in the very
 * months the spend table lists for it, so a month without spend figures neither adds leads nor cost.
 * Channels are matched by `channelOf`, the grouping the channel tables use (then ignoring case,
 * width and spaces, as sources are), in the table's order.
 */
export function channelCost(
  leads: readonly DatedLead[],
  spend: readonly ChannelSpend[],
  channelOf: (value: unknown) => string,
  zone: TimeZone,
): ChannelCostRow[] {
  const spendOf = new Map<string, { amount: number; months: Set<string> }>();
  for (const row of spend) {
    const channel = channelOf(row.channel);
    const entry = spendOf.get(channel) ?? { amount: 0, months: new Set<string>() };
    entry.amount += row.amount;
    entry.months.add(row.month);
    spendOf.set(channel, entry);
  }
  // Folded once per lead: the channels are few, the leads many.
  const keyed = leads.map((lead) => ({
    lead,
    channel: foldSource(lead.source),
    month: lead.enteredAt === undefined ? undefined : monthOf(lead.enteredAt, zone),
  }));
  return [...spendOf].map(([channel, { amount, months }]) => {
    const folded = foldSource(channel);
    const counted = keyed
      .filter((k) => k.channel === folded && k.month !== undefined && months.has(k.month))
      .map((k) => k.lead);
    const won = counted.filter((lead) => lead.won);
    const wonAmount = won.reduce((sum, lead) => sum + lead.wonAmount, 0);
    return {
      channel,
      spend: amount,
      leads: counted.length,
      won: won.length,
      wonAmount,
      costPerLead: counted.length === 0 ? undefined : amount / counted.length,
      costPerWon: won.length === 0 ? undefined : amount / won.length,
      returnOnSpend: amount === 0 ? undefined : wonAmount / amount,
    };
  });
}
