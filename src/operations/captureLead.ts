// One lead that arrived by itself (web form, Google Form), answered in the same execution (SPEC
// §13.3): numbered after every ID in Leads and Pool, scored, checked for duplicates, assigned by
// the rules or the rotation, appended to Leads, and its owner and the team's chat told at once.
// The caller holds the spreadsheet (lock and saved state) and has valid Settings.

import { applyChanges } from '../sheet/cellWrites';
import { isDate } from '../sheet/calendar';
import { requireColumns } from '../sheet/headers';
import { recordOf, textOf } from '../sheet/cells';
import { LEAD_COLUMNS, POOL_COLUMNS, type LeadColumnKey } from '../sheet/tabs';
import { CAPTURE, t } from '../sheet/text';
import { assignPass, poolCandidatesOf } from '../method/assignment/assignPass';
import type { RoundRobin } from '../method/assignment/assignment';
import type { PostedLead } from '../method/capture/postedLead';
import { announceArrival } from '../gas/arrivalNotice';
import { rowLink } from '../method/reminders/mailLayout';
import { appendRowsNow, tableTarget } from '../gas/commit';
import { readFlagMemory, writeFlagMemory } from '../gas/duplicateFlags';
import { appendLog } from '../gas/log';
import { readState, STATE_KEYS, writeState } from '../gas/stateStore';
import { readColumnsOf, rowFor } from '../gas/table';
import { formattedRowsInserted, keepLeadsFormatted } from '../gas/tabStyle';
import { requireTab, sheetIdOf } from '../gas/workbook';
import type { OperationContext } from './operation';
import { scoreRows } from './scoreAllLeads';

const LEAD_KEYS = LEAD_COLUMNS.map((c) => c.key);
/** The cells of other leads a new lead is numbered and checked against (assignPass, scoreRows). */
const OTHER_LEADS_KEYS: readonly LeadColumnKey[] = [
  'id',
  'contact',
  'phone',
  'company',
  'status',
  'owner',
  'duplicateOf',
];
/** The cells of pool leads a new lead is numbered and checked against (poolCandidatesOf). */
const POOL_KEYS = ['id', 'owner', 'phone', 'company', 'contact'] as const;

export type Channel = keyof typeof CAPTURE.channel;

export interface CapturedLead {
  readonly leadId: string;
  /** The Lead ID it may duplicate; it is then flagged and waits for a person. */
  readonly duplicateOf?: string;
  readonly owner: string;
  readonly grade: string;
}

/** Adds the lead to Leads and tells whom it concerns; returns its ID and what became of it. */
export function captureLead(
  context: OperationContext,
  posted: PostedLead,
  channel: Channel,
): CapturedLead {
  const { spreadsheet, tabs, settings, language, zone, now } = context;
  const leadsSheet = requireTab(tabs, 'leads', language);
  // Only what numbering and the duplicate check need from the other leads: a web form's visitor
  // waits for the answer, and a long tab read whole would take seconds.
  const leads = readColumnsOf(
    leadsSheet,
    LEAD_COLUMNS,
    OTHER_LEADS_KEYS,
    { spreadsheet, zone },
    settings.columnNames,
  );
  const pool = readColumnsOf(
    requireTab(tabs, 'pool', language),
    POOL_COLUMNS,
    POOL_KEYS,
    { spreadsheet, zone },
    settings.columnNames,
  );
  const columns = requireColumns(leads.layout, LEAD_KEYS, () => leadsSheet.getName(), language);
  const channelName = t(language, CAPTURE.channel[channel]);

  const rows = [
    ...leads.rows,
    rowFor(leads, { ...posted, enteredBy: channelName, enteredAt: now }),
  ];
  const at = rows.length - 1;
  const poolIds = pool.rows.map((row) => row[pool.layout.index.id as number]);
  applyChanges(rows, scoreRows(context, rows, columns, poolIds, undefined, [at]).changes);

  const memory = readFlagMemory();
  const pointers = readState<RoundRobin>(STATE_KEYS.roundRobin, {});
  const decided = assignPass(rows, {
    columns,
    settings,
    pointers,
    now,
    zone,
    language,
    poolCandidates: poolCandidatesOf(pool.rows, pool.layout.index),
    clearedDuplicates: memory.cleared,
    onlyRows: [at],
  });
  applyChanges(rows, decided.changes);

  // Below whatever Leads holds at this moment, so rows people add meanwhile stay where they are.
  const maxRows = leadsSheet.getMaxRows();
  // Where it landed, as the append tells: below every row with content, in any column.
  const landed =
    appendRowsNow(tableTarget(spreadsheet, leads, zone), [rows[at]], 'insert', {
      landedRow: true,
    }) ?? leads.headerRow + 1 + at;
  formattedRowsInserted(leadsSheet, maxRows, landed - 1, 1);
  const lead = recordOf(rows[at], columns, LEAD_KEYS) as Record<LeadColumnKey, unknown>;
  const leadId = textOf(lead.id);
  const flag = decided.flagged[0];
  // Remembered once the flag is in the tab: see duplicateFlags.
  if (flag) memory.flags.add(flag.id);
  writeFlagMemory(memory);
  writeState(STATE_KEYS.roundRobin, pointers);
  keepLeadsFormatted(leads, language, settings);

  const owner = decided.assigned[0]?.owner ?? '';
  const log = [
    {
      action: channelName,
      detail: t(language, CAPTURE.arrived, leadId, textOf(lead.grade), owner, flag?.note ?? ''),
    },
    ...announceArrival(
      {
        lead,
        owner,
        assignedAt: isDate(lead.assignedAt) ? lead.assignedAt : undefined,
        firstContactDue: isDate(lead.firstContactDue) ? lead.firstContactDue : undefined,
        channel: channelName,
      },
      {
        settings,
        language,
        zone,
        now,
        spreadsheetUrl: spreadsheet.getUrl(),
        leadLink: rowLink(spreadsheet.getUrl(), sheetIdOf(leadsSheet), landed),
      },
    ),
  ];
  appendLog(spreadsheet, tabs, log, language, now, '');
  return {
    leadId,
    ...(flag ? { duplicateOf: flag.duplicateOf } : {}),
    owner,
    grade: textOf(lead.grade),
  };
}
