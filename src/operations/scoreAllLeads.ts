// Score all leads (menu) and rescore edited rows (onEdit): one read of Leads, a few block writes.

import { appendAll } from '../sheet/lists';
import { editsByLead } from '../sheet/placement';
import { requireColumns } from '../sheet/headers';
import { recordIds } from '../method/capture/leadIds';
import type { FirstDates } from '../method/capture/enteredAt';
import { isBlank } from '../sheet/cells';
import type { Language } from '../sheet/language';
import { APP, formatCount, OPERATIONS, SHEETS, t } from '../sheet/text';
import type { Grade } from '../method/scoring/scoringRules';
import {
  SCORE_ALL_NARROW_READ,
  SCORING_COLUMNS,
  scorePass,
  type ScorePassOptions,
  type ScorePassResult,
} from '../method/scoring/scorePass';
import { LEAD_COLUMNS, POOL_COLUMNS } from '../sheet/tabs';
import { commitEdits, commitLog, leadIdentity, scatteredIfFew, tableTarget } from '../gas/commit';
import { appendLog } from '../gas/log';
import { keepLeadsFormatted } from '../gas/tabStyle';
import { toast } from '../gas/feedback';
import { type OperationContext, runOperation } from './operation';
import { loadSequences, mergeSequences, saveSequences } from '../gas/sequences';
import { readTable } from '../gas/table';
import { readLeadsNarrow, snapshotOf } from '../gas/narrowLeads';
import { scoringMark } from '../gas/fullPassMark';
import { requireTab } from '../gas/workbook';
import { statusCorrections } from '../method/outcomes/latestOutcome';
import {
  addUnlistedSources,
  needsFirstDates,
  readHistory,
  statusLog,
  typeTable,
  unreadableLog,
  unreadableToast,
  withNotes,
} from './typedValues';
import { waitingLog, waitingToast } from './waitingRows';

export interface ScoreSummary {
  readonly scored: number;
  readonly changedRows: number;
  readonly idsAssigned: number;
  readonly gradeCounts: Readonly<Record<'A' | 'B' | 'C' | 'D', number>>;
}

/**
 * Scores rows in memory (only `onlyRows` when given) and numbers new leads after every ID in
 * Leads, in Pool and in the stored sequences. The sequences are stored at once: a run that dies
 * before writing leaves a gap in the numbering, never a reused ID.
 */
export function scoreRows(
  context: OperationContext,
  rows: unknown[][],
  columns: ScorePassOptions['columns'],
  poolIds: readonly unknown[],
  history?: FirstDates,
  onlyRows?: readonly number[],
  scores?: ScorePassOptions['scores'],
): ScorePassResult {
  const { settings, language, zone, now } = context;
  // Numbering needs every ID seen so far, but only when some row has none yet.
  const blankId = (row: readonly unknown[] | undefined) => !!row && isBlank(row[columns.id]);
  const needsIds = onlyRows
    ? onlyRows.some((at) => blankId(rows[at]))
    : rows.some((row) => blankId(row));
  const sequences = needsIds ? recordIds(rows.map((row) => row[columns.id])) : new Map();
  if (needsIds) recordIds(poolIds, sequences);
  const stored = needsIds ? loadSequences() : new Map();
  if (needsIds) mergeSequences(sequences, stored);
  // The commit finds a new lead by its contact, phone or company (leadIdentity): a row with none
  // of them is numbered by the edit that types it, never here, where its number would be lost.
  const named = [columns.contact, columns.phone, columns.company].filter(
    (c): c is number => c !== undefined,
  );
  const result = scorePass(rows, {
    numbers: (row) => named.some((c) => !isBlank(row[c])),
    columns,
    rules: {
      points: settings.points,
      gradeFrom: settings.gradeFrom,
      productPrice: settings.productPrice,
    },
    now,
    zone,
    language,
    sequences,
    history,
    onlyRows,
    scores,
  });
  if (needsIds) saveSequences(sequences, stored);
  return result;
}

