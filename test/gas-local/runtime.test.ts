// The local Apps Script runtime is as strict as Google: value types, formulas, shapes, modes, faults.

import { LocalAppsScript } from '../../gas-local/runtime';

function freshRuntime(): LocalAppsScript {
  const runtime = new LocalAppsScript({
    locale: 'en_US',
    timeZone: 'Asia/Shanghai',
    now: new Date('2024-05-10T02:00:00Z'),
  });
  runtime.addSheet('Data', [
    ['Name', 'When'],
    ['Ann', '2024-08-01'],
  ]);
  return runtime;
}

const sheet = "SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data')";

describe('cell values', () => {
  it('reads empty cells as empty strings', () => {
    const runtime = freshRuntime();
    expect(runtime.run(`return ${sheet}.getRange('C1:C2').getValues();`)).toEqual([[''], ['']]);
  });

  it('returns dates as new Date objects of the script realm', () => {
    const runtime = freshRuntime();
    const result = runtime.run(`
      const a = ${sheet}.getRange('B2').getValue();
      const b = ${sheet}.getRange('B2').getValue();
      a.setFullYear(1999);
      return [a instanceof Date, b.getFullYear(), Utilities.formatDate(b, 'Asia/Shanghai', 'yyyy-MM-dd')];
    `);
    expect(result).toEqual([true, 2024, '2024-08-01']);
  });

  it('turns written text that starts with = into a formula unless stored as text', () => {
    const runtime = freshRuntime();
    runtime.run(`
      ${sheet}.getRange('C1').setValue('=1+1');
      ${sheet}.getRange('C2').setValue("'=IMPORTXML(1)");
      ${sheet}.getRange('D1').setNumberFormat('@').setValue('=2+2');
    `);
    expect(runtime.run(`return ${sheet}.getRange('C1:C2').getFormulas();`)).toEqual([
      ['=1+1'],
      [''],
    ]);
    expect(runtime.run(`return ${sheet}.getRange('C2').getValue();`)).toBe('=IMPORTXML(1)');
    expect(runtime.run(`return ${sheet}.getRange('D1').getValue();`)).toBe('=2+2');
  });

  it('parses written text like typed input: numbers become numbers unless the cell is text', () => {
    const runtime = freshRuntime();
    runtime.run(`
      ${sheet}.getRange('E1').setValue('13800138000');
      ${sheet}.getRange('E2').setNumberFormat('@').setValue('13800138000');
    `);
    expect(runtime.run(`return ${sheet}.getRange('E1:E2').getValues();`)).toEqual([
      [13800138000],
      ['13800138000'],
    ]);
  });

  it('rejects setValues of the wrong shape with Apps Script\u2019s message', () => {
    const runtime = freshRuntime();
    expect(() => runtime.run(`${sheet}.getRange(1, 1, 2, 2).setValues([[1, 2]]);`)).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => runtime.run(`${sheet}.getRange(1, 1, 1, 2).setValues([[1, 2, 3]]);`)).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  it('rejects ranges outside the grid', () => {
    const runtime = freshRuntime();
    expect(() => runtime.run(`${sheet}.getRange(1001, 1).getValue();`)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => runtime.run(`${sheet}.getRange(0, 1).getValue();`)).toThrow(
      'The starting row of the range is too small.',
    );
  });

  it('hides methods Apps Script does not have', () => {
    const runtime = freshRuntime();
    expect(runtime.run(`return typeof ${sheet}.getRange('A1').getValuesFast;`)).toBe('undefined');
    expect(runtime.run(`return typeof ${sheet}.getRange('A1')._write;`)).toBe('undefined');
  });
});

describe('authorization modes', () => {
  it('denies data access in AuthMode.NONE', () => {
    const runtime = freshRuntime();
    expect(() =>
      runtime.run('SpreadsheetApp.getActiveSpreadsheet();', { authMode: 'NONE' }),
    ).toThrow(/You do not have permission to call SpreadsheetApp.getActiveSpreadsheet/);
    expect(
      runtime.run(
        "SpreadsheetApp.getUi().createAddonMenu().addItem('a', 'b').addToUi(); return 1;",
        { authMode: 'NONE' },
      ),
    ).toBe(1);
  });

  it('denies MailApp, UrlFetchApp and new triggers to simple triggers', () => {
    const runtime = freshRuntime();
    const limited = { authMode: 'LIMITED', execution: 'simpleTrigger' } as const;
    expect(() => runtime.run("MailApp.sendEmail('a@b.co', 's', 'b');", limited)).toThrow(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(() => runtime.run("UrlFetchApp.fetch('https://example.com');", limited)).toThrow(
      /UrlFetchApp.fetch/,
    );
    expect(() => runtime.run("ScriptApp.newTrigger('f');", limited)).toThrow(
      /ScriptApp.newTrigger/,
    );
  });

  it('has no UI in time-driven executions', () => {
    const runtime = freshRuntime();
    expect(() => runtime.run('SpreadsheetApp.getUi();', { execution: 'timeTrigger' })).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });
});

describe('edit events', () => {
  function recordEvents(runtime: LocalAppsScript): unknown[] {
    const events: unknown[] = [];
    runtime.context.onEdit = (e: Record<string, unknown>) =>
      events.push({ hasValue: 'value' in e, hasOld: 'oldValue' in e, authMode: e.authMode });
    return events;
  }

  it('gives a single-cell edit its value and old value', () => {
    const runtime = freshRuntime();
    const events = recordEvents(runtime);
    runtime.edit('Data', 2, 1, [['Bob']]);
    expect(events).toEqual([{ hasValue: true, hasOld: true, authMode: 'LIMITED' }]);
  });

  it('gives a multi-cell edit or paste no value and no old value', () => {
    const runtime = freshRuntime();
    const events = recordEvents(runtime);
    runtime.edit('Data', 3, 1, [
      ['Cy', '2024-01-01'],
      ['Di', ''],
    ]);
    expect(events).toEqual([{ hasValue: false, hasOld: false, authMode: 'LIMITED' }]);
  });
});

describe('the script\u2019s Date', () => {
  it('reads the runtime\u2019s clock and otherwise behaves as the built-in Date', () => {
    const runtime = freshRuntime();
    expect(
      runtime.run(`return [
        Date.name,
        new Date().toISOString(),
        Date.now(),
        new Date(5).getTime(),
        new Date('2024-01-02T03:04:05Z').getTime(),
        new Date(2024, 0, 5, 3).getDate(),
        new Date(2024, 0).getMonth(),
        Date.UTC(2024, 0, 1),
        Date.parse('2024-01-01T00:00:00Z'),
        new Date(0) instanceof Date,
        Object.prototype.toString.call(new Date(0)),
      ];`),
    ).toEqual([
      'Date',
      '2024-05-10T02:00:00.000Z',
      Date.parse('2024-05-10T02:00:00Z'),
      5,
      Date.parse('2024-01-02T03:04:05Z'),
      5,
      0,
      Date.UTC(2024, 0, 1),
      Date.UTC(2024, 0, 1),
      true,
      '[object Date]',
    ]);
  });
});

describe('counting, faults, locks and the clock', () => {
  it('counts every service call with its sheet', () => {
    const runtime = freshRuntime();
    const { calls } = runtime.measure(() => runtime.run(`${sheet}.getDataRange().getValues();`));
    expect(calls.map((c) => `${c.service}.${c.method}`)).toEqual([
      'SpreadsheetApp.getActiveSpreadsheet',
      'Spreadsheet.getSheetByName',
      'Sheet.getDataRange',
      'Range.getValues',
    ]);
    expect(LocalAppsScript.dataCalls(calls, 'Data')).toHaveLength(1);
  });

  it('fails the k-th call and every call after it in that execution', () => {
    const runtime = freshRuntime();
    runtime.kernel.failAtCall = 3;
    expect(() => runtime.run(`${sheet}.getRange('A1').setValue('x');`)).toThrow(
      /Service Spreadsheets failed/,
    );
    expect(runtime.values('Data')[0][0]).toBe('Name');
    expect(runtime.run(`return ${sheet}.getRange('A1').getValue();`)).toBe('Name');
  });

  it('records writes made without the document lock', () => {
    const runtime = freshRuntime();
    runtime.run(`${sheet}.getRange('A1').setValue('x');`);
    expect(runtime.kernel.unlockedWrites.map((c) => c.method)).toEqual(['setValue']);
    runtime.run(
      `const lock = LockService.getDocumentLock(); lock.waitLock(1000); ${sheet}.getRange('A1').setValue('y'); lock.releaseLock();`,
    );
    expect(runtime.kernel.unlockedWrites).toHaveLength(1);
  });

  it('times out waiting for a lock another execution holds', () => {
    const runtime = freshRuntime();
    runtime.kernel.lockHeldElsewhere = true;
    expect(() => runtime.run('LockService.getDocumentLock().waitLock(500);')).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    expect(runtime.run('return LockService.getDocumentLock().tryLock(500);')).toBe(false);
  });

  it('lets tests move the clock that new Date() reads', () => {
    const runtime = freshRuntime();
    runtime.kernel.setNow(new Date('2030-01-02T03:04:05Z'));
    expect(runtime.run('return new Date().toISOString();')).toBe('2030-01-02T03:04:05.000Z');
  });
});
