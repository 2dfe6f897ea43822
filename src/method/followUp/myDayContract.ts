// The contract of My day and of claiming from the pool (SPEC §14) between the sidebar and the
// server: plain JSON (times as ISO-8601 strings), the same types on both sides.

import * as z from 'zod/mini';

export const QUEUE_KINDS = [
  'firstContactOverdue',
  'firstContactDue',
  'followUpOverdue',
  'followUpDue',
  'newAssignment',
] as const;

export type QueueKind = (typeof QUEUE_KINDS)[number];

/** One thing due: which lead, what is due and when. */
export interface MyDayItem {
  readonly leadId: string;
  readonly kind: QueueKind;
  /** ISO-8601 time. */
  readonly due: string;
  readonly grade: string;
  readonly company: string;
  readonly contact: string;
}

/** How the caller was recognised: Google's e-mail, a name they chose, or not at all. */
export type Recognised = 'email' | 'choice' | 'none';

export interface MyDay {
  /** Whose queue this is: a team member's name, or an e-mail address; blank when unknown. */
  readonly owner: string;
  /** In order: overdue first, then by grade, then by due time. */
  readonly items: readonly MyDayItem[];
  readonly counts: Readonly<Record<QueueKind, number>>;
  readonly recognised: Recognised;
  /** The caller's e-mail when Google gave one that the team table lacks. */
  readonly unlistedEmail: string;
  /** Names the caller may pick: all active members to choose oneself, or a manager's team. */
  readonly team: readonly string[];
  /** A manager may switch to a team member's queue. */
  readonly canSwitch: boolean;
  /** Pool leads the caller may still claim today (Settings "Claims per day" less today's claims). */
  readonly claimsLeft: number;
  readonly claimsPerDay: number;
}

/** A pool lead as the sidebar's pool list shows it: no phone, nothing to contact before claiming. */
export interface PoolLeadSummary {
  readonly leadId: string;
  readonly grade: string;
  readonly company: string;
  readonly source: string;
  /** ISO-8601 time, or null when the cell holds no date. */
  readonly pooledAt: string | null;
  readonly previousOwner: string;
}

/** What `claimPoolLead` answers: the lead is the caller's now. */
export interface ClaimResult {
  readonly leadId: string;
  readonly owner: string;
  /** Claims the caller has left today after this one. */
  readonly claimsLeft: number;
}

/** `getMyDay(member?)`: a name to pick (no e-mail) or, for a manager, whose queue to show. */
export const myDayRequestSchema = z.optional(z.string().check(z.trim(), z.maxLength(200)));

export const leadIdSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));

/** The counts per kind of a queue, every kind present. */
export function countsOf(
  items: readonly { readonly kind: QueueKind }[],
): Record<QueueKind, number> {
  const counts = Object.fromEntries(QUEUE_KINDS.map((k) => [k, 0])) as Record<QueueKind, number>;
  for (const item of items) counts[item.kind]++;
  return counts;
}
