// Refresh analysis (SPEC §6): rebuilds the Analysis tab from Leads, Pool, Follow-ups and Conversions
// in one write of values and one of formats; aggregates only, no customer data.

import { appendAll } from '../sheet/lists';
import { readClaims } from '../gas/claimLedger';
import { type Analysis, analyse } from '../method/analysis/analysis';
import { type Completeness, completenessOf, requiredFields } from '../method/analysis/completeness';
import {
  shownCell,
  suppressSmallCompleteness,
  suppressSmallGrades,
  suppressSmallGroups,
} from '../method/analysis/leadershipCopy';
import {
  analysisSheetContent,
  ANALYSIS_TITLES,
  type AnalysisSheetContent,
  type ChartedTable,
  ANALYSIS_WIDTH,
  PREVIEW_COLUMN,
  PREVIEW_WIDTH,
  rulePreviewContent,
} from '../method/analysis/analysisSheet';
import {
  calibrate,
  type Calibration,
  type CalibrationLead,
  type PreviewLead,
  previewRuleChange,
  proposedRules,
} from '../method/analysis/calibration';
import { calendarDateOf, isDate } from '../sheet/calendar';
import { isBlank, isOpen, recordOf, statusOf, textOf } from '../sheet/cells';
import type { ResultKey } from '../method/outcomes/latestOutcome';
import type { UnreadableCell } from '../sheet/typedCells';
import {
  type LeadHistory,
  readHistory,
  typeTable,
  unreadableLog,
  unreadableToast,
  withNotes,
} from './typedValues';
import { type LeadScore, scoreLead, type ScoringInputs } from '../method/scoring/scoring';
import {
  LEAD_COLUMNS,
  POOL_COLUMNS,
  type ColumnDef,
  type LeadColumnKey,
  TAB_NAMES,
} from '../sheet/tabs';
import { LANGUAGES, labelIn } from '../sheet/language';
import { ANALYSIS, APP, OPERATIONS, t } from '../sheet/text';
import { toast } from '../gas/feedback';
import { mailFailureToManagers } from '../gas/failureMail';
import { appendLog } from '../gas/log';
import { readState, saveState, STATE_KEYS, writeState } from '../gas/stateStore';
import { type OperationContext, runOperation } from './operation';
import { readTable, type Table } from '../gas/table';
import { requireTab, type Sheet } from '../gas/workbook';
import { asCellValue } from '../gas/cellWriter';
import { archivedFigures } from './archivedFigures';

const DAY_MS = 86_400_000;

function recordsOf<K extends string>(
  table: ReturnType<typeof readTable<K>> | undefined,
  keys: readonly K[],
) {
  // A row with no content is not a lead (SPEC §13.1): blank rows in the middle count for nothing.
  return table
    ? table.rows
        .filter((row) => row.some((cell) => !isBlank(cell)))
        .map((row) => recordOf(row, table.layout.index, keys))
    : [];
}

/** What scoring reads of a lead's record. */
function scoringInputsOf(lead: Record<string, unknown>): ScoringInputs {
  return {
    needFit: lead.needFit,
    budgetFit: lead.budgetFit,
    authority: lead.authority,
    urgency: lead.urgency,
    budget: lead.budget,
    expectedClose: lead.expectedClose,
  };
}

/** The Lead IDs that appear on exactly one record. */
function idsOnce(leads: readonly Record<string, unknown>[]): Set<string> {
  const once = new Set<string>();
  const more = new Set<string>();
  for (const lead of leads) {
    const id = textOf(lead.id);
    if (more.has(id)) continue;
    if (once.delete(id)) more.add(id);
    else once.add(id);
  }
  return once;
}

/** Won by its latest Conversions row; a lead without one goes by its Status. */
function wonBy(lead: Record<string, unknown>, outcomes: ReadonlyMap<string, ResultKey>): boolean {
  const outcome = outcomes.get(textOf(lead.id));
  return outcome ? outcome === 'won' : statusOf(lead as { status: unknown }) === 'won';
}

