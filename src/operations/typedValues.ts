// Values as people type them, for every operation: tables read with typed dates, each lead's history
// and outcome, and the Log lines and toast text for cells that could not be read and sources added.

import { earliestHistory, type FirstDates } from '../method/capture/enteredAt';
import { type FollowUpTouches, touchesOfCells } from '../method/followUp/touches';
import { latestOutcomes, type ResultKey, type StatusMatch } from '../method/outcomes/latestOutcome';
import type { TimeZone } from '../sheet/calendar';
import { isBlank, recordOf } from '../sheet/cells';
import type { Language } from '../sheet/language';
import { unlistedSources } from '../sheet/sources';
import { CONVERSION_COLUMNS, type ColumnDef, FOLLOWUP_COLUMNS } from '../sheet/tabs';
import { AUTOMATION, t, VALUES } from '../sheet/text';
import { namedExamples, readTypedRows, type UnreadableCell } from '../sheet/typedCells';
import type { LogEntry } from '../gas/log';
import { addSourcesToSettings, type SourceColumn } from '../gas/settingsSources';
import { readColumnsOf, readTable, type Table } from '../gas/table';
import type { OperationContext } from './operation';

/** Cells a toast names before it only counts: a toast is a few lines. */
const TOAST_EXAMPLES = 3;
/** Cells a Log line names: enough to fix a paste, far below a cell's 50,000 characters. */
const LOG_EXAMPLES = 50;

/**
 * Replaces the table's rows with typed ones (text dates as dates) and returns the rows as read:
 * changes are placed against those, so a text date is never taken for a person's later edit.
 */
export function typeTable<K extends string>(
  table: Table<K>,
  columns: readonly ColumnDef<K>[],
  zone: TimeZone,
): { raw: unknown[][]; unreadable: UnreadableCell[] } {
  const raw = table.rows;
  const typed = readTypedRows(
    raw,
    {
      tab: () => table.sheet.getName(),
      header: table.header,
      columns,
      index: table.layout.index,
      firstRow: table.headerRow + 1,
    },
    zone,
  );
  table.rows = typed.rows;
  return { raw, unreadable: typed.unreadable };
}

/**
 * Some rows of a tab read apart from the rest (one lead's), typed as typeTable types a table. The
 * rows' places are not kept, so cells that could not be read are not named: callers show no such list.
 */
export function typeRows<K extends string>(
  tab: Pick<Table<K>, 'sheet' | 'headerRow' | 'header' | 'layout'>,
  rows: unknown[][],
  columns: readonly ColumnDef<K>[],
  zone: TimeZone,
): unknown[][] {
  const source = {
    tab: () => tab.sheet.getName(),
    header: tab.header,
    columns,
    index: tab.layout.index,
    firstRow: tab.headerRow + 1,
  };
  return readTypedRows(rows, source, zone).rows;
}

type Row = Record<string, unknown>;

/** Each lead's follow-up times, Conversions as typed records, and what each lead's history says. */
export interface LeadHistory {
  readonly followUps: FollowUpTouches;
  readonly conversions: Row[];
  readonly outcomes: Map<string, ResultKey>;
  /** Each lead's earliest follow-up or decision. */
  readonly firstDates: FirstDates;
  readonly unreadable: UnreadableCell[];
}

function typedRecords<K extends string>(
  context: OperationContext,
  sheet: Table<K>['sheet'] | undefined,
  columns: readonly ColumnDef<K>[],
  only?: readonly K[],
): { records: Row[]; unreadable: UnreadableCell[] } {
  if (!sheet) return { records: [], unreadable: [] };
  const { spreadsheet, zone } = context;
  const table = only
    ? readColumnsOf(sheet, columns, only, { spreadsheet, zone })
    : readTable(sheet, columns);
  const { unreadable } = typeTable(table, columns, zone);
  const keys = columns.map((c) => c.key);
  return { records: table.rows.map((row) => recordOf(row, table.layout.index, keys)), unreadable };
}

/** True when some lead with a Lead ID has no Entered at: its date comes from its history (SPEC §13.1). */
export function needsFirstDates(
  rows: readonly (readonly unknown[])[],
  index: { readonly id?: number; readonly enteredAt?: number },
): boolean {
  const { id, enteredAt } = index;
  if (id === undefined || enteredAt === undefined) return false;
  return rows.some((row) => !isBlank(row[id]) && isBlank(row[enteredAt]));
}

/** What the Analysis and first dates read of each follow-up. */
const FOLLOWUP_HISTORY_KEYS = ['leadId', 'time'] as const;

