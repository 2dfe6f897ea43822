// Which leads move between Leads and Pool this run (SPEC §5), decided from plain rows: stale open
// leads go to the pool, pool leads a manager gave an owner come back, within one run's budget.

import { isBlank, textOf } from '../../sheet/cells';
import type { Language } from '../../sheet/language';
import { rowsWithinBlockBudget } from './poolMoves';
import { type PoolSettings, poolReason, staleSince, type StalenessCells } from './staleness';

/** A lead to move: its 0-based data row in the tab it leaves, ID, owner and (to the pool) why. */
export interface PlannedMove {
  readonly row: number;
  readonly id: string;
  readonly owner: string;
  readonly reason: string;
}

export interface MovePlan {
  readonly moving: PlannedMove[];
  /** Leads due to move that wait for a later run: a run deletes a bounded number of row blocks. */
  readonly deferred: number;
}

/** Keeps whole blocks of adjacent rows, up to `maxBlocks`, and counts the rest as deferred. */
function withinBudget(found: PlannedMove[], maxBlocks: number): MovePlan {
  const within = rowsWithinBlockBudget(
    found.map((lead) => lead.row),
    maxBlocks,
  );
  const moving = found.filter((lead) => within.has(lead.row));
  return { moving, deferred: found.length - moving.length };
}

/** Open leads untouched for longer than the pool days, each with the reason the Pool tab shows. */
export function planPooling(
  leads: readonly (StalenessCells & { id: unknown; owner: unknown })[],
  settings: PoolSettings,
  now: Date,
  language: Language,
  maxBlocks: number,
): MovePlan {
  const found: PlannedMove[] = [];
  leads.forEach((lead, row) => {
    if (isBlank(lead.id)) return;
    const staleness = staleSince(lead, settings, now);
    if (!staleness) return;
    found.push({
      row,
      id: textOf(lead.id),
      owner: textOf(lead.owner),
      reason: poolReason(staleness.basis, settings.poolDays, language),
    });
  });
  return withinBudget(found, maxBlocks);
}

/** Pool leads a manager (or a claim) gave an owner: they go back to Leads. */
export function planReturns(
  pool: readonly { id: unknown; owner: unknown }[],
  maxBlocks: number,
): MovePlan {
  const found: PlannedMove[] = [];
  pool.forEach((lead, row) => {
    const id = textOf(lead.id);
    const owner = textOf(lead.owner);
    if (id && owner) found.push({ row, id, owner, reason: '' });
  });
  return withinBudget(found, maxBlocks);
}

/**
 * The recycle counts worth keeping: only for leads still open in Leads, since a closed or deleted
 * lead never goes to the pool again, so the saved state stays small however long the sheet is used.
 */
export function keptRecycleCounts(
  counts: Readonly<Record<string, number>>,
  openLeadIds: ReadonlySet<string>,
): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([id]) => openLeadIds.has(id)));
}
