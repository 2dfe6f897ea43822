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
import { requireColumns } from '../sheet/headers';
import { historyOf, leadCardOf, searchLeadRecords } from '../method/followUp/leadCard';
import { recordOf, textOf } from '../sheet/cells';
import { type Language, matchesLabel } from '../sheet/language';
import { SIDEBAR, t } from '../sheet/text';
import { isDate } from '../sheet/calendar';
import {
  CONVERSION_COLUMNS,
  FOLLOWUP_COLUMNS,
  LEAD_COLUMNS,
  type LeadColumnKey,
  TAB_NAMES,
} from '../sheet/tabs';
import { appendRowsNow, type CommitTarget, commitEdits, tableTarget } from '../gas/commit';
import { withDocumentLock } from '../gas/lock';
import { loadSettings } from '../gas/settingsTab';
import { readTable, rowFor, type Table } from '../gas/table';
import { spreadsheetTimeZone } from '../gas/timeZone';
import {
  activeSpreadsheet,
  localeLanguage,
  requireTab,
  type Sheet,
  tabIndex,
} from '../gas/workbook';
import { typeTable } from './typedValues';

const LEAD_KEYS = LEAD_COLUMNS.map((c) => c.key);
const FOLLOWUP_KEYS = FOLLOWUP_COLUMNS.map((c) => c.key);

function sidebarContext() {
  const spreadsheet = activeSpreadsheet();
  const tabs = tabIndex(spreadsheet);
  const loaded = loadSettings(tabs.settings, localeLanguage(spreadsheet));
  return { spreadsheet, tabs, ...loaded, zone: spreadsheetTimeZone(spreadsheet), now: new Date() };
}
type SidebarContext = ReturnType<typeof sidebarContext>;

/** Leads with typed dates; `raw` holds the cells as read, for placing changes. */
function leadsOf(context: SidebarContext) {
  const leads = readTable(
    requireTab(context.tabs, 'leads', context.language),
    LEAD_COLUMNS,
    context.settings.columnNames,
  );
  const { raw } = typeTable(leads, LEAD_COLUMNS, context.zone);
  return Object.assign(leads, { raw });
}

function followUpsOf(context: SidebarContext, sheet: Sheet) {
  const followUps = readTable(sheet, FOLLOWUP_COLUMNS);
  typeTable(followUps, FOLLOWUP_COLUMNS, context.zone);
  return followUps;
}

function cardFor(
  context: SidebarContext,
  lead: Record<LeadColumnKey, unknown>,
  followUps: Table<string> | undefined,
): LeadCard {
  const history = followUps
    ? historyOf(
        followUps.rows.map((row) => recordOf(row, followUps.layout.index, FOLLOWUP_KEYS)),
        textOf(lead.id),
      )
    : [];
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
  const leads = leadsOf(context);
  const cells = row > leads.headerRow ? leads.rows[row - leads.headerRow - 1] : undefined;
  if (!cells || !textOf(cells[leads.layout.index.id ?? -1])) return { ...base, lead: null };
  const followUps = context.tabs.followups
    ? followUpsOf(context, context.tabs.followups)
    : undefined;
  return {
    ...base,
    lead: cardFor(context, recordOf(cells, leads.layout.index, LEAD_KEYS), followUps),
  };
}

export function searchLeads(query: string): LeadSummary[] {
  const context = sidebarContext();
  const leads = leadsOf(context);
  return searchLeadRecords(
    leads.rows.map((row) => recordOf(row, leads.layout.index, LEAD_KEYS)),
    String(query ?? ''),
  );
}

function unknownLead(leadId: string, language: Language): Error {
  return new Error(
    describeProblems([{ field: 'leadId', code: 'unknownLead' }], language) + ` (${leadId})`,
  );
}

export function getLeadCard(leadId: string): LeadCard {
  const context = sidebarContext();
  const leads = leadsOf(context);
  const at = leads.layout.index.id;
  const cells = leads.rows.find((row) => at !== undefined && textOf(row[at]) === textOf(leadId));
  if (!cells) throw unknownLead(textOf(leadId), context.language);
  const followUps = context.tabs.followups
    ? followUpsOf(context, context.tabs.followups)
    : undefined;
  return cardFor(context, recordOf(cells, leads.layout.index, LEAD_KEYS), followUps);
}

const sameTime = (a: unknown, b: unknown) => isDate(a) && isDate(b) && a.getTime() === b.getTime();

/**
 * Records a follow-up. Invalid input or an unknown lead: an Error naming every bad field, and
 * nothing written. Rows already written by an earlier attempt of the same submission (same lead,
 * time, method and content) are not written again, so a retry after a failure completes it once.
 */
export function submitFollowUp(input: unknown): LeadCard {
  const context = sidebarContext();
  const { language } = context;
  const check = checkFollowUp(input);
  if (!check.ok) throw new Error(describeProblems(check.problems, language));
  const form = check.form;
  return withDocumentLock(language, 30_000, () => {
    const leads = leadsOf(context);
    const columns = requireColumns(leads.layout, LEAD_KEYS, leads.sheet.getName(), language);
    const index = leads.rows.findIndex((row) => textOf(row[columns.id]) === form.leadId.trim());
    if (index < 0) throw unknownLead(form.leadId, language);
    const followUps = followUpsOf(context, requireTab(context.tabs, 'followups', language));
    requireColumns(followUps.layout, FOLLOWUP_KEYS, followUps.sheet.getName(), language);
    const lead = recordOf(leads.rows[index], leads.layout.index, LEAD_KEYS);
    const plan = planFollowUp(form, lead, { ...context, by: currentUserEmail() });

    const fi = followUps.layout.index;
    const written = followUps.rows.some(
      (row) =>
        textOf(row[fi.leadId as number]) === plan.followUp.leadId &&
        sameTime(row[fi.time as number], plan.followUp.time) &&
        textOf(row[fi.method as number]) === plan.followUp.method &&
        textOf(row[fi.content as number]) === textOf(plan.followUp.content),
    );
    const target = (table: Table<string>): CommitTarget =>
      tableTarget(context.spreadsheet, table, context.zone);
    if (!written) {
      const row = rowFor(followUps, plan.followUp);
      appendRowsNow(target(followUps as Table<string>), [row]);
      followUps.rows.push(row);
    }

    if (plan.conversion) {
      const conversions = readTable(
        requireTab(context.tabs, 'conversions', language),
        CONVERSION_COLUMNS,
      );
      const ci = conversions.layout.index;
      const recorded = conversions.rows.some(
        (row) =>
          textOf(row[ci.leadId as number]) === plan.conversion?.leadId &&
          sameTime(row[ci.decidedAt as number], plan.conversion?.decidedAt) &&
          textOf(row[ci.result as number]) === plan.conversion?.result,
      );
      if (!recorded) {
        appendRowsNow(target(conversions as Table<string>), [rowFor(conversions, plan.conversion)]);
      }
    }

    // The lead last: its dates and status say the follow-up happened, so they follow the rows.
    // Placed by Lead ID on the lead's row as it is now: a person may have sorted Leads meanwhile.
    const edits = Object.entries(plan.leadUpdates).map(([key, value]) => ({
      column: columns[key as keyof typeof columns],
      value,
      was: leads.raw[index][columns[key as keyof typeof columns]],
    }));
    commitEdits(target(leads as Table<string>), [{ key: `id:${form.leadId.trim()}`, edits }]);
    for (const edit of edits) leads.rows[index][edit.column] = edit.value;
    return cardFor(
      context,
      recordOf(leads.rows[index], leads.layout.index, LEAD_KEYS),
      followUps as Table<string>,
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
