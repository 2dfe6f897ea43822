// The order Sheets sorts cells in: numbers and dates, then text, then booleans, blanks always last.

import { CellDate, type StoredValue } from './cellValues';

/** Text compares case- and accent-insensitively, character by character (so 'a10' before 'a2'). */
const TEXT = new Intl.Collator('en', { sensitivity: 'base', numeric: false });

/** Rank of a cell's kind; within a kind the values themselves decide. */
function rank(value: StoredValue | undefined): number {
  if (value === undefined || value === '') return BLANK;
  if (typeof value === 'number' || value instanceof CellDate) return 0;
  if (typeof value === 'string') return 1;
  return 2;
}

const BLANK = 3;
const ASCII = /^[\x20-\x7e]*$/;

/** One sort key: a column's cells, in row order, and its direction. */
export interface SortKey {
  readonly cells: readonly (StoredValue | undefined)[];
  readonly ascending: boolean;
}

/** A key's cells reduced once to what comparisons need, so 100k rows sort in one quick pass. */
interface Prepared {
  readonly ranks: Uint8Array;
  readonly numbers: Float64Array;
  readonly texts: readonly string[];
  /** Whether each text is plain ASCII, which compares by code point once lower-cased. */
  readonly ascii: Uint8Array;
  readonly sign: number;
}

function prepare({ cells, ascending }: SortKey): Prepared {
  const ranks = new Uint8Array(cells.length);
  const numbers = new Float64Array(cells.length);
  const texts: string[] = new Array<string>(cells.length);
  const ascii = new Uint8Array(cells.length);
  cells.forEach((value, i) => {
    const kind = rank(value);
    ranks[i] = kind;
    if (kind === 0) {
      // A date sorts among numbers by its serial day number, as Sheets stores it.
      numbers[i] = value instanceof CellDate ? value.ms / 86_400_000 + 25_569 : (value as number);
    } else if (kind === 1) {
      texts[i] = (value as string).toLowerCase();
      ascii[i] = ASCII.test(texts[i]) ? 1 : 0;
    } else if (kind === 2) {
      numbers[i] = value ? 1 : 0;
    }
  });
  return { ranks, numbers, texts, ascii, sign: ascending ? 1 : -1 };
}

function compareTexts(key: Prepared, i: number, j: number): number {
  const a = key.texts[i];
  const b = key.texts[j];
  if (a === b) return 0;
  // Other scripts and accents need the collator; it is ten times slower, so only for them.
  if (key.ascii[i] && key.ascii[j]) return a < b ? -1 : 1;
  return TEXT.compare(a, b);
}

function compareRows(key: Prepared, i: number, j: number): number {
  const ri = key.ranks[i];
  const rj = key.ranks[j];
  // Blanks stay at the bottom in both directions.
  if (ri === BLANK || rj === BLANK) return ri === rj ? 0 : ri === BLANK ? 1 : -1;
  if (ri !== rj) return key.sign * (ri - rj);
  if (ri === 1) return key.sign * compareTexts(key, i, j);
  return key.sign * (key.numbers[i] - key.numbers[j]);
}

/**
 * The new order of rows after a stable sort by `keys` (the first decides, later ones break ties),
 * as indexes of the old rows. Descending reverses every kind but keeps blanks last, as Sheets does.
 */
export function sortedOrder(keys: readonly SortKey[]): number[] {
  const prepared = keys.map(prepare);
  const order = Array.from({ length: keys[0]?.cells.length ?? 0 }, (_, i) => i);
  // One array sort of row indexes: cells never move one by one.
  order.sort((i, j) => {
    for (const key of prepared) {
      const result = compareRows(key, i, j);
      if (result !== 0) return result;
    }
    return 0;
  });
  return order;
}