/** Each lead's grade, outcome and chosen options under today's rules, for calibration. */
export function calibrationLeads(
  context: OperationContext,
  leads: Record<string, unknown>[],
  outcomes: ReadonlyMap<string, ResultKey>,
  /** Scores this run's scoring pass gave, by Lead ID: the same rules, day and inputs. */
  scored?: ReadonlyMap<string, LeadScore | null>,
): CalibrationLead[] {
  const { settings, zone, now, language } = context;
  const rules = {
    points: settings.points,
    gradeFrom: settings.gradeFrom,
    productPrice: settings.productPrice,
  };
  const today = calendarDateOf(now, zone);
  const since =
    settings.analysisWindowDays > 0
      ? now.getTime() - settings.analysisWindowDays * DAY_MS
      : -Infinity;
  // A score is reused only for an ID on one record: another row with it (one the pass skipped,
  // or a pool lead returned this run) may hold other inputs.
  const once = scored && idsOnce(leads);
  return leads
    .filter((lead) => !isDate(lead.enteredAt) || (lead.enteredAt as Date).getTime() >= since)
    .map((lead) => {
      const id = textOf(lead.id);
      const score =
        (once?.has(id) ? scored?.get(id) : undefined) ??
        scoreLead(scoringInputsOf(lead), rules, { today, zone, language });
      return { grade: score.grade, won: wonBy(lead, outcomes), chosen: score.chosen };
    });
}

/**
 * Writes a block of aggregates at `column` in one call for values and one for formats (rates are
 * numbers shown as %), then clears what an earlier, longer block left below it.
 */
function writeContent(
  sheet: Sheet,
  column: number,
  width: number,
  content: AnalysisSheetContent,
): void {
  const previous = sheet.getLastRow();
  const needed = content.rows.length - sheet.getMaxRows();
  if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
  const columnsNeeded = column + width - 1 - sheet.getMaxColumns();
  if (columnsNeeded > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), columnsNeeded);
  const block = sheet.getRange(1, column, content.rows.length, width);
  block.setValues(content.rows.map((row) => row.map(asCellValue)));
  const percent = new Set(content.percentCells.map(([r, c]) => `${r}:${c}`));
  const formatOf = (cell: unknown, r: number, c: number) => {
    if (percent.has(`${r + 1}:${c + 1}`)) return '0.0%';
    if (isDate(cell)) return 'yyyy-mm-dd hh:mm';
    return typeof cell === 'number' ? '0.##' : '@';
  };
  block.setNumberFormats(
    content.rows.map((line, r) => line.map((cell, c) => formatOf(cell, r, c))),
  );
  if (previous > content.rows.length) {
    sheet
      .getRange(content.rows.length + 1, column, previous - content.rows.length, width)
      .clearContent();
  }
}

/** Column where the charts sit, right of the tables and of the rule preview. */
const CHART_COLUMN = 16;
const CHART_ROWS_APART = 20;
/** Titles of the charts this tab draws, in every language, to tell them from a person's own. */
const OUR_CHART_TITLES = new Set(
  ['bySource', 'byGrade', 'reasons', 'trend'].flatMap((key) => {
    const title = ANALYSIS_TITLES[key as keyof typeof ANALYSIS_TITLES];
    return LANGUAGES.map((language) => t(language, title));
  }),
);

/**
 * Charts of the channel, grade and reason tables, updated in place: an existing chart of ours is
 * modified, a missing one inserted, one no longer needed removed, so refreshing never piles them up.
 */
