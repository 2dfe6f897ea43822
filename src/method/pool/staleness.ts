// When an open lead has gone untouched long enough to go to the public pool (SPEC §5), and why.

import type { Language } from '../../sheet/language';
import { LEAD_CELLS, t } from '../../sheet/text';
import { dateOf, isBlank, isOpen, statusOf } from '../../sheet/cells';
import type { Settings } from '../settings/settings';

const DAY_MS = 24 * 3_600_000;

export type PoolSettings = Pick<Settings, 'poolDays' | 'poolExemptStatuses'>;

/** What a lead's quiet time is measured from. */
export type StaleBasis = 'lastFollowUp' | 'assigned' | 'entered';

export interface Staleness {
  readonly basis: StaleBasis;
  readonly since: Date;
}

/** The cells staleness reads, raw as the sheet holds them. */
export interface StalenessCells {
  readonly status: unknown;
  readonly owner: unknown;
  readonly lastFollowUpAt: unknown;
  readonly assignedAt: unknown;
  readonly enteredAt: unknown;
}

const CELL_OF_BASIS: Readonly<Record<StaleBasis, keyof StalenessCells>> = {
  lastFollowUp: 'lastFollowUpAt',
  assigned: 'assignedAt',
  entered: 'enteredAt',
};

/**
 * Since when, and measured from what, a lead is stale; undefined when it is not. An open lead whose
 * status is not pool-exempt is stale when more than `poolDays` × 24 hours have passed since its last
 * follow-up, or since it was assigned when it has none, or since it was entered when it has no owner.
 *
 * A lead whose date to measure from is blank or unreadable is not stale: pooling takes a customer
 * away from its owner, so it must rest on a time the sheet actually holds. A follow-up cell holding
 * text is not skipped in favour of the assignment date either, since someone did record a contact.
 */
export function staleSince(
  lead: StalenessCells,
  settings: PoolSettings,
  now: Date,
): Staleness | undefined {
  if (!isOpen(lead) || isPoolExempt(lead, settings)) return undefined;
  const basis = basisOf(lead);
  const since = dateOf(lead[CELL_OF_BASIS[basis]]);
  if (!since) return undefined;
  const quietFor = now.getTime() - since.getTime();
  return quietFor > settings.poolDays * DAY_MS ? { basis, since } : undefined;
}

function isPoolExempt(lead: StalenessCells, settings: PoolSettings): boolean {
  const status = statusOf(lead);
  return status !== undefined && settings.poolExemptStatuses.includes(status);
}

/** Which date applies is decided by which cells are filled in, not by which ones can be read. */
/**
 * A follow-up made before the lead was (re)assigned belongs to the previous owner: a lead a manager
 * hands out from the pool gets its full quiet time from the new Assigned at, not from that history.
 */
function basisOf(lead: StalenessCells): StaleBasis {
  if (isBlank(lead.lastFollowUpAt)) return isBlank(lead.owner) ? 'entered' : 'assigned';
  const followedUp = dateOf(lead.lastFollowUpAt);
  const assigned = dateOf(lead.assignedAt);
  if (!isBlank(lead.owner) && followedUp && assigned && assigned > followedUp) return 'assigned';
  return 'lastFollowUp';
}

/** The Pool reason cell for a lead pooled on `basis`, e.g. `7天未跟进` / `No follow-up for 7 days`. */
export function poolReason(basis: StaleBasis, poolDays: number, language: Language): string {
  return t(language, LEAD_CELLS.poolReason[basis], poolDays);
}
