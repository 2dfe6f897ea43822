// Checks whether the grades predict outcomes (SPEC §6 calibration) and previews a points change (§7).

import type { Language } from '../../sheet/language';
import { ANALYSIS, t } from '../../sheet/text';
import { type ScoreContext, type ScoringInputs, scoreLead } from '../scoring/scoring';
import {
  DIMENSIONS,
  type DimensionKey,
  type Grade,
  type ScoringPoints,
  type ScoringRules,
} from '../scoring/scoringRules';
import type { Settings } from '../settings/settings';
import { leadsPerGroupNeeded, SIGNIFICANCE, twoProportionTest } from './statistics';

export const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D'];

/** Below this many leads a grade's win rate is noise, so it is neither compared nor trusted. */
export const MIN_SAMPLE = 10;

export interface Interval {
  readonly low: number;
  readonly high: number;
}

export interface WinRate {
  readonly leads: number;
  readonly won: number;
  /** won ÷ leads; 0 when there are no leads. */
  readonly rate: number;
}

export interface GradeWinRate extends WinRate {
  /** 95 % Wilson score interval of the rate; undefined when there are no leads. */
  readonly interval: Interval | undefined;
}

export type GradeRates = Record<Grade, WinRate>;

export interface OptionWinRate extends GradeWinRate {
  /**
   * The option's rate ÷ its dimension's average rate (over every lead with an option chosen in that
   * dimension): 1.5 means it wins half again as often as the average. Undefined when either is empty
   * or the average is 0.
   */
  readonly lift: number | undefined;
}

export type CalibrationWarning =
  | {
      readonly code: 'gradesDoNotSeparate';
      readonly higher: Grade;
      readonly lower: Grade;
      readonly higherRate: number;
      readonly lowerRate: number;
      /** One-sided p-value of the two-proportion z-test; below SIGNIFICANCE, or no warning. */
      readonly pValue: number;
    }
  | {
      /** The lower grade converts as well or better, but not significantly: more leads will tell. */
      readonly code: 'tooFewToTell';
      readonly higher: Grade;
      readonly lower: Grade;
      readonly higherRate: number;
      readonly lowerRate: number;
      /** More leads, over both grades, the test needs (see leadsPerGroupNeeded); undefined: rates equal. */
      readonly moreLeads: number | undefined;
    }
  | { readonly code: 'sampleTooSmall'; readonly grade: Grade; readonly leads: number };

export interface Calibration {
  readonly byGrade: Record<Grade, GradeWinRate>;
  /** Win rate per option key of each dimension, every option of DIMENSIONS present. */
  readonly byOption: Record<DimensionKey, Record<string, OptionWinRate>>;
  readonly warnings: readonly CalibrationWarning[];
}

export interface CalibrationLead {
  readonly grade: string;
  readonly won: boolean;
  readonly chosen: Partial<Record<DimensionKey, string>>;
}

export interface PreviewLead {
  readonly inputs: ScoringInputs;
  readonly won: boolean;
  /** The grade the sheet shows; the preview rescores instead (see previewRuleChange). */
  readonly currentGrade: string;
}

export interface RuleChangePreview {
  /** Leads whose grade differs between the current and the proposed rules. */
  readonly changedGrade: number;
  /** Count per move, keyed `from→to` (e.g. `C→B`); only moves that happened. */
  readonly moves: Record<string, number>;
  readonly current: GradeRates;
  readonly proposed: GradeRates;
}

const Z_95 = 1.96;

/**
 * The Wilson score interval for a binomial proportion; unlike the plain ±z·√(p(1−p)/n) it stays
 * inside [0, 1] and is honest at 0 or n successes, which small sales samples hit often.
 */
export function wilsonInterval(
  successes: number,
  trials: number,
  z: number = Z_95,
): Interval | undefined {
  if (trials <= 0) return undefined;
  if (successes < 0 || successes > trials)
    throw new RangeError(`successes must be from 0 to ${trials}, got ${successes}`);
  const p = successes / trials;
  const zz = z * z;
  const denominator = 1 + zz / trials;
  const centre = (p + zz / (2 * trials)) / denominator;
  const halfWidth =
    (z / denominator) * Math.sqrt((p * (1 - p)) / trials + zz / (4 * trials * trials));
  // Clamped because rounding can leave 0 successes a hair below 0 (or n a hair above 1).
  return { low: Math.max(0, centre - halfWidth), high: Math.min(1, centre + halfWidth) };
}

