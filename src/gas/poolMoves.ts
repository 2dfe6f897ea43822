// Moves leads between Leads and Pool (SPEC §5): the target row is written first, then the source
// row removed, so a run that dies midway leaves a copy in each tab, which the next run resolves.

import { firstContactDue } from '../method/followUp/deadlines';
import { type Language } from '../sheet/language';
import { isBlank, recordOf, textOf } from '../sheet/cells';
import {
  carryRow,
  deletionBlocks,
  halfDoneMoves,
  headersToAdd,
  nextRecycleCount,
  rowsWithinBlockBudget,
} from '../method/pool/poolMoves';
import type { Grade } from '../method/scoring/scoringRules';
import type { Settings } from '../method/settings/settings';
import { poolReason, staleSince } from '../method/pool/staleness';
import type { TimeZone } from '../sheet/calendar';
import { LEAD_COLUMNS, POOL_COLUMNS, type LeadColumnKey } from '../sheet/tabs';
import { readState, STATE_KEYS, writeState } from './stateStore';
import { appendRows, type Table } from './table';

type PoolKey = (typeof POOL_COLUMNS)[number]['key'];

/**
 * deleteRows calls one run may make per tab. Google takes a noticeable moment per call; 100 keeps a
 * run far inside the 6-minute limit, and the rest of a backlog moves on the next runs.
 */
export const MAX_DELETION_BLOCKS = 100;

export interface MoveContext {
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
  POOL_COLUMNS.slice(LEAD_COLUMNS.length).flatMap((c) => [c.header.en, c.header.zh]),
);

/** Adds header cells for the team's own columns the target lacks, so their values travel too. */
function addMissingHeaders(target: Table<string>, names: readonly string[]): void {
  if (names.length === 0) return;
  const sheet = target.sheet;
  const start = target.header.length;
  const needed = start + names.length - sheet.getMaxColumns();
  if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
  sheet.getRange(1, start + 1, 1, names.length).setValues([[...names]]);
  target.header.push(...names);
  for (const row of target.rows) row.push(...names.map(() => ''));
}

/**
 * Deletes data rows (0-based) after checking, in one read, that each still holds the expected
 * Lead ID: a person may have sorted the tab since it was read, and a wrong row must never go.
 */
function deleteRows(
  table: Table<string>,
  idColumn: number,
  rows: readonly number[],
  ids: readonly string[],
): void {
  if (rows.length === 0) return;
  const current = table.sheet.getRange(2, idColumn + 1, table.rows.length, 1).getValues();
  rows.forEach((row, i) => {
    if (textOf(current[row]?.[0]) !== ids[i]) {
      throw new Error(
        `Row ${row + 2} of ${table.sheet.getName()} no longer holds lead ${ids[i]}; nothing was deleted. Run again.`,
      );
    }
  });
  for (const block of deletionBlocks(rows)) table.sheet.deleteRows(block.start + 2, block.count);
  const gone = new Set(rows);
  table.rows = table.rows.filter((_, i) => !gone.has(i));
}

/**
 * Finishes moves a failed run left half done (a lead in both tabs). Returns how many rows it
 * removed, and the IDs that two different customers share, which it leaves for a person.
 */
export function finishHalfDoneMoves(
  leads: Table<LeadColumnKey>,
  pool: Table<PoolKey>,
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
  deleteRows(leads, li.id, half.leadsRowsToDelete, leadIds);
  deleteRows(pool, pi.id, half.poolRowsToDelete, poolIds);
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
  const found: { row: number; id: string; owner: string; reason: string }[] = [];
  leads.rows.forEach((row, i) => {
    const lead = recordOf(row, li, [
      'id',
      'status',
      'owner',
      'lastFollowUpAt',
      'assignedAt',
      'enteredAt',
    ] as const);
    if (isBlank(lead.id)) return;
    const staleness = staleSince(lead, settings, now);
    if (staleness) {
      found.push({
        row: i,
        id: textOf(lead.id),
        owner: textOf(lead.owner),
        reason: poolReason(staleness.basis, settings.poolDays, language),
      });
    }
  });
  const within = rowsWithinBlockBudget(
    found.map((lead) => lead.row),
    MAX_DELETION_BLOCKS,
  );
  const stale = found.filter((lead) => within.has(lead.row));
  const deferred = found.length - stale.length;
  if (stale.length === 0) return { moved: [], deferred };
  addMissingHeaders(pool, headersToAdd(leads.header, pool.header));
  const pi = pool.layout.index as Record<PoolKey, number>;
  const counts = readState<Record<string, number>>(STATE_KEYS.recycleCounts, {});
  const poolRows = stale.map((lead) => {
    const row = carryRow(leads.rows[lead.row], leads.header, pool.header);
    row[pi.owner] = '';
    row[pi.pooledAt] = now;
    row[pi.poolReason] = lead.reason;
    row[pi.previousOwner] = lead.owner;
    row[pi.recycleCount] = nextRecycleCount(counts[lead.id]);
    return row;
  });
  appendRows(pool as Table<string>, poolRows);
  deleteRows(
    leads as Table<string>,
    li.id,
    stale.map((s) => s.row),
    stale.map((s) => s.id),
  );
  return { moved: stale.map(({ id, owner }) => ({ id, owner })), deferred };
}

/** Returns pool leads a manager gave an owner to Leads, with a fresh Assigned at and SLA. */
export function returnOwnedPoolLeads(
  leads: Table<LeadColumnKey>,
  pool: Table<PoolKey>,
  context: MoveContext,
): MovedLead[] {
  const { settings, zone, now } = context;
  const pi = pool.layout.index as Record<PoolKey, number>;
  const owned = pool.rows
    .map((row, i) => ({ row, i, id: textOf(row[pi.id]), owner: textOf(row[pi.owner]) }))
    .filter((lead) => lead.id && lead.owner);
  const within = rowsWithinBlockBudget(
    owned.map((lead) => lead.i),
    MAX_DELETION_BLOCKS,
  );
  // Beyond the budget, the rest keep their owner in Pool and return on the next run.
  const returning = owned.filter((lead) => within.has(lead.i));
  if (returning.length === 0) return [];
  const userHeaders = headersToAdd(pool.header, leads.header).filter((h) => !POOL_ONLY.has(h));
  addMissingHeaders(leads as Table<string>, userHeaders);
  const li = leads.layout.index as Record<LeadColumnKey, number>;
  const poolOnly = new Set(POOL_COLUMNS.slice(LEAD_COLUMNS.length).map((c) => pi[c.key]));
  const sourceHeader = pool.header.map((h, i) => (poolOnly.has(i) ? '' : h));
  const counts = readState<Record<string, number>>(STATE_KEYS.recycleCounts, {});
  const leadRows = returning.map((lead) => {
    counts[lead.id] = nextRecycleCount(lead.row[pi.recycleCount]) - 1;
    const row = carryRow(lead.row, sourceHeader, leads.header);
    const grade = textOf(lead.row[pi.grade]) as Grade;
    row[li.assignedAt] = now;
    row[li.firstContactDue] = ['A', 'B', 'C'].includes(grade)
      ? (firstContactDue(now, grade, settings, zone) ?? '')
      : '';
    return row;
  });
  // The count is kept before the Pool row that holds it goes away.
  writeState(STATE_KEYS.recycleCounts, counts);
  appendRows(leads as Table<string>, leadRows);
  deleteRows(
    pool as Table<string>,
    pi.id,
    returning.map((l) => l.i),
    returning.map((l) => l.id),
  );
  return returning.map(({ id, owner }) => ({ id, owner }));
}
