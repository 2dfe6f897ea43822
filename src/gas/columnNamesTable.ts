// Stores "Map columns" choices in the Settings tab's Column names table, replacing what it held:
// the table is added below everything when the tab lacks it, and grows by inserting rows, so
// nothing a manager typed elsewhere on the tab moves or is overwritten.

import { matchesLabel, type Language, optionalLabel } from '../sheet/language';
import { LEAD_COLUMNS } from '../sheet/tabs';
import { defaultSettings } from '../method/settings/settings';
import {
  SINGLE_LABELS,
  SINGLE_ORDER,
  TABLE_ORDER,
  TABLES,
  settingsSheetContent,
} from '../method/settings/settingsLayout';
import { writeSettingsContent } from './settingsTab';
import { readAll, type Sheet } from './workbook';

/** Settings row labels that end a table: other tables' titles and single values. */
const TABLE_ENDS = [
  ...TABLE_ORDER.filter((key) => key !== 'columnNames').map((key) => TABLES[key].title),
  ...SINGLE_ORDER.map((key) => SINGLE_LABELS[key]),
];

export function storeColumnNames(
  sheet: Sheet,
  mapping: Readonly<Record<string, string>>,
  language: Language,
): void {
  const grid = readAll(sheet);
  const rows = Object.entries(mapping).map(([field, header]) => [
    optionalLabel(language, LEAD_COLUMNS.find((c) => c.key === field)?.header) ?? field,
    header,
  ]);
  const title = grid.findIndex((row) => matchesLabel(row[0], TABLES.columnNames.title));
  if (title < 0) {
    const content = settingsSheetContent(
      { ...defaultSettings(language), columnNames: mapping },
      language,
      { header: false, singles: [], tables: ['columnNames'] },
    );
    writeSettingsContent(sheet, sheet.getLastRow() + 2, content);
    return;
  }
  // The table's rows: below its header, up to the next table or setting (or the end of the tab).
  const first = title + 2;
  let end = grid.length;
  for (let r = first; r < grid.length; r++) {
    if (TABLE_ENDS.some((label) => matchesLabel(grid[r][0], label))) {
      end = r;
      break;
    }
  }
  const bounded = end < grid.length;
  if (bounded && rows.length > end - first) {
    sheet.insertRowsAfter(end, rows.length - (end - first));
    end = first + rows.length;
  }
  const height = Math.max(rows.length, end - first, 1);
  const values = Array.from({ length: height }, (_, i) => rows[i] ?? ['', '']);
  const needed = first + height - sheet.getMaxRows();
  if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
  sheet.getRange(first + 1, 1, height, 2).setValues(values);
}
