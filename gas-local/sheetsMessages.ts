// Google's texts for row and column limits and for the Sheets API (docs/apps-script-behaviour.md §15).

export const GRID_MESSAGES = {
  rowsOutOfBounds: 'Those rows are out of bounds.',
  columnsOutOfBounds: 'Those columns are out of bounds.',
  allNonFrozenRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  allNonFrozenColumns: 'Sorry, it is not possible to delete all non-frozen columns.',
} as const;

export const API_MESSAGES = {
  notFound: 'Requested entity was not found.',
  forbidden: 'The caller does not have permission',
  internal: 'Internal error encountered.',
  inputOptionRequired: "'valueInputOption' is required but not specified",
  inputOptionInvalid: (option: string) => `Invalid value at 'value_input_option' (${option})`,
  unparsable: (range: string) => `Unable to parse range: ${range}`,
  exceedsGrid: (range: string, rows: number, columns: number) =>
    `Range (${range}) exceeds grid limits. Max rows: ${rows}, max columns: ${columns}`,
  writingPastRow: (range: string, row: number) =>
    `Requested writing within range [${range}], but tried writing to row [${row}]`,
  writingPastColumn: (range: string, column: string) =>
    `Requested writing within range [${range}], but tried writing to column [${column}]`,
  outsideGrid: (sheet: string, rows: number, columns: number) =>
    `Range ('${sheet}') exceeds grid limits. Max rows: ${rows}, max columns: ${columns}`,
  appendLength: 'length must be greater than 0',
  noGrid: (sheetId: unknown) => `No grid with id: ${String(sheetId)}`,
  noSuchRow: (index: number, rows: number) =>
    `Cannot delete a row that doesn't exist. Tried to delete row index ${index} but there are only ${rows} rows.`,
  noSuchColumn: (index: number, columns: number) =>
    `Cannot delete a column that doesn't exist. Tried to delete column index ${index} but there are only ${columns} columns.`,
} as const;