function drawCharts(sheet: Sheet, tables: readonly ChartedTable[], place: string): void {
  const ours = sheet
    .getCharts()
    .filter((chart) => OUR_CHART_TITLES.has(String(chart.getOptions().get('title'))));
  // A chart shows its ranges as they are: when the tables sit where they sat, with the same rows
  // and titles, the charts already show the new figures and need no rebuilding.
  const layout = JSON.stringify(
    tables.map((table) => [
      table.headerRow,
      table.rows,
      table.valueColumn,
      table.title,
      table.kind,
      table.axisMax,
    ]),
  );
  const key = `${STATE_KEYS.analysisCharts}:${place}`;
  if (ours.length === tables.length && readState<string>(key, '') === layout) return;
  writeState(key, layout);
  tables.forEach((table, i) => {
    const labels = sheet.getRange(table.headerRow, 1, table.rows + 1, 1);
    const values = sheet.getRange(table.headerRow, table.valueColumn, table.rows + 1, 1);
    const existing = ours[i];
    // The value axis is scaled to the data (a 5% rate is not a sliver on a 0–100% axis); a bar
    // chart's value axis is horizontal, a line chart's vertical. Nested options are set by their
    // dotted paths, as the Apps Script reference sets them.
    const axis = table.kind === 'line' ? 'vAxis' : 'hAxis';
    const builder = (existing ? existing.modify() : sheet.newChart())
      .setChartType(table.kind === 'line' ? Charts.ChartType.LINE : Charts.ChartType.BAR)
      .clearRanges()
      .addRange(labels)
      .addRange(values)
      .setPosition(1 + i * CHART_ROWS_APART, CHART_COLUMN, 0, 0)
      .setOption('title', table.title)
      .setOption('legend', { position: 'none' })
      .setOption(`${axis}.viewWindow.min`, 0)
      .setOption(`${axis}.viewWindow.max`, table.axisMax)
      .setOption(`${axis}.format`, table.percent ? '#%' : '#');
    if (existing) sheet.updateChart(builder.build());
    else sheet.insertChart(builder.build());
  });
  for (const extra of ours.slice(tables.length)) sheet.removeChart(extra);
}

/** Leads and Pool as a caller already holds them, so they are not read again. */
export interface ReadLeadTabs {
  readonly leads: Table<LeadColumnKey>;
  readonly pool: Table<string> | undefined;
  /** Follow-ups and Conversions, when the caller read them too. */
  readonly history?: LeadHistory;
  /** Leads' scores by Lead ID from the caller's scoring pass (null: an ID on two rows). */
  readonly scores?: ReadonlyMap<string, LeadScore | null>;
}

/** Leads and Pool read whole and typed; the cells that cannot be read are added to `unreadable`. */
export function readLeadTabs(
  context: OperationContext,
  unreadable: UnreadableCell[],
): Omit<ReadLeadTabs, 'history'> {
  const { tabs, settings, language, zone } = context;
  const names = settings.columnNames;
  const typed = <K extends string>(table: Table<K>, columns: readonly ColumnDef<K>[]) => {
    appendAll(unreadable, typeTable(table, columns, zone).unreadable);
    return table;
  };
  return {
    leads: typed(readTable(requireTab(tabs, 'leads', language), LEAD_COLUMNS, names), LEAD_COLUMNS),
    pool: tabs.pool ? typed(readTable(tabs.pool, POOL_COLUMNS, names), POOL_COLUMNS) : undefined,
  };
}

/**
 * Reads each tab once (Leads and Pool only when the caller has not already) and computes the
 * aggregates and the calibration.
 */
export function computeAnalysis(
  context: OperationContext,
  read?: ReadLeadTabs,
): {
  analysis: Analysis;
  calibration: Calibration;
  completeness: Completeness;
  unreadable: UnreadableCell[];
} {
  const { settings, now, zone } = context;
  const unreadable: UnreadableCell[] = [];
  // Tabs the caller read are typed already, and what it could not read it reports itself.
  const { leads: leadsTable, pool: poolTable } = read ?? readLeadTabs(context, unreadable);
  const archived = archivedFigures(context);
  const leads = recordsOf(
    leadsTable,
    LEAD_COLUMNS.map((c) => c.key),
  ).filter((lead) => !archived.leaveOut.has(textOf(lead.id)));
  const pool = recordsOf(
    poolTable,
    POOL_COLUMNS.map((c) => c.key),
  );
  const history = read?.history ?? readHistory(context);
  if (!read?.history) appendAll(unreadable, history.unreadable);
  const analysis = analyse({
    leads,
    pool,
    followUps: history.followUps,
    conversions: history.conversions,
    now,
    windowDays: settings.analysisWindowDays,
    sources: settings.sources,
    archived: archived.facts,
    claims: readClaims(context.spreadsheet, zone),
    timeAxis: { zone, cadence: settings, channelSpend: settings.channelSpend },
  });
  const calibration = calibrate([
    ...archived.calibration,
    // The pass scored Leads rows only: a Pool row sharing a Lead ID is scored on its own.
    ...calibrationLeads(context, leads, history.outcomes, read?.scores),
    ...calibrationLeads(context, pool, history.outcomes),
  ]);
  // Open leads only: they are the ones a team can still complete, and archiving (which moves
  // closed leads) then leaves these figures as they were.
  const completeness = completenessOf({
    leads: [...leads, ...pool].filter((lead) => {
      const outcome = history.outcomes.get(textOf(lead.id));
      return outcome ? outcome === 'nurturing' : isOpen(lead as { status: unknown });
    }),
    required: requiredFields(settings.companyRequired),
    now,
    windowDays: settings.analysisWindowDays,
    sources: settings.sources,
  });
  return { analysis, calibration, completeness, unreadable };
}

