// Text typed by people, made safe to write: stored as text, never as a formula.

/**
 * Text starting with = + - or @ would be parsed as a formula; a leading apostrophe makes Sheets
 * keep it as typed (the apostrophe is not part of the stored value).
 */
export function asCellValue(value: unknown): unknown {
  if (typeof value === 'string' && /^[=+\-@]/.test(value)) return `'${value}`;
  return value ?? '';
}
