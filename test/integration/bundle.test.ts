// dist/ is what Apps Script runs: one bundle of top-level functions, no modules, every menu item wired.

import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import type { MenuItem } from '../../gas-local/ui';
import { DIST, loadRuntime } from '../support/runtime';

const code = readFileSync(join(DIST, 'Code.js'), 'utf8');

describe('the built bundle', () => {
  it('has no ES module syntax, which Apps Script rejects', () => {
    expect(code).not.toMatch(/^\s*(export|import)\s/m);
  });

  it('loads in a context with no require, module or process', () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    for (const name of ['onOpen', 'onInstall', 'onEdit', 'setupSheets', 'scoreAllLeads']) {
      expect(typeof context[name]).toBe('function');
    }
    expect(vm.runInContext('typeof require + typeof module + typeof process', context)).toBe(
      'undefinedundefinedundefined',
    );
  });

  it('declares each entry point as a top-level function declaration', () => {
    for (const name of ['onOpen', 'onInstall', 'onEdit', 'setupSheets', 'scoreAllLeads']) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
  });

  it('declares the web app and form entry points as top-level functions', () => {
    for (const name of ['doPost', 'onFormSubmit', 'connectFormResponses']) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
  });

  it('deploys as a web app that runs as its owner and that anyone may call', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8'));
    expect(manifest.webapp).toEqual({ executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' });
  });

  it('ships a V8 manifest with a time zone and an explicit scope list', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Asia/Shanghai');
    expect(manifest.oauthScopes).toEqual(
      expect.arrayContaining(['https://www.googleapis.com/auth/spreadsheets']),
    );
  });
});

describe('clasp', () => {
  it('pushes exactly the files of dist/ (checked offline with show-file-status)', () => {
    const root = join(DIST, '..');
    const result = spawnSync('npx', ['clasp', 'show-file-status', '--json'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    const status = JSON.parse(result.stdout) as { filesToPush: string[] };
    const built = readdirSync(DIST).map((name) => `dist/${name}`);
    expect([...status.filesToPush].sort()).toEqual(built.sort());
  });
});

describe('the menu', () => {
  it('resolves every menu item to a global function of the bundle', () => {
    const runtime = loadRuntime({ locale: 'en_US' });
    runtime.invoke('onOpen', [{ authMode: 'LIMITED' }], {
      authMode: 'LIMITED',
      execution: 'simpleTrigger',
    });
    const [menu] = runtime.spreadsheetApp._ui.menus;
    const items = menu.items.filter((i): i is MenuItem => i !== 'separator');
    expect(items.length).toBeGreaterThan(1);
    for (const item of items) {
      expect(runtime.globalFunctions()).toContain(item.functionName);
    }
  });

  it('is in English for an English spreadsheet and in Chinese for a zh locale', () => {
    const english = loadRuntime({ locale: 'en_US' });
    english.invoke('onOpen', [{ authMode: 'LIMITED' }], {
      authMode: 'LIMITED',
      execution: 'simpleTrigger',
    });
    expect(english.spreadsheetApp._ui.menus[0]).toMatchObject({
      caption: 'Lead Tracker',
      addon: false,
    });
    expect(english.spreadsheetApp._ui.menus[0].items[0]).toEqual({
      caption: 'Set up sheets',
      functionName: 'setupSheets',
    });

    const chinese = loadRuntime({ locale: 'zh_CN' });
    chinese.invoke('onOpen', [{ authMode: 'LIMITED' }], {
      authMode: 'LIMITED',
      execution: 'simpleTrigger',
    });
    expect(chinese.spreadsheetApp._ui.menus[0]).toMatchObject({ caption: '线索跟踪' });
    expect(chinese.spreadsheetApp._ui.menus[0].items[0]).toEqual({
      caption: '设置表格',
      functionName: 'setupSheets',
    });
  });

  it('builds an add-on menu in AuthMode.NONE without touching the spreadsheet', () => {
    const runtime = loadRuntime({ locale: 'zh_CN' });
    const { calls } = runtime.measure(() =>
      runtime.invoke('onOpen', [{ authMode: 'NONE' }], {
        authMode: 'NONE',
        execution: 'simpleTrigger',
      }),
    );
    expect(runtime.spreadsheetApp._ui.menus[0]).toMatchObject({ addon: true });
    expect(calls.filter((c) => ['Spreadsheet', 'Sheet', 'Range'].includes(c.service))).toEqual([]);
  });

  it('builds an add-on menu on install', () => {
    const runtime = loadRuntime({ locale: 'en_US' });
    runtime.invoke('onInstall', [{ authMode: 'FULL' }]);
    expect(runtime.spreadsheetApp._ui.menus[0]).toMatchObject({ addon: true });
  });
});
