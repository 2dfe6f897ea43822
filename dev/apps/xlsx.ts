// Writes the local runtime's workbook to .xlsx (values, formats, drop-downs, grade colours) and reads
// an .xlsx from Excel or Google Sheets back into a runtime.

import ExcelJS from 'exceljs';
import { columnLetter } from '../../src/sheet/a1';
import type { LocalConditionalFormatRule, LocalDataValidation } from '../../gas-local/builders';
import { CellDate, type StoredValue } from '../../gas-local/cellValues';
import type { LocalAppsScript } from '../../gas-local/runtime';
import type { LocalSheet } from '../../gas-local/sheet';
import { MAX_COLUMNS, type SheetData, type StyleName, cellKey } from '../../gas-local/sheetData';
import { offsetForWallTime, offsetMinutesAt } from '../../gas-local/zone';

/** exceljs 4 has these at run time but leaves them out of its typings. */
interface WorksheetInternals {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

/** The styles a column's body (rows 2…) shares, written once as the column's style. */
interface ColumnLook {
  readonly numberFormat: string | undefined;
  readonly background: string | undefined;
}

/** Excel's default column is 64 px wide and holds 8.43 characters. */
const PIXELS_PER_CHARACTER = 64 / 8.43;
const MIN_WIDTH = 8;
const MAX_WIDTH = 48;
/** Rows sampled to size a column to its contents. */
const WIDTH_SAMPLE_ROWS = 300;
/** Excel caps a literal drop-down list (`"a,b,c"`) at 255 characters. */
const MAX_LIST_FORMULA = 255;
const DAY_MS = 86_400_000;

const rowOf = (key: number) => Math.floor(key / (MAX_COLUMNS + 1));
const columnOf = (key: number) => key % (MAX_COLUMNS + 1);

/** `#b7e1cd` → `FFB7E1CD`; undefined for colours Excel cannot take as ARGB. */
function argb(colour: string | undefined | null): string | undefined {
  if (!colour) return undefined;
  const hex = /^#?([0-9a-f]{6})$/i.exec(colour.trim())?.[1];
  return hex ? `FF${hex.toUpperCase()}` : undefined;
}

function solidFill(colour: string | undefined | null): ExcelJS.Fill | undefined {
  const rgb = argb(colour);
  // Excel's conditional formats read bgColor, cell styles read fgColor: give both.
  return rgb
    ? { type: 'pattern', pattern: 'solid', fgColor: { argb: rgb }, bgColor: { argb: rgb } }
    : undefined;
}

/** A date as Excel holds it: the wall-clock time in the spreadsheet's zone, with no zone. */
function wallClockDate(ms: number, zone: string): Date {
  return new Date(ms + offsetMinutesAt(zone, ms) * 60_000);
}

/** The instant a zone-less wall-clock date (UTC fields) stands for in `zone`. */
function instantOf(wallClock: Date, zone: string): Date {
  const parts = [
    wallClock.getUTCFullYear(),
    wallClock.getUTCMonth() + 1,
    wallClock.getUTCDate(),
    wallClock.getUTCHours(),
    wallClock.getUTCMinutes(),
    wallClock.getUTCSeconds(),
  ] as const;
  return new Date(wallClock.getTime() - offsetForWallTime(zone, ...parts) * 60_000);
}

/** The most common body style (rows 2…) of each column, so most cells need no style of their own. */
function columnLooks(data: SheetData): ColumnLook[] {
  const formats = data.styles.get('numberFormat') ?? new Map<number, string>();
  const backgrounds = data.styles.get('background') ?? new Map<number, string>();
  const tallies = Array.from({ length: data.maxColumns }, () => new Map<string, number>());
  const styled = new Set([...formats.keys(), ...backgrounds.keys()].filter((k) => rowOf(k) > 0));
  for (const key of styled) {
    const look = `${formats.get(key) ?? ''}\n${backgrounds.get(key) ?? ''}`;
    const tally = tallies[columnOf(key)];
    if (tally) tally.set(look, (tally.get(look) ?? 0) + 1);
  }
  return tallies.map((tally) => {
    const styledCells = [...tally.values()].reduce((sum, n) => sum + n, 0);
    // Cells with no style at all compete too: a column mostly plain stays plain.
    tally.set('\n', (tally.get('\n') ?? 0) + data.maxRows - 1 - styledCells);
    const [look] = [...tally.entries()].sort((a, b) => b[1] - a[1])[0];
    const [numberFormat, background] = look.split('\n');
    return { numberFormat: numberFormat || undefined, background: background || undefined };
  });
}

function applyColumnLooks(worksheet: ExcelJS.Worksheet, looks: readonly ColumnLook[]): void {
  looks.forEach((look, at) => {
    const fill = solidFill(look.background);
    if (!look.numberFormat && !fill) return;
    const column = worksheet.getColumn(at + 1);
    if (look.numberFormat) column.numFmt = look.numberFormat;
    if (fill) column.fill = fill;
  });
}

/** Cells that must be written: those holding a value, and those styled unlike their column. */
function cellsToWrite(data: SheetData, looks: readonly ColumnLook[]): number[] {
  const keys = new Set<number>();
  data.values.forEach((line, row) =>
    line?.forEach((value, column) => {
      if (value !== undefined) keys.add(cellKey(row, column));
    }),
  );
  for (const key of data.formulas.keys()) keys.add(key);
  for (const [name, map] of data.styles) {
    for (const [key, value] of map.entries()) {
      const look = looks[columnOf(key)];
      const matchesColumn =
        rowOf(key) > 0 &&
        ((name === 'numberFormat' && value === look?.numberFormat) ||
          (name === 'background' && value === look?.background));
      if (!matchesColumn) keys.add(key);
    }
  }
  return [...keys].sort((a, b) => a - b);
}

function excelValue(
  data: SheetData,
  key: number,
  value: StoredValue | undefined,
  zone: string,
): ExcelJS.CellValue {
  const plain = value instanceof CellDate ? wallClockDate(value.ms, zone) : (value ?? null);
  const formula = data.formulas.get(key);
  if (!formula) return plain;
  return { formula: formula.replace(/^=/, ''), result: plain ?? undefined } as ExcelJS.CellValue;
}

/** Dates need a date format in Excel, or they show as serial numbers. */
function numberFormatFor(format: string | undefined, value: ExcelJS.CellValue): string | undefined {
  if (format || !(value instanceof Date)) return format;
  return value.getTime() % DAY_MS === 0 ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm';
}

function cellStyle(
  data: SheetData,
  row: number,
  column: number,
  value: ExcelJS.CellValue,
): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  const get = (name: StyleName) => data.style(name, row, column);
  const numFmt = numberFormatFor(get('numberFormat'), value);
  if (numFmt) style.numFmt = numFmt;
  const fill = solidFill(get('background'));
  if (fill) style.fill = fill;
  const colour = argb(get('fontColor'));
  if (get('fontWeight') === 'bold' || colour) {
    style.font = {
      bold: get('fontWeight') === 'bold',
      color: colour ? { argb: colour } : undefined,
    };
  }
  const horizontal = get('horizontalAlignment') as ExcelJS.Alignment['horizontal'] | undefined;
  if (horizontal || get('wrap') === 'true') {
    style.alignment = { horizontal, wrapText: get('wrap') === 'true' };
  }
  return style;
}

