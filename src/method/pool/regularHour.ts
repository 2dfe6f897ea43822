// What a regular hour of the automation looks at (SPEC §3–§5): a few columns of every lead, and
// whole rows only for the leads it may act on; the day's first run and any Settings change see all.

import { isBlank, isOpen } from '../../sheet/cells';
import { fnv1a } from '../../sheet/fingerprint';
import type { LeadColumnKey } from '../../sheet/tabs';

/**
 * The columns every lead is checked on each hour: its identity (the half-done-move repair and the
 * duplicate check), its outcome, its owner and deadlines (the pool and the reminders), and the
 * cells whose blankness says the lead needs scoring, numbering or assigning. Entered at is not
 * among them: only a lead without an owner counts its days from it, and such a lead is read whole.
 */
export const EVERY_ROW_KEYS: readonly LeadColumnKey[] = [
  'id',
  'contact',
  'phone',
  'company',
  'grade',
  'owner',
  'assignedAt',
  'firstContactDue',
  'firstContactAt',
  'lastFollowUpAt',
  'nextFollowUpDue',
  'status',
];

/**
 * Whether a lead, seen through EVERY_ROW_KEYS only, needs its whole row this hour: it has no Lead
 * ID or grade yet (a row typed or pasted since), it is open without an owner
 * (to check for duplicates and assign), or it was followed up without a next date (cadence).
 * Every other lead keeps the scores the day's full pass gave it: its inputs change only through
 * edits, which rescore their rows at once.
 */
export function needsWholeRow(
  row: readonly unknown[],
  index: Readonly<Record<(typeof EVERY_ROW_KEYS)[number], number>>,
): boolean {
  const cell = (key: (typeof EVERY_ROW_KEYS)[number]) => row[index[key]];
  if (isBlank(cell('id')) || isBlank(cell('grade'))) return true;
  if (!isOpen({ status: cell('status') })) return false;
  if (isBlank(cell('owner'))) return true;
  return isBlank(cell('nextFollowUpDue')) && !isBlank(cell('lastFollowUpAt'));
}

/** How a regular hour reads Leads: EVERY_ROW_KEYS of every lead, whole the rows it may act on. */
export const HOURLY_NARROW_READ = { keys: EVERY_ROW_KEYS, needsWholeRow } as const;

/** The scoring rules a full pass applied, as one short fingerprint: a change means a full pass. */
export function rulesFingerprint(rules: unknown): string {
  return fnv1a(JSON.stringify(rules)).toString(16).padStart(8, '0');
}

/**
 * The last full pass, as remembered: the calendar day, the rules' fingerprint, and how many rows
 * Leads had (a tab grown far past that holds many rows no pass has seen).
 */
export interface FullPassMark {
  readonly day: string;
  readonly rules: string;
  readonly rows?: number;
}

/** Whether this hour may look at EVERY_ROW_KEYS only: a full pass ran today under the same rules. */
export function fullPassCovers(mark: FullPassMark | null, today: string, rules: string): boolean {
  return !!mark && mark.day === today && mark.rules === rules;
}
