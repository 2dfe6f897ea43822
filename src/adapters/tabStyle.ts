// How a header-row tab is formatted: number formats, drop-downs, shading and grade colours, kept
// covering every row even after the tab grows past the rows it had when it was set up.

import type { Language } from '../core/language';
import type { Settings } from '../core/settings';
import { COLOURS, GRADE_COLOURS, NUMBER_FORMATS } from '../core/sheetStyle';
import { type ColumnDef, TABLE_TABS, type TableTabKey } from '../core/tabs';
import type { Sheet } from './workbook';

/** Values offered by a column's drop-down, in the workbook's language. */
function dropDownValues(
  column: ColumnDef,
  language: Language,
  settings: Settings,
): string[] | undefined {
  if (column.sourceList) return [...settings.sources];
  return column.options?.map((o) => o[language]);
}

/** Formats, drop-downs and shading for the given columns (0-based) of a header-row tab. */
function styleColumns(
  sheet: Sheet,
  columns: readonly { def: ColumnDef; at: number }[],
  language: Language,
  settings: Settings,
): void {
  const rows = sheet.getMaxRows() - 1;
  for (const { def, at } of columns) {
    const header = sheet.getRange(1, at + 1);
    header
      .setFontWeight('bold')
      .setBackground(def.computed ? COLOURS.computedHeader : COLOURS.inputHeader);
    if (rows < 1) continue;
    const body = sheet.getRange(2, at + 1, rows, 1);
    const format = NUMBER_FORMATS[def.format];
    if (format) body.setNumberFormat(format);
    if (def.computed) body.setBackground(COLOURS.computedCell);
    const values = dropDownValues(def, language, settings);
    if (values && values.length > 0) {
      // Allow other values (a warning, not a rejection): pasted rows in either language must land.
      body.setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireValueInList(values, true)
          .setAllowInvalid(true)
          .build(),
      );
    }
  }
}

/** Grade colours on the Grade column; keeps every rule that is not on that column. */
function colourGrades(sheet: Sheet, gradeColumn: number): void {
  const rows = sheet.getMaxRows() - 1;
  if (rows < 1) return;
  const range = sheet.getRange(2, gradeColumn + 1, rows, 1);
  const others = sheet
    .getConditionalFormatRules()
    .filter(
      (rule) =>
        !rule.getRanges().some((r) => r.getColumn() === gradeColumn + 1 && r.getRow() === 2),
    );
  const ours = (Object.keys(GRADE_COLOURS) as (keyof typeof GRADE_COLOURS)[]).map((grade) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo(grade)
      .setBackground(GRADE_COLOURS[grade])
      .setBold(grade === 'A')
      .setRanges([range])
      .build(),
  );
  sheet.setConditionalFormatRules([...others, ...ours]);
}

const coveredKey = (sheet: Sheet) => `formattedRows:${sheet.getSheetId()}`;

/** Formats every known column of a table tab, given where each column is (0-based). */
export function styleTableTab(
  sheet: Sheet,
  key: TableTabKey,
  index: Partial<Record<string, number>>,
  language: Language,
  settings: Settings,
): void {
  const columns: readonly ColumnDef[] = TABLE_TABS[key];
  const placed = columns
    .filter((def) => index[def.key] !== undefined)
    .map((def) => ({ def, at: index[def.key] as number }));
  styleColumns(sheet, placed, language, settings);
  if ((key === 'leads' || key === 'pool') && index.grade !== undefined)
    colourGrades(sheet, index.grade);
  PropertiesService.getDocumentProperties().setProperty(
    coveredKey(sheet),
    String(sheet.getMaxRows()),
  );
}

/**
 * Rows added below the formatted area (a long paste, "add more rows") get no drop-downs or grade
 * colours in Sheets; this extends the formats when the tab has grown. One cheap check otherwise.
 */
export function extendFormatsIfGrown(
  sheet: Sheet,
  key: TableTabKey,
  index: Partial<Record<string, number>>,
  language: Language,
  settings: Settings,
): void {
  // Only tabs that setupSheets formatted are kept formatted; a hand-made tab is left as it is.
  const covered = PropertiesService.getDocumentProperties().getProperty(coveredKey(sheet));
  if (covered !== null && sheet.getMaxRows() > Number(covered)) {
    styleTableTab(sheet, key, index, language, settings);
  }
}
