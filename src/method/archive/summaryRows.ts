// The archived-leads summary as rows of its hidden tab, and back: one row per group, read by column.

import type { LeadFacts } from '../analysis/analysis';
import type { ArchivedGroup } from './archiveSummary';

/** The tab's columns, in order; the tab is the tracker's own, so the order is fixed. */
export const SUMMARY_COLUMNS = [
  'batch',
  'enteredDay',
  'source',
  'grade',
  'owner',
  'outcome',
  'reason',
  'cycleDays',
  'sla',
  'contacted',
  'keyFollowUp',
  'overdueNow',
  'calibrationGrade',
  'calibrationOptions',
  'leads',
  'wonAmount',
  // Added after the others, so summaries written before it read as having no version.
  'rulesVersion',
] as const;

const text = (value: unknown): string =>
  value === undefined || value === null ? '' : String(value);
const flag = (value: unknown): boolean => value === true || String(value).toUpperCase() === 'TRUE';

export function summaryRow(group: ArchivedGroup): unknown[] {
  const f = group.facts;
  return [
    group.batch,
    group.enteredDay,
    f.source,
    f.grade,
    f.owner,
    f.outcome ?? '',
    f.reason ?? '',
    f.cycleDays ?? '',
    f.sla ?? '',
    f.contacted,
    f.keyFollowUp,
    f.overdueNow,
    group.calibration.grade,
    JSON.stringify(group.calibration.chosen),
    group.leads,
    group.wonAmount,
    f.rulesVersion ?? '',
  ];
}

function chosenOf(value: unknown): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(text(value) || '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/**
 * Groups from the tab's rows; a row without a batch or a whole number of leads is not ours (a
 * person typed there) and counts for nothing.
 */
export function groupsOfRows(rows: readonly (readonly unknown[])[]): ArchivedGroup[] {
  const groups: ArchivedGroup[] = [];
  for (const row of rows) {
    const [batch, enteredDay, source, grade, owner, outcome, reason, cycle, sla] = row.map(text);
    const leads = Number(row[14]);
    if (batch === '' || !Number.isInteger(leads) || leads < 1) continue;
    const facts: LeadFacts = {
      source,
      grade: grade as LeadFacts['grade'],
      owner,
      outcome: (outcome || undefined) as LeadFacts['outcome'],
      reason: reason || undefined,
      cycleDays: cycle === '' ? undefined : Number(cycle),
      sla: (sla || undefined) as LeadFacts['sla'],
      contacted: flag(row[9]),
      keyFollowUp: flag(row[10]),
      overdueNow: flag(row[11]),
      // Rows written before versions were kept have no such cell: no version.
      ...(text(row[16]) === '' ? {} : { rulesVersion: text(row[16]) }),
    };
    groups.push({
      batch,
      enteredDay,
      facts,
      calibration: { grade: text(row[12]), chosen: chosenOf(row[13]) },
      leads,
      wonAmount: Number(row[15]) || 0,
    });
  }
  return groups;
}
