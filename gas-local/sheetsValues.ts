// Sheets.Spreadsheets.Values: batchUpdate, update, append, batchGet and get on the local workbook,
// each checked completely before it writes anything, as the Sheets API applies a request.

import { columnLetter } from './a1';
import { type ApiRange, formatApiRange, parseApiRange } from './apiRange';
import {
  asJson,
  type InputOption,
  invalidValue,
  renderColumn,
  renderRow,
  type RenderOptions,
  rowsOf,
  storedByApi,
} from './apiCells';
import type { Implements } from './implements';
import type { Kernel } from './kernel';
import type { SheetData } from './sheetData';
import { API_MESSAGES } from './sheetsMessages';
import type { LocalSpreadsheet } from './spreadsheet';

type ValuesCollection = GoogleAppsScript.Sheets.Collection.Spreadsheets.ValuesCollection;
type UpdateValuesResponse = GoogleAppsScript.Sheets.Schema.UpdateValuesResponse;
type ValueRange = GoogleAppsScript.Sheets.Schema.ValueRange;

/**
 * The spreadsheet with this ID as the current user may use it: 'notFound' when the runtime holds
 * none, 'forbidden' when the user may not read it (or, for a write, edit it).
 */
export type OpenSpreadsheet = (
  id: string,
  write: boolean,
) => LocalSpreadsheet | 'notFound' | 'forbidden';

/** Opens a spreadsheet for an API call or fails as the API does. */
export function openForApi(
  open: OpenSpreadsheet,
  spreadsheetId: unknown,
  write: boolean,
  fail: (message: string) => never,
): LocalSpreadsheet {
  const book = open(String(spreadsheetId), write);
  if (book === 'notFound') return fail(API_MESSAGES.notFound);
  if (book === 'forbidden') return fail(API_MESSAGES.forbidden);
  return book;
}

/** A write that passed every check: rows of values and the cell they start at (0-based). */
interface Write {
  readonly range: ApiRange;
  readonly rows: readonly unknown[][];
  readonly startRow: number;
  readonly startColumn: number;
}

/** What one write changed, for the response and the call's cell count. */
interface Written {
  readonly response: UpdateValuesResponse;
  readonly cells: readonly [number, number][];
}

/** Google leaves zero counts out of its JSON responses. */
function counts(fields: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(fields).filter(([, n]) => n !== 0));
}

function hasContent(data: SheetData, row: number, c0: number, c1: number): boolean {
  const line = data.values[row];
  if (!line) return false;
  for (let c = c0; c < Math.min(c1, line.length); c++) if (line[c] !== undefined) return true;
  return false;
}

export class LocalSheetsValues implements Implements<
  ValuesCollection,
  'batchUpdate' | 'update' | 'append' | 'batchGet' | 'batchGetByDataFilter' | 'get'
