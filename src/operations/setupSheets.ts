// setupSheets: creates or repairs every tab — headers, drop-downs, formats, colours, Settings defaults.
// It only ever adds: missing tabs, missing columns at the end, missing settings rows at the bottom.

import { locateColumns, type Recognition, recognitionOf, worthTelling } from '../sheet/headers';
import { textOf } from '../sheet/cells';
import type { Language } from '../sheet/language';
import { APP, OPERATIONS, SHEETS, t } from '../sheet/text';
import { defaultSettings, type Settings } from '../method/settings/settings';
import {
  ALL_SETTINGS_PARTS,
  SETTINGS_WIDTH,
  type SettingsParts,
  settingsSheetContent,
} from '../method/settings/settingsLayout';
import {
  missingSettingsTables,
  missingSingleSettings,
  parseSettings,
} from '../method/settings/settingsParse';
import { styleTableTab } from '../gas/tabStyle';
import {
  type ColumnDef,
  TAB_NAMES,
  TAB_ORDER,
  TABLE_TABS,
  type TableTabKey,
  type TabKey,
} from '../sheet/tabs';
import { alertUser, toast } from '../gas/feedback';
import { writeSettingsContent } from '../gas/settingsTab';
import { readHeader } from '../gas/table';
import { newFormToken } from '../gas/formToken';
import { withDocumentLock } from '../gas/lock';
import { appendLog } from '../gas/log';
import {
  activeSpreadsheet,
  localeLanguage,
  readAll,
  type Sheet,
  type Spreadsheet,
  tabIndex,
  trimNewTab,
} from '../gas/workbook';
import { labelIn } from '../sheet/language';

export interface SetupSummary {
  readonly created: string[];
  addedColumns: number;
  /** Settings rows or tables appended to an existing Settings tab. */
  addedSettings: number;
  /** What was found in tabs the team made themselves (their header row, names and columns). */
  readonly recognised: Recognition[];
  readonly language: Language;
}

/** What set-up read in a tab the team made themselves, in plain words. */
function recognitionText(r: Recognition, language: Language): string {
  const say = SHEETS.recognised;
  const clauses = [t(language, say.header, r.tab, r.headerRow, r.recognised)];
  if (r.headerRow > 1) clauses.push(t(language, say.titleRowsKept, r.headerRow - 1));
  for (const x of r.renamed) {
    clauses.push(t(language, x.mapped ? say.mappedAs : say.readAs, x.header, x.column));
  }
  if (r.added.length > 0) clauses.push(t(language, say.addedAtEnd, r.added));
  if (r.ignored.length > 0) clauses.push(t(language, say.keptAsOwn, r.ignored));
  return clauses.join(t(language, say.separator)) + t(language, say.end);
}

/** What setup changed, or that it changed nothing. */
function setupToast(summary: SetupSummary, language: Language): string {
  const { created, addedColumns, addedSettings } = summary;
  if (created.length === 0 && addedColumns === 0 && addedSettings === 0) {
    return t(language, SHEETS.alreadySetUp);
  }
  return t(language, SHEETS.setUp, created, addedColumns, addedSettings);
}

function ensureTableTab(
  spreadsheet: Spreadsheet,
  existing: Sheet | undefined,
  key: TableTabKey,
  language: Language,
  settings: Settings,
  summary: SetupSummary,
): void {
  const columns: readonly ColumnDef[] = TABLE_TABS[key];
  // The team's own column names hold Leads fields; Pool copies Leads rows, so it honours them too.
  const names = key === 'leads' || key === 'pool' ? settings.columnNames : {};
  let sheet = existing;
  let found = { headerRow: 1, header: [] as unknown[], layout: locateColumns([], columns) };
  if (!sheet) {
    sheet = spreadsheet.insertSheet(labelIn(language, TAB_NAMES[key]));
    trimNewTab(sheet, columns.length);
    summary.created.push(labelIn(language, TAB_NAMES[key]));
  } else if (sheet.getLastColumn() > 0) {
    found = readHeader(sheet, columns, names);
  }
  const { headerRow, header, layout } = found;
  if (layout.missing.length > 0) {
    // Missing columns go after the last used one: nothing the user has is moved.
    const start = header.length;
    const needed = start + layout.missing.length - sheet.getMaxColumns();
    if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
    sheet
      .getRange(headerRow, start + 1, 1, layout.missing.length)
      .setValues([layout.missing.map((c) => labelIn(language, c.header))]);
    if (existing) summary.addedColumns += layout.missing.length;
  }
  if (existing && header.some((cell) => textOf(cell) !== '')) {
    const found = recognitionOf(sheet.getName(), headerRow, header, columns, layout, language);
    if (worthTelling(found)) summary.recognised.push(found);
  }
  const placed = locateColumns(
    [...header, ...layout.missing.map((c) => labelIn(language, c.header))],
    columns,
    names,
  );
  sheet.setFrozenRows(headerRow);
  styleTableTab(sheet, key, placed.index, language, settings, headerRow);
  if (key === 'leads' && !existing)
    sheet.setColumnWidth((placed.index.scoreNote as number) + 1, 320);
}

