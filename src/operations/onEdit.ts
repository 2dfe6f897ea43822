// onEdit: rescore exactly the edited Leads rows (one cell, a row, or a paste of thousands), fill
// blank Lead IDs and Entered at, within the simple-trigger rules (no e-mail, 30 s, no dialogs).

import { matchesLabel } from '../sheet/language';
import { editsByLead } from '../sheet/placement';
import {
  type ColumnMapping,
  findHeaderRow,
  HEADER_SEARCH_ROWS,
  locateColumns,
  requireColumns,
} from '../sheet/headers';
import { recordIds } from '../method/capture/leadIds';
import { APP, t } from '../sheet/text';
import { SCORING_COLUMNS, scorePass } from '../method/scoring/scorePass';
import { LEAD_COLUMNS, POOL_COLUMNS, TAB_NAMES } from '../sheet/tabs';
import { isBlank } from '../sheet/cells';
import { commitEdits, commitLog, leadIdentity } from '../gas/commit';
import { appendLog } from '../gas/log';
import { toast } from '../gas/feedback';
import { withSpreadsheetLock } from '../gas/lock';
import { loadSettings } from '../gas/settingsTab';
import { readColumn, readHeader, readLeadIds } from '../gas/table';
import { unlessGridShrank } from '../gas/rowsToEnd';
import { loadSequences, mergeSequences, saveSequences } from '../gas/sequences';
import { spreadsheetTimeZone } from '../gas/timeZone';
import { localeLanguage, type Sheet, tabIndex } from '../gas/workbook';
import { readTypedRows } from '../sheet/typedCells';
import { unreadableLog, unreadableToast } from './typedValues';

/**
 * Cells above an edit worth reading to save the separate header read: about 3,700 rows of the
 * default 27 columns, well inside the simple trigger's 30 s, and one round trip fewer.
 */
const HEADER_READ_CELL_BUDGET = 100_000;

/**
 * Rows around the edited ones that the commit reads first: a person who inserts or deletes up to
 * this many rows above them meanwhile does not make it read the whole tab.
 */
const WINDOW_MARGIN = 100;

/** Simple triggers must finish in 30 s; waiting longer for the lock would risk that. */
const EDIT_LOCK_TIMEOUT_MS = 10_000;

/** The header row (1-based) and layout found in rows read from the top of the tab. */
function headerIn(top: readonly (readonly unknown[])[], names: ColumnMapping) {
  const at = findHeaderRow(top.slice(0, HEADER_SEARCH_ROWS), LEAD_COLUMNS, names);
  const header = [...(top[at] ?? [])];
  return { headerRow: at + 1, header, layout: locateColumns(header, LEAD_COLUMNS, names) };
}

/**
 * The header, read from the first ten rows without asking the tab's length when the edit reached
 * below them: the tab has them. (A person who deleted all but a few rows since took the edited rows
 * too, and the read of those fails just the same.)
 */
function headerAbove(sheet: Sheet, names: ColumnMapping, width: number, lastEdited: number) {
  if (width < 1 || lastEdited < HEADER_SEARCH_ROWS)
    return readHeader(sheet, LEAD_COLUMNS, names, width);
  return headerIn(sheet.getRange(1, 1, HEADER_SEARCH_ROWS, width).getValues(), names);
}

/**
 * The ID column down to the grid's last row (blank rows past the last lead read as blank): one
 * read. A person who deleted rows since the grid was asked, or an ID in the grid's very last row
 * (rows inserted meanwhile could have pushed others past it), makes it ask for the last row.
 */
function idsDownTo(sheet: Sheet, headerRow: number, column: number, gridRows: number): unknown[] {
  if (gridRows <= headerRow) return [];
  const ids = unlessGridShrank(
    sheet,
    gridRows,
    () =>
      sheet
        .getRange(headerRow + 1, column + 1, gridRows - headerRow, 1)
        .getValues()
        .map((row) => row[0]),
    () => undefined,
  );
  return ids && isBlank(ids[ids.length - 1]) ? ids : readColumn(sheet, headerRow, column);
}

