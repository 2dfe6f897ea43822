// Archive closed leads (SPEC §16): old closed leads move with their Follow-ups and Conversions rows
// to a yearly archive spreadsheet, copied first and deleted from the tracker by Lead ID after, and
// a summary of them stays in the tracker so the Analysis keeps counting them.

import { appendAll } from '../sheet/lists';
import { leadFactsOf } from '../method/analysis/analysis';
import { type ArchivedLead, dayOf, summarise, batchesOf } from '../method/archive/archiveSummary';
import { planArchive } from '../method/archive/archivePlan';
import { latestConversions, latestOutcomes } from '../method/outcomes/latestOutcome';
import { touchesOf } from '../method/followUp/touches';
import { calendarDateOf, formatCalendarDate } from '../sheet/calendar';
import { dateOf, recordOf, textOf } from '../sheet/cells';
import { requireColumns } from '../sheet/headers';
import { CONVERSION_COLUMNS, type ColumnDef, FOLLOWUP_COLUMNS, LEAD_COLUMNS } from '../sheet/tabs';
import { APP, ARCHIVE, AUTOMATION, OPERATIONS, t } from '../sheet/text';
import { type ArchiveBook, type ArchivedTab, openArchive } from '../gas/archiveBooks';
import { carryLateEdits, copyToArchive, type MovingRows } from '../gas/archiveCopy';
import { appendArchiveSummary, readArchiveSummary } from '../gas/archiveSummaryTab';
import { dateColumnsOf } from '../gas/cellsAtOnce';
import type { CommitTarget } from '../gas/commit';
import { deleteLeadRows } from '../gas/rowDeletion';
import { toast } from '../gas/feedback';
import { appendLog, type LogEntry } from '../gas/log';
import { readState, saveState, STATE_KEYS, writeState } from '../gas/stateStore';
import { readColumnsOf, readTable, type Table } from '../gas/table';
import { requireTab } from '../gas/workbook';
import { type OperationContext, runOperation } from './operation';
import { calibrationLeads } from './refreshAnalysis';
import { typeTable } from './typedValues';

/**
 * Leads one run moves. The Lead IDs of a run in progress sit in the state tab, which every
 * operation reads, and the deletions go in one request; 2,000 keeps both small. The rest of a
 * backlog moves on the next runs.
 */
export const MAX_ARCHIVE_LEADS = 2000;

/** A run between copying and deleting: what a rerun must finish. */
export interface PendingArchive {
  /** Tags the summary rows of this run, so a rerun adds them once. */
  readonly batch: string;
  /** Leads whose rows are all in their archive, to delete from the tracker. */
  readonly ids: string[];
  /** Years of the archives they went to, for the Log. */
  readonly years: number[];
}

export interface ArchiveOutcome {
  readonly archived: number;
  readonly log: LogEntry[];
}

/** A tracker tab read in one call, as typed rows for the summary and raw rows for the copy. */
interface ReadTab {
  readonly table: Table<string>;
  readonly raw: unknown[][];
  readonly idColumn: number;
}

/** What the first look reads of each tab: what decides which leads are due. */
const DECIDING_KEYS: Partial<Record<ArchivedTab, readonly string[]>> = {
  leads: ['id', 'status', 'lastFollowUpAt'],
  conversions: ['leadId', 'result', 'decidedAt'],
};

/**
 * A tracker tab: whole, as getValues gives it (dates in the team's own columns stay dates, and
 * the header and rows come from one read), or with `look` only the columns that decide which
 * leads are due.
 */
function readTab(
  context: OperationContext,
  key: ArchivedTab,
  columns: readonly ColumnDef[],
  idKey: string,
  look = false,
): ReadTab | undefined {
  const { spreadsheet, zone } = context;
  const sheet = context.tabs[key];
  if (!sheet) return undefined;
  const mapping = key === 'leads' ? context.settings.columnNames : {};
  const deciding = DECIDING_KEYS[key];
  const table = (
    look && deciding
      ? readColumnsOf(sheet, columns, deciding, { spreadsheet, zone }, mapping)
      : readTable(sheet, columns, mapping)
  ) as Table<string>;
  const { raw } = typeTable(table, columns, zone);
  return { table, raw, idColumn: table.layout.index[idKey] as number };
}

