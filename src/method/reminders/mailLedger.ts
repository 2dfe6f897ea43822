// The mail ledger as saved (SPEC §12): its keys grouped by kind and stamp, numbered Lead IDs kept as
// runs, so that a busy day's thousands of keys take a few kilobytes of saved state.

/**
 * Lead IDs that end in the same way: `[prefix, suffix, digits, runs]`. Each ID is prefix + a
 * number written with exactly `digits` digits + suffix; `runs` holds the numbers (see encodeRuns).
 */
type NumberedIds = [string, string, number, string];

/** One group's IDs: numbered families, and IDs that have no number to run on, as they are. */
type PackedIds = (NumberedIds | string)[];

/** The saved form: `kind|stamp` → the Lead IDs told under it. */
export interface PackedLedger {
  readonly v: 1;
  readonly g: Record<string, PackedIds>;
}

/** A run of digits longer than this would not survive the trip through a JavaScript number. */
const MAX_DIGITS = 15;

/** Far more keys than a day can hold; a damaged run claiming more is not expanded. */
const MAX_KEYS = 1_000_000;

/** The last run of digits in an ID and what stands around it, or undefined when it has none. */
function numberedPartsOf(id: string): [string, string, number, number] | undefined {
  const match = /^(.*?)(\d+)(\D*)$/.exec(id);
  if (!match || match[2].length > MAX_DIGITS) return undefined;
  return [match[1], match[3], match[2].length, Number(match[2])];
}

/**
 * Variable-length numbers in characters JSON never escapes: base 32, most significant digit first,
 * the last digit of each number from its own alphabet so that no separator is needed.
 */
const MIDDLE_DIGITS = 'ghijklmnopqrstuvwxyz0123456789-_';
const LAST_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef';

function encodeNumber(value: number): string {
  let text = LAST_DIGITS[value % 32];
  for (let rest = Math.floor(value / 32); rest > 0; rest = Math.floor(rest / 32)) {
    text = MIDDLE_DIGITS[rest % 32] + text;
  }
  return text;
}

/** The numbers in `text`, or undefined when it holds anything else or ends mid-number. */
function decodeNumbers(text: string): number[] | undefined {
  const numbers: number[] = [];
  let value = 0;
  let midNumber = false;
  for (const char of text) {
    const last = LAST_DIGITS.indexOf(char);
    const digit = last >= 0 ? last : MIDDLE_DIGITS.indexOf(char);
    if (digit < 0) return undefined;
    value = value * 32 + digit;
    if (value > Number.MAX_SAFE_INTEGER) return undefined;
    midNumber = last < 0;
    if (!midNumber) {
      numbers.push(value);
      value = 0;
    }
  }
  return midNumber ? undefined : numbers;
}

/**
 * Sorted distinct numbers as runs of consecutive ones. Each run is how far it starts past the
 * previous run's end (past 0 for the first), doubled, plus one when a second number follows with
 * its length less two. Told items are mostly scattered, so a lone number costs one or two
 * characters, and a long run three or four.
 */
function encodeRuns(numbers: number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  let text = '';
  let last = 0;
  for (let at = 0; at < sorted.length;) {
    let end = at;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end++;
    const gap = sorted[at] - last;
    text +=
      end === at ? encodeNumber(gap * 2) : encodeNumber(gap * 2 + 1) + encodeNumber(end - at - 1);
    last = sorted[end];
    at = end + 1;
  }
  return text;
}

/** The numbers of encodeRuns' text, or undefined when it is damaged or claims over MAX_KEYS. */
function decodeRuns(text: string): number[] | undefined {
  const codes = decodeNumbers(text);
  if (!codes) return undefined;
  const numbers: number[] = [];
  let last = 0;
  for (let at = 0; at < codes.length; at++) {
    const start = last + Math.floor(codes[at] / 2);
    const length = codes[at] % 2 === 1 ? (codes[++at] ?? -Infinity) + 2 : 1;
    if (!(length >= 1) || numbers.length + length > MAX_KEYS) return undefined;
    for (let n = start; n < start + length; n++) numbers.push(n);
    last = start + length - 1;
  }
  return numbers;
}

