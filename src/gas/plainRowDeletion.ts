// Deletes leads' rows by Lead ID with SpreadsheetApp alone, for a script without the Sheets
// service: a deletion is one call per block of rows, not one atomic request, so the tab is read
// whole just before, and any row a person's move slid under a deletion is put back from that read.

import { isBlank, textOf } from '../sheet/cells';
import { deletionBlocks } from '../method/pool/poolMoves';
import { appendRowsNow, type CommitTarget, MAX_ROUNDS, RowsKeptMovingError } from './commit';

/** A row told apart without its Lead ID: its identity cells (contact, phone, company). */
function keyOf(target: CommitTarget, row: readonly unknown[]): string {
  const id = textOf(row[target.identity.idColumn]);
  if (id) return `id:${id}`;
  return `new:${target.identity.identityColumns.map((c) => textOf(row[c])).join('\u0000')}`;
}

/**
 * Rows read past the last one: a person who inserts rows between the ask for the tab's length and
 * the read must not push a lead out of it, where it would look deleted and be put back twice.
 */
const READ_SLACK = 100;

/** Every data row, whole, in one read (blank rows past the last one left out). */
function readRows(target: CommitTarget): unknown[][] {
  const { sheet, headerRow } = target;
  const width = sheet.getLastColumn();
  for (let attempt = 0; ; attempt++) {
    const last = Math.min(sheet.getLastRow() + READ_SLACK, sheet.getMaxRows());
    if (last <= headerRow || width < 1) return [];
    try {
      const rows = sheet.getRange(headerRow + 1, 1, last - headerRow, width).getValues();
      while (rows.length > 0 && rows[rows.length - 1].every(isBlank)) rows.pop();
      return rows;
    } catch (error) {
      // A person deleted rows since the tab's length was asked: ask again, once.
      if (attempt > 0 || sheet.getMaxRows() >= last) throw error;
    }
  }
}

/** How often each key appears. */
function counted(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/**
 * Deletes every row holding one of these Lead IDs, bottom block first, each block found in the
 * read just before. A row that went but was not meant to (a person sorted, inserted or deleted
 * rows in between) is appended again as that read held it, and a lead still there goes in the
 * next round. `beforeDeleting` gets the leads' rows as the first read found them.
 */
export function deleteLeadRowsPlainly(
  target: CommitTarget,
  wanted: ReadonlySet<string>,
  beforeDeleting?: (rowsById: ReadonlyMap<string, readonly unknown[]>) => void,
): void {
  const { sheet, headerRow } = target;
  for (let round = 0; ; round++) {
    if (round === MAX_ROUNDS) throw new RowsKeptMovingError(sheet.getName());
    const before = readRows(target);
    const ids = before.map((row) => textOf(row[target.identity.idColumn]));
    if (beforeDeleting) {
      const rowsById = new Map<string, readonly unknown[]>();
      ids.forEach((id, at) => {
        if (wanted.has(id) && !rowsById.has(id)) rowsById.set(id, before[at]);
      });
      beforeDeleting(rowsById);
      beforeDeleting = undefined;
    }
    const rows = ids.flatMap((id, at) => (wanted.has(id) ? [at] : []));
    if (rows.length === 0) return;
    // Google refuses to delete every non-frozen row: a blank one is left at the bottom.
    const maxRows = sheet.getMaxRows();
    if (maxRows - rows.length - sheet.getFrozenRows() < 1) sheet.insertRowAfter(maxRows);
    for (const block of deletionBlocks(rows))
      sheet.deleteRows(headerRow + 1 + block.start, block.count);
    putBackWhatWentAmiss(target, before, wanted);
  }
}

/**
 * Appends again, as `before` held them, the rows not meant to go that are no longer in the tab
 * when a block took a row it was not meant to: each kept lead must be there as often as it was.
 */
function putBackWhatWentAmiss(
  target: CommitTarget,
  before: readonly (readonly unknown[])[],
  wanted: ReadonlySet<string>,
): void {
  // A row a person deleted in the same instant looks the same as one a block took by mistake
  // (either shifts the rows under the blocks): it is put back too, so that nothing is ever lost.
  const there = counted(readRows(target).map((row) => keyOf(target, row)));
  const missing: (readonly unknown[])[] = [];
  for (const row of before) {
    if (wanted.has(textOf(row[target.identity.idColumn])) || row.every(isBlank)) continue;
    const key = keyOf(target, row);
    const left = there.get(key) ?? 0;
    if (left > 0) there.set(key, left - 1);
    else missing.push(row);
  }
  if (missing.length > 0) appendRowsNow(target, missing);
}
