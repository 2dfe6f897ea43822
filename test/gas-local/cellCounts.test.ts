// Each recorded call carries the cells it read and wrote, so benchmarks can report traffic.

import { runtimeWith } from './bundleFixture';

const leads = "SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Leads')";

function traffic(runtime: ReturnType<typeof runtimeWith>, code: string) {
  return runtime
    .measure(() => runtime.run(code))
    .calls.filter((c) => c.cellsRead || c.cellsWritten)
    .map((c) => [`${c.service}.${c.method}`, c.cellsRead, c.cellsWritten]);
}

describe('cells read and written per call', () => {
  it('counts the cells of each range read or written through SpreadsheetApp', () => {
    const runtime = runtimeWith('Leads', [
      ['Name', 'Score'],
      ['Ann', 3],
    ]);
    expect(
      traffic(
        runtime,
        `const sheet = ${leads};
         sheet.getRange(1, 1, 3, 2).getValues();
         sheet.getRange('A1').getValue();
         sheet.getRange(1, 1, 2, 2).getDisplayValues();
         sheet.getRange(3, 1, 2, 2).setValues([[1, 2], [3, 4]]);
         sheet.getRange(5, 1, 1, 3).setValue('x');
         sheet.appendRow(['a', 'b', 'c', 'd']);
         sheet.getRange(2, 1, 2, 2).clearContent();`,
      ),
    ).toEqual([
      ['Range.getValues', 6, 0],
      ['Range.getValue', 1, 0],
      ['Range.getDisplayValues', 4, 0],
      ['Range.setValues', 0, 4],
      ['Range.setValue', 0, 3],
      ['Sheet.appendRow', 0, 4],
      ['Range.clearContent', 0, 4],
    ]);
  });

  it('sums the ranges of a batch call of the Sheets advanced service', () => {
    const runtime = runtimeWith('Leads', [['Name']]);
    const id = JSON.stringify(runtime.spreadsheet.getId());
    expect(
      traffic(
        runtime,
        `Sheets.Spreadsheets.Values.batchUpdate({ valueInputOption: 'RAW', data: [
           { range: 'Leads!A2:B3', values: [['a', 1], ['b', null]] },
           { range: 'Leads!D1', values: [['c']] },
         ] }, ${id});
         Sheets.Spreadsheets.Values.batchGet(${id}, { ranges: ['Leads!A1:B3', 'Leads!D1:D2'] });`,
      ),
    ).toEqual([
      ['Sheets.Spreadsheets.Values.batchUpdate', 0, 4],
      ['Sheets.Spreadsheets.Values.batchGet', 8, 0],
    ]);
  });
});
