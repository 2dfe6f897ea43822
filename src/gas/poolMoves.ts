// Moves leads between Leads and Pool (SPEC §5): the target row is written first, then the source
// row removed, so a run that dies midway leaves a copy in each tab, which the next run resolves.

import { appendAll } from '../sheet/lists';
import { firstContactDue } from '../method/followUp/deadlines';
import { type Language, labelsOf } from '../sheet/language';
import { isBlank, isOpen, textOf } from '../sheet/cells';
import { carryRow, halfDoneMoves, headersToAdd, nextRecycleCount } from '../method/pool/poolMoves';
import type { Grade } from '../method/scoring/scoringRules';
import type { Settings } from '../method/settings/settings';
import { keptRecycleCounts, planPooling, planReturns } from '../method/pool/poolPlan';
import type { TimeZone } from '../sheet/calendar';
import { LEAD_COLUMNS, POOL_COLUMNS, type LeadColumnKey } from '../sheet/tabs';
import { readState, STATE_KEYS, writeState } from './stateStore';
import {
  appendRowsNow,
  type CommitTarget,
  commitEdits,
  readLeadRowsNow,
  readRowsWhereSeen,
  tableTarget,
} from './commit';
import { deleteLeadRows } from './rowDeletion';
import { sameCell } from '../sheet/placement';
import { asCellValue } from './cellWriter';
import type { Table } from './table';
import type { Spreadsheet } from './workbook';

type PoolKey = (typeof POOL_COLUMNS)[number]['key'];

/**
 * Separate blocks of rows one run moves per tab. All go in one request, but Google takes a moment
 * per block and the request grows with them; 100 keeps a run far inside the 6-minute limit, and
 * the rest of a backlog moves on the next runs.
 */
export const MAX_DELETION_BLOCKS = 100;

export interface MoveContext {
  readonly spreadsheet: Spreadsheet;
  readonly settings: Settings;
  readonly language: Language;
  readonly zone: TimeZone;
  readonly now: Date;
}

export interface MovedLead {
  readonly id: string;
  readonly owner: string;
}

const POOL_ONLY = new Set(
  POOL_COLUMNS.slice(LEAD_COLUMNS.length).flatMap((c) => labelsOf(c.header)),
);

/** Adds header cells for the team's own columns the target lacks, so their values travel too. */
function addMissingHeaders(target: Table<string>, names: readonly string[]): void {
  if (names.length === 0) return;
  const sheet = target.sheet;
  const start = target.header.length;
  const needed = start + names.length - sheet.getMaxColumns();
  if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
  // The team's own headers stay text, whatever they look like (`-备注`, `2024-05`).
  sheet.getRange(target.headerRow, start + 1, 1, names.length).setValues([names.map(asCellValue)]);
  target.header.push(...names);
  for (const row of target.rows) row.push(...names.map(() => ''));
}

/** Leads or Pool as a place to commit to: rows found by Lead ID whenever they are written. */
function targetOf(table: Table<string>, context: MoveContext): CommitTarget {
  return tableTarget(context.spreadsheet, table, context.zone);
}

/**
 * Deletes the rows of these leads, found by Lead ID at the moment of deleting (a person may have
 * sorted the tab since it was read), and drops them from the table in memory.
 */
function deleteRows(table: Table<string>, ids: readonly string[], context: MoveContext): void {
  if (ids.length === 0) return;
  const idColumn = table.layout.index.id as number;
  deleteLeadRows(targetOf(table, context), ids);
  const gone = new Set(ids);
  table.rows = table.rows.filter((row) => !gone.has(textOf(row[idColumn])));
}

/** Appends rows below whatever the tab holds at that moment, and to the table in memory. */
function appendRows(table: Table<string>, rows: unknown[][], context: MoveContext): void {
  appendRowsNow(targetOf(table, context), rows);
  appendAll(table.rows, rows);
}

/**
 * Moves leads to the other tab by Lead ID. The source is read again first, so the copies hold
 * what people typed since the run read it; after appending them, the source rows are read once
 * more and whatever changed in between is carried to the copies; then the source rows go.
 * `copyOf` builds a target row from a source row; the run's own cells in it are `ownColumns`.
 */
