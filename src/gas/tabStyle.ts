// How a header-row tab is formatted: number formats, drop-downs, shading and grade colours, kept
// covering every row even after the tab grows past the rows it had when it was set up.

import { columnLetter } from '../sheet/a1';
import { adjacentRuns } from '../sheet/columnRuns';
import { CLOSED_STATUSES, STATUS } from '../sheet/options';
import { type Language, labelIn } from '../sheet/language';
import type { Settings } from '../method/settings/settings';
import { COLOURS, GRADE_COLOURS, NUMBER_FORMATS } from '../sheet/sheetStyle';
import { type ColumnDef, TABLE_TABS, type TableTabKey } from '../sheet/tabs';
import { isMissingFieldFormula, missingFieldFormulas } from '../sheet/missingFieldRules';
import { requiredFields } from '../method/analysis/completeness';
import { formattedCompanyKey, formattedRowsKey, readState, writeState } from './stateStore';
import { unlessGridShrank } from './rowsToEnd';
import type { Sheet } from './workbook';
import { sheetIdOf } from './workbook';

/** Values offered by a column's drop-down, in the workbook's language. */
function dropDownValues(
  column: ColumnDef,
  language: Language,
  settings: Settings,
): string[] | undefined {
  if (column.sourceList) return [...settings.sources];
  return column.options?.map((o) => labelIn(language, o));
}

/**
 * Header weight and colour, number formats, computed-column shading and drop-downs for the given
 * columns (0-based). Adjacent columns that share a setting are formatted with one range call, so a
 * tab costs a few dozen calls whatever its size; each drop-down list is its own rule.
 */
function styleColumns(
  sheet: Sheet,
  columns: readonly { def: ColumnDef; at: number }[],
  language: Language,
  settings: Settings,
  headerRow: number,
): void {
  const bodyRows = sheet.getMaxRows() - headerRow;
  const runs = <K>(keyOf: (def: ColumnDef) => K | undefined) =>
    adjacentRuns(columns.map(({ def, at }) => ({ at, key: keyOf(def) })));
  for (const run of runs(() => 'bold')) {
    sheet.getRange(headerRow, run.from + 1, 1, run.count).setFontWeight('bold');
  }
  for (const run of runs((def) => (def.computed ? COLOURS.computedHeader : COLOURS.inputHeader))) {
    sheet.getRange(headerRow, run.from + 1, 1, run.count).setBackground(run.key);
  }
  if (bodyRows < 1) return;
  const body = (from: number, count: number) =>
    sheet.getRange(headerRow + 1, from + 1, bodyRows, count);
  for (const run of runs((def) => NUMBER_FORMATS[def.format])) {
    body(run.from, run.count).setNumberFormat(run.key);
  }
  for (const run of runs((def) => (def.computed ? COLOURS.computedCell : undefined))) {
    body(run.from, run.count).setBackground(run.key);
  }
  for (const { def, at } of columns) {
    const values = dropDownValues(def, language, settings);
    if (!values || values.length === 0) continue;
    // Allow other values (a warning, not a rejection): pasted rows in either language must land.
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(values, true)
      .setAllowInvalid(true)
      .build();
    body(at, 1).setDataValidation(rule);
  }
}

const CLOSED_LABELS = CLOSED_STATUSES.flatMap((key) => {
  const option = STATUS.find((o) => o.key === key);
  return option ? [...new Set([option.zh, option.en, labelIn('zhHant', option)])] : [];
});

/**
 * Overdue deadlines as formulas, so the colour follows the clock without any writes: a first
 * contact due and not made, a next follow-up due, on a lead that is not closed.
 */
function overdueFormulas(
  index: Partial<Record<string, number>>,
  firstRow: number,
): { column: number; formula: string }[] {
  const cell = (key: string) =>
    index[key] === undefined
      ? undefined
      : `$${columnLetter((index[key] as number) + 1)}${firstRow}`;
  const [due, contacted, next, status] = [
    'firstContactDue',
    'firstContactAt',
    'nextFollowUpDue',
    'status',
  ].map(cell);
  const open = status
    ? `NOT(OR(${CLOSED_LABELS.map((l) => `${status}="${l}"`).join(',')}))`
    : 'TRUE';
  const rules: { column: number; formula: string }[] = [];
  if (due && contacted) {
    rules.push({
      column: index.firstContactDue as number,
      formula: `=AND(ISNUMBER(${due}),${contacted}="",${due}<NOW(),${open})`,
    });
  }
  if (next)
    rules.push({
      column: index.nextFollowUpDue as number,
      formula: `=AND(ISNUMBER(${next}),${next}<NOW(),${open})`,
    });
  return rules;
}

/**
 * Grade colours and overdue highlights by conditional formatting (never per-cell colours, which
 * would go stale); keeps every rule the team added on other columns.
 */
