// Test helpers for several spreadsheets and people on one script: a set-up tracker in any of them,
// its hidden saved state, and who turned automation on.

import type { LocalAppsScript } from '../../gas-local/runtime';
import type { SpreadsheetHandle } from '../../gas-local/handle';
import { LEADS, type Member, SETTINGS } from './automation';

export const OWNER = 'owner@example.com';
export const ANN = 'ann@example.com';
export const STATE_TAB = '_LeadTrackerState';

function settingsRow(handle: SpreadsheetHandle, label: string, tab = SETTINGS): number {
  const row = handle.values(tab).findIndex((r) => r[0] === label);
  if (row < 0) throw new Error(`${tab} has no row ${label}`);
  return row + 1;
}

/** Types a single value into the Settings tab (`tab` for an English one). */
export function setSettingIn(
  handle: SpreadsheetHandle,
  label: string,
  value: unknown,
  tab = SETTINGS,
): void {
  handle.type(tab, settingsRow(handle, label, tab), 2, [[value]]);
}

/** A set-up Chinese tracker in `handle` with a team, the managers' e-mail and the given leads. */
export function trackerIn(
  runtime: LocalAppsScript,
  handle: SpreadsheetHandle,
  team: readonly Member[],
  leads: unknown[][] = [],
): SpreadsheetHandle {
  runtime.invoke('setupSheets', [], { spreadsheet: handle });
  handle.type(
    SETTINGS,
    settingsRow(handle, '销售团队') + 2,
    1,
    team.map((m) => [m.name, m.email, m.role, m.active ?? true]),
  );
  setSettingIn(handle, '经理邮箱', 'boss@example.com');
  if (leads.length > 0) handle.type(LEADS, 2, 1, leads);
  return handle;
}

/** The saved state of a spreadsheet, as the hidden tab holds it (each value parsed). */
export function savedState(handle: SpreadsheetHandle): Record<string, unknown> {
  const [, ...rows] = handle.values(STATE_TAB);
  return Object.fromEntries(
    rows
      .filter((row) => row[0] !== '')
      .map((row) => [
        String(row[0]),
        JSON.parse(
          row
            .slice(1)
            .map((cell) => String(cell).replace(/^~/, ''))
            .join(''),
        ) as unknown,
      ]),
  );
}

/** Sets one saved value, as if another run had stored it. */
export function putState(handle: SpreadsheetHandle, key: string, value: unknown): void {
  const rows = handle.values(STATE_TAB);
  const at = rows.findIndex((row) => row[0] === key);
  const row = at >= 0 ? at + 1 : rows.length + 1;
  handle.type(STATE_TAB, row, 1, [[key, `~${JSON.stringify(value)}`]]);
}

/** A tab of `handle` as objects keyed by header. */
export function rowsIn(handle: SpreadsheetHandle, tab: string): Record<string, unknown>[] {
  const [header, ...rows] = handle.values(tab);
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i]])));
}

/** The user-property keys each person holds. */
export function userPropertyKeys(runtime: LocalAppsScript): Record<string, string[]> {
  const keys: Record<string, string[]> = {};
  for (const [email, store] of runtime.properties._userStores()) {
    const held = Object.keys(store.getProperties());
    if (held.length > 0) keys[email] = held.sort();
  }
  return keys;
}
