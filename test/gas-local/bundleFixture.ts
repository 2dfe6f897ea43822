// A minimal bundle in a temporary dist/ directory, so runtime tests can choose the manifest.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalAppsScript, type RuntimeOptions } from '../../gas-local/runtime';

export const SHEETS_V4 = { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' };

/** A dist/ directory whose manifest enables the given advanced services. */
export function fixtureDist(advancedServices: readonly object[] = [SHEETS_V4]): string {
  const dir = mkdtempSync(join(tmpdir(), 'gas-local-'));
  const manifest = {
    timeZone: 'Asia/Shanghai',
    runtimeVersion: 'V8',
    ...(advancedServices.length
      ? { dependencies: { enabledAdvancedServices: advancedServices } }
      : {}),
  };
  writeFileSync(join(dir, 'appsscript.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'Code.js'), 'function noop() {}\n');
  return dir;
}

/** A runtime (en_US, Asia/Shanghai) with the fixture bundle loaded and one tab of rows. */
export function runtimeWith(
  tab: string,
  rows: readonly (readonly unknown[])[],
  options: RuntimeOptions & { advancedServices?: readonly object[] } = {},
): LocalAppsScript {
  const runtime = new LocalAppsScript({
    locale: 'en_US',
    timeZone: 'Asia/Shanghai',
    now: new Date('2024-05-10T02:00:00Z'),
    ...options,
  }).loadBundle(fixtureDist(options.advancedServices));
  runtime.addSheet(tab, rows);
  return runtime;
}
