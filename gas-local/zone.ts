// Time-zone arithmetic for the local runtime (Node has full ICU; Google formats with Java's rules).

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(timeZone: string, ms: number): Record<string, number> {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(ms))) {
    if (part.type === 'weekday')
      parts.weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part.value);
    else if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts;
}

/** Minutes east of UTC in `timeZone` at instant `ms`. */
export function offsetMinutesAt(timeZone: string, ms: number): number {
  // Zones change offset only on a quarter hour: one lookup answers every instant of it.
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  let known = offsets.get(timeZone);
  if (!known) offsets.set(timeZone, (known = new Map()));
  const offset = known.get(quarter);
  if (offset !== undefined) return offset;
  const start = quarter * QUARTER_HOUR_MS;
  const p = partsIn(timeZone, start);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second);
  const found = Math.round((asUtc - start) / 60_000);
  if (known.size >= OFFSETS_KEPT) known.clear();
  known.set(quarter, found);
  return found;
}

const QUARTER_HOUR_MS = 15 * 60_000;
const OFFSETS_KEPT = 100_000;
/** Offsets already looked up, by zone, then by quarter hour (a number: no key text to build). */
const offsets = new Map<string, Map<number, number>>();

/** Minutes east of UTC for a wall-clock time in `timeZone`. */
export function offsetForWallTime(
  timeZone: string,
  y: number,
  m: number,
  d: number,
  h: number,
  mi: number,
  s: number,
): number {
  const guess = Date.UTC(y, m - 1, d, h, mi, s);
  const first = offsetMinutesAt(timeZone, guess);
  return offsetMinutesAt(timeZone, guess - first * 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Utilities.formatDate: Java SimpleDateFormat letters y M d H h m s S a E Z X and quoted text.
 */
export function formatDate(ms: number, timeZone: string, pattern: string): string {
  const p = partsIn(timeZone, ms);
  const offset = offsetMinutesAt(timeZone, ms);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];
  return pattern.replace(
    /'([^']*)'|y+|M+|d+|H+|h+|m+|s+|S+|a|E+|Z+|X+/g,
    (token, quoted: string | undefined) => {
      if (quoted !== undefined) return quoted === '' ? "'" : quoted;
      const n = token.length;
      switch (token[0]) {
        case 'y':
          return n === 2 ? pad(p.year % 100) : String(p.year);
        case 'M':
          return n >= 3 ? months[p.month - 1] : pad(p.month, n);
        case 'd':
          return pad(p.day, n);
        case 'H':
          return pad(p.hour % 24, n);
        case 'h':
          return pad(p.hour % 12 || 12, n);
        case 'm':
          return pad(p.minute, n);
        case 's':
          return pad(p.second, n);
        case 'S':
          return pad(ms % 1000 < 0 ? 1000 + (ms % 1000) : ms % 1000, 3);
        case 'a':
          return p.hour < 12 ? 'AM' : 'PM';
        case 'E':
          return days[p.weekday];
        case 'Z':
          return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
        default:
          return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
      }
    },
  );
}
