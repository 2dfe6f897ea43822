// The Analysis tab's content (SPEC §6): titled tables of aggregates in the workbook's language,
// written as values, with the cells to format as percentages. No customer data ever reaches it.

import type { Analysis } from './analysis';
import type { Completeness, CompletenessRow } from './completeness';
import { type Calibration, GRADES, type RuleChangePreview, warningText } from './calibration';
import type { Language } from '../../sheet/language';
import { ANALYSIS, t } from '../../sheet/text';
import { DEFAULT_SOURCES, LOSS_REASON } from '../../sheet/options';
import { DIMENSIONS } from '../scoring/scoringRules';
import { LEAD_COLUMNS } from '../../sheet/tabs';
import type { Trend } from './trends';

const rateOr = (rate: number | undefined): Cell => (rate === undefined ? NO_RATE : rate);
/** A rate of `part` over `whole`, — when the group is empty; NaN (suppressed) passes through. */
const rateCell = (rate: number, whole: number): Cell => (whole === 0 ? NO_RATE : rate);
const oneDecimal = (n: number | undefined): Cell =>
  n === undefined ? NO_RATE : Number.isNaN(n) ? n : Math.round(n * 10) / 10;
/** Four decimals: enough for a percentage to one decimal, and no floating-point dust. */
const fourDecimals = (n: number | undefined): Cell =>
  n === undefined ? NO_RATE : Number.isNaN(n) ? n : Math.round(n * 10_000) / 10_000;
const twoDecimals = (n: number | undefined): Cell =>
  n === undefined ? NO_RATE : Number.isNaN(n) ? n : Math.round(n * 100) / 100;
import { labelIn, optionalLabel } from '../../sheet/language';

type Cell = string | number | Date;

export const ANALYSIS_WIDTH = 7;

/** Where a charted table sits: 1-based header row, data rows below it, and its value column. */
export interface ChartedTable {
  readonly title: string;
  readonly headerRow: number;
  readonly rows: number;
  readonly valueColumn: number;
  /** A bar chart per group, or a line along the months. */
  readonly kind: 'bar' | 'line';
  /** The value axis runs from 0 to this: just above the largest value, not to 100%. */
  readonly axisMax: number;
  readonly percent: boolean;
}

/**
 * A round axis end a little above `max` (a tenth of headroom, then the next of 1, 1.2, 1.5, 2, 2.5,
 * 3, 4, 5, 6, 8 or 10 times a power of ten: 7% → 8%, 33% → 40%, 50% → 60%).
 * Rates never need more than 100%; an all-zero chart gets a small axis rather than none.
 */
export function axisMaxFor(max: number, percent: boolean): number {
  if (!(max > 0)) return percent ? 0.1 : 1;
  const target = max * 1.1;
  const power = 10 ** Math.floor(Math.log10(target));
  const step =
    [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * power >= target - 1e-12) ?? 10;
  const nice = Number((step * power).toPrecision(12));
  return percent ? Math.min(1, nice) : nice;
}

/** An empty group's rate: shown as —, since 0 of 0 is no rate at all. */
export const NO_RATE = '—';

export interface AnalysisSheetContent {
  readonly rows: Cell[][];
  /** The tables drawn as charts: by channel, by grade, loss reasons (analysis content only). */
  readonly charted?: readonly ChartedTable[];
  /** 1-based [row, column] of cells holding rates. */
  readonly percentCells: [number, number][];
  /** 1-based rows of titles and of table headers, to be styled. */
  readonly titleRows: number[];
  readonly headerRows: number[];
}

const T = ANALYSIS.sheet;

/** The analysis's table titles in every language (charts are told apart by them). */
export const ANALYSIS_TITLES = {
  bySource: T.bySource,
  byGrade: T.byGrade,
  reasons: T.reasons,
  trend: T.trend,
} as const;

const sourceLabel = (key: string, language: Language) =>
  optionalLabel(
    language,
    DEFAULT_SOURCES.find((s) => s.key === key),
  ) ?? key;
