// The story the demo tells in a few lines: which channel converts, whether today's grades separate,
// which dimension the calibration points at, and what the demo's proposed points would change.

import {
  calibrate,
  type Calibration,
  type PreviewLead,
  previewRuleChange,
  type RuleChangePreview,
} from '../../src/method/analysis/calibration';
import { type ScoreContext, scoreLead } from '../../src/method/scoring/scoring';
import {
  DIMENSIONS,
  type DimensionKey,
  type ScoringPoints,
  type ScoringRules,
} from '../../src/method/scoring/scoringRules';

/**
 * What the demo's manager proposes after reading the calibration: budget, worth up to 25 points,
 * hardly tells won from lost, so it drops to 10; a decision maker on the line matters most, so
 * authority rises to 35. The maximum stays 100.
 */
export const DEMO_PROPOSED_POINTS: Partial<{
  [D in DimensionKey]: Partial<ScoringPoints[D]>;
}> = {
  budgetFit: { above: 10, matches: 8, below: 5 },
  authority: { decisionMaker: 35, influencer: 15, none: 0 },
};

/** Options with fewer leads than this say nothing about their dimension. */
const MIN_OPTION_LEADS = 10;

export interface StoryLead extends PreviewLead {
  /** The lead's channel as typed (客户推荐, 官网表单…). */
  readonly source: string;
}

export interface DimensionReading {
  readonly dimension: DimensionKey;
  /** Today's points from the lowest to the highest option. */
  readonly pointsSpread: number;
  /** Win rate of the best option minus the worst, of options with enough leads. */
  readonly rateSpread: number;
  readonly lowest: { readonly option: string; readonly rate: number };
  readonly highest: { readonly option: string; readonly rate: number };
}

export interface DemoStory {
  readonly bySource: readonly { source: string; leads: number; won: number; rate: number }[];
  readonly calibration: Calibration;
  readonly readings: readonly DimensionReading[];
  /** The dimension whose points promise most and whose win rates differ least. */
  readonly overweighted: DimensionKey;
  /** The dimension whose options' win rates differ most. */
  readonly underweighted: DimensionKey;
  readonly preview: RuleChangePreview;
  /** Win rate of A and B leads minus that of C and D leads, today and under the proposal. */
  readonly separation: { readonly today: number; readonly proposed: number };
  readonly lines: readonly string[];
}

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

function bySource(leads: readonly StoryLead[]) {
  const groups = new Map<string, { leads: number; won: number }>();
  for (const lead of leads) {
    const group = groups.get(lead.source) ?? { leads: 0, won: 0 };
    group.leads += 1;
    if (lead.won) group.won += 1;
    groups.set(lead.source, group);
  }
  return [...groups]
    .map(([source, g]) => ({ source, ...g, rate: g.leads ? g.won / g.leads : 0 }))
    .sort((a, b) => b.rate - a.rate);
}

function readingOf(
  dimension: (typeof DIMENSIONS)[number],
  calibration: Calibration,
  rules: ScoringRules,
): DimensionReading | undefined {
  const points = rules.points[dimension.key] as Readonly<Record<string, number>>;
  const rates = Object.entries(calibration.byOption[dimension.key])
    .filter(([, rate]) => rate.leads >= MIN_OPTION_LEADS)
    .map(([option, rate]) => ({ option, rate: rate.rate }))
    .sort((a, b) => a.rate - b.rate);
  if (rates.length < 2) return undefined;
  const values = Object.values(points);
  return {
    dimension: dimension.key,
    pointsSpread: Math.max(...values) - Math.min(...values),
    rateSpread: rates[rates.length - 1].rate - rates[0].rate,
    lowest: rates[0],
    highest: rates[rates.length - 1],
  };
}

/** Won share of the leads in `grades`. */
function rateOf(rates: RuleChangePreview['current'], grades: readonly ('A' | 'B' | 'C' | 'D')[]) {
  const leads = grades.reduce((n, g) => n + rates[g].leads, 0);
  const won = grades.reduce((n, g) => n + rates[g].won, 0);
  return leads === 0 ? 0 : won / leads;
}

const gap = (rates: RuleChangePreview['current']) =>
  rateOf(rates, ['A', 'B']) - rateOf(rates, ['C', 'D']);

const gradeLine = (rates: RuleChangePreview['current']) =>
  (['A', 'B', 'C', 'D'] as const)
    .map((g) => `${g} ${percent(rates[g].rate)} (${rates[g].won}/${rates[g].leads})`)
    .join(' · ');

const dimensionName = (key: DimensionKey) => DIMENSIONS.find((d) => d.key === key)?.name.en ?? key;

/** Reads the leads as the tool would and tells what they show. */
export function demoStory(
  leads: readonly StoryLead[],
  current: ScoringRules,
  proposed: ScoringRules,
  context: ScoreContext,
): DemoStory {
  const calibration = calibrate(
    leads.map((lead) => {
      const score = scoreLead(lead.inputs, current, context);
      return { grade: score.grade, won: lead.won, chosen: score.chosen };
    }),
  );
  const readings = DIMENSIONS.map((d) => readingOf(d, calibration, current)).filter(
    (r): r is DimensionReading => r !== undefined && r.pointsSpread > 0,
  );
  const perPoint = (r: DimensionReading) => r.rateSpread / r.pointsSpread;
  const ordered = [...readings].sort((a, b) => perPoint(a) - perPoint(b));
  const overweighted = ordered[0].dimension;
  const underweighted = [...readings].sort((a, b) => b.rateSpread - a.rateSpread)[0].dimension;
  const preview = previewRuleChange(leads, current, proposed, context);
  const separation = { today: gap(preview.current), proposed: gap(preview.proposed) };
  const sources = bySource(leads);
  const reading = (key: DimensionKey) =>
    readings.find((r) => r.dimension === key) as DimensionReading;
  const over = reading(overweighted);
  const under = reading(underweighted);
  const lines = [
    'The story the demo data tells:',
    `  Channels: ${sources
      .slice(0, 3)
      .map((s) => `${s.source} ${percent(s.rate)} (${s.won}/${s.leads})`)
      .join(
        ' · ',
      )} … ${sources[sources.length - 1].source} ${percent(sources[sources.length - 1].rate)}`,
    `  Today's grades win: ${gradeLine(preview.current)}`,
    `  Calibration points at ${dimensionName(overweighted)}: its options span ${over.pointsSpread} points ` +
      `but win ${percent(over.lowest.rate)}–${percent(over.highest.rate)}; ` +
      `${dimensionName(underweighted)} spans ${under.pointsSpread} points and wins ` +
      `${percent(under.lowest.rate)}–${percent(under.highest.rate)}.`,
    `  Proposed points (Settings): budget fit 10/8/5, authority 35/15/0 → ${preview.changedGrade} leads change grade.`,
    `  Under the proposal grades win: ${gradeLine(preview.proposed)}`,
    `  Separation (A+B minus C+D win rate): today ${percent(separation.today)} → proposed ${percent(separation.proposed)}`,
  ];
  return {
    bySource: sources,
    calibration,
    readings,
    overweighted,
    underweighted,
    preview,
    separation,
    lines,
  };
}
