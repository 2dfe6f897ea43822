// Copies leads' rows into their yearly archive (SPEC §16), skipping rows it already holds, then
// reads the archive again: only leads found there whole may leave the tracker.

import { textOf } from '../sheet/cells';
import { isDate, type TimeZone } from '../sheet/calendar';
import { readDate } from '../sheet/dateCells';
import { carryRow } from '../method/pool/poolMoves';
import { ARCHIVED_TABS, type ArchiveBook, type ArchivedTab } from './archiveBooks';
import { appendRowsNow, type CommitTarget, commitEdits } from './commit';
import { type LeadEdits, sameCell } from '../sheet/placement';
import { readColumn } from './table';

/** A tracker tab's rows of the leads that move, by Lead ID, and its header. */
export interface MovingRows {
  readonly header: readonly unknown[];
  /** Column of the Lead ID in the tracker's header (0-based). */
  readonly idColumn: number;
  readonly rowsById: ReadonlyMap<string, readonly (readonly unknown[])[]>;
}

export interface CopyResult {
  /** Leads whose rows of every tab are in the archive after a fresh read. */
  readonly verified: string[];
  /** Rows appended per tab in this run. */
  readonly appended: Record<ArchivedTab, number>;
}

/** How many rows of each Lead ID the archive's tab holds, from one read of its ID column. */
function idCounts(book: ArchiveBook, key: ArchivedTab, idHeader: unknown): Map<string, number> {
  const { sheet, header } = book.tabs[key];
  const wanted = textOf(idHeader).toLowerCase();
  const column = header.findIndex((h) => textOf(h).toLowerCase() === wanted);
  const counts = new Map<string, number>();
  if (column < 0) return counts;
  for (const cell of readColumn(sheet, 1, column)) {
    const id = textOf(cell);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/**
 * Appends, tab by tab in one write each, the rows of these leads the archive's tab does not hold
 * yet. A lead's rows of a tab go in one write, in the tracker's order, so a rerun finds the first
 * ones there and adds only rows written since (a follow-up logged in between): nothing doubles.
 * The archive is the tracker's alone, so rows go straight below its last.
 */
export function copyToArchive(
  book: ArchiveBook,
  ids: readonly string[],
  tracker: Partial<Record<ArchivedTab, MovingRows>>,
  zone: TimeZone,
): CopyResult {
  const appended: Record<ArchivedTab, number> = { leads: 0, followups: 0, conversions: 0 };
  for (const key of ARCHIVED_TABS) {
    const source = tracker[key];
    if (!source) continue;
    const held = idCounts(book, key, source.header[source.idColumn]);
    const { sheet, header } = book.tabs[key];
    const rows = ids
      .flatMap((id) => (source.rowsById.get(id) ?? []).slice(held.get(id) ?? 0))
      .map((row) => carryRow(row, source.header, header));
    const target: CommitTarget = {
      spreadsheet: book.spreadsheet,
      sheet,
      headerRow: 1,
      identity: { idColumn: 0, identityColumns: [] },
      zone,
      mode: 'ranges',
    };
    appendRowsNow(target, rows);
    appended[key] = rows.length;
  }
  const present = Object.fromEntries(
    ARCHIVED_TABS.map((key) => {
      const source = tracker[key];
      return [key, source ? idCounts(book, key, source.header[source.idColumn]) : new Map()];
    }),
  ) as Record<ArchivedTab, Map<string, number>>;
  const verified = ids.filter((id) =>
    ARCHIVED_TABS.every(
      (key) => (present[key].get(id) ?? 0) >= (tracker[key]?.rowsById.get(id)?.length ?? 0),
    ),
  );
  return { verified, appended };
}

/**
 * Carries into the archive what people typed into the leads' Leads rows after they were copied
 * (handed over by the deletion's last read of those rows), placed by Lead ID: the archive keeps
 * the lead as it was when it left the tracker.
 */
export function carryLateEdits(
  books: ReadonlyMap<string, ArchiveBook>,
  copied: MovingRows,
  now: ReadonlyMap<string, readonly unknown[]>,
  zone: TimeZone,
): void {
  const byBook = new Map<ArchiveBook, LeadEdits[]>();
  for (const [id, book] of books) {
    const row = now.get(id);
    const first = copied.rowsById.get(id)?.[0];
    if (!row || !first) continue;
    const header = book.tabs.leads.header;
    const was = carryRow(first, copied.header, header);
    const edits = carryRow(row, copied.header, header).flatMap((read, column) => {
      // The row read again comes through the Sheets service, which gives a date in a column it
      // does not know as a serial number: where the copy holds a date, that number is a date.
      const value =
        isDate(was[column]) && typeof read === 'number' ? (readDate(read, zone) ?? read) : read;
      return sameCell(value, was[column]) ? [] : [{ column, value, was: was[column] }];
    });
    if (edits.length === 0) continue;
    byBook.set(book, [...(byBook.get(book) ?? []), { key: `id:${id}`, edits }]);
  }
  for (const [book, leads] of byBook) {
    const wanted = textOf(copied.header[copied.idColumn]).toLowerCase();
    commitEdits(
      {
        spreadsheet: book.spreadsheet,
        sheet: book.tabs.leads.sheet,
        headerRow: 1,
        identity: {
          idColumn: book.tabs.leads.header.findIndex((h) => textOf(h).toLowerCase() === wanted),
          identityColumns: [],
        },
        zone,
        mode: 'ranges',
      },
      leads,
    );
  }
}