const reasonLabel = (key: string, language: Language) =>
  optionalLabel(
    language,
    LOSS_REASON.find((r) => r.key === key),
  ) ?? key;

const fieldLabel = (key: string | undefined, language: Language) =>
  key === undefined
    ? ''
    : (optionalLabel(language, LEAD_COLUMNS.find((c) => c.key === key)?.header) ?? key);

/** Lays out every table of the Analysis tab; the completeness tables when given. */
export function analysisSheetContent(
  analysis: Analysis,
  calibration: Calibration,
  language: Language,
  refreshedAt: Date,
  windowDays: number,
  completeness?: Completeness,
): AnalysisSheetContent {
  const rows: Cell[][] = [];
  const percentCells: [number, number][] = [];
  const titleRows: number[] = [];
  const headerRows: number[] = [];
  const label = (key: keyof typeof T) => t(language, T[key]);
  const push = (cells: Cell[], percentColumns: number[] = []) => {
    rows.push([...cells, ...Array<Cell>(ANALYSIS_WIDTH - cells.length).fill('')]);
    for (const column of percentColumns)
      if (typeof cells[column - 1] === 'number') percentCells.push([rows.length, column]);
  };
  const table = (title: keyof typeof T, header: (keyof typeof T)[]) => {
    push([]);
    push([label(title)]);
    titleRows.push(rows.length);
    push(header.map(label));
    headerRows.push(rows.length);
  };

  const charted: ChartedTable[] = [];
  /** Call right after a table's rows: the header sits `count` rows up. */
  const chart = (
    title: keyof typeof T,
    count: number,
    valueColumn: number,
    options: { kind?: 'bar' | 'line'; percent?: boolean } = {},
  ) => {
    if (count === 0) return;
    const percent = options.percent ?? true;
    const values = rows
      .slice(rows.length - count)
      .map((row) => row[valueColumn - 1])
      .filter((v): v is number => typeof v === 'number' && !Number.isNaN(v));
    charted.push({
      title: label(title),
      headerRow: rows.length - count,
      rows: count,
      valueColumn,
      kind: options.kind ?? 'bar',
      axisMax: axisMaxFor(Math.max(0, ...values), percent),
      percent,
    });
  };

  const slaRate = (row: { met: number; missed: number; rate: number }) =>
    rateCell(row.rate, row.met + row.missed);
  const cadenceTable = (cadence: NonNullable<Analysis['cadence']>) => {
    table('cadenceByOwner', ['owner', 'asked', 'logged', 'onTime', 'shareOnTime']);
    push([label('period'), cadence.from, cadence.to]);
    for (const row of cadence.byOwner)
      push([row.owner, row.asked, row.logged, row.onTime, rateOr(row.rate)], [5]);
  };
  const trendTables = (trend: Trend) => {
    table('trend', ['month', 'leads', 'won', 'rate', 'medianHours']);
    for (const row of trend.overall)
      push(
        [
          row.month,
          row.leads,
          row.won,
          rateOr(row.rate),
          oneDecimal(row.medianHoursToFirstContact),
        ],
        [4],
      );
    chart('trend', trend.overall.length, 4, { kind: 'line' });
    table('trendByChannel', ['month', 'source', 'leads', 'won', 'rate', 'medianHours']);
    for (const row of trend.byChannel)
      push(
        [
          row.month,
          sourceLabel(row.channel ?? '', language) || label('none'),
          row.leads,
          row.won,
          rateOr(row.rate),
          oneDecimal(row.medianHoursToFirstContact),
        ],
        [5],
      );
  };

  push([label('title')]);
  titleRows.push(rows.length);
  push([label('refreshed'), refreshedAt]);
  push([label('window'), windowDays]);

  table('bySource', ['source', 'leads', 'won', 'rate']);
  for (const row of analysis.bySource)
    push(
      [
        sourceLabel(row.key, language) || label('none'),
        row.leads,
        row.won,
        rateCell(row.rate, row.leads),
      ],
      [4],
    );
  chart('bySource', analysis.bySource.length, 4);
  table('byGrade', ['grade', 'leads', 'won', 'rate']);
  for (const row of analysis.byGrade)
    push([row.key || label('ungraded'), row.leads, row.won, rateCell(row.rate, row.leads)], [4]);
  chart('byGrade', analysis.byGrade.length, 4);
  table('cycle', ['count', 'mean', 'median']);
  const cycle = analysis.cycleDays;
  // No won deal has no cycle: —, not 0 days.
  push([
    cycle.count,
    cycle.count === 0 ? NO_RATE : oneDecimal(cycle.mean),
    cycle.count === 0 ? NO_RATE : cycle.median,
  ]);
  table('reasons', ['reason', 'count', 'share']);
  for (const row of analysis.topReasons)
    push([reasonLabel(row.key, language), row.count, row.share], [3]);
  chart('reasons', analysis.topReasons.length, 2, { percent: false });
  table('slaByGrade', ['grade', 'met', 'missed', 'open', 'slaRate']);
  for (const row of analysis.slaByGrade)
    push([row.key || label('ungraded'), row.met, row.missed, row.open, slaRate(row)], [5]);
  table('slaByOwner', ['owner', 'met', 'missed', 'open', 'slaRate']);
  for (const row of analysis.slaByOwner)
    push([row.key || label('pool'), row.met, row.missed, row.open, slaRate(row)], [5]);
  if (analysis.cadence) cadenceTable(analysis.cadence);
  table('funnel', ['stage', 'leads']);
  const funnel = analysis.funnel;
  for (const stage of ['entered', 'contacted', 'keyFollowUp', 'won'] as const)
    push([label(stage), funnel[stage]]);
  table('byOwner', ['owner', 'leads', 'contactedWithinSla', 'won', 'rate', 'overdueNow']);
  for (const row of analysis.byOwner) {
    if (row.leads === 0) continue;
    push(
      [
        row.key || label('pool'),
        row.leads,
        row.contactedWithinSla,
        row.won,
        rateCell(row.rate, row.leads),
        row.overdueNow,
      ],
      [5],
    );
  }
  // Claims from the pool (SPEC §14) beside the owners, in a table of their own: the owner table
  // keeps its six columns, the width every Analysis table shares.
  table('claimsByOwner', ['owner', 'claimed', 'claimedWon', 'rate']);
  for (const row of analysis.byOwner) {
    if (row.claimed === 0) continue;
    push(
      [
        row.key,
        row.claimed,
        row.claimedWon,
        typeof row.claimed === 'number' && typeof row.claimedWon === 'number'
          ? row.claimedWon / row.claimed
          : row.claimedWon,
      ],
      [4],
    );
  }
  if (analysis.trend) trendTables(analysis.trend);
  if (analysis.byRulesVersion) {
    table('byRulesVersion', ['rulesVersion', 'leads', 'decided', 'won', 'rate', 'decidedRate']);
    for (const row of analysis.byRulesVersion)
      push(
        [
          row.version || label('noVersion'),
          row.leads,
          row.decided,
          row.won,
          rateOr(row.rate),
          rateOr(row.decidedRate),
        ],
        [5, 6],
      );
  }
  if (analysis.channelCost) {
    table('channelCost', [
      'source',
      'spend',
      'leads',
      'won',
      'costPerLead',
      'costPerWon',
      'returnOnSpend',
    ]);
    for (const row of analysis.channelCost)
      push([
        sourceLabel(row.channel, language) || label('none'),
        row.spend,
        row.leads,
        row.won,
        twoDecimals(row.costPerLead),
        twoDecimals(row.costPerWon),
        twoDecimals(row.returnOnSpend),
      ]);
  }
  table('calibration', ['grade', 'leads', 'won', 'rate', 'low', 'high']);
  for (const grade of GRADES) {
    const rate = calibration.byGrade[grade];
    push(
      [
        grade,
        rate.leads,
        rate.won,
        rateCell(rate.rate, rate.leads),
        fourDecimals(rate.interval?.low ?? (Number.isNaN(rate.leads) ? NaN : undefined)),
        fourDecimals(rate.interval?.high ?? (Number.isNaN(rate.leads) ? NaN : undefined)),
      ],
      [4, 5, 6],
    );
  }
  for (const warning of calibration.warnings) push([warningText(warning, language)]);
  table('byOption', ['dimensionOption', 'leads', 'won', 'rate', 'low', 'high', 'lift']);
  for (const dimension of DIMENSIONS) {
    for (const option of dimension.options) {
      const rate = calibration.byOption[dimension.key][option.key];
      const hidden = Number.isNaN(rate.leads) ? NaN : undefined;
      push(
        [
          `${labelIn(language, dimension.name)} · ${labelIn(language, option)}`,
          rate.leads,
          rate.won,
          rateCell(rate.rate, rate.leads),
          fourDecimals(rate.interval?.low ?? hidden),
          fourDecimals(rate.interval?.high ?? hidden),
          twoDecimals(rate.lift ?? hidden),
        ],
        [4, 5, 6],
      );
    }
  }
  if (completeness) {
    const incomplete = (name: string, row: CompletenessRow) =>
      push(
        [
          name,
          row.leads,
          row.incomplete,
          rateCell(row.rate, row.leads),
          fieldLabel(row.mostMissing, language),
          row.mostMissingCount,
        ],
        [4],
      );
    const header: (keyof typeof T)[] = [
      'leads',
      'incomplete',
      'incompleteShare',
      'mostMissing',
      'mostMissingCount',
    ];
    table('completenessBySource', ['source', ...header]);
    for (const row of completeness.bySource)
      incomplete(sourceLabel(row.key, language) || label('none'), row);
    incomplete(label('allLeads'), completeness.total);
    table('completenessByEnteredBy', ['enteredBy', ...header]);
    for (const row of completeness.byEnteredBy) incomplete(row.key || label('nobody'), row);
  }
  return { rows, percentCells, titleRows, headerRows, charted };
}

