// People act on the spreadsheet between a script's calls: typing, pasting, inserting, deleting and
// sorting rows, scheduled before the k-th data call of an execution.

import { LocalAppsScript } from '../../gas-local/runtime';

function runtimeWith(rows: readonly (readonly unknown[])[]): LocalAppsScript {
  const runtime = new LocalAppsScript({
    locale: 'en_US',
    timeZone: 'Asia/Shanghai',
    now: new Date('2024-05-10T02:00:00Z'),
  });
  runtime.addSheet('Leads', rows);
  return runtime;
}

const LEADS = [
  ['Name', 'Score'],
  ['Ann', 3],
  ['Bob', 1],
  ['Cy', 2],
];

const leads = "SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Leads')";

/** Reads the data rows, then marks the last one it read: a read-then-write a person can break. */
const MARK_LAST = `
  const sheet = ${leads};
  const last = sheet.getLastRow();
  const names = sheet.getRange(2, 1, last - 1, 1).getValues();
  sheet.getRange(last, 3).setValue('checked ' + names[names.length - 1][0]);
`;

describe('the data-call index', () => {
  it('numbers every call and every data call of an execution from 1', () => {
    const runtime = runtimeWith(LEADS);
    const { calls } = runtime.measure(() => runtime.run(MARK_LAST));
    expect(calls.map((c) => [c.method, c.index, c.dataIndex])).toEqual([
      ['getActiveSpreadsheet', 1, undefined],
      ['getSheetByName', 2, undefined],
      ['getLastRow', 3, 1],
      ['getRange', 4, undefined],
      ['getValues', 5, 2],
      ['getRange', 6, undefined],
      ['setValue', 7, 3],
    ]);
    const again = runtime.measure(() => runtime.run(MARK_LAST)).calls;
    expect(again[0].index).toBe(1);
  });

  it('lets a test measure the data calls, then sweep a person acting before each', () => {
    const measured = runtimeWith(LEADS);
    const n = measured
      .measure(() => measured.run(MARK_LAST))
      .calls.filter((c) => c.dataIndex !== undefined).length;
    expect(n).toBe(3);
    const outcomes = [];
    for (let k = 1; k <= n; k++) {
      const runtime = runtimeWith(LEADS);
      runtime.people.before(k, (person) => person.paste('Leads', [['Di', 4]]));
      runtime.run(MARK_LAST);
      outcomes.push(runtime.values('Leads').map((row) => row[2]));
    }
    // Before the first data call the script sees Di; after it, the row it marks is no longer last.
    expect(outcomes[0]).toEqual(['', '', '', '', 'checked Di']);
    expect(outcomes[1]).toEqual(['', '', '', 'checked Cy', '']);
    expect(outcomes[2]).toEqual(['', '', '', 'checked Cy', '']);
  });

  it('counts every service call instead of data calls when asked', () => {
    const runtime = runtimeWith(LEADS);
    runtime.people.counting = 'every';
    runtime.people.before(4, (person) => person.deleteRow('Leads', 4));
    runtime.run(MARK_LAST);
    expect(runtime.people.acted).toEqual([{ at: 4, before: 'Sheet.getRange' }]);
    // getLastRow said 4, the person deleted row 4, so the script read and marked past the data.
    expect(runtime.values('Leads')).toEqual([
      ['Name', 'Score', ''],
      ['Ann', 3, ''],
      ['Bob', 1, ''],
      ['', '', 'checked '],
    ]);
  });
});

