// One script, many spreadsheets and people: who runs, which document is active, and whose stores
// and triggers they see.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalAppsScript } from '../../gas-local/runtime';

const OWNER = 'owner@example.com';
const ANN = 'ann@example.com';

function twoSpreadsheets() {
  const runtime = new LocalAppsScript({ locale: 'en_US', now: new Date('2024-05-10T02:00:00Z') });
  const other = runtime.addSpreadsheet({ name: 'Branch', owner: ANN, editors: [OWNER] });
  return { runtime, other };
}

/** A bundle directory holding `code` and a manifest with these scopes (undefined: none listed). */
function bundle(code: string, oauthScopes?: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'gas-local-'));
  writeFileSync(join(dir, 'Code.js'), code);
  writeFileSync(join(dir, 'appsscript.json'), JSON.stringify({ timeZone: 'UTC', oauthScopes }));
  return dir;
}

describe('several spreadsheets on one script', () => {
  it('keeps the first spreadsheet as rt.spreadsheet and gives each added one its own ID and tabs', () => {
    const { runtime, other } = twoSpreadsheets();
    other.addSheet('Leads', [['Name'], ['Ann']]);
    expect(runtime.spreadsheet.getId()).toBe('local-spreadsheet-1');
    expect(other.id).not.toBe(runtime.spreadsheet.getId());
    expect(other.tabs).toEqual(['Leads']);
    expect(runtime.spreadsheet._sheets).toEqual([]);
    expect(
      runtime.run('return SpreadsheetApp.getActiveSpreadsheet().getSheets().length;', {
        spreadsheet: other,
      }),
    ).toBe(1);
  });

  it('gives each spreadsheet its own document properties and toasts, and one shared script store', () => {
    const { runtime, other } = twoSpreadsheets();
    const write = (text: string) => `
      PropertiesService.getDocumentProperties().setProperty('k', '${text}');
      PropertiesService.getScriptProperties().setProperty('last', '${text}');
      SpreadsheetApp.getActiveSpreadsheet().toast('${text}');`;
    runtime.run(write('first'));
    runtime.run(write('second'), { spreadsheet: other.id });
    expect(runtime.handle(runtime.spreadsheet).documentProperties()).toEqual({ k: 'first' });
    expect(other.documentProperties()).toEqual({ k: 'second' });
    expect(runtime.properties._script.getProperties()).toEqual({ last: 'second' });
    expect(runtime.toasts().map((t) => t.message)).toEqual(['first']);
    expect(other.toasts().map((t) => t.message)).toEqual(['second']);
  });

  it('refuses to run as someone in a spreadsheet they cannot open', () => {
    const { runtime, other } = twoSpreadsheets();
    expect(() => runtime.run('return 1;', { user: 'eve@example.com', spreadsheet: other })).toThrow(
      'eve@example.com cannot open spreadsheet',
    );
  });
});

describe('several users on one script', () => {
  it('gives each user their own user properties, across spreadsheets', () => {
    const { runtime, other } = twoSpreadsheets();
    runtime.run("PropertiesService.getUserProperties().setProperty('me', 'owner');");
    runtime.as(ANN).run("PropertiesService.getUserProperties().setProperty('me', 'ann');", {
      spreadsheet: other,
    });
    runtime.handle(runtime.spreadsheet).share(ANN, 'editor');
    expect(
      runtime.as(ANN).run("return PropertiesService.getUserProperties().getProperty('me');"),
    ).toBe('ann');
    expect(runtime.run("return PropertiesService.getUserProperties().getProperty('me');")).toBe(
      'owner',
    );
  });

  it('reports the running user as active and effective user', () => {
    const { runtime, other } = twoSpreadsheets();
    const who =
      'return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()];';
    expect(runtime.run(who)).toEqual([OWNER, OWNER]);
    expect(runtime.run(who, { user: ANN, spreadsheet: other })).toEqual([ANN, ANN]);
  });

  it('hides the active user where a domain policy hides the address', () => {
    const { runtime, other } = twoSpreadsheets();
    runtime.addUser(ANN, { emailVisible: false });
    expect(
      runtime.as(ANN).run('return Session.getActiveUser().getEmail();', { spreadsheet: other }),
    ).toBe('');
  });

  it('denies both Session user calls when the manifest lists scopes without userinfo.email', () => {
    const code = `function who() { return Session.getActiveUser().getEmail(); }
      function effective() { return Session.getEffectiveUser().getEmail(); }`;
    const without = new LocalAppsScript().loadBundle(
      bundle(code, ['https://www.googleapis.com/auth/spreadsheets']),
    );
    expect(() => without.invoke('who')).toThrow(
      'You do not have permission to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email',
    );
    expect(() => without.invoke('effective')).toThrow(
      'You do not have permission to call Session.getEffectiveUser.',
    );
    const withScope = new LocalAppsScript().loadBundle(
      bundle(code, ['https://www.googleapis.com/auth/userinfo.email']),
    );
    expect(withScope.invoke('who')).toBe(OWNER);
    // With no oauthScopes Google infers them from the code, userinfo.email included.
    expect(new LocalAppsScript().loadBundle(bundle(code)).invoke('who')).toBe(OWNER);
  });

  it('gives a blank active user in a simple trigger', () => {
    const { runtime } = twoSpreadsheets();
    expect(
      runtime.run('return Session.getActiveUser().getEmail();', {
        authMode: 'LIMITED',
        execution: 'simpleTrigger',
      }),
    ).toBe('');
  });
});