function moveLeads(
  source: Table<string>,
  target: Table<string>,
  ids: readonly string[],
  copyOf: (sourceRow: readonly unknown[], id: string) => unknown[],
  ownColumns: ReadonlySet<number>,
  context: MoveContext,
  stillMoving: (sourceRow: readonly unknown[]) => boolean = () => true,
): string[] {
  const idColumn = source.layout.index.id as number;
  const from = targetOf(source, context);
  const wanted = new Set(ids);
  const lastSeen = new Map<string, number>();
  source.rows.forEach((row, at) => {
    const id = textOf(row[idColumn]);
    if (wanted.has(id) && !lastSeen.has(id)) lastSeen.set(id, at);
  });
  // Where they were seen, in one read of their rows; else found again by Lead ID.
  const current =
    readRowsWhereSeen(from, wanted, lastSeen) ?? placesOf(readLeadRowsNow(from, wanted, lastSeen));
  const fresh = current.rows;
  // A lead a person deleted meanwhile stays deleted.
  const moving = ids.filter((id) => fresh.has(id) && stillMoving(fresh.get(id) as unknown[]));
  if (moving.length === 0) return [];
  const copies = moving.map((id) => copyOf(fresh.get(id) as unknown[], id));
  appendRows(target, copies, context);
  const into = targetOf(target, context);
  const seenAt = current.at;
  deleteLeadRows(
    from,
    moving,
    (now) => {
      const changed = moving.map((id, i) => {
        const row = now.get(id);
        const latest = row ? copyOf(row, id) : copies[i];
        const edits = latest.flatMap((value, column) =>
          ownColumns.has(column) || sameCell(value, copies[i][column])
            ? []
            : [{ column, value, was: copies[i][column] }],
        );
        return { key: `id:${id}`, edits };
      });
      commitEdits(into, changed);
    },
    seenAt,
  );
  const gone = new Set(moving);
  source.rows = source.rows.filter((row) => !gone.has(textOf(row[idColumn])));
  return moving;
}

/** The rows found by Lead ID, with the first row holding each. */
function placesOf(found: { ids: string[]; rows: Map<string, unknown[]> }): {
  rows: Map<string, unknown[]>;
  at: Map<string, number>;
} {
  const at = new Map<string, number>();
  found.ids.forEach((id, row) => {
    if (found.rows.has(id) && !at.has(id)) at.set(id, row);
  });
  return { rows: found.rows, at };
}

/**
 * Finishes moves a failed run left half done (a lead in both tabs). Returns how many rows it
 * removed, and the IDs that two different customers share, which it leaves for a person.
 */
export function finishHalfDoneMoves(
  leads: Table<LeadColumnKey>,
  pool: Table<PoolKey>,
  context: MoveContext,
): { repaired: number; conflicts: string[] } {
  const li = leads.layout.index as Record<LeadColumnKey, number>;
  const pi = pool.layout.index as Record<PoolKey, number>;
  const identity = (index: Record<string, number>) => ({
    contact: index.contact,
    phone: index.phone,
    company: index.company,
  });
  const half = halfDoneMoves(
    leads.rows,
    { id: li.id, assignedAt: li.assignedAt, ...identity(li) },
    pool.rows,
    { id: pi.id, pooledAt: pi.pooledAt, ...identity(pi) },
  );
  const leadIds = half.leadsRowsToDelete.map((r) => textOf(leads.rows[r][li.id]));
  const poolIds = half.poolRowsToDelete.map((r) => textOf(pool.rows[r][pi.id]));
  deleteRows(leads as Table<string>, leadIds, context);
  deleteRows(pool as Table<string>, poolIds, context);
  return { repaired: leadIds.length + poolIds.length, conflicts: half.conflicts };
}

/** Moves stale open leads to the pool: Pool rows appended first, then the Leads rows removed. */
export function poolStaleLeads(
  leads: Table<LeadColumnKey>,
  pool: Table<PoolKey>,
  context: MoveContext,
): { moved: MovedLead[]; deferred: number } {
  const { settings, language, now } = context;
  const li = leads.layout.index as Record<LeadColumnKey, number>;
  // Written out field by field: every row of a long tab gets one, and an object of a fixed shape
  // costs a fraction of one filled key by key.
  const records = leads.rows.map((row) => ({
    id: row[li.id] ?? '',
    status: row[li.status] ?? '',
    owner: row[li.owner] ?? '',
    lastFollowUpAt: row[li.lastFollowUpAt] ?? '',
    assignedAt: row[li.assignedAt] ?? '',
    enteredAt: row[li.enteredAt] ?? '',
  }));
  const { moving: stale, deferred } = planPooling(
    records,
    settings,
    now,
    language,
    MAX_DELETION_BLOCKS,
  );
  if (stale.length === 0) return { moved: [], deferred };
  addMissingHeaders(pool, headersToAdd(leads.header, pool.header));
  const pi = pool.layout.index as Record<PoolKey, number>;
  const counts = readState<Record<string, number>>(STATE_KEYS.recycleCounts, {});
  const reasons = new Map(stale.map((lead) => [lead.id, lead.reason]));
  const ownColumns = new Set([
    pi.owner,
    pi.pooledAt,
    pi.poolReason,
    pi.previousOwner,
    pi.recycleCount,
  ]);
  const moved = moveLeads(
    leads as Table<string>,
    pool as Table<string>,
    stale.map((lead) => lead.id),
    (source, id) => {
      const row = carryRow(source, leads.header, pool.header);
      row[pi.owner] = '';
      row[pi.pooledAt] = now;
      row[pi.poolReason] = reasons.get(id) ?? '';
      row[pi.previousOwner] = textOf(source[li.owner]);
      row[pi.recycleCount] = nextRecycleCount(counts[id]);
      return row;
    },
    ownColumns,
    context,
  );
  // The Pool row now holds the count: the saved copy is needed again only if the lead returns.
  const before = Object.keys(counts).length;
  for (const id of moved) delete counts[id];
  if (Object.keys(counts).length !== before) writeState(STATE_KEYS.recycleCounts, counts);
  const movedIds = new Set(moved);
  return {
    moved: stale.filter((s) => movedIds.has(s.id)).map(({ id, owner }) => ({ id, owner })),
    deferred,
  };
}

