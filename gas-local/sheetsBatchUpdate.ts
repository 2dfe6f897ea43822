// Sheets.Spreadsheets.batchUpdate for row and column requests: every request is checked against
// the grid as the earlier ones leave it, then all are applied, or none when one is invalid.

import { asJson } from './apiCells';
import { MESSAGES } from './errors';
import type { Implements } from './implements';
import type { Kernel } from './kernel';
import { API_MESSAGES, GRID_MESSAGES } from './sheetsMessages';
import { type OpenSpreadsheet, openForApi } from './sheetsValues';
import type { SheetData } from './sheetData';

type SpreadsheetsCollection = GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection;
type Request = GoogleAppsScript.Sheets.Schema.Request;
type DimensionRange = GoogleAppsScript.Sheets.Schema.DimensionRange;

/** A tab's size as the requests so far have left it. */
interface Grid {
  readonly data: SheetData;
  rows: number;
  columns: number;
  frozenRows: number;
  frozenColumns: number;
}

type Step = () => void;

const METHOD = 'Spreadsheets.batchUpdate';

export class LocalSheetsSpreadsheets implements Implements<SpreadsheetsCollection, 'batchUpdate'> {
  constructor(
    private readonly kernel: Kernel,
    private readonly open: OpenSpreadsheet,
  ) {}

  private fail(message: string): never {
    throw this.kernel.apiError(METHOD, message);
  }

  batchUpdate(
    resource: object,
    spreadsheetId: string,
  ): GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse {
    const body = asJson(
      resource ?? {},
    ) as GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest;
    const book = openForApi(this.open, spreadsheetId, true, (message) => this.fail(message));
    const grids = new Map<number, Grid>(
      book._sheets.map(({ _data: data }) => [
        data.sheetId,
        {
          data,
          rows: data.maxRows,
          columns: data.maxColumns,
          frozenRows: data.frozenRows,
          frozenColumns: data.frozenColumns,
        },
      ]),
    );
    const requests = body.requests ?? [];
    const steps = requests.map((request, i) => this.check(request, i, grids));
    for (const step of steps) step();
    return { spreadsheetId: book.getId(), replies: requests.map(() => ({})) };
  }

  private check(request: Request, index: number, grids: Map<number, Grid>): Step {
    const kinds = Object.keys(request ?? {});
    if (kinds.length !== 1)
      this.fail(`Invalid requests[${index}]: exactly one kind of request must be set.`);
    const [kind] = kinds;
    const prefix = `Invalid requests[${index}].${kind}: `;
    if (kind === 'deleteDimension')
      return this.deleteDimension(request.deleteDimension?.range ?? {}, prefix, grids);
    if (kind === 'insertDimension') {
      const insert = request.insertDimension ?? {};
      return this.insertDimension(
        insert.range ?? {},
        insert.inheritFromBefore === true,
        prefix,
        grids,
      );
    }
    throw this.kernel.error(MESSAGES.notImplemented(`Sheets.Spreadsheets.batchUpdate ${kind}`));
  }

  private grid(range: DimensionRange, prefix: string, grids: Map<number, Grid>): Grid {
    // A field left out of the request is 0 in the API, so a missing sheetId means sheet 0.
    const sheetId = range.sheetId ?? 0;
    const grid = grids.get(sheetId);
    if (!grid) this.fail(`${prefix}${API_MESSAGES.noGrid(sheetId)}`);
    this.kernel.noteSheet(grid.data.name);
    if (range.dimension !== 'ROWS' && range.dimension !== 'COLUMNS')
      throw this.kernel.error(MESSAGES.notImplemented(`dimension ${String(range.dimension)}`));
    return grid;
  }

  private deleteDimension(range: DimensionRange, prefix: string, grids: Map<number, Grid>): Step {
    const grid = this.grid(range, prefix, grids);
    const rows = range.dimension === 'ROWS';
    const size = rows ? grid.rows : grid.columns;
    const frozen = rows ? grid.frozenRows : grid.frozenColumns;
    const start = range.startIndex ?? 0;
    const end = range.endIndex ?? size;
    if (end <= start) return () => undefined;
    if (end > size) {
      const message = rows ? API_MESSAGES.noSuchRow : API_MESSAGES.noSuchColumn;
      this.fail(`${prefix}${message(end - 1, size)}`);
    }
    if (start <= frozen && end >= size) {
      const refusal = rows ? GRID_MESSAGES.allNonFrozenRows : GRID_MESSAGES.allNonFrozenColumns;
      this.fail(`${prefix}${refusal}`);
    }
    const count = end - start;
    const lostFrozen = Math.max(0, Math.min(end, frozen) - start);
    if (rows) {
      grid.rows -= count;
      grid.frozenRows -= lostFrozen;
      return () => grid.data.deleteRows(start, count);
    }
    grid.columns -= count;
    grid.frozenColumns -= lostFrozen;
    return () => grid.data.deleteColumns(start, count);
  }

  private insertDimension(
    range: DimensionRange,
    inheritFromBefore: boolean,
    prefix: string,
    grids: Map<number, Grid>,
  ): Step {
    const grid = this.grid(range, prefix, grids);
    const rows = range.dimension === 'ROWS';
    const size = rows ? grid.rows : grid.columns;
    const start = range.startIndex ?? 0;
    const count = (range.endIndex ?? start) - start;
    if (count <= 0) return () => undefined;
    if (start > size)
      this.fail(`${prefix}range.startIndex is larger than current grid size (${size})`);
    // New rows copy their neighbours' format, so there must be a neighbour on the chosen side.
    if (start === size && !inheritFromBefore)
      this.fail(
        `${prefix}range.startIndex must be less than the grid size (${size}) if inheritFromBefore is false.`,
      );
    if (start === 0 && inheritFromBefore)
      this.fail(`${prefix}range.startIndex must be greater than 0 if inheritFromBefore is true.`);
    if (rows) {
      grid.rows += count;
      if (start < grid.frozenRows) grid.frozenRows += count;
      return () => grid.data.insertRows(start, count, inheritFromBefore ? 'before' : 'after');
    }
    grid.columns += count;
    if (start < grid.frozenColumns) grid.frozenColumns += count;
    return () => grid.data.insertColumns(start, count);
  }
}
