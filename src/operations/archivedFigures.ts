// What the Analysis counts of archived leads (SPEC §16): the summary's groups in the window, and
// the tracker's leads to leave out while a half-done archiving run has counted them already.

import type { CalibrationLead } from '../method/analysis/calibration';
import { archivedInWindow, batchesOf, type DatedFacts } from '../method/archive/archiveSummary';
import { readArchiveSummary } from '../gas/archiveSummaryTab';
import { readState, STATE_KEYS } from '../gas/stateStore';
import type { PendingArchive } from './archiveClosedLeads';
import type { OperationContext } from './operation';

export interface ArchivedFigures {
  readonly facts: DatedFacts[];
  readonly calibration: CalibrationLead[];
  /** Lead IDs still in the tracker whose summary is already written: counted once, from it. */
  readonly leaveOut: ReadonlySet<string>;
}

export function archivedFigures(context: OperationContext): ArchivedFigures {
  const { spreadsheet, settings, now, zone } = context;
  const groups = readArchiveSummary(spreadsheet);
  const pending = readState<PendingArchive | null>(STATE_KEYS.archivePending, null);
  const leaveOut = new Set(pending && batchesOf(groups).has(pending.batch) ? pending.ids : []);
  const counted = archivedInWindow(groups, { now, windowDays: settings.analysisWindowDays, zone });
  return { ...counted, leaveOut };
}
