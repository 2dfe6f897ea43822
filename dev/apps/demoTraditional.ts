// The demo's own data (names, companies, notes) in Traditional Chinese for a zh_TW run: OpenCC's
// whole Taiwan dictionaries with the product's glossary, since the bundle carries only the words of
// its own catalogue.

import { taiwanDictionaries } from '../build/hantTables';
import { type Step, convertWith, stepOf } from '../../src/sheet/hant/convert';
import type { Language } from '../../src/sheet/language';

let steps: Step[] | undefined;
const converted = new Map<string, string>();

/** `text` (written in Simplified) as a Traditional Chinese team types it. */
export function traditionalOf(text: string): string {
  const known = converted.get(text);
  if (known !== undefined) return known;
  steps ??= taiwanDictionaries().map(stepOf);
  const result = convertWith(steps, text);
  converted.set(text, result);
  return result;
}

/** `text` as the demo team of a workbook in `language` types it. */
export function demoText(language: Language, text: string): string {
  return language === 'zhHant' ? traditionalOf(text) : text;
}

/** Rows of cells with their text as typed in `language`; numbers and dates stay as they are. */
export function demoCells(language: Language, rows: readonly (readonly unknown[])[]): unknown[][] {
  return rows.map((row) =>
    row.map((cell) => (typeof cell === 'string' ? demoText(language, cell) : cell)),
  );
}
