// The figures of the periodic report (SPEC §14): headline counts and rates of one week or month and
// the one before, the top reasons of the period's losses, all aggregates with small groups hidden.

import { dateOf, textOf } from '../../sheet/cells';
import { findOption, LOSS_REASON } from '../../sheet/options';
import { analyse } from '../analysis/analysis';
import { MIN_GROUP, SUPPRESSED } from '../analysis/leadershipCopy';
import { latestConversions, resultOf } from '../outcomes/latestOutcome';
import type { FollowUpTouches } from '../followUp/touches';
import type { ReportRange } from './reportPeriod';

type Row = Readonly<Record<string, unknown>>;

export interface ReportInput {
  /** Leads and Pool rows keyed by LEAD_COLUMNS keys. */
  readonly leads: readonly Row[];
  /** Each lead's follow-up times. */
  readonly followUps: FollowUpTouches;
  readonly conversions: readonly Row[];
  readonly now: Date;
  readonly sources?: readonly string[];
}

/**
 * One period's headline. Counts and rates are SUPPRESSED (NaN) where they rest on fewer than
 * MIN_GROUP leads, as in the leadership copy.
 */
export interface PeriodFigures {
  /** Leads entered in the period. */
  readonly newLeads: number;
  /** Leads whose latest outcome is Won, decided in the period. */
  readonly won: number;
  /** Their amounts (万), summed. */
  readonly wonAmount: number;
  /** Of the period's new leads, the share won so far. */
  readonly conversion: number;
  /** Of the period's new leads with a first-contact deadline passed or met, the share met. */
  readonly slaCompliance: number;
}

export interface ReasonFigure {
  /** A LOSS_REASON key, or a reason in the team's own words. */
  readonly key: string;
  readonly count: number;
  /** Of the period's not-won and lost decisions that give a reason. */
  readonly share: number;
}

export interface ReportFigures {
  readonly current: PeriodFigures;
  readonly previous: PeriodFigures;
  /** At most three, most frequent first; reasons fewer than MIN_GROUP leads gave are left out. */
  readonly topReasons: readonly ReasonFigure[];
}

const TOP_REASONS = 3;

const within = (value: unknown, range: ReportRange): boolean => {
  const at = dateOf(value)?.getTime();
  return at !== undefined && at >= range.start.getTime() && at < range.end.getTime();
};

const small = (n: number) => n < MIN_GROUP;
const hide = (n: number, basis: number) => (small(basis) ? SUPPRESSED : n);

function amountOf(value: unknown): number {
  const number = typeof value === 'number' ? value : Number(textOf(value));
  return Number.isFinite(number) && number > 0 ? number : 0;
}

function periodFigures(
  input: ReportInput,
  range: ReportRange,
  decided: readonly Row[],
): PeriodFigures {
  const cohort = input.leads.filter((lead) => within(lead.enteredAt, range));
  const analysis = analyse({
    leads: cohort,
    pool: [],
    followUps: input.followUps,
    conversions: input.conversions,
    now: input.now,
    windowDays: 0,
    sources: input.sources,
  });
  const wonDecisions = decided.filter(
    (row) => resultOf(row) === 'won' && within(row.decidedAt, range),
  );
  const wonAmount = wonDecisions.reduce((sum, row) => sum + amountOf(row.amount), 0);
  const sla = analysis.slaByGrade.reduce(
    (sum, row) => ({ met: sum.met + row.met, judged: sum.judged + row.met + row.missed }),
    { met: 0, judged: 0 },
  );
  const entered = analysis.funnel.entered;
  return {
    newLeads: hide(entered, entered),
    won: hide(wonDecisions.length, wonDecisions.length),
    // An amount summed over fewer deals than MIN_GROUP could be one customer's.
    wonAmount: hide(Math.round(wonAmount * 100) / 100, wonDecisions.length),
    conversion: hide(entered === 0 ? 0 : analysis.funnel.won / entered, entered),
    slaCompliance: hide(sla.judged === 0 ? 0 : sla.met / sla.judged, sla.judged),
  };
}

function topReasons(decided: readonly Row[], range: ReportRange): ReasonFigure[] {
  const counts = new Map<string, number>();
  let total = 0;
  for (const row of decided) {
    const result = resultOf(row);
    if ((result !== 'notWon' && result !== 'lost') || !within(row.decidedAt, range)) continue;
    const text = textOf(row.reason);
    if (text === '') continue;
    const key = findOption(LOSS_REASON, text)?.key ?? text;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    total++;
  }
  return [...counts]
    .filter(([, count]) => !small(count))
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP_REASONS)
    .map(([key, count]) => ({ key, count, share: count / total }));
}

/** The report's figures for `current` against `previous`. */
export function reportFigures(
  input: ReportInput,
  current: ReportRange,
  previous: ReportRange,
): ReportFigures {
  const decided = [...latestConversions(input.conversions).values()];
  return {
    current: periodFigures(input, current, decided),
    previous: periodFigures(input, previous, decided),
    topReasons: topReasons(decided, current),
  };
}
