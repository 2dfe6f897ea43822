// The event object Google passes to a time-driven trigger's handler.

/** ISO-8601 week number of a UTC date. */
function isoWeek(at: Date): number {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  return Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

/**
 * Fields as listed for time-driven events (guides/triggers/events): the firing time broken into
 * parts, in UTC, with the trigger's ID and AuthMode.FULL.
 */
export function timeDrivenEvent(triggerUid: string, now: number): Record<string, unknown> {
  const at = new Date(now);
  return {
    authMode: 'FULL',
    triggerUid,
    year: at.getUTCFullYear(),
    month: at.getUTCMonth() + 1,
    'week-of-year': isoWeek(at),
    'day-of-month': at.getUTCDate(),
    'day-of-week': at.getUTCDay() || 7,
    hour: at.getUTCHours(),
    minute: at.getUTCMinutes(),
    second: at.getUTCSeconds(),
    timezone: 'UTC',
  };
}
