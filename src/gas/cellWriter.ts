// Text typed by people, made safe to write: stored as text, never as a formula.

/**
 * Text starting with = + - or @ would be parsed as a formula; a leading apostrophe makes Sheets
 * keep it as typed (the apostrophe is not part of the stored value).
 */
export function asCellValue(value: unknown): unknown {
  if (typeof value === 'string' && /^[=+\-@]/.test(value)) return `'${value}`;
  return value ?? '';
}

/**
 * Text that must be stored exactly as sent, whatever it looks like: a phone's leading zero, digits
 * that Sheets would make a number, text it would read as a date or a formula. The apostrophe is
 * how Sheets is told; it is not stored.
 */
export function asLiteralText(value: unknown): unknown {
  return typeof value === 'string' && value !== '' ? `'${value}` : value;
}
