// The rules of claiming a pool lead (SPEC §14, 领取): the daily cap and the previous owner's wait,
// decided over plain data; a refusal names its rule so the message can say which one.

import { calendarDateOf, compareDates, type TimeZone } from '../../sheet/calendar';
import { isOwnedBy, type Person } from '../settings/teamIdentity';
import type { Settings } from '../settings/settings';

const DAY_MS = 86_400_000;

/** One claim as the claims ledger keeps it. */
export interface Claim {
  readonly at: Date;
  readonly leadId: string;
  readonly owner: string;
}

export type ClaimRefusal =
  | { readonly rule: 'whoAreYou' }
  | { readonly rule: 'notInTeam' }
  | { readonly rule: 'claimingOff' }
  | { readonly rule: 'dailyCap'; readonly cap: number }
  | { readonly rule: 'reclaimWait'; readonly days: number; readonly from: Date };

export interface ClaimRequest {
  readonly person: Person | undefined;
  /** The Pool row's Previous owner and Pooled at (undefined when the cell holds no date). */
  readonly previousOwner: unknown;
  readonly pooledAt: Date | undefined;
  readonly claims: readonly Claim[];
  readonly now: Date;
}

/** The person's claims made on today's calendar date in the spreadsheet's zone. */
export function claimsToday(
  claims: readonly Claim[],
  person: Person,
  now: Date,
  zone: TimeZone,
): number {
  const today = calendarDateOf(now, zone);
  return claims.filter(
    (c) => isOwnedBy(c.owner, person) && compareDates(calendarDateOf(c.at, zone), today) === 0,
  ).length;
}

/** What the person may still claim today: never below 0. */
export function claimsLeft(
  claims: readonly Claim[],
  person: Person,
  settings: Pick<Settings, 'claimsPerDay'>,
  now: Date,
  zone: TimeZone,
): number {
  return Math.max(0, settings.claimsPerDay - claimsToday(claims, person, now, zone));
}

/**
 * Why this claim may not happen, or undefined when it may. In order: an unknown caller, someone
 * outside the team, claiming switched off (0 a day), today's cap reached, the previous owner's wait.
 */
export function claimRefusal(
  request: ClaimRequest,
  settings: Pick<Settings, 'claimsPerDay' | 'reclaimWaitDays'>,
  zone: TimeZone,
): ClaimRefusal | undefined {
  const { person, now } = request;
  if (!person) return { rule: 'whoAreYou' };
  if (!person.member) return { rule: 'notInTeam' };
  if (settings.claimsPerDay === 0) return { rule: 'claimingOff' };
  if (claimsToday(request.claims, person, now, zone) >= settings.claimsPerDay) {
    return { rule: 'dailyCap', cap: settings.claimsPerDay };
  }
  const wait = settings.reclaimWaitDays;
  if (wait > 0 && request.pooledAt && isOwnedBy(request.previousOwner, person)) {
    const from = new Date(request.pooledAt.getTime() + wait * DAY_MS);
    if (now.getTime() < from.getTime()) return { rule: 'reclaimWait', days: wait, from };
  }
  return undefined;
}

/** The person's claim of this lead made since it was last pooled: a claim a failed run left. */
export function pendingClaim(
  claims: readonly Claim[],
  leadId: string,
  person: Person,
  pooledAt: Date | undefined,
): Claim | undefined {
  const since = pooledAt?.getTime() ?? -Infinity;
  return claims.find(
    (c) => c.leadId === leadId && isOwnedBy(c.owner, person) && c.at.getTime() >= since,
  );
}
