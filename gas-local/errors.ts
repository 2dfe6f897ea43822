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
  /** Thrown both for a value over 9 KB and for a store over 500 KB (docs/platform-limits.md §2). */
  propertyStoreFull:
    'You have exceeded the property storage quota. Please remove some properties and try again.',
  /** openById of an ID that resolves to nothing, e.g. a deleted file (docs/platform-limits.md §4). */
  openByIdUnresolved:
    'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
  /** openById of a file that exists but is not shared with the user. */
  documentAccessDenied: 'You do not have permission to access the requested document.',
  invalidEmail: (address: string) => `Invalid email: ${address}`,
  mailDailyQuota: 'Service invoked too many times for one day: email.',
  mailBodySize: 'Limit Exceeded: Email Body Size.',
  mailRecipientsPerMessage: 'Limit Exceeded: Email Recipients Per Message.',
  tooManyTriggers:
    'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
  /** A call whose arguments are of the wrong kinds, e.g. `(String)` for a list of A1 notations. */
  parametersMismatch: (kinds: string, method: string) =>
    `The parameters (${kinds.charAt(0).toUpperCase()}${kinds.slice(1)}) don't match the method signature for ${method}.`,
  /** The local runtime's wording: Google's for an empty list is not documented. */
  emptyRangeList: 'A range list needs at least one range.',
  notImplemented: (what: string) => `The local Apps Script runtime does not implement ${what}.`,
} as const;
