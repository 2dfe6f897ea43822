// The automated work of SPEC §3–§5 as one run over Leads and Pool: rescore, flag duplicates and
// assign, move stale leads to the pool, return reassigned pool leads, remind, and log what happened.
// runHourly does every step; the menu's Assign leads and Return pool leads do one each.

import { appendAll } from '../sheet/lists';
import { applyChangesApart, type CellChange } from '../sheet/cellWrites';
import { requireColumns } from '../sheet/headers';
import type { Language } from '../sheet/language';
import { APP, AUTOMATION, OPERATIONS, t } from '../sheet/text';
import { assignPass, poolCandidatesOf } from '../method/assignment/assignPass';
import { type RoundRobin } from '../method/assignment/assignment';
import { isBlank, isOpen, recordOf, textOf } from '../sheet/cells';
import { LEAD_COLUMNS, POOL_COLUMNS, type LeadColumnKey } from '../sheet/tabs';
import { type Analysed, refreshAnalysisIn } from './refreshAnalysis';
import { analysisDue } from '../method/analysis/analysisSchedule';
import { commitEdits, commitLog, leadIdentity, scatteredIfFew, tableTarget } from '../gas/commit';
import { editsByLead } from '../sheet/placement';
import { scoreRows } from './scoreAllLeads';
import type { LeadScore } from '../method/scoring/scoring';
import { toast } from '../gas/feedback';
import { appendLog, type LogEntry } from '../gas/log';
import { notify } from '../gas/notify';
import { reminderLeadCells, type ReminderCells } from '../method/reminders/reminderPlan';
import {
  finishHalfDoneMoves,
  MAX_DELETION_BLOCKS,
  poolStaleLeads,
  returnOwnedPoolLeads,
} from '../gas/poolMoves';
import { readFlagMemory, writeFlagMemory } from '../gas/duplicateFlags';
import { readState, STATE_KEYS, writeState } from '../gas/stateStore';
import { readTable, type Table } from '../gas/table';
import { readLeadsNarrow, snapshotOf } from '../gas/narrowLeads';
import { HOURLY_NARROW_READ } from '../method/pool/regularHour';
import { scoringMark } from '../gas/fullPassMark';
import { keepLeadsFormatted } from '../gas/tabStyle';
import { requireTab, sheetIdOf } from '../gas/workbook';
import type { OperationContext } from './operation';
import { statusCorrections } from '../method/outcomes/latestOutcome';
import type { UnreadableCell } from '../sheet/typedCells';
import {
  addUnlistedSources,
  type LeadHistory,
  needsFirstDates,
  readHistory,
  statusLog,
  typeTable,
  unreadableLog,
  unreadableToast,
  withNotes,
} from './typedValues';
import { waitingLog } from './waitingRows';

export interface AutomationSteps {
  readonly score: boolean;
  readonly assign: boolean;
  readonly pool: boolean;
  readonly returnPool: boolean;
  readonly remind: boolean;
  /**
   * Rebuild the Analysis tab at the end: always (the menu's Run hourly job now), or 'daily' (the
   * time-driven run: once a day at the Settings hour).
   */
  readonly analysis?: boolean | 'daily';
  /** Send the periodic report when its period has not had one (SPEC §14). */
  readonly report?: boolean;
  /** Archive old closed leads, once a day (SPEC §16). */
  readonly archive?: boolean;
}

export const ALL_STEPS: AutomationSteps = {
  analysis: true,
  report: true,
  archive: true,
  score: true,
  assign: true,
  pool: true,
  returnPool: true,
  remind: true,
};

export interface AutomationSummary {
  assigned: number;
  flagged: number;
  pooled: number;
  returned: number;
  repaired: number;
  digests: number;
  deferred: number;
}

type PoolKey = (typeof POOL_COLUMNS)[number]['key'];
const LEAD_KEYS = LEAD_COLUMNS.map((c) => c.key);
const POOL_KEYS = POOL_COLUMNS.map((c) => c.key);
/** Items a Log line names before it counts the rest: a cell holds at most 50,000 characters. */
const LOG_ITEMS = 200;

/** A Log detail naming the first items, then how many more there are. */
function listed(items: readonly string[], language: Language): string {
  const shown = items.slice(0, LOG_ITEMS).join('; ');
  const more = items.length - LOG_ITEMS;
  if (more <= 0) return shown;
  return `${shown}; ${t(language, AUTOMATION.andMore, more)}`;
}

