// Score all leads (menu) and rescore edited rows (onEdit): one read of Leads, a few block writes.

import { planBlockWrites } from '../core/cellWrites';
import { locateColumns, requireColumns } from '../core/headers';
import { recordIds } from '../core/leadIds';
import { scoredToast, TITLES } from '../core/messages';
import { SCORING_COLUMNS, scorePass } from '../core/scorePass';
import { LEAD_COLUMNS, POOL_COLUMNS } from '../core/tabs';
import { writeBlocks } from './cellWriter';
import { extendFormatsIfGrown } from './tabStyle';
import { toast } from './feedback';
import { type OperationContext, runOperation } from './operation';
import { loadSequences, mergeSequences, saveSequences } from './sequences';
import { readAll, requireTab } from './workbook';

export interface ScoreSummary {
  readonly scored: number;
  readonly changedRows: number;
  readonly idsAssigned: number;
  readonly gradeCounts: Readonly<Record<'A' | 'B' | 'C' | 'D', number>>;
}

/** Scores every lead in one pass. Used by the menu and, later, by the hourly job. */
export function scoreAllLeadsIn(context: OperationContext): ScoreSummary {
  const { spreadsheet, tabs, language, settings, zone, now } = context;
  const leads = requireTab(tabs, 'leads', language);
  const values = readAll(leads);
  const layout = locateColumns(values[0], LEAD_COLUMNS);
  const columns = requireColumns(layout, SCORING_COLUMNS, leads.getName(), language);
  const rows = values.slice(1);
  const sequences = recordIds(rows.map((row) => row[columns.id]));
  if (tabs.pool) {
    const pool = readAll(tabs.pool);
    const poolId = locateColumns(pool[0], POOL_COLUMNS).index.id;
    if (poolId !== undefined)
      recordIds(
        pool.slice(1).map((row) => row[poolId]),
        sequences,
      );
  }
  const stored = loadSequences();
  mergeSequences(sequences, stored);
  const result = scorePass(rows, {
    columns,
    rules: {
      points: settings.points,
      gradeFrom: settings.gradeFrom,
      productPrice: settings.productPrice,
    },
    now,
    zone,
    language,
    sequences,
  });
  writeBlocks(leads, planBlockWrites(result.changes, rows));
  extendFormatsIfGrown(leads, 'leads', layout.index, language, settings);
  saveSequences(sequences, stored);
  toast(
    spreadsheet,
    scoredToast(result.scored, result.gradeCounts, result.idsAssigned, language),
    TITLES.app[language],
  );
  return result;
}

export function scoreAllLeads(): ScoreSummary {
  return runOperation({ action: { en: 'Score all leads', zh: '评分' } }, scoreAllLeadsIn);
}