function writeCells(
  worksheet: ExcelJS.Worksheet,
  data: SheetData,
  looks: readonly ColumnLook[],
  zone: string,
): void {
  for (const key of cellsToWrite(data, looks)) {
    const [row, column] = [rowOf(key), columnOf(key)];
    const value = excelValue(data, key, data.get(row, column), zone);
    const cell = worksheet.getCell(row + 1, column + 1);
    cell.value = value;
    // A whole style, not a merge: the column's style must not leak into headers.
    cell.style = cellStyle(data, row, column, value);
    const note = data.style('note', row, column);
    if (note) cell.note = note;
  }
}

/** Characters a value takes on screen; CJK characters are twice as wide. */
function displayWidth(value: StoredValue | undefined): number {
  if (value === undefined) return 0;
  if (value instanceof CellDate) return 16;
  const text = String(value);
  return [...text].reduce((width, ch) => width + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0);
}

function writeColumnWidths(worksheet: ExcelJS.Worksheet, data: SheetData): void {
  const used = Math.max(data.lastColumn(), ...data.columnWidths.keys());
  for (let column = 1; column <= used; column++) {
    const pixels = data.columnWidths.get(column);
    let width: number;
    if (pixels !== undefined) width = pixels / PIXELS_PER_CHARACTER;
    else {
      const sample = data.values.slice(0, WIDTH_SAMPLE_ROWS);
      const widest = Math.max(0, ...sample.map((line) => displayWidth(line?.[column - 1])));
      width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
    }
    worksheet.getColumn(column).width = Math.round(width * 10) / 10;
  }
}