/** Scores and assigns in memory, then writes every changed cell of Leads in a few blocks. */
function scoreAndAssign(
  context: OperationContext,
  leads: Table<LeadColumnKey>,
  pool: Table<PoolKey>,
  steps: AutomationSteps,
  read: {
    readonly raw: readonly unknown[][];
    readonly history: LeadHistory;
    /** Rows read whole (all when undefined): the others hold only the columns every lead needs. */
    readonly wholeRows?: ReadonlySet<number>;
    readonly everyRowColumns?: ReadonlySet<number>;
    /** Filled with each lead's score when the run rebuilds the Analysis, for its calibration. */
    readonly scores?: Map<string, LeadScore | null>;
  },
) {
  const { settings, language, zone, now } = context;
  const columns = leads.layout.index as Record<LeadColumnKey, number>;
  // The cells as read, text dates and all: a change is placed against what the sheet holds. A
  // row is copied only when this run changes it.
  const before = read.raw;
  const changes: CellChange[] = [];
  const onlyRows = read.wholeRows && [...read.wholeRows];
  // A lead decided in Conversions is closed for every step below (SPEC §13.1).
  const matched = statusCorrections(leads.rows, columns, read.history.outcomes, language);
  applyChangesApart(leads.rows, matched.changes, before);
  appendAll(changes, matched.changes);
  // A full pass names the rows it left unnumbered; the narrow hours between say nothing new.
  let waiting: LogEntry[] = [];
  if (steps.score) {
    const poolId = pool.layout.index.id;
    const poolIds = poolId === undefined ? [] : pool.rows.map((row) => row[poolId]);
    const scored = scoreRows(
      context,
      leads.rows,
      columns,
      poolIds,
      read.history.firstDates,
      onlyRows,
      read.scores,
    );
    applyChangesApart(leads.rows, scored.changes, before);
    appendAll(changes, scored.changes);
    if (!onlyRows) {
      const rows = { rows: scored.waiting, headerRow: leads.headerRow };
      waiting = waitingLog({ ...rows, tabName: () => leads.sheet.getName() }, language);
    }
  }
  let assigned: { id: string; owner: string }[] = [];
  let flagged = 0;
  let remember = () => {};
  if (steps.assign) {
    const memory = readFlagMemory();
    const { flags, cleared } = memory;
    // A flag we set that is blank now was cleared by a person: that lead is never flagged again.
    for (const [at, row] of leads.rows.entries()) {
      if (read.wholeRows && !read.wholeRows.has(at)) continue;
      const id = textOf(row[columns.id]);
      if (flags.has(id) && textOf(row[columns.duplicateOf]) === '') {
        flags.delete(id);
        cleared.add(id);
      }
    }
    const pointers = readState<RoundRobin>(STATE_KEYS.roundRobin, {});
    const result = assignPass(leads.rows, {
      columns,
      settings,
      pointers,
      now,
      zone,
      language,
      poolCandidates: poolCandidatesOf(pool.rows, pool.layout.index),
      clearedDuplicates: cleared,
      onlyRows,
    });
    applyChangesApart(leads.rows, result.changes, before);
    appendAll(changes, result.changes);
    for (const flag of result.flagged) flags.add(flag.id);
    // Remembered only after the cells are written: a flag remembered but never written would
    // later read as cleared by a person, and the duplicate would be assigned.
    remember = () => {
      writeState(STATE_KEYS.roundRobin, pointers);
      writeFlagMemory(memory);
    };
    assigned = result.assigned;
    flagged = result.flagged.length;
  }
  const identity = leadIdentity(leads.layout.index);
  // An owner or a duplicate flag a person set meanwhile wins over the rules (SPEC §3).
  const yieldGroups = new Map<number, string>([
    [columns.owner, 'assign'],
    [columns.assignedAt, 'assign'],
    [columns.firstContactDue, 'assign'],
    [columns.duplicateOf, 'flag'],
  ]);
  const committed = commitEdits(
    tableTarget(context.spreadsheet, leads, zone),
    editsByLead(changes, before, identity, { yieldGroupOf: (column) => yieldGroups.get(column) }),
    scatteredIfFew(
      changes.map((change) => change.row),
      before.length,
    ),
    snapshotOf(before, read.wholeRows, read.everyRowColumns),
  );
  const keptByPerson = new Set(
    committed.yielded.filter((y) => y.group === 'assign').map((y) => y.key.replace(/^id:/, '')),
  );
  remember();
  return {
    assigned: assigned.filter((a) => !keptByPerson.has(a.id)),
    misplaced: committed.misplaced,
    flagged,
    log: [
      ...commitLog(() => leads.sheet.getName(), leads.header, committed, language),
      ...statusLog(matched.matched, language),
      ...waiting,
    ],
  };
}

