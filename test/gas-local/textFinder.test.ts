// TextFinder: matches found on Google's side, partial and case-insensitive by default, row by row,
// each findAll one data call that hands the script only the matching cells.

import { runtimeWith } from './bundleFixture';

const TAB = 'Leads';
const ROWS = [
  ['Lead ID', 'Contact', 'Company'],
  ['L1', 'Ann Lee', 'Acme'],
  ['L2', 'Bob', 'ACME Asia'],
  ['L3', 'Cy', 'Zenith'],
];

const found = (code: string) =>
  runtimeWith(TAB, ROWS).run(
    `const sheet = SpreadsheetApp.getActive().getSheetByName('${TAB}');
     return ${code}.map((r) => r.getA1Notation());`,
  );

describe('TextFinder', () => {
  it('finds partial matches, case-insensitive, row by row', () => {
    expect(found(`sheet.getRange('B2:C4').createTextFinder('acme').findAll()`)).toEqual([
      'C2',
      'C3',
    ]);
  });

  it('matches case and whole cells when told to', () => {
    expect(found(`sheet.createTextFinder('ACME').matchCase(true).findAll()`)).toEqual(['C3']);
    expect(found(`sheet.createTextFinder('acme').matchEntireCell(true).findAll()`)).toEqual(['C2']);
  });

  it('takes regular expressions', () => {
    expect(found(`sheet.createTextFinder('^L[23]$').useRegularExpression(true).findAll()`)).toEqual(
      ['A3', 'A4'],
    );
  });

  it('searches only its range', () => {
    expect(found(`sheet.getRange('A2:B4').createTextFinder('acme').findAll()`)).toEqual([]);
  });

  it('is one data call that reads no cell for the script', () => {
    const runtime = runtimeWith(TAB, ROWS);
    const { calls } = runtime.measure(() =>
      runtime.run(
        `SpreadsheetApp.getActive().getSheetByName('${TAB}').createTextFinder('acme').findAll();`,
      ),
    );
    const call = calls.find((c) => c.method === 'findAll');
    expect(call).toMatchObject({ service: 'TextFinder', dataIndex: 1, cellsRead: 0 });
  });

  it('refuses an empty search text', () => {
    expect(() => found(`sheet.createTextFinder('').findAll()`)).toThrow(/findText was empty/);
  });
});
