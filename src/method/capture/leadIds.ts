// Lead IDs of SPEC §1: `YYYYMM` of Entered at + a 3-digit sequence within that month + `-` + source.

import { type TimeZone, zonedTime } from '../../sheet/calendar';

const ID_PATTERN = /^(\d{4})(\d{2})(\d{3,})(?:-|$)/;

/** Highest sequence used per month (`202405` → 12), from any IDs already in Leads or Pool. */
export type MonthSequences = Map<string, number>;

export function recordIds(
  ids: Iterable<unknown>,
  into: MonthSequences = new Map(),
): MonthSequences {
  for (const id of ids) {
    const match = ID_PATTERN.exec(String(id ?? '').trim());
    if (!match) continue;
    const month = match[1] + match[2];
    const sequence = Number(match[3]);
    if (sequence > (into.get(month) ?? 0)) into.set(month, sequence);
  }
  return into;
}

/** The next free ID for a lead entered at `enteredAt`; records it so the next call moves on. */
export function nextLeadId(
  enteredAt: Date,
  source: unknown,
  sequences: MonthSequences,
  zone: TimeZone,
): string {
  const { year, month } = zonedTime(enteredAt, zone);
  const key = `${year}${String(month).padStart(2, '0')}`;
  const sequence = (sequences.get(key) ?? 0) + 1;
  sequences.set(key, sequence);
  const label = String(source ?? '')
    .trim()
    .replace(/\s+/g, ' ');
  return `${key}${String(sequence).padStart(3, '0')}${label ? `-${label}` : ''}`;
}
