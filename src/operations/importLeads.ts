// Import leads…: a list in another tab of the spreadsheet (a trade show's, another system's export)
// is checked, then brought into Leads in one batch, numbered and scored like typed leads; each
// imported row is marked with its Lead ID, so importing the same tab again adds nothing (SPEC §13.2).

import { candidateOf } from '../method/assignment/assignPass';
import { recordIds } from '../method/capture/leadIds';
import {
  duplicatesOf,
  type ImportProblem,
  type ListRow,
  planImport,
} from '../method/capture/importPlan';
import { SCORING_COLUMNS, scorePass } from '../method/scoring/scorePass';
import { applyChanges } from '../sheet/cellWrites';
import { isOpen, recordOf, textOf } from '../sheet/cells';
import {
  type ColumnDef,
  LEAD_COLUMNS,
  type LeadColumnKey,
  POOL_COLUMNS,
  TAB_NAMES,
} from '../sheet/tabs';
import { requireColumns } from '../sheet/headers';
import { matchesLabel, optionalLabel } from '../sheet/language';
import { rowKey } from '../sheet/placement';
import { APP, ERRORS, IMPORT, OPERATIONS, t } from '../sheet/text';
import { appendRowsNow, commitEdits, type CommitTarget, tableTarget } from '../gas/commit';
import { toast } from '../gas/feedback';
import { showImportPage } from '../gas/importDialog';
import { appendLog } from '../gas/log';
import { loadSequences, mergeSequences, saveSequences } from '../gas/sequences';
import { readState, saveState, STATE_KEYS, STATE_TAB, writeState } from '../gas/stateStore';
import { CLAIMS_TAB } from '../gas/claimLedger';
import { SUMMARY_TAB } from '../gas/archiveSummaryTab';
import { SET_ASIDE_TAB } from '../gas/rowDeletion';
import { readTable, rowFor, type Table } from '../gas/table';
import { requireTab, scanTabs, type Sheet, sheetIdOf } from '../gas/workbook';
import { type OperationContext, runOperation } from './operation';

/** The list's own column that remembers what each row became. */
const LIST_COLUMNS: readonly ColumnDef<LeadColumnKey | 'importedAs'>[] = [
  ...LEAD_COLUMNS,
  { key: 'importedAs', header: IMPORT.importedAs, format: 'text' },
];

/** What a list brings: the fields people fill in; scores, IDs and deadlines are the tracker's. */
/** Hidden tabs the tracker keeps for itself: never a list to import. */
const TRACKER_ONLY_TABS = [STATE_TAB, SUMMARY_TAB, CLAIMS_TAB, SET_ASIDE_TAB];

const LIST_FIELDS = LEAD_COLUMNS.filter((c) => !c.computed).map((c) => c.key);

export interface ImportPreview {
  readonly rows: number;
  readonly newLeads: number;
  readonly duplicates: { row: number; leadId: string }[];
  readonly problems: ImportProblem[];
  readonly alreadyImported: number;
}

export interface ImportResult {
  readonly added: number;
  readonly duplicates: number;
  readonly skipped: number;
}

/** An import that wrote Leads and may not have marked its list yet (a run that died between). */
interface PendingImport {
  readonly sheetId: number;
  readonly entries: readonly { id: string; key: string }[];
}

function listSheet(context: OperationContext, sheetName: string): Sheet {
  const name = String(sheetName ?? '').trim();
  const sheet = context.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(t(context.language, ERRORS.noSuchTab, name));
  const own = Object.values(TAB_NAMES).some((label) => matchesLabel(name, label));
  if (own || TRACKER_ONLY_TABS.includes(name))
    throw new Error(t(context.language, IMPORT.notAList, name));
  return sheet;
}

function readList(context: OperationContext, sheet: Sheet) {
  const list = readTable(sheet, LIST_COLUMNS);
  const { index } = list.layout;
  if (index.contact === undefined && index.phone === undefined) {
    throw new Error(t(context.language, IMPORT.noLeadColumns, sheet.getName()));
  }
  const rows: ListRow[] = list.rows.map((cells, i) => ({
    row: list.headerRow + 1 + i,
    lead: recordOf(cells, index, LIST_FIELDS),
    importedAs: index.importedAs === undefined ? '' : cells[index.importedAs],
  }));
  return { list, rows };
}

