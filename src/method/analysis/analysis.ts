// Outcome analysis for leadership (SPEC §6): conversion, cycle, loss reasons, SLA, funnel, owners.

import { dateOf, isBlank, isOpen, statusOf, textOf } from '../../sheet/cells';
import { LOSS_REASON, findOption } from '../../sheet/options';
import { sourceGrouping } from '../../sheet/sources';
import { type DatedFacts, inEntryOrder } from '../archive/archiveSummary';
import { latestConversions, type ResultKey, resultOf } from '../outcomes/latestOutcome';
import type { Grade } from '../scoring/scoringRules';
import { versionIn } from '../scoring/rulesVersion';
import type { TimeZone } from '../../sheet/calendar';
import type { CadenceSettings } from '../followUp/deadlines';
import type { ChannelSpend } from '../settings/settings';
import type { FollowUpTouches } from '../followUp/touches';
import { type CadenceCompliance, type CadenceLead, cadenceCompliance } from './cadence';
import {
  byRulesVersion,
  type ChannelCostRow,
  channelCost,
  type DatedLead,
  monthlyTrend,
  type RulesVersionRow,
  type Trend,
} from './trends';

const DAY_MS = 24 * 3_600_000;
const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D'];
const TOP_REASONS = 3;

type Row = Record<string, unknown>;
type SlaState = 'met' | 'missed' | 'open';

export interface AnalysisInput {
  /** Claims of pool leads (SPEC §14); counted by the claim's time, not the lead's entry. */
  readonly claims?: readonly ClaimFact[];
  /** Leads and Pool rows keyed by LEAD_COLUMNS keys. */
  readonly leads: readonly Row[];
  readonly pool: readonly Row[];
  /** Each lead's follow-up times (touchesOf the Follow-ups rows). */
  readonly followUps: FollowUpTouches;
  /** Conversions rows keyed by CONVERSION_COLUMNS keys. */
  readonly conversions: readonly Row[];
  readonly now: Date;
  /** Only leads entered within the last windowDays × 24 hours; 0 means all time. */
  readonly windowDays: number;
  /** The Settings sources list: a source matching one of them, however typed, is that channel. */
  readonly sources?: readonly string[];
  /**
   * Archived leads (SPEC §16), as facts kept when they left the tracker, already chosen for the
   * window, oldest first; counted with the tracker's where their Entered at puts them.
   */
  readonly archived?: readonly DatedFacts[];
  /**
   * The time-axis tables of SPEC §14 (monthly trend, rules versions, cadence compliance, channel
   * cost) need the spreadsheet's zone and the cadence rules; without them they are left out.
   */
  readonly timeAxis?: {
    readonly zone: TimeZone;
    readonly cadence: CadenceSettings;
    readonly channelSpend: readonly ChannelSpend[];
  };
}

/** Conversion of one group; rate is won ÷ leads, 0 when the group has no leads. */
export interface ConversionRow {
  readonly key: string;
  readonly leads: number;
  readonly won: number;
  readonly rate: number;
}

/** Cycle days of won leads; mean and median are 0 when count is 0. */
export interface CycleStats {
  readonly count: number;
  readonly mean: number;
  readonly median: number;
}

/** A reason of not won or lost: a LOSS_REASON key, or the free text as written. */
export interface ReasonRow {
  readonly key: string;
  readonly count: number;
  /** Of all not-won and lost leads that give a reason. */
  readonly share: number;
}

/** First-contact SLA of one group; rate is met ÷ (met + missed), 0 when both are 0. */
export interface SlaRow {
  readonly key: string;
  readonly met: number;
  readonly missed: number;
  readonly open: number;
  readonly rate: number;
}

/**
 * Each stage counts the leads that reached it or a later one. Contacted: First contact at or a
 * follow-up row. Key follow-up: status Key follow-up now, or won (the sheet keeps no status history,
 * so a key lead that later closed otherwise is not counted).
 */
export interface Funnel {
  readonly entered: number;
  readonly contacted: number;
  readonly keyFollowUp: number;
  readonly won: number;
}

export interface OwnerRow {
  /** The Owner cell as written; '' for leads nobody owns (e.g. in the pool). */
  readonly key: string;
  readonly leads: number;
  readonly contactedWithinSla: number;
  readonly won: number;
  readonly rate: number;
  /** Open leads whose first contact or next follow-up is past due now. */
  readonly overdueNow: number;
  /** Pool leads this owner claimed (SPEC §14) in the window, from the claims ledger. */
  readonly claimed: number;
  /** Of the leads this owner claimed last, those won since. */
  readonly claimedWon: number;
}

