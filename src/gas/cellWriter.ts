// Text typed by people, made safe to write: stored as text, never as a formula.

/**
 * A string the tracker writes is stored as that text: Sheets would read `=…`, `+…`, `-…` and `@…`
 * as a formula, and `202405001`, `2024-05-01` or `TRUE` as a number, date or boolean, unless the
 * text starts with an apostrophe (the quote prefix, which is not part of the stored value).
 */
export function asCellValue(value: unknown): unknown {
  if (typeof value === 'string' && value !== '' && !isPlainText(value)) return `'${value}`;
  return value ?? '';
}

/** Text Sheets keeps as text whatever the cell's format: no formula, number, date or boolean shape. */
function isPlainText(value: string): boolean {
  if (/^[=+\-@']/.test(value)) return false;
  if (/\d/.test(value) && /^[\s\d.,:/%$¥€£()\-+eE年月日时分秒]*$/.test(value)) return false;
  return !/^\s*(true|false)\s*$/i.test(value);
}
