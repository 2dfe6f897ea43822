// The follow-up sidebar's server side (SPEC §8): open it, find leads, show a lead's card, and record
// a follow-up: validated first, written under the lock, and safe to retry after any failure.

import {
  checkFollowUp,
  describeProblems,
  type LeadCard,
  type LeadSummary,
  type SidebarStart,
} from '../method/followUp/followUpContract';
import { planFollowUp, suggestedNextFollowUp } from '../method/followUp/followUpPlan';
import { searchPattern } from '../method/followUp/searchPattern';
import { requireColumns } from '../sheet/headers';
import {
  historyOf,
  leadCardOf,
  SEARCH_LIMIT,
  SEARCHED_KEYS,
  searchHits,
  summaryOf,
} from '../method/followUp/leadCard';
import { recordOf, textOf } from '../sheet/cells';
import { type Language, matchesLabel } from '../sheet/language';
import { SIDEBAR, t } from '../sheet/text';
import { isDate } from '../sheet/calendar';
import {
  CONVERSION_COLUMNS,
  type ColumnDef,
  FOLLOWUP_COLUMNS,
  LEAD_COLUMNS,
  type LeadColumnKey,
  TAB_NAMES,
} from '../sheet/tabs';
import { readCellsOfRows } from '../gas/cellsOfRows';
import { columnSpans } from '../gas/columnReads';
import {
  appendRowsNow,
  type CommitTarget,
  commitEdits,
  commitLog,
  tableTarget,
} from '../gas/commit';
import {
  readDataRow,
  readLeadRow,
  readRowsOfLead,
  readTabHeader,
  type SomeRows,
  type TabHeader,
} from '../gas/leadRows';
import { withDocumentLock } from '../gas/lock';
import { appendLog } from '../gas/log';
import { unlessGridShrank } from '../gas/rowsToEnd';
import { readTable, rowFor } from '../gas/table';
import { activeSpreadsheet, localeLanguage, requireTab, type Sheet } from '../gas/workbook';
import { type SidebarContext, sidebarContext } from './sidebarContext';
import { typeRows } from './typedValues';

const LEAD_KEYS = LEAD_COLUMNS.map((c) => c.key);
const FOLLOWUP_KEYS = FOLLOWUP_COLUMNS.map((c) => c.key);
/** What a search result shows beyond the fields searched. */
const SHOWN_KEYS = ['grade', 'status', 'owner'] as const;
/**
 * Rows either side of the lead's that the commit reads: enough for rows a person inserts or
 * deletes meanwhile; a lead moved further (a sort) makes the commit read the whole tab by itself.
 */
const LEAD_WINDOW = 20;

type Row = Record<string, unknown>;

/** The Leads tab by its header alone: every call reads only the rows and columns it needs. */
function leadsHeader(context: SidebarContext): TabHeader<LeadColumnKey> {
  return readTabHeader(
    requireTab(context.tabs, 'leads', context.language),
    LEAD_COLUMNS,
    context.settings.columnNames,
  );
}

/** The lead's row as typed values (text dates as dates), by column key. */
function leadOf(context: SidebarContext, tab: TabHeader<LeadColumnKey>, cells: unknown[]) {
  const [typed] = typeRows(tab, [cells], LEAD_COLUMNS, context.zone);
  return recordOf(typed, tab.layout.index, LEAD_KEYS);
}

/** One lead's rows of a history tab, typed. */
function historyRows<K extends string>(
  context: SidebarContext,
  sheet: Sheet,
  columns: readonly ColumnDef<K>[],
  leadId: string,
): SomeRows<K> {
  const found = readRowsOfLead(sheet, columns, 'leadId' as K, leadId);
  return { ...found, rows: typeRows(found, found.rows, columns, context.zone) };
}

function followUpRecords(context: SidebarContext, leadId: string): Row[] {
  const sheet = context.tabs.followups;
  if (!sheet) return [];
  const followUps = historyRows(context, sheet, FOLLOWUP_COLUMNS, leadId);
  return followUps.rows.map((row) => recordOf(row, followUps.layout.index, FOLLOWUP_KEYS));
}

function cardFor(
  context: SidebarContext,
  lead: Record<LeadColumnKey, unknown>,
  followUps: readonly Row[],
): LeadCard {
  const history = historyOf(followUps, textOf(lead.id));
  const suggested = suggestedNextFollowUp(lead, context.settings, context.now, context.zone);
  return leadCardOf(lead, history, context.now, suggested);
}

/** The sidebar's opening state: the lead of the active row when the cursor is in Leads. */
export function getSidebarStart(): SidebarStart {
  const context = sidebarContext();
  const base = { language: context.language, timeZone: context.zone.name };
  const sheet = context.spreadsheet.getActiveSheet();
  if (!matchesLabel(sheet.getName(), TAB_NAMES.leads)) return { ...base, lead: null };
  const row = sheet.getActiveRange()?.getRow() ?? 1;
  if (row < 2) return { ...base, lead: null };
  const tab = leadsHeader(context);
  const idAt = tab.layout.index.id;
  if (row <= tab.headerRow || idAt === undefined) return { ...base, lead: null };
  const cells = readDataRow(tab, row - tab.headerRow - 1);
  if (!textOf(cells[idAt])) return { ...base, lead: null };
  const lead = leadOf(context, tab, cells);
  return { ...base, lead: cardFor(context, lead, followUpRecords(context, textOf(lead.id))) };
}

