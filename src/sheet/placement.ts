// Where an operation's cell changes land in a tab people keep editing: each lead's changes are
// placed on the row that holds that lead when the commit reads it, never by the row the operation
// first read, and checked after writing (pure; src/gas/commit.ts does the reading and writing).

import { isDate } from './calendar';
import { isBlank, textOf } from './cells';

/** One cell an operation changes, with the value it read there (to notice a person's edit since). */
export interface CellEdit {
  /** 0-based column of the tab. */
  readonly column: number;
  readonly value: unknown;
  /** The cell as the operation read it. */
  readonly was: unknown;
  /**
   * Edits of one lead sharing a group stand or fall together, and yield to a person: when a person
   * changed any of them since the read, the person's values stay and the whole group is dropped
   * (an assignment never overrides an owner a manager typed meanwhile).
   */
  readonly yieldGroup?: string;
}

/** A lead's edits, found by its key (see rowKey). */
export interface LeadEdits {
  readonly key: string;
  readonly edits: readonly CellEdit[];
  /**
   * For a lead without a Lead ID: the data row it was read on and the cells filled in it then
   * (the cells that tell leads apart, and those a person types). A person may go on typing into
   * it while the operation runs, and its key then changes: it is found on that row still.
   */
  readonly typedAt?: TypedAt;
}

/** Where a lead without a Lead ID was read, and its filled cells then (column, value). */
export interface TypedAt {
  readonly row: number;
  readonly cells: readonly (readonly [number, unknown])[];
}

/** A span of a tab's data rows as read: row 0 is the first data row; cell(row, column) by tab column. */
export interface Grid {
  /** The first data row read (0 when the whole tab was read); rows above it are unknown. */
  readonly firstRow?: number;
  /** One past the last data row read. */
  readonly rowCount: number;
  /** The data rows read, ascending, when only some rows between firstRow and rowCount were. */
  readonly rows?: readonly number[];
  cell(row: number, column: number): unknown;
}

/** The data rows a grid holds, top to bottom. */
export function gridRows(grid: Grid): Iterable<number> {
  if (grid.rows) return grid.rows;
  const first = grid.firstRow ?? 0;
  return Array.from({ length: Math.max(0, grid.rowCount - first) }, (_, i) => first + i);
}

/** Which cells tell leads apart: the Lead ID, and for a row without one yet, the cells a person typed. */
export interface RowIdentity {
  readonly idColumn: number;
  /** Contact, phone and company: a new lead is known by them. */
  readonly identityColumns: readonly number[];
  /**
   * The other cells a person types (source, need, budget…): a new lead whose contact, phone and
   * company are still blank is known by them. Empty where the commit does not read them.
   */
  readonly typedColumns?: readonly number[];
}

/** A person's value that the operation's later write replaced (the Log keeps it). */
export interface ReplacedValue {
  readonly key: string;
  readonly column: number;
  readonly personValue: unknown;
  readonly value: unknown;
}

/** The cells to write, by 0-based data row and column. */
export type CellWrites = Map<number, Map<number, unknown>>;

export interface Placement {
  readonly writes: CellWrites;
  /** The planned lead (its place in the plan) each written row holds. */
  readonly leadAt: Map<number, number>;
  readonly replaced: ReplacedValue[];
  /** Groups dropped because a person changed one of their cells first. */
  readonly yielded: { key: string; group: string }[];
  /** Leads no longer in the tab (a person deleted them): their edits are dropped. */
  readonly gone: string[];
}

/** Two cell values are the same (dates to the second: a date written as text keeps no milliseconds). */
export function sameCell(a: unknown, b: unknown): boolean {
  if (isDate(a) || isDate(b)) {
    return isDate(a) && isDate(b) && Math.abs(a.getTime() - b.getTime()) < 1000;
  }
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  return textOf(a) === textOf(b);
}

/**
 * A lead's key: `id:` and its Lead ID; without one, `new:` and its contact, phone and company, or
 * while those are blank, `typed:` and the other cells a person typed (a row where only a source
 * was picked is a lead being typed). A row with none of them filled has the blank key `new:…`.
 */
