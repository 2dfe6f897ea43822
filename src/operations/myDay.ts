// My day (SPEC §14), a sidebar call: the signed-in person's queue of what is due by the end of
// today. Leads is read through nine of its columns, then the company and contact of the few leads
// listed, so the call stays far below reading the tab even at 100k leads.

import {
  countsOf,
  type MyDay,
  type MyDayItem,
  myDayRequestSchema,
} from '../method/followUp/myDayContract';
import { myDayQueue, type QueueLead } from '../method/followUp/myDayQueue';
import { claimsLeft } from '../method/pool/claimRules';
import { activeNames, isOwnedBy, type Person, personByName } from '../method/settings/teamIdentity';
import { recordOf, textOf } from '../sheet/cells';
import { readDate } from '../sheet/dateCells';
import { requireColumns } from '../sheet/headers';
import { LEAD_COLUMNS, type LeadColumnKey } from '../sheet/tabs';
import { MY_DAY, t } from '../sheet/text';
import { readClaims } from '../gas/claimLedger';
import { readCellsOfRows } from '../gas/cellsOfRows';
import { readTabHeader, type TabHeader } from '../gas/leadRows';
import { rememberName, type SignedIn, signedInPerson } from '../gas/signedInPerson';
import { readColumnsBelow, readTable } from '../gas/table';
import { requireTab, type Sheet } from '../gas/workbook';
import { type SidebarContext, sidebarContext } from './sidebarContext';

/** The columns the queue decides on. */
const QUEUE_KEYS = [
  'id',
  'owner',
  'status',
  'grade',
  'assignedAt',
  'firstContactDue',
  'firstContactAt',
  'lastFollowUpAt',
  'nextFollowUpDue',
] as const satisfies readonly LeadColumnKey[];
/** What each listed lead shows besides the queue's own cells. */
const SHOWN_KEYS = ['company', 'contact'] as const satisfies readonly LeadColumnKey[];

type QueueKey = (typeof QUEUE_KEYS)[number];

function queueLeadOf(record: Record<QueueKey, unknown>, context: SidebarContext): QueueLead {
  const date = (value: unknown) => readDate(value, context.zone);
  return {
    id: textOf(record.id),
    owner: textOf(record.owner),
    status: record.status,
    grade: textOf(record.grade).toUpperCase(),
    assignedAt: date(record.assignedAt),
    firstContactDue: date(record.firstContactDue),
    firstContactAt: date(record.firstContactAt),
    lastFollowUpAt: date(record.lastFollowUpAt),
    nextFollowUpDue: date(record.nextFollowUpDue),
  };
}

/**
 * Whose queue to show. `member` is the name a person without a Google e-mail picks (remembered
 * for them), or the team member a manager switches to; anyone else may see only their own.
 */
function whoseQueue(
  context: SidebarContext,
  signedIn: SignedIn,
  member: string,
): {
  viewer: Person | undefined;
  target: Person | undefined;
  recognised: SignedIn['recognisedBy'];
} {
  const { language, settings } = context;
  if (!member)
    return { viewer: signedIn.person, target: signedIn.person, recognised: signedIn.recognisedBy };
  const picked = personByName(member, settings);
  if (!picked) throw new Error(t(language, MY_DAY.unknownMember, member));
  if (signedIn.recognisedBy !== 'email') {
    rememberName(context.spreadsheet, picked.name);
    return { viewer: picked, target: picked, recognised: 'choice' };
  }
  const viewer = signedIn.person as Person;
  if (!viewer.manager && !isOwnedBy(picked.name, viewer)) {
    throw new Error(t(language, MY_DAY.onlyManagers));
  }
  return { viewer, target: picked, recognised: 'email' };
}

/** The queue's leads by ID with their company and contact, read row by row for the listed few. */
function shownCells(
  context: SidebarContext,
  tab: TabHeader<LeadColumnKey>,
  rowsById: ReadonlyMap<string, number>,
  ids: readonly string[],
): Map<string, Record<string, unknown>> | undefined {
  const { index } = tab.layout;
  const columns = [index.id as number, ...SHOWN_KEYS.map((k) => index[k] as number)];
  const rows = ids.map((id) => tab.headerRow + 1 + (rowsById.get(id) as number));
  const cells = readCellsOfRows(context.spreadsheet, tab.sheet, rows, columns);
  const shown = new Map<string, Record<string, unknown>>();
  for (const [i, id] of ids.entries()) {
    // A person sorted between the reads: this row is another lead's now.
    if (textOf(cells[i][0]) !== id) return undefined;
    shown.set(id, { company: cells[i][1], contact: cells[i][2] });
  }
  return shown;
}