/** Writes the leadership copy: the same tables and charts, small groups shown as `<5`. */
function writeLeadershipCopy(
  copy: GoogleAppsScript.Spreadsheet.Spreadsheet,
  context: OperationContext,
  computed: { analysis: Analysis; calibration: Calibration; completeness?: Completeness },
): void {
  const { language, now, settings } = context;
  const content = analysisSheetContent(
    suppressSmallGroups(computed.analysis),
    suppressSmallGrades(computed.calibration),
    language,
    now,
    settings.analysisWindowDays,
    computed.completeness && suppressSmallCompleteness(computed.completeness),
  );
  const sheet = copy.getSheets()[0];
  if (sheet.getName() !== labelIn(language, TAB_NAMES.analysis))
    sheet.setName(labelIn(language, TAB_NAMES.analysis));
  writeContent(sheet, 1, ANALYSIS_WIDTH, {
    ...content,
    rows: content.rows.map((row) => row.map(shownCell)),
  });
  drawCharts(sheet, content.charted ?? [], 'leadershipCopy');
}

/** Who this run runs as (a trigger's creator in a time-driven run), for whom to share with. */
function runningUser(): string {
  try {
    return Session.getEffectiveUser().getEmail() || Session.getActiveUser().getEmail();
  } catch {
    return '';
  }
}

/**
 * Leadership's copy follows every refresh. A copy that cannot be opened or written (deleted, or not
 * shared with whoever runs this) never stops the run (SPEC §11): the Log says how to fix it and the
 * managers hear it by e-mail, at most once a day. Returns that message, or null when all went well.
 */
function refreshLeadershipCopy(
  context: OperationContext,
  computed: { analysis: Analysis; calibration: Calibration },
): string | null {
  const { spreadsheet, tabs, language, now } = context;
  const id = readState<string | null>(STATE_KEYS.leadershipCopy, null);
  if (!id) return null;
  try {
    writeLeadershipCopy(SpreadsheetApp.openById(id), context, computed);
    return null;
  } catch {
    const message = t(language, ANALYSIS.leadershipCopyUnreachable, id, runningUser());
    const action = t(language, ANALYSIS.leadershipCopyAction);
    appendLog(spreadsheet, tabs, [{ action, detail: message }], language, now, '');
    mailFailureToManagers(spreadsheet, tabs.settings, action, message, language);
    return message;
  }
}

/** Rebuilds the Analysis tab (and leadership's copy); returns the calibration it showed. */
export function refreshAnalysisIn(context: OperationContext, read?: ReadLeadTabs): Calibration {
  const { spreadsheet, tabs, settings, language, now } = context;
  const computed = computeAnalysis(context, read);
  const content = analysisSheetContent(
    computed.analysis,
    computed.calibration,
    language,
    now,
    settings.analysisWindowDays,
    computed.completeness,
  );
  const sheet = tabs.analysis ?? spreadsheet.insertSheet(labelIn(language, TAB_NAMES.analysis));
  writeContent(sheet, 1, ANALYSIS_WIDTH, content);
  drawCharts(sheet, content.charted ?? [], 'analysis');
  writeState(STATE_KEYS.analysisRefreshedAt, now.toISOString());
  const copyProblem = refreshLeadershipCopy(context, computed);
  appendLog(spreadsheet, tabs, unreadableLog(computed.unreadable, language), language, now, '');
  toast(
    spreadsheet,
    withNotes(
      t(language, ANALYSIS.refreshed),
      copyProblem ?? '',
      unreadableToast(computed.unreadable, language),
    ),
    t(language, APP.name),
  );
  return computed.calibration;
}