export function rowKey(cell: (column: number) => unknown, identity: RowIdentity): string {
  const id = textOf(cell(identity.idColumn));
  if (id) return `id:${id}`;
  const named = identity.identityColumns.map((c) => keyText(cell(c)));
  const typed = named.every((text) => text === '') ? (identity.typedColumns ?? []) : [];
  const cells = typed.map((c) => keyText(cell(c)));
  if (cells.some((text) => text !== '')) return `typed:${JSON.stringify(cells)}`;
  return `new:${JSON.stringify(named)}`;
}

/** The cells filled in a row without a Lead ID, among those that tell leads apart. */
export function typedCells(
  cell: (column: number) => unknown,
  identity: RowIdentity,
): [number, unknown][] {
  return [...identity.identityColumns, ...(identity.typedColumns ?? [])]
    .filter((c) => !isBlank(cell(c)))
    .map((c) => [c, cell(c)]);
}

/**
 * Whether `now` is the row `typedAt` was read from, a person having gone on typing into it: the
 * cells filled then are all as they were (blank ones may have been filled since).
 */
function goesOnTyping(typedAt: TypedAt, now: (column: number) => unknown): boolean {
  return typedAt.cells.length > 0 && typedAt.cells.every(([c, value]) => sameCell(now(c), value));
}

/**
 * Whether no row moved between two reads of the same span of rows: each row holds the same Lead
 * ID in both (but where `written` wrote it), and some lead with an ID is among them to show it.
 * A sort, an insertion or a deletion moves some lead's ID. Reads of scattered rows, or with no
 * lead numbered yet, cannot show that nothing moved: a lead from elsewhere could sit on them.
 */
function idsStayed(
  earlier: Grid,
  later: Grid,
  idColumn: number,
  written?: (row: number) => boolean,
): boolean {
  if (earlier.rows || later.rows) return false;
  const laterFirst = later.firstRow ?? 0;
  const idAt = (grid: Grid, row: number) => textOf(grid.cell(row, idColumn));
  let witnesses = 0;
  for (const row of gridRows(earlier)) {
    if (written?.(row)) continue;
    const id = idAt(earlier, row);
    // A lead past the later read's last row was deleted or pushed down out of it.
    if (row >= later.rowCount) {
      if (id !== '') return false;
    } else if (row >= laterFirst) {
      if (id !== idAt(later, row)) return false;
      if (id !== '') witnesses++;
    }
  }
  return witnesses > 0;
}

function keyText(value: unknown): string | number {
  return isDate(value) ? value.getTime() : textOf(value);
}

/** Rows of a grid by key; a key held by several rows lists them top to bottom. */
export function rowsByKey(grid: Grid, identity: RowIdentity): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  const blank = 'new:' + JSON.stringify(identity.identityColumns.map(() => ''));
  for (const row of gridRows(grid)) {
    const key = rowKey((c) => grid.cell(row, c), identity);
    if (key === blank) continue;
    const list = rows.get(key);
    if (list) list.push(row);
    else rows.set(key, [row]);
  }
  return rows;
}

/** Whether some planned lead's key is on more rows of `grid` than it was planned for. */
export function foundMoreOftenThanPlanned(
  planned: readonly LeadEdits[],
  grid: Grid,
  identity: RowIdentity,
): boolean {
  const wanted = new Map<string, number>();
  for (const lead of planned) wanted.set(lead.key, (wanted.get(lead.key) ?? 0) + 1);
  for (const [key, rows] of rowsByKey(grid, identity))
    if (rows.length > (wanted.get(key) ?? Infinity)) return true;
  return false;
}

/**
 * Places each lead's edits on the row that holds its key in `current`. A key planned several
 * times (two rows that look alike) takes the rows holding it in order; a lead with no edits still
 * takes its row, so the leads after it keep theirs. A lead without a Lead ID whose key no row holds
 * any more is still on the row it was read from when a person went on typing into it there (see
 * goesOnTyping), and no row moved since `asRead`, the operation's first read. A cell a person
 * changed since the operation read it is written anyway (the later write stands) and reported,
 * unless its group yields; a cell that already holds the planned value is not written.
 */
