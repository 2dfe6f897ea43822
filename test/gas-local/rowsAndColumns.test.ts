// Inserting, deleting and sorting rows and columns through SpreadsheetApp, with Google's refusals.

import { LocalAppsScript } from '../../gas-local/runtime';

/** A tab of `rows` grid rows (the first frozen when `frozen`), holding a header and two leads. */
function runtimeWith(rows: number, frozen = 1): LocalAppsScript {
  const runtime = new LocalAppsScript({ now: new Date('2024-05-10T02:00:00Z') });
  const sheet = runtime.addSheet('Leads', [['Name'], ['Ann'], ['Bob']]);
  sheet.deleteRows(rows + 1, sheet.getMaxRows() - rows);
  sheet.setFrozenRows(frozen);
  return runtime;
}

const leads = "SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Leads')";

describe('deleting rows and columns', () => {
  it("refuses to delete every non-frozen row with Google's message", () => {
    const runtime = runtimeWith(3);
    expect(() => runtime.run(`${leads}.deleteRows(2, 2);`)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
    expect(() => runtime.run(`${leads}.deleteRows(1, 3);`)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
    expect(runtime.values('Leads')).toEqual([['Name'], ['Ann'], ['Bob']]);
  });

  it('refuses deleteRow of the last non-frozen row, and without frozen rows the last row', () => {
    const runtime = runtimeWith(2);
    expect(() => runtime.run(`${leads}.deleteRow(2);`)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
    const unfrozen = runtimeWith(1, 0);
    expect(() => unfrozen.run(`${leads}.deleteRow(1);`)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
  });

  it('deletes all but one non-frozen row', () => {
    const runtime = runtimeWith(3);
    runtime.run(`${leads}.deleteRows(2, 1);`);
    expect(runtime.values('Leads')).toEqual([['Name'], ['Bob']]);
    expect(runtime.sheet('Leads').getMaxRows()).toBe(2);
  });

  it('says the rows are out of bounds past the grid', () => {
    const runtime = runtimeWith(3);
    expect(() => runtime.run(`${leads}.deleteRows(3, 2);`)).toThrow(
      'Those rows are out of bounds.',
    );
  });

  it("refuses to delete every non-frozen column with Google's message", () => {
    const runtime = runtimeWith(3);
    runtime.run(`${leads}.deleteColumns(2, 25);`);
    expect(runtime.sheet('Leads').getMaxColumns()).toBe(1);
    expect(() => runtime.run(`${leads}.deleteColumn(1);`)).toThrow(
      'Sorry, it is not possible to delete all non-frozen columns.',
    );
    expect(() => runtime.run(`${leads}.deleteColumns(1, 2);`)).toThrow(
      'Those columns are out of bounds.',
    );
  });

  it('narrows the frozen band when frozen rows are deleted', () => {
    const runtime = runtimeWith(3, 2);
    runtime.run(`${leads}.deleteRow(1);`);
    expect(runtime.sheet('Leads').getFrozenRows()).toBe(1);
  });
});

describe('inserting and sorting', () => {
  it('inserts rows before a row, taking that row\u2019s format', () => {
    const runtime = runtimeWith(3);
    runtime.sheet('Leads').getRange(2, 1).setBackground('#00ff00');
    runtime.run(`${leads}.insertRowBefore(2).insertRowsBefore(2, 2);`);
    expect(runtime.values('Leads').map((r) => r[0])).toEqual(['Name', '', '', '', 'Ann', 'Bob']);
    expect(runtime.sheet('Leads')._data.style('background', 1, 0)).toBe('#00ff00');
  });

  it('sorts the rows below the frozen ones by a column, as Sheet.sort does', () => {
    const runtime = runtimeWith(3);
    runtime.run(`${leads}.sort(1, false);`);
    expect(runtime.values('Leads')).toEqual([['Name'], ['Bob'], ['Ann']]);
  });
});