/** Where a list row is found again when it is marked: its contact, phone and company. */
function listTarget(context: OperationContext, list: Table<string>): CommitTarget {
  const { index } = list.layout;
  const target = tableTarget(context.spreadsheet, list, context.zone);
  return {
    ...target,
    identity: {
      idColumn: index.importedAs as number,
      identityColumns: [index.contact, index.phone, index.company].filter(
        (c): c is number => c !== undefined,
      ),
    },
  };
}

/**
 * Everything an import decides, from one read of the list, Leads and Pool: the rows Leads gets
 * (numbered, dated and scored, duplicates noted) and what the preview shows. Numbers are taken
 * from `sequences`, which the caller stores only when it writes.
 */
function prepare(context: OperationContext, sheetName: string) {
  const { tabs, settings, language } = context;
  const sheet = listSheet(context, sheetName);
  const { list, rows } = readList(context, sheet);
  const plan = planImport(rows, language);
  const names = settings.columnNames;
  const leads = readTable(requireTab(tabs, 'leads', language), LEAD_COLUMNS, names);
  const pool = tabs.pool ? readTable(tabs.pool, POOL_COLUMNS, names) : undefined;
  const columns = requireColumns(
    leads.layout,
    SCORING_COLUMNS,
    () => leads.sheet.getName(),
    language,
  );
  const stored = loadSequences();
  const sequences = recordIds(leads.rows.map((row) => row[columns.id]));
  if (pool && pool.layout.index.id !== undefined) {
    const poolId = pool.layout.index.id;
    recordIds(
      pool.rows.map((row) => row[poolId]),
      sequences,
    );
  }
  mergeSequences(sequences, stored);
  const newRows = plan.newLeads.map((planned) => rowFor(leads, planned.lead));
  const scored = scorePass(newRows, {
    columns,
    rules: {
      points: settings.points,
      gradeFrom: settings.gradeFrom,
      productPrice: settings.productPrice,
    },
    now: context.now,
    zone: context.zone,
    language,
    sequences,
  });
  applyChanges(newRows, scored.changes);
  const ids = newRows.map((row) => textOf(row[columns.id]));
  const leadKeys = LEAD_COLUMNS.map((c) => c.key);
  const existing = [
    ...leads.rows
      .map((row) => recordOf(row, leads.layout.index, leadKeys))
      .filter((lead) => isOpen(lead) && textOf(lead.id) !== '')
      .map((lead) => candidateOf(lead, false)),
    ...(pool?.rows ?? [])
      .map((row) => recordOf(row, pool?.layout.index ?? {}, leadKeys))
      .filter((lead) => textOf(lead.id) !== '')
      .map((lead) => candidateOf(lead, true)),
  ];
  const matches = duplicatesOf(
    existing,
    plan.newLeads.map((planned, i) => ({ id: ids[i], lead: planned.lead })),
    language,
  );
  const duplicateAt = leads.layout.index.duplicateOf;
  matches.forEach((match, i) => {
    if (match && duplicateAt !== undefined) newRows[i][duplicateAt] = match.note;
  });
  const leadIds = new Set([
    ...leads.rows.map((row) => textOf(row[columns.id])),
    ...(pool && pool.layout.index.id !== undefined
      ? pool.rows.map((row) => textOf(row[pool.layout.index.id as number]))
      : []),
  ]);
  return { sheet, list, rows, plan, leads, newRows, ids, matches, sequences, stored, leadIds };
}

/** `previewImport(sheetName)`: what importing the tab would do; writes nothing. */
function previewIn(context: OperationContext, sheetName: string): ImportPreview {
  const { plan, matches } = prepare(context, sheetName);
  return {
    rows: plan.rows,
    newLeads: plan.newLeads.length,
    duplicates: plan.newLeads.flatMap((planned, i) => {
      const match = matches[i];
      return match ? [{ row: planned.row, leadId: match.leadId }] : [];
    }),
    problems: [...plan.problems],
    alreadyImported: plan.alreadyImported,
  };
}