/** One claim of a pool lead, as the claims ledger keeps it. */
export interface ClaimFact {
  readonly leadId: string;
  readonly owner: string;
  readonly at: Date;
}

/** Aggregates only: keys, counts and rates, never a contact, phone or company. */
export interface Analysis {
  readonly bySource: readonly ConversionRow[];
  readonly byGrade: readonly ConversionRow[];
  readonly cycleDays: CycleStats;
  readonly topReasons: readonly ReasonRow[];
  readonly slaByGrade: readonly SlaRow[];
  readonly slaByOwner: readonly SlaRow[];
  readonly funnel: Funnel;
  readonly byOwner: readonly OwnerRow[];
  /** Over the last 12 months whatever the window; present with `timeAxis`. */
  readonly trend?: Trend;
  /** Leads in the window by the rules version they were first graded under. */
  readonly byRulesVersion?: readonly RulesVersionRow[];
  readonly cadence?: CadenceCompliance;
  /** Present when Settings lists channel spend; over the months it lists, whatever the window. */
  readonly channelCost?: readonly ChannelCostRow[];
}

/** What the analysis needs to know about one lead, with its identity already dropped. */
export interface LeadFacts {
  readonly source: string;
  readonly grade: Grade | '';
  readonly owner: string;
  readonly outcome: ResultKey | undefined;
  readonly reason: string | undefined;
  readonly cycleDays: number | undefined;
  readonly sla: SlaState | undefined;
  readonly contacted: boolean;
  readonly keyFollowUp: boolean;
  readonly overdueNow: boolean;
  /** The scoring-rules version the lead was first graded under ('' or absent: none recorded). */
  readonly rulesVersion?: string;
}

/** Analyses every lead in Leads and Pool entered in the window; see each result type for its rules. */
export function analyse(input: AnalysisInput): Analysis {
  const all = [...input.leads, ...input.pool];
  const allFacts = leadFactsOf({ ...input, leads: all });
  const inWindow = all.filter((lead) => enteredInWindow(lead, input.now, input.windowDays));
  const windowFacts = all.flatMap((lead, i) =>
    enteredInWindow(lead, input.now, input.windowDays) ? [allFacts[i]] : [],
  );
  const facts = inEntryOrder(
    input.archived ?? [],
    inWindow.map((lead, i) => ({
      facts: windowFacts[i],
      enteredAt: dateOf(lead.enteredAt)?.getTime(),
    })),
  );
  return {
    bySource: conversionBy(facts, (f) => f.source, []),
    byGrade: conversionBy(facts, (f) => f.grade, GRADES),
    cycleDays: cycleStats(facts),
    topReasons: topReasons(facts),
    slaByGrade: slaBy(facts, (f) => f.grade, GRADES),
    slaByOwner: slaBy(facts, (f) => f.owner, []),
    funnel: funnelOf(facts),
    byOwner: ownerTable(facts, claimTally(input)),
    ...(input.timeAxis ? timeAxisTables(input, all, allFacts, input.timeAxis) : {}),
  };
}

/**
 * Claims per owner in the window, and how many of the leads each claimed last were won: a lead
 * claimed again by someone else counts as a win for the later claimer only.
 */
function claimTally(input: AnalysisInput): Map<string, { claimed: number; won: number }> {
  const tally = new Map<string, { claimed: number; won: number }>();
  const claims = (input.claims ?? []).filter(
    (c) =>
      input.windowDays <= 0 || c.at.getTime() >= input.now.getTime() - input.windowDays * DAY_MS,
  );
  if (claims.length === 0) return tally;
  const latest = latestConversions(input.conversions);
  const won = new Set(
    [...input.leads, ...input.pool]
      .filter((lead) => outcomeOf(lead, latest.get(textOf(lead.id))) === 'won')
      .map((lead) => textOf(lead.id)),
  );
  const lastClaim = new Map<string, ClaimFact>();
  for (const claim of claims) {
    const entry = tally.get(claim.owner) ?? { claimed: 0, won: 0 };
    entry.claimed++;
    tally.set(claim.owner, entry);
    const before = lastClaim.get(claim.leadId);
    if (!before || before.at.getTime() <= claim.at.getTime()) lastClaim.set(claim.leadId, claim);
  }
  for (const claim of lastClaim.values()) {
    if (won.has(claim.leadId)) (tally.get(claim.owner) as { won: number }).won++;
  }
  return tally;
}

