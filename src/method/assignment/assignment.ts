// Who gets a new lead (SPEC §3): the first matching rule's people in turn, else the active Sales team.

import { parseBudget } from '../scoring/budget';
import { foldText } from '../../sheet/language';
import { isBlank, isOpen, textOf } from '../../sheet/cells';
import type { AssignmentRule, Settings, TeamMember } from '../settings/settings';

/** Grades that are assigned; D leads are nurtured or pooled, ungraded ones wait for a score. */
const ASSIGNABLE_GRADES: readonly string[] = ['A', 'B', 'C'];

/**
 * True when rules may give this lead an owner: nobody has it (an owner is never overwritten), it is
 * open, nobody flagged it as a possible duplicate, it is graded A–C, and it has a Lead ID.
 */
export function isAssignable(lead: {
  owner: unknown;
  status: unknown;
  grade: unknown;
  duplicateOf: unknown;
  id: unknown;
}): boolean {
  return (
    isBlank(lead.owner) &&
    isOpen(lead) &&
    isBlank(lead.duplicateOf) &&
    ASSIGNABLE_GRADES.includes(textOf(lead.grade).toUpperCase()) &&
    !isBlank(lead.id)
  );
}

/**
 * Round-robin pointers, one per rule (`rule:<index>`) and `default` for the Sales team. The caller
 * persists them, so the turn carries on from one run to the next.
 */
export type RoundRobin = Record<string, number>;

export interface OwnerChoice {
  readonly owner: string;
  /** Index of the rule that chose the owner; undefined when the Sales team rotation did. */
  readonly rule: number | undefined;
}

export const DEFAULT_POINTER = 'default';
export const rulePointer = (index: number): string => `rule:${index}`;

/**
 * Chooses the owner of a lead and moves the matching pointer on. The first rule that matches and
 * has someone active wins; otherwise the active Sales members take turns. Undefined: nobody is
 * available.
 */
export function chooseOwner(
  lead: { region: unknown; industry: unknown; budget: unknown },
  settings: Pick<Settings, 'rules' | 'team'>,
  pointers: RoundRobin,
): OwnerChoice | undefined {
  for (let index = 0; index < settings.rules.length; index++) {
    const rule = settings.rules[index];
    if (!ruleMatches(rule, lead)) continue;
    const assignees = activeAssignees(rule.assignTo, settings.team);
    if (assignees.length === 0) continue; // everyone on leave: let a later rule or the team take it
    return { owner: takeTurn(assignees, pointers, rulePointer(index)), rule: index };
  }
  const sales = settings.team.filter((m) => m.active && m.role === 'sales').map((m) => m.name);
  if (sales.length === 0) return undefined;
  return { owner: takeTurn(sales, pointers, DEFAULT_POINTER), rule: undefined };
}

function ruleMatches(
  rule: AssignmentRule,
  lead: { region: unknown; industry: unknown; budget: unknown },
): boolean {
  return (
    fieldMatches(rule.region, lead.region) &&
    fieldMatches(rule.industry, lead.industry) &&
    meetsMinBudget(rule.minBudget, lead.budget)
  );
}

/** A blank rule field matches anything; otherwise the lead's value equals or contains it (`华东-上海`). */
function fieldMatches(ruleValue: string, leadValue: unknown): boolean {
  const wanted = foldText(ruleValue);
  return wanted === '' || foldText(leadValue).includes(wanted);
}

/** The top of the lead's budget range counts; a blank or unreadable budget never meets a minimum. */
function meetsMinBudget(minBudget: number | undefined, budget: unknown): boolean {
  if (minBudget === undefined) return true;
  const range = parseBudget(budget);
  return range !== undefined && range.high >= minBudget;
}

/**
 * The names a rule may assign to now: team members (by name or e-mail) who are active, and
 * e-mail addresses outside the team (SPEC §7: an address needs no team entry). Unknown names are
 * dropped, as the Settings check already reports them.
 */
function activeAssignees(assignTo: readonly string[], team: readonly TeamMember[]): string[] {
  const assignees: string[] = [];
  for (const entry of assignTo) {
    const member = findMember(entry, team);
    if (member) {
      if (member.active) assignees.push(member.name);
    } else if (isEmailAddress(entry)) {
      assignees.push(entry.trim());
    }
  }
  return assignees;
}

function findMember(nameOrEmail: string, team: readonly TeamMember[]): TeamMember | undefined {
  const folded = foldText(nameOrEmail);
  if (folded === '') return undefined;
  return team.find(
    (m) => foldText(m.name) === folded || (m.email !== '' && foldText(m.email) === folded),
  );
}

/** Picks `names[pointer % n]` and stores pointer + 1; a missing or damaged pointer starts at 0. */
function takeTurn(names: readonly string[], pointers: RoundRobin, key: string): string {
  const stored = pointers[key];
  const pointer = Number.isSafeInteger(stored) && stored >= 0 ? stored : 0;
  pointers[key] = pointer + 1;
  return names[pointer % names.length];
}

/** The address to notify an owner at: their team e-mail, or the Owner cell itself if it is one. */
export function ownerEmail(owner: unknown, team: readonly TeamMember[]): string | undefined {
  const folded = foldText(owner);
  if (folded === '') return undefined;
  const member = team.find((m) => foldText(m.name) === folded);
  if (member && member.email.trim() !== '') return member.email.trim();
  const text = textOf(owner);
  return isEmailAddress(text) ? text : undefined;
}

/** Deliberately loose: one `@`, no spaces, a dot in the domain. Settings does the strict check. */
function isEmailAddress(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim());
}
