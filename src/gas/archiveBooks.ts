// The yearly archive spreadsheets (SPEC §16): found by the ID the tracker's state tab remembers, or
// created once with the tracker's tabs and headers; one that cannot be opened is named in the Log.

import type { Language } from '../sheet/language';
import { TAB_NAMES } from '../sheet/tabs';
import { ARCHIVE, t } from '../sheet/text';
import { headersToAdd } from '../method/pool/poolMoves';
import { readState, saveState, STATE_KEYS, writeState } from './stateStore';
import type { Sheet, Spreadsheet } from './workbook';
import type { TimeZone } from '../sheet/calendar';
import { labelIn } from '../sheet/language';

/** The tabs an archive holds, as the tracker names them. */
export type ArchivedTab = 'leads' | 'followups' | 'conversions';
export const ARCHIVED_TABS: readonly ArchivedTab[] = ['leads', 'followups', 'conversions'];

export interface ArchiveBook {
  readonly spreadsheet: Spreadsheet;
  readonly tabs: Record<ArchivedTab, { sheet: Sheet; header: unknown[] }>;
}

export type OpenedArchive =
  { readonly book: ArchiveBook; readonly replacedId?: string } | { readonly unreachableId: string };

function openOrNull(id: string): Spreadsheet | null {
  try {
    return SpreadsheetApp.openById(id);
  } catch {
    return null;
  }
}

/** A new archive's tab holds its header row and one blank row, not Google's 1000 × 26 cells. */
function trimNew(sheet: Sheet, width: number): void {
  if (sheet.getMaxRows() > 2) sheet.deleteRows(3, sheet.getMaxRows() - 2);
  if (sheet.getMaxColumns() > width) sheet.deleteColumns(width + 1, sheet.getMaxColumns() - width);
}

/**
 * The archive's tab for `key` with every header the tracker's tab has: a missing tab is made (the
 * new spreadsheet's first tab is renamed for Leads), missing headers are added at the end.
 */
function archiveTab(
  book: Spreadsheet,
  key: ArchivedTab,
  trackerHeader: readonly unknown[],
  language: Language,
): { sheet: Sheet; header: unknown[] } {
  const names = TAB_NAMES[key];
  let sheet = book.getSheetByName(labelIn(language, names)) ?? book.getSheetByName(names.en);
  const width = Math.max(1, trackerHeader.length);
  if (!sheet) {
    const blank = key === 'leads' ? book.getSheets()[0] : undefined;
    sheet = blank && blank.getLastRow() === 0 ? blank : book.insertSheet(labelIn(language, names));
    if (sheet.getName() !== labelIn(language, names)) sheet.setName(labelIn(language, names));
    trimNew(sheet, width);
  }
  const lastColumn = sheet.getLastColumn();
  const header: unknown[] =
    lastColumn > 0 ? sheet.getRange(1, 1, 1, lastColumn).getValues()[0] : [];
  const missing = headersToAdd(trackerHeader, header);
  if (missing.length > 0) {
    const needed = header.length + missing.length - sheet.getMaxColumns();
    if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
    sheet.getRange(1, header.length + 1, 1, missing.length).setValues([missing]);
    header.push(...missing);
    sheet.setFrozenRows(1);
  }
  return { sheet, header };
}

/**
 * The archive of `year`, its tabs ready for the tracker's rows. Its ID is stored the moment it is
 * created, so a run that dies later, or another editor, reuses it. One that cannot be opened is
 * replaced only when `mayReplace` (a person asked from the menu and is told); otherwise its year
 * waits, and the caller says so.
 */
export function openArchive(
  year: number,
  headers: Record<ArchivedTab, readonly unknown[]>,
  context: {
    readonly spreadsheet: Spreadsheet;
    readonly language: Language;
    readonly zone: TimeZone;
    readonly mayReplace: boolean;
  },
): OpenedArchive {
  const { spreadsheet, language, zone } = context;
  const ids = readState<Record<string, string>>(STATE_KEYS.archiveBooks, {});
  const known = ids[String(year)];
  let book = known ? openOrNull(known) : null;
  if (known && !book && !context.mayReplace) return { unreachableId: known };
  if (!book) {
    book = SpreadsheetApp.create(t(language, ARCHIVE.bookName, spreadsheet.getName(), year));
    writeState(STATE_KEYS.archiveBooks, { ...ids, [String(year)]: book.getId() });
    saveState();
    if (book.getSpreadsheetTimeZone() !== zone.name) book.setSpreadsheetTimeZone(zone.name);
  }
  const opened = book;
  const tabs = Object.fromEntries(
    ARCHIVED_TABS.map((key) => [key, archiveTab(opened, key, headers[key], language)]),
  ) as ArchiveBook['tabs'];
  return {
    book: { spreadsheet: opened, tabs },
    ...(known && known !== opened.getId() ? { replacedId: known } : {}),
  };
}
