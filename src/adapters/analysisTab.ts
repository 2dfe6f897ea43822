// Refresh analysis (SPEC §6): rebuilds the Analysis tab from Leads, Pool, Follow-ups and Conversions
// in one write of values and one of formats; aggregates only, no customer data.

import { analyse } from '../core/analysis';
import { analysisSheetContent, ANALYSIS_WIDTH } from '../core/analysisSheet';
import { calibrate, type CalibrationLead } from '../core/calibration';
import { calendarDateOf, isDate } from '../core/calendar';
import { recordOf, statusOf } from '../core/lead';
import { scoreLead } from '../core/scoring';
import {
  CONVERSION_COLUMNS,
  FOLLOWUP_COLUMNS,
  LEAD_COLUMNS,
  POOL_COLUMNS,
  TAB_NAMES,
} from '../core/tabs';
import { toast } from './feedback';
import { type OperationContext, runOperation } from './operation';
import { readTable } from './table';
import { requireTab } from './workbook';

const DAY_MS = 86_400_000;

function recordsOf<K extends string>(
  table: ReturnType<typeof readTable<K>> | undefined,
  keys: readonly K[],
) {
  return table ? table.rows.map((row) => recordOf(row, table.layout.index, keys)) : [];
}

/** Each lead's grade, outcome and chosen options under today's rules, for calibration. */
function calibrationLeads(
  context: OperationContext,
  leads: Record<string, unknown>[],
): CalibrationLead[] {
  const { settings, zone, now, language } = context;
  const rules = {
    points: settings.points,
    gradeFrom: settings.gradeFrom,
    productPrice: settings.productPrice,
  };
  const today = calendarDateOf(now, zone);
  const since =
    settings.analysisWindowDays > 0
      ? now.getTime() - settings.analysisWindowDays * DAY_MS
      : -Infinity;
  return leads
    .filter((lead) => !isDate(lead.enteredAt) || (lead.enteredAt as Date).getTime() >= since)
    .map((lead) => {
      const inputs = {
        needFit: lead.needFit,
        budgetFit: lead.budgetFit,
        authority: lead.authority,
        urgency: lead.urgency,
        budget: lead.budget,
        expectedClose: lead.expectedClose,
      };
      const score = scoreLead(inputs, rules, { today, zone, language });
      return {
        grade: score.grade,
        won: statusOf(lead as { status: unknown }) === 'won',
        chosen: score.chosen,
      };
    });
}

export function refreshAnalysisIn(context: OperationContext): void {
  const { spreadsheet, tabs, settings, language, now } = context;
  const leadKeys = LEAD_COLUMNS.map((c) => c.key);
  const leads = recordsOf(readTable(requireTab(tabs, 'leads', language), LEAD_COLUMNS), leadKeys);
  const pool = recordsOf(
    tabs.pool ? readTable(tabs.pool, POOL_COLUMNS) : undefined,
    POOL_COLUMNS.map((c) => c.key),
  );
  const followUps = recordsOf(
    tabs.followups ? readTable(tabs.followups, FOLLOWUP_COLUMNS) : undefined,
    FOLLOWUP_COLUMNS.map((c) => c.key),
  );
  const conversions = recordsOf(
    tabs.conversions ? readTable(tabs.conversions, CONVERSION_COLUMNS) : undefined,
    CONVERSION_COLUMNS.map((c) => c.key),
  );
  const analysis = analyse({
    leads,
    pool,
    followUps,
    conversions,
    now,
    windowDays: settings.analysisWindowDays,
  });
  const calibration = calibrate(calibrationLeads(context, [...leads, ...pool]));
  const content = analysisSheetContent(
    analysis,
    calibration,
    language,
    now,
    settings.analysisWindowDays,
  );

  const sheet = tabs.analysis ?? spreadsheet.insertSheet(TAB_NAMES.analysis[language]);
  const previous = sheet.getLastRow();
  const needed = content.rows.length - sheet.getMaxRows();
  if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
  const block = sheet.getRange(1, 1, content.rows.length, ANALYSIS_WIDTH);
  block.setValues(content.rows);
  // Text, numbers and rates each get their format in one call: rates are numbers shown as %.
  const percent = new Set(content.percentCells.map(([r, c]) => `${r}:${c}`));
  block.setNumberFormats(
    content.rows.map((line, r) =>
      line.map((cell, c) =>
        percent.has(`${r + 1}:${c + 1}`)
          ? '0.0%'
          : isDate(cell)
            ? 'yyyy-mm-dd hh:mm'
            : typeof cell === 'number'
              ? '0.##'
              : '@',
      ),
    ),
  );
  if (previous > content.rows.length) {
    sheet
      .getRange(content.rows.length + 1, 1, previous - content.rows.length, ANALYSIS_WIDTH)
      .clearContent();
  }
  toast(
    spreadsheet,
    language === 'zh' ? '转化分析已刷新。' : 'Analysis refreshed.',
    language === 'zh' ? '线索跟踪' : 'Lead Tracker',
  );
}

export function refreshAnalysis(): void {
  runOperation({ action: { en: 'Refresh analysis', zh: '刷新转化分析' } }, refreshAnalysisIn);
}
