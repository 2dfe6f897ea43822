// The Analysis tab's content (SPEC §6): titled tables of aggregates in the workbook's language,
// written as values, with the cells to format as percentages. No customer data ever reaches it.

import type { Analysis } from './analysis';
import { type Calibration, GRADES, type RuleChangePreview, warningText } from './calibration';
import { type Bilingual, type Language } from '../../sheet/language';
import { DEFAULT_SOURCES, LOSS_REASON } from '../../sheet/options';
import { DIMENSIONS } from '../scoring/scoringRules';

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

const T = {
  title: { en: 'Conversion analysis', zh: '转化分析' },
  refreshed: { en: 'Last refreshed', zh: '最近刷新' },
  window: { en: 'Window (days, 0 = all time)', zh: '分析周期（天，0 = 全部）' },
  bySource: { en: 'Conversion by source channel', zh: '各渠道转化率' },
  byGrade: { en: 'Conversion by grade', zh: '各等级转化率' },
  cycle: { en: 'Cycle days of won deals', zh: '成交周期（天）' },
  reasons: { en: 'Top reasons not won or lost', zh: '未成交原因 TOP3' },
  slaByGrade: { en: 'First-contact SLA by grade', zh: '首次触达达标率（按等级）' },
  slaByOwner: { en: 'First-contact SLA by owner', zh: '首次触达达标率（按负责人）' },
  funnel: { en: 'Funnel', zh: '转化漏斗' },
  byOwner: { en: 'By owner', zh: '按负责人' },
  calibration: {
    en: 'Calibration: win rate by grade (95% interval)',
    zh: '评分校准：各等级成交率（95% 区间）',
  },
  source: { en: 'Source', zh: '来源' },
  grade: { en: 'Grade', zh: '等级' },
  leads: { en: 'Leads', zh: '线索数' },
  won: { en: 'Won', zh: '成交' },
  rate: { en: 'Rate', zh: '转化率' },
  count: { en: 'Count', zh: '数量' },
  mean: { en: 'Mean', zh: '平均' },
  median: { en: 'Median', zh: '中位数' },
  reason: { en: 'Reason', zh: '原因' },
  share: { en: 'Share', zh: '占比' },
  met: { en: 'Met', zh: '达标' },
  slaRate: { en: 'Met rate', zh: '达标率' },
  missed: { en: 'Missed', zh: '超时' },
  open: { en: 'Open', zh: '未到期' },
  owner: { en: 'Owner', zh: '负责人' },
  stage: { en: 'Stage', zh: '阶段' },
  entered: { en: 'Entered', zh: '录入' },
  contacted: { en: 'Contacted', zh: '已触达' },
  keyFollowUp: { en: 'Key follow-up', zh: '重点跟进' },
  contactedWithinSla: { en: 'Contacted within SLA', zh: '按时触达' },
  overdueNow: { en: 'Overdue now', zh: '当前逾期' },
  low: { en: '95% low', zh: '95% 下限' },
  byOption: { en: 'Calibration: win rate by scoring option', zh: '评分校准：各评分选项成交率' },
  dimension: { en: 'Dimension', zh: '评分维度' },
  option: { en: 'Option', zh: '选项' },
  high: { en: '95% high', zh: '95% 上限' },
  none: { en: '(none)', zh: '（无）' },
  pool: { en: '(pool / unowned)', zh: '（公海/未分配）' },
  ungraded: { en: '(ungraded)', zh: '（未评级）' },
} satisfies Record<string, Bilingual>;

/** The analysis's table titles in both languages (charts are told apart by them). */
export const ANALYSIS_TITLES = {
  bySource: T.bySource,
  byGrade: T.byGrade,
  reasons: T.reasons,
} as const;

const sourceLabel = (key: string, language: Language) =>
  DEFAULT_SOURCES.find((s) => s.key === key)?.[language] ?? key;
const reasonLabel = (key: string, language: Language) =>
  LOSS_REASON.find((r) => r.key === key)?.[language] ?? key;