function conditionalFormats(
  sheet: Sheet,
  key: TableTabKey,
  index: Partial<Record<string, number>>,
  headerRow: number,
  settings: Settings,
): void {
  const rows = sheet.getMaxRows() - headerRow;
  if (rows < 1 || index.grade === undefined) return;
  const firstRow = headerRow + 1;
  const body = (column: number) => sheet.getRange(firstRow, column + 1, rows, 1);
  const overdue = key === 'leads' ? overdueFormulas(index, firstRow) : [];
  const missing =
    key === 'leads'
      ? missingFieldFormulas(index, requiredFields(settings.companyRequired), firstRow)
      : [];
  const ourColumns = new Set([index.grade + 1, ...overdue.map((o) => o.column + 1)]);
  const others = sheet
    .getConditionalFormatRules()
    .filter(
      (rule) =>
        !rule.getRanges().some((r) => r.getRow() === firstRow && ourColumns.has(r.getColumn())) &&
        !isMissingFieldRule(rule),
    );
  const grades = (Object.keys(GRADE_COLOURS) as (keyof typeof GRADE_COLOURS)[]).map((grade) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo(grade)
      .setBackground(GRADE_COLOURS[grade])
      .setRanges([body(index.grade as number)])
      .build(),
  );
  const late = overdue.map(({ column, formula }) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(formula)
      .setBackground(COLOURS.overdue)
      .setFontColor(COLOURS.overdueText)
      .setRanges([body(column)])
      .build(),
  );
  const blanks = missing.map(({ column, formula }) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(formula)
      .setBackground(COLOURS.missingField)
      .setRanges([body(column)])
      .build(),
  );
  sheet.setConditionalFormatRules([...others, ...grades, ...late, ...blanks]);
}

/**
 * A missing-field rule set up before, told by its formula, wherever its column is now: found by
 * formula rather than by column, so a rule the team put on the Contact or Phone column stays, and
 * one on a field no longer required (Company, for a B2C team) goes.
 */
function isMissingFieldRule(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean {
  const [formula] = rule.getBooleanCondition()?.getCriteriaValues() ?? [];
  return isMissingFieldFormula(formula);
}

/** Formats every known column of a table tab, given where each column is (0-based). */
export function styleTableTab(
  sheet: Sheet,
  key: TableTabKey,
  index: Partial<Record<string, number>>,
  language: Language,
  settings: Settings,
  headerRow = 1,
): void {
  const columns: readonly ColumnDef[] = TABLE_TABS[key];
  const placed = columns
    .filter((def) => index[def.key] !== undefined)
    .map((def) => ({ def, at: index[def.key] as number }));
  styleColumns(sheet, placed, language, settings, headerRow);
  if (key === 'leads' || key === 'pool') conditionalFormats(sheet, key, index, headerRow, settings);
  const id = sheetIdOf(sheet);
  writeState(formattedRowsKey(id), sheet.getMaxRows());
  if (key === 'leads') writeState(formattedCompanyKey(id), settings.companyRequired);
}

/**
 * Rows added below the formatted area (a long paste, "add more rows") get no drop-downs or grade
 * colours in Sheets; this extends the formats when the tab has grown. Leads is also formatted again
 * when a manager switched "Company required (B2B)" since, so the marking of blank companies follows
 * the setting without another set-up. One cheap check otherwise.
 */
export function extendFormatsIfGrown(
  sheet: Sheet,
  key: TableTabKey,
  index: Partial<Record<string, number>>,
  language: Language,
  settings: Settings,
  headerRow = 1,
): void {
  // Only tabs that setupSheets formatted are kept formatted; a hand-made tab is left as it is.
  const id = sheetIdOf(sheet);
  const covered = readState<number | null>(formattedRowsKey(id), null);
  const companyChanged =
    key === 'leads' &&
    readState<boolean | null>(formattedCompanyKey(id), null) !== settings.companyRequired;
  const grown = covered !== null && sheet.getMaxRows() > Number(covered);
  if (covered !== null && (grown || companyChanged)) {
    if (grown) keepSpareRows(sheet);
    styleTableTab(sheet, key, index, language, settings, headerRow);
  }
}

/** Blank rows kept below a grown tab's last row, inside its formatted area. */
const SPARE_ROWS = 100;

/**
 * A paste that reaches the grid's end grows the grid to fit it exactly; an append below the last
 * row then lands past the formatted area, and would style the whole tab again each time. A few
 * blank rows below keep appends inside it, where inserted rows take their neighbours' formats.
 */
function keepSpareRows(sheet: Sheet): void {
  const gridRows = sheet.getMaxRows();
  const spare = gridRows - sheet.getLastRow();
  if (spare >= SPARE_ROWS) return;
  // A person who deleted rows since the grid was asked: the next growth check adds them.
  unlessGridShrank(
    sheet,
    gridRows,
    () => sheet.insertRowsAfter(gridRows, SPARE_ROWS - spare),
    () => undefined,
  );
}

/**
 * Records that Sheets inserted `count` rows inside the formatted area (an append below the last
 * lead inserts rows there, and inserted rows take the area's drop-downs and colours), so the tab's
 * growth does not make the next check style every column again. `lastRow` is the last row with
 * content before the insert; rows inserted after the grid's end are left for that check.
 */
export function formattedRowsInserted(
  sheet: Sheet,
  maxRowsBefore: number,
  lastRow: number,
  count: number,
): void {
  const key = formattedRowsKey(sheetIdOf(sheet));
  const covered = readState<number | null>(key, null);
  if (covered !== null && Number(covered) >= maxRowsBefore && lastRow < maxRowsBefore) {
    writeState(key, maxRowsBefore + count);
  }
}

/** The same for the Leads tab as an operation read it (its header may be below row 1). */
export function keepLeadsFormatted(
  leads: {
    readonly sheet: Sheet;
    readonly headerRow: number;
    readonly layout: { readonly index: Partial<Record<string, number>> };
  },
  language: Language,
  settings: Settings,
): void {
  extendFormatsIfGrown(
    leads.sheet,
    'leads',
    leads.layout.index,
    language,
    settings,
    leads.headerRow,
  );
}