/** The Excel form of a Sheets validation; undefined for kinds the demo's tabs do not use. */
function excelValidation(rule: LocalDataValidation): ExcelJS.DataValidation | undefined {
  const spec = rule._spec;
  if (spec.kind !== 'list' && spec.kind !== 'checkbox') return undefined;
  // Excel has no checkbox: a TRUE/FALSE list keeps the same two values.
  const values = spec.kind === 'checkbox' ? ['TRUE', 'FALSE'] : spec.values;
  const formula = `"${values.map((v) => v.replace(/"/g, '""')).join(',')}"`;
  // A value with a comma, or a list past Excel's limit, cannot be a literal list: leave it out
  // rather than offer wrong choices.
  if (values.some((v) => v.includes(',')) || formula.length > MAX_LIST_FORMULA) return undefined;
  return {
    type: 'list',
    formulae: [formula],
    allowBlank: true,
    // Sheets' "show a warning" is Excel's warning style; "reject input" is its stop style.
    showErrorMessage: true,
    errorStyle: spec.allowInvalid ? 'warning' : 'stop',
    showInputMessage: spec.helpText !== '',
    prompt: spec.helpText || undefined,
  };
}

/** Runs of identical rules down each column, as `K2:K1000` ranges: one entry per run, not per cell. */
function validationRuns(
  data: SheetData,
): { column: number; from: number; to: number; rule: LocalDataValidation }[] {
  const byColumn = new Map<number, number[]>();
  for (const key of data.validations.keys()) {
    const rows = byColumn.get(columnOf(key)) ?? [];
    rows.push(rowOf(key));
    byColumn.set(columnOf(key), rows);
  }
  const runs: { column: number; from: number; to: number; rule: LocalDataValidation }[] = [];
  for (const [column, rows] of byColumn) {
    rows.sort((a, b) => a - b);
    const ruleAt = (row: number) =>
      data.validations.get(cellKey(row, column)) as LocalDataValidation;
    const sameRule = (a: LocalDataValidation, b: LocalDataValidation) =>
      a === b || JSON.stringify(a._spec) === JSON.stringify(b._spec);
    for (const row of rows) {
      const last = runs[runs.length - 1];
      if (last?.column === column && last.to === row - 1 && sameRule(last.rule, ruleAt(row)))
        last.to = row;
      else runs.push({ column, from: row, to: row, rule: ruleAt(row) });
    }
  }
  return runs;
}

function writeValidations(worksheet: ExcelJS.Worksheet, data: SheetData): void {
  const validations = (worksheet as unknown as WorksheetInternals).dataValidations;
  for (const run of validationRuns(data)) {
    const validation = excelValidation(run.rule);
    if (!validation) continue;
    const letter = columnLetter(run.column + 1);
    const address =
      run.from === run.to
        ? `${letter}${run.from + 1}`
        : `${letter}${run.from + 1}:${letter}${run.to + 1}`;
    validations.add(address, validation);
  }
}

/** The condition as an Excel formula relative to the range's top-left cell. */
function conditionFormula(rule: LocalConditionalFormatRule, topLeft: string): string {
  const { kind, value } = rule._spec.condition;
  if (kind === 'formula') return value.replace(/^=/, '');
  if (kind === 'notEmpty') return `LEN(TRIM(${topLeft}))>0`;
  // Sheets' "text is exactly" ignores case, and so does Excel's `=`.
  return `${topLeft}="${value.replace(/"/g, '""')}"`;
}

function conditionalStyle(rule: LocalConditionalFormatRule): Partial<ExcelJS.Style> {
  const { background, fontColor, bold } = rule._spec;
  const style: Partial<ExcelJS.Style> = {};
  const fill = solidFill(background);
  if (fill) style.fill = fill;
  const colour = argb(fontColor);
  if (bold !== null || colour) {
    style.font = { bold: bold ?? undefined, color: colour ? { argb: colour } : undefined };
  }
  return style;
}

