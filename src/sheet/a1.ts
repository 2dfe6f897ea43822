// A1 notation for cell references in messages (`Settings!B7`) and range strings.

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
