// The pool as the sidebar lists it for claiming (SPEC §14): pool leads nobody was given yet, newest
// pooled first, filtered by ID, company or source. Only the columns the list shows are read.

import type { PoolLeadSummary } from '../method/followUp/myDayContract';
import { isBlank, textOf } from '../sheet/cells';
import { readDate } from '../sheet/dateCells';
import { foldText } from '../sheet/language';
import { requireColumns } from '../sheet/headers';
import { POOL_COLUMNS } from '../sheet/tabs';
import { readColumns } from '../gas/columnReads';
import { readTabHeader } from '../gas/leadRows';
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
  const tab = readTabHeader(
    requireTab(context.tabs, 'pool', context.language),
    POOL_COLUMNS,
    context.settings.columnNames,
  );
  const at = requireColumns(tab.layout, [...LISTED_KEYS], tab.sheet.getName(), context.language);
  const cells = readColumns(
    tab.sheet,
    tab.headerRow,
    LISTED_KEYS.map((key) => at[key]),
  );
  const column = (key: (typeof LISTED_KEYS)[number]) => cells.get(at[key]) ?? [];
  // Matched as the lead search matches: width, case, spaces and Traditional forms folded.
  const wanted = foldText(query);
  const leads: (PoolLeadSummary & { time: number })[] = [];
  column('id').forEach((id, row) => {
    const leadId = textOf(id);
    if (!leadId || !isBlank(column('owner')[row])) return;
    const lead = {
      leadId,
      grade: textOf(column('grade')[row]),
      company: textOf(column('company')[row]),
      source: textOf(column('source')[row]),
      previousOwner: textOf(column('previousOwner')[row]),
    };
    const text = [lead.leadId, lead.company, lead.source].map(foldText).join('\u0000');
    if (wanted && !text.includes(wanted)) return;
    const pooledAt = readDate(column('pooledAt')[row], context.zone);
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
