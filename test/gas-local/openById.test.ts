// Opening spreadsheets by ID as the running user may: shared ones open, deleted or unshared ones
// fail with Google's errors; new ones belong to whoever created them.

import { LocalAppsScript } from '../../gas-local/runtime';

const ANN = 'ann@example.com';
const UNRESOLVED =
  'Unexpected error while getting the method or property openById on object SpreadsheetApp.';
const DENIED = 'You do not have permission to access the requested document.';

function runtimeWithArchive() {
  const runtime = new LocalAppsScript({ locale: 'en_US' });
  runtime.handle(runtime.spreadsheet).share(ANN, 'editor');
  const archive = runtime.addSpreadsheet({ name: 'Archive' });
  archive.addSheet('Old', [['x']]);
  return { runtime, archive };
}

const open = (id: string) => `return SpreadsheetApp.openById('${id}').getName();`;

describe('SpreadsheetApp.openById', () => {
  it('opens a spreadsheet the running user owns, edits or views', () => {
    const { runtime, archive } = runtimeWithArchive();
    expect(runtime.run(open(archive.id))).toBe('Archive');
    archive.share(ANN, 'viewer');
    expect(runtime.as(ANN).run(open(archive.id))).toBe('Archive');
  });

  it('fails with Google’s error for a spreadsheet not shared with the running user', () => {
    const { runtime, archive } = runtimeWithArchive();
    expect(() => runtime.as(ANN).run(open(archive.id))).toThrow(DENIED);
  });

  it('fails the same way once the spreadsheet is deleted, even for its owner', () => {
    const { runtime, archive } = runtimeWithArchive();
    runtime.deleteSpreadsheet(archive.id);
    expect(() => runtime.run(open(archive.id))).toThrow(UNRESOLVED);
    expect(runtime.spreadsheetApp._all().map((s) => s.getId())).toEqual([
      runtime.spreadsheet.getId(),
    ]);
  });

  it('fails as unshared after someone’s access is taken away', () => {
    const { runtime, archive } = runtimeWithArchive();
    archive.share(ANN, 'editor');
    expect(runtime.as(ANN).run(open(archive.id))).toBe('Archive');
    archive.unshare(ANN);
    expect(() => runtime.as(ANN).run(open(archive.id))).toThrow(DENIED);
  });

  it('throws an Apps Script Exception the script can catch', () => {
    const { runtime, archive } = runtimeWithArchive();
    runtime.deleteSpreadsheet(archive);
    expect(
      runtime.run(
        `try { SpreadsheetApp.openById('${archive.id}'); } catch (e) { return [e.name, e instanceof Error]; }`,
      ),
    ).toEqual(['Exception', true]);
  });
});

describe('SpreadsheetApp.create and sharing', () => {
  it('creates a spreadsheet owned by the running user, which others cannot open', () => {
    const { runtime } = runtimeWithArchive();
    const id = runtime.as(ANN).run("return SpreadsheetApp.create('Ann copy').getId();") as string;
    expect(
      runtime.as(ANN).run(`return SpreadsheetApp.openById('${id}').getOwner().getEmail();`),
    ).toBe(ANN);
    expect(() => runtime.run(open(id))).toThrow(DENIED);
  });

  it('lets viewers added by the script open it, until removed; removing a viewer leaves editors', () => {
    const { runtime } = runtimeWithArchive();
    const id = runtime.run("return SpreadsheetApp.create('For leadership').getId();") as string;
    runtime.run(`SpreadsheetApp.openById('${id}').addViewers(['${ANN}', 'ceo@example.com']);`);
    expect(runtime.as(ANN).run(open(id))).toBe('For leadership');
    runtime.run(`SpreadsheetApp.openById('${id}').removeViewer('${ANN}');`);
    expect(() => runtime.as(ANN).run(open(id))).toThrow(DENIED);
    runtime.run(`SpreadsheetApp.openById('${id}').addEditors(['${ANN}']).removeViewer('${ANN}');`);
    expect(runtime.as(ANN).run(open(id))).toBe('For leadership');
    expect(
      runtime.run(
        `return SpreadsheetApp.openById('${id}').getViewers().map(function (u) { return u.getEmail(); });`,
      ),
    ).toEqual(['ceo@example.com']);
  });

  it('refuses an address that is not an e-mail address', () => {
    const { runtime } = runtimeWithArchive();
    expect(() =>
      runtime.run("SpreadsheetApp.getActiveSpreadsheet().addViewer('not an address');"),
    ).toThrow('Invalid email: not an address');
  });
});