/**
 * Each lead's follow-up times, typed as people typed them. Kept as a map rather than a record per
 * row: at two follow-ups a lead the records would be the largest thing a run holds.
 */
function followUpTouches(
  context: OperationContext,
  sheet: Table<string>['sheet'] | undefined,
): { touches: FollowUpTouches; unreadable: UnreadableCell[] } {
  if (!sheet) return { touches: new Map(), unreadable: [] };
  const { spreadsheet, zone } = context;
  const table = readColumnsOf(sheet, FOLLOWUP_COLUMNS, FOLLOWUP_HISTORY_KEYS, {
    spreadsheet,
    zone,
  });
  const { unreadable } = typeTable(table, FOLLOWUP_COLUMNS, zone);
  const { leadId, time } = table.layout.index;
  return { touches: touchesOfCells(table.rows, leadId, time), unreadable };
}

/**
 * Reads Follow-ups and Conversions: the Lead ID and time of each follow-up, and every column of
 * Conversions for the analysis, or (`outcomes`) only what outcomes and first dates need — the
 * Lead ID, the result and the decision date of Conversions, and Follow-ups only when some lead
 * takes its Entered at from them (`firstDates`).
 */
export function readHistory(
  context: OperationContext,
  needs: 'all' | 'outcomes' = 'all',
  firstDates = true,
): LeadHistory {
  const { tabs } = context;
  const narrow = needs === 'outcomes';
  // Of Follow-ups, the Analysis and first dates use only which lead was touched and when: at two
  // follow-ups a lead, the other six columns would be three quarters of every cell a run reads.
  const followUps =
    narrow && !firstDates
      ? { touches: new Map(), unreadable: [] }
      : followUpTouches(context, tabs.followups);
  const conversions = typedRecords(
    context,
    tabs.conversions,
    CONVERSION_COLUMNS,
    narrow ? ['leadId', 'result', 'decidedAt'] : undefined,
  );
  return {
    followUps: followUps.touches,
    conversions: conversions.records,
    outcomes: latestOutcomes(conversions.records),
    firstDates: earliestHistory(followUps.touches, conversions.records),
    unreadable: [...followUps.unreadable, ...conversions.unreadable],
  };
}

function unreadableText(cells: readonly UnreadableCell[], shown: number, language: Language) {
  const examples = namedExamples(cells, shown);
  const more = Math.max(0, cells.length - shown);
  return t(language, VALUES.unreadable, cells.length, examples, more);
}

/** The Log line naming cells that could not be read; none when every cell was read. */
export function unreadableLog(cells: readonly UnreadableCell[], language: Language): LogEntry[] {
  if (cells.length === 0) return [];
  return [
    {
      action: t(language, VALUES.unreadableAction),
      detail: unreadableText(cells, LOG_EXAMPLES, language),
    },
  ];
}

/** A toast's extra line for cells that could not be read, or '' when there were none. */
export function unreadableToast(cells: readonly UnreadableCell[], language: Language): string {
  return cells.length === 0 ? '' : unreadableText(cells, TOAST_EXAMPLES, language);
}

/** A toast with its extra lines, blank ones left out. */
export function withNotes(message: string, ...notes: string[]): string {
  return [message, ...notes.filter((note) => note !== '')].join('\n');
}

/** The Log line for Status cells set to match Conversions. */
export function statusLog(matched: readonly StatusMatch[], language: Language): LogEntry[] {
  if (matched.length === 0) return [];
  const shown = matched
    .slice(0, LOG_EXAMPLES)
    .map((m) => t(language, VALUES.statusMatched, m.id, m.was, m.now));
  const more = matched.length - shown.length;
  return [
    {
      action: t(language, VALUES.statusMatchedAction),
      detail: [...shown, ...(more > 0 ? [t(language, AUTOMATION.andMore, more)] : [])].join('; '),
    },
  ];
}

/**
 * Adds every source of these rows that the Settings list lacks to the list (and to the Source
 * drop-downs), and returns the Log line saying so.
 */
export function addUnlistedSources(
  context: OperationContext,
  sourceCells: readonly unknown[],
  dropDowns: readonly SourceColumn[],
): LogEntry[] {
  const { settings, tabs, language } = context;
  const unlisted = unlistedSources(sourceCells, settings.sources);
  const added = addSourcesToSettings(tabs.settings, unlisted, settings.sources, dropDowns);
  if (added.length === 0) return [];
  return [
    {
      action: t(language, VALUES.sourceAddedAction),
      detail: t(language, VALUES.sourceAdded, added),
    },
  ];
}
