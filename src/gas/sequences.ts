// Remembers the highest Lead ID sequence per month in the spreadsheet's state, so an edit can number
// a new lead without reading every ID in Leads and Pool.

import { type MonthSequences } from '../method/capture/leadIds';
import { readState, saveState, STATE_KEYS, writeState } from './stateStore';

/** Months kept: enough for late entries, and the state stays small. */
const MONTHS_KEPT = 36;

export function loadSequences(): MonthSequences {
  const stored = readState<Record<string, unknown>>(STATE_KEYS.leadIdSequences, {});
  const sequences: MonthSequences = new Map();
  if (typeof stored !== 'object' || stored === null) return sequences;
  for (const [month, value] of Object.entries(stored)) {
    if (/^\d{6}$/.test(month) && typeof value === 'number') sequences.set(month, value);
  }
  return sequences;
}

/**
 * Stores the sequences unless they are what `loaded` already held. Saved at once, before the new
 * IDs are written: a run that dies after writing them can never hand the same ID out again.
 */
export function saveSequences(sequences: MonthSequences, loaded?: MonthSequences): void {
  const kept = [...sequences.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .slice(0, MONTHS_KEPT);
  if (loaded && kept.length === loaded.size && kept.every(([m, v]) => loaded.get(m) === v)) return;
  writeState(STATE_KEYS.leadIdSequences, Object.fromEntries(kept));
  saveState();
}

export function mergeSequences(into: MonthSequences, from: MonthSequences): MonthSequences {
  for (const [month, value] of from) if (value > (into.get(month) ?? 0)) into.set(month, value);
  return into;
}