export function handleEdit(event: GoogleAppsScript.Events.SheetsOnEdit | undefined): void {
  const range = event?.range;
  if (!range) return;
  const sheet = range.getSheet();
  // Asked once: every ask is a call, and the simple trigger has 30 s.
  const tabName = sheet.getName();
  if (!matchesLabel(tabName, TAB_NAMES.leads)) return;
  const firstEdited = range.getRow();
  const lastEdited = firstEdited + range.getNumRows() - 1;
  if (lastEdited < 2) return; // the header row only
  const spreadsheet = event.source ?? sheet.getParent();
  let language = localeLanguage(spreadsheet);
  try {
    // The lock reads the saved state (Lead ID sequences) and stores it when the edit is done.
    withSpreadsheetLock(spreadsheet, language, EDIT_LOCK_TIMEOUT_MS, () => {
      const tabs = tabIndex(spreadsheet);
      const loaded = loadSettings(tabs.settings, language);
      const zone = spreadsheetTimeZone(spreadsheet);
      language = loaded.language;
      const names = loaded.settings.columnNames;
      const width = sheet.getLastColumn();
      // The grid's rows, asked once: reads below the header need not each ask for the last row.
      const gridRows = sheet.getMaxRows();
      // The header is among the first ten rows: one read from the top down to the edit when that
      // is cheap; else the header and the edited rows apart.
      const cheap = (firstEdited - 1) * width <= HEADER_READ_CELL_BUDGET;
      // At least the rows the header may be in, so an edit above it is not taken for data.
      const topRows =
        lastEdited >= HEADER_SEARCH_ROWS ? lastEdited : Math.min(HEADER_SEARCH_ROWS, gridRows);
      const top = cheap ? sheet.getRange(1, 1, topRows, width).getValues() : undefined;
      const found = top ? headerIn(top, names) : headerAbove(sheet, names, width, lastEdited);
      const { headerRow, header, layout } = found;
      const start = Math.max(headerRow + 1, firstEdited);
      if (lastEdited < start) return; // titles or the header only
      const rows = top
        ? top.slice(headerRow, lastEdited)
        : sheet.getRange(start, 1, lastEdited - start + 1, width).getValues();
      const firstRowOfData = top ? headerRow + 1 : start; // sheet row of rows[0]
      const columns = requireColumns(layout, SCORING_COLUMNS, tabName, language);
      const edited = Array.from(
        { length: lastEdited - start + 1 },
        (_, i) => start - firstRowOfData + i,
      );
      // A new lead is numbered after every ID in Leads and Pool, not only the rows read here:
      // a sort can put new rows above old ones.
      const needsId = edited.some(
        (row) => isBlank(rows[row][columns.id]) && rows[row].some((cell) => !isBlank(cell)),
      );
      // Only numbering needs every ID: whether the rows read hold them all is asked only then.
      const readEveryRow = () => !!top && lastEdited >= sheet.getLastRow();
      const sequences = mergeSequences(
        recordIds(
          needsId && !readEveryRow()
            ? idsDownTo(sheet, headerRow, columns.id, gridRows)
            : rows.map((row) => row[columns.id]),
        ),
        loadSequences(),
      );
      if (needsId) recordIds(readLeadIds(tabs.pool, POOL_COLUMNS), sequences);
      const result = scorePass(rows, {
        columns,
        rules: {
          points: loaded.settings.points,
          gradeFrom: loaded.settings.gradeFrom,
          productPrice: loaded.settings.productPrice,
        },
        now: new Date(),
        zone,
        language,
        sequences,
        onlyRows: edited,
      });
      if (result.idsAssigned > 0) saveSequences(sequences);
      const identity = leadIdentity(layout.index);
      // By Lead ID, like every other operation: the rows may have moved since they were read.
      // A simple trigger may not use the Sheets service, so the cells go range by range.
      const committed = commitEdits(
        { spreadsheet, sheet, headerRow, identity, zone, mode: 'ranges' },
        editsByLead(result.changes, rows, identity),
        {
          first: start - headerRow - 1 - WINDOW_MARGIN,
          count: lastEdited - start + 1 + 2 * WINDOW_MARGIN,
          // The window keeps its margin below the edit, inside the grid.
          rowsThere: Math.min(gridRows, lastEdited + WINDOW_MARGIN) - headerRow,
        },
      );
      // What the person typed and the product cannot read is said at once, where they look.
      const { unreadable } = readTypedRows(
        edited.map((row) => rows[row]),
        {
          tab: tabName,
          header,
          columns: LEAD_COLUMNS,
          index: layout.index,
          firstRow: start,
        },
        zone,
      );
      appendLog(
        spreadsheet,
        tabs,
        [
          ...commitLog(tabName, header, committed, language),
          ...unreadableLog(unreadable, language),
        ],
        language,
        new Date(),
        '',
        'ranges',
      );
      if (unreadable.length > 0) {
        toast(spreadsheet, unreadableToast(unreadable, language), t(language, APP.name));
      }
    });
  } catch (error) {
    // No dialogs from a simple trigger: a toast names the problem (the bad cell or column).
    toast(
      spreadsheet,
      error instanceof Error ? error.message : String(error),
      t(language, APP.name),
    );
  }
}
