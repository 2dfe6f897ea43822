// Developer metadata lives in the spreadsheet itself: added, found by key, changed and removed, and
// still there in a run that opens the spreadsheet by ID.

import { LocalAppsScript } from '../../gas-local/runtime';

describe('spreadsheet developer metadata', () => {
  it('adds key/value pairs and finds them by key', () => {
    const rt = new LocalAppsScript();
    const result = rt.run(`
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      ss.addDeveloperMetadata('automation', 'ann@example.com').addDeveloperMetadata('flag');
      var found = ss.createDeveloperMetadataFinder().withKey('automation').find();
      return [found.length, found[0].getKey(), found[0].getValue(), ss.getDeveloperMetadata().length];
    `);
    expect(result).toEqual([1, 'automation', 'ann@example.com', 2]);
  });

  it('changes and removes an entry', () => {
    const rt = new LocalAppsScript();
    rt.run(`
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      ss.addDeveloperMetadata('state', 'v1');
      ss.createDeveloperMetadataFinder().withKey('state').find()[0].setValue('v2');
      ss.addDeveloperMetadata('gone', 'x');
      ss.createDeveloperMetadataFinder().withKey('gone').find()[0].remove();
    `);
    expect(rt.spreadsheet._metadata.entries.map((e) => [e.key, e.value])).toEqual([
      ['state', 'v2'],
    ]);
  });

  it('keeps a visibility given in place of a value, and no value', () => {
    const rt = new LocalAppsScript();
    expect(
      rt.run(`
        var ss = SpreadsheetApp.getActiveSpreadsheet();
        ss.addDeveloperMetadata('tag', SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
        var m = ss.getDeveloperMetadata()[0];
        return [m.getValue(), m.getVisibility()];
      `),
    ).toEqual([null, 'PROJECT']);
  });

  it('is there in a run with no active spreadsheet that opens it by ID', () => {
    const rt = new LocalAppsScript();
    rt.run("SpreadsheetApp.getActiveSpreadsheet().addDeveloperMetadata('token', 'abc');");
    expect(
      rt.run(
        `return SpreadsheetApp.openById('${rt.spreadsheet.getId()}').createDeveloperMetadataFinder().withKey('token').find()[0].getValue();`,
        { spreadsheet: null, execution: 'timeTrigger' },
      ),
    ).toBe('abc');
  });
});