/** Adds the "Imported as" header after the list's last column when the list has none yet. */
function ensureImportedAsColumn(context: OperationContext, list: Table<string>): Table<string> {
  if (list.layout.index.importedAs !== undefined) return list;
  const sheet = list.sheet;
  const at = Math.max(list.header.length, sheet.getLastColumn());
  if (at + 1 > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
  sheet.getRange(list.headerRow, at + 1).setValue(t(context.language, IMPORT.importedAs));
  return {
    ...list,
    header: [
      ...list.header,
      ...Array<string>(at - list.header.length).fill(''),
      t(context.language, IMPORT.importedAs),
    ],
    layout: { ...list.layout, index: { ...list.layout.index, importedAs: at } },
  };
}

function importIn(context: OperationContext, sheetName: string): ImportResult {
  const { spreadsheet, tabs, language } = context;
  const prepared = prepare(context, sheetName);
  const { sheet, plan, newRows, ids, matches, sequences, stored, leadIds } = prepared;
  const list = ensureImportedAsColumn(context, prepared.list);
  const identity = listTarget(context, list).identity;
  const keyOfRow = (sheetRow: number) =>
    rowKey((c) => list.rows[sheetRow - list.headerRow - 1]?.[c] ?? '', identity);

  // A run that died after writing Leads: its rows are there; only their marks are missing.
  const pending = readState<PendingImport | null>(STATE_KEYS.pendingImport, null);
  const finished =
    pending && pending.sheetId === sheetIdOf(sheet)
      ? pending.entries.filter((entry) => leadIds.has(entry.id))
      : [];
  const finishedKeys = new Set(finished.map((entry) => entry.key));
  const adding = plan.newLeads.flatMap((planned, i) =>
    finishedKeys.has(keyOfRow(planned.row))
      ? []
      : [{ planned, row: newRows[i], id: ids[i], match: matches[i] }],
  );

  saveSequences(sequences, stored);
  const entries = adding.map(({ planned, id }) => ({ id, key: keyOfRow(planned.row) }));
  writeState(STATE_KEYS.pendingImport, { sheetId: sheetIdOf(sheet), entries });
  saveState();
  appendRowsNow(
    tableTarget(spreadsheet, prepared.leads, context.zone),
    adding.map(({ row }) => row),
  );
  const importedAs = list.layout.index.importedAs as number;
  commitEdits(
    listTarget(context, list),
    [...finished, ...entries].map(({ id, key }) => ({
      key,
      edits: [{ column: importedAs, value: id, was: '' }],
    })),
  );
  writeState(STATE_KEYS.pendingImport, null);

  const result: ImportResult = {
    added: adding.length + finished.length,
    duplicates: adding.filter(({ match }) => match).length,
    skipped: plan.problems.length,
  };
  const message = t(language, IMPORT.imported, result.added, result.duplicates, result.skipped);
  const problems = plan.problems.map((p) =>
    t(
      language,
      IMPORT.problemAt,
      sheet.getName(),
      p.row,
      optionalLabel(language, LEAD_COLUMNS.find((c) => c.key === p.field)?.header) ?? p.field,
      p.message,
    ),
  );
  appendLog(
    spreadsheet,
    tabs,
    [message, ...problems.slice(0, 200)].map((detail) => ({
      action: t(language, OPERATIONS.importLeads),
      detail,
    })),
    language,
    context.now,
    '',
  );
  toast(spreadsheet, message, t(language, APP.name));
  return result;
}

export function previewImport(sheetName: string): ImportPreview {
  return runOperation({ action: OPERATIONS.importLeads }, (context) =>
    previewIn(context, sheetName),
  );
}

export function importLeads(sheetName: string): ImportResult {
  return runOperation({ action: OPERATIONS.importLeads }, (context) =>
    importIn(context, sheetName),
  );
}

/** The menu's "Import leads…": a dialog to pick the tab, see the preview, then import. */
export function showImportDialog(): void {
  runOperation({ action: OPERATIONS.importLeads }, (context) => {
    // One scan of every name finds all the tracker's tabs (looking each up would ask more).
    const own = new Set(
      Object.values(scanTabs(context.spreadsheet)).flatMap((sheet: Sheet | undefined) =>
        sheet ? [sheetIdOf(sheet)] : [],
      ),
    );
    const lists = context.spreadsheet
      .getSheets()
      .filter((sheet) => !own.has(sheetIdOf(sheet)) && !TRACKER_ONLY_TABS.includes(sheet.getName()))
      .map((sheet) => sheet.getName());
    showImportPage(lists, context.language);
  });
}