/**
 * Leads whose ID, company, contact or phone contain the query. Google's TextFinder finds the
 * matching cells on its side, in the searched columns only; then only the first matching rows'
 * searched and shown cells are read (in one call with the Sheets service), and checked again with
 * the sidebar's own matching.
 */
export function searchLeads(query: string): LeadSummary[] {
  const context = sidebarContext();
  const tab = leadsHeader(context);
  const { index } = tab.layout;
  const text = String(query ?? '');
  const pattern = searchPattern(text);
  if (index.id === undefined || pattern === undefined) return [];
  const searched = SEARCHED_KEYS.flatMap((key) => (index[key] === undefined ? [] : [index[key]]));
  const lastRow = tab.sheet.getLastRow();
  if (lastRow <= tab.headerRow) return [];
  const shown = SHOWN_KEYS.flatMap((key) => (index[key] === undefined ? [] : [index[key]]));
  const readColumns = [...searched, ...shown];
  // A person who deleted rows since the tab's length was asked leaves the ranges past its end.
  const cells = unlessGridShrank(
    tab.sheet,
    lastRow,
    () => {
      const rows = rowsFound(tab.sheet, tab.headerRow, lastRow, searched, pattern);
      return readCellsOfRows(context.spreadsheet, tab.sheet, rows, readColumns);
    },
    () => undefined,
  );
  if (!cells) return searchWholeTab(context, text);
  const leads = cells.map((line) => {
    const lead: Row = {};
    for (const key of [...SEARCHED_KEYS, ...SHOWN_KEYS]) {
      const at = index[key] === undefined ? -1 : readColumns.indexOf(index[key]);
      lead[key] = at < 0 ? '' : line[at];
    }
    return lead;
  });
  // A found row none of whose searched cells holds the text any more moved between the calls (a
  // person sorted), and so did a lead met on two rows (rows read apart, around a sort): the whole
  // tab is searched instead.
  const matcher = new RegExp(pattern, 'iu');
  const idAt = readColumns.indexOf(index.id);
  const ids = cells.map((line) => textOf(line[idAt])).filter((id) => id !== '');
  const moved =
    new Set(ids).size < ids.length ||
    cells.some((line) =>
      searched.every((column) => !matcher.test(textOf(line[readColumns.indexOf(column)]))),
    );
  if (moved) return searchWholeTab(context, text);
  return searchHits(leads, text).map((at) => summaryOf(leads[at]));
}

/** The sheet rows (1-based, in order) of the first leads whose searched cells match, found by Google. */
function rowsFound(
  sheet: Sheet,
  headerRow: number,
  lastRow: number,
  searched: readonly number[],
  pattern: string,
): number[] {
  const rows: number[] = [];
  for (const span of columnSpans(searched)) {
    const range = sheet.getRange(
      headerRow + 1,
      span.first + 1,
      lastRow - headerRow,
      span.last - span.first + 1,
    );
    if (!findsText(range)) {
      // Where the platform offers no TextFinder, the searched columns are read and matched here.
      const matcher = new RegExp(pattern, 'iu');
      range.getValues().forEach((line, r) => {
        const row = headerRow + 1 + r;
        if (
          rows.length < SEARCH_LIMIT &&
          !rows.includes(row) &&
          line.some((cell) => matcher.test(textOf(cell)))
        )
          rows.push(row);
      });
      continue;
    }
    const found = range.createTextFinder(pattern).useRegularExpression(true).findAll();
    // Each cell's row is asked only until the list is full.
    for (let i = 0; i < found.length && rows.length < SEARCH_LIMIT; i++) {
      const row = found[i].getRow();
      if (!rows.includes(row)) rows.push(row);
    }
  }
  return rows.sort((a, b) => a - b);
}

/**
 * TextFinder has been part of Apps Script since 2019; environments that emulate Apps Script do not
 * all offer it, and a search must still work there.
 */
function findsText(range: GoogleAppsScript.Spreadsheet.Range): boolean {
  return (
    typeof (range as Partial<GoogleAppsScript.Spreadsheet.Range>).createTextFinder === 'function'
  );
}

function searchWholeTab(context: SidebarContext, query: string): LeadSummary[] {
  const leads = readTable(
    requireTab(context.tabs, 'leads', context.language),
    LEAD_COLUMNS,
    context.settings.columnNames,
  );
  const records = leads.rows.map((row) => recordOf(row, leads.layout.index, LEAD_KEYS));
  return searchHits(records, query).map((at) => summaryOf(records[at]));
}

function unknownLead(leadId: string, language: Language): Error {
  return new Error(
    describeProblems([{ field: 'leadId', code: 'unknownLead' }], language) + ` (${leadId})`,
  );
}

