// A1 notation for cell references in messages (`Settings!B7`) and range strings.

/**
 * A tab's name, or how to ask for it: a name needed only in a message is asked only when there is
 * a message (each ask is a call).
 */
export type TabName = string | (() => string);

export function tabNameOf(tab: TabName): string {
  return typeof tab === 'string' ? tab : tab();
}

/** 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** `Settings!B7` from a tab name and 1-based row and column; quotes names that need it. */
export function cellRef(tabName: string, row: number, column: number): string {
  const quoted = /^[\p{L}\p{N}_]+$/u.test(tabName) ? tabName : `'${tabName.replace(/'/g, "''")}'`;
  return `${quoted}!${columnLetter(column)}${row}`;
}
