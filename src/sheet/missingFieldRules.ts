// Conditional-format formulas that mark a lead's blank required cells (template step 1, reminder 3):
// a required cell is marked while it is blank and its row holds anything, so the mark follows
// typing without a single write, and blank rows between leads stay unmarked.

import { columnLetter } from './a1';

export interface MissingFieldRule {
  /** 0-based column of the required field. */
  readonly column: number;
  /** Relative to the first body row, as Sheets reads a custom formula for the whole range. */
  readonly formula: string;
}

/** Only the formulas below have this shape, so set-up can tell its own rules from the team's. */
const OURS = /^=AND\(LEN\(TRIM\(\$[A-Z]+\d+\)\)=0,COUNTA\(\d+:\d+\)>0\)$/;

/** One rule per required field present in the tab; `firstRow` is the 1-based first row under the header. */
export function missingFieldFormulas(
  index: Partial<Record<string, number>>,
  required: readonly string[],
  firstRow: number,
): MissingFieldRule[] {
  return required.flatMap((field) => {
    const at = index[field];
    if (at === undefined) return [];
    const cell = `$${columnLetter(at + 1)}${firstRow}`;
    return [
      { column: at, formula: `=AND(LEN(TRIM(${cell}))=0,COUNTA(${firstRow}:${firstRow})>0)` },
    ];
  });
}

/** Whether a custom formula is one of the missing-field rules above, wherever its column now is. */
export function isMissingFieldFormula(formula: unknown): boolean {
  return typeof formula === 'string' && OURS.test(formula);
}
