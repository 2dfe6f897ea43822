// Writes an operation's decisions into tabs that people edit, sort and paste into meanwhile: cell
// changes by Lead ID (only the changed cells, checked and put right after writing), rows appended
// below whatever is there at that moment, and rows deleted by Lead ID without ever taking another.

import { appendAll } from '../sheet/lists';
import { columnLetter, type TabName, tabNameOf } from '../sheet/a1';
import { type TimeZone, zonedTime } from '../sheet/calendar';
import { isDate } from '../sheet/calendar';
import { readDate } from '../sheet/dateCells';
import { textOf } from '../sheet/cells';
import type { Language } from '../sheet/language';
import { LEAD_COLUMNS } from '../sheet/tabs';
import { AUTOMATION, ERRORS, inEveryLanguage, t } from '../sheet/text';
import {
  type CellWrites,
  foundMoreOftenThanPlanned,
  type Grid,
  type LeadEdits,
  placeEdits,
  type Placement,
  type Rectangle,
  rectanglesOf,
  repairsAfterWrite,
  type RowIdentity,
  type Unrestored,
} from '../sheet/placement';
import { withGapsRefilled } from '../sheet/refilledGaps';
import { asCellValue } from './cellWriter';
import { type ValueGroup, valueGroups } from '../sheet/valueGroups';
import {
  type CellBlock,
  columnsOf,
  dateColumnsOf,
  readBlockColumns,
  readBlocksAtOnce,
  rowBlocks,
  rowsOf,
} from './cellsAtOnce';
import { CELLS_PER_CALL, columnSpans } from './columnReads';
import { hasSheetsService, sheetsService } from './sheetsService';
import { unlessGridShrank } from './rowsToEnd';
import { readColumnsApart } from './columnsApart';
import type { Sheet, Spreadsheet } from './workbook';
import { spreadsheetIdOf } from './workbook';

/** Rounds of writing or deleting again after people moved rows, before giving up. */
export const MAX_ROUNDS = 4;

export class RowsKeptMovingError extends Error {
  constructor(tab: string) {
    super(inEveryLanguage(ERRORS.rowsKeptMoving, tab));
    this.name = 'RowsKeptMovingError';
  }
}

/** How cells are written: the Sheets service writes many ranges in one call; a simple trigger may not use it. */
export type WriteMode = 'batch' | 'ranges';

/**
 * Whether many ranges go in one call: with the Sheets service, unless a simple trigger (which may
 * not use it) writes. Without it, a read of scattered rows would span the tab each time.
 */
export const rangesAtOnce = (target: CommitTarget): boolean =>
  target.mode === 'batch' && hasSheetsService();

export interface CommitTarget {
  readonly spreadsheet: Spreadsheet;
  readonly sheet: Sheet;
  /** 1-based row of the header; data rows follow it. */
  readonly headerRow: number;
  readonly identity: RowIdentity;
  readonly zone: TimeZone;
  readonly mode: WriteMode;
  /** Columns holding dates, which the Sheets service reads as serial numbers. */
  readonly dateColumns?: ReadonlySet<number>;
  /**
   * Columns the operation computes for every lead it writes (a score, its grade and breakdown):
   * written range by range, a gap between two written blocks there may be written again with
   * what it holds, to write both in one range (withGapsRefilled).
   */
  readonly refillable?: ReadonlySet<number>;
}

export type CommitResult = Omit<Placement, 'writes' | 'leadAt'> & {
  readonly cellsWritten: number;
  /** Rows whose written cells landed on another lead (people moved rows) and were put right. */
  readonly misplaced: number;
  /**
   * Leads a person's sort slid onto a written row from rows no read of the operation held: the
   * cells written there are cleared, their earlier values unknown, and the Log names them. Their
   * `row` is the sheet row (1-based).
   */
  readonly unrestored: readonly Unrestored[];
};

/** Data rows to read first (0-based), when an operation knows where its few leads are. */
export interface RowWindow {
  readonly first: number;
  readonly count: number;
  /**
   * Data rows the grid is known to have (asked once by the caller): the window stops at them and
   * is read without first asking how long the tab is, one call fewer for each read. Blank rows
   * past the last lead read as blank.
   */
  readonly rowsThere?: number;
  /**
   * The window's cells as the caller read them, in its last call before the commit: the commit
   * places the edits by them instead of reading the window again (no person can have moved a row
   * in between, as no call was made), and checks after writing as always.
   */
  readonly read?: Grid;
  /**
   * The window as the caller first read it, when calls came between that read and the commit:
   * a new lead a person went on typing into meanwhile is still found on its row (placeEdits).
   */
  readonly asRead?: Grid;
}

/**
 * Data rows (0-based) where the leads to change were read, scattered through a long tab: with the
 * Sheets service, only these rows are read, the Lead ID and the changed columns.
 */
export interface ScatteredRows {
  readonly scattered: readonly number[];
  /** Data rows of the tab when they were read: what reading whole columns would cost. */
  readonly total: number;
}

type RowsToRead = RowWindow | ScatteredRows;