export function getMyDay(member?: unknown): MyDay {
  const context = sidebarContext();
  const { language, settings } = context;
  const parsed = myDayRequestSchema.safeParse(member ?? undefined);
  if (!parsed.success) throw new Error(t(language, MY_DAY.unknownMember, String(member)));
  const wanted = parsed.data ?? '';
  const signedIn = signedInPerson(context.spreadsheet, settings);
  const { viewer, target, recognised } = whoseQueue(context, signedIn, wanted);
  const team = activeNames(settings);
  const base = {
    recognised,
    unlistedEmail: viewer && !viewer.member ? viewer.email : '',
    team: recognised !== 'email' || viewer?.manager ? team : [],
    // Only a manager Google named: a chosen name is the person's word, and choosing again changes it.
    canSwitch: recognised === 'email' && !!viewer?.manager,
    claimsPerDay: settings.claimsPerDay,
  };
  if (!target) {
    return { ...base, owner: '', items: [], counts: countsOf([]), claimsLeft: 0 };
  }
  const tab = readTabHeader(
    requireTab(context.tabs, 'leads', language),
    LEAD_COLUMNS,
    settings.columnNames,
  );
  const columns = requireColumns(
    tab.layout,
    [...QUEUE_KEYS, ...SHOWN_KEYS],
    () => tab.sheet.getName(),
    language,
  );
  const { records, rowsById } = queueRecords(context, tab, columns);
  const leads = records.map((record) => queueLeadOf(record, context));
  const queue = myDayQueue(
    leads,
    (owner) => isOwnedBy(owner, target),
    context.now,
    context.zone,
    settings,
  );
  const ids = queue.map((entry) => entry.leadId);
  const shown =
    shownCells(context, tab, rowsById, ids) ?? shownFromWholeTab(context, tab.sheet, ids);
  // A lead whose row a person deleted meanwhile is not listed: it is gone from the tab.
  const items: MyDayItem[] = queue
    .filter((entry) => shown.has(entry.leadId))
    .map((entry) => ({
      leadId: entry.leadId,
      kind: entry.kind,
      due: entry.due.toISOString(),
      grade: entry.grade,
      company: textOf(shown.get(entry.leadId)?.company),
      contact: textOf(shown.get(entry.leadId)?.contact),
    }));
  const left = target.member
    ? claimsLeft(
        readClaims(context.spreadsheet, context.zone),
        target,
        settings,
        context.now,
        context.zone,
      )
    : 0;
  return {
    ...base,
    owner: target.name || target.email,
    items,
    counts: countsOf(items),
    claimsLeft: left,
  };
}

/**
 * The queue's cells of every lead, row by row, in one moment: one call of the Sheets service, or
 * without it the columns apart with the ID column read again (a person's sort, insertion or
 * deletion in between sends it to one read of the span), so no lead is ever paired with another
 * lead's owner or dates.
 */
function queueRecords(
  context: SidebarContext,
  tab: TabHeader<LeadColumnKey>,
  columns: Record<LeadColumnKey, number>,
): { records: Record<QueueKey, unknown>[]; rowsById: Map<string, number> } {
  const { spreadsheet, zone } = context;
  const rows = readColumnsBelow(tab.sheet, tab, QUEUE_KEYS, { spreadsheet, zone });
  const records = rows.map((row) => recordOf(row, columns, QUEUE_KEYS));
  const rowsById = new Map<string, number>();
  records.forEach((record, row) => {
    const id = textOf(record.id);
    if (id && !rowsById.has(id)) rowsById.set(id, row);
  });
  return { records, rowsById };
}

function shownFromWholeTab(
  context: SidebarContext,
  sheet: Sheet,
  ids: readonly string[],
): Map<string, Record<string, unknown>> {
  const table = readTable(sheet, LEAD_COLUMNS, context.settings.columnNames);
  const wanted = new Set(ids);
  const shown = new Map<string, Record<string, unknown>>();
  const keys = ['id', ...SHOWN_KEYS] as const;
  for (const row of table.rows) {
    const record = recordOf(row, table.layout.index, keys);
    const id = textOf(record.id);
    if (wanted.has(id) && !shown.has(id)) shown.set(id, record);
  }
  return shown;
}