/** `Scored 12 leads: A 2 · B 3 · C 4 · D 3`, and the Lead IDs given out. */
function scoredToast(
  scored: number,
  counts: Readonly<Record<Grade, number>>,
  idsAssigned: number,
  language: Language,
): string {
  const grades = (['A', 'B', 'C', 'D'] as const)
    .map((grade) => `${grade} ${formatCount(counts[grade])}`)
    .join(' · ');
  return t(language, SHEETS.scored, scored, grades, idsAssigned);
}

/**
 * Scores every lead in one pass (the menu's Score all leads). Leads is read in the columns
 * scoring uses, and whole only for the rows that need more (see SCORE_ALL_NARROW_READ).
 */
export function scoreAllLeadsIn(context: OperationContext): ScoreSummary {
  const { spreadsheet, tabs, language, settings, zone } = context;
  const names = settings.columnNames;
  const scoring = scoringMark(context);
  // Rows no pass has seen have no Lead ID yet and are read whole anyway: when there are many (an
  // import, a first pass), one whole read costs less than a narrow read and then a whole one.
  const read = readLeadsNarrow(
    spreadsheet,
    requireTab(tabs, 'leads', language),
    names,
    zone,
    SCORE_ALL_NARROW_READ,
    { rowsSeen: scoring.rowsAtLastPass ?? null },
  );
  const leads = read.table;
  const columns = requireColumns(
    leads.layout,
    SCORING_COLUMNS,
    () => leads.sheet.getName(),
    language,
  );
  const { raw, unreadable } = typeTable(leads, LEAD_COLUMNS, zone);
  const pool = tabs.pool ? readTable(tabs.pool, POOL_COLUMNS, names) : undefined;
  const poolId = pool?.layout.index.id;
  const poolIds = pool && poolId !== undefined ? pool.rows.map((row) => row[poolId]) : [];
  const history = readHistory(context, 'outcomes', needsFirstDates(leads.rows, leads.layout.index));
  appendAll(unreadable, history.unreadable);
  const result = scoreRows(context, leads.rows, columns, poolIds, history.firstDates);
  const status = leads.layout.index.status;
  const matched =
    status === undefined
      ? { changes: [], matched: [] }
      : statusCorrections(leads.rows, { id: columns.id, status }, history.outcomes, language);
  const identity = leadIdentity(leads.layout.index);
  const changes = [...result.changes, ...matched.changes];
  const committed = commitEdits(
    tableTarget(spreadsheet, leads, zone),
    editsByLead(changes, raw, identity),
    scatteredIfFew(
      changes.map((change) => change.row),
      raw.length,
    ),
    snapshotOf(raw, read.wholeRows, read.everyRowColumns),
  );
  let tabName: string | undefined;
  const waiting = {
    rows: result.waiting,
    headerRow: leads.headerRow,
    tabName: () => (tabName ??= leads.sheet.getName()),
  };
  // Today's hours may look at the leads they act on only: every lead is scored under these rules.
  scoring.remember(leads.rows.length);
  const sourcesAdded = addUnlistedSources(
    context,
    leads.rows.map((row) => row[columns.source]),
    [
      { sheet: leads.sheet, column: columns.source, headerRow: leads.headerRow },
      ...(pool && pool.layout.index.source !== undefined
        ? [{ sheet: pool.sheet, column: pool.layout.index.source, headerRow: pool.headerRow }]
        : []),
    ],
  );
  appendLog(
    spreadsheet,
    tabs,
    [
      ...commitLog(() => leads.sheet.getName(), leads.header, committed, language),
      ...statusLog(matched.matched, language),
      ...sourcesAdded,
      ...unreadableLog(unreadable, language),
      ...waitingLog(waiting, language),
    ],
    language,
    context.now,
    '',
  );
  keepLeadsFormatted(leads, language, settings);
  toast(
    spreadsheet,
    withNotes(
      scoredToast(result.scored, result.gradeCounts, result.idsAssigned, language),
      unreadableToast(unreadable, language),
      waitingToast(waiting, language),
    ),
    t(language, APP.name),
  );
  return result;
}

export function scoreAllLeads(): ScoreSummary {
  return runOperation({ action: OPERATIONS.scoreAllLeads }, scoreAllLeadsIn);
}
