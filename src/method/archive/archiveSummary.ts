// The tracker's summary of archived leads (SPEC §16): aggregates only, grouped so that merging them
// back gives every Analysis figure the archived leads gave while they were in the tracker.

import type { LeadFacts } from '../analysis/analysis';
import type { CalibrationLead } from '../analysis/calibration';
import { calendarDateOf, formatCalendarDate, type TimeZone } from '../../sheet/calendar';

/**
 * One group of archived leads that share every fact the Analysis counts. Cycle days are part of
 * the group, so the groups of won leads are a histogram of cycle days: the median stays exact.
 */
export interface ArchivedGroup {
  /** The archiving run that added it: a rerun finds its batch there and does not add it again. */
  readonly batch: string;
  /**
   * Day of Entered at (`YYYY-MM-DD` in the spreadsheet's zone), '' when it could not be read: a
   * day, not a month, so an Analysis window counts archived leads as it counted them before.
   */
  readonly enteredDay: string;
  readonly facts: LeadFacts;
  /** Grade and chosen options under the scoring rules of the day it was archived. */
  readonly calibration: Omit<CalibrationLead, 'won'>;
  readonly leads: number;
  /** Sum of Amount (万) of its won leads. */
  readonly wonAmount: number;
}

/** One archived lead as it left the tracker, without its identity. */
export interface ArchivedLead {
  readonly enteredDay: string;
  readonly facts: LeadFacts;
  readonly calibration: Omit<CalibrationLead, 'won'>;
  readonly wonAmount: number;
}

const keyOf = (lead: Omit<ArchivedLead, 'wonAmount'>): string =>
  JSON.stringify([lead.enteredDay, lead.facts, lead.calibration.grade, lead.calibration.chosen]);

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
    enteredDay: lead.enteredDay,
    facts: lead.facts,
    calibration: lead.calibration,
    leads: count,
    wonAmount,
  }));
}

/** `YYYY-MM-DD` of an instant in the zone; '' for none. */
export function dayOf(instant: Date | undefined, zone: TimeZone): string {
  return instant ? formatCalendarDate(calendarDateOf(instant, zone)) : '';
}

/** The instant a `YYYY-MM-DD` day starts in the zone, `days` later. */
function dayStart(day: string, zone: TimeZone, days = 0): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
  return wall - zone.offsetMinutes(new Date(wall)) * 60_000;
}

/** An archived lead's facts and the start of the day it was entered (undefined: unreadable). */
export interface DatedFacts {
  readonly facts: LeadFacts;
  readonly enteredFrom: number | undefined;
  /** The lead's share of its group's won amount (万): the group's sum stays exact. */
  readonly wonAmount?: number;
}

/**
 * The archived leads the Analysis counts, one entry per lead. All time counts every one. With a
 * window, a day counts when any of it is inside: Entered at is kept by day, so only leads entered
 * on the window's first day, before the hour it starts, count where the tracker would not have. A
 * lead whose Entered at could not be read counts for calibration, as in the tracker, not in tables.
 */
export function archivedInWindow(
  groups: readonly ArchivedGroup[],
  window: { now: Date; windowDays: number; zone: TimeZone },
): { facts: DatedFacts[]; calibration: CalibrationLead[] } {
  const since = window.now.getTime() - window.windowDays * 86_400_000;
  const facts: DatedFacts[] = [];
  const calibration: CalibrationLead[] = [];
  for (const group of groups) {
    const start = dayStart(group.enteredDay, window.zone);
    const end = dayStart(group.enteredDay, window.zone, 1);
    const counted = window.windowDays <= 0 || (end !== undefined && end > since);
    const calibrated = counted || end === undefined;
    const won = group.facts.outcome === 'won';
    for (let i = 0; i < group.leads; i++) {
      if (counted)
        facts.push({
          facts: group.facts,
          enteredFrom: start,
          wonAmount: group.wonAmount / group.leads,
        });
      if (calibrated) calibration.push({ ...group.calibration, won });
    }
  }
  // Stable: leads of one day keep the order they were archived in.
  facts.sort((a, b) => (a.enteredFrom ?? -Infinity) - (b.enteredFrom ?? -Infinity));
  return { facts, calibration };
}

/** Batches the summary holds. */
export function batchesOf(groups: readonly ArchivedGroup[]): Set<string> {
  return new Set(groups.map((g) => g.batch));
}

/**
 * The tracker's facts in sheet order with the archived ones put back where their Entered at puts
 * them: before the first tracker lead entered later. Leads is kept in order of entry (rows are
 * appended), so every table lists its channels, owners and reasons in the order it did before
 * archiving; only leads entered on one day may swap places, as archived ones keep only the day.
 */
export function inEntryOrder(
  archived: readonly DatedFacts[],
  tracker: readonly { readonly facts: LeadFacts; readonly enteredAt: number | undefined }[],
): LeadFacts[] {
  const merged: LeadFacts[] = [];
  let next = 0;
  for (const lead of tracker) {
    const at = lead.enteredAt;
    while (
      next < archived.length &&
      at !== undefined &&
      (archived[next].enteredFrom ?? -Infinity) <= at
    ) {
      merged.push(archived[next++].facts);
    }
    merged.push(lead.facts);
  }
  while (next < archived.length) merged.push(archived[next++].facts);
  return merged;
}
