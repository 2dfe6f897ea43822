// The hidden tab holding the summary of archived leads (SPEC §16): read by the Analysis and by
// archiving, added to in one write per archiving run. A tab, not the state tab: the state tab is
// read by every operation, this one only by the two that need it.

import type { ArchivedGroup } from '../method/archive/archiveSummary';
import { groupsOfRows, SUMMARY_COLUMNS, summaryRow } from '../method/archive/summaryRows';
import type { Language } from '../sheet/language';
import { ARCHIVE, inEveryLanguage, t } from '../sheet/text';
import { asCellValue } from './cellWriter';
import { readAll, type Sheet, type Spreadsheet, trimNewTab } from './workbook';

export const SUMMARY_TAB = '_LeadTrackerArchived';

/** Row 1 is the note, row 2 the headers; groups follow. */
const FIRST_GROUP_ROW = 3;

/** Every group of archived leads, from one read; none when the tab does not exist. */
export function readArchiveSummary(spreadsheet: Spreadsheet): ArchivedGroup[] {
  const sheet = spreadsheet.getSheetByName(SUMMARY_TAB);
  if (!sheet) return [];
  return groupsOfRows(readAll(sheet).slice(FIRST_GROUP_ROW - 1));
}

function summaryTab(spreadsheet: Spreadsheet): Sheet {
  const existing = spreadsheet.getSheetByName(SUMMARY_TAB);
  if (existing) return existing;
  const viewing = spreadsheet.getActiveSheet() as Sheet | null;
  const sheet = spreadsheet.insertSheet(SUMMARY_TAB);
  sheet.hideSheet();
  // Its rows come as groups are added: none of Google's 1000 × 26 cells is kept for nothing.
  trimNewTab(sheet, SUMMARY_COLUMNS.length);
  if (sheet.getMaxRows() > 1) sheet.deleteRows(2, sheet.getMaxRows() - 1);
  // Inserting a tab shows it; the person stays on the tab they were on.
  viewing?.activate();
  return sheet;
}

/**
 * Adds a batch's groups in one write below the last row. A tab left without its note and headers
 * (a run died right after making it) gets them in that same write.
 */
export function appendArchiveSummary(
  spreadsheet: Spreadsheet,
  groups: readonly ArchivedGroup[],
  language: Language,
): void {
  if (groups.length === 0) return;
  const sheet = summaryTab(spreadsheet);
  const width = SUMMARY_COLUMNS.length;
  const last = sheet.getLastRow();
  const lines: unknown[][] = [];
  if (last < FIRST_GROUP_ROW - 1) {
    lines.push([inEveryLanguage(ARCHIVE.summaryTabNote), ...Array<string>(width - 1).fill('')]);
    lines.push(SUMMARY_COLUMNS.map((key) => t(language, ARCHIVE.summaryHeaders[key])));
  }
  lines.push(...groups.map((group) => summaryRow(group).map(asCellValue)));
  const first = last < FIRST_GROUP_ROW - 1 ? 1 : last + 1;
  const needed = first + lines.length - 1 - sheet.getMaxRows();
  if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
  if (sheet.getMaxColumns() < width) {
    sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  }
  sheet.getRange(first, 1, lines.length, width).setValues(lines);
}