function packIds(ids: readonly string[]): PackedIds {
  const families = new Map<string, { head: [string, string, number]; numbers: number[] }>();
  const plain = new Set<string>();
  for (const id of ids) {
    const parts = numberedPartsOf(id);
    if (!parts) {
      plain.add(id);
      continue;
    }
    const [prefix, suffix, digits, value] = parts;
    const name = JSON.stringify([prefix, suffix, digits]);
    const family = families.get(name) ?? { head: [prefix, suffix, digits], numbers: [] };
    family.numbers.push(value);
    families.set(name, family);
  }
  const numbered = [...families.values()].map(({ head, numbers }): NumberedIds => [
    ...head,
    encodeRuns(numbers),
  ]);
  return [...numbered, ...plain];
}

/** Splits `kind|stamp|leadId` at its first two bars; the Lead ID may hold bars of its own. */
function splitKey(key: string): [string, string] | undefined {
  const first = key.indexOf('|');
  const second = first < 0 ? -1 : key.indexOf('|', first + 1);
  return second < 0 ? undefined : [key.slice(0, second), key.slice(second + 1)];
}

/** The ledger's keys in their saved form. A key without kind and stamp is dropped: none is made. */
export function packLedger(keys: readonly string[]): PackedLedger {
  const groups = new Map<string, string[]>();
  for (const key of keys) {
    const parts = splitKey(key);
    if (!parts) continue;
    const ids = groups.get(parts[0]) ?? [];
    ids.push(parts[1]);
    groups.set(parts[0], ids);
  }
  const g: Record<string, PackedIds> = {};
  for (const [group, ids] of groups) g[group] = packIds(ids);
  return { v: 1, g };
}

function isNumberedIds(value: unknown): value is NumberedIds {
  return (
    Array.isArray(value) &&
    value.length === 4 &&
    typeof value[0] === 'string' &&
    typeof value[1] === 'string' &&
    Number.isInteger(value[2]) &&
    value[2] >= 1 &&
    value[2] <= MAX_DIGITS &&
    typeof value[3] === 'string'
  );
}

/** The IDs of a numbered family; none when it is damaged. */
function unpackNumbered([prefix, suffix, digits, runs]: NumberedIds): string[] {
  const numbers = decodeRuns(runs) ?? [];
  return numbers.map((n) => `${prefix}${String(n).padStart(digits, '0')}${suffix}`);
}

/**
 * The keys of a saved ledger. Takes the older plain list of keys too. Anything damaged is skipped:
 * a damaged ledger only forgets, as the store does.
 */
export function unpackLedger(saved: unknown): string[] {
  if (Array.isArray(saved)) return saved.filter((key): key is string => typeof key === 'string');
  const groups = (saved as Partial<PackedLedger> | null)?.g;
  if (typeof groups !== 'object' || groups === null) return [];
  const keys: string[] = [];
  for (const [group, packed] of Object.entries(groups)) {
    if (!Array.isArray(packed)) continue;
    for (const entry of packed) {
      const ids =
        typeof entry === 'string' ? [entry] : isNumberedIds(entry) ? unpackNumbered(entry) : [];
      for (const id of ids) keys.push(`${group}|${id}`);
    }
  }
  return keys;
}

/** A short, stable fingerprint of a message (32-bit FNV-1a in base 36). */
function fingerprint(text: string): string {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return (hash >>> 0).toString(36);
}

/**
 * The ledger key that keeps a failure message to one e-mail a day. It has the shape of the daily
 * reminder keys, so the same pruning forgets it the next day.
 */
export function failureMailKey(day: string, message: string): string {
  return `er|${day}|${fingerprint(message)}`;
}
