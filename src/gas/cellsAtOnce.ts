// Several blocks of one tab read in a single call (the Sheets service's batchGetByDataFilter): one
// call is one moment, so a Lead ID column and cells far to its right cannot come from either side
// of a person's sort, while the columns in between are never read.

import { type TimeZone } from '../sheet/calendar';
import { columnSpans } from './columnReads';
import { readDate } from '../sheet/dateCells';
import { CONVERSION_COLUMNS, FOLLOWUP_COLUMNS, LEAD_COLUMNS, POOL_COLUMNS } from '../sheet/tabs';
import { hasSheetsService, sheetsService } from './sheetsService';
import { rowsToEnd } from './rowsToEnd';
import type { Sheet, Spreadsheet } from './workbook';
import { sheetIdOf, spreadsheetIdOf } from './workbook';

/**
 * A block of cells: 0-based sheet row and column, and its size. With `toEnd`, `rows` is ignored:
 * the block runs to the tab's last row as it is at the moment of the read, and comes back as long
 * as its last non-blank row (a row count read in another call could be stale by then).
 */
export interface CellBlock {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
  readonly toEnd?: boolean;
}

/**
 * Data rows (0-based, any order, repeats allowed) as blocks of `width` columns from column A, one
 * per run of consecutive rows, for the tab whose header is on sheet row `headerRow` (1-based).
 */
export function rowBlocks(headerRow: number, rows: readonly number[], width: number): CellBlock[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const blocks: CellBlock[] = [];
  for (const row of sorted) {
    const open = blocks[blocks.length - 1];
    if (open && open.row + open.rows === headerRow + row) {
      blocks[blocks.length - 1] = { ...open, rows: open.rows + 1 };
    } else blocks.push({ row: headerRow + row, column: 0, rows: 1, columns: width });
  }
  return blocks;
}

/** Keys of the columns that hold dates, in any tab: the service hands their cells over as serial numbers. */
export const DATE_KEYS: ReadonlySet<string> = new Set(
  [...LEAD_COLUMNS, ...POOL_COLUMNS, ...FOLLOWUP_COLUMNS, ...CONVERSION_COLUMNS]
    .filter((c) => c.format === 'date' || c.format === 'datetime')
    .map((c) => c.key),
);

/** The 0-based columns of a tab whose key is a date column. */
export function dateColumnsOf(index: Partial<Record<string, number>>): Set<number> {
  const columns = new Set<number>();
  for (const [key, column] of Object.entries(index))
    if (column !== undefined && DATE_KEYS.has(key)) columns.add(column);
  return columns;
}

/** The columns (0-based) whose numbers are dates, and the zone they are read in. */
export interface DateColumns {
  readonly columns: ReadonlySet<number>;
  readonly zone: TimeZone;
}

/** Whether a block has cells to read. */
const hasCells = (b: CellBlock) => (b.toEnd || b.rows > 0) && b.columns > 0;

/**
 * The service's answer for the blocks that have cells, in one call, column by column: a long
 * tab's few columns arrive as a few arrays rather than an array for every row.
 */
function askForBlocks(
  spreadsheet: Spreadsheet,
  sheet: Sheet,
  blocks: readonly CellBlock[],
): GoogleAppsScript.Sheets.Schema.MatchedValueRange[] {
  if (!hasSheetsService()) return blocksFromSpan(sheet, blocks);
  const sheetId = sheetIdOf(sheet);
  const read = sheetsService().Spreadsheets.Values.batchGetByDataFilter(
    {
      dataFilters: blocks.map((b) => ({
        gridRange: {
          sheetId,
          startRowIndex: b.row,
          ...(b.toEnd ? {} : { endRowIndex: b.row + b.rows }),
          startColumnIndex: b.column,
          endColumnIndex: b.column + b.columns,
        },
      })),
      majorDimension: 'COLUMNS',
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'SERIAL_NUMBER',
    },
    spreadsheetIdOf(spreadsheet),
  );
  return read.valueRanges ?? [];
}

/**
 * The blocks' cells without the Sheets service: the span from the first to the last of them read
 * in one getValues, so they still come from one moment, in the shape the service answers in. A
 * block to the end runs to the tab's last row with content, read past the last row asked for.
 */
function blocksFromSpan(
  sheet: Sheet,
  blocks: readonly CellBlock[],
): GoogleAppsScript.Sheets.Schema.MatchedValueRange[] {
  const top = Math.min(...blocks.map((b) => b.row));
  const left = Math.min(...blocks.map((b) => b.column));
  const right = Math.max(...blocks.map((b) => b.column + b.columns));
  const fixedBottom = Math.max(top, ...blocks.filter((b) => !b.toEnd).map((b) => b.row + b.rows));
  const span = blocks.some((b) => b.toEnd)
    ? rowsToEnd(sheet, top + 1, left + 1, right - left, fixedBottom - top)
    : fixedBottom > top
      ? sheet.getRange(top + 1, left + 1, fixedBottom - top, right - left).getValues()
      : [];
  return blocks.map((b) => {
    const lines = span.slice(b.row - top, b.toEnd ? span.length : b.row + b.rows - top);
    const values = Array.from({ length: b.columns }, (_, c) => {
      const cells = lines.map((line) => line[b.column - left + c]);
      // As the service answers a block to the end: each column stops at its last cell with content.
      if (b.toEnd) while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      return cells;
    });
    return { valueRange: { majorDimension: 'COLUMNS', values } };
  });
}