export function placeEdits(
  planned: readonly LeadEdits[],
  current: Grid,
  identity: RowIdentity,
  asRead?: Grid,
): Placement {
  const available = rowsByKey(current, identity);
  const rowOf = planned.map((lead) => available.get(lead.key)?.shift());
  placeTypedOn(planned, rowOf, current, identity, asRead);
  const writes: CellWrites = new Map();
  const leadAt = new Map<number, number>();
  const replaced: ReplacedValue[] = [];
  const yielded: { key: string; group: string }[] = [];
  const gone: string[] = [];
  for (const [at, lead] of planned.entries()) {
    const row = rowOf[at];
    if (row === undefined) {
      gone.push(lead.key);
      continue;
    }
    const personChanged = (edit: CellEdit) => !sameCell(current.cell(row, edit.column), edit.was);
    const dropped = new Set(
      lead.edits
        .filter((edit) => edit.yieldGroup !== undefined && personChanged(edit))
        .map((edit) => edit.yieldGroup as string),
    );
    for (const group of dropped) yielded.push({ key: lead.key, group });
    for (const edit of lead.edits) {
      if (edit.yieldGroup !== undefined && dropped.has(edit.yieldGroup)) continue;
      const now = current.cell(row, edit.column);
      if (sameCell(now, edit.value)) continue;
      if (personChanged(edit)) {
        replaced.push({ key: lead.key, column: edit.column, personValue: now, value: edit.value });
      }
      let cells = writes.get(row);
      if (!cells) writes.set(row, (cells = new Map()));
      cells.set(edit.column, edit.value);
      leadAt.set(row, at);
    }
  }
  return { writes, leadAt, replaced, yielded, gone };
}

/**
 * Gives the leads without a Lead ID that no key found (`rowOf` undefined) the row they were read
 * on, where a person went on typing into them: that row holds no Lead ID and no other lead's
 * place, and no row moved since `asRead`.
 */
function placeTypedOn(
  planned: readonly LeadEdits[],
  rowOf: (number | undefined)[],
  current: Grid,
  identity: RowIdentity,
  asRead: Grid | undefined,
): void {
  const lost = planned.flatMap((lead, at) => (rowOf[at] === undefined && lead.typedAt ? [at] : []));
  if (lost.length === 0 || !asRead || !idsStayed(asRead, current, identity.idColumn)) return;
  const taken = new Set(rowOf.filter((row): row is number => row !== undefined));
  const first = current.firstRow ?? 0;
  const held = current.rows ? new Set(current.rows) : undefined;
  // A row exactly as another row was first read is that row's lead, slid up or down by a person's
  // deletion or insertion below every numbered lead (where new leads are typed, no ID shows it).
  const telling = [
    identity.idColumn,
    ...identity.identityColumns,
    ...(identity.typedColumns ?? []),
  ];
  const readAt = new Map<string, number[]>();
  for (const row of gridRows(asRead)) {
    const witness = witnessOf(asRead, row, telling);
    readAt.set(witness, [...(readAt.get(witness) ?? []), row]);
  }
  for (const at of lost) {
    const typedAt = planned[at].typedAt as TypedAt;
    const row = typedAt.row;
    if (row < first || row >= current.rowCount || (held && !held.has(row)) || taken.has(row))
      continue;
    if (!isBlank(current.cell(row, identity.idColumn))) continue;
    if (!goesOnTyping(typedAt, (c) => current.cell(row, c))) continue;
    const alike = readAt.get(witnessOf(current, row, telling)) ?? [];
    if (alike.some((other) => other !== row)) continue;
    rowOf[at] = row;
    taken.add(row);
  }
}

/** A rectangle of cells written with one range: 0-based first data row and column. */
export interface Rectangle {
  readonly row: number;
  readonly column: number;
  readonly values: unknown[][];
}