/** Lays out every table of the Analysis tab. */
export function analysisSheetContent(
  analysis: Analysis,
  calibration: Calibration,
  language: Language,
  refreshedAt: Date,
  windowDays: number,
): AnalysisSheetContent {
  const rows: Cell[][] = [];
  const percentCells: [number, number][] = [];
  const titleRows: number[] = [];
  const headerRows: number[] = [];
  const t = (key: keyof typeof T) => T[key][language];
  const push = (cells: Cell[], percentColumns: number[] = []) => {
    rows.push([...cells, ...Array<Cell>(ANALYSIS_WIDTH - cells.length).fill('')]);
    for (const column of percentColumns) percentCells.push([rows.length, column]);
  };
  const table = (title: keyof typeof T, header: (keyof typeof T)[]) => {
    push([]);
    push([t(title)]);
    titleRows.push(rows.length);
    push(header.map(t));
    headerRows.push(rows.length);
  };

  const charted: ChartedTable[] = [];
  /** Call right after a table's rows: the header sits `count` rows up. */
  const chart = (title: keyof typeof T, count: number, valueColumn: number) => {
    if (count > 0)
      charted.push({ title: t(title), headerRow: rows.length - count, rows: count, valueColumn });
  };

  push([t('title')]);
  titleRows.push(rows.length);
  push([t('refreshed'), refreshedAt]);
  push([t('window'), windowDays]);

  table('bySource', ['source', 'leads', 'won', 'rate']);
  for (const row of analysis.bySource)
    push([sourceLabel(row.key, language) || t('none'), row.leads, row.won, row.rate], [4]);
  chart('bySource', analysis.bySource.length, 4);
  table('byGrade', ['grade', 'leads', 'won', 'rate']);
  for (const row of analysis.byGrade)
    push([row.key || t('ungraded'), row.leads, row.won, row.rate], [4]);
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
    push([row.key || t('ungraded'), row.met, row.missed, row.open, row.rate], [5]);
  table('slaByOwner', ['owner', 'met', 'missed', 'open', 'slaRate']);
  for (const row of analysis.slaByOwner)
    push([row.key || t('pool'), row.met, row.missed, row.open, row.rate], [5]);
  table('funnel', ['stage', 'leads']);
  const funnel = analysis.funnel;
  for (const stage of ['entered', 'contacted', 'keyFollowUp', 'won'] as const)
    push([t(stage), funnel[stage]]);
  table('byOwner', ['owner', 'leads', 'contactedWithinSla', 'won', 'rate', 'overdueNow']);
  for (const row of analysis.byOwner) {
    push(
      [row.key || t('pool'), row.leads, row.contactedWithinSla, row.won, row.rate, row.overdueNow],
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
      push([dimension.name[language], option[language], rate.leads, rate.won, rate.rate], [5]);
    }
  }
  return { rows, percentCells, titleRows, headerRows, charted };
}

/** Column (1-based) where the rule preview sits, right of the analysis tables it must not touch. */
export const PREVIEW_COLUMN = 8;
export const PREVIEW_WIDTH = 7;

/**
 * The "Preview rule change" block (template step 6): how many leads change grade under the proposed
 * points, and the win rate per grade under today's rules and under the proposal.
 */
export function rulePreviewContent(
  preview: RuleChangePreview,
  language: Language,
  at: Date,
): AnalysisSheetContent {
  const zh = language === 'zh';
  const rows: Cell[][] = [];
  const percentCells: [number, number][] = [];
  const push = (cells: Cell[], percentColumns: number[] = []) => {
    rows.push([...cells, ...Array<Cell>(PREVIEW_WIDTH - cells.length).fill('')]);
    for (const column of percentColumns) percentCells.push([rows.length, column]);
  };
  push([zh ? '评分规则调整预览（拟调整分值）' : 'Rule change preview (proposed points)', at]);
  push([zh ? '等级会变化的线索' : 'Leads changing grade', preview.changedGrade]);
  for (const [move, count] of Object.entries(preview.moves)) push([move, count]);
  push([]);
  push(
    zh
      ? ['等级', '现线索数', '现成交', '现成交率', '新线索数', '新成交', '新成交率']
      : [
          'Grade',
          'Leads now',
          'Won now',
          'Rate now',
          'Leads proposed',
          'Won proposed',
          'Rate proposed',
        ],
  );
  const headerRow = rows.length;
  for (const grade of GRADES) {
    const now = preview.current[grade];
    const proposed = preview.proposed[grade];
    push(
      [grade, now.leads, now.won, now.rate, proposed.leads, proposed.won, proposed.rate],
      [4, 7],
    );
  }
  push([
    zh
      ? '仅为预览：经理把「拟调整分值」复制到「分值」后才会生效。'
      : 'A preview only: nothing changes until a manager copies the proposed points over the points.',
  ]);
  return { rows, percentCells, titleRows: [1], headerRows: [headerRow] };
}