function recordsOf(tab: ReadTab | undefined, columns: readonly ColumnDef[]) {
  if (!tab) return [];
  const keys = columns.map((c) => c.key);
  return tab.table.rows.map((row) => recordOf(row, tab.table.layout.index, keys));
}

/** The raw rows of these leads in a tab, by Lead ID, in the tab's order. */
function movingRows(tab: ReadTab | undefined, ids: ReadonlySet<string>): MovingRows | undefined {
  if (!tab || tab.idColumn === undefined) return undefined;
  const rowsById = new Map<string, unknown[][]>();
  for (const row of tab.raw) {
    const id = textOf(row[tab.idColumn]);
    if (!ids.has(id)) continue;
    const rows = rowsById.get(id);
    if (rows) rows.push(row);
    else rowsById.set(id, [row]);
  }
  return { header: tab.table.header, idColumn: tab.idColumn, rowsById };
}

/** Deletes every row of these leads from a tracker tab, found by Lead ID when deleting. */
function deleteFromTracker(
  context: OperationContext,
  tab: ReadTab | undefined,
  ids: string[],
  beforeDeleting?: (rowsById: ReadonlyMap<string, readonly unknown[]>) => void,
) {
  if (!tab || tab.idColumn === undefined) return;
  const target: CommitTarget = {
    spreadsheet: context.spreadsheet,
    sheet: tab.table.sheet,
    headerRow: tab.table.headerRow,
    identity: { idColumn: tab.idColumn, identityColumns: [] },
    zone: context.zone,
    mode: 'batch',
    dateColumns: dateColumnsOf(tab.table.layout.index),
  };
  // Where each lead was read, so only those rows are read again before deleting.
  const seenAt = new Map<string, number>();
  tab.table.rows.forEach((row, at) => {
    const id = textOf(row[tab.idColumn]);
    if (!seenAt.has(id)) seenAt.set(id, at);
  });
  deleteLeadRows(target, ids, beforeDeleting, seenAt);
}

/**
 * The leads due, from the few columns that decide it (a lead's ID, status and last follow-up;
 * each decision's lead, result and date): on most days none is, and no tab is then read whole.
 * Throws when Leads has no Lead ID or Status column.
 */
function duePlan(context: OperationContext) {
  const { settings, zone, now } = context;
  const leads = readTab(context, 'leads', LEAD_COLUMNS, 'id', true) as ReadTab;
  requireLeadColumns(context, leads);
  const conversions = readTab(context, 'conversions', CONVERSION_COLUMNS, 'leadId', true);
  const plan = planArchive(
    recordsOf(leads, LEAD_COLUMNS),
    recordsOf(conversions, CONVERSION_COLUMNS),
    { months: settings.archiveAfterMonths, now, zone, limit: MAX_ARCHIVE_LEADS },
  );
  return plan;
}

function requireLeadColumns(context: OperationContext, leads: ReadTab): void {
  requireColumns(
    leads.table.layout,
    ['id', 'status'],
    () => leads.table.sheet.getName(),
    context.language,
  );
}