/**
 * The fewest rectangles that cover exactly the cells to write: runs of adjacent columns in a row,
 * stacked where consecutive rows change the same run. No cell outside `writes` is ever covered.
 */
export function rectanglesOf(writes: CellWrites): Rectangle[] {
  const byRun = new Map<string, { row: number; values: unknown[] }[]>();
  const rows = [...writes.keys()].sort((a, b) => a - b);
  for (const row of rows) {
    const cells = writes.get(row) as Map<number, unknown>;
    const columns = [...cells.keys()].sort((a, b) => a - b);
    let start = 0;
    for (let i = 1; i <= columns.length; i++) {
      if (i < columns.length && columns[i] === columns[i - 1] + 1) continue;
      const run = columns.slice(start, i);
      const runKey = `${run[0]}:${run.length}`;
      const list = byRun.get(runKey) ?? [];
      list.push({ row, values: run.map((c) => cells.get(c)) });
      byRun.set(runKey, list);
      start = i;
    }
  }
  const rectangles: Rectangle[] = [];
  for (const [runKey, list] of byRun) {
    const column = Number(runKey.split(':')[0]);
    let current: { row: number; values: unknown[][] } | undefined;
    for (const line of list) {
      if (current && current.row + current.values.length === line.row) {
        current.values.push(line.values);
      } else {
        if (current) rectangles.push({ column, ...current });
        current = { row: line.row, values: [line.values] };
      }
    }
    if (current) rectangles.push({ column, ...current });
  }
  return rectangles.sort((a, b) => a.row - b.row || a.column - b.column);
}

/** The cells that show which lead a row holds after a write: the key cells the write left alone. */
function witnessOf(grid: Grid, row: number, columns: readonly number[]): string {
  return JSON.stringify(columns.map((c) => keyText(grid.cell(row, c))));
}

/**
 * Checks a write against the tab read after it. A person may have sorted, inserted or deleted rows
 * between the read the write was placed by (`before`) and the write itself, so values can have
 * landed on another lead's row. Returns the writes that put things right (the other lead's cells
 * back as they were, the planned cells on the row that holds their lead now), or none when every
 * written row still holds its lead.
 */
