// Cells to write grouped by the value they receive, as the A1 ranges of one RangeList each: an
// hour's assignments scattered over a long tab share a handful of owners, one time and a few due
// times, so they go in a handful of calls instead of one call per row.

import { isDate } from './calendar';
import { columnLetter } from './a1';
import type { CellWrites } from './placement';

/** Ranges one RangeList holds at most: Google documents no limit, so the list is kept modest. */
export const MAX_RANGES_PER_LIST = 1_000;

export interface ValueGroup {
  /** The value every cell of the group receives. */
  readonly value: unknown;
  /** A1 ranges (`S12`, `S40:S45`), at most MAX_RANGES_PER_LIST. */
  readonly a1: readonly string[];
  /** The cells, as 0-based data rows and columns, for what a failed call leaves unwritten. */
  readonly cells: readonly (readonly [row: number, column: number])[];
  /** The lowest sheet row the group reaches. */
  readonly lastRow: number;
}

/** One key per value a cell can be given: text, numbers, booleans and instants kept apart. */
function keyOf(value: unknown): string {
  if (isDate(value)) return `d${value.getTime()}`;
  return `${typeof value}:${String(value)}`;
}

/**
 * The writes grouped by value, each group's cells joined into runs down a column. `headerRow` is
 * the sheet row above data row 0.
 */
export function valueGroups(writes: CellWrites, headerRow: number): ValueGroup[] {
  const byValue = new Map<string, { value: unknown; cells: [number, number][] }>();
  for (const [row, cells] of writes) {
    for (const [column, value] of cells) {
      const key = keyOf(value);
      let group = byValue.get(key);
      if (!group) byValue.set(key, (group = { value, cells: [] }));
      group.cells.push([row, column]);
    }
  }
  const groups: ValueGroup[] = [];
  for (const { value, cells } of byValue.values()) {
    cells.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    let runs: string[] = [];
    let runCells: [number, number][] = [];
    let lastRow = 0;
    const close = () => {
      groups.push({ value, a1: runs, cells: runCells, lastRow });
      runs = [];
      runCells = [];
      lastRow = 0;
    };
    for (let i = 0; i < cells.length;) {
      const [row, column] = cells[i];
      let end = i + 1;
      while (end < cells.length && cells[end][1] === column && cells[end][0] === row + (end - i))
        end++;
      const top = headerRow + 1 + row;
      const bottom = top + (end - i - 1);
      const letter = columnLetter(column + 1);
      runs.push(bottom === top ? `${letter}${top}` : `${letter}${top}:${letter}${bottom}`);
      for (let k = i; k < end; k++) runCells.push(cells[k]);
      lastRow = Math.max(lastRow, bottom);
      if (runs.length === MAX_RANGES_PER_LIST) close();
      i = end;
    }
    if (runs.length > 0) close();
  }
  return groups;
}