/** Copies the planned leads to their archives; returns those found whole there, and Log lines. */
function copyPlanned(
  context: OperationContext,
  read: Record<ArchivedTab, ReadTab | undefined>,
  mayReplace: boolean,
  log: LogEntry[],
): { ids: string[]; years: number[]; books: Map<string, ArchiveBook> } {
  const { settings, zone, now, language, spreadsheet } = context;
  const leads = recordsOf(read.leads, LEAD_COLUMNS);
  const plan = planArchive(leads, recordsOf(read.conversions, CONVERSION_COLUMNS), {
    months: settings.archiveAfterMonths,
    now,
    zone,
    limit: MAX_ARCHIVE_LEADS,
  });
  const action = t(language, OPERATIONS.archiveClosedLeads);
  if (plan.deferred > 0) log.push({ action, detail: t(language, ARCHIVE.deferred, plan.deferred) });
  const years = [...new Set(plan.moving.map((m) => m.year))].sort();
  const headers = {
    leads: read.leads?.table.header ?? [],
    followups: read.followups?.table.header ?? [],
    conversions: read.conversions?.table.header ?? [],
  };
  const verified: string[] = [];
  const reached: number[] = [];
  const books = new Map<string, ArchiveBook>();
  for (const year of years) {
    const ids = plan.moving.filter((m) => m.year === year).map((m) => m.id);
    const opened = openArchive(year, headers, { spreadsheet, language, zone, mayReplace });
    if ('unreachableId' in opened) {
      const detail = t(language, ARCHIVE.unreachable, year, opened.unreachableId, runningUser());
      log.push({ action, detail });
      continue;
    }
    const name = opened.book.spreadsheet.getName();
    if (opened.replacedId) {
      log.push({ action, detail: t(language, ARCHIVE.replaced, year, opened.replacedId, name) });
    }
    const wanted = new Set(ids);
    const copied = copyToArchive(
      opened.book,
      ids,
      {
        leads: movingRows(read.leads, wanted),
        followups: movingRows(read.followups, wanted),
        conversions: movingRows(read.conversions, wanted),
      },
      zone,
    );
    appendAll(verified, copied.verified);
    for (const id of copied.verified) books.set(id, opened.book);
    if (copied.verified.length > 0) reached.push(year);
  }
  return { ids: verified, years: reached, books };
}

/** What the summary keeps of each leaving lead: the facts the Analysis counted, no identity. */
function leavingLeads(
  context: OperationContext,
  read: Record<ArchivedTab, ReadTab | undefined>,
  ids: ReadonlySet<string>,
): ArchivedLead[] {
  const { settings, zone, now } = context;
  const leaving = recordsOf(read.leads, LEAD_COLUMNS).filter((lead) => ids.has(textOf(lead.id)));
  const followUps = touchesOf(recordsOf(read.followups, FOLLOWUP_COLUMNS));
  const conversions = recordsOf(read.conversions, CONVERSION_COLUMNS);
  const facts = leadFactsOf({
    leads: leaving,
    followUps,
    conversions,
    now,
    sources: settings.sources,
  });
  // Graded as calibration grades every lead, whatever the Analysis window.
  const allTime = { ...context, settings: { ...settings, analysisWindowDays: 0 } };
  const calibration = calibrationLeads(allTime, leaving, latestOutcomes(conversions));
  const latest = latestConversions(conversions);
  return leaving.map((lead, i) => {
    const amount = Number(latest.get(textOf(lead.id))?.amount);
    return {
      enteredDay: dayOf(dateOf(lead.enteredAt), zone),
      facts: facts[i],
      calibration: { grade: calibration[i].grade, chosen: calibration[i].chosen },
      wonAmount: facts[i].outcome === 'won' && Number.isFinite(amount) ? amount : 0,
    };
  });
}

function runningUser(): string {
  try {
    return Session.getEffectiveUser().getEmail() || Session.getActiveUser().getEmail();
  } catch {
    return '';
  }
}

/**
 * Moves due leads to their archives. Crash-safe in four steps, each finished by a rerun: copy and
 * read back (rows already there are not copied again); remember the copied IDs in the state tab;
 * add their summary under this run's batch (a batch already in the summary is not added again);
 * delete their rows from the tracker by Lead ID; then forget them. `mayReplace`: a person asked,
 * so an archive that cannot be opened may be replaced by a new one.
 */
