// Which items a digest lists (SPEC §12): the most urgent first, at most 200, within a byte budget.

import { isDate } from '../../sheet/calendar';
import type { ReminderItem, ReminderKind } from './reminders';

/**
 * A digest lists at most this many items; it counts the rest, which come in later digests. With a
 * digest per recipient each hourly run, up to 4,800 items a day get listed; a daily reminder still
 * due comes again the next day, and news stays news for 48 hours, after the overdue work.
 */
export const MAX_LISTED_ITEMS = 200;

/**
 * UTF-8 bytes the listed lines may take in each body (text and HTML measured apart). Everything
 * else in a body (greeting, headings, the "more" line, the link) is held under 5 KB by the caps on
 * each value, so a body stays under 100 KB whatever people typed: Google refuses bodies over 200 KB.
 */
export const LIST_BUDGET_BYTES = 90_000;

/** Overdue work, then due work, then news; digests group their lists in this order too. */
export const KIND_ORDER: readonly ReminderKind[] = [
  'firstContactOverdue',
  'followUpOverdue',
  'slaBreach',
  'followUpDue',
  'assigned',
  'poolArrival',
  'pooled',
];

const KIND_RANK = new Map(KIND_ORDER.map((kind, rank) => [kind, rank]));
const GRADE_RANK: Readonly<Record<string, number>> = { A: 0, B: 1, C: 2, D: 3 };

/** The first-contact SLA exists for A leads (SPEC §4): a missed one on an A lead comes first. */
const isFirstContact = (kind: ReminderKind) =>
  kind === 'firstContactOverdue' || kind === 'slaBreach';

const gradeRank = (item: ReminderItem) => GRADE_RANK[item.grade.trim().toUpperCase()] ?? 4;

/** Undated items sort after dated ones. */
const dueMs = (item: ReminderItem) =>
  isDate(item.due) && !Number.isNaN(item.due.getTime())
    ? item.due.getTime()
    : Number.POSITIVE_INFINITY;

/** What an item is ranked by, before its Lead ID: kind, missed A first contact, deadline, grade. */
function urgencyKeys(item: ReminderItem): readonly number[] {
  return [
    KIND_RANK.get(item.kind) ?? 99,
    isFirstContact(item.kind) && gradeRank(item) === 0 ? 0 : 1,
    dueMs(item),
    gradeRank(item),
  ];
}

/** Deadlines from 1875 to 2286 keep their order in a rank; earlier or later ones sort at the ends. */
const EARLIEST_MS = -3e12;
const LATEST_MS = 1e13;
/** Places for a deadline in a rank: every millisecond of the span, then one for no deadline. */
const DEADLINE_PLACES = LATEST_MS - EARLIEST_MS + 2;

/**
 * The first three urgency keys as one number that sorts the same way or ties: kind, missed A
 * first contact, deadline (to the millisecond; none last). Deadlines outside 1875–2286 tie with
 * the end they pass, and the comparison of keys then orders them. At most about 2.1e14, below
 * 2^53: every rank is exact.
 */
function urgencyRank(keys: readonly number[]): number {
  const [kind, firstContact, due] = keys;
  const deadline =
    due === Number.POSITIVE_INFINITY
      ? DEADLINE_PLACES - 1
      : Math.min(Math.max(due, EARLIEST_MS), LATEST_MS) - EARLIEST_MS;
  const kindRank = Math.min(kind, KIND_ORDER.length);
  return (kindRank * 2 + firstContact) * DEADLINE_PLACES + deadline;
}

/** Compares two items by their urgency keys, then by Lead ID. */
function compareUrgency(
  a: ReminderItem,
  aKeys: readonly number[],
  b: ReminderItem,
  bKeys: readonly number[],
): number {
  for (let i = 0; i < aKeys.length; i++) {
    if (aKeys[i] !== bKeys[i]) return aKeys[i] < bKeys[i] ? -1 : 1;
  }
  return a.leadId === b.leadId ? 0 : a.leadId < b.leadId ? -1 : 1;
}

/**
 * Most urgent first:
 * 1. by kind, in KIND_ORDER (overdue first contacts lead);
 * 2. among missed first contacts, A leads before the other grades;
 * 3. the earliest deadline first, which for overdue items is the most overdue;
 * 4. the better grade first (A, B, C, D, then ungraded);
 * 5. by Lead ID, so that equal items keep one order from run to run and a backlog drains in order.
 */
export function byUrgency(a: ReminderItem, b: ReminderItem): number {
  return compareUrgency(a, urgencyKeys(a), b, urgencyKeys(b));
}

/** What one listed line costs in each body, in UTF-8 bytes. */
export interface LineBytes {
  readonly text: number;
  readonly html: number;
}

/**
 * Positions in `items` of those a digest lists, most urgent first: at most MAX_LISTED_ITEMS, and
 * only while each body's lines stay within LIST_BUDGET_BYTES. It stops at the first line that does
 * not fit rather than skip to a shorter, less urgent one.
 */
export function selectListed(
  items: readonly ReminderItem[],
  lineBytes: (item: ReminderItem) => LineBytes,
): number[] {
  // Each item's keys and rank worked out once, not at every comparison of the sort: most pairs
  // differ in rank, and only those that tie are compared key by key.
  const keys = items.map(urgencyKeys);
  const ranks = keys.map(urgencyRank);
  const order = items
    .map((_, at) => at)
    .sort(
      (a, b) =>
        ranks[a] - ranks[b] || compareUrgency(items[a], keys[a], items[b], keys[b]) || a - b,
    );
  const listed: number[] = [];
  let text = 0;
  let html = 0;
  for (const at of order) {
    if (listed.length >= MAX_LISTED_ITEMS) break;
    const bytes = lineBytes(items[at]);
    if (text + bytes.text > LIST_BUDGET_BYTES || html + bytes.html > LIST_BUDGET_BYTES) break;
    text += bytes.text;
    html += bytes.html;
    listed.push(at);
  }
  return listed;
}