/** Runs the chosen steps; the caller holds the document lock and has valid Settings. */
export function runAutomationSteps(
  context: OperationContext,
  steps: AutomationSteps,
): {
  summary: AutomationSummary;
  log: LogEntry[];
  unreadable: UnreadableCell[];
  /** Every tab as this run left it and the calibration shown, when it rebuilt the Analysis. */
  analysed?: Analysed;
} {
  const { spreadsheet, tabs, language, settings, zone, now } = context;
  const leadsSheet = requireTab(tabs, 'leads', language);
  const poolSheet = requireTab(tabs, 'pool', language);
  // Follow-ups and Conversions are read whole only when the Analysis is rebuilt this run.
  const analyse = analysisThisRun(context, steps);
  const scoring = scoringMark(context);
  const narrow = !analyse && steps.analysis === 'daily' && scoring.covered;
  const {
    table: leads,
    wholeRows: readWhole,
    everyRowColumns,
  } = narrow
    ? readLeadsNarrow(
        spreadsheet,
        leadsSheet,
        settings.columnNames,
        zone,
        HOURLY_NARROW_READ,
        // A lead flagged as a duplicate is watched for a person clearing the flag.
        { alsoWhole: readFlagMemory().flags },
      )
    : { table: readTable(leadsSheet, LEAD_COLUMNS, settings.columnNames) };
  const pool = readTable(poolSheet, POOL_COLUMNS, settings.columnNames);
  requireColumns(leads.layout, LEAD_KEYS, () => leadsSheet.getName(), language);
  requireColumns(pool.layout, POOL_KEYS, () => poolSheet.getName(), language);
  const log: LogEntry[] = [];
  const summary: AutomationSummary = {
    assigned: 0,
    flagged: 0,
    pooled: 0,
    returned: 0,
    repaired: 0,
    digests: 0,
    deferred: 0,
  };

  const moveContext = { spreadsheet, settings, language, zone, now };
  const wholeLines = readWhole && new Set([...readWhole].map((row) => leads.rows[row]));
  const repair = finishHalfDoneMoves(leads, pool, moveContext);
  summary.repaired = repair.repaired;
  if (repair.repaired) {
    log.push({
      action: t(language, AUTOMATION.repairAction),
      detail: t(language, AUTOMATION.repaired, repair.repaired),
    });
  }
  if (repair.conflicts.length) {
    log.push({
      action: t(language, AUTOMATION.duplicateIdsAction),
      detail: t(language, AUTOMATION.duplicateIds, repair.conflicts),
    });
  }
  // Found again after the repair, which drops rows.
  const wholeRows =
    wholeLines && new Set(leads.rows.flatMap((row, at) => (wholeLines.has(row) ? [at] : [])));
  // Typed after the repair, which drops rows: the rows as read stay aligned with the typed ones.
  const { raw, unreadable } = typeTable(leads, LEAD_COLUMNS, zone);
  appendAll(unreadable, typeTable(pool, POOL_COLUMNS, zone).unreadable);
  const history = readHistory(
    context,
    analyse ? 'all' : 'outcomes',
    needsFirstDates(
      wholeRows ? leads.rows.filter((_, at) => wholeRows.has(at)) : leads.rows,
      leads.layout.index,
    ),
  );
  appendAll(unreadable, history.unreadable);
  // Scored once: the Analysis calibrates with the scores of this run's pass.
  const scores = analyse ? new Map<string, LeadScore | null>() : undefined;
  const {
    assigned,
    flagged,
    misplaced,
    log: commitLines,
  } = scoreAndAssign(context, leads, pool, steps, {
    raw,
    history,
    wholeRows,
    everyRowColumns,
    scores,
  });
  // Every lead scored under today's rules: the day's later hours look at the leads they act on.
  if (steps.score && !wholeRows) scoring.remember(leads.rows.length);
  // People moved rows as this run wrote: a lead it had not read whole may have had cells put
  // right blank, which only a full pass refills.
  else if (wholeRows && misplaced > 0) scoring.forget();
  appendAll(log, commitLines);
  const li = leads.layout.index as Record<LeadColumnKey, number>;
  const pi = pool.layout.index as Record<PoolKey, number>;
  log.push(
    ...addUnlistedSources(
      context,
      [...leads.rows.map((row) => row[li.source]), ...pool.rows.map((row) => row[pi.source])],
      [
        { sheet: leadsSheet, column: li.source, headerRow: leads.headerRow },
        { sheet: poolSheet, column: pi.source, headerRow: pool.headerRow },
      ],
    ),
  );
  summary.assigned = assigned.length;
  summary.flagged = flagged;
  if (assigned.length) {
    log.push({
      action: t(language, OPERATIONS.assignLeads),
      detail: listed(
        assigned.map((a) => `${a.id} → ${a.owner}`),
        language,
      ),
    });
  }
  if (flagged) {
    log.push({
      action: t(language, AUTOMATION.duplicatesAction),
      detail: t(language, AUTOMATION.flagged, flagged),
    });
  }
  if (steps.pool) {
    const { moved: pooled, deferred } = poolStaleLeads(leads, pool, moveContext);
    summary.pooled = pooled.length;
    if (pooled.length) {
      log.push({
        action: t(language, AUTOMATION.toPoolAction),
        detail: listed(
          pooled.map((p) => `${p.id}${p.owner ? ` (${p.owner})` : ''}`),
          language,
        ),
      });
    }
    if (deferred) {
      log.push({
        action: t(language, AUTOMATION.toPoolAction),
        detail: t(language, AUTOMATION.poolDeferred, deferred, MAX_DELETION_BLOCKS),
      });
    }
  }
  if (steps.returnPool) {
    const returned = returnOwnedPoolLeads(leads, pool, moveContext);
    summary.returned = returned.length;
    if (returned.length) {
      log.push({
        action: t(language, AUTOMATION.backFromPoolAction),
        detail: listed(
          returned.map((r) => `${r.id} → ${r.owner}`),
          language,
        ),
      });
    }
  }
  if (steps.remind) {
    // The tables in memory follow this run's moves, so a row's place in them is its row now.
    const at = (table: Table<string>, keys: readonly string[]) =>
      table.rows.map((row, i) => ({
        ...recordOf(row, table.layout.index, keys),
        sheetRow: table.headerRow + 1 + i,
      }));
    const result = notify({
      // Only open leads with an owner can be due.
      leads: reminderLeadCells(
        leads.rows,
        leads.layout.index,
        leads.headerRow,
        (row) =>
          !isBlank(row[li.owner]) && !isBlank(row[li.id]) && isOpen({ status: row[li.status] }),
      ),
      pool: at(pool as Table<string>, POOL_KEYS) as ReminderCells[],
      sheetIds: { leads: sheetIdOf(leadsSheet), pool: sheetIdOf(poolSheet) },
      settings,
      language,
      zone,
      now,
      spreadsheetUrl: spreadsheet.getUrl(),
      counts: { assigned: summary.assigned, pooled: summary.pooled, returned: summary.returned },
    });
    summary.digests = result.digestsSent;
    summary.deferred = result.deferred;
    appendAll(log, result.log);
  }
  keepLeadsFormatted(leads, language, settings);
  // The tables in memory already hold every change of this run.
  const read = analyse ? { leads, pool: pool as Table<string>, history, scores } : undefined;
  const analysed = read && { read, calibration: refreshAnalysisIn(context, read) };
  appendAll(log, unreadableLog(unreadable, language));
  return { summary, log, unreadable, ...(analysed ? { analysed } : {}) };
}