const HOUR_MS = 3_600_000;
const isDecided = (outcome: ResultKey | undefined) =>
  outcome === 'won' || outcome === 'notWon' || outcome === 'lost';

/**
 * The tables along time (SPEC §14). Archived leads count in the trend, the rules versions and the
 * channel cost as far as the summary keeps them (those in the Analysis window, by day of entry,
 * outcome, version and won amount); cadence needs follow-up times, so it counts the tracker's.
 */
function timeAxisTables(
  input: AnalysisInput,
  all: readonly Row[],
  allFacts: readonly LeadFacts[],
  timeAxis: NonNullable<AnalysisInput['timeAxis']>,
): Pick<Analysis, 'trend' | 'byRulesVersion' | 'cadence' | 'channelCost'> {
  const { zone, cadence, channelSpend } = timeAxis;
  const latest = latestConversions(input.conversions);
  const touches = input.followUps;
  const dated: DatedLead[] = all.map((lead, i) => {
    const f = allFacts[i];
    const id = textOf(lead.id);
    const conversion = id === '' ? undefined : latest.get(id);
    const assigned = dateOf(lead.assignedAt)?.getTime();
    const contact = dateOf(lead.firstContactAt)?.getTime() ?? touches.get(id)?.[0];
    const amount = f.outcome === 'won' ? numberOf(conversion?.amount) : undefined;
    return {
      source: f.source,
      enteredAt: dateOf(lead.enteredAt)?.getTime(),
      won: f.outcome === 'won',
      decided: isDecided(f.outcome),
      // A lead assigned again (a claim, a return from the pool) may have been contacted before
      // its current Assigned at: no hours are known for it then.
      hoursToFirstContact:
        assigned === undefined || contact === undefined || contact < assigned
          ? undefined
          : (contact - assigned) / HOUR_MS,
      wonAmount: amount ?? 0,
      rulesVersion: f.rulesVersion ?? '',
    };
  });
  const archived: DatedLead[] = (input.archived ?? []).map(
    ({ facts: f, enteredFrom, wonAmount }) => ({
      source: f.source,
      enteredAt: enteredFrom,
      won: f.outcome === 'won',
      decided: isDecided(f.outcome),
      // Archiving keeps no contact times: a month's median counts the leads still in the tracker.
      hoursToFirstContact: undefined,
      wonAmount: wonAmount ?? 0,
      rulesVersion: f.rulesVersion ?? '',
    }),
  );
  const cadenceLeads: CadenceLead[] = input.leads.map((lead, i) => {
    const f = allFacts[i];
    const id = textOf(lead.id);
    const times = touches.get(id) ?? [];
    const contact = dateOf(lead.firstContactAt)?.getTime() ?? times[0];
    const decidedAt = dateOf(latest.get(id)?.decidedAt)?.getTime();
    const lastTouch = times.length > 0 ? times[times.length - 1] : contact;
    return {
      owner: f.owner,
      grade: f.grade,
      keyFollowUp: statusOf({ status: lead.status }) === 'keyFollowUp',
      firstContactAt: contact,
      touches: times,
      // A lead closed with no dated decision asks for nothing after its last touch.
      closedAt: isDecided(f.outcome) ? (decidedAt ?? lastTouch ?? -Infinity) : undefined,
    };
  });
  const windowed = dated.filter((_, i) => enteredInWindow(all[i], input.now, input.windowDays));
  return {
    trend: monthlyTrend([...archived, ...dated], input.now, zone),
    byRulesVersion: byRulesVersion([...archived, ...windowed]),
    cadence: cadenceCompliance(cadenceLeads, input.now, zone, cadence),
    ...(channelSpend.length > 0
      ? {
          channelCost: channelCost(
            [...archived, ...dated],
            channelSpend,
            sourceGrouping(input.sources ?? []),
            zone,
          ),
        }
      : {}),
  };
}

/** Each lead's facts as the analysis counts them, whatever the window: what an archived lead keeps. */
export function leadFactsOf(
  input: Pick<AnalysisInput, 'leads' | 'followUps' | 'conversions' | 'now' | 'sources'>,
): LeadFacts[] {
  const latest = latestConversions(input.conversions);
  const sourceKey = sourceGrouping(input.sources ?? []);
  return input.leads.map((lead) => factsOf(lead, latest, input.followUps, input.now, sourceKey));
}