describe('what a person does', () => {
  it('types a value parsed like typed input, without counting a call or firing onEdit', () => {
    const runtime = runtimeWith(LEADS);
    const edits: unknown[] = [];
    runtime.context.onEdit = (e: unknown) => edits.push(e);
    const { calls } = runtime.measure(() => {
      runtime.people.type('Leads', 2, 2, '42');
      runtime.people.type('Leads', 3, 2, '2024-08-01');
      runtime.people.type('Leads', 4, 2, "'007");
    });
    expect(calls).toEqual([]);
    expect(edits).toEqual([]);
    const [, ann, bob, cy] = runtime.values('Leads');
    expect(ann[1]).toBe(42);
    expect(bob[1]).toBeInstanceOf(Date);
    expect(cy[1]).toBe('007');
  });

  it('pastes rows below the last row with content', () => {
    const runtime = runtimeWith(LEADS);
    runtime.sheet('Leads')._type(7, 3, [['note far below']]);
    expect(
      runtime.people.paste('Leads', [
        ['Di', '5'],
        ['Ed', 6],
      ]),
    ).toBe(8);
    expect(runtime.values('Leads').slice(7)).toEqual([
      ['Di', 5, ''],
      ['Ed', 6, ''],
    ]);
  });

  it('inserts a blank row before row r and deletes row r', () => {
    const runtime = runtimeWith(LEADS);
    runtime.people.insertRowBefore('Leads', 3);
    expect(runtime.values('Leads').map((r) => r[0])).toEqual(['Name', 'Ann', '', 'Bob', 'Cy']);
    expect(runtime.sheet('Leads').getMaxRows()).toBe(1001);
    runtime.people.deleteRow('Leads', 2);
    expect(runtime.values('Leads').map((r) => r[0])).toEqual(['Name', '', 'Bob', 'Cy']);
  });

  it('refuses, like Sheets, to delete the last non-frozen row', () => {
    const runtime = new LocalAppsScript({ now: new Date('2024-05-10T02:00:00Z') });
    runtime.addSheet('Tiny', [['Name'], ['Ann']], { rows: 2 });
    runtime.sheet('Tiny')._data.maxRows = 2;
    runtime.sheet('Tiny').setFrozenRows(1);
    expect(() => runtime.people.deleteRow('Tiny', 2)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
  });

  it('sorts the rows below the header: numbers, then text, then booleans, blanks last', () => {
    const runtime = runtimeWith([
      ['Name', 'Key'],
      ['a', 'pear'],
      ['b', true],
      ['c', 10],
      ['d', ''],
      ['e', 'Apple'],
      ['f', 2],
      ['g', false],
    ]);
    runtime.people.sort('Leads', 2);
    expect(runtime.values('Leads').map((r) => r[0])).toEqual([
      'Name',
      'f',
      'c',
      'e',
      'a',
      'g',
      'b',
      'd',
    ]);
    runtime.people.sort('Leads', 2, { ascending: false });
    expect(runtime.values('Leads').map((r) => r[0])).toEqual([
      'Name',
      'b',
      'g',
      'a',
      'e',
      'c',
      'f',
      'd',
    ]);
  });

  it('moves everything of a row with it when sorting: formulas, formats, drop-downs, notes', () => {
    const runtime = runtimeWith([
      ['Name', 'Score'],
      ['Ann', 3],
      ['Bob', 1],
    ]);
    const sheet = runtime.sheet('Leads');
    sheet._type(2, 3, [['=B2*2']]);
    sheet.getRange(2, 1).setBackground('#ff0000').setNote('first');
    const rule = runtime.spreadsheetApp.newDataValidation().requireValueInList(['x']).build();
    sheet.getRange(2, 2).setDataValidation(rule);
    runtime.people.sort('Leads', 2);
    expect(runtime.values('Leads').map((r) => r[0])).toEqual(['Name', 'Bob', 'Ann']);
    expect(sheet.getRange(3, 3).getFormulas()).toEqual([['=B2*2']]);
    expect(sheet.getRange(3, 1).getBackgrounds()).toEqual([['#ff0000']]);
    expect(sheet._data.style('note', 2, 0)).toBe('first');
    expect(sheet.getRange(3, 2).getDataValidations()[0][0]).toBe(rule);
    expect(sheet.getRange(2, 2).getDataValidations()[0][0]).toBeNull();
  });

  it('keeps the frozen rows on top when sorting', () => {
    const runtime = runtimeWith([['Title'], ['Name'], ['b'], ['a']]);
    runtime.sheet('Leads').setFrozenRows(2);
    runtime.people.sort('Leads', 1);
    expect(runtime.values('Leads').map((r) => r[0])).toEqual(['Title', 'Name', 'a', 'b']);
  });

  it('sorts 100k rows in one pass', () => {
    const runtime = new LocalAppsScript({ now: new Date('2024-05-10T02:00:00Z') });
    const rows: unknown[][] = [['ID', 'Score', 'Name']];
    for (let i = 0; i < 100_000; i++) rows.push([i, (i * 7919) % 100_003, `name ${i}`]);
    const sheet = runtime.addSheet('Big', rows);
    const started = Date.now();
    runtime.people.sort('Big', 2);
    expect(Date.now() - started).toBeLessThan(3000);
    const scores = sheet._data.values.slice(1, 100_001).map((line) => line?.[1] as number);
    expect(scores.every((score, i) => i === 0 || scores[i - 1] <= score)).toBe(true);
  });

  it('runs an arbitrary callback as the person', () => {
    const runtime = runtimeWith(LEADS);
    runtime.people.before(2, (person) => {
      person.type('Leads', 2, 1, 'Anna');
      person.insertRowBefore('Leads', 2);
    });
    runtime.run(MARK_LAST);
    expect(runtime.values('Leads').map((r) => r[0])).toEqual(['Name', '', 'Anna', 'Bob', 'Cy']);
  });
});

describe('reporting', () => {
  it('lists actions the execution never reached, and forgets them when it ends', () => {
    const runtime = runtimeWith(LEADS);
    runtime.people.before(2, () => undefined).before(9, () => undefined);
    runtime.run(MARK_LAST);
    expect(runtime.people.unfired).toEqual([9]);
    runtime.run(MARK_LAST);
    expect(runtime.people.unfired).toEqual([]);
    expect(runtime.people.acted.map((a) => a.at)).toEqual([2]);
  });

  it('fails the execution loudly when the person\u2019s own action is impossible', () => {
    const runtime = runtimeWith(LEADS);
    runtime.people.before(1, (person) => person.deleteRow('Leads', 5000));
    expect(() => runtime.run(MARK_LAST)).toThrow(
      "The person's action before call 1 failed: Those rows are out of bounds.",
    );
  });
});

describe('a range made before a person deleted rows', () => {
  /** The last row's range, made before the person acts, then read and written. */
  const LAST_ROW_RANGE = `
    const range = ${leads}.getRange(4, 1, 1, 2);
    const row = range.getRow();
    range.getValues();
    range.setValues([['Cy', 9]]);
    return row;
  `;

  it('fails at its next call on cells when its rows reach past the grid, as getRange would', () => {
    const runtime = runtimeWith(LEADS);
    // The grid ends at the last row, as after appendRow.
    runtime.run(`const sheet = ${leads}; sheet.deleteRows(5, sheet.getMaxRows() - 4);`);
    runtime.people.before(1, (person) => person.deleteRow('Leads', 2));
    expect(() => runtime.run(LAST_ROW_RANGE)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(runtime.values('Leads')).toEqual([
      ['Name', 'Score'],
      ['Bob', 1],
      ['Cy', 2],
    ]);
  });

  it('still tells where it is, and works while its rows are inside the grid', () => {
    const runtime = runtimeWith([...LEADS, ['Di', 4]]);
    runtime.people.before(1, (person) => person.deleteRow('Leads', 2));
    expect(runtime.run(LAST_ROW_RANGE)).toBe(4);
    expect(runtime.values('Leads')[3]).toEqual(['Cy', 9]);
  });
});