/** Each rule on each of its ranges; rules sharing a range go in one block, as Sheets lists them. */
function writeConditionalFormats(worksheet: ExcelJS.Worksheet, data: SheetData): void {
  const blocks = new Map<string, ExcelJS.ConditionalFormattingRule[]>();
  const rules = data.conditionalRules as LocalConditionalFormatRule[];
  rules.forEach((rule, index) => {
    for (const range of rule._spec.ranges) {
      const { row, column, numRows, numColumns } = range._bounds();
      const topLeft = `${columnLetter(column)}${row}`;
      const ref = `${topLeft}:${columnLetter(column + numColumns - 1)}${row + numRows - 1}`;
      const block = blocks.get(ref) ?? [];
      block.push({
        type: 'expression',
        formulae: [conditionFormula(rule, topLeft)],
        style: conditionalStyle(rule),
        // Sheets applies the first matching rule, as Excel does with the lowest priority.
        priority: index + 1,
      });
      blocks.set(ref, block);
    }
  });
  for (const [ref, block] of blocks) worksheet.addConditionalFormatting({ ref, rules: block });
}

function frozenViews(data: SheetData): Partial<ExcelJS.WorksheetView>[] {
  if (data.frozenRows === 0 && data.frozenColumns === 0) return [];
  return [{ state: 'frozen', xSplit: data.frozenColumns, ySplit: data.frozenRows }];
}

function exportSheet(workbook: ExcelJS.Workbook, sheet: LocalSheet, zone: string): void {
  const data = sheet._data;
  const tabColor = argb(data.tabColor);
  const worksheet = workbook.addWorksheet(data.name, {
    state: sheet.isSheetHidden() ? 'hidden' : 'visible',
    views: frozenViews(data),
    properties: tabColor ? { tabColor: { argb: tabColor } } : {},
  });
  const looks = columnLooks(data);
  // Column styles first: exceljs copies them into cells created afterwards, which then override.
  applyColumnLooks(worksheet, looks);
  writeCells(worksheet, data, looks, zone);
  writeColumnWidths(worksheet, data);
  writeValidations(worksheet, data);
  writeConditionalFormats(worksheet, data);
}

/** Writes every tab of the runtime's spreadsheet, in order, to an .xlsx file. */
export async function exportWorkbook(runtime: LocalAppsScript, path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const zone = runtime.spreadsheet._timeZone();
  for (const sheet of runtime.spreadsheet._sheets) exportSheet(workbook, sheet, zone);
  await workbook.xlsx.writeFile(path);
}

/** One worksheet read from an .xlsx: dates are zone-less wall-clock times (in their UTC fields). */
export interface WorkbookTab {
  readonly name: string;
  readonly rows: unknown[][];
}

/** A cell as a plain value: rich text and hyperlinks as their text, formulas as their result. */
function plainValue(value: ExcelJS.CellValue | undefined): unknown {
  if (value === null || value === undefined) return '';
  if (value instanceof Date || typeof value !== 'object') return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return plainValue(value.result);
  if ('hyperlink' in value) return plainValue(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return '';
}

function worksheetRows(worksheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const line: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      // exceljs shows a merged area's value in every cell of it; Sheets keeps it in the first.
      const covered = cell.isMerged && cell.master !== cell;
      line[columnNumber - 1] = covered ? '' : plainValue(cell.value);
    });
    rows[rowNumber - 1] = Array.from(line, (v) => v ?? '');
  });
  return Array.from(rows, (line) => line ?? []);
}

/**
 * Reads every visible worksheet of an .xlsx, in tab order. Hidden ones are left out: Lead Tracker's
 * hidden state tab belongs to the spreadsheet the file was saved from, and an import starts afresh.
 */
export async function readWorkbook(path: string): Promise<WorkbookTab[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const visible = workbook.worksheets.filter((worksheet) => worksheet.state === 'visible');
  return visible.map((worksheet) => ({
    name: worksheet.name,
    rows: worksheetRows(worksheet),
  }));
}

/** A read value as the runtime should receive it when typed into a cell. */
function typedValue(value: unknown, zone: string): unknown {
  if (value instanceof Date) return instantOf(value, zone);
  // A text cell stays text: the apostrophe stops `¥500,000` or `2024-08` from becoming a number
  // or a date, as it would in Sheets.
  if (typeof value === 'string' && value !== '') return `'${value}`;
  return value;
}

/** Adds the tabs to the runtime as a person importing the file would. */
export function addTabs(runtime: LocalAppsScript, tabs: readonly WorkbookTab[]): void {
  const zone = runtime.spreadsheet._timeZone();
  for (const tab of tabs) {
    runtime.addSheet(
      tab.name,
      tab.rows.map((line) => line.map((value) => typedValue(value, zone))),
    );
  }
}

/** Reads an .xlsx (from Google Sheets or Excel) and adds each of its worksheets to the runtime. */
export async function importWorkbook(path: string, runtime: LocalAppsScript): Promise<void> {
  addTabs(runtime, await readWorkbook(path));
}