/** Whether this run rebuilds the Analysis: always when asked, else once a day at the Settings hour. */
function analysisThisRun(context: OperationContext, steps: AutomationSteps): boolean {
  if (steps.analysis === true) return true;
  if (steps.analysis !== 'daily') return false;
  const lastRefreshed = readState<string | null>(STATE_KEYS.analysisRefreshedAt, null);
  return analysisDue(
    lastRefreshed ? new Date(lastRefreshed) : undefined,
    context.now,
    context.zone,
    context.settings.analysisHour,
  );
}

export function automationToast(summary: AutomationSummary, language: Language): string {
  const { assigned, pooled, returned, digests } = summary;
  return t(language, AUTOMATION.summary, assigned, pooled, returned, digests);
}

/** Logs the run and tells the person who clicked, when there is one. */
export function reportRun(
  context: OperationContext,
  action: string,
  summary: AutomationSummary,
  log: LogEntry[],
  unreadable: readonly UnreadableCell[] = [],
): void {
  const { spreadsheet, tabs, language, now } = context;
  appendLog(
    spreadsheet,
    tabs,
    [{ action, detail: automationToast(summary, language) }, ...log],
    language,
    now,
    '',
  );
  toast(
    spreadsheet,
    withNotes(automationToast(summary, language), unreadableToast(unreadable, language)),
    t(language, APP.name),
  );
}