function winRate(leads: number, won: number): WinRate {
  return { leads, won, rate: leads === 0 ? 0 : won / leads };
}

/** Tallies leads and wins per key; keys not in `keys` are ignored. */
function tally(
  keys: readonly string[],
  outcomes: Iterable<{ key: string | undefined; won: boolean }>,
) {
  const counts = new Map(keys.map((key) => [key, { leads: 0, won: 0 }]));
  for (const { key, won } of outcomes) {
    const count = key === undefined ? undefined : counts.get(key);
    if (!count) continue;
    count.leads += 1;
    if (won) count.won += 1;
  }
  const rates: Record<string, WinRate> = {};
  for (const [key, count] of counts) rates[key] = winRate(count.leads, count.won);
  return rates;
}

function gradeRatesOf(outcomes: readonly { grade: string; won: boolean }[]): GradeRates {
  return tally(
    GRADES,
    outcomes.map((o) => ({ key: o.grade, won: o.won })),
  ) as GradeRates;
}

function withIntervals(rates: GradeRates): Record<Grade, GradeWinRate> {
  const result = {} as Record<Grade, GradeWinRate>;
  for (const grade of GRADES) {
    const { leads, won } = rates[grade];
    result[grade] = { ...rates[grade], interval: wilsonInterval(won, leads) };
  }
  return result;
}

function optionRates(leads: readonly CalibrationLead[]): Calibration['byOption'] {
  const byOption = {} as Calibration['byOption'];
  for (const dimension of DIMENSIONS) {
    const rates = tally(
      dimension.options.map((option) => option.key),
      leads.map((lead) => ({ key: lead.chosen[dimension.key], won: lead.won })),
    );
    const all = Object.values(rates);
    const leadCount = all.reduce((sum, r) => sum + r.leads, 0);
    const average = leadCount === 0 ? 0 : all.reduce((sum, r) => sum + r.won, 0) / leadCount;
    const withLift: Record<string, OptionWinRate> = {};
    for (const [key, rate] of Object.entries(rates)) {
      withLift[key] = {
        ...rate,
        interval: wilsonInterval(rate.won, rate.leads),
        lift: rate.leads === 0 || average === 0 ? undefined : rate.rate / average,
      };
    }
    byOption[dimension.key] = withLift;
  }
  return byOption;
}

/**
 * Adjacent grades, both with enough leads, where the lower one wins at least as often. Only a
 * difference the one-sided two-proportion z-test finds significant at SIGNIFICANCE, with enough
 * expected wins for the test to hold, says the grades do not separate; anything less could be chance, and the warning says how many more leads would
 * tell (the sample size per grade from leadsPerGroupNeeded, less what each grade has).
 */
function separationWarnings(rates: GradeRates): CalibrationWarning[] {
  const warnings: CalibrationWarning[] = [];
  for (let i = 0; i + 1 < GRADES.length; i++) {
    const higher = GRADES[i];
    const lower = GRADES[i + 1];
    const [h, l] = [rates[higher], rates[lower]];
    if (h.leads < MIN_SAMPLE || l.leads < MIN_SAMPLE || l.rate < h.rate) continue;
    const rateWords = { higher, lower, higherRate: h.rate, lowerRate: l.rate };
    const { pValue } = twoProportionTest(h.won, h.leads, l.won, l.leads);
    if (pValue < SIGNIFICANCE && normalApproximationHolds(h, l)) {
      warnings.push({ code: 'gradesDoNotSeparate', ...rateWords, pValue });
      continue;
    }
    const perGrade = leadsPerGroupNeeded(h.rate, l.rate);
    const moreLeads =
      perGrade === undefined
        ? undefined
        : Math.max(0, perGrade - h.leads) + Math.max(0, perGrade - l.leads);
    warnings.push({ code: 'tooFewToTell', ...rateWords, moreLeads });
  }
  return warnings;
}

/** Expected wins and non-wins per grade below which the z-test's normal approximation misleads. */
const MIN_EXPECTED = 5;

/**
 * The usual condition for the two-proportion z-test: at the pooled rate, each grade expects at
 * least MIN_EXPECTED wins and as many non-wins. With 0 of 10 against 3 of 10 the test says
 * p = 0.03 while Fisher's exact test says 0.1: too few wins to call it either way.
 */
