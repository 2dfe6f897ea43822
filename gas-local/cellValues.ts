// How Sheets stores what a script writes: text that looks like a number, date or formula is
// parsed like typed input, unless the cell is formatted as plain text (`@`) or starts with `'`.

/** A date as a cell holds it: an instant, handed back as a new Date on every read. */
export class CellDate {
  constructor(readonly ms: number) {}
}

export type StoredValue = string | number | boolean | CellDate;

export interface StoredCell {
  readonly value: StoredValue;
  readonly formula?: string;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const CURRENCY = /^[$¥￥€£]\s?/;
const DATE = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

export function isDateValue(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Parses a string the way Sheets parses typed input in a cell of general format. */
function parseTyped(
  text: string,
  zoneOffsetAt: (y: number, m: number, d: number, h: number, mi: number, s: number) => number,
): StoredCell {
  const trimmed = text.trim();
  if (/^=./s.test(trimmed)) return { value: '#ERROR!', formula: trimmed };
  const bare = trimmed.replace(CURRENCY, '');
  if (NUMBER.test(bare)) return { value: Number(bare) };
  if (GROUPED_NUMBER.test(bare)) return { value: Number(bare.replace(/,/g, '')) };
  if (/^[+-]?\d+(?:\.\d+)?%$/.test(trimmed)) return { value: Number(trimmed.slice(0, -1)) / 100 };
  // `+abc` and `-abc` are taken as formulas (=+abc), which fail.
  if (/^[+-]\S/.test(trimmed)) return { value: '#ERROR!', formula: `=${trimmed}` };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  const date = DATE.exec(trimmed);
  if (date) {
    const [y, m, d, h, mi, s] = [
      date[1],
      date[2],
      date[3] ?? '1',
      date[4] ?? '0',
      date[5] ?? '0',
      date[6] ?? '0',
    ].map(Number);
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31 && h < 24 && mi < 60 && s < 60) {
      const utc = Date.UTC(y, m - 1, d, h, mi, s);
      return { value: new CellDate(utc - zoneOffsetAt(y, m, d, h, mi, s) * 60_000) };
    }
  }
  return { value: text };
}

/**
 * What a cell holds after a script writes `value` into it. `textFormat` is true for cells
 * formatted `@`; `offsetMinutes` gives the spreadsheet zone's offset for a wall-clock time.
 */
export function storeWritten(
  value: unknown,
  textFormat: boolean,
  offsetMinutes: (y: number, m: number, d: number, h: number, mi: number, s: number) => number,
): StoredCell {
  if (value === null || value === undefined) return { value: '' };
  if (typeof value === 'number' || typeof value === 'boolean') return { value };
  if (isDateValue(value)) return { value: new CellDate(value.getTime()) };
  if (typeof value !== 'string') return { value: String(value) };
  if (value === '') return { value: '' };
  if (value.startsWith("'")) return { value: value.slice(1) };
  if (textFormat) return { value };
  return parseTyped(value, offsetMinutes);
}

/** A cell as getValues returns it: dates as new Date objects of the script's realm. */
export function readStored(cell: StoredValue | undefined, DateCtor: DateConstructor): unknown {
  if (cell === undefined) return '';
  if (cell instanceof CellDate) return new DateCtor(cell.ms);
  return cell;
}