/** The tabs a run read whole for the Analysis, and the calibration the Analysis showed. */
export interface Analysed {
  readonly read: ReadLeadTabs;
  readonly calibration: Calibration;
}

function openOrNull(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
  try {
    return SpreadsheetApp.openById(id);
  } catch {
    return null;
  }
}

/**
 * Publishes the analysis into a separate spreadsheet shared view-only with the leadership e-mails
 * in Settings (created once, then refreshed with each analysis). It holds aggregates only, with
 * every figure over fewer than 5 leads suppressed.
 */
export function shareWithLeadershipIn(context: OperationContext): string {
  const { spreadsheet, settings, language } = context;
  if (settings.leadershipEmails.length === 0) {
    throw new Error(t(language, ANALYSIS.noLeadershipEmails));
  }
  // A copy that was deleted or can no longer be opened is replaced by a new one.
  const id = readState<string | null>(STATE_KEYS.leadershipCopy, null);
  let copy = id ? openOrNull(id) : null;
  if (!copy) {
    const analysisTab = labelIn(language, TAB_NAMES.analysis);
    copy = SpreadsheetApp.create(
      t(language, ANALYSIS.leadershipCopyName, spreadsheet.getName(), analysisTab),
    );
    // Stored at once: a run that dies later must not leave a second copy made next time.
    writeState(STATE_KEYS.leadershipCopy, copy.getId());
    saveState();
  }
  writeLeadershipCopy(copy, context, computeAnalysis(context));
  copy.addViewers([...settings.leadershipEmails]);
  toast(
    spreadsheet,
    t(language, ANALYSIS.shared, settings.leadershipEmails.length, copy.getUrl()),
    t(language, APP.name),
  );
  return copy.getUrl();
}

export function shareWithLeadership(): void {
  runOperation({ action: OPERATIONS.shareWithLeadership }, shareWithLeadershipIn);
}

/** Leads and Pool rows as the rule preview needs them: scoring inputs and whether won. */
function previewLeads(context: OperationContext): PreviewLead[] {
  const { tabs, language, settings } = context;
  const names = settings.columnNames;
  const leadKeys = LEAD_COLUMNS.map((c) => c.key);
  const leads = recordsOf(
    readTable(requireTab(tabs, 'leads', language), LEAD_COLUMNS, names),
    leadKeys,
  );
  const pool = recordsOf(
    tabs.pool ? readTable(tabs.pool, POOL_COLUMNS, names) : undefined,
    POOL_COLUMNS.map((c) => c.key),
  );
  const { outcomes } = readHistory(context, 'outcomes');
  return [...leads, ...pool].map((lead) => ({
    inputs: scoringInputsOf(lead),
    won: wonBy(lead, outcomes),
    currentGrade: String(lead.grade ?? ''),
  }));
}

/** Rescores the history under the proposed points; shows the result beside the analysis, changes nothing else. */
export function previewRuleChangeIn(context: OperationContext): void {
  const { spreadsheet, tabs, settings, language, zone, now } = context;
  const current = {
    points: settings.points,
    gradeFrom: settings.gradeFrom,
    productPrice: settings.productPrice,
  };
  const preview = previewRuleChange(previewLeads(context), current, proposedRules(settings), {
    today: calendarDateOf(now, zone),
    zone,
    language,
  });
  const sheet = tabs.analysis ?? spreadsheet.insertSheet(labelIn(language, TAB_NAMES.analysis));
  writeContent(sheet, PREVIEW_COLUMN, PREVIEW_WIDTH, rulePreviewContent(preview, language, now));
  toast(spreadsheet, t(language, ANALYSIS.previewed, preview.changedGrade), t(language, APP.name));
}

export function previewRuleChangeMenu(): void {
  runOperation({ action: OPERATIONS.previewRuleChange }, previewRuleChangeIn);
}

export function refreshAnalysis(): void {
  runOperation({ action: OPERATIONS.refreshAnalysis }, refreshAnalysisIn);
}