/**
 * Ranges one scattered read asks for in one call. Each is about 150 bytes in the request body (a
 * POST, so no URL limit); a thousand keep the request near 150 KB.
 */
const MAX_SCATTERED_RUNS = 1_000;
/**
 * Calls a scattered read may take: ten calls (about 0.3 s on Google) still cost far less than
 * reading the changed columns over every row of a tab long enough to need them.
 */
const MAX_SCATTERED_CALLS = 10;

/**
 * The changed rows as a scattered read, when they are few enough that reading them may beat
 * reading their columns over every row: at most a quarter of the rows, in at most 10,000 separate
 * runs. The read itself weighs the calls and cells of both (scatteredSpans).
 */
export function scatteredIfFew(rows: readonly number[], total: number): ScatteredRows | undefined {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  if (sorted.length === 0 || sorted.length > total / 4) return undefined;
  const runs = sorted.filter((row, i) => i === 0 || row !== sorted[i - 1] + 1).length;
  return runs <= MAX_SCATTERED_RUNS * MAX_SCATTERED_CALLS
    ? { scattered: sorted, total }
    : undefined;
}

type Span = { first: number; last: number };
const width = (spans: readonly Span[]) =>
  spans.reduce((sum, span) => sum + span.last - span.first + 1, 0);

/**
 * The column spans to read on each run of the scattered rows (each changed span on its own, or one
 * from the first to the last, whichever costs less in calls and cells), or undefined when the
 * changed columns over every row cost less than either: one call against many.
 */
function scatteredSpans(
  columns: readonly number[],
  scattered: ScatteredRows,
  runs: number,
): Span[] | undefined {
  const apart = columnSpans(columns);
  const spanning = [{ first: Math.min(...columns), last: Math.max(...columns) }];
  const cost = (spans: readonly Span[]) =>
    scatteredCalls(runs, spans) * CELLS_PER_CALL + scattered.scattered.length * width(spans);
  const cheaper = cost(apart) <= cost(spanning) ? apart : spanning;
  return scatteredCalls(runs, cheaper) <= MAX_SCATTERED_CALLS &&
    cost(cheaper) < CELLS_PER_CALL + scattered.total * width(apart)
    ? cheaper
    : undefined;
}

/** Runs of rows one call reads: whole runs only, so a row's cells all come from one moment. */
const runsPerCall = (spans: readonly Span[]) =>
  Math.max(1, Math.floor(MAX_SCATTERED_RUNS / spans.length));

/** The calls a scattered read of `runs` runs of rows takes, each run with every span. */
const scatteredCalls = (runs: number, spans: readonly Span[]) =>
  Math.ceil(runs / runsPerCall(spans));

/** A grid and the number of calls it was read in: more than one are several moments. */
type ReadGrid = Grid & { readonly calls?: number };

/**
 * Some columns of the tab over every data row, or over a window of them, read in one call: one
 * call is one moment, so the Lead IDs and the changed cells come from the same rows. Columns read
 * in several calls could come from before and after a person's sort. The Sheets service reads
 * just these columns; a simple trigger, which may not use it, reads the span from the first to
 * the last of them.
 */
function readColumnsOnce(
  target: CommitTarget,
  columns: readonly number[],
  rows?: RowsToRead,
): ReadGrid {
  if (rows && 'scattered' in rows) {
    const runs = rowBlocks(target.headerRow, rows.scattered, 1);
    const spans = rangesAtOnce(target) ? scatteredSpans(columns, rows, runs.length) : undefined;
    return spans ? readScattered(target, spans, runs) : readColumnsOnce(target, columns);
  }
  const known = rows?.rowsThere;
  if (!rows || known === undefined) return readRows(target, columns, rows);
  // Only when a person's deletion left the window past the grid's end is the tab asked its length.
  const end = Math.min(known, Math.max(0, rows.first) + rows.count);
  return unlessGridShrank(
    target.sheet,
    target.headerRow + end,
    () => readRows(target, columns, rows, known),
    () => readRows(target, columns, rows),
  );
}

