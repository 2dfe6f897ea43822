// Which closed leads move to the yearly archive (SPEC §16): decided more than the Settings months ago.

import {
  addMonths,
  type CalendarDate,
  calendarDateOf,
  compareDates,
  type TimeZone,
} from '../../sheet/calendar';
import { dateOf, statusOf, textOf } from '../../sheet/cells';
import { latestConversions, resultOf } from '../outcomes/latestOutcome';

type Row = Readonly<Record<string, unknown>>;

export interface ArchiveCandidate {
  readonly id: string;
  /** Calendar year of the decision in the spreadsheet's zone: which archive it goes to. */
  readonly year: number;
}

export interface ArchivePlan {
  /** Oldest decision first, at most `limit` of them. */
  readonly moving: readonly ArchiveCandidate[];
  /** Leads due for the archive that wait for a later run. */
  readonly deferred: number;
}

const CLOSED = new Set(['won', 'notWon', 'lost']);

/**
 * Leads whose outcome is Won, Not won or Lost by the one truth of outcome (the latest Conversions
 * row, else Status) and whose latest decision is more than `months` calendar months before today.
 * The decision's date is the latest row's Decided at; a lead closed without a Conversions row goes
 * by its Last follow-up. A lead with neither date readable has nothing to age, and an ID found on
 * two rows is a conflict for a person: both stay. `months` 0 archives nothing.
 */
export function planArchive(
  leads: readonly Row[],
  conversions: readonly Row[],
  options: { months: number; now: Date; zone: TimeZone; limit: number },
): ArchivePlan {
  if (options.months <= 0) return { moving: [], deferred: 0 };
  const latest = latestConversions(conversions);
  const cutoff = addMonths(calendarDateOf(options.now, options.zone), -options.months);
  const seen = new Map<string, number>();
  for (const lead of leads) {
    const id = textOf(lead.id);
    if (id !== '') seen.set(id, (seen.get(id) ?? 0) + 1);
  }
  const due: { id: string; decided: CalendarDate; time: number }[] = [];
  for (const lead of leads) {
    const id = textOf(lead.id);
    if (id === '' || seen.get(id) !== 1) continue;
    const conversion = latest.get(id);
    const outcome = conversion ? resultOf(conversion) : statusOf({ status: lead.status });
    // Closed by hand without a Conversions row: its last follow-up is when it was last worked on.
    const decidedAt = conversion ? dateOf(conversion.decidedAt) : dateOf(lead.lastFollowUpAt);
    if (!outcome || !CLOSED.has(outcome) || !decidedAt) continue;
    const decided = calendarDateOf(decidedAt, options.zone);
    if (compareDates(decided, cutoff) < 0) due.push({ id, decided, time: decidedAt.getTime() });
  }
  due.sort((a, b) => a.time - b.time);
  const moving = due.slice(0, options.limit).map((d) => ({ id: d.id, year: d.decided.year }));
  return { moving, deferred: due.length - moving.length };
}