/**
 * A date for a serial number, as getValues gives one: a date column repeats its days, so each
 * serial number's instant is worked out once per read, and every cell still gets a Date of its own.
 */
function datesOnce(zone: TimeZone): (serial: number) => unknown {
  const instants = new Map<number, number | undefined>();
  return (serial) => {
    let ms = instants.get(serial);
    if (ms === undefined && !instants.has(serial)) {
      ms = readDate(serial, zone)?.getTime();
      instants.set(serial, ms);
    }
    return ms === undefined ? serial : new Date(ms);
  };
}

/**
 * The values of each block, row by row and padded to its full size ('' for a blank cell), as
 * getValues would give them: text as text, numbers as numbers, and a number in one of the
 * `dates` columns as the date it stands for in the spreadsheet's zone.
 */
export function readBlocksAtOnce(
  spreadsheet: Spreadsheet,
  sheet: Sheet,
  blocks: readonly CellBlock[],
  dates?: DateColumns,
): unknown[][][] {
  const read = readBlockColumns(spreadsheet, sheet, blocks, dates);
  return blocks.map((block, b) => (hasCells(block) ? rowsOf(read[b]) : []));
}

/**
 * The values of each block, column by column, in one call: each column `rows` long ('' for a
 * blank cell, a number in one of the `dates` columns as a date of its own), or with `toEnd` as
 * long as the block's longest column.
 */
export function readBlockColumns(
  spreadsheet: Spreadsheet,
  sheet: Sheet,
  blocks: readonly CellBlock[],
  dates?: DateColumns,
): unknown[][][] {
  const wanted = blocks.filter(hasCells);
  if (wanted.length === 0) return blocks.map((b) => emptyColumns(b));
  const ranges = askForBlocks(spreadsheet, sheet, wanted);
  const dateOf = dates && datesOnce(dates.zone);
  let next = 0;
  return blocks.map((block) => {
    if (!hasCells(block)) return emptyColumns(block);
    // The service leaves out trailing blank columns, and trailing blank cells of each column.
    const answer = ranges[next++]?.valueRange;
    const values: unknown[][] = columnsOfAnswer(
      answer?.values ?? [],
      answer?.majorDimension,
      block,
    );
    const rows = block.toEnd
      ? values.reduce((most, column) => Math.max(most, column?.length ?? 0), 0)
      : block.rows;
    const columns: unknown[][] = new Array(block.columns);
    for (let c = 0; c < block.columns; c++) {
      const cells: unknown[] = values[c] ?? [];
      const given = cells.length;
      if (given > rows) cells.length = rows;
      const isDateColumn = !!dateOf && !!dates?.columns.has(block.column + c);
      // The answer's arrays are this call's own: each is padded and given its dates in place.
      for (let r = 0; r < rows; r++) {
        const value: unknown = r < given ? cells[r] : undefined;
        if (value === undefined || value === null) cells[r] = '';
        else if (isDateColumn && typeof value === 'number' && dateOf) cells[r] = dateOf(value);
      }
      columns[c] = cells;
    }
    return columns;
  });
}

/**
 * An answer's values as columns. Google's answer names its major dimension, and one that names
 * rows is read as rows. One that names none is taken as asked, by columns, unless it holds more
 * arrays than the block has columns: then they can only be rows.
 */
function columnsOfAnswer(
  values: unknown[][],
  majorDimension: string | undefined,
  block: CellBlock,
): unknown[][] {
  const byColumns =
    majorDimension !== undefined ? majorDimension === 'COLUMNS' : values.length <= block.columns;
  return byColumns ? values : columnsOf(values);
}

/** Rows of cells as columns; a row left out or cut short is a run of blank cells in each column. */
export function columnsOf(rows: readonly (readonly unknown[] | undefined)[]): unknown[][] {
  const width = rows.reduce((most, row) => Math.max(most, row?.length ?? 0), 0);
  return Array.from({ length: width }, (_, c) => Array.from(rows, (row) => row?.[c] ?? ''));
}

/** Columns of cells, each as long as the first, as rows: one array per row, as getValues gives. */
export function rowsOf(columns: readonly (readonly unknown[])[]): unknown[][] {
  const count = columns[0]?.length ?? 0;
  return Array.from({ length: count }, (_, r) => columns.map((cells) => cells[r]));
}

function emptyColumns(block: CellBlock): unknown[][] {
  const rows = block.toEnd ? 0 : Math.max(0, block.rows);
  return Array.from({ length: Math.max(0, block.columns) }, () => Array<unknown>(rows).fill(''));
}

/**
 * Some columns (0-based) of the `rows` data rows below sheet row `headerRow`, in one call, each
 * column as one array `rows` long, as readBlockColumns gives them.
 */
export function readColumnsAtOnce(
  spreadsheet: Spreadsheet,
  sheet: Sheet,
  headerRow: number,
  rows: number,
  columns: readonly number[],
  dates?: DateColumns,
): unknown[][] {
  const spans = columnSpans(columns);
  const blocks = spans.map((span) => ({
    row: headerRow,
    column: span.first,
    rows,
    columns: span.last - span.first + 1,
  }));
  const read = readBlockColumns(spreadsheet, sheet, blocks, dates);
  const byColumn = new Map<number, unknown[]>();
  blocks.forEach((block, b) =>
    read[b].forEach((cells, c) => byColumn.set(block.column + c, cells)),
  );
  return columns.map((column) => byColumn.get(column) as unknown[]);
}
