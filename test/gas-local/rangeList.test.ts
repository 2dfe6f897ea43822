// Sheet.getRangeList and RangeList.setValue: one value into scattered ranges in one counted call,
// typed as Range.setValue types it, and refused whole when a range left the grid or a cell's rule.

import { LocalAppsScript } from '../../gas-local/runtime';

function runtimeWith(rows: number): LocalAppsScript {
  const runtime = new LocalAppsScript({ now: new Date('2024-05-10T02:00:00Z') });
  const sheet = runtime.addSheet('Leads', [['Name', 'Owner', 'Due']]);
  sheet.deleteRows(rows + 1, sheet.getMaxRows() - rows);
  return runtime;
}

const leads = "SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Leads')";

describe('RangeList', () => {
  it('writes one value into every range in one data call, crediting every cell', () => {
    const runtime = runtimeWith(10);
    const { calls } = runtime.measure(() =>
      runtime.run(`${leads}.getRangeList(['B2', 'B5:B7', 'C9']).setValue("'=王磊");`),
    );
    const owners = runtime.values('Leads').map((row) => row[1]);
    expect(owners).toEqual(['Owner', '=王磊', '', '', '=王磊', '=王磊', '=王磊', '', '']);
    expect(runtime.values('Leads')[8][2]).toBe('=王磊');
    expect(calls.map((c) => `${c.service}.${c.method}`)).toEqual([
      'SpreadsheetApp.getActiveSpreadsheet',
      'Spreadsheet.getSheetByName',
      'Sheet.getRangeList',
      'RangeList.setValue',
    ]);
    const write = calls[3];
    expect(write.dataIndex).toBe(1);
    expect(write.sheet).toBe('Leads');
    expect(write.cellsWritten).toBe(5);
  });

  it('types a value as Range.setValue does: a formula from =, a date stays a date', () => {
    const runtime = runtimeWith(5);
    runtime.run(
      `var list = ${leads}.getRangeList(['A2', 'A4']);
       list.setValue('=1+1');
       ${leads}.getRangeList(['C2', 'C3']).setValue(new Date('2024-05-10T02:00:00Z'));`,
    );
    expect(runtime.sheet('Leads').getRange(4, 1).getFormulas()).toEqual([['=1+1']]);
    const due = runtime.values('Leads')[2][2];
    expect(due).toBeInstanceOf(Date);
    expect((due as Date).toISOString()).toBe('2024-05-10T02:00:00.000Z');
  });

  it('refuses a range outside the grid when the list is made', () => {
    const runtime = runtimeWith(5);
    expect(() => runtime.run(`${leads}.getRangeList(['B2', 'B6']);`)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });

  it('writes nothing when a person deleted rows under one of its ranges since it was made', () => {
    const runtime = runtimeWith(6);
    runtime.people.before(1, (person) => person.deleteRow('Leads', 2));
    expect(() => runtime.run(`${leads}.getRangeList(['B2', 'B6']).setValue("'李娜");`)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(runtime.values('Leads').flat()).not.toContain('李娜');
  });

  it("leaves every range as it was when one cell's drop-down rejects the value", () => {
    const runtime = runtimeWith(5);
    const sheet = runtime.sheet('Leads');
    const rule = runtime.spreadsheetApp
      .newDataValidation()
      .requireValueInList(['王磊'])
      .setAllowInvalid(false)
      .build();
    sheet.getRange(4, 2).setDataValidation(rule);
    expect(() => runtime.run(`${leads}.getRangeList(['B2', 'B4']).setValue('李娜');`)).toThrow(
      'The data you entered in cell B4 violates the data validation rules set on this cell.',
    );
    expect(runtime.values('Leads').flat()).not.toContain('李娜');
  });

  it('refuses an empty list', () => {
    const runtime = runtimeWith(5);
    expect(() => runtime.run(`${leads}.getRangeList([]);`)).toThrow(
      'A range list needs at least one range.',
    );
  });
});

describe('methods left out, as an environment emulating Apps Script without them', () => {
  it('shows them as undefined and keeps the rest', () => {
    const runtime = new LocalAppsScript({
      now: new Date('2024-05-10T02:00:00Z'),
      withoutMethods: ['Sheet.getRangeList', 'Range.createTextFinder'],
    });
    runtime.addSheet('Leads', [['Name']]);
    expect(
      runtime.run(
        `var sheet = ${leads};
         return [typeof sheet.getRangeList, typeof sheet.getRange(1, 1).createTextFinder,
                 typeof sheet.getRange, 'getRangeList' in sheet];`,
      ),
    ).toEqual(['undefined', 'undefined', 'function', false]);
  });
});

describe('RangeList arguments and names', () => {
  it('refuses a single A1 notation where a list is due, as Apps Script does', () => {
    const runtime = runtimeWith(5);
    expect(() => runtime.run(`${leads}.getRangeList('B2');`)).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.getRangeList.",
    );
  });

  it('credits its calls to the tab under the name it has when they are made', () => {
    const runtime = runtimeWith(5);
    const { calls } = runtime.measure(() =>
      runtime.run(
        `var sheet = ${leads}; var list = sheet.getRangeList(['B2']);
         sheet.setName('Clients'); list.setValue('x');`,
      ),
    );
    expect(calls.filter((c) => c.method === 'setValue').map((c) => c.sheet)).toEqual(['Clients']);
  });

  it('hands its ranges over after a deletion, and fails only calls on their cells', () => {
    const runtime = runtimeWith(6);
    // Every call counted: the person acts just before getRanges, the fourth.
    runtime.people.counting = 'every';
    runtime.people.before(4, (person) => person.deleteRow('Leads', 2));
    expect(
      runtime.run(`
        var list = ${leads}.getRangeList(['B2', 'B6']);
        var rows = list.getRanges().map(function (r) { return r.getRow(); });
        try { list.setValue('x'); } catch (e) { return rows.concat([String(e.message)]); }`),
    ).toEqual([2, 6, 'The coordinates of the range are outside the dimensions of the sheet.']);
    expect(runtime.people.acted.map((a) => a.before)).toEqual(['RangeList.getRanges']);
  });
});