export function getLeadCard(leadId: string): LeadCard {
  const context = sidebarContext();
  const tab = leadsHeader(context);
  const idAt = tab.layout.index.id;
  const id = textOf(leadId);
  const found =
    idAt === undefined
      ? undefined
      : readLeadRow(tab, idAt, id, LEAD_COLUMNS, context.settings.columnNames);
  if (!found) throw unknownLead(id, context.language);
  const lead = leadOf(context, tab, found.cells);
  return cardFor(context, lead, followUpRecords(context, id));
}

const sameTime = (a: unknown, b: unknown) => isDate(a) && isDate(b) && a.getTime() === b.getTime();

/**
 * Records a follow-up. Invalid input or an unknown lead: an Error naming every bad field, and
 * nothing written. Rows already written by an earlier attempt of the same submission (same lead,
 * time, method and content) are not written again, so a retry after a failure completes it once.
 * Leads is read through its ID column and the lead's row; Follow-ups and Conversions through their
 * Lead ID column and the lead's rows.
 */
export function submitFollowUp(input: unknown): LeadCard {
  const context = sidebarContext();
  const { language } = context;
  const check = checkFollowUp(input);
  if (!check.ok) throw new Error(describeProblems(check.problems, language));
  const form = check.form;
  const leadId = form.leadId.trim();
  return withDocumentLock(language, 30_000, () => {
    const leads = leadsHeader(context);
    const columns = requireColumns(leads.layout, LEAD_KEYS, () => leads.sheet.getName(), language);
    const found = readLeadRow(
      leads,
      columns.id,
      leadId,
      LEAD_COLUMNS,
      context.settings.columnNames,
    );
    if (!found) throw unknownLead(form.leadId, language);
    const followUpsTab = requireTab(context.tabs, 'followups', language);
    const followUps = historyRows(context, followUpsTab, FOLLOWUP_COLUMNS, leadId);
    requireColumns(followUps.layout, FOLLOWUP_KEYS, () => followUpsTab.getName(), language);
    const lead = leadOf(context, leads, found.cells);
    const plan = planFollowUp(form, lead, { ...context, by: currentUserEmail() });

    const fi = followUps.layout.index;
    const written = followUps.rows.some(
      (row) =>
        textOf(row[fi.leadId as number]) === plan.followUp.leadId &&
        sameTime(row[fi.time as number], plan.followUp.time) &&
        textOf(row[fi.method as number]) === plan.followUp.method &&
        textOf(row[fi.content as number]) === textOf(plan.followUp.content),
    );
    const target = (tab: TabHeader<string>): CommitTarget =>
      tableTarget(context.spreadsheet, tab, context.zone);
    if (!written) {
      const row = rowFor(followUps, plan.followUp);
      appendRowsNow(target(followUps), [row]);
      followUps.rows.push(row);
    }

    if (plan.conversion) {
      const conversionsTab = requireTab(context.tabs, 'conversions', language);
      const conversions = historyRows(context, conversionsTab, CONVERSION_COLUMNS, leadId);
      const ci = conversions.layout.index;
      const recorded = conversions.rows.some(
        (row) =>
          textOf(row[ci.leadId as number]) === plan.conversion?.leadId &&
          sameTime(row[ci.decidedAt as number], plan.conversion?.decidedAt) &&
          textOf(row[ci.result as number]) === plan.conversion?.result,
      );
      if (!recorded) appendRowsNow(target(conversions), [rowFor(conversions, plan.conversion)]);
    }

    // The lead last: its dates and status say the follow-up happened, so they follow the rows.
    // Placed by Lead ID on the lead's row as it is now: a person may have sorted Leads meanwhile.
    const edits = Object.entries(plan.leadUpdates).map(([key, value]) => ({
      column: columns[key as keyof typeof columns],
      value,
      was: found.cells[columns[key as keyof typeof columns]],
    }));
    const committed = commitEdits(target(leads), [{ key: `id:${leadId}`, edits }], {
      first: found.row - LEAD_WINDOW,
      count: 2 * LEAD_WINDOW + 1,
    });
    // What the save met, as every operation logs it: a person's value it wrote over, or a lead
    // a sort put on the lead's row just as it wrote (appendLog writes nothing when there is none).
    appendLog(
      context.spreadsheet,
      context.tabs,
      commitLog(() => leads.sheet.getName(), leads.header, committed, language),
      language,
      context.now,
      textOf(plan.followUp.by),
    );
    const updated: Row = { ...lead };
    for (const [key, value] of Object.entries(plan.leadUpdates)) updated[key] = value;
    return cardFor(
      context,
      updated as Record<LeadColumnKey, unknown>,
      followUps.rows.map((row) => recordOf(row, fi, FOLLOWUP_KEYS)),
    );
  });
}

/** Who logged the follow-up; Google may withhold the address, and then the owner is named. */
function currentUserEmail(): string {
  try {
    return Session.getActiveUser().getEmail();
  } catch {
    return '';
  }
}

/** Opens the follow-up form beside the sheet. */
export function showFollowUpSidebar(): void {
  const spreadsheet = activeSpreadsheet();
  const language = localeLanguage(spreadsheet);
  const output = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(
    t(language, SIDEBAR.windowTitle),
  );
  SpreadsheetApp.getUi().showSidebar(output);
}