/**
 * Creates the Settings tab filled with the defaults, or appends to an existing one whatever single
 * values or tables it lacks (below everything, so nothing a manager typed moves).
 */
function ensureSettingsTab(
  spreadsheet: Spreadsheet,
  existing: Sheet | undefined,
  language: Language,
  summary: SetupSummary,
): Settings {
  const grid = existing ? readAll(existing) : [];
  const empty = grid.every((row) => row.every((cell) => cell === ''));
  const parts: SettingsParts = empty
    ? ALL_SETTINGS_PARTS
    : { header: false, singles: missingSingleSettings(grid), tables: missingSettingsTables(grid) };
  const parsed = empty ? undefined : parseSettings(grid, existing?.getName() ?? '', language);
  const settings = parsed?.ok ? parsed.settings : defaultSettings(language);
  if (!parts.header && parts.singles.length === 0 && parts.tables.length === 0) return settings;

  let sheet = existing;
  if (!sheet) {
    sheet = spreadsheet.insertSheet(labelIn(language, TAB_NAMES.settings));
    trimNewTab(sheet, SETTINGS_WIDTH);
    summary.created.push(labelIn(language, TAB_NAMES.settings));
  } else {
    summary.addedSettings += parts.singles.length + parts.tables.length;
  }
  // Each spreadsheet gets its own random token, so a web form can only ever write into its own.
  const fresh = parts.singles.includes('webFormToken')
    ? { ...defaultSettings(language), webFormToken: newFormToken() }
    : defaultSettings(language);
  const content = settingsSheetContent(fresh, language, parts);
  const start = empty ? 1 : sheet.getLastRow() + 2;
  writeSettingsContent(sheet, start, content);
  if (empty) {
    sheet.getRange(1, 2, content.rows.length, 1).setHorizontalAlignment('left');
    sheet.setColumnWidth(1, 200);
    sheet.setColumnWidth(2, 260);
    sheet.setFrozenRows(1);
  }
  return settings;
}

/** The Analysis tab holds aggregates written by the analysis; set-up only titles it. */
function ensureAnalysisTab(
  spreadsheet: Spreadsheet,
  existing: Sheet | undefined,
  language: Language,
  summary: SetupSummary,
): void {
  if (existing && existing.getLastRow() > 0) return;
  let sheet = existing;
  if (!sheet) {
    sheet = spreadsheet.insertSheet(labelIn(language, TAB_NAMES.analysis));
    summary.created.push(labelIn(language, TAB_NAMES.analysis));
  }
  sheet.getRange(1, 1).setValue(labelIn(language, TAB_NAMES.analysis)).setFontWeight('bold');
}

/** Creates missing tabs in the workbook's language and repairs existing ones; never removes data. */
export function setupSheets(): SetupSummary {
  const spreadsheet = activeSpreadsheet();
  const locale = localeLanguage(spreadsheet);
  return withDocumentLock(locale, 30_000, () => {
    const tabs = tabIndex(spreadsheet);
    // The Settings tab may choose the language; otherwise the locale decides.
    let language = locale;
    if (tabs.settings) {
      const parsed = parseSettings(readAll(tabs.settings), tabs.settings.getName(), locale);
      if (parsed.ok && parsed.settings.language) language = parsed.settings.language;
    }
    const summary: SetupSummary = {
      created: [],
      addedColumns: 0,
      addedSettings: 0,
      recognised: [],
      language,
    };
    // Table tabs need the sources list; a Settings tab that is new holds the defaults.
    let settings = defaultSettings(language);
    if (tabs.settings) settings = ensureSettingsTab(spreadsheet, tabs.settings, language, summary);
    for (const key of TAB_ORDER as readonly TabKey[]) {
      if (key === 'settings') {
        if (!tabs.settings) settings = ensureSettingsTab(spreadsheet, undefined, language, summary);
      } else if (key === 'analysis') {
        ensureAnalysisTab(spreadsheet, tabs.analysis, language, summary);
      } else {
        ensureTableTab(spreadsheet, tabs[key], key, language, settings, summary);
      }
    }
    const after = tabIndex(spreadsheet);
    after.leads?.activate();
    const report = summary.recognised.map((r) => recognitionText(r, language));
    appendLog(
      spreadsheet,
      after,
      [setupToast(summary, language), ...report].map((detail) => ({
        action: t(language, OPERATIONS.setupSheets),
        detail,
      })),
      language,
      new Date(),
      '',
    );
    toast(spreadsheet, setupToast(summary, language), t(language, APP.name));
    // A sheet the team made themselves: say in plain words what was read how, and what was not.
    if (report.length > 0) alertUser([setupToast(summary, language), ...report].join('\n\n'));
    return summary;
  });
}
