// Test helpers: a local Apps Script runtime with the built bundle from dist/ loaded, as Google would.

import { join } from 'node:path';
import { LocalAppsScript, type RuntimeOptions } from '../../gas-local/runtime';

export const DIST = join(__dirname, '..', '..', 'dist');

/** A fresh runtime (zh_CN, Asia/Shanghai by default) with dist/ loaded. */
export function loadRuntime(options: RuntimeOptions = {}): LocalAppsScript {
  return new LocalAppsScript({ now: new Date('2024-05-10T02:00:00Z'), ...options }).loadBundle(
    DIST,
  );
}

/** Index of a header in a tab's first row. */
export function columnOf(runtime: LocalAppsScript, tab: string, header: string): number {
  const at = runtime.values(tab)[0].indexOf(header);
  if (at < 0) throw new Error(`${tab} has no column ${header}`);
  return at;
}

/** A tab's rows as objects keyed by header. */
export function rowsOf(runtime: LocalAppsScript, tab: string): Record<string, unknown>[] {
  const [header, ...rows] = runtime.values(tab);
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i]])));
}
