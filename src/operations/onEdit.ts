// onEdit: rescore exactly the edited Leads rows (one cell, a row, or a paste of thousands), fill
// blank Lead IDs and Entered at, within the simple-trigger rules (no e-mail, 30 s, no dialogs).

import { matchesLabel } from '../sheet/language';
import { editsByLead } from '../sheet/placement';
import { requireColumns } from '../sheet/headers';
import { recordIds } from '../method/capture/leadIds';
import { APP, t } from '../sheet/text';
import { SCORING_COLUMNS, scorePass } from '../method/scoring/scorePass';
import { LEAD_COLUMNS, POOL_COLUMNS, TAB_NAMES } from '../sheet/tabs';
import { gridOf, idsDownTo, readAroundEdit } from '../gas/editedRows';
import { isBlank } from '../sheet/cells';
import {
  commitEdits,
  commitLog,
  leadIdentity,
  type RowWindow,
  scoreColumnsOf,
} from '../gas/commit';
import { appendLog } from '../gas/log';
import { toast } from '../gas/feedback';
import { withSpreadsheetLock } from '../gas/lock';
import { loadSettings } from '../gas/settingsTab';
import { readLeadIds } from '../gas/table';
import { loadSequences, mergeSequences, saveSequences } from '../gas/sequences';
import { spreadsheetTimeZone } from '../gas/timeZone';
import { localeLanguage, tabIndex } from '../gas/workbook';
import { readTypedRows } from '../sheet/typedCells';
import { unreadableLog, unreadableToast } from './typedValues';

/** Simple triggers must finish in 30 s; waiting longer for the lock would risk that. */
const EDIT_LOCK_TIMEOUT_MS = 10_000;

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
      // The grid's size, asked once and from no cell: reads below the header need not each ask for
      // the last row, and the header is as wide as the grid (set-up trims the spare columns).
      const width = sheet.getMaxColumns();
      const gridRows = sheet.getMaxRows();
      const read = readAroundEdit(sheet, names, { width, gridRows, firstEdited, lastEdited });
      if (!read) return; // titles or the header only
      const { headerRow, header, layout, first, rows } = read;
      const start = Math.max(headerRow + 1, firstEdited);
      const columns = requireColumns(layout, SCORING_COLUMNS, tabName, language);
      // The edited rows among those read (a person's deletion since the edit may have cut some off).
      const edited: number[] = [];
      for (let sheetRow = start; sheetRow <= lastEdited; sheetRow++) {
        const row = sheetRow - headerRow - 1 - first;
        if (row < rows.length) edited.push(row);
      }
      // A new lead is numbered after every ID in Leads and Pool, not only the rows read here:
      // a sort can put new rows above old ones.
      const needsId = edited.some(
        (row) => isBlank(rows[row][columns.id]) && rows[row].some((cell) => !isBlank(cell)),
      );
      // Rows read from the top hold every ID when no lead lies below them: one question, asked
      // after the read (rows a person inserted before it would show in the answer).
      const everyRow =
        needsId && read.fromTop && sheet.getLastRow() <= headerRow + read.fromTop.length
          ? read.fromTop
          : undefined;
      const sequences = mergeSequences(
        recordIds(
          needsId && !everyRow
            ? idsDownTo(sheet, headerRow, columns.id, gridRows)
            : (everyRow ?? rows).map((row) => row[columns.id]),
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
      // Stored before the new IDs are written: an edit that dies after writing them can never
      // hand the same ID out again. It is a call between the rows read and the write, so the
      // commit then reads the rows again to place the writes; else it places them by the rows read.
      if (result.idsAssigned > 0) saveSequences(sequences);
      // The cells a person types tell a new lead apart too: a row where only a source was picked.
      const identity = leadIdentity(layout.index, true);
      const window: RowWindow = {
        first,
        count: rows.length,
        rowsThere: first + rows.length,
        ...(needsId ? { asRead: gridOf(rows, first) } : { read: gridOf(rows, first) }),
      };
      // By Lead ID, like every other operation: the rows may have moved since they were read.
      // A simple trigger may not use the Sheets service, so the cells go range by range.
      const committed = commitEdits(
        // A paste over many leads changes the scores of most of them: the few it leaves as they
        // were are written again, so the scores go in one range rather than a call per run.
        {
          spreadsheet,
          sheet,
          headerRow,
          identity,
          zone,
          mode: 'ranges',
          refillable: scoreColumnsOf(layout.index),
        },
        editsByLead(result.changes, rows, identity, { firstRow: first }),
        window,
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
