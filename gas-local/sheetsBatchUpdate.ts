// Sheets.Spreadsheets.batchUpdate for row, column and cell-block requests: every request is checked
// against the grid as the earlier ones leave it, then all are applied, or none when one is invalid.

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
type GridRange = GoogleAppsScript.Sheets.Schema.GridRange;

/** A GridRange resolved against its tab's size: 0-based start, end exclusive. */
interface Block {
  readonly grid: Grid;
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

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
    if (kind === 'appendDimension') {
      const append = request.appendDimension ?? {};
      return this.appendDimension(
        { sheetId: append.sheetId, dimension: append.dimension },
        append.length ?? 0,
        prefix,
        grids,
      );
    }
    if (kind === 'copyPaste') return this.copyPaste(request.copyPaste ?? {}, prefix, grids);
    if (kind === 'updateCells') return this.updateCells(request.updateCells ?? {}, prefix, grids);
    throw this.kernel.error(MESSAGES.notImplemented(`Sheets.Spreadsheets.batchUpdate ${kind}`));
  }

  /** A GridRange inside its tab; a side left out is the tab's edge. */
  private block(range: GridRange, prefix: string, grids: Map<number, Grid>): Block {
    const sheetId = range.sheetId ?? 0;
    const grid = grids.get(sheetId);
    if (!grid) this.fail(`${prefix}${API_MESSAGES.noGrid(sheetId)}`);
    this.kernel.noteSheet(grid.data.name);
    const row = range.startRowIndex ?? 0;
    const column = range.startColumnIndex ?? 0;
    const endRow = range.endRowIndex ?? grid.rows;
    const endColumn = range.endColumnIndex ?? grid.columns;
    if (row < 0 || column < 0 || endRow > grid.rows || endColumn > grid.columns)
      this.fail(`${prefix}${API_MESSAGES.outsideGrid(grid.data.name, grid.rows, grid.columns)}`);
    return {
      grid,
      row,
      column,
      rows: Math.max(0, endRow - row),
      columns: Math.max(0, endColumn - column),
    };
  }

  /**
   * Copies a block with everything it holds (PASTE_NORMAL). A destination that spans a multiple of
   * the source repeats it; a smaller one still takes the whole source from its top-left cell.
   */
  private copyPaste(
    request: GoogleAppsScript.Sheets.Schema.CopyPasteRequest,
    prefix: string,
    grids: Map<number, Grid>,
  ): Step {
    const type = request.pasteType ?? 'PASTE_NORMAL';
    const orientation = request.pasteOrientation ?? 'NORMAL';
    if (type !== 'PASTE_NORMAL' || orientation !== 'NORMAL')
      throw this.kernel.error(MESSAGES.notImplemented(`copyPaste ${type} ${orientation}`));
    const source = this.block(request.source ?? {}, prefix, grids);
    const target = this.block(request.destination ?? {}, prefix, grids);
    const timesDown = Math.max(1, Math.floor(target.rows / Math.max(1, source.rows)));
    const timesAcross = Math.max(1, Math.floor(target.columns / Math.max(1, source.columns)));
    const rows = source.rows * timesDown;
    const columns = source.columns * timesAcross;
    if (target.row + rows > target.grid.rows || target.column + columns > target.grid.columns)
      this.fail(
        `${prefix}${API_MESSAGES.outsideGrid(target.grid.data.name, target.grid.rows, target.grid.columns)}`,
      );
    return () => {
      const cells = source.grid.data.copyCells(
        source.row,
        source.column,
        source.rows,
        source.columns,
      );
      for (let down = 0; down < timesDown; down++)
        for (let across = 0; across < timesAcross; across++)
          target.grid.data.pasteCells(
            target.row + down * source.rows,
            target.column + across * source.columns,
            cells,
          );
    };
  }

  /** Only the form that clears a block: no rows given, so every field named is emptied. */
  private updateCells(
    request: GoogleAppsScript.Sheets.Schema.UpdateCellsRequest,
    prefix: string,
    grids: Map<number, Grid>,
  ): Step {
    if (request.rows !== undefined || request.start !== undefined || request.fields !== '*')
      throw this.kernel.error(MESSAGES.notImplemented('updateCells other than clearing a range'));
    const block = this.block(request.range ?? {}, prefix, grids);
    return () => block.grid.data.clearCells(block.row, block.column, block.rows, block.columns);
  }

  private appendDimension(
    range: DimensionRange,
    length: number,
    prefix: string,
    grids: Map<number, Grid>,
  ): Step {
    if (length < 1) this.fail(`${prefix}${API_MESSAGES.appendLength}`);
    const grid = this.grid(range, prefix, grids);
    // Appended rows and columns start bare: they copy no neighbour's format.
    if (range.dimension === 'ROWS') {
      const at = grid.rows;
      grid.rows += length;
      return () => grid.data.insertRows(at, length, 'none');
    }
    const at = grid.columns;
    grid.columns += length;
    return () => grid.data.insertColumns(at, length);
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
