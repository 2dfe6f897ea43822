// The web form's hourly cap (SPEC §13.3, "Web leads per hour"): a count per clock hour, small
// enough to keep in the spreadsheet's saved state whatever the traffic.

const HOUR_MS = 3_600_000;

/** Leads accepted in one clock hour (hours since 1970, UTC, so every zone agrees). */
export interface HourCount {
  readonly hour: number;
  readonly count: number;
}

export interface CapDecision {
  readonly admitted: boolean;
  /** What to store: the count with this lead when admitted, unchanged when not. */
  readonly count: HourCount;
}

function storedCount(stored: unknown, hour: number): number {
  if (typeof stored !== 'object' || stored === null) return 0;
  const { hour: at, count } = stored as Partial<HourCount>;
  return at === hour && Number.isSafeInteger(count) && (count as number) > 0
    ? (count as number)
    : 0;
}

/**
 * Admits one more lead when this hour's count is below `limit` (0: the form is off). A count
 * from an earlier hour, or a damaged one, starts the hour afresh.
 */
export function admitToHourlyCap(stored: unknown, now: Date, limit: number): CapDecision {
  const hour = Math.floor(now.getTime() / HOUR_MS);
  const count = storedCount(stored, hour);
  const admitted = count < limit;
  return { admitted, count: { hour, count: admitted ? count + 1 : count } };
}