/** A lead with no readable Entered at cannot be shown to be in a window: only all time counts it. */
export function enteredInWindow(lead: Row, now: Date, windowDays: number): boolean {
  if (windowDays <= 0) return true;
  const entered = dateOf(lead.enteredAt);
  return entered !== undefined && entered.getTime() >= now.getTime() - windowDays * DAY_MS;
}

function factsOf(
  lead: Row,
  latest: ReadonlyMap<string, Row>,
  followUps: FollowUpTouches,
  now: Date,
  sourceKey: (value: unknown) => string,
): LeadFacts {
  const id = textOf(lead.id);
  const conversion = id === '' ? undefined : latest.get(id);
  const outcome = outcomeOf(lead, conversion);
  // A contact is a contact even if First contact at was never set, and a follow-up row whose
  // time cannot be read still marks the lead contacted.
  const contactTime = dateOf(lead.firstContactAt)?.getTime() ?? followUps.get(id)?.[0];
  const contacted = !isBlank(lead.firstContactAt) || followUps.has(id);
  const won = outcome === 'won';
  const keyFollowUp = statusOf({ status: lead.status }) === 'keyFollowUp' || won;
  return {
    source: sourceKey(lead.source),
    grade: gradeOf(lead.grade),
    owner: textOf(lead.owner),
    outcome,
    reason: outcome === 'notWon' || outcome === 'lost' ? reasonKey(conversion?.reason) : undefined,
    cycleDays: won && conversion ? cycleDaysOf(conversion, lead) : undefined,
    sla: slaStateOf(lead, contacted, contactTime, now),
    // A lead that reached a later stage passed the earlier ones, so the funnel never widens.
    contacted: contacted || keyFollowUp,
    keyFollowUp,
    overdueNow: isOverdue(lead, contacted, now),
    rulesVersion: versionIn(lead.scoreNote) ?? '',
  };
}

/** The latest Conversions row decides; without one, a closed status still tells how the lead ended. */
function outcomeOf(lead: Row, conversion: Row | undefined): ResultKey | undefined {
  if (conversion) return resultOf(conversion);
  const status = statusOf({ status: lead.status });
  return status === 'won' || status === 'notWon' || status === 'lost' ? status : undefined;
}

function reasonKey(value: unknown): string | undefined {
  if (isBlank(value)) return undefined;
  return findOption(LOSS_REASON, value)?.key ?? textOf(value);
}

function gradeOf(value: unknown): Grade | '' {
  const text = textOf(value).toUpperCase();
  return GRADES.find((grade) => grade === text) ?? '';
}

/** The Cycle cell when it holds a number; else whole days from Entered at to Decided at, rounded down. */
function cycleDaysOf(conversion: Row, lead: Row): number | undefined {
  const written = numberOf(conversion.cycleDays);
  if (written !== undefined) return written;
  const entered = dateOf(lead.enteredAt);
  const decided = dateOf(conversion.decidedAt);
  if (!entered || !decided) return undefined;
  return Math.floor((decided.getTime() - entered.getTime()) / DAY_MS);
}

function numberOf(value: unknown): number | undefined {
  if (isBlank(value)) return undefined;
  const number = typeof value === 'number' ? value : Number(String(value).trim());
  return Number.isFinite(number) ? number : undefined;
}

/**
 * Judged only for leads with a readable First contact due. A lead marked contacted at a time that
 * cannot be read is left out: it was contacted, so it is not open, but whether in time is unknown.
 */
function slaStateOf(
  lead: Row,
  contacted: boolean,
  contactTime: number | undefined,
  now: Date,
): SlaState | undefined {
  const due = dateOf(lead.firstContactDue)?.getTime();
  if (due === undefined) return undefined;
  if (contactTime !== undefined) return contactTime <= due ? 'met' : 'missed';
  if (contacted) return undefined;
  return due < now.getTime() ? 'missed' : 'open';
}

function isOverdue(lead: Row, contacted: boolean, now: Date): boolean {
  if (!isOpen({ status: lead.status })) return false;
  const firstContactLate = !contacted && isPastDue(lead.firstContactDue, now);
  return firstContactLate || isPastDue(lead.nextFollowUpDue, now);
}

