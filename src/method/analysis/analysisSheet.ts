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
import { labelIn, optionalLabel } from '../../sheet/language';

type Cell = string | number | Date;

export const ANALYSIS_WIDTH = 6;

/** Where a charted table sits: 1-based header row, data rows below it, and its value column. */
export interface ChartedTable {
  readonly title: string;
  readonly headerRow: number;
  readonly rows: number;
  readonly valueColumn: number;
}

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
    for (const column of percentColumns) percentCells.push([rows.length, column]);
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
  const chart = (title: keyof typeof T, count: number, valueColumn: number) => {
    if (count > 0)
      charted.push({
        title: label(title),
        headerRow: rows.length - count,
        rows: count,
        valueColumn,
      });
  };

  push([label('title')]);
  titleRows.push(rows.length);
  push([label('refreshed'), refreshedAt]);
  push([label('window'), windowDays]);

  table('bySource', ['source', 'leads', 'won', 'rate']);
  for (const row of analysis.bySource)
    push([sourceLabel(row.key, language) || label('none'), row.leads, row.won, row.rate], [4]);
  chart('bySource', analysis.bySource.length, 4);
  table('byGrade', ['grade', 'leads', 'won', 'rate']);
  for (const row of analysis.byGrade)
    push([row.key || label('ungraded'), row.leads, row.won, row.rate], [4]);
  chart('byGrade', analysis.byGrade.length, 4);
  table('cycle', ['count', 'mean', 'median']);
  push([
    analysis.cycleDays.count,
    Math.round(analysis.cycleDays.mean * 10) / 10,
    analysis.cycleDays.median,
  ]);
  table('reasons', ['reason', 'count', 'share']);
  for (const row of analysis.topReasons)
    push([reasonLabel(row.key, language), row.count, row.share], [3]);
  chart('reasons', analysis.topReasons.length, 2);
  table('slaByGrade', ['grade', 'met', 'missed', 'open', 'slaRate']);
  for (const row of analysis.slaByGrade)
    push([row.key || label('ungraded'), row.met, row.missed, row.open, row.rate], [5]);
  table('slaByOwner', ['owner', 'met', 'missed', 'open', 'slaRate']);
  for (const row of analysis.slaByOwner)
    push([row.key || label('pool'), row.met, row.missed, row.open, row.rate], [5]);
  table('funnel', ['stage', 'leads']);
  const funnel = analysis.funnel;
  for (const stage of ['entered', 'contacted', 'keyFollowUp', 'won'] as const)
    push([label(stage), funnel[stage]]);
  table('byOwner', ['owner', 'leads', 'contactedWithinSla', 'won', 'rate', 'overdueNow']);
  for (const row of analysis.byOwner) {
    push(
      [
        row.key || label('pool'),
        row.leads,
        row.contactedWithinSla,
        row.won,
        row.rate,
        row.overdueNow,
      ],
      [5],
    );
  }
  table('calibration', ['grade', 'leads', 'won', 'rate', 'low', 'high']);
  for (const grade of GRADES) {
    const rate = calibration.byGrade[grade];
    // Four decimals: enough for a percentage to one decimal, and no floating-point dust.
    const round = (n: number | undefined) =>
      n === undefined ? '' : Math.round(n * 10_000) / 10_000;
    push(
      [
        grade,
        rate.leads,
        rate.won,
        rate.rate,
        round(rate.interval?.low),
        round(rate.interval?.high),
      ],
      [4, 5, 6],
    );
  }
  for (const warning of calibration.warnings) push([warningText(warning, language)]);
  table('byOption', ['dimension', 'option', 'leads', 'won', 'rate']);
  for (const dimension of DIMENSIONS) {
    for (const option of dimension.options) {
      const rate = calibration.byOption[dimension.key][option.key];
      push(
        [
          labelIn(language, dimension.name),
          labelIn(language, option),
          rate.leads,
          rate.won,
          rate.rate,
        ],
        [5],
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
          row.rate,
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
    for (const column of percentColumns) percentCells.push([rows.length, column]);
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
      [grade, now.leads, now.won, now.rate, proposed.leads, proposed.won, proposed.rate],
      [4, 7],
    );
  }
  push([words('note')]);
  return { rows, percentCells, titleRows: [1], headerRows: [headerRow] };
}
