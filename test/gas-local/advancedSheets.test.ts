// The Sheets advanced service: present only when the manifest enables it, writing, appending and
// reading values and inserting or deleting rows as the Sheets API does, one counted call each.

import { runtimeWith } from './bundleFixture';

const TAB = '销售线索信息表';
const LEADS = [
  ['Name', 'Score', 'Phone'],
  ['Ann', 3, '138'],
  ['Bob', 1, '139'],
];

function fresh(options: Parameters<typeof runtimeWith>[2] = {}) {
  const runtime = runtimeWith(TAB, LEADS, options);
  return { runtime, id: runtime.spreadsheet.getId() };
}

/** Runs `code` with `id` bound to the spreadsheet's ID. */
function run(runtime: ReturnType<typeof runtimeWith>, id: string, code: string): unknown {
  return runtime.run(`const id = ${JSON.stringify(id)};\n${code}`);
}

describe('availability', () => {
  it('defines Sheets only when the manifest enables it', () => {
    expect(fresh().runtime.run('return typeof Sheets;')).toBe('object');
    const without = runtimeWith(TAB, LEADS, { advancedServices: [] });
    expect(without.run('return typeof Sheets;')).toBe('undefined');
    expect(() => without.run('Sheets.Spreadsheets;')).toThrow('Sheets is not defined');
  });

  it('uses the manifest\u2019s userSymbol as the global name', () => {
    const runtime = runtimeWith(TAB, LEADS, {
      advancedServices: [{ userSymbol: 'SheetsApi', serviceId: 'sheets', version: 'v4' }],
    });
    expect(runtime.run('return [typeof SheetsApi, typeof Sheets];')).toEqual([
      'object',
      'undefined',
    ]);
  });

  it('is refused in simple triggers and in AuthMode.NONE', () => {
    const { runtime, id } = fresh();
    const call = `Sheets.Spreadsheets.Values.batchGet(${JSON.stringify(id)}, { ranges: ['A1'] });`;
    expect(() => runtime.run(call, { authMode: 'LIMITED', execution: 'simpleTrigger' })).toThrow(
      'You do not have permission to call Sheets.Spreadsheets.Values.batchGet. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    expect(() => runtime.run(call, { authMode: 'NONE' })).toThrow(/You do not have permission/);
  });

  it("answers an unknown spreadsheet ID with Google's error", () => {
    const { runtime } = fresh();
    const caught = runtime.run(`
      try { Sheets.Spreadsheets.Values.batchGet('no-such-id', { ranges: ['A1'] }); }
      catch (e) { return [e.name, e.message]; }
    `);
    expect(caught).toEqual([
      'GoogleJsonResponseException',
      'API call to sheets.spreadsheets.values.batchGet failed with error: Requested entity was not found.',
    ]);
  });
});

describe('Values.batchUpdate', () => {
  it('writes USER_ENTERED values as typed input into a quoted tab name', () => {
    const { runtime, id } = fresh();
    const response = run(
      runtime,
      id,
      `return Sheets.Spreadsheets.Values.batchUpdate({
        valueInputOption: 'USER_ENTERED',
        data: [{ range: "'${TAB}'!A4:D5", values: [
          ['Cy', '12', "'0012", '=B4*2'],
          ['Di', '2024-08-01 09:30:00', 'TRUE', null],
        ] }],
      }, id);`,
    );
    const [, , , cy, di] = runtime.values(TAB);
    expect(cy).toEqual(['Cy', 12, '0012', '#ERROR!']);
    expect(runtime.sheet(TAB).getRange(4, 4).getFormulas()).toEqual([['=B4*2']]);
    expect(di[1]).toEqual(new Date('2024-08-01T01:30:00Z'));
    expect(di[2]).toBe(true);
    expect(response).toEqual({
      spreadsheetId: id,
      totalUpdatedRows: 2,
      totalUpdatedColumns: 4,
      totalUpdatedCells: 7,
      totalUpdatedSheets: 1,
      responses: [
        {
          spreadsheetId: id,
          updatedRange: `'${TAB}'!A4:D5`,
          updatedRows: 2,
          updatedColumns: 4,
          updatedCells: 7,
        },
      ],
    });
  });

  it('stores RAW strings as they are, and a Date as its JSON string', () => {
    const { runtime, id } = fresh();
    run(
      runtime,
      id,
      `Sheets.Spreadsheets.Values.batchUpdate({
        valueInputOption: 'RAW',
        data: [{ range: "'${TAB}'!A4", values: [['=1+1', "'7", '12', new Date('2024-05-10T02:00:00Z'), 5, false]] }],
      }, id);`,
    );
    expect(runtime.values(TAB)[3]).toEqual([
      '=1+1',
      "'7",
      '12',
      '2024-05-10T02:00:00.000Z',
      5,
      false,
    ]);
  });

  it('keeps text in cells formatted as plain text (@) under USER_ENTERED', () => {
    const { runtime, id } = fresh();
    runtime.sheet(TAB).getRange('C2:C3').setNumberFormat('@');
    run(
      runtime,
      id,
      `Sheets.Spreadsheets.Values.batchUpdate({ valueInputOption: 'USER_ENTERED',
        data: [{ range: "'${TAB}'!B2:C2", values: [['007', '007']] }] }, id);`,
    );
    expect(runtime.values(TAB)[1]).toEqual(['Ann', 7, '007']);
  });

  it('writes nothing when one range of the batch is invalid', () => {
    const { runtime, id } = fresh();
    expect(() =>
      run(
        runtime,
        id,
        `Sheets.Spreadsheets.Values.batchUpdate({ valueInputOption: 'RAW', data: [
          { range: "'${TAB}'!A2", values: [['changed']] },
          { range: "'Nope'!A1", values: [['x']] },
        ] }, id);`,
      ),
    ).toThrow(
      "API call to sheets.spreadsheets.values.batchUpdate failed with error: Invalid data[1]: Unable to parse range: 'Nope'!A1",
    );
    expect(runtime.values(TAB)[1][0]).toBe('Ann');
  });

  it('refuses values that do not fit the range, or a range outside the grid', () => {
    const { runtime, id } = fresh();
    const write = (range: string, values: unknown[][]) => () =>
      run(
        runtime,
        id,
        `Sheets.Spreadsheets.Values.batchUpdate({ valueInputOption: 'RAW',
          data: [{ range: ${JSON.stringify(range)}, values: ${JSON.stringify(values)} }] }, id);`,
      );
    expect(write(`'${TAB}'!A2:B2`, [['a', 'b', 'c']])).toThrow(
      `Invalid data[0]: Requested writing within range ['${TAB}'!A2:B2], but tried writing to column [C]`,
    );
    expect(write(`'${TAB}'!A999`, [['a'], ['b'], ['c']])).toThrow(
      `Invalid data[0]: Requested writing within range ['${TAB}'!A999], but tried writing to row [1001]`,
    );
    expect(write(`'${TAB}'!A1001`, [['a']])).toThrow(
      `Invalid data[0]: Range ('${TAB}'!A1001) exceeds grid limits. Max rows: 1000, max columns: 26`,
    );
  });

  it('requires a valueInputOption', () => {
    const { runtime, id } = fresh();
    expect(() =>
      run(runtime, id, `Sheets.Spreadsheets.Values.batchUpdate({ data: [] }, id);`),
    ).toThrow("'valueInputOption' is required but not specified");
  });
});

describe('Values.append', () => {
  const append = (option: string, values: unknown[][], range = `'${TAB}'!A1:C1`) =>
    `return Sheets.Spreadsheets.Values.append({ values: ${JSON.stringify(values)} }, id,
      ${JSON.stringify(range)}, { valueInputOption: 'USER_ENTERED', insertDataOption: '${option}' });`;

  it('writes below the last row of the table and says where', () => {
    const { runtime, id } = fresh();
    const response = run(runtime, id, append('OVERWRITE', [['Cy', '2', '140']]));
    expect(runtime.values(TAB)[3]).toEqual(['Cy', 2, 140]);
    expect(response).toEqual({
      spreadsheetId: id,
      tableRange: `'${TAB}'!A1:C3`,
      updates: {
        spreadsheetId: id,
        updatedRange: `'${TAB}'!A4:C4`,
        updatedRows: 1,
        updatedColumns: 3,
        updatedCells: 3,
      },
    });
  });

  it('inserts rows for the data with INSERT_ROWS, moving what is below down', () => {
    const { runtime, id } = fresh();
    runtime.sheet(TAB)._type(6, 1, [['footer']]);
    run(runtime, id, append('INSERT_ROWS', [['Cy'], ['Di']]));
    expect(runtime.values(TAB).map((r) => r[0])).toEqual([
      'Name',
      'Ann',
      'Bob',
      'Cy',
      'Di',
      '',
      '',
      'footer',
    ]);
    expect(runtime.sheet(TAB).getMaxRows()).toBe(1002);
  });

  it('stops the table at the first blank row, as the API does', () => {
    const { runtime, id } = fresh();
    runtime.sheet(TAB)._type(6, 1, [['after a gap']]);
    run(runtime, id, append('OVERWRITE', [['Cy']]));
    expect(runtime.values(TAB)[3][0]).toBe('Cy');
  });

  it('grows the grid when the table reaches the last row', () => {
    const { runtime, id } = fresh();
    const sheet = runtime.sheet(TAB);
    sheet.deleteRows(4, sheet.getMaxRows() - 3);
    run(runtime, id, append('OVERWRITE', [['Cy'], ['Di']]));
    expect(sheet.getMaxRows()).toBe(5);
    expect(runtime.values(TAB).map((r) => r[0])).toEqual(['Name', 'Ann', 'Bob', 'Cy', 'Di']);
  });
});

describe('Values.batchGet', () => {
  it('returns dates as serial numbers with UNFORMATTED_VALUE and leaves trailing blanks out', () => {
    const { runtime, id } = fresh();
    runtime.sheet(TAB)._type(2, 5, [['2024-08-01 12:00:00']]);
    const response = run(
      runtime,
      id,
      `return Sheets.Spreadsheets.Values.batchGet(id, {
        ranges: ["'${TAB}'!B1:F5", "'${TAB}'!H1:H3"],
        valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'SERIAL_NUMBER' });`,
    );
    expect(response).toEqual({
      spreadsheetId: id,
      valueRanges: [
        {
          range: `'${TAB}'!B1:F5`,
          majorDimension: 'ROWS',
          values: [
            ['Score', 'Phone'],
            [3, 138, '', 45505.5],
            [1, 139],
          ],
        },
        { range: `'${TAB}'!H1:H3`, majorDimension: 'ROWS' },
      ],
    });
  });

  // Row 4 is empty, row 5 holds only column A, and D2 holds a formula.
  it('leaves out trailing blanks row by row, renders formulas, and turns COLUMNS around', () => {
    const { runtime, id } = fresh();
    runtime.sheet(TAB)._type(5, 1, [['Eve']]);
    runtime.sheet(TAB)._type(2, 4, [['=B2*2']]);
    const values = (range: string, options: string) =>
      (
        run(
          runtime,
          id,
          `return Sheets.Spreadsheets.Values.batchGet(id, { ranges: "'${TAB}'!${range}", ${options} });`,
        ) as { valueRanges: { values?: unknown[][] }[] }
      ).valueRanges[0].values;
    expect(values('A1:E5', "valueRenderOption: 'FORMULA'")).toEqual([
      ['Name', 'Score', 'Phone'],
      ['Ann', 3, 138, '=B2*2'],
      ['Bob', 1, 139],
      [],
      ['Eve'],
    ]);
    // Columns D and E: past the end of rows 1 and 3, and nothing after row 2.
    expect(values('D1:E5', "valueRenderOption: 'UNFORMATTED_VALUE'")).toEqual([[], ['#ERROR!']]);
    expect(
      values('A1:B3', "valueRenderOption: 'UNFORMATTED_VALUE', majorDimension: 'COLUMNS'"),
    ).toEqual([
      ['Name', 'Ann', 'Bob'],
      ['Score', 3, 1],
    ]);
  });

  it('reads COLUMNS-major as Google does: each column without its trailing blanks', () => {
    const { runtime, id } = fresh();
    runtime.sheet(TAB)._type(5, 1, [['Eve']]);
    runtime.sheet(TAB)._type(2, 4, [['=B2*2']]);
    runtime.sheet(TAB)._type(3, 6, [[new Date('2024-05-01T00:00:00+08:00')]]);
    const columns = (range: string, options: string) =>
      (
        run(
          runtime,
          id,
          `return Sheets.Spreadsheets.Values.batchGet(id, { ranges: "'${TAB}'!${range}", majorDimension: 'COLUMNS', ${options} });`,
        ) as { valueRanges: { values?: unknown[][] }[] }
      ).valueRanges[0].values;
    // Column E is blank between D and F; nothing follows F; row 4 is blank in every column.
    expect(columns('A1:H6', "valueRenderOption: 'UNFORMATTED_VALUE'")).toEqual([
      ['Name', 'Ann', 'Bob', '', 'Eve'],
      ['Score', 3, 1],
      ['Phone', 138, 139],
      ['', '#ERROR!'],
      [],
      ['', '', 45_413],
    ]);
    expect(columns('D1:D6', "valueRenderOption: 'FORMULA'")).toEqual([['', '=B2*2']]);
    expect(columns('A5:C6', "valueRenderOption: 'FORMATTED_VALUE'")).toEqual([['Eve']]);
    expect(columns('E1:E6', "valueRenderOption: 'UNFORMATTED_VALUE'")).toBeUndefined();
  });

  it('formats values as text by default', () => {
    const { runtime, id } = fresh();
    const response = run(
      runtime,
      id,
      `return Sheets.Spreadsheets.Values.batchGet(id, { ranges: "'${TAB}'!A2:B2" });`,
    ) as { valueRanges: { values: unknown[][] }[] };
    expect(response.valueRanges[0].values).toEqual([['Ann', '3']]);
  });
});

describe('Values.batchGetByDataFilter', () => {
  it('reads grid ranges and A1 ranges from the request body, each with its filter', () => {
    const { runtime, id } = fresh();
    const response = run(
      runtime,
      id,
      `return Sheets.Spreadsheets.Values.batchGetByDataFilter({
        dataFilters: [
          { gridRange: { sheetId: 0, startRowIndex: 1, endRowIndex: 3, startColumnIndex: 0, endColumnIndex: 1 } },
          { a1Range: "'${TAB}'!C2" },
        ],
        valueRenderOption: 'UNFORMATTED_VALUE', majorDimension: 'COLUMNS' }, id);`,
    ) as { valueRanges: { valueRange: { values: unknown[][] }; dataFilters: unknown[] }[] };
    expect(response.valueRanges.map((r) => r.valueRange.values)).toEqual([
      [['Ann', 'Bob']],
      [[138]],
    ]);
    expect(response.valueRanges[1].dataFilters).toEqual([{ a1Range: `'${TAB}'!C2` }]);
  });

  it('counts one data call and the cells of every range', () => {
    const { runtime, id } = fresh();
    const { calls } = runtime.measure(() =>
      run(
        runtime,
        id,
        `Sheets.Spreadsheets.Values.batchGetByDataFilter({ dataFilters: [
          { gridRange: { sheetId: 0, startRowIndex: 0, endRowIndex: 3, startColumnIndex: 1, endColumnIndex: 3 } }] }, id);`,
      ),
    );
    const call = calls.find((c) => c.method === 'Spreadsheets.Values.batchGetByDataFilter');
    expect(call).toMatchObject({ dataIndex: 1, cellsRead: 6, cellsWritten: 0 });
  });

  it('refuses a grid range past the grid, as batchGet does', () => {
    const { runtime, id } = fresh();
    expect(() =>
      run(
        runtime,
        id,
        `Sheets.Spreadsheets.Values.batchGetByDataFilter({ dataFilters: [
          { gridRange: { sheetId: 0, startRowIndex: 0, endRowIndex: 5000 } }] }, id);`,
      ),
    ).toThrow(/exceeds grid limits/);
  });
});

describe('Spreadsheets.batchUpdate', () => {
  const requests = (list: unknown[]) =>
    `return Sheets.Spreadsheets.batchUpdate({ requests: ${JSON.stringify(list)} }, id);`;
  const rows = (start: number, end: number) => ({
    sheetId: 0,
    dimension: 'ROWS',
    startIndex: start,
    endIndex: end,
  });
  /** A batch one of whose requests is invalid: Google's message, and none of them applied. */
  const refusedWhole = (list: unknown[], message: string) => {
    const { runtime, id } = fresh();
    expect(() => run(runtime, id, requests(list))).toThrow(message);
    expect(runtime.values(TAB).map((r) => r[0])).toEqual(['Name', 'Ann', 'Bob']);
  };

  it('applies deleteDimension and insertDimension in order', () => {
    const { runtime, id } = fresh();
    const response = run(
      runtime,
      id,
      requests([
        { deleteDimension: { range: rows(1, 2) } },
        { insertDimension: { range: rows(1, 3), inheritFromBefore: true } },
      ]),
    );
    expect(response).toEqual({ spreadsheetId: id, replies: [{}, {}] });
    expect(runtime.values(TAB).map((r) => r[0])).toEqual(['Name', '', '', 'Bob']);
    expect(runtime.sheet(TAB).getMaxRows()).toBe(1001);
  });

  it('applies none of the requests when one is invalid', () => {
    refusedWhole(
      [
        { deleteDimension: { range: rows(1, 2) } },
        { deleteDimension: { range: { ...rows(0, 1), sheetId: 77 } } },
      ],
      'API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests[1].deleteDimension: No grid with id: 77',
    );
  });

  it("refuses to delete every non-frozen row with Google's message", () => {
    const { runtime, id } = fresh();
    runtime.sheet(TAB).setFrozenRows(1);
    expect(() =>
      run(runtime, id, requests([{ deleteDimension: { range: rows(1, 1000) } }])),
    ).toThrow(
      'Invalid requests[0].deleteDimension: Sorry, it is not possible to delete all non-frozen rows.',
    );
    expect(() =>
      run(
        runtime,
        id,
        requests([
          { deleteDimension: { range: rows(500, 1000) } },
          { deleteDimension: { range: rows(1, 500) } },
        ]),
      ),
    ).toThrow(
      'Invalid requests[1].deleteDimension: Sorry, it is not possible to delete all non-frozen rows.',
    );
    expect(runtime.sheet(TAB).getMaxRows()).toBe(1000);
  });

  it('refuses rows past the grid, and inserting at the end without inheritFromBefore', () => {
    const { runtime, id } = fresh();
    expect(() =>
      run(runtime, id, requests([{ deleteDimension: { range: rows(5, 1001) } }])),
    ).toThrow(
      "Invalid requests[0].deleteDimension: Cannot delete a row that doesn't exist. Tried to delete row index 1000 but there are only 1000 rows.",
    );
    expect(() =>
      run(runtime, id, requests([{ insertDimension: { range: rows(1000, 1001) } }])),
    ).toThrow(
      'Invalid requests[0].insertDimension: range.startIndex must be less than the grid size (1000) if inheritFromBefore is false.',
    );
  });

  it('deletes and inserts columns', () => {
    const { runtime, id } = fresh();
    const columns = { sheetId: 0, dimension: 'COLUMNS', startIndex: 1, endIndex: 2 };
    run(runtime, id, requests([{ deleteDimension: { range: columns } }]));
    expect(runtime.values(TAB)[0]).toEqual(['Name', 'Phone']);
    run(runtime, id, requests([{ insertDimension: { range: columns } }]));
    expect(runtime.values(TAB)[0]).toEqual(['Name', '', 'Phone']);
  });

  const cells = (r0: number, r1: number, c0: number, c1: number, sheetId = 0) => ({
    sheetId,
    startRowIndex: r0,
    endRowIndex: r1,
    startColumnIndex: c0,
    endColumnIndex: c1,
  });

  it('copies a block with its formats and notes, then deletes its rows, in one atomic call', () => {
    const { runtime, id } = fresh();
    const sheet = runtime.sheet(TAB);
    sheet.getRange('A2').setNote('called twice').setBackground('#ffeeee');
    const aside = runtime.spreadsheet.insertSheet('aside');
    const asideId = aside.getSheetId();
    run(
      runtime,
      id,
      requests([
        { appendDimension: { sheetId: asideId, dimension: 'ROWS', length: 2 } },
        { copyPaste: { source: cells(1, 2, 0, 3), destination: cells(1000, 1001, 0, 3, asideId) } },
        { deleteDimension: { range: rows(1, 2) } },
      ]),
    );
    expect(runtime.values(TAB).map((r) => r[0])).toEqual(['Name', 'Bob']);
    expect(aside.getMaxRows()).toBe(1002);
    expect(aside.getRange(1001, 1, 1, 3).getValues()).toEqual([['Ann', 3, 138]]);
    expect(aside._data.style('note', 1000, 0)).toBe('called twice');
    expect(aside._data.style('background', 1000, 0)).toBe('#ffeeee');
  });

  it('repeats a source over a destination that spans a multiple of it', () => {
    const { runtime, id } = fresh();
    run(
      runtime,
      id,
      requests([{ copyPaste: { source: cells(1, 2, 0, 1), destination: cells(4, 7, 0, 1) } }]),
    );
    expect(runtime.sheet(TAB).getRange(5, 1, 3, 1).getValues()).toEqual([
      ['Ann'],
      ['Ann'],
      ['Ann'],
    ]);
  });

  it('refuses a paste that would run past the grid, and applies none of the requests', () => {
    refusedWhole(
      [
        { deleteDimension: { range: rows(1, 2) } },
        { copyPaste: { source: cells(0, 2, 0, 3), destination: cells(998, 999, 0, 3) } },
      ],
      `Invalid requests[1].copyPaste: Range ('${TAB}') exceeds grid limits. Max rows: 999, max columns: 26`,
    );
  });

  it('clears a block with updateCells and fields *', () => {
    const { runtime, id } = fresh();
    runtime.sheet(TAB).getRange('B2').setNote('n');
    run(runtime, id, requests([{ updateCells: { range: cells(1, 3, 0, 3), fields: '*' } }]));
    expect(runtime.values(TAB)).toEqual([['Name', 'Score', 'Phone']]);
    expect(runtime.sheet(TAB)._data.style('note', 1, 1)).toBeUndefined();
  });
});

describe('as a service call', () => {
  it('counts each call once as a Sheets data call, with the cells it wrote', () => {
    const { runtime, id } = fresh();
    const { calls } = runtime.measure(() =>
      run(
        runtime,
        id,
        `Sheets.Spreadsheets.Values.batchUpdate({ valueInputOption: 'RAW', data: [
          { range: "'${TAB}'!A4:B4", values: [['Cy', 2]] },
          { range: "'${TAB}'!A6", values: [['Ed']] },
        ] }, id);`,
      ),
    );
    expect(calls).toEqual([
      {
        service: 'Sheets',
        method: 'Spreadsheets.Values.batchUpdate',
        sheet: TAB,
        index: 1,
        dataIndex: 1,
        cellsRead: 0,
        cellsWritten: 3,
        serviceCpuMicros: expect.any(Number),
      },
    ]);
  });

  it("credits each call with the runtime's CPU time carrying it out, apart from the script's", () => {
    const { runtime, id } = fresh({ timeServiceCalls: true });
    const { calls } = runtime.measure(() =>
      run(
        runtime,
        id,
        `const rows = Array.from({ length: 900 }, (_, i) => ['lead ' + i, i]);
         Sheets.Spreadsheets.Values.update({ values: rows }, id, "'${TAB}'!A2:B901",
           { valueInputOption: 'RAW' });`,
      ),
    );
    expect(calls).toHaveLength(1);
    expect(calls[0].serviceCpuMicros).toBeGreaterThan(0);
  });

  it('fails at the k-th call like any service, applying nothing', () => {
    const { runtime, id } = fresh();
    runtime.kernel.failAtCall = 1;
    expect(() =>
      run(
        runtime,
        id,
        `Sheets.Spreadsheets.batchUpdate({ requests: [{ deleteDimension: { range:
          { sheetId: 0, dimension: 'ROWS', startIndex: 1, endIndex: 2 } } }] }, id);`,
      ),
    ).toThrow(
      'API call to sheets.spreadsheets.batchUpdate failed with error: Internal error encountered.',
    );
    expect(runtime.values(TAB).map((r) => r[0])).toEqual(['Name', 'Ann', 'Bob']);
  });

  it('records writes made without the document lock, and not reads', () => {
    const { runtime, id } = fresh();
    run(
      runtime,
      id,
      `Sheets.Spreadsheets.Values.batchGet(id, { ranges: ['A1'] });
       Sheets.Spreadsheets.Values.append({ values: [['Cy']] }, id, 'A1', { valueInputOption: 'RAW' });
       const lock = LockService.getDocumentLock(); lock.waitLock(1000);
       Sheets.Spreadsheets.Values.append({ values: [['Di']] }, id, 'A1', { valueInputOption: 'RAW' });
       lock.releaseLock();`,
    );
    expect(runtime.kernel.unlockedWrites.map((c) => c.method)).toEqual([
      'Spreadsheets.Values.append',
    ]);
  });

  it('lets a person act before a Sheets call', () => {
    const { runtime, id } = fresh();
    runtime.people.before(1, (person) => person.insertRowBefore(TAB, 2));
    run(
      runtime,
      id,
      `Sheets.Spreadsheets.Values.batchUpdate({ valueInputOption: 'RAW',
        data: [{ range: "'${TAB}'!B2", values: [[99]] }] }, id);`,
    );
    expect(runtime.values(TAB).map((r) => r[1])).toEqual(['Score', 99, 3, 1]);
  });
});