/** readColumnsOnce over every data row or a window of them, up to `knownRows` when given. */
function readRows(
  target: CommitTarget,
  columns: readonly number[],
  window: RowWindow | undefined,
  knownRows?: number,
): ReadGrid {
  const { sheet, headerRow } = target;
  // Without a window the Sheets service reads to the tab's end as it is at that moment: a last row
  // asked for in an earlier call could leave out the last lead after a person inserted a row.
  const toEnd = target.mode === 'batch' && !window;
  const lastRow = toEnd ? Infinity : (knownRows ?? Math.max(0, sheet.getLastRow() - headerRow));
  const top = window ? Math.min(Math.max(0, window.first), lastRow) : 0;
  let end = window ? Math.min(lastRow, top + window.count) : lastRow;
  let byColumn = new Map<number, unknown[]>();
  // Without the Sheets service, columns far apart are read apart, their Lead IDs checked again.
  const apart =
    end > top && !rangesAtOnce(target)
      ? readColumnsApart(
          sheet,
          headerRow + 1 + top,
          toEnd ? undefined : end - top,
          columns,
          target.identity.idColumn,
        )
      : undefined;
  if (apart) {
    byColumn = new Map(apart.byColumn);
    end = top + apart.rowCount;
  } else if (end > top) {
    const spans =
      target.mode === 'batch'
        ? columnSpans(columns)
        : [{ first: Math.min(...columns), last: Math.max(...columns) }];
    const blocks = spans.map((span) => ({
      row: headerRow + top,
      column: span.first,
      rows: toEnd ? 0 : end - top,
      columns: span.last - span.first + 1,
      toEnd,
    }));
    // Dates come from the Sheets service as serial numbers; cell() turns the few cells a commit
    // looks at into dates, not every row's.
    const values =
      target.mode === 'batch'
        ? readBlockColumns(target.spreadsheet, sheet, blocks)
        : blocks.map((b) =>
            columnsOf(sheet.getRange(b.row + 1, b.column + 1, b.rows, b.columns).getValues()),
          );
    if (toEnd) end = values.reduce((most, block) => Math.max(most, block[0]?.length ?? 0), 0);
    blocks.forEach((block, i) =>
      values[i].forEach((cells, c) => byColumn.set(block.column + c, cells)),
    );
  } else end = top;
  const dates = target.mode === 'batch' ? (target.dateColumns ?? new Set<number>()) : undefined;
  return {
    firstRow: top,
    rowCount: end,
    cell: (row, column) => {
      if (row < top) return '';
      const value = byColumn.get(column)?.[row - top] ?? '';
      return typeof value === 'number' && dates?.has(column)
        ? (readDate(value, target.zone) ?? value)
        : value;
    },
  };
}

/**
 * The given spans on the given runs of rows only (the Lead ID among them), in one call, or in
 * several past 1,000 ranges: a commit places each lead on a row read here and checks after
 * writing that the rows still hold their leads; a lead not found on these rows, or (over several
 * calls) found on more rows than it was planned for, sends it to reading whole columns.
 */
