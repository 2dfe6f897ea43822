// The tracker's summary of archived leads (SPEC §16): aggregates only, grouped so that merging them
// back gives every Analysis figure the archived leads gave while they were in the tracker.

import type { LeadFacts } from '../analysis/analysis';
import type { CalibrationLead } from '../analysis/calibration';
import type { TimeZone } from '../../sheet/calendar';

/**
 * One group of archived leads that share every fact the Analysis counts. Cycle days are part of
 * the group, so the groups of won leads are a histogram of cycle days: the median stays exact.
 */
export interface ArchivedGroup {
  /** The archiving run that added it: a rerun finds its batch there and does not add it again. */
  readonly batch: string;
  /** Month of Entered at (`YYYY-MM` in the spreadsheet's zone), '' when it could not be read. */
  readonly month: string;
  readonly facts: LeadFacts;
  /** Grade and chosen options under the scoring rules of the day it was archived. */
  readonly calibration: Omit<CalibrationLead, 'won'>;
  readonly leads: number;
  /** Sum of Amount (万) of its won leads. */
  readonly wonAmount: number;
}

/** One archived lead as it left the tracker, without its identity. */
export interface ArchivedLead {
  readonly month: string;
  readonly facts: LeadFacts;
  readonly calibration: Omit<CalibrationLead, 'won'>;
  readonly wonAmount: number;
}

const keyOf = (lead: Omit<ArchivedLead, 'wonAmount'>): string =>
  JSON.stringify([lead.month, lead.facts, lead.calibration.grade, lead.calibration.chosen]);

/**
 * Groups a batch's leads; groups keep the order of their first lead, so each channel, owner and
 * reason is first met in the same order as in the tracker and ties in the tables break alike.
 */
export function summarise(batch: string, leads: readonly ArchivedLead[]): ArchivedGroup[] {
  const groups = new Map<string, { lead: ArchivedLead; leads: number; wonAmount: number }>();
  for (const lead of leads) {
    const key = keyOf(lead);
    const group = groups.get(key);
    if (group) {
      group.leads += 1;
      group.wonAmount += lead.wonAmount;
    } else groups.set(key, { lead, leads: 1, wonAmount: lead.wonAmount });
  }
  return [...groups.values()].map(({ lead, leads: count, wonAmount }) => ({
    batch,
    month: lead.month,
    facts: lead.facts,
    calibration: lead.calibration,
    leads: count,
    wonAmount,
  }));
}

/** `YYYY-MM` of an instant in the zone. */
export function monthOf(instant: Date | undefined, zone: TimeZone): string {
  if (!instant) return '';
  const shifted = new Date(instant.getTime() + zone.offsetMinutes(instant) * 60_000);
  return `${shifted.getUTCFullYear()}-${String(shifted.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The instant a `YYYY-MM` month starts in the zone. */
function monthStart(month: string, zone: TimeZone): number | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return undefined;
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, 1);
  return wall - zone.offsetMinutes(new Date(wall)) * 60_000;
}

/**
 * The archived leads the Analysis counts, one entry per lead. All time counts every one. With a
 * window, a month counts when it starts inside it (Entered at is kept by month only); a lead whose
 * Entered at could not be read counts for calibration, as in the tracker, but not in the tables.
 */
export function archivedInWindow(
  groups: readonly ArchivedGroup[],
  window: { now: Date; windowDays: number; zone: TimeZone },
): { facts: LeadFacts[]; calibration: CalibrationLead[] } {
  const since = window.now.getTime() - window.windowDays * 86_400_000;
  const facts: LeadFacts[] = [];
  const calibration: CalibrationLead[] = [];
  for (const group of groups) {
    const start = monthStart(group.month, window.zone);
    const counted = window.windowDays <= 0 || (start !== undefined && start >= since);
    const calibrated = counted || start === undefined;
    const won = group.facts.outcome === 'won';
    for (let i = 0; i < group.leads; i++) {
      if (counted) facts.push(group.facts);
      if (calibrated) calibration.push({ ...group.calibration, won });
    }
  }
  return { facts, calibration };
}

/** Batches the summary holds. */
export function batchesOf(groups: readonly ArchivedGroup[]): Set<string> {
  return new Set(groups.map((g) => g.batch));
}