> {
  constructor(
    private readonly kernel: Kernel,
    private readonly open: OpenSpreadsheet,
  ) {}

  private fail(method: string, message: string): never {
    throw this.kernel.apiError(method, message);
  }

  private book(method: string, spreadsheetId: unknown, write: boolean): LocalSpreadsheet {
    return openForApi(this.open, spreadsheetId, write, (message) => this.fail(method, message));
  }

  private inputOption(method: string, option: unknown): InputOption {
    if (option === undefined || option === null || option === 'INPUT_VALUE_OPTION_UNSPECIFIED')
      this.fail(method, API_MESSAGES.inputOptionRequired);
    if (option !== 'RAW' && option !== 'USER_ENTERED')
      this.fail(method, API_MESSAGES.inputOptionInvalid(String(option)));
    return option;
  }

  /** Parses a range Google would accept, or fails with Google's text behind `prefix`. */
  private range(method: string, book: LocalSpreadsheet, text: unknown, prefix: string): ApiRange {
    const range = parseApiRange(String(text ?? ''), book._sheets);
    if (!range) return this.fail(method, `${prefix}${API_MESSAGES.unparsable(String(text))}`);
    const { maxRows, maxColumns, name } = range.sheet._data;
    if (range.outsideGrid) {
      const shown = formatApiRange(
        name,
        range.startRow,
        range.startColumn,
        range.endRow,
        range.endColumn,
      );
      this.fail(method, `${prefix}${API_MESSAGES.exceedsGrid(shown, maxRows, maxColumns)}`);
    }
    return range;
  }

  private checkValues(method: string, rows: readonly unknown[][], prefix: string): void {
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        const kind = invalidValue(value);
        if (kind) this.fail(method, `${prefix}Invalid values[${r}][${c}]: ${kind}`);
      }),
    );
  }

  /**
   * Checks that `rows` fit where they are written: inside a multi-cell range, or anywhere in the
   * grid below and right of a one-cell range.
   */
  private plan(
    method: string,
    book: LocalSpreadsheet,
    text: unknown,
    rows: unknown[][],
    prefix: string,
  ): Write {
    const range = this.range(method, book, text, prefix);
    this.checkValues(method, rows, prefix);
    const { maxRows, maxColumns } = range.sheet._data;
    const lastRow = range.anchor ? maxRows : range.endRow;
    const lastColumn = range.anchor ? maxColumns : range.endColumn;
    if (range.startRow + rows.length > lastRow)
      this.fail(method, `${prefix}${API_MESSAGES.writingPastRow(String(text), lastRow + 1)}`);
    const width = rows.reduce((most, row) => Math.max(most, row.length), 0);
    if (range.startColumn + width > lastColumn) {
      const column = columnLetter(lastColumn + 1);
      this.fail(method, `${prefix}${API_MESSAGES.writingPastColumn(String(text), column)}`);
    }
    return { range, rows, startRow: range.startRow, startColumn: range.startColumn };
  }

  private write(write: Write, option: InputOption, spreadsheetId: string): Written {
    const { range, rows, startRow, startColumn } = write;
    const sheet = range.sheet;
    this.kernel.noteSheet(sheet._data.name);
    const cells: [number, number][] = [];
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        const stored = storedByApi(sheet, startRow + r, startColumn + c, value, option);
        if (!stored) return;
        sheet._data.put(startRow + r, startColumn + c, stored);
        cells.push([startRow + r, startColumn + c]);
      }),
    );
    const width = rows.reduce((most, row) => Math.max(most, row.length), 0);
    const updatedRange =
      rows.length && width
        ? formatApiRange(
            sheet._data.name,
            startRow,
            startColumn,
            startRow + rows.length,
            startColumn + width,
          )
        : formatApiRange(
            sheet._data.name,
            range.startRow,
            range.startColumn,
            range.endRow,
            range.endColumn,
          );
    const response = {
      spreadsheetId,
      updatedRange,
      ...counts({
        updatedRows: new Set(cells.map(([r]) => r)).size,
        updatedColumns: new Set(cells.map(([, c]) => c)).size,
        updatedCells: cells.length,
      }),
    };
    return { response, cells };
  }

  batchUpdate(
    resource: object,
    spreadsheetId: string,
  ): GoogleAppsScript.Sheets.Schema.BatchUpdateValuesResponse {
    const method = 'Spreadsheets.Values.batchUpdate';
    const body = asJson(resource ?? {}) as GoogleAppsScript.Sheets.Schema.BatchUpdateValuesRequest;
    const option = this.inputOption(method, body.valueInputOption);
    const book = this.book(method, spreadsheetId, true);
    // Every range is checked before any is written: one bad range leaves the whole batch unwritten.
    const writes = (body.data ?? []).map((entry, i) =>
      this.plan(
        method,
        book,
        entry.range,
        rowsOf(entry.values, entry.majorDimension),
        `Invalid data[${i}]: `,
      ),
    );
    const written = writes.map((write) => this.write(write, option, book.getId()));
    const rows = new Set<string>();
    const columns = new Set<string>();
    const sheets = new Set<string>();
    let cells = 0;
    written.forEach(({ cells: list }, i) => {
      const name = writes[i].range.sheet._data.name;
      if (list.length) sheets.add(name);
      cells += list.length;
      for (const [r, c] of list) {
        rows.add(`${name}\u0000${r}`);
        columns.add(`${name}\u0000${c}`);
      }
    });
    this.kernel.noteCells(0, cells);
    return {
      spreadsheetId: book.getId(),
      ...counts({
        totalUpdatedRows: rows.size,
        totalUpdatedColumns: columns.size,
        totalUpdatedCells: cells,
        totalUpdatedSheets: sheets.size,
      }),
      ...(written.length ? { responses: written.map((w) => w.response) } : {}),
    };
  }

  update(
    resource: object,
    spreadsheetId: string,
    range: string,
    optionalArgs?: object,
  ): UpdateValuesResponse {
    const method = 'Spreadsheets.Values.update';
    const body = asJson(resource ?? {}) as ValueRange;
    const args = (optionalArgs ?? {}) as { valueInputOption?: string };
    const option = this.inputOption(method, args.valueInputOption);
    const book = this.book(method, spreadsheetId, true);
    const write = this.plan(method, book, range, rowsOf(body.values, body.majorDimension), '');
    const written = this.write(write, option, book.getId());
    this.kernel.noteCells(0, written.cells.length);
    return written.response;
  }

  /**
   * Finds the table the way the API does: the first row with content in the range's columns,
   * then every row below it that has content there, up to the first blank one.
   */
  private table(range: ApiRange): { first: number; last: number; c0: number; c1: number } | null {
    const data = range.sheet._data;
    const c0 = range.startColumn;
    const c1 = Math.min(range.endColumn, data.maxColumns);
    const end = Math.min(range.endRow, data.maxRows);
    let first = range.startRow;
    while (first < end && !hasContent(data, first, c0, c1)) first++;
    if (first >= end) return null;
    let last = first;
    while (last + 1 < data.maxRows && hasContent(data, last + 1, c0, c1)) last++;
    let left = c1;
    let right = c0;
    for (let r = first; r <= last; r++) {
      const line = data.values[r] ?? [];
      for (let c = c0; c < Math.min(c1, line.length); c++) {
        if (line[c] === undefined) continue;
        left = Math.min(left, c);
        right = Math.max(right, c + 1);
      }
    }
    return { first, last: last + 1, c0: left, c1: right };
  }

  append(
    resource: object,
    spreadsheetId: string,
    range: string,
    optionalArgs?: object,
  ): GoogleAppsScript.Sheets.Schema.AppendValuesResponse {
    const method = 'Spreadsheets.Values.append';
    const body = asJson(resource ?? {}) as ValueRange;
    const args = (optionalArgs ?? {}) as { valueInputOption?: string; insertDataOption?: string };
    const option = this.inputOption(method, args.valueInputOption);
    const insert = args.insertDataOption ?? 'OVERWRITE';
    if (insert !== 'OVERWRITE' && insert !== 'INSERT_ROWS')
      this.fail(method, `Invalid value at 'insert_data_option' (${insert})`);
    const book = this.book(method, spreadsheetId, true);
    const target = this.range(method, book, range, '');
    const rows = rowsOf(body.values, body.majorDimension);
    this.checkValues(method, rows, '');
    const data = target.sheet._data;
    const table = this.table(target);
    const startRow = table ? table.last : target.startRow;
    const startColumn = table ? table.c0 : target.startColumn;
    const width = rows.reduce((most, row) => Math.max(most, row.length), 0);
    // Appending grows the grid as needed, whichever insertDataOption is used.
    if (insert === 'INSERT_ROWS' && rows.length) data.insertRows(startRow, rows.length, 'before');
    if (startRow + rows.length > data.maxRows)
      data.insertRows(data.maxRows, startRow + rows.length - data.maxRows);
    if (startColumn + width > data.maxColumns)
      data.insertColumns(data.maxColumns, startColumn + width - data.maxColumns);
    const written = this.write(
      { range: target, rows, startRow, startColumn },
      option,
      book.getId(),
    );
    this.kernel.noteCells(0, written.cells.length);
    return {
      spreadsheetId: book.getId(),
      ...(table
        ? { tableRange: formatApiRange(data.name, table.first, table.c0, table.last, table.c1) }
        : {}),
      updates: written.response,
    };
  }

  private read(
    method: string,
    book: LocalSpreadsheet,
    text: unknown,
    options: RenderOptions & { majorDimension: string },
  ): { valueRange: ValueRange; cells: number } {
    const range = this.range(method, book, text, '');
    const data = range.sheet._data;
    this.kernel.noteSheet(data.name);
    const zone = book._timeZone();
    const endRow = Math.min(range.endRow, data.maxRows);
    const endColumn = Math.min(range.endColumn, data.maxColumns);
    let lines: unknown[][];
    if (options.majorDimension === 'COLUMNS') {
      // "For output, empty trailing rows and columns will not be included."
      lines = [];
      for (let c = range.startColumn; c < endColumn; c++)
        lines.push(renderColumn(data, c, range.startRow, endRow, options, zone));
    } else {
      lines = new Array(Math.max(0, endRow - range.startRow));
      for (let r = range.startRow; r < endRow; r++)
        lines[r - range.startRow] = renderRow(data, r, range.startColumn, endColumn, options, zone);
    }
    while (lines.length && lines[lines.length - 1].length === 0) lines.pop();
    const shown = formatApiRange(data.name, range.startRow, range.startColumn, endRow, endColumn);
    return {
      valueRange: {
        range: shown,
        majorDimension: options.majorDimension,
        ...(lines.length ? { values: lines } : {}),
      },
      cells: (endRow - range.startRow) * (endColumn - range.startColumn),
    };
  }

  private renderOptions(optionalArgs: object | undefined) {
    const args = (optionalArgs ?? {}) as Record<string, unknown>;
    return {
      valueRenderOption: String(args.valueRenderOption ?? 'FORMATTED_VALUE'),
      dateTimeRenderOption: String(args.dateTimeRenderOption ?? 'SERIAL_NUMBER'),
      majorDimension: String(args.majorDimension ?? 'ROWS'),
    };
  }

  batchGet(
    spreadsheetId: string,
    optionalArgs?: object,
  ): GoogleAppsScript.Sheets.Schema.BatchGetValuesResponse {
    const method = 'Spreadsheets.Values.batchGet';
    const options = this.renderOptions(optionalArgs);
    const book = this.book(method, spreadsheetId, false);
    const asked = (optionalArgs as { ranges?: unknown } | undefined)?.ranges;
    const ranges = asked === undefined ? [] : Array.isArray(asked) ? asked : [asked];
    const reads = ranges.map((text) => this.read(method, book, text, options));
    this.kernel.noteCells(
      reads.reduce((sum, read) => sum + read.cells, 0),
      0,
    );
    return {
      spreadsheetId: book.getId(),
      ...(reads.length ? { valueRanges: reads.map((read) => read.valueRange) } : {}),
    };
  }

  /**
   * Like batchGet, but the ranges travel in the request body (a POST), so a long list of them is
   * no URL too long: each data filter is an `a1Range` or a `gridRange` (0-based, end exclusive,
   * an index left out meaning the edge of the grid).
   */
  batchGetByDataFilter(
    resource: GoogleAppsScript.Sheets.Schema.BatchGetValuesByDataFilterRequest,
    spreadsheetId: string,
  ): GoogleAppsScript.Sheets.Schema.BatchGetValuesByDataFilterResponse {
    const method = 'Spreadsheets.Values.batchGetByDataFilter';
    const options = this.renderOptions(resource);
    const book = this.book(method, spreadsheetId, false);
    const filters = resource?.dataFilters ?? [];
    const reads = filters.map((filter) => {
      if (filter.a1Range !== undefined) return this.read(method, book, filter.a1Range, options);
      const grid = filter.gridRange;
      const sheet = book._sheets.find((s) => s._data.sheetId === (grid?.sheetId ?? 0));
      if (!grid || !sheet)
        return this.fail(method, API_MESSAGES.unparsable(JSON.stringify(filter)));
      const { maxRows, maxColumns, name } = sheet._data;
      const a1 = formatApiRange(
        name,
        grid.startRowIndex ?? 0,
        grid.startColumnIndex ?? 0,
        grid.endRowIndex ?? maxRows,
        grid.endColumnIndex ?? maxColumns,
      );
      return this.read(method, book, a1, options);
    });
    this.kernel.noteCells(
      reads.reduce((sum, read) => sum + read.cells, 0),
      0,
    );
    return {
      spreadsheetId: book.getId(),
      ...(reads.length
        ? {
            valueRanges: reads.map((read, i) => ({
              valueRange: read.valueRange,
              dataFilters: [filters[i]],
            })),
          }
        : {}),
    };
  }

  get(spreadsheetId: string, range: string, optionalArgs?: object): ValueRange {
    const method = 'Spreadsheets.Values.get';
    const book = this.book(method, spreadsheetId, false);
    const read = this.read(method, book, range, this.renderOptions(optionalArgs));
    this.kernel.noteCells(read.cells, 0);
    return read.valueRange;
  }
}