export function repairsAfterWrite(
  writes: CellWrites,
  before: Grid,
  after: Grid,
  identity: RowIdentity,
  snapshot?: Grid,
): {
  repairs: CellWrites;
  gone: number;
  misplaced: number;
  /** Leads whose cells took this write and whose own values no read knew: cleared, not restored. */
  unrestored: Unrestored[];
} {
  const written = new Set<number>();
  for (const cells of writes.values()) for (const column of cells.keys()) written.add(column);
  const telling = [...identity.identityColumns, ...(identity.typedColumns ?? [])];
  const witnessColumns = [identity.idColumn, ...telling].filter((c) => !written.has(c));
  // A person who corrected a lead's contact, phone or company meanwhile did not move it: a row that
  // still holds the Lead ID it held (one the write left alone), which no other row read holds, and
  // one of those cells filled as it was, holds its lead. (A new lead the write numbered has no ID
  // to go by: any of its cells may be another lead's too.)
  const idCounts = (grid: Grid) => {
    const counts = new Map<string, number>();
    for (const row of gridRows(grid)) {
      const id = textOf(grid.cell(row, identity.idColumn));
      if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  };
  let counted: { before: Map<string, number>; after: Map<string, number> } | undefined;
  const sameLead = (row: number) => {
    if (writes.get(row)?.has(identity.idColumn)) return false;
    const id = textOf(before.cell(row, identity.idColumn));
    if (id === '' || id !== textOf(after.cell(row, identity.idColumn))) return false;
    counted ??= { before: idCounts(before), after: idCounts(after) };
    if (counted.before.get(id) !== 1 || counted.after.get(id) !== 1) return false;
    const kept = telling.filter((c) => !written.has(c));
    return (
      kept.length === 0 ||
      kept.some((c) => {
        const was = keyText(before.cell(row, c));
        return was !== '' && was === keyText(after.cell(row, c));
      })
    );
  };
  const index = (grid: Grid, knownOnly = false) => {
    const map = new Map<string, number[]>();
    for (const row of gridRows(grid)) {
      // A row whose telling cells a narrow read never saw must not pass for a lead with blank ones.
      if (knownOnly && witnessColumns.some((c) => grid.cell(row, c) === undefined)) continue;
      const witness = witnessOf(grid, row, witnessColumns);
      const rows = map.get(witness);
      if (rows) rows.push(row);
      else map.set(witness, [row]);
    }
    return map;
  };
  // A person who went on typing into a new lead the write numbered did not move it either: the
  // cells filled before are as they were, no row moved (no Lead ID but the written ones changed),
  // and the row is not exactly another row read before (a sort that swapped two new leads).
  let stayed: boolean | undefined;
  let readBefore: Map<string, number[]> | undefined;
  const typedOn = (row: number) => {
    if (!isBlank(before.cell(row, identity.idColumn))) return false;
    const cells = typedCells((c) => (written.has(c) ? '' : before.cell(row, c)), identity);
    if (!goesOnTyping({ row, cells }, (c) => after.cell(row, c))) return false;
    readBefore ??= index(before);
    const alike = readBefore.get(witnessOf(after, row, witnessColumns)) ?? [];
    if (alike.some((other) => other !== row)) return false;
    stayed ??= idsStayed(before, after, identity.idColumn, (r) =>
      Boolean(writes.get(r)?.has(identity.idColumn)),
    );
    return stayed;
  };
  const moved = [...writes.keys()].filter(
    (row) =>
      row >= after.rowCount ||
      (witnessOf(after, row, witnessColumns) !== witnessOf(before, row, witnessColumns) &&
        !sameLead(row) &&
        !typedOn(row)),
  );
  const repairs: CellWrites = new Map();
  if (moved.length === 0) return { repairs, gone: 0, misplaced: 0, unrestored: [] };
  const beforeRows = readBefore ?? index(before);
  const afterRows = index(after);
  // A row whose lead now sits elsewhere holding every value written for it took the write and
  // moved after it (a sort just after writing): nothing landed on another lead there.
  const holdsWrite = (at: number, row: number) => {
    for (const [column, value] of writes.get(row) as Map<number, unknown>)
      if (!sameCell(after.cell(at, column), value)) return false;
    return true;
  };
  // Unless the lead now on the written row holds a value written there that is not its own: leads
  // share values (an hour's owner, time and due time), so the written row's lead may hold them
  // only because it moved onto another written row, while the lead that came onto its row took
  // them. A value the lead would have had anyway (its own planned one, or the one it held) is no
  // harm, and a cell holding anything but the written value was not this write's.
  const tookAnothersValue = (row: number) => {
    if (row >= after.rowCount) return false;
    const holder = beforeRows.get(witnessOf(after, row, witnessColumns))?.[0];
    if (holder === undefined) return false;
    const planned = writes.get(holder);
    for (const [column, value] of writes.get(row) as Map<number, unknown>) {
      if (!sameCell(after.cell(row, column), value)) continue;
      const own = planned?.has(column) ? planned.get(column) : before.cell(holder, column);
      if (!sameCell(value, own)) return true;
    }
    return false;
  };
  const misplaced = moved.filter((row) => {
    const now = afterRows.get(witnessOf(before, row, witnessColumns))?.[0];
    return now === undefined || !holdsWrite(now, row) || tookAnothersValue(row);
  });
  if (misplaced.length === 0) return { repairs, gone: 0, misplaced: 0, unrestored: [] };
  const put = (row: number, column: number, value: unknown) => {
    let cells = repairs.get(row);
    if (!cells) repairs.set(row, (cells = new Map()));
    cells.set(column, value);
  };
  // A lead the read before the write did not see (it read only some rows) is found in the
  // operation's snapshot: its cells as the run first read them beat clearing them.
  let snapshotRows: Map<string, number[]> | undefined;
  const fromSnapshot = (witness: string) => {
    if (!snapshot) return undefined;
    snapshotRows ??= index(snapshot, true);
    return snapshotRows.get(witness)?.[0];
  };
  const unrestored: Unrestored[] = [];
  // The lead whose row took the values: its own cells back (or its own planned values).
  for (const row of misplaced) {
    if (row >= after.rowCount) continue;
    const witness = witnessOf(after, row, witnessColumns);
    const holder = beforeRows.get(witness)?.[0];
    const known = holder === undefined ? fromSnapshot(witness) : undefined;
    const lost: number[] = [];
    for (const column of (writes.get(row) as Map<number, unknown>).keys()) {
      const planned = holder === undefined ? undefined : writes.get(holder);
      // A snapshot cell is undefined where the operation never read it (a narrow read).
      const value = planned?.has(column)
        ? planned.get(column)
        : holder !== undefined
          ? before.cell(holder, column)
          : known !== undefined && snapshot
            ? snapshot.cell(known, column)
            : undefined;
      if (value === undefined) lost.push(column);
      put(row, column, value ?? '');
    }
    // Named by the cells this write left alone: a written Lead ID is the other lead's.
    if (lost.length > 0)
      unrestored.push({
        key: rowKey((c) => (written.has(c) ? '' : after.cell(row, c)), identity),
        row,
        columns: lost,
      });
  }
  // The planned values, on the row that holds their lead now.
  let gone = 0;
  for (const row of misplaced) {
    const now = afterRows.get(witnessOf(before, row, witnessColumns))?.[0];
    if (now === undefined) {
      gone++;
      continue;
    }
    for (const [column, value] of writes.get(row) as Map<number, unknown>) put(now, column, value);
  }
  // Cells that already hold what they should need no write.
  for (const [row, cells] of repairs) {
    for (const [column, value] of cells) {
      if (row < after.rowCount && sameCell(after.cell(row, column), value)) cells.delete(column);
    }
    if (cells.size === 0) repairs.delete(row);
  }
  return { repairs, gone, misplaced: misplaced.length, unrestored };
}

/** A lead whose written cells were cleared after a write meant for another lead landed on them. */
export interface Unrestored {
  readonly key: string;
  /** The data row (0-based) it was on after the write. */
  readonly row: number;
  readonly columns: readonly number[];
}

/**
 * Turns changes planned on the rows an operation read (row indexes of that read) into edits by
 * lead, keyed by the row as it was read, before any of the changes. `firstRow` is the data row
 * of the read's first row; a lead without a Lead ID also keeps where it was read and what was
 * typed in it (see LeadEdits.typedAt).
 */
export function editsByLead(
  changes: readonly { row: number; column: number; value: unknown }[],
  rowsAsRead: readonly (readonly unknown[])[],
  identity: RowIdentity,
  options: {
    readonly yieldGroupOf?: (column: number) => string | undefined;
    readonly firstRow?: number;
  } = {},
): LeadEdits[] {
  const { yieldGroupOf = () => undefined, firstRow = 0 } = options;
  const byRow = new Map<number, CellEdit[]>();
  for (const change of changes) {
    const edits = byRow.get(change.row) ?? [];
    const yieldGroup = yieldGroupOf(change.column);
    edits.push({
      column: change.column,
      value: change.value,
      was: rowsAsRead[change.row]?.[change.column] ?? '',
      ...(yieldGroup ? { yieldGroup } : {}),
    });
    byRow.set(change.row, edits);
  }
  return [...byRow.entries()]
    .sort(([a], [b]) => a - b)
    .map(([row, edits]) => {
      const cell = (c: number) => rowsAsRead[row]?.[c] ?? '';
      const key = rowKey(cell, identity);
      if (key.startsWith('id:')) return { key, edits };
      return { key, edits, typedAt: { row: firstRow + row, cells: typedCells(cell, identity) } };
    });
}