function readScattered(
  target: CommitTarget,
  spans: readonly Span[],
  runs: readonly { row: number; rows: number }[],
): ReadGrid {
  const { sheet, headerRow } = target;
  const blocks: CellBlock[] = runs.flatMap((run) =>
    spans.map((span) => ({
      row: run.row,
      column: span.first,
      rows: run.rows,
      columns: span.last - span.first + 1,
    })),
  );
  const values: unknown[][][] = [];
  const perCall = runsPerCall(spans) * spans.length;
  let calls = 0;
  for (let at = 0; at < blocks.length; at += perCall, calls++) {
    const some = blocks.slice(at, at + perCall);
    appendAll(values, readBlocksAtOnce(target.spreadsheet, sheet, some));
  }
  const cells = new Map<number, Map<number, unknown>>();
  blocks.forEach((block, i) =>
    values[i].forEach((line, r) => {
      const row = block.row - headerRow + r;
      const known = cells.get(row) ?? new Map<number, unknown>();
      line.forEach((value, c) => known.set(block.column + c, value));
      cells.set(row, known);
    }),
  );
  const rows = [...cells.keys()].sort((a, b) => a - b);
  const dates = target.dateColumns ?? new Set<number>();
  return {
    calls,
    firstRow: rows[0] ?? 0,
    rowCount: rows.length ? rows[rows.length - 1] + 1 : 0,
    rows,
    cell: (row, column) => {
      const value = cells.get(row)?.get(column) ?? '';
      return typeof value === 'number' && dates.has(column)
        ? (readDate(value, target.zone) ?? value)
        : value;
    },
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A value as the Sheets service takes it: a request is JSON, so a date goes as the wall time in
 * the spreadsheet's zone, which Sheets reads as a date; text keeps its leading-apostrophe guard.
 */
export function apiValue(value: unknown, zone: TimeZone): unknown {
  if (isDate(value)) {
    const t = zonedTime(value, zone);
    return `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
  }
  return asCellValue(value);
}

/** `'Leads'!B7:D9` for a rectangle of data rows (0-based) and columns (0-based). */
export function rangeA1(
  tab: string,
  headerRow: number,
  row: number,
  column: number,
  rows: number,
  columns: number,
): string {
  const name = `'${tab.replace(/'/g, "''")}'`;
  const top = headerRow + 1 + row;
  return `${name}!${columnLetter(column + 1)}${top}:${columnLetter(column + columns)}${top + rows - 1}`;
}

/** What a write call did: the cells it wrote, and those it could not (see writeCells). */
interface Written {
  readonly cells: number;
  readonly unwritten: CellWrites;
}

/**
 * Writes the cells, range by range or in one call of the Sheets service. A person who deleted rows
 * since the read can leave a range reaching past the grid's end: that call fails, and its cells
 * come back as `unwritten`, to be placed again on the rows their leads hold now. (A failure that
 * only coincides with such a deletion is met again when they are written again.)
 */
function writeCells(target: CommitTarget, writes: CellWrites): Written {
  const rectangles = rectanglesOf(writes);
  const unwritten: CellWrites = new Map();
  if (rectangles.length === 0) return { cells: 0, unwritten };
  const size = (r: Rectangle) => r.values.length * r.values[0].length;
  const lowest = (some: readonly Rectangle[]) =>
    target.headerRow + some.reduce((most, r) => Math.max(most, r.row + r.values.length), 0);
  const notWritten = (r: Rectangle) =>
    r.values.forEach((line, i) => {
      const cells = unwritten.get(r.row + i) ?? new Map<number, unknown>();
      line.forEach((value, c) => cells.set(r.column + c, value));
      unwritten.set(r.row + i, cells);
    });
  let cells = 0;
  if (!rangesAtOnce(target)) {
    // A lead's cells of several values go in one call, its block: spread over several lists, a
    // run that died between them would leave the lead half-written (an owner without its
    // assignment time, which no rerun assigns again).
    const oneValueRows = new Map([...writes].filter(([, cells]) => singleValue(cells)));
    const groups = valueGroups(oneValueRows, target.headerRow);
    if (groups.length < rectanglesOf(oneValueRows).length && listsRanges(target.sheet)) {
      const listed = writeValueGroups(target, groups);
      const rest = writeCells(target, withoutCells(writes, oneValueRows));
      for (const [row, cells] of rest.unwritten) listed.unwritten.set(row, cells);
      return { cells: listed.cells + rest.cells, unwritten: listed.unwritten };
    }
    for (const r of rectangles) {
      const range = () =>
        target.sheet.getRange(
          target.headerRow + 1 + r.row,
          r.column + 1,
          r.values.length,
          r.values[0].length,
        );
      const written = unlessGridShrank(
        target.sheet,
        lowest([r]),
        () => {
          range().setValues(r.values.map((line) => line.map(asCellValue)));
          return true;
        },
        () => false,
      );
      if (written) cells += size(r);
      else notWritten(r);
    }
    return { cells, unwritten };
  }
  // The service writes straight to the file: what SpreadsheetApp still holds must go first.
  SpreadsheetApp.flush();
  const tab = target.sheet.getName();
  const written = unlessGridShrank(
    target.sheet,
    lowest(rectangles),
    () => {
      batchUpdateCells(target, tab, rectangles);
      return true;
    },
    () => false,
  );
  // One request: all of it went, or none.
  if (written) for (const r of rectangles) cells += size(r);
  else rectangles.forEach(notWritten);
  return { cells, unwritten };
}

/** Whether every cell of a row's writes takes the same value. */
function singleValue(cells: Map<number, unknown>): boolean {
  return valueGroups(new Map([[0, cells]]), 0).length <= 1;
}

/**
 * RangeList has been part of Apps Script since 2018; environments that emulate Apps Script do not
 * all offer it, and there a range per block does the same.
 */
function listsRanges(sheet: Sheet): boolean {
  return typeof (sheet as Partial<Sheet>).getRangeList === 'function';
}

/**
 * Each value into all its cells with one RangeList call: fewer calls than a range per block when
 * many scattered cells share a few values (an hour's owners, assignment time and due times).
 */
function writeValueGroups(target: CommitTarget, groups: readonly ValueGroup[]): Written {
  const unwritten: CellWrites = new Map();
  let cells = 0;
  for (const group of groups) {
    const written = unlessGridShrank(
      target.sheet,
      group.lastRow,
      () => {
        target.sheet.getRangeList([...group.a1]).setValue(asCellValue(group.value));
        return true;
      },
      () => false,
    );
    if (written) {
      cells += group.cells.length;
      continue;
    }
    for (const [row, column] of group.cells) {
      const line = unwritten.get(row) ?? new Map<number, unknown>();
      line.set(column, group.value);
      unwritten.set(row, line);
    }
  }
  return { cells, unwritten };
}

/** The rectangles in one call of the Sheets service, as typed (text stays text). */
function batchUpdateCells(
  target: CommitTarget,
  tab: string,
  rectangles: readonly Rectangle[],
): void {
  sheetsService().Spreadsheets.Values.batchUpdate(
    {
      valueInputOption: 'USER_ENTERED',
      data: rectangles.map((r) => ({
        range: rangeA1(tab, target.headerRow, r.row, r.column, r.values.length, r.values[0].length),
        values: r.values.map((line) => line.map((v) => apiValue(v, target.zone))),
      })),
    },
    spreadsheetIdOf(target.spreadsheet),
  );
}

/**
 * Writes each lead's edits on the row that holds the lead now, only the cells that change, then
 * reads the tab again: values that landed on another lead's row (a sort, insert or delete in
 * between) are put back and written where their lead is, until every row holds its own.
 *
 * With a `window`, only those rows are read while every lead is found in them and stays there
 * (an edit of a few rows in a long tab); the first lead missing, or the first value that landed
 * on a row the window did not hold before, turns to reading every row. A lead that came onto a
 * written row from outside the rows read, just as the write happened, gets its written cells back
 * as the operation's `snapshot` (its rows as first read) held them; without one, or where the
 * snapshot never read a cell, they are cleared and named in `unrestored`, and the next scoring
 * pass refills computed cells.
 */
export function commitEdits(
  target: CommitTarget,
  leads: readonly LeadEdits[],
  window?: RowsToRead,
  snapshot?: Snapshot,
): CommitResult {
  const empty = {
    replaced: [],
    yielded: [],
    gone: [],
    cellsWritten: 0,
    misplaced: 0,
    unrestored: [],
  };
  if (leads.every((lead) => lead.edits.length === 0)) return empty;
  const given = window && 'first' in window ? window.read : undefined;
  const asRead = window && 'first' in window ? (window.read ?? window.asRead) : undefined;
  const newLeads = leads.some((lead) => !lead.key.startsWith('id:'));
  // The cells a person types tell new leads apart too, where the target's identity has them (an
  // edit, which reads the span of its columns anyway); they are read only when a new lead is written.
  const readsTyped = newLeads && (target.identity.typedColumns ?? []).length > 0;
  const identity: RowIdentity = readsTyped
    ? target.identity
    : { ...target.identity, typedColumns: [] };
  const columns = [
    ...new Set([
      identity.idColumn,
      // A row without a Lead ID yet is known by the cells a person typed; else the ID suffices,
      // but for rows the caller read whole: the check after writing must see the cells those
      // hold that tell leads apart, to find the leads alike.
      ...(given || newLeads ? identity.identityColumns : []),
      ...(readsTyped ? (identity.typedColumns ?? []) : []),
      ...leads.flatMap((lead) => lead.edits.map((edit) => edit.column)),
    ]),
  ];
  let rows = window;
  let before: ReadGrid = given
    ? onlyColumns(given, columns)
    : readColumnsOnce(target, columns, rows);
  let placement = placeEdits(leads, before, identity, asRead && onlyColumns(asRead, columns));
  // Rows read in several calls are several moments: a lead a sort moved between two of them can
  // show on two rows, and only one of them is where it is.
  const moments = (before.calls ?? 1) > 1 && foundMoreOftenThanPlanned(leads, before, identity);
  if (rows && (placement.gone.length > 0 || moments)) {
    rows = undefined;
    before = readColumnsOnce(target, columns);
    placement = placeEdits(leads, before, identity, asRead && onlyColumns(asRead, columns));
  }
  let writes =
    target.refillable && !rangesAtOnce(target)
      ? withGapsRefilled(placement.writes, before, target.refillable, identity.idColumn)
      : placement.writes;
  let cellsWritten = 0;
  let misplaced = 0;
  const unrestored: Unrestored[] = [];
  for (let round = 0; writes.size > 0; round++) {
    if (round === MAX_ROUNDS) throw new RowsKeptMovingError(target.sheet.getName());
    const written = writeCells(target, writes);
    cellsWritten += written.cells;
    const landed = withoutCells(writes, written.unwritten);
    let after = readColumnsOnce(target, columns, rows);
    let check = repairsAfterWrite(landed, before, after, identity);
    if (rows && (check.repairs.size > 0 || written.unwritten.size > 0)) {
      rows = undefined;
      after = readColumnsOnce(target, columns);
      check = repairsAfterWrite(landed, before, after, identity, asGrid(snapshot, columns));
    }
    misplaced += check.misplaced;
    appendAll(
      unrestored,
      check.unrestored.map((u) => ({ ...u, row: target.headerRow + 1 + u.row })),
    );
    writes = check.repairs;
    if (written.unwritten.size > 0) {
      // A repair is not one lead's edit: a write of repairs that fails is one move too many.
      if (round > 0) throw new RowsKeptMovingError(target.sheet.getName());
      placeAgain(leads, placement, written.unwritten, after, writes, identity);
    }
    before = after;
  }
  const { replaced, yielded, gone } = placement;
  return { replaced, yielded, gone, cellsWritten, misplaced, unrestored };
}

/**
 * The operation's own cells whose write failed, placed again on the rows their leads hold now in
 * `after`, as the `repairs` will leave it (the commit's own misplaced value is no person's), and
 * added to `repairs`. What the placement finds (a value a person typed, a group that yields, a
 * lead gone) joins the first placement's report, once each.
 */
function placeAgain(
  leads: readonly LeadEdits[],
  placement: Placement,
  unwritten: CellWrites,
  after: Grid,
  repairs: CellWrites,
  identity: RowIdentity,
): void {
  const retry = editsNotWritten(leads, placement.leadAt, unwritten);
  const again = placeEdits(retry, withRepairs(after, repairs), identity);
  for (const [row, cells] of again.writes)
    repairs.set(row, new Map([...(repairs.get(row) ?? []), ...cells]));
  const said = new Set(placement.replaced.map((r) => `${r.key}\u0000${r.column}`));
  const dropped = new Set(placement.yielded.map((y) => `${y.key}\u0000${y.group}`));
  // Leads with nothing left to write take their rows only to keep the others' in order.
  const retried = new Set(retry.filter((lead) => lead.edits.length > 0).map((l) => l.key));
  appendAll(
    placement.replaced,
    again.replaced.filter((r) => !said.has(`${r.key}\u0000${r.column}`)),
  );
  appendAll(
    placement.yielded,
    again.yielded.filter((y) => !dropped.has(`${y.key}\u0000${y.group}`)),
  );
  appendAll(
    placement.gone,
    again.gone.filter((key) => retried.has(key)),
  );
}

/** The writes less the cells that were not written. */
function withoutCells(writes: CellWrites, unwritten: CellWrites): CellWrites {
  if (unwritten.size === 0) return writes;
  const landed: CellWrites = new Map();
  for (const [row, cells] of writes) {
    const kept = new Map([...cells].filter(([column]) => !unwritten.get(row)?.has(column)));
    if (kept.size > 0) landed.set(row, kept);
  }
  return landed;
}

/**
 * The plan again, each lead in its place (a lead keeps its turn among rows that look alike), with
 * only the edits whose write failed: those the placement put on a row of `unwritten`.
 */
function editsNotWritten(
  leads: readonly LeadEdits[],
  leadAt: ReadonlyMap<number, number>,
  unwritten: CellWrites,
): LeadEdits[] {
  const failed = new Map<number, ReadonlyMap<number, unknown>>();
  for (const [row, cells] of unwritten) {
    const at = leadAt.get(row);
    if (at !== undefined) failed.set(at, cells);
  }
  return leads.map((lead, at) => {
    const cells = failed.get(at);
    return { key: lead.key, edits: cells ? lead.edits.filter((e) => cells.has(e.column)) : [] };
  });
}

/** The grid as it will be once `writes` are made. */
function withRepairs(grid: Grid, writes: CellWrites): Grid {
  return {
    ...grid,
    cell: (row, column) => {
      const cells = writes.get(row);
      return cells?.has(column) ? cells.get(column) : grid.cell(row, column);
    },
  };
}

/**
 * A grid the caller read, showing only the columns the commit reads itself: the check after
 * writing tells leads apart by the cells its own read holds, and must find them alike before.
 */
function onlyColumns(grid: Grid, columns: readonly number[]): Grid {
  const read = new Set(columns);
  return { ...grid, cell: (row, column) => (read.has(column) ? grid.cell(row, column) : '') };
}

/**
 * The operation's rows as first read, as a grid a repair can look a lead up in: only the columns
 * the commit reads, so a lead is told apart by the same cells as in the commit's own reads.
 */
function asGrid(snapshot: Snapshot | undefined, columns: readonly number[]): Grid | undefined {
  if (!snapshot) return undefined;
  const read = new Set(columns);
  const { rows, knows } = 'rows' in snapshot ? snapshot : { rows: snapshot, knows: undefined };
  return {
    rowCount: rows.length,
    cell: (row, column) => {
      if (!read.has(column)) return '';
      // undefined: a cell the operation never read, which a repair must not take for blank.
      if (knows && !knows(row, column)) return undefined;
      return rows[row]?.[column] ?? '';
    },
  };
}

/**
 * An operation's rows as it first read them; with `knows`, only some cells of some rows were
 * read (a narrow read), and the others are placeholders.
 */
export type Snapshot =
  | readonly (readonly unknown[])[]
  | {
      readonly rows: readonly (readonly unknown[])[];
      readonly knows: (row: number, column: number) => boolean;
    };

/**
 * Appends rows below the last row with content at the moment of writing, in one call: rows a
 * person pasted meanwhile stay where they are, above the new ones. Text stays text. Rows are
 * inserted for them, so anything a person keeps further down moves down instead of being
 * overwritten; a tab only the tracker writes (the Log) fills its spare rows instead. Returns the
 * sheet row (1-based) the first of them landed on, as the write itself tells it where it can;
 * without the Sheets service, only when `landedRow` asks (one call more).
 */
export function appendRowsNow(
  target: CommitTarget,
  rows: readonly (readonly unknown[])[],
  spareRows: 'insert' | 'fill' = 'insert',
  options: { readonly landedRow?: boolean } = {},
): number | undefined {
  if (rows.length === 0) return undefined;
  const width = rows.reduce((most, row) => Math.max(most, row.length), 1);
  if (target.mode === 'batch' && !hasSheetsService() && spareRows === 'insert') {
    // Without the service, appendRow is the one call that finds the bottom and writes there at
    // once: a block written below a last row asked for a call earlier could cover a person's paste.
    for (const row of rows) target.sheet.appendRow(padRow(row, width).map(asCellValue));
    // appendRow tells nothing of where it wrote: asking is a call, made only for a caller who asks.
    return options.landedRow ? target.sheet.getLastRow() - rows.length + 1 : undefined;
  }
  if (!rangesAtOnce(target)) {
    const sheet = target.sheet;
    const first = sheet.getLastRow() + 1;
    const needed = first + rows.length - 1 - sheet.getMaxRows();
    if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
    sheet
      .getRange(first, 1, rows.length, width)
      .setValues(rows.map((row) => padRow(row, width).map(asCellValue)));
    return first;
  }
  SpreadsheetApp.flush();
  const tab = target.sheet.getName();
  const appended = sheetsService().Spreadsheets.Values.append(
    { values: rows.map((row) => padRow(row, width).map((v) => apiValue(v, target.zone))) },
    spreadsheetIdOf(target.spreadsheet),
    `'${tab.replace(/'/g, "''")}'!A${target.headerRow}:${columnLetter(width)}`,
    {
      valueInputOption: 'USER_ENTERED',
      insertDataOption: spareRows === 'insert' ? 'INSERT_ROWS' : 'OVERWRITE',
    },
  );
  return firstRowOf(appended.updates?.updatedRange);
}

/** The first row of an A1 range such as `'Leads'!A101:AA101`, or undefined. */
function firstRowOf(range: string | undefined): number | undefined {
  const row = /![$]?[A-Za-z]+[$]?(\d+)/.exec(range ?? '')?.[1];
  return row === undefined ? undefined : Number(row);
}

const padRow = (row: readonly unknown[], width: number) =>
  Array.from({ length: width }, (_, i) => row[i] ?? '');

/** The Lead IDs of the data rows, top to bottom, from one read. */
export function readIds(target: CommitTarget): string[] {
  const grid = readColumnsOnce(target, [target.identity.idColumn]);
  const ids: string[] = [];
  for (let row = 0; row < grid.rowCount; row++)
    ids.push(textOf(grid.cell(row, target.identity.idColumn)));
  return ids;
}

/** Where a lead was last seen (0-based data row), so its row can be read without the rest. */
export type RowHints = ReadonlyMap<string, number>;

/** Rounds of reading the rows where leads were last seen before reading every row. */
const HINTED_ROUNDS = 2;

/**
 * The Lead IDs of every data row, and the whole rows of the `wanted` leads as they are now, from
 * one read. With the Sheets service and `hints`, that read is the ID column and the rows where
 * the leads were seen last; a lead found elsewhere (a person sorted meanwhile) sends it round
 * again with the rows just seen, and then to reading every row.
 */
export function readLeadRowsNow(
  target: CommitTarget,
  wanted: ReadonlySet<string>,
  hints?: RowHints,
): { ids: string[]; rows: Map<string, unknown[]> } {
  const { sheet, headerRow, identity } = target;
  const width = Math.max(sheet.getLastColumn(), identity.idColumn + 1);
  let seen: number[] | undefined =
    hints && rangesAtOnce(target)
      ? [...wanted].flatMap((id) => (hints.has(id) ? [hints.get(id) as number] : []))
      : undefined;
  for (let round = 0; seen && round < HINTED_ROUNDS; round++) {
    const rowCount = Math.max(0, sheet.getLastRow() - headerRow);
    const inside = seen.filter((row) => row < rowCount);
    const blocks = rowBlocks(target.headerRow, inside, width);
    const [[idColumn], ...rowValues] = readBlockColumns(
      target.spreadsheet,
      sheet,
      [{ row: headerRow, column: identity.idColumn, rows: 0, columns: 1, toEnd: true }, ...blocks],
      { columns: target.dateColumns ?? new Set(), zone: target.zone },
    );
    const ids = (idColumn ?? []).map(textOf);
    const read = new Map<number, unknown[]>();
    blocks.forEach((block, i) =>
      rowsOf(rowValues[i]).forEach((line, r) => read.set(block.row - headerRow + r, line)),
    );
    const rows = new Map<string, unknown[]>();
    const found: number[] = [];
    let elsewhere = false;
    ids.forEach((id, row) => {
      if (!wanted.has(id) || rows.has(id)) return;
      const line = read.get(row);
      if (line) rows.set(id, line);
      else elsewhere = true;
      found.push(row);
    });
    if (!elsewhere) return { ids, rows };
    seen = found;
  }
  const grid = readColumnsOnce(
    target,
    Array.from({ length: width }, (_, c) => c),
  );
  const ids: string[] = [];
  const rows = new Map<string, unknown[]>();
  for (let row = 0; row < grid.rowCount; row++) {
    const id = textOf(grid.cell(row, identity.idColumn));
    ids.push(id);
    if (wanted.has(id) && !rows.has(id))
      rows.set(
        id,
        Array.from({ length: width }, (_, c) => grid.cell(row, c)),
      );
  }
  return { ids, rows };
}

/**
 * The whole rows of the `wanted` leads, read in one call only where they were last seen (a call
 * per run of rows without the Sheets service), and the row each is on; undefined when any of them
 * is not on its row any more (a person sorted, inserted or deleted rows meanwhile): then
 * readLeadRowsNow finds them.
 */
export function readRowsWhereSeen(
  target: CommitTarget,
  wanted: ReadonlySet<string>,
  hints: RowHints,
): { rows: Map<string, unknown[]>; at: Map<string, number> } | undefined {
  const { sheet, identity } = target;
  if ([...wanted].some((id) => !hints.has(id))) return undefined;
  const seen = [...wanted].map((id) => hints.get(id) as number);
  const width = Math.max(sheet.getLastColumn(), identity.idColumn + 1);
  const blocks = rowBlocks(target.headerRow, seen, width);
  // Without the Sheets service each run of rows is a call of its own: worth it only while the
  // calls cost less than reading every row down to the last of them. Each row is checked by its
  // Lead ID below, so the calls may be several moments.
  const plainly = !rangesAtOnce(target);
  const lastSeen = seen.reduce((most, row) => Math.max(most, row), 0);
  if (plainly && blocks.length * CELLS_PER_CALL >= (lastSeen + 1) * width) return undefined;
  const lowest = blocks.reduce((most, b) => Math.max(most, b.row + b.rows), 0);
  const values = plainly
    ? unlessGridShrank(
        sheet,
        lowest,
        () =>
          blocks.map((b) => sheet.getRange(b.row + 1, b.column + 1, b.rows, b.columns).getValues()),
        () => undefined,
      )
    : readBlocksAtOnce(target.spreadsheet, sheet, blocks, {
        columns: target.dateColumns ?? new Set(),
        zone: target.zone,
      });
  // A person's deletion left a row past the grid's end: readLeadRowsNow finds the leads.
  if (!values) return undefined;
  const byRow = new Map<number, unknown[]>();
  blocks.forEach((block, b) =>
    values[b].forEach((line, r) => byRow.set(block.row - target.headerRow + r, line)),
  );
  const rows = new Map<string, unknown[]>();
  const at = new Map<string, number>();
  for (const id of wanted) {
    const row = hints.get(id) as number;
    const line = byRow.get(row);
    if (!line || textOf(line[identity.idColumn]) !== id) return undefined;
    rows.set(id, line);
    at.set(id, row);
  }
  return { rows, at };
}

/** A header-row tab of leads (Leads, Pool, Follow-ups, Conversions) as a place to commit to. */
export function tableTarget(
  spreadsheet: Spreadsheet,
  table: {
    readonly sheet: Sheet;
    readonly headerRow: number;
    readonly layout: { readonly index: Partial<Record<string, number>> };
  },
  zone: TimeZone,
): CommitTarget {
  return {
    spreadsheet,
    sheet: table.sheet,
    headerRow: table.headerRow,
    identity: leadIdentity(table.layout.index),
    zone,
    mode: 'batch',
    dateColumns: dateColumnsOf(table.layout.index),
    refillable: scoreColumnsOf(table.layout.index),
  };
}

/**
 * A lead's score, grade and breakdown: every scoring pass computes them for every lead it reads,
 * so a write may fill a gap there with what the cells hold (CommitTarget.refillable).
 */
export function scoreColumnsOf(index: Partial<Record<string, number>>): ReadonlySet<number> {
  return new Set((['score', 'grade', 'scoreNote'] as const).flatMap((key) => index[key] ?? []));
}

/**
 * What tells leads apart in Leads or Pool: the Lead ID, else the contact, phone and company; with
 * `withTyped`, else the other cells a person types. Only an edit asks for those: it reads the
 * span of its columns anyway, while a run of the whole tab would read them over every row it checks.
 */
export function leadIdentity(
  index: Partial<Record<string, number>>,
  withTyped = false,
): RowIdentity {
  const present = (keys: readonly string[]) =>
    keys.map((key) => index[key]).filter((c): c is number => c !== undefined);
  return {
    idColumn: index.id as number,
    identityColumns: present(['contact', 'phone', 'company']),
    ...(withTyped ? { typedColumns: present(TYPED_KEYS) } : {}),
  };
}

/**
 * The cells a person types into a lead, besides its contact, phone and company (and Entered at,
 * which an edit fills).
 */
const TYPED_KEYS = LEAD_COLUMNS.filter(
  (column) =>
    !column.computed && !['contact', 'phone', 'company', 'enteredAt'].includes(column.key),
).map((column) => column.key);

/** Log lines for what a commit met: values of people it wrote over, and assignments it gave up. */
export function commitLog(
  tabName: TabName,
  header: readonly unknown[],
  result: CommitResult,
  language: Language,
): { action: string; detail: string }[] {
  if (result.replaced.length + result.yielded.length + result.unrestored.length === 0) return [];
  const tab = tabNameOf(tabName);
  const idOf = (key: string) => key.replace(/^(id|new):/, '');
  const lines: { action: string; detail: string }[] = [];
  for (const r of result.replaced) {
    const column = textOf(header[r.column]) || columnLetter(r.column + 1);
    lines.push({
      action: t(language, AUTOMATION.replacedAction),
      detail: t(
        language,
        AUTOMATION.replaced,
        tab,
        idOf(r.key),
        column,
        textOf(r.personValue),
        textOf(r.value),
      ),
    });
  }
  for (const y of result.yielded) {
    lines.push({
      action: t(language, AUTOMATION.keptAction),
      detail: t(language, AUTOMATION.kept, tab, idOf(y.key)),
    });
  }
  for (const u of result.unrestored) {
    const columns = u.columns.map((c) => textOf(header[c]) || columnLetter(c + 1));
    // A row without a Lead ID is named by where it was.
    const lead = u.key.startsWith('id:') ? idOf(u.key) : `${tab}!${u.row}:${u.row}`;
    lines.push({
      action: t(language, AUTOMATION.unrestoredAction),
      detail: t(language, AUTOMATION.unrestored, tab, lead, columns),
    });
  }
  return lines;
}
