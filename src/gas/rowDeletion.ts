// Deletes leads' rows by Lead ID beside people (SPEC §10). Rows can only be deleted by position,
// and a person may move rows between the read that finds them and the deletion; so the same
// atomic request first copies the rows it deletes to a hidden tab, and whatever was not meant to go
// is put back from that copy, exactly as it was, where it was.

import { textOf } from '../sheet/cells';
import { deletionBlocks } from '../method/pool/poolMoves';
import {
  type CommitTarget,
  MAX_ROUNDS,
  readIds,
  readLeadRowsNow,
  type RowHints,
  RowsKeptMovingError,
} from './commit';
import { hasSheetsService, sheetsService } from './sheetsService';
import { deleteLeadRowsPlainly } from './plainRowDeletion';
import type { Sheet } from './workbook';
import { sheetIdOf, spreadsheetIdOf } from './workbook';

type Request = GoogleAppsScript.Sheets.Schema.Request;

/** The hidden tab that holds a deletion's rows until it is known they were the right ones. */
export const SET_ASIDE_TAB = '_LeadTrackerSetAside';

/** A deletion's copy: set-aside row i was data row `rows[i]` (ascending) just before it. */
interface SetAside {
  readonly sheet: Sheet;
  readonly rows: readonly number[];
  readonly width: number;
  /** The set-aside tab's grid once grown to fit the copy. */
  readonly grid: { readonly rows: number; readonly columns: number };
}

/**
 * Deletes every row holding one of these Lead IDs, found by ID just before. `beforeDeleting`
 * gets the leads' rows as that read found them (a move carries late edits to its copy). A row
 * the deletion took that was not meant to go (a person sorted, inserted or deleted rows in
 * between) is put back from the set-aside copy, and a lead still there goes in the next round;
 * when the copy holds exactly the rows the read found, nothing needs reading again.
 */
export function deleteLeadRows(
  target: CommitTarget,
  ids: readonly string[],
  beforeDeleting?: (rowsById: ReadonlyMap<string, readonly unknown[]>) => void,
  hints?: RowHints,
): void {
  const wanted = new Set(ids.filter(Boolean));
  if (wanted.size === 0) return;
  // Range-by-range targets (a simple trigger, an archive's appends) never delete rows.
  if (target.mode !== 'batch') throw new Error('Rows are deleted only by a batch target.');
  if (!hasSheetsService()) {
    deleteLeadRowsPlainly(target, wanted, beforeDeleting);
    return;
  }
  let aside: SetAside | undefined;
  for (let round = 0; ; round++) {
    let present: string[];
    if (beforeDeleting) {
      const now = readLeadRowsNow(target, wanted, hints);
      beforeDeleting(now.rows);
      present = now.ids;
    } else present = readIds(target);
    beforeDeleting = undefined;
    const rows = present.flatMap((id, row) => (wanted.has(id) ? [row] : []));
    if (rows.length === 0) break;
    if (round === MAX_ROUNDS) throw new RowsKeptMovingError(target.sheet.getName());
    const copy = deleteSettingAside(target, rows);
    aside = copy;
    const taken = copy.sheet
      .getRange(1, target.identity.idColumn + 1, rows.length, 1)
      .getValues()
      .map((line) => textOf(line[0]));
    const wrong = taken.flatMap((id, i) => (wanted.has(id) ? [] : [i]));
    if (wrong.length > 0) putBack(target, copy, wrong);
    // The copy holds exactly the rows the read found: every one of them went, and nothing else.
    else if (
      sameIds(
        taken,
        rows.map((row) => present[row]),
      )
    )
      break;
  }
  // The copy held customers' rows; it is emptied once they are where they belong.
  if (aside) clearSetAside(target, aside);
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  const sorted = (ids: readonly string[]) => [...ids].sort().join('\n');
  return a.length === b.length && sorted(a) === sorted(b);
}

/** The hidden set-aside tab, created the first time. */
function setAsideTab(target: CommitTarget): Sheet {
  const existing = target.spreadsheet.getSheetByName(SET_ASIDE_TAB);
  if (existing) return existing;
  const sheet = target.spreadsheet.insertSheet(SET_ASIDE_TAB);
  sheet.hideSheet();
  return sheet;
}

/**
 * One request: the rows are copied to the set-aside tab (grown to fit), then deleted, bottom
 * block first. Google refuses to delete every non-frozen row, so when none would be left a blank
 * row is added at the bottom.
 */
