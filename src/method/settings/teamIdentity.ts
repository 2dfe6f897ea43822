// Who a person is on the team (SPEC §3, §14): an Owner cell may hold a member's name or an e-mail
// address, so a person matches either; managers are the team's Manager role or Manager e-mails.

import { textOf } from '../../sheet/cells';
import type { Settings, TeamMember } from './settings';

export interface Person {
  /** The team member's name; blank for an address the team table lacks. */
  readonly name: string;
  readonly email: string;
  readonly manager: boolean;
  readonly member: boolean;
}

const same = (a: string, b: string) => a !== '' && a.toLowerCase() === b.toLowerCase();

function personOf(member: TeamMember, settings: Pick<Settings, 'managerEmails'>): Person {
  return {
    name: member.name,
    email: member.email,
    manager: member.role === 'manager' || settings.managerEmails.some((e) => same(e, member.email)),
    member: true,
  };
}

/** The active member with this e-mail; else the address alone (Owner cells may hold it). */
export function personByEmail(
  email: string,
  settings: Pick<Settings, 'team' | 'managerEmails'>,
): Person | undefined {
  const address = email.trim();
  if (!address) return undefined;
  const member = settings.team.find((m) => m.active && same(m.email.trim(), address));
  if (member) return personOf(member, settings);
  const manager = settings.managerEmails.some((e) => same(e, address));
  return { name: '', email: address, manager, member: false };
}

/** The active member with this name (or e-mail, as an Owner cell may hold either). */
export function personByName(
  name: string,
  settings: Pick<Settings, 'team' | 'managerEmails'>,
): Person | undefined {
  const wanted = name.trim();
  if (!wanted) return undefined;
  const member = settings.team.find(
    (m) => m.active && (same(m.name.trim(), wanted) || same(m.email.trim(), wanted)),
  );
  return member ? personOf(member, settings) : undefined;
}

/** True when an Owner cell names this person, by name or by e-mail. */
export function isOwnedBy(owner: unknown, person: Person): boolean {
  const cell = textOf(owner);
  return same(cell, person.name.trim()) || same(cell, person.email.trim());
}

/** What an Owner cell is given for this person: the name, as the team table spells it. */
export function ownerLabel(person: Person): string {
  return person.name || person.email;
}

/** Active members' names, in the team table's order. */
export function activeNames(settings: Pick<Settings, 'team'>): string[] {
  return settings.team.filter((m) => m.active && m.name.trim()).map((m) => m.name.trim());
}