/** A blank or unreadable due date is never past due: nothing was promised by then. */
function isPastDue(value: unknown, now: Date): boolean {
  const due = dateOf(value);
  return due !== undefined && due.getTime() < now.getTime();
}

/**
 * Groups facts by `keyOf`: the `fixed` keys first, always listed so charts keep their shape, then the
 * rest in the order first seen. For grades that puts A–D first and ungraded ('') last.
 */
function groupBy(
  facts: readonly LeadFacts[],
  keyOf: (facts: LeadFacts) => string,
  fixed: readonly string[],
): Map<string, LeadFacts[]> {
  const groups = new Map<string, LeadFacts[]>(fixed.map((key) => [key, []]));
  for (const fact of facts) {
    const key = keyOf(fact);
    const group = groups.get(key);
    if (group) group.push(fact);
    else groups.set(key, [fact]);
  }
  return groups;
}

const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);
const count = (facts: readonly LeadFacts[], test: (f: LeadFacts) => boolean): number =>
  facts.filter(test).length;
const isWon = (f: LeadFacts): boolean => f.outcome === 'won';

function conversionBy(
  facts: readonly LeadFacts[],
  keyOf: (facts: LeadFacts) => string,
  fixed: readonly string[],
): ConversionRow[] {
  return [...groupBy(facts, keyOf, fixed)].map(([key, group]) => {
    const won = count(group, isWon);
    return { key, leads: group.length, won, rate: ratio(won, group.length) };
  });
}

function cycleStats(facts: readonly LeadFacts[]): CycleStats {
  const days = facts
    .filter(isWon)
    .map((f) => f.cycleDays)
    .filter((d): d is number => d !== undefined)
    .sort((a, b) => a - b);
  if (days.length === 0) return { count: 0, mean: 0, median: 0 };
  const middle = Math.floor(days.length / 2);
  const median = days.length % 2 === 1 ? days[middle] : (days[middle - 1] + days[middle]) / 2;
  const mean = days.reduce((sum, d) => sum + d, 0) / days.length;
  return { count: days.length, mean, median };
}

/** Most frequent first; equal counts keep the order first seen (the sort is stable). */
function topReasons(facts: readonly LeadFacts[]): ReasonRow[] {
  const reasons = facts.map((f) => f.reason).filter((r): r is string => r !== undefined);
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP_REASONS)
    .map(([key, n]) => ({ key, count: n, share: ratio(n, reasons.length) }));
}

function slaRow(key: string, group: readonly LeadFacts[]): SlaRow {
  const met = count(group, (f) => f.sla === 'met');
  const missed = count(group, (f) => f.sla === 'missed');
  const open = count(group, (f) => f.sla === 'open');
  return { key, met, missed, open, rate: ratio(met, met + missed) };
}

function slaBy(
  facts: readonly LeadFacts[],
  keyOf: (facts: LeadFacts) => string,
  fixed: readonly string[],
): SlaRow[] {
  return [...groupBy(facts, keyOf, fixed)].map(([key, group]) => slaRow(key, group));
}

function funnelOf(facts: readonly LeadFacts[]): Funnel {
  return {
    entered: facts.length,
    contacted: count(facts, (f) => f.contacted),
    keyFollowUp: count(facts, (f) => f.keyFollowUp),
    won: count(facts, isWon),
  };
}

function ownerTable(
  facts: readonly LeadFacts[],
  claims: ReadonlyMap<string, { claimed: number; won: number }>,
): OwnerRow[] {
  const rows: OwnerRow[] = [...groupBy(facts, (f) => f.owner, [])].map(([key, group]) => {
    const won = count(group, isWon);
    return {
      key,
      leads: group.length,
      contactedWithinSla: count(group, (f) => f.sla === 'met'),
      won,
      rate: ratio(won, group.length),
      overdueNow: count(group, (f) => f.overdueNow),
      claimed: claims.get(key)?.claimed ?? 0,
      claimedWon: claims.get(key)?.won ?? 0,
    };
  });
  // Someone who claimed leads that have since left them (or the window) still has their claims.
  for (const [key, tally] of claims) {
    if (rows.some((row) => row.key === key)) continue;
    rows.push({
      key,
      leads: 0,
      contactedWithinSla: 0,
      won: 0,
      rate: 0,
      overdueNow: 0,
      claimed: tally.claimed,
      claimedWon: tally.won,
    });
  }
  return rows;
}
