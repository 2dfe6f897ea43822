// Test helpers for leads that arrive by themselves: a set-up tracker's web form token, posts to
// the web app as JSON or as form fields, and the JSON answers.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalAppsScript, WebResponse } from '../../gas-local/runtime';

/** The Settings value labelled 表单令牌 / Web form token of a spreadsheet. */
export function tokenOf(handle: { values(tab: string): unknown[][] }, tab = '设置'): string {
  const row = handle
    .values(tab)
    .find((cells) => cells[0] === '表单令牌' || cells[0] === 'Web form token');
  if (!row) throw new Error(`${tab} has no web form token`);
  return String(row[1]);
}

export type PostKind = 'json' | 'form';

/** Posts a lead to the web app for spreadsheet `sheetId`, the way a page or curl would. */
export function postLead(
  runtime: LocalAppsScript,
  sheetId: string,
  fields: Record<string, unknown>,
  kind: PostKind = 'json',
): WebResponse {
  const query = { sheet: sheetId };
  if (kind === 'json') return runtime.post({ query, json: fields });
  const parameter = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)]));
  return runtime.post({ query, parameter });
}

/** The answer's JSON. */
export const answerOf = (response: WebResponse): Record<string, unknown> =>
  JSON.parse(response.content) as Record<string, unknown>;

const ARRIVAL_FILE = join(__dirname, '..', '..', 'out', 'arrival.json');

/** Adds one way in's arrival figures to out/arrival.json, keeping the others'. */
export function recordArrival(channel: string, figures: Record<string, number>): void {
  mkdirSync(join(ARRIVAL_FILE, '..'), { recursive: true });
  const known = existsSync(ARRIVAL_FILE)
    ? (JSON.parse(readFileSync(ARRIVAL_FILE, 'utf8')) as Record<string, unknown>)
    : {};
  writeFileSync(ARRIVAL_FILE, `${JSON.stringify({ ...known, [channel]: figures }, null, 2)}\n`);
}