export function archiveClosedLeadsIn(
  context: OperationContext,
  mayReplace: boolean,
): ArchiveOutcome {
  const { spreadsheet, tabs, language, now } = context;
  const log: LogEntry[] = [];
  const action = t(language, OPERATIONS.archiveClosedLeads);
  let pending = readState<PendingArchive | null>(STATE_KEYS.archivePending, null);
  // Which archive each lead went to, when this run copied it (a rerun finishing a move has none).
  let books = new Map<string, ArchiveBook>();
  if (!pending && context.settings.archiveAfterMonths === 0) {
    return { archived: 0, log: [{ action, detail: t(language, ARCHIVE.turnedOff) }] };
  }
  requireTab(tabs, 'leads', language);
  // Most days no lead is due, which a look at a few columns tells without reading the tabs whole.
  if (!pending && duePlan(context).moving.length === 0) {
    return { archived: 0, log: [{ action, detail: t(language, ARCHIVE.nothingDue) }] };
  }
  const read = {
    leads: readTab(context, 'leads', LEAD_COLUMNS, 'id'),
    followups: readTab(context, 'followups', FOLLOWUP_COLUMNS, 'leadId'),
    conversions: readTab(context, 'conversions', CONVERSION_COLUMNS, 'leadId'),
  };
  requireLeadColumns(context, read.leads as ReadTab);
  if (!pending) {
    const copied = copyPlanned(context, read, mayReplace, log);
    if (copied.ids.length === 0) {
      return {
        archived: 0,
        log: log.length ? log : [{ action, detail: t(language, ARCHIVE.nothingDue) }],
      };
    }
    pending = { batch: now.toISOString(), ids: copied.ids, years: copied.years };
    books = copied.books;
    writeState(STATE_KEYS.archivePending, pending);
    saveState();
  }
  const ids = new Set(pending.ids);
  if (!batchesOf(readArchiveSummary(spreadsheet)).has(pending.batch)) {
    appendArchiveSummary(
      spreadsheet,
      summarise(pending.batch, leavingLeads(context, read, ids)),
      language,
    );
  }
  const count = (tab: ReadTab | undefined) =>
    tab ? tab.raw.filter((row) => ids.has(textOf(row[tab.idColumn]))).length : 0;
  const moved = {
    leads: count(read.leads),
    followUps: count(read.followups),
    conversions: count(read.conversions),
  };
  const copiedLeads = movingRows(read.leads, ids);
  deleteFromTracker(context, read.leads, pending.ids, (rows) => {
    if (copiedLeads) carryLateEdits(books, copiedLeads, rows, context.zone);
  });
  deleteFromTracker(context, read.followups, pending.ids);
  deleteFromTracker(context, read.conversions, pending.ids);
  writeState(STATE_KEYS.archivePending, null);
  saveState();
  log.push({
    action,
    detail: t(
      language,
      ARCHIVE.archived,
      moved.leads,
      moved.followUps,
      moved.conversions,
      (pending.years ?? []).map((year) =>
        t(language, ARCHIVE.bookName, spreadsheet.getName(), year),
      ),
    ),
  });
  return { archived: moved.leads, log };
}

/** The hourly job's share: once a day, and again at once while a run is left half done. */
export function archiveDaily(context: OperationContext): void {
  const { spreadsheet, tabs, language, now, zone } = context;
  const today = formatCalendarDate(calendarDateOf(now, zone));
  const pending = readState<PendingArchive | null>(STATE_KEYS.archivePending, null);
  if (readState<string>(STATE_KEYS.archivedOn, '') === today && !pending) return;
  const { archived, log } = archiveClosedLeadsIn(context, false);
  // Only a finished run counts as the day's: one that died is tried again next hour.
  writeState(STATE_KEYS.archivedOn, today);
  // A quiet day is not worth a Log line; a problem or a move is.
  const worth = archived > 0 || log.some((l) => l.detail !== t(language, ARCHIVE.nothingDue));
  if (worth && context.settings.archiveAfterMonths > 0) {
    appendLog(spreadsheet, tabs, log, language, now, '');
  }
}

export function archiveClosedLeads(): void {
  runOperation({ action: OPERATIONS.archiveClosedLeads }, (context) => {
    const { spreadsheet, tabs, language, now } = context;
    const title = t(language, APP.name);
    toast(
      spreadsheet,
      t(language, AUTOMATION.started, t(language, OPERATIONS.archiveClosedLeads)),
      title,
    );
    const { log } = archiveClosedLeadsIn(context, true);
    // The day's archive is done: the hourly job need not read Leads for it again today.
    writeState(STATE_KEYS.archivedOn, formatCalendarDate(calendarDateOf(now, context.zone)));
    appendLog(spreadsheet, tabs, log, language, now, '');
    toast(spreadsheet, log.map((l) => l.detail).join('\n'), title);
  });
}
