// Fewer ranges for scattered writes of computed cells: the rows between two written blocks are
// written again with what they hold, so that both blocks and the rows between go in one range.

import { isBlank } from './cells';
import type { CellWrites, Grid } from './placement';

/**
 * Cells a call costs to write: about 30 ms a call against 12.5 µs a cell written (the cost model
 * of docs/platform-limits.md). A gap of fewer cells costs less written again than written around.
 */
export const CELLS_WRITTEN_PER_CALL = 2_400;

/**
 * The writes with gaps filled, so that scattered blocks become one range. Written rows that change
 * only `refillable` columns take every such column any of them changes (kept only where that
 * joins a row to a neighbour), and so do the rows between two of them, where a gap costs less to
 * write than the call it saves: each filled cell is
 * written again with the value the read `before` says it holds, on rows that hold a lead. Without
 * the Sheets service every range is a call: a paste over a thousand leads, or a scoring pass a
 * month on (derived urgency moves a lead in six, all through the tab), would make a call for each
 * run of changed rows, tens of thousands of them in a long tab, far past Apps Script's 6 minutes.
 *
 * Only columns an operation computes for every lead belong in `refillable` (a score, its grade and
 * its breakdown): a value written again there is the value the next scoring pass would give it.
 * The commit checks the filled rows after writing like any other, so a row a person's sort slid
 * under a filled cell is put right as a misplaced write is.
 */
export function withGapsRefilled(
  writes: CellWrites,
  before: Grid,
  refillable: ReadonlySet<number>,
  idColumn: number,
): CellWrites {
  const byNumber = (a: number, b: number) => a - b;
  const known = knownRows(before);
  const holdsLead = (row: number) => known(row) && !isBlank(before.cell(row, idColumn));
  const rows = [...writes.keys()]
    .filter(
      (row) => holdsLead(row) && [...cellsAt(writes, row).keys()].every((c) => refillable.has(c)),
    )
    .sort(byNumber);
  if (rows.length < 2) return writes;
  const columns = [...new Set(rows.flatMap((row) => [...cellsAt(writes, row).keys()]))].sort(
    byNumber,
  );
  const filled: CellWrites = new Map(writes);
  // Every cell of the columns on a row, as written or as it holds; undefined where not known.
  const wholeRow = (row: number): Map<number, unknown> | undefined => {
    const cells = new Map<number, unknown>();
    for (const column of columns) {
      const value = writes.get(row)?.has(column)
        ? writes.get(row)?.get(column)
        : before.cell(row, column);
      if (value === undefined) return undefined;
      cells.set(column, value);
    }
    return cells;
  };
  const whole = new Set<number>();
  for (const row of rows) {
    const cells = wholeRow(row);
    if (!cells) continue;
    filled.set(row, cells);
    whole.add(row);
  }
  for (let i = 1; i < rows.length; i++) {
    const [above, below] = [rows[i - 1], rows[i]];
    if (below === above + 1 || !whole.has(above) || !whole.has(below)) continue;
    if ((below - above - 1) * columns.length > CELLS_WRITTEN_PER_CALL) continue;
    const lines: [number, Map<number, unknown>][] = [];
    for (let row = above + 1; row < below; row++) {
      const line = holdsLead(row) && !writes.has(row) ? wholeRow(row) : undefined;
      if (!line) break;
      lines.push([row, line]);
    }
    if (lines.length < below - above - 1) continue;
    for (const [row, line] of lines) {
      filled.set(row, line);
      whole.add(row);
    }
  }
  // A row given cells it does not change gains only where it joins a neighbour in one range;
  // alone, it keeps just its own changes.
  for (const row of rows) {
    if (whole.has(row) && !whole.has(row - 1) && !whole.has(row + 1))
      filled.set(row, cellsAt(writes, row));
  }
  return filled;
}

function cellsAt(writes: CellWrites, row: number): Map<number, unknown> {
  return writes.get(row) as Map<number, unknown>;
}

/** Whether a row of the grid was read (a narrow read knows only some rows). */
function knownRows(grid: Grid): (row: number) => boolean {
  const first = grid.firstRow ?? 0;
  const some = grid.rows && new Set(grid.rows);
  return (row) => row >= first && row < grid.rowCount && (!some || some.has(row));
}
