// Moving leads between Leads and Pool (SPEC §5) as a plan over plain rows: what to append where and
// which rows to delete, including the repair of a move a failed run left half done.

import { isDate } from '../../sheet/calendar';
import { isBlank, textOf } from '../../sheet/cells';

/** The columns a move needs located in each tab (0-based), by key. */
export interface MoveColumns {
  readonly id: number;
  readonly owner: number;
  readonly assignedAt: number;
}

export interface PoolColumns extends MoveColumns {
  readonly pooledAt: number;
  readonly poolReason: number;
  readonly previousOwner: number;
  readonly recycleCount: number;
}

/**
 * A row copied to the other tab: cells are carried by header name, so the team's own columns
 * travel with the lead; `header` of the target lists where each source header lands.
 */
export function carryRow(
  sourceRow: readonly unknown[],
  sourceHeader: readonly unknown[],
  targetHeader: readonly unknown[],
): unknown[] {
  const target = Array<unknown>(targetHeader.length).fill('');
  const position = new Map<string, number>();
  targetHeader.forEach((h, i) => {
    const key = textOf(h).toLowerCase();
    if (key && !position.has(key)) position.set(key, i);
  });
  sourceHeader.forEach((h, i) => {
    const at = position.get(textOf(h).toLowerCase());
    if (at !== undefined) target[at] = sourceRow[i] ?? '';
  });
  return target;
}

/** Headers of the source that the target lacks (user columns), to be added before a move. */
export function headersToAdd(
  sourceHeader: readonly unknown[],
  targetHeader: readonly unknown[],
): string[] {
  const have = new Set(targetHeader.map((h) => textOf(h).toLowerCase()).filter(Boolean));
  const missing: string[] = [];
  for (const h of sourceHeader) {
    const text = textOf(h);
    if (text && !have.has(text.toLowerCase())) {
      missing.push(text);
      have.add(text.toLowerCase());
    }
  }
  return missing;
}

/** What a failed move left: the same Lead ID in both tabs. */
export interface HalfDoneMoves {
  /** 0-based Leads data rows to delete: pooling had written the Pool row but not removed this one. */
  readonly leadsRowsToDelete: number[];
  /** 0-based Pool data rows to delete: a return had written the Leads row but not removed this one. */
  readonly poolRowsToDelete: number[];
  /** IDs held by two different customers (typed by hand): never a half-done move, never deleted. */
  readonly conflicts: string[];
}

/** The cells that tell one customer from another, where the tabs have them. */
export interface IdentityColumns {
  readonly contact?: number;
  readonly phone?: number;
  readonly company?: number;
}

function identity(row: readonly unknown[], columns: IdentityColumns): string {
  return [columns.contact, columns.phone, columns.company]
    .map((at) => (at === undefined ? '' : textOf(row[at]).toLowerCase()))
    .join('\u0000');
}

const time = (value: unknown) => (isDate(value) ? value.getTime() : -Infinity);

/**
 * A lead in both tabs (same ID, same customer) is mid-move. A return writes a fresh Assigned at after the lead was pooled,
 * so a Leads copy assigned after the Pool copy's Pooled at is the returned one (drop the Pool row);
 * otherwise the Pool copy is the newer one (drop the Leads row).
 */
export function halfDoneMoves(
  leads: readonly (readonly unknown[])[],
  leadColumns: Pick<MoveColumns, 'id' | 'assignedAt'> & IdentityColumns,
  pool: readonly (readonly unknown[])[],
  poolColumns: Pick<PoolColumns, 'id' | 'pooledAt'> & IdentityColumns,
): HalfDoneMoves {
  const poolById = new Map<string, number>();
  pool.forEach((row, i) => {
    const id = textOf(row[poolColumns.id]);
    if (id) poolById.set(id, i);
  });
  const leadsRowsToDelete: number[] = [];
  const poolRowsToDelete: number[] = [];
  const conflicts: string[] = [];
  leads.forEach((row, i) => {
    const id = textOf(row[leadColumns.id]);
    const poolIndex = id ? poolById.get(id) : undefined;
    if (poolIndex === undefined) return;
    // A move copies the customer's cells; different ones mean an ID reused by hand.
    if (identity(row, leadColumns) !== identity(pool[poolIndex], poolColumns)) {
      conflicts.push(id);
      return;
    }
    const pooledAt = time(pool[poolIndex][poolColumns.pooledAt]);
    if (time(row[leadColumns.assignedAt]) > pooledAt) poolRowsToDelete.push(poolIndex);
    else leadsRowsToDelete.push(i);
  });
  return { leadsRowsToDelete, poolRowsToDelete, conflicts };
}

/** Runs of adjacent row indices, bottom first, so deleting one never shifts the next. */
export function deletionBlocks(rows: readonly number[]): { start: number; count: number }[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const blocks: { start: number; count: number }[] = [];
  for (const row of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && last.start + last.count === row) last.count++;
    else blocks.push({ start: row, count: 1 });
  }
  return blocks.reverse();
}

/** Recycle count of a lead going to the pool: the times it went before, plus this one. */
export function nextRecycleCount(previous: unknown): number {
  const count = typeof previous === 'number' ? previous : Number(textOf(previous));
  return (Number.isFinite(count) && count > 0 ? Math.floor(count) : 0) + 1;
}

export const hasOwner = (row: readonly unknown[], ownerColumn: number): boolean =>
  !isBlank(row[ownerColumn]);

/**
 * The rows to move this run when they fall in more separate blocks than one run should delete:
 * each block costs one deleteRows call, so a long backlog moves over several runs instead of
 * risking the execution time limit. Keeps whole blocks, from the bottom up.
 */
export function rowsWithinBlockBudget(rows: readonly number[], maxBlocks: number): Set<number> {
  const kept = new Set<number>();
  for (const block of deletionBlocks(rows).slice(0, maxBlocks)) {
    for (let row = block.start; row < block.start + block.count; row++) kept.add(row);
  }
  return kept;
}
