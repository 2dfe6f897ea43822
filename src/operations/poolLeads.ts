// The pool as the sidebar lists it for claiming (SPEC §14): pool leads nobody was given yet, newest
// pooled first, filtered by ID, company or source. Only the columns the list shows are read.

import type { PoolLeadSummary } from '../method/followUp/myDayContract';
import { isBlank, textOf } from '../sheet/cells';
import { readDate } from '../sheet/dateCells';
import { foldText } from '../sheet/language';
import { requireColumns } from '../sheet/headers';
import { POOL_COLUMNS } from '../sheet/tabs';
import { readColumnsOf } from '../gas/table';
import { requireTab } from '../gas/workbook';
import { sidebarContext } from './sidebarContext';

/** Rows a list shows: a sidebar is no place for the whole pool; the filter finds the rest. */
export const POOL_LIST_LIMIT = 50;

const LISTED_KEYS = [
  'id',
  'grade',
  'company',
  'source',
  'owner',
  'pooledAt',
  'previousOwner',
] as const;

export function listPoolLeads(query?: unknown): PoolLeadSummary[] {
  const context = sidebarContext();
  const { spreadsheet, zone } = context;
  // One call: the IDs and the companies shown beside them come from the same moment.
  const tab = readColumnsOf(
    requireTab(context.tabs, 'pool', context.language),
    POOL_COLUMNS,
    LISTED_KEYS,
    { spreadsheet, zone },
    context.settings.columnNames,
  );
  const at = requireColumns(
    tab.layout,
    [...LISTED_KEYS],
    () => tab.sheet.getName(),
    context.language,
  );
  // Matched as the lead search matches: width, case, spaces and Traditional forms folded.
  const wanted = foldText(query);
  const leads: (PoolLeadSummary & { time: number })[] = [];
  tab.rows.forEach((cells) => {
    const cell = (key: (typeof LISTED_KEYS)[number]) => cells[at[key]];
    const leadId = textOf(cell('id'));
    if (!leadId || !isBlank(cell('owner'))) return;
    const lead = {
      leadId,
      grade: textOf(cell('grade')),
      company: textOf(cell('company')),
      source: textOf(cell('source')),
      previousOwner: textOf(cell('previousOwner')),
    };
    const text = [lead.leadId, lead.company, lead.source].map(foldText).join('\u0000');
    if (wanted && !text.includes(wanted)) return;
    const pooledAt = readDate(cell('pooledAt'), context.zone);
    leads.push({
      ...lead,
      pooledAt: pooledAt ? pooledAt.toISOString() : null,
      time: pooledAt?.getTime() ?? 0,
    });
  });
  return leads
    .sort((a, b) => b.time - a.time)
    .slice(0, POOL_LIST_LIMIT)
    .map(({ time: _time, ...lead }) => lead);
}
