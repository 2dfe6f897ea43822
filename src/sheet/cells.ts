// A lead as plain data: its cells keyed by column, as read from Leads or Pool, and what its status means.

import { isDate } from './calendar';
import { CLOSED_STATUSES, STATUS, type StatusKey, findOption } from './options';
import type { LeadColumnKey } from './tabs';

/** Pool-only columns (SPEC §1): Pooled at, Pool reason, Previous owner, Recycle count. */
export type PoolColumnKey = 'pooledAt' | 'poolReason' | 'previousOwner' | 'recycleCount';

/** A Leads row's cells by column key, raw as getValues returns them ('' when blank). */
export type LeadRecord = Readonly<Record<LeadColumnKey, unknown>>;
export type PoolRecord = Readonly<Record<LeadColumnKey | PoolColumnKey, unknown>>;

/** Builds a record from a row, given each column's 0-based index; absent columns read ''. */
export function recordOf<K extends string>(
  row: readonly unknown[],
  index: Partial<Record<K, number>>,
  keys: readonly K[],
): Record<K, unknown> {
  // Copied from a record that already has every key, then filled: V8 keeps an object that grows
  // key by key past a dozen keys, from code that builds records of many shapes, as a dictionary
  // of several times the size (1.5 KB rather than 0.3 KB a lead, measured over 100k Leads rows).
  const record = { ...shapeOf(keys) };
  for (const key of keys) {
    const at = index[key];
    record[key] = at === undefined ? '' : (row[at] ?? '');
  }
  return record;
}

/**
 * A record with each of `keys`, all blank, made once per list of keys: found by the list itself,
 * else by its keys (a caller that builds the same list for every row).
 */
function shapeOf<K extends string>(keys: readonly K[]): Record<K, unknown> {
  let shape = shapes.get(keys);
  if (!shape) {
    const named = keys.join('\u0000');
    shape = shapesByKeys.get(named);
    if (!shape) {
      // JSON.parse lays an object out with all its keys at once, in V8's compact form.
      shape = JSON.parse(
        JSON.stringify(Object.fromEntries(keys.map((key) => [key, '']))),
      ) as object;
      if (shapesByKeys.size >= SHAPES_KEPT) shapesByKeys.clear();
      shapesByKeys.set(named, shape);
    }
    shapes.set(keys, shape);
  }
  return shape as Record<K, unknown>;
}

const shapes = new WeakMap<readonly string[], object>();
const shapesByKeys = new Map<string, object>();
/** Lists of keys remembered by their keys: the product has a few dozen. */
const SHAPES_KEPT = 200;

export const isBlank = (value: unknown): boolean =>
  value === '' ||
  value === null ||
  value === undefined ||
  (typeof value === 'string' && value.trim() === '');

/** The status key of a lead; a blank status is a new lead. Undefined for text that is no status. */
export function statusOf(lead: { status: unknown }): StatusKey | undefined {
  if (isBlank(lead.status)) return 'new';
  return findOption(STATUS, lead.status)?.key;
}

/** Open: any status but Won, Not won and Lost (unreadable text counts as open, so it is not lost). */
export function isOpen(lead: { status: unknown }): boolean {
  const status = statusOf(lead);
  return status === undefined || !CLOSED_STATUSES.includes(status);
}

/** A date cell as a Date, or undefined when blank or not a date. */
export function dateOf(value: unknown): Date | undefined {
  return isDate(value) ? value : undefined;
}

export function textOf(value: unknown): string {
  // Text is most cells: trimmed once, where the blank check would trim it a second time.
  if (typeof value === 'string') return value.trim();
  return isBlank(value) ? '' : String(value).trim();
}
