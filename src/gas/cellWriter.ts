// Writes planned blocks with one setValues each; text is stored as text, never as a formula.

import type { BlockWrite } from '../sheet/cellWrites';
import type { Sheet } from './workbook';

/**
 * Text starting with = + - or @ would be parsed as a formula; a leading apostrophe makes Sheets
 * keep it as typed (the apostrophe is not part of the stored value).
 */
export function asCellValue(value: unknown): unknown {
  if (typeof value === 'string' && /^[=+\-@]/.test(value)) return `'${value}`;
  return value ?? '';
}

/** `firstDataRow` is the 1-based sheet row of data row 0 (2 below a one-row header). */
export function writeBlocks(sheet: Sheet, blocks: readonly BlockWrite[], firstDataRow = 2): number {
  for (const block of blocks) {
    sheet
      .getRange(
        firstDataRow + block.row,
        block.column + 1,
        block.values.length,
        block.values[0].length,
      )
      .setValues(block.values.map((line) => line.map(asCellValue)));
  }
  return blocks.length;
}
