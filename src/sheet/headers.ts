// Finds a tab's header row and its columns by header text (any language, synonyms, the team's own
// mapping), never by position.

import { toTraditional, toTraditionalAsOpenCC } from './hant/convert';
import { type Language, foldText, labelIn, labelsOf } from './language';
import { type TabName, tabNameOf } from './a1';
import type { ColumnDef } from './tabs';
import { ERRORS, t } from './text';

/** 0-based column index of every known column found in the header row. */
export type ColumnIndex<K extends string> = Partial<Record<K, number>>;

/** How a column was found: a header the team chose to map, the product's own header, or a synonym. */
export type FoundBy = 'mapped' | 'header' | 'synonym';

export interface HeaderLayout<K extends string> {
  readonly index: ColumnIndex<K>;
  /** Known columns that the header row lacks. */
  readonly missing: readonly ColumnDef<K>[];
  /** Number of cells in the header row, blank or not (user columns included). */
  readonly width: number;
  /** How each found column was recognised. */
  readonly foundBy: Partial<Record<K, FoundBy>>;
}

/** Which header of the team's sheet holds which field (Settings "Column names"), by field key. */
export type ColumnMapping = Readonly<Partial<Record<string, string>>>;

/** The rows among which the header row is looked for (SPEC §13.1). */
export const HEADER_SEARCH_ROWS = 10;

/**
 * Maps each column definition to a header cell: first a header the team mapped to it, then the
 * product's header in any language, then a synonym teams use (SPEC §13.1). Headers are compared
 * folded (NFKC, case and spaces ignored); each cell holds at most one field.
 */
export function locateColumns<K extends string>(
  headerRow: readonly unknown[],
  columns: readonly ColumnDef<K>[],
  mapping: ColumnMapping = {},
): HeaderLayout<K> {
  const byText = new Map<string, number>();
  headerRow.forEach((cell, i) => {
    const folded = foldText(cell);
    if (folded !== '' && !byText.has(folded)) byText.set(folded, i);
  });
  const index: ColumnIndex<K> = {};
  const foundBy: Partial<Record<K, FoundBy>> = {};
  const taken = new Set<number>();
  const claim = (column: ColumnDef<K>, texts: readonly string[], how: FoundBy) => {
    if (index[column.key] !== undefined) return;
    for (const text of texts) {
      const at = byText.get(foldText(text));
      if (at === undefined || taken.has(at)) continue;
      index[column.key] = at;
      foundBy[column.key] = how;
      taken.add(at);
      return;
    }
  };
  for (const column of columns) {
    const mapped = mapping[column.key];
    if (mapped) claim(column, [mapped], 'mapped');
  }
  for (const column of columns) claim(column, labelsOf(column.header), 'header');
  for (const column of columns) claim(column, synonymsOf(column), 'synonym');
  const missing = columns.filter((column) => index[column.key] === undefined);
  return { index, missing, width: headerRow.length, foundBy };
}

/**
 * A column's synonyms as written and as a Taiwan team words them (联系电话 is 聯絡電話 there, not
 * only 聯繫電話, which folding already reads).
 */
function synonymsOf(column: ColumnDef): string[] {
  const synonyms = column.synonyms ?? [];
  return [
    ...new Set([
      ...synonyms,
      ...synonyms.map((synonym) => toTraditional(synonym)),
      ...synonyms.map((synonym) => toTraditionalAsOpenCC(synonym)),
    ]),
  ];
}

/**
 * The header row of a tab (0-based): among its first ten rows, the one that names the most known
 * columns; the first row when none names any (a new or blank tab). Rows above it are the team's
 * titles and notes, kept as they are.
 */
export function findHeaderRow(
  topRows: readonly (readonly unknown[])[],
  columns: readonly ColumnDef[],
  mapping: ColumnMapping = {},
): number {
  let best = 0;
  let bestCount = 0;
  const rows = Math.min(topRows.length, HEADER_SEARCH_ROWS);
  for (let row = 0; row < rows; row++) {
    const count = columns.length - locateColumns(topRows[row], columns, mapping).missing.length;
    if (count > bestCount) {
      best = row;
      bestCount = count;
    }
  }
  return best;
}

/** What set-up found in a tab the team made themselves, for telling them in plain words. */
export interface Recognition {
  readonly tab: string;
  /** 1-based. */
  readonly headerRow: number;
  /** Their header → our column, for headers recognised by a synonym or their mapping. */
  readonly renamed: readonly { header: string; column: string; mapped: boolean }[];
  readonly recognised: number;
  /** Our columns added at the end. */
  readonly added: readonly string[];
  /** Their headers that are none of ours: kept as their own columns. */
  readonly ignored: readonly string[];
}

export function recognitionOf<K extends string>(
  tab: string,
  headerRow: number,
  header: readonly unknown[],
  columns: readonly ColumnDef<K>[],
  layout: HeaderLayout<K>,
  language: Language,
): Recognition {
  const used = new Set(Object.values(layout.index) as number[]);
  const renamed: { header: string; column: string; mapped: boolean }[] = [];
  for (const column of columns) {
    const at = layout.index[column.key];
    const how = layout.foundBy[column.key];
    if (at === undefined || how === 'header') continue;
    renamed.push({
      header: String(header[at]).trim(),
      column: labelIn(language, column.header),
      mapped: how === 'mapped',
    });
  }
  return {
    tab,
    headerRow,
    renamed,
    recognised: used.size,
    added: layout.missing.map((c) => labelIn(language, c.header)),
    ignored: header.flatMap((cell, i) =>
      !used.has(i) && String(cell ?? '').trim() !== '' ? [String(cell).trim()] : [],
    ),
  };
}

/** Whether a recognition has anything to tell beyond "all columns found where expected". */
export function worthTelling(r: Recognition): boolean {
  return r.headerRow > 1 || r.renamed.length > 0 || r.ignored.length > 0 || r.added.length > 0;
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
  tabName: TabName,
  language: Language,
): Record<K, number> {
  const absent = layout.missing.filter((c) => required.includes(c.key));
  if (absent.length > 0) {
    throw new MissingColumnError(
      tabNameOf(tabName),
      absent.map((c) => t(language, ERRORS.columnNamed, c.header)),
      language,
    );
  }
  return layout.index as Record<K, number>;
}