function deleteSettingAside(target: CommitTarget, rows: readonly number[]): SetAside {
  const { sheet, headerRow } = target;
  const aside = setAsideTab(target);
  const sheetId = sheetIdOf(sheet);
  const asideId = sheetIdOf(aside);
  const width = sheet.getMaxColumns();
  const maxRows = sheet.getMaxRows();
  const requests: Request[] = [];
  const asideRows = aside.getMaxRows();
  const asideColumns = aside.getMaxColumns();
  const moreRows = rows.length - asideRows;
  if (moreRows > 0)
    requests.push({ appendDimension: { sheetId: asideId, dimension: 'ROWS', length: moreRows } });
  const moreColumns = width - asideColumns;
  if (moreColumns > 0)
    requests.push({
      appendDimension: { sheetId: asideId, dimension: 'COLUMNS', length: moreColumns },
    });
  const ascending = [...deletionBlocks(rows)].reverse();
  let at = 0;
  for (const block of ascending) {
    requests.push({
      copyPaste: {
        source: gridRange(sheetId, headerRow + block.start, block.count, width),
        destination: gridRange(asideId, at, block.count, width),
        pasteType: 'PASTE_NORMAL',
      },
    });
    at += block.count;
  }
  if (maxRows - rows.length - sheet.getFrozenRows() < 1) {
    requests.push({
      insertDimension: {
        range: { sheetId, dimension: 'ROWS', startIndex: maxRows, endIndex: maxRows + 1 },
        inheritFromBefore: true,
      },
    });
  }
  for (const block of deletionBlocks(rows)) {
    requests.push({
      deleteDimension: {
        range: {
          sheetId,
          dimension: 'ROWS',
          startIndex: headerRow + block.start,
          endIndex: headerRow + block.start + block.count,
        },
      },
    });
  }
  SpreadsheetApp.flush();
  sheetsService().Spreadsheets.batchUpdate({ requests }, spreadsheetIdOf(target.spreadsheet));
  return {
    sheet: aside,
    rows: [...rows].sort((a, b) => a - b),
    width,
    grid: { rows: Math.max(asideRows, rows.length), columns: Math.max(asideColumns, width) },
  };
}

/**
 * Puts set-aside rows back where they were, in one request, top first: each goes in at its old
 * position less the rows above it that were rightly deleted.
 */
function putBack(target: CommitTarget, copy: SetAside, wrong: readonly number[]): void {
  const { sheet, headerRow } = target;
  const sheetId = sheetIdOf(sheet);
  const asideId = sheetIdOf(copy.sheet);
  const wrongRows = new Set(wrong.map((i) => copy.rows[i]));
  let maxRows = sheet.getMaxRows();
  const requests: Request[] = [];
  for (const i of wrong) {
    const was = copy.rows[i];
    const rightlyAbove = copy.rows.filter((row) => row < was && !wrongRows.has(row)).length;
    // A person who deleted rows meanwhile may have shortened the tab: then it goes at the bottom.
    const index = Math.min(headerRow + was - rightlyAbove, maxRows);
    requests.push(
      {
        insertDimension: {
          range: { sheetId, dimension: 'ROWS', startIndex: index, endIndex: index + 1 },
          inheritFromBefore: true,
        },
      },
      {
        copyPaste: {
          source: gridRange(asideId, i, 1, copy.width),
          destination: gridRange(sheetId, index, 1, copy.width),
          pasteType: 'PASTE_NORMAL',
        },
      },
    );
    maxRows++;
  }
  SpreadsheetApp.flush();
  sheetsService().Spreadsheets.batchUpdate({ requests }, spreadsheetIdOf(target.spreadsheet));
}

/**
 * Empties the set-aside tab and shrinks it to one cell: its grid, grown to the largest deletion
 * so far, would otherwise hold cells of the spreadsheet's 10 million for nothing.
 */
function clearSetAside(target: CommitTarget, aside: SetAside): void {
  const sheetId = sheetIdOf(aside.sheet);
  const shrink = (dimension: 'ROWS' | 'COLUMNS', size: number): Request[] =>
    size > 1
      ? [{ deleteDimension: { range: { sheetId, dimension, startIndex: 1, endIndex: size } } }]
      : [];
  sheetsService().Spreadsheets.batchUpdate(
    {
      requests: [
        { updateCells: { range: { sheetId }, fields: '*' } },
        ...shrink('ROWS', aside.grid.rows),
        ...shrink('COLUMNS', aside.grid.columns),
      ],
    },
    spreadsheetIdOf(target.spreadsheet),
  );
}

function gridRange(
  sheetId: number,
  row: number,
  rows: number,
  columns: number,
): GoogleAppsScript.Sheets.Schema.GridRange {
  return {
    sheetId,
    startRowIndex: row,
    endRowIndex: row + rows,
    startColumnIndex: 0,
    endColumnIndex: columns,
  };
}
