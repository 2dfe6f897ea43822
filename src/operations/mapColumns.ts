// Map columns…: the team says which header of their own Leads sheet holds which field (SPEC §13.1);
// the choice is checked against the header row, stored in Settings, and honoured by every operation.

import { checkMapping } from '../method/capture/columnMapping';
import { COLUMNS, OPERATIONS, APP, t } from '../sheet/text';
import { LEAD_COLUMNS } from '../sheet/tabs';
import { storeColumnNames } from '../gas/columnNamesTable';
import { toast } from '../gas/feedback';
import { appendLog } from '../gas/log';
import { showMapColumnsPage } from '../gas/mapColumnsDialog';
import { readHeader } from '../gas/table';
import { requireTab } from '../gas/workbook';
import { type OperationContext, runOperation } from './operation';

/** Stores the mapping (every problem named at once, nothing stored when any) and says so. */
function mapColumnsIn(context: OperationContext, input: unknown): string {
  const { spreadsheet, tabs, language } = context;
  const leads = requireTab(tabs, 'leads', language);
  const settingsTab = requireTab(tabs, 'settings', language);
  const { header, headerRow } = readHeader(leads, LEAD_COLUMNS, context.settings.columnNames);
  const checked = checkMapping(input, header, leads.getName(), headerRow, language);
  if (!checked.ok) throw new Error(checked.problems.join('\n'));
  storeColumnNames(settingsTab, checked.mapping, language);
  const message = t(language, COLUMNS.saved, Object.keys(checked.mapping).length);
  appendLog(
    spreadsheet,
    tabs,
    [{ action: t(language, OPERATIONS.mapColumns), detail: message }],
    language,
    context.now,
    '',
  );
  toast(spreadsheet, message, t(language, APP.name));
  return message;
}

export function mapColumns(mapping: unknown): string {
  return runOperation({ action: OPERATIONS.mapColumns }, (context) =>
    mapColumnsIn(context, mapping),
  );
}

/** The menu's "Map columns…": a dialog listing every field with the sheet's headers to pick from. */
export function showMapColumnsDialog(): void {
  runOperation({ action: OPERATIONS.mapColumns }, (context) => {
    const leads = requireTab(context.tabs, 'leads', context.language);
    const found = readHeader(leads, LEAD_COLUMNS, context.settings.columnNames);
    showMapColumnsPage(found.header, found.layout, context.settings.columnNames, context.language);
  });
}
