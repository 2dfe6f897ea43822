// Builders of archived-lead facts for the archive summary's unit tests.

import type { LeadFacts } from '../../src/method/analysis/analysis';
import type { ArchivedLead } from '../../src/method/archive/archiveSummary';

/** A lead's facts as the Analysis counts them: grade A, 张伟's, its SLA met. */
export const facts = (
  source: string,
  outcome: LeadFacts['outcome'],
  cycleDays?: number,
): LeadFacts => ({
  source,
  grade: 'A',
  owner: '张伟',
  outcome,
  reason: outcome === 'lost' ? 'budget' : undefined,
  cycleDays,
  sla: 'met',
  contacted: true,
  keyFollowUp: outcome === 'won',
  overdueNow: false,
});

/** An archived lead entered on `enteredDay` with these facts. */
export const archived = (enteredDay: string, f: LeadFacts, wonAmount = 0): ArchivedLead => ({
  enteredDay,
  facts: f,
  calibration: { grade: 'A', chosen: { needFit: 'full' } },
  wonAmount,
});
