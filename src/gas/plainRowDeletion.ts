// Deletes leads' rows by Lead ID with SpreadsheetApp alone, for a script without the Sheets
// service: a deletion is one call per block of rows, not one atomic request, so the tab is read
// whole just before, and any row a person's move slid under a deletion is put back from that read.

import { isDate } from '../sheet/calendar';
import { isBlank, textOf } from '../sheet/cells';
import { deletionBlocks } from '../method/pool/poolMoves';
import { appendRowsNow, type CommitTarget, MAX_ROUNDS, RowsKeptMovingError } from './commit';
import { rowsToEnd } from './rowsToEnd';

/** Every data row, whole, in one read. */
function readRows(target: CommitTarget): unknown[][] {
  return rowsToEnd(target.sheet, target.headerRow + 1, 1, target.sheet.getLastColumn());
}

/**
 * A row told apart without its other cells: its Lead ID, else its contact, phone and company.
 * `from`: the row's first cell is that column (a read of some columns only).
 */
function keyOf(target: CommitTarget, row: readonly unknown[], from = 0): string {
  const id = textOf(row[target.identity.idColumn - from]);
  if (id) return `id:${id}`;
  return `new:${target.identity.identityColumns.map((c) => textOf(row[c - from])).join('\u0000')}`;
}

/** A row by every cell (a date by its instant), ignoring blank cells at its end. */
function wholeKeyOf(row: readonly unknown[]): string {
  const cells = row.map((cell) =>
    isDate(cell) ? `@${cell.getTime()}` : `${typeof cell}:${textOf(cell)}`,
  );
  while (cells.length > 0 && cells[cells.length - 1] === 'string:') cells.pop();
  return cells.join('\u0000');
}

function take(counts: Map<string, number>, key: string): boolean {
  const left = counts.get(key) ?? 0;
  if (left > 0) counts.set(key, left - 1);
  return left > 0;
}

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
    const before = readRows(target);
    const ids = before.map((row) => textOf(row[target.identity.idColumn]));
    const rows = ids.flatMap((id, at) => (wanted.has(id) ? [at] : []));
    if (beforeDeleting) {
      const rowsById = new Map<string, readonly unknown[]>();
      for (const at of rows) if (!rowsById.has(ids[at])) rowsById.set(ids[at], before[at]);
      beforeDeleting(rowsById);
      beforeDeleting = undefined;
    }
    if (rows.length === 0) return;
    if (round === MAX_ROUNDS) throw new RowsKeptMovingError(sheet.getName());
    // Google refuses to delete every non-frozen row: a blank one is left at the bottom.
    const maxRows = sheet.getMaxRows();
    if (maxRows - rows.length - sheet.getFrozenRows() < 1) sheet.insertRowAfter(maxRows);
    for (const block of deletionBlocks(rows))
      sheet.deleteRows(headerRow + 1 + block.start, block.count);
    if (wentAsPlanned(target, before, wanted)) return;
    putBackWhatWentAmiss(target, before, wanted);
  }
}

/**
 * Whether, by the Lead ID and identity cells alone (a read of those columns only), every row not
 * meant to go is still there and no wanted lead is: the usual case, when nobody moved rows.
 */
function wentAsPlanned(
  target: CommitTarget,
  before: readonly (readonly unknown[])[],
  wanted: ReadonlySet<string>,
): boolean {
  const { idColumn, identityColumns } = target.identity;
  const first = Math.min(idColumn, ...identityColumns);
  const last = Math.max(idColumn, ...identityColumns);
  const keysOf = (row: readonly unknown[]) => keyOf(target, row, first);
  const after = rowsToEnd(target.sheet, target.headerRow + 1, first + 1, last - first + 1);
  if (after.some((row) => wanted.has(textOf(row[idColumn - first])))) return false;
  const present = counted(after.map(keysOf));
  const blank = blankKey(target);
  // A row with content but no ID or name has the key of a blank row: only the whole read tells.
  return before.every((row) => {
    if (wanted.has(textOf(row[idColumn])) || row.every(isBlank)) return true;
    const key = keyOf(target, row);
    return key !== blank && take(present, key);
  });
}

/** The key of a row with no Lead ID, contact, phone or company: many rows share it. */
const blankKey = (target: CommitTarget) => keyOf(target, []);

/**
 * Appends again, as `before` held them, the rows not meant to go that are no longer in the tab
 * when a block took a row it was not meant to. Rows are matched cell for cell first, so that of
 * several rows sharing a Lead ID (a lead's follow-ups) the one that went is the one put back; a
 * row a person changed meanwhile is then matched by its Lead ID or identity cells.
 */
function putBackWhatWentAmiss(
  target: CommitTarget,
  before: readonly (readonly unknown[])[],
  wanted: ReadonlySet<string>,
): void {
  const kept = before.filter(
    (row) => !wanted.has(textOf(row[target.identity.idColumn])) && !row.every(isBlank),
  );
  const after = readRows(target);
  const whole = counted(after.map(wholeKeyOf));
  const byKey = counted(after.map((row) => keyOf(target, row)));
  // A row a person deleted in the same instant looks the same as one a block took by mistake
  // (either shifts the rows under the blocks): it is put back too, so that nothing is ever lost.
  const unmatched = kept.filter((row) => {
    if (!take(whole, wholeKeyOf(row))) return true;
    take(byKey, keyOf(target, row));
    return false;
  });
  // A row without ID or name is known by its every cell alone: a blank row is not it.
  const blank = blankKey(target);
  const missing = unmatched.filter((row) => {
    const key = keyOf(target, row);
    return key === blank || !take(byKey, key);
  });
  if (missing.length > 0) appendRowsNow(target, missing);
}