/**
 * How a pool row becomes a Leads row on its return: the team's own columns added to Leads first,
 * the pool-only cells left behind, a fresh Assigned at and SLA, and `owner` when one is given
 * (a claim; a manager's assignment keeps the owner the Pool row holds).
 */
function returnedRow(
  leads: Table<LeadColumnKey>,
  pool: Table<PoolKey>,
  context: MoveContext,
): {
  li: Record<LeadColumnKey, number>;
  rowFor: (source: readonly unknown[], owner?: string) => unknown[];
} {
  const { settings, zone, now } = context;
  const pi = pool.layout.index as Record<PoolKey, number>;
  const userHeaders = headersToAdd(pool.header, leads.header).filter((h) => !POOL_ONLY.has(h));
  addMissingHeaders(leads as Table<string>, userHeaders);
  const li = leads.layout.index as Record<LeadColumnKey, number>;
  const poolOnly = new Set(POOL_COLUMNS.slice(LEAD_COLUMNS.length).map((c) => pi[c.key]));
  const sourceHeader = pool.header.map((h, i) => (poolOnly.has(i) ? '' : h));
  const rowFor = (source: readonly unknown[], owner?: string) => {
    const row = carryRow(source, sourceHeader, leads.header);
    const grade = textOf(source[pi.grade]) as Grade;
    if (owner !== undefined) row[li.owner] = owner;
    row[li.assignedAt] = now;
    row[li.firstContactDue] = ['A', 'B', 'C'].includes(grade)
      ? (firstContactDue(now, grade, settings, zone) ?? '')
      : '';
    return row;
  };
  return { li, rowFor };
}

/** Returns pool leads a manager gave an owner to Leads, with a fresh Assigned at and SLA. */
export function returnOwnedPoolLeads(
  leads: Table<LeadColumnKey>,
  pool: Table<PoolKey>,
  context: MoveContext,
): MovedLead[] {
  const pi = pool.layout.index as Record<PoolKey, number>;
  const { moving: returning } = planReturns(
    pool.rows.map((row) => ({ id: row[pi.id], owner: row[pi.owner] })),
    MAX_DELETION_BLOCKS,
  );
  // Beyond the budget, the rest keep their owner in Pool and return on the next run.
  if (returning.length === 0) return [];
  const { li, rowFor } = returnedRow(leads, pool, context);
  const counts = readState<Record<string, number>>(STATE_KEYS.recycleCounts, {});
  const moved = moveLeads(
    pool as Table<string>,
    leads as Table<string>,
    returning.map((lead) => lead.id),
    (source, id) => {
      counts[id] = nextRecycleCount(source[pi.recycleCount]) - 1;
      return rowFor(source);
    },
    new Set([li.assignedAt, li.firstContactDue]),
    context,
    // A manager who cleared the owner meanwhile changed their mind: the lead stays in the pool.
    (source) => !isBlank(source[pi.owner]),
  );
  const open = new Set(
    leads.rows.filter((row) => isOpen({ status: row[li.status] })).map((row) => textOf(row[li.id])),
  );
  writeState(STATE_KEYS.recycleCounts, keptRecycleCounts(counts, open));
  const movedIds = new Set(moved);
  return returning.filter((lead) => movedIds.has(lead.id)).map(({ id, owner }) => ({ id, owner }));
}

/**
 * Returns one pool lead a person claimed (SPEC §14) to Leads, exactly as a manager's assignment
 * returns (fresh Assigned at and SLA), while its Pool row still names `owner`. Leads need not be
 * read: the move appends to it and finds rows by Lead ID. Returns whether the lead moved.
 */
export function returnClaimedPoolLead(
  leads: Table<LeadColumnKey>,
  pool: Table<PoolKey>,
  leadId: string,
  owner: string,
  context: MoveContext,
): boolean {
  const pi = pool.layout.index as Record<PoolKey, number>;
  const { li, rowFor } = returnedRow(leads, pool, context);
  const counts = readState<Record<string, number>>(STATE_KEYS.recycleCounts, {});
  let recycled: number | undefined;
  const moved = moveLeads(
    pool as Table<string>,
    leads as Table<string>,
    [leadId],
    (source) => {
      recycled = nextRecycleCount(source[pi.recycleCount]) - 1;
      return rowFor(source, owner);
    },
    new Set([li.owner, li.assignedAt, li.firstContactDue]),
    context,
    // A manager who gave the lead to someone else meanwhile decided: it stays theirs.
    (source) => textOf(source[pi.owner]) === owner,
  );
  if (moved.length === 0) return false;
  // The lead's recycle count waits for its next pooling, as after any return.
  if (recycled !== undefined && recycled > 0) {
    writeState(STATE_KEYS.recycleCounts, { ...counts, [leadId]: recycled });
  }
  return true;
}
