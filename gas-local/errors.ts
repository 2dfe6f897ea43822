// Apps Script's error messages, word for word where known (see docs/apps-script-behaviour.md).

export const MESSAGES = {
  outsideSheet: 'The coordinates of the range are outside the dimensions of the sheet.',
  rowTooSmall: 'The starting row of the range is too small.',
  columnTooSmall: 'The starting column of the range is too small.',
  rowsAtLeastOne: 'The number of rows in the range must be at least 1.',
  columnsAtLeastOne: 'The number of columns in the range must be at least 1.',
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  sheetExists: (name: string) =>
    `A sheet with the name "${name}" already exists. Please enter another name.`,
  noPermission: (method: string, scope: string) =>
    `You do not have permission to call ${method}. Required permissions: ${scope}`,
  uiContext: 'Cannot call SpreadsheetApp.getUi() from this context.',
  lockTimeout: 'Lock timeout: another process was holding the lock for too long.',
  serviceFailed: (id: string) =>
    `Service Spreadsheets failed while accessing document with id ${id}.`,
  validation: (cell: string) =>
    `The data you entered in cell ${cell} violates the data validation rules set on this cell.`,
  propertyTooLarge: 'Argument too large: value',
  notImplemented: (what: string) => `The local Apps Script runtime does not implement ${what}.`,
} as const;
