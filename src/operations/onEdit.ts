// onEdit: rescore exactly the edited Leads rows (one cell, a row, or a paste of thousands), fill
// blank Lead IDs and Entered at, within the simple-trigger rules (no e-mail, 30 s, no dialogs).

import { planBlockWrites } from '../sheet/cellWrites';
import { matchesLabel } from '../sheet/language';
import { locateColumns, requireColumns } from '../sheet/headers';
import { recordIds } from '../method/capture/leadIds';
import { APP, t } from '../sheet/text';
import { SCORING_COLUMNS, scorePass } from '../method/scoring/scorePass';
import { LEAD_COLUMNS, TAB_NAMES } from '../sheet/tabs';
import { writeBlocks } from '../gas/cellWriter';
import { toast } from '../gas/feedback';
import { withSpreadsheetLock } from '../gas/lock';
import { loadSettings } from '../gas/settingsTab';
import { loadSequences, mergeSequences, saveSequences } from '../gas/sequences';
import { spreadsheetTimeZone } from '../gas/timeZone';
import { localeLanguage, tabIndex } from '../gas/workbook';

/**
 * Cells above an edit worth reading to save the separate header read: about 3,700 rows of the
 * default 27 columns, well inside the simple trigger's 30 s, and one round trip fewer.
 */
const HEADER_READ_CELL_BUDGET = 100_000;

/** Simple triggers must finish in 30 s; waiting longer for the lock would risk that. */
const EDIT_LOCK_TIMEOUT_MS = 10_000;

export function handleEdit(event: GoogleAppsScript.Events.SheetsOnEdit | undefined): void {
  const range = event?.range;
  if (!range) return;
  const sheet = range.getSheet();
  if (!matchesLabel(sheet.getName(), TAB_NAMES.leads)) return;
  const firstEdited = range.getRow();
  const lastEdited = firstEdited + range.getNumRows() - 1;
  if (lastEdited < 2) return; // the header row only
  const spreadsheet = event.source ?? sheet.getParent();
  let language = localeLanguage(spreadsheet);
  try {
    // The lock reads the saved state (Lead ID sequences) and stores it when the edit is done.
    withSpreadsheetLock(spreadsheet, language, EDIT_LOCK_TIMEOUT_MS, () => {
      const loaded = loadSettings(tabIndex(spreadsheet).settings, language);
      language = loaded.language;
      const width = sheet.getLastColumn();
      const start = Math.max(2, firstEdited);
      // One read from the header down when that is cheap; else the header and the rows apart.
      const readFrom = (start - 2) * width <= HEADER_READ_CELL_BUDGET ? 1 : start;
      const block = sheet.getRange(readFrom, 1, lastEdited - readFrom + 1, width).getValues();
      const header = readFrom === 1 ? block[0] : sheet.getRange(1, 1, 1, width).getValues()[0];
      const rows = readFrom === 1 ? block.slice(1) : block;
      const firstRowOfData = readFrom === 1 ? 2 : start; // sheet row of rows[0]
      const columns = requireColumns(
        locateColumns(header, LEAD_COLUMNS),
        SCORING_COLUMNS,
        sheet.getName(),
        language,
      );
      const edited = Array.from(
        { length: lastEdited - start + 1 },
        (_, i) => start - firstRowOfData + i,
      );
      const sequences = mergeSequences(
        recordIds(rows.map((row) => row[columns.id])),
        loadSequences(),
      );
      const result = scorePass(rows, {
        columns,
        rules: {
          points: loaded.settings.points,
          gradeFrom: loaded.settings.gradeFrom,
          productPrice: loaded.settings.productPrice,
        },
        now: new Date(),
        zone: spreadsheetTimeZone(spreadsheet),
        language,
        sequences,
        onlyRows: edited,
      });
      writeBlocks(sheet, planBlockWrites(result.changes, rows), firstRowOfData);
      if (result.idsAssigned > 0) saveSequences(sequences);
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
