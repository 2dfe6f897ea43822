// Leads read narrowly (a regular hour, Score all leads): a few columns of every row in one call,
// then the whole rows of the leads it may act on in a second; any sign that rows moved in between
// reads the tab whole.

import type { TimeZone } from '../sheet/calendar';
import type { ColumnMapping } from '../sheet/headers';
import { textOf } from '../sheet/cells';
import { LEAD_COLUMNS, type LeadColumnKey } from '../sheet/tabs';
import { dateColumnsOf } from './cellsAtOnce';
import { fillWholeRows } from './wholeRows';
import { readColumnsBelow, readHeader, readTable, type Table } from './table';
import type { Snapshot } from './commit';
import { hasSheetsService } from './sheetsService';
import type { Sheet, Spreadsheet } from './workbook';

/** What a narrow read looks at in every row, and which of those rows it then reads whole. */
export interface NarrowRead {
  readonly keys: readonly LeadColumnKey[];
  readonly needsWholeRow: (
    row: readonly unknown[],
    index: Readonly<Record<LeadColumnKey, number>>,
  ) => boolean;
}

/** Leads, the rows read whole (every row, when undefined) and the columns read in every row. */
export interface LeadsRead {
  readonly table: Table<LeadColumnKey>;
  readonly wholeRows?: ReadonlySet<number>;
  readonly everyRowColumns?: ReadonlySet<number>;
}

/** Past this share of rows, one read of the whole tab costs less. */
const WHOLE_ROW_SHARE = 0.25;

/**
 * Reads Leads narrowly: the plan's keys over every row, then whole the rows its `needsWholeRow`
 * picks and those of the `alsoWhole` Lead IDs.
 * Cells of other rows outside those keys read as blank: callers act on what they read.
 * Falls back to one whole read without the Sheets service, when a column is missing, when over a
 * quarter of the rows need reading whole, or when a row read whole no longer matches what the
 * first read saw (a person sorted between). With `rowsSeen`, the rows of the tab when a pass last
 * read every row (null: never), rows added since count as rows to read whole: past the share, the
 * tab is read whole at once, without a narrow read first.
 */
export function readLeadsNarrow(
  spreadsheet: Spreadsheet,
  sheet: Sheet,
  mapping: ColumnMapping,
  zone: TimeZone,
  plan: NarrowRead,
  options: { readonly alsoWhole?: ReadonlySet<string>; readonly rowsSeen?: number | null } = {},
): LeadsRead {
  const { alsoWhole = new Set<string>(), rowsSeen } = options;
  const whole = (): LeadsRead => ({ table: readTable(sheet, LEAD_COLUMNS, mapping) });
  // Without the Sheets service, each read spans every column and row between the cells it wants:
  // the keys of every row and then the scattered rows whole would read the tab nearly twice.
  if (rowsSeen === null || !hasSheetsService()) return whole();
  const head = readHeader(sheet, LEAD_COLUMNS, mapping);
  const { headerRow, header, layout } = head;
  const index = layout.index as Partial<Record<LeadColumnKey, number>>;
  if (plan.keys.some((key) => index[key] === undefined)) return whole();
  const at = index as Record<LeadColumnKey, number>;
  const width = header.length;
  // Rows a person adds after this are the next run's: nothing here removes or renumbers them.
  const count = Math.max(0, sheet.getLastRow() - headerRow);
  if (rowsSeen !== undefined && count - rowsSeen > count * WHOLE_ROW_SHARE) return whole();
  const rows = readColumnsBelow(sheet, head, plan.keys, { spreadsheet, zone }, count);
  const dates = { columns: dateColumnsOf(index), zone };
  const keyColumns = plan.keys.map((key) => at[key]);
  const wanted = rows.flatMap((row, r) =>
    plan.needsWholeRow(row, at) || alsoWhole.has(textOf(row[at.id])) ? [r] : [],
  );
  if (wanted.length > count * WHOLE_ROW_SHARE) return whole();
  const narrow = { sheet, headerRow, width, rows, keyColumns };
  if (!fillWholeRows(spreadsheet, narrow, wanted, dates)) return whole();
  const table: Table<LeadColumnKey> = { sheet, headerRow, header, rows, layout };
  return { table, wholeRows: new Set(wanted), everyRowColumns: new Set(keyColumns) };
}

/**
 * The rows as first read, for a commit's repairs: after a narrow read, only the rows read whole
 * and the columns read in every row are known.
 */
export function snapshotOf(
  rows: readonly unknown[][],
  wholeRows: ReadonlySet<number> | undefined,
  everyRowColumns: ReadonlySet<number> | undefined,
): Snapshot {
  if (!wholeRows || !everyRowColumns) return rows;
  return { rows, knows: (row, column) => wholeRows.has(row) || everyRowColumns.has(column) };
}
