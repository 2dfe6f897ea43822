// Finds columns by their header text (either language, trimmed, case-insensitive), never by position.

import { type Language, foldText } from './language';
import type { ColumnDef } from './tabs';
import { ERRORS, t } from './text';

/** 0-based column index of every known column found in the header row. */
export type ColumnIndex<K extends string> = Partial<Record<K, number>>;

export interface HeaderLayout<K extends string> {
  readonly index: ColumnIndex<K>;
  /** Known columns that the header row lacks. */
  readonly missing: readonly ColumnDef<K>[];
  /** Number of cells in the header row, blank or not (user columns included). */
  readonly width: number;
}

/** Maps each column definition to the first header cell that names it in either language. */
export function locateColumns<K extends string>(
  headerRow: readonly unknown[],
  columns: readonly ColumnDef<K>[],
): HeaderLayout<K> {
  const byText = new Map<string, number>();
  headerRow.forEach((cell, i) => {
    const folded = foldText(cell);
    if (folded !== '' && !byText.has(folded)) byText.set(folded, i);
  });
  const index: ColumnIndex<K> = {};
  const missing: ColumnDef<K>[] = [];
  for (const column of columns) {
    const at = byText.get(foldText(column.header.en)) ?? byText.get(foldText(column.header.zh));
    if (at === undefined) missing.push(column);
    else index[column.key] = at;
  }
  return { index, missing, width: headerRow.length };
}

/** Thrown when a tab lacks a column an operation needs; the message names the header. */
export class MissingColumnError extends Error {
  constructor(
    readonly tabName: string,
    readonly headers: readonly string[],
    language: Language,
  ) {
    super(t(language, ERRORS.missingColumns, tabName, headers));
    this.name = 'MissingColumnError';
  }
}

/**
 * Returns the index of each required column, or throws MissingColumnError naming every absent one
 * in both languages (a user may have typed headers in either).
 */
export function requireColumns<K extends string>(
  layout: HeaderLayout<K>,
  required: readonly K[],
  tabName: string,
  language: Language,
): Record<K, number> {
  const absent = layout.missing.filter((c) => required.includes(c.key));
  if (absent.length > 0) {
    throw new MissingColumnError(
      tabName,
      absent.map((c) => t(language, ERRORS.columnNamed, c.header)),
      language,
    );
  }
  return layout.index as Record<K, number>;
}
