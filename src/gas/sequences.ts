// Remembers the highest Lead ID sequence per month in document properties, so an edit can number a
// new lead without reading every ID in Leads and Pool.

import { type MonthSequences } from '../method/capture/leadIds';

const KEY = 'leadIdSequences';
/** Months kept: enough for late entries, small enough for the 9 KB property limit. */
const MONTHS_KEPT = 36;

export function loadSequences(): MonthSequences {
  const raw = PropertiesService.getDocumentProperties().getProperty(KEY);
  const sequences: MonthSequences = new Map();
  if (!raw) return sequences;
  try {
    for (const [month, value] of Object.entries(JSON.parse(raw) as Record<string, unknown>)) {
      if (/^\d{6}$/.test(month) && typeof value === 'number') sequences.set(month, value);
    }
  } catch {
    // A damaged value only loses the memory; the next full scoring pass rebuilds it from the tabs.
  }
  return sequences;
}

/** Stores the sequences unless they are what `loaded` already held. */
export function saveSequences(sequences: MonthSequences, loaded?: MonthSequences): void {
  const kept = [...sequences.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .slice(0, MONTHS_KEPT);
  if (loaded && kept.length === loaded.size && kept.every(([m, v]) => loaded.get(m) === v)) return;
  PropertiesService.getDocumentProperties().setProperty(
    KEY,
    JSON.stringify(Object.fromEntries(kept)),
  );
}

export function mergeSequences(into: MonthSequences, from: MonthSequences): MonthSequences {
  for (const [month, value] of from) if (value > (into.get(month) ?? 0)) into.set(month, value);
  return into;
}
