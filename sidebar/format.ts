// How the sidebar writes times (`2024-05-01 14:30`, in the spreadsheet's time zone) and orders history.

import type { HistoryEntry } from '../src/method/followUp/followUpContract';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An ISO time as `YYYY-MM-DD HH:mm` on the spreadsheet's clock (SPEC §9), the way the sheet shows
 * it, in either language. A bare date stays as it is: it names a day, not an instant, and moving it
 * through a time zone could change the day. Text that is no time is shown as it came.
 */
export function formatTime(value: string | null, timeZone: string): string {
  if (value === null || value.trim() === '') return '';
  if (DATE_ONLY.test(value)) return value;
  const moment = new Date(value);
  if (Number.isNaN(moment.getTime())) return value;
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(moment)) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    };
    try {
      formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    } catch {
      // An unknown zone name throws; the browser's own clock is the next best reading.
      formatter = new Intl.DateTimeFormat('en-US', options);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Newest first; entries without a readable time go last, in the order the server sent them. */
export function historyNewestFirst(entries: readonly HistoryEntry[]): HistoryEntry[] {
  const when = (entry: HistoryEntry) => {
    const ms = entry.time === null ? NaN : Date.parse(entry.time);
    return Number.isNaN(ms) ? -Infinity : ms;
  };
  return [...entries].sort((a, b) => {
    const difference = when(b) - when(a);
    return Number.isNaN(difference) ? 0 : difference;
  });
}
