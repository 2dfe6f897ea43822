// Where the Settings sources table ends, so a new source goes right below its last row and the
// table (and the source drop-down built from it) takes it in.

import { isBlank } from '../../sheet/cells';
import { matchesLabel } from '../../sheet/language';
import { SINGLE_LABELS, SINGLE_ORDER, TABLE_ORDER, TABLES } from './settingsLayout';

export interface SourcesTableEnd {
  /** 0-based row of the table's last filled row (its header row when it has none). */
  readonly lastRow: number;
  /** 0-based column of the Source column. */
  readonly column: number;
}

/** The end of the sources table in the Settings grid, or undefined when the tab has none. */
export function sourcesTableEnd(
  grid: readonly (readonly unknown[])[],
): SourcesTableEnd | undefined {
  const layout = TABLES.sources;
  const titleRow = grid.findIndex((row) => matchesLabel(row[0], layout.title));
  if (titleRow < 0) return undefined;
  const header = grid[titleRow + 1] ?? [];
  const found = header.findIndex((cell) => matchesLabel(cell, layout.columns[0].header));
  const column = found >= 0 ? found : 0;
  const titles = [
    ...TABLE_ORDER.map((key) => TABLES[key].title),
    ...SINGLE_ORDER.map((key) => SINGLE_LABELS[key]),
  ];
  let lastRow = titleRow + 1;
  for (let r = titleRow + 2; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    if (titles.some((title) => matchesLabel(cells[0], title))) break;
    if (!isBlank(cells[column])) lastRow = r;
  }
  return { lastRow, column };
}
