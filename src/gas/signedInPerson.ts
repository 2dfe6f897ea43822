// Who is using the sidebar (SPEC §14): Google's e-mail for the signed-in person, which is blank
// without the userinfo.email scope and in some domains even with it; then the name the person chose
// from the team table, remembered in their own user properties for this spreadsheet.

import type { Settings } from '../method/settings/settings';
import { type Person, personByEmail, personByName } from '../method/settings/teamIdentity';
import type { Spreadsheet } from './workbook';
import { spreadsheetIdOf } from './workbook';

const CHOICE_PREFIX = 'myName:';

/** The signed-in person's e-mail, or '' when Google withholds it. */
export function signedInEmail(): string {
  try {
    return Session.getActiveUser().getEmail() ?? '';
  } catch {
    return '';
  }
}

const choiceKey = (spreadsheet: Spreadsheet) => CHOICE_PREFIX + spreadsheetIdOf(spreadsheet);

/** The name this person chose for this spreadsheet, or ''. */
export function chosenName(spreadsheet: Spreadsheet): string {
  return PropertiesService.getUserProperties().getProperty(choiceKey(spreadsheet)) ?? '';
}

/** Remembers the person's choice: a person's own choice is what user properties are for (§11). */
export function rememberName(spreadsheet: Spreadsheet, name: string): void {
  PropertiesService.getUserProperties().setProperty(choiceKey(spreadsheet), name);
}

export interface SignedIn {
  readonly person: Person | undefined;
  readonly recognisedBy: 'email' | 'choice' | 'none';
  readonly email: string;
}

/** The person by Google's e-mail, else by the remembered choice (when it still names a member). */
export function signedInPerson(
  spreadsheet: Spreadsheet,
  settings: Pick<Settings, 'team' | 'managerEmails'>,
): SignedIn {
  const email = signedInEmail();
  const byEmail = personByEmail(email, settings);
  if (byEmail) return { person: byEmail, recognisedBy: 'email', email };
  const byChoice = personByName(chosenName(spreadsheet), settings);
  if (byChoice) return { person: byChoice, recognisedBy: 'choice', email };
  return { person: undefined, recognisedBy: 'none', email };
}