function normalApproximationHolds(
  ...groups: readonly { readonly won: number; readonly leads: number }[]
): boolean {
  const leads = groups.reduce((n, g) => n + g.leads, 0);
  const pooled = groups.reduce((n, g) => n + g.won, 0) / leads;
  return groups.every(
    (g) => g.leads * pooled >= MIN_EXPECTED && g.leads * (1 - pooled) >= MIN_EXPECTED,
  );
}

function sampleWarnings(rates: GradeRates): CalibrationWarning[] {
  return GRADES.filter((grade) => rates[grade].leads < MIN_SAMPLE).map((grade) => ({
    code: 'sampleTooSmall',
    grade,
    leads: rates[grade].leads,
  }));
}

/** Win rates per grade and per dimension option, with warnings about grades that mislead. */
export function calibrate(leads: readonly CalibrationLead[]): Calibration {
  const rates = gradeRatesOf(leads);
  return {
    byGrade: withIntervals(rates),
    byOption: optionRates(leads),
    warnings: [...separationWarnings(rates), ...sampleWarnings(rates)],
  };
}

/** One decimal: a 5.4% rate shown as 5% would hide the very differences the warnings weigh. */
const percent = (rate: number) => `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;

/** A warning as one sentence a sales manager can act on. */
export function warningText(warning: CalibrationWarning, language: Language): string {
  switch (warning.code) {
    case 'gradesDoNotSeparate': {
      const { higher, lower } = warning;
      const [h, l] = [percent(warning.higherRate), percent(warning.lowerRate)];
      const p = warning.pValue < 0.001 ? '< 0.001' : `= ${warning.pValue.toFixed(3)}`;
      return t(language, ANALYSIS.gradesDoNotSeparate, higher, lower, h, l, p);
    }
    case 'tooFewToTell': {
      const { higher, lower } = warning;
      const [h, l] = [percent(warning.higherRate), percent(warning.lowerRate)];
      return t(language, ANALYSIS.tooFewToTell, higher, lower, h, l, warning.moreLeads);
    }
    case 'sampleTooSmall':
      return t(language, ANALYSIS.sampleTooSmall, warning.grade, warning.leads);
  }
}

/**
 * Rescores every lead under both rule sets. The "before" side is rescored too rather than read from
 * currentGrade: stored grades may be hand-edited or predate today's derived urgency, and the preview
 * should show what the rule change alone does.
 */
export function previewRuleChange(
  leads: readonly PreviewLead[],
  current: ScoringRules,
  proposed: ScoringRules,
  context: ScoreContext,
): RuleChangePreview {
  const before: { grade: Grade; won: boolean }[] = [];
  const after: { grade: Grade; won: boolean }[] = [];
  const moves: Record<string, number> = {};
  let changedGrade = 0;
  for (const lead of leads) {
    const from = scoreLead(lead.inputs, current, context).grade;
    const to = scoreLead(lead.inputs, proposed, context).grade;
    before.push({ grade: from, won: lead.won });
    after.push({ grade: to, won: lead.won });
    if (from === to) continue;
    changedGrade += 1;
    const move = `${from}→${to}`;
    moves[move] = (moves[move] ?? 0) + 1;
  }
  return { changedGrade, moves, current: gradeRatesOf(before), proposed: gradeRatesOf(after) };
}

/** Drops the blank cells of a proposed-points row so they fall back to today's points. */
function filledIn<T extends object>(partial: Partial<T> | undefined): Partial<T> {
  const entries = Object.entries(partial ?? {}).filter(([, points]) => points !== undefined);
  return Object.fromEntries(entries) as Partial<T>;
}

/** Today's rules with every proposed point that a manager filled in laid over today's points. */
export function proposedRules(settings: Settings): ScoringRules {
  const { points, proposedPoints } = settings;
  const merged: ScoringPoints = {
    needFit: { ...points.needFit, ...filledIn(proposedPoints.needFit) },
    budgetFit: { ...points.budgetFit, ...filledIn(proposedPoints.budgetFit) },
    authority: { ...points.authority, ...filledIn(proposedPoints.authority) },
    urgency: { ...points.urgency, ...filledIn(proposedPoints.urgency) },
  };
  return { points: merged, gradeFrom: settings.gradeFrom, productPrice: settings.productPrice };
}