/** Column (1-based) where the rule preview sits, right of the analysis tables it must not touch. */
export const PREVIEW_COLUMN = 8;
export const PREVIEW_WIDTH = 7;

const PREVIEW_HEADER = [
  'grade',
  'leadsNow',
  'wonNow',
  'rateNow',
  'leadsProposed',
  'wonProposed',
  'rateProposed',
] as const;

/**
 * The "Preview rule change" block (template step 6): how many leads change grade under the proposed
 * points, and the win rate per grade under today's rules and under the proposal.
 */
export function rulePreviewContent(
  preview: RuleChangePreview,
  language: Language,
  at: Date,
): AnalysisSheetContent {
  const words = (key: keyof typeof ANALYSIS.preview) => t(language, ANALYSIS.preview[key]);
  const rows: Cell[][] = [];
  const percentCells: [number, number][] = [];
  const push = (cells: Cell[], percentColumns: number[] = []) => {
    rows.push([...cells, ...Array<Cell>(PREVIEW_WIDTH - cells.length).fill('')]);
    for (const column of percentColumns)
      if (typeof cells[column - 1] === 'number') percentCells.push([rows.length, column]);
  };
  push([words('title'), at]);
  push([words('leadsChanging'), preview.changedGrade]);
  for (const [move, count] of Object.entries(preview.moves)) push([move, count]);
  push([]);
  push(PREVIEW_HEADER.map(words));
  const headerRow = rows.length;
  for (const grade of GRADES) {
    const now = preview.current[grade];
    const proposed = preview.proposed[grade];
    push(
      [
        grade,
        now.leads,
        now.won,
        rateCell(now.rate, now.leads),
        proposed.leads,
        proposed.won,
        rateCell(proposed.rate, proposed.leads),
      ],
      [4, 7],
    );
  }
  push([words('note')]);
  return { rows, percentCells, titleRows: [1], headerRows: [headerRow] };
}
