// Text typed by people, made safe to write: stored as text, never as a formula.

/**
 * A string the tracker writes is stored as that very text. Sheets would read `=…`, `+…`, `-…` and
 * `@…` as a formula, and `0912 345 678`, `202405001`, `2024-05-01`, `May 1` or `TRUE` as a number,
 * date or boolean; the apostrophe in front (the quote prefix, not part of the stored value) tells it
 * not to. Numbers, booleans and dates are written as what they are.
 */
export function asCellValue(value: unknown): unknown {
  if (typeof value === 'string' && value !== '') return `'${value}`;
  return value ?? '';
}
