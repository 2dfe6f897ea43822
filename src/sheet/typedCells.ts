// A tab's rows read as typed values: text dates become dates, and every cell that cannot be read
// (a date cell holding 下周, a number cell holding text, an unknown option) is named, never dropped.

import { cellRef, type TabName, tabNameOf } from './a1';
import { type TimeZone, isDate } from './calendar';
import { isBlank, textOf } from './cells';
import { readDate } from './dateCells';
import { foldText, labelsOf } from './language';
import type { ColumnDef } from './tabs';

/** A cell the product could not read, named as a person finds it: tab, row, column. */
export interface UnreadableCell {
  readonly tab: string;
  /** 1-based sheet row. */
  readonly row: number;
  /** 0-based column. */
  readonly column: number;
  readonly header: string;
  readonly value: string;
}

/** Where rows come from: the tab, its header and known columns, and the sheet row of rows[0]. */
export interface RowsSource {
  readonly tab: TabName;
  readonly header: readonly unknown[];
  readonly columns: readonly ColumnDef[];
  readonly index: Partial<Record<string, number>>;
  readonly firstRow: number;
}

export interface TypedRows {
  /** The rows with dates typed; a row is copied only when one of its cells changed. */
  readonly rows: unknown[][];
  readonly unreadable: UnreadableCell[];
}

type Check =
  | { readonly kind: 'date'; readonly at: number; readonly months: boolean }
  | {
      readonly kind: 'number' | 'option';
      readonly at: number;
      readonly ok: (text: string) => boolean;
    };

const isNumberText = (text: string): boolean => Number.isFinite(Number(text.replace(/,/g, '')));

function optionCheck(def: ColumnDef): (text: string) => boolean {
  const labels = new Set((def.options ?? []).flatMap((o) => [...labelsOf(o), o.key].map(foldText)));
  return (text) => labels.has(foldText(text));
}

/** What each column of the tab must hold; computed numbers are the product's own and not checked. */
function checksOf(source: RowsSource): Check[] {
  const checks: Check[] = [];
  for (const def of source.columns) {
    const at = source.index[def.key];
    if (at === undefined) continue;
    if (def.format === 'date' || def.format === 'datetime' || def.months) {
      checks.push({ kind: 'date', at, months: def.months ?? false });
    } else if (def.format === 'number' && !def.computed) {
      checks.push({ kind: 'number', at, ok: isNumberText });
    } else if (def.options && !def.ownWords && !def.sourceList) {
      checks.push({ kind: 'option', at, ok: optionCheck(def) });
    }
  }
  return checks;
}

/**
 * Remembers each distinct cell value's verdict: columns repeat a handful of values over 100k rows,
 * so most cells cost one lookup, without trimming or folding them again.
 */
function remembered(ok: (text: string) => boolean): (value: unknown) => boolean {
  const seen = new Map<unknown, boolean>();
  return (value) => {
    let verdict = seen.get(value);
    if (verdict === undefined) {
      verdict = ok(textOf(value));
      seen.set(value, verdict);
    }
    return verdict;
  };
}

/** Types the date cells of `rows` and names every cell that cannot be read. */
export function readTypedRows(
  rows: readonly unknown[][],
  source: RowsSource,
  zone: TimeZone,
): TypedRows {
  const checks = checksOf(source).map((check) =>
    check.kind === 'date' ? check : { ...check, ok: remembered(check.ok) },
  );
  // Text dates repeat too (a month in Expected close, a pasted day): each text is parsed once.
  const dates = checks.map(() => new Map<unknown, Date | undefined>());
  const dateIn = (c: number, value: unknown, months: boolean) => {
    const seen = dates[c];
    if (seen.has(value)) return seen.get(value);
    const date = readDate(value, zone, { months });
    seen.set(value, date);
    return date;
  };
  const unreadable: UnreadableCell[] = [];
  let tabName: string | undefined;
  const typed = rows.map((row, r) => {
    let out = row;
    for (let c = 0; c < checks.length; c++) {
      const check = checks[c];
      const value = row[check.at];
      // Most cells are empty or already what they should be: those cost a comparison or two.
      if (value === '' || value === undefined || value === null) continue;
      if (check.kind === 'date') {
        if (isBlank(value) || (typeof value === 'object' && isDate(value))) continue;
        const date = dateIn(c, value, check.months);
        if (date) {
          // A month or date typed as text in Expected close stays as typed: scoring reads it
          // either way, and a row copied for it would double the memory of a long tab.
          if (check.months) continue;
          if (out === row) out = [...row];
          out[check.at] = date;
          continue;
        }
      } else if (
        isBlank(value) ||
        (check.kind === 'number' && typeof value === 'number') ||
        check.ok(value)
      ) {
        continue;
      }
      unreadable.push({
        tab: (tabName ??= tabNameOf(source.tab)),
        row: source.firstRow + r,
        column: check.at,
        header: textOf(source.header[check.at]),
        value: textOf(value),
      });
    }
    return out;
  });
  return { rows: typed, unreadable };
}

/** `销售线索信息表!Z7 录入时间 '下周'`: where a person finds the cell, and what it holds. */
export function nameCell(cell: UnreadableCell): string {
  return `${cellRef(cell.tab, cell.row, cell.column + 1)} ${cell.header} '${cell.value}'`;
}

/** The first `shown` cells named, the rest only counted by the caller's message. */
export function namedExamples(cells: readonly UnreadableCell[], shown: number): string {
  return cells.slice(0, shown).map(nameCell).join('; ');
}
