// The analysis as leadership sees it (SPEC §6 "Share with leadership"): the same aggregates, with
// every figure that covers fewer than MIN_GROUP leads suppressed, so no small group can be traced
// back to a customer.

import type { Analysis, ConversionRow, OwnerRow, SlaRow } from './analysis';
import type { Calibration } from './calibration';
import type { Completeness, CompletenessRow } from './completeness';
import type { CadenceRow } from './cadence';
import type { ChannelCostRow, RulesVersionRow, TrendRow } from './trends';

/** Groups smaller than this are not shown to leadership. */
export const MIN_GROUP = 5;

/** Marks a suppressed figure; the sheet shows it as `<5`. */
export const SUPPRESSED = Number.NaN;
export const SUPPRESSED_TEXT = `<${MIN_GROUP}`;

const small = (n: number) => n < MIN_GROUP;

function conversion(row: ConversionRow): ConversionRow {
  return small(row.leads) ? { ...row, leads: SUPPRESSED, won: SUPPRESSED, rate: SUPPRESSED } : row;
}

function sla(row: SlaRow): SlaRow {
  return small(row.met + row.missed + row.open)
    ? { ...row, met: SUPPRESSED, missed: SUPPRESSED, open: SUPPRESSED, rate: SUPPRESSED }
    : row;
}

function owner(row: OwnerRow): OwnerRow {
  return small(row.leads)
    ? {
        ...row,
        leads: SUPPRESSED,
        contactedWithinSla: SUPPRESSED,
        won: SUPPRESSED,
        rate: SUPPRESSED,
        overdueNow: SUPPRESSED,
        claimed: SUPPRESSED,
        claimedWon: SUPPRESSED,
      }
    : row;
}

function trendRow(row: TrendRow): TrendRow {
  return small(row.leads)
    ? {
        ...row,
        leads: SUPPRESSED,
        won: SUPPRESSED,
        rate: SUPPRESSED,
        medianHoursToFirstContact: SUPPRESSED,
      }
    : row;
}

function versionRow(row: RulesVersionRow): RulesVersionRow {
  return small(row.leads)
    ? {
        ...row,
        leads: SUPPRESSED,
        decided: SUPPRESSED,
        won: SUPPRESSED,
        rate: SUPPRESSED,
        decidedRate: SUPPRESSED,
      }
    : row;
}

/** Cadence counts touches of an owner's leads; too few asked touches could point at one lead. */
function cadenceRow(row: CadenceRow): CadenceRow {
  return small(row.asked)
    ? { ...row, asked: SUPPRESSED, logged: SUPPRESSED, onTime: SUPPRESSED, rate: SUPPRESSED }
    : row;
}

/** The spend is the team's own figure and stays; what comes from few leads is hidden. */
function costRow(row: ChannelCostRow): ChannelCostRow {
  return small(row.leads)
    ? {
        ...row,
        leads: SUPPRESSED,
        won: SUPPRESSED,
        wonAmount: SUPPRESSED,
        costPerLead: SUPPRESSED,
        costPerWon: SUPPRESSED,
        returnOnSpend: SUPPRESSED,
      }
    : row;
}

/** The analysis with every small group's figures replaced by SUPPRESSED. */
export function suppressSmallGroups(analysis: Analysis): Analysis {
  const funnel = analysis.funnel;
  const stage = (n: number) => (small(n) ? SUPPRESSED : n);
  return {
    ...analysis,
    bySource: analysis.bySource.map(conversion),
    byGrade: analysis.byGrade.map(conversion),
    cycleDays: small(analysis.cycleDays.count)
      ? { count: SUPPRESSED, mean: SUPPRESSED, median: SUPPRESSED }
      : analysis.cycleDays,
    topReasons: analysis.topReasons.map((row) =>
      small(row.count) ? { ...row, count: SUPPRESSED, share: SUPPRESSED } : row,
    ),
    slaByGrade: analysis.slaByGrade.map(sla),
    slaByOwner: analysis.slaByOwner.map(sla),
    funnel: {
      entered: stage(funnel.entered),
      contacted: stage(funnel.contacted),
      keyFollowUp: stage(funnel.keyFollowUp),
      won: stage(funnel.won),
    },
    byOwner: analysis.byOwner.map(owner),
    ...(analysis.trend && {
      trend: {
        overall: analysis.trend.overall.map(trendRow),
        byChannel: analysis.trend.byChannel.map(trendRow),
      },
    }),
    ...(analysis.byRulesVersion && { byRulesVersion: analysis.byRulesVersion.map(versionRow) }),
    ...(analysis.cadence && {
      cadence: { ...analysis.cadence, byOwner: analysis.cadence.byOwner.map(cadenceRow) },
    }),
    ...(analysis.channelCost && { channelCost: analysis.channelCost.map(costRow) }),
  };
}

export function suppressSmallGrades(calibration: Calibration): Calibration {
  const byGrade = Object.fromEntries(
    Object.entries(calibration.byGrade).map(([grade, rate]) => [
      grade,
      small(rate.leads)
        ? { leads: SUPPRESSED, won: SUPPRESSED, rate: SUPPRESSED, interval: undefined }
        : rate,
    ]),
  ) as unknown as Calibration['byGrade'];
  const hidden = {
    leads: SUPPRESSED,
    won: SUPPRESSED,
    rate: SUPPRESSED,
    interval: undefined,
    lift: SUPPRESSED,
  };
  const byOption = Object.fromEntries(
    Object.entries(calibration.byOption).map(([dimension, options]) => [
      dimension,
      Object.fromEntries(
        Object.entries(options).map(([option, rate]) => [
          option,
          small(rate.leads) ? hidden : rate,
        ]),
      ),
    ]),
  ) as Calibration['byOption'];
  // "Grade D: only 3 leads" would give away the count the table shows as <5; the <5 says it.
  const warnings = calibration.warnings.filter(
    (warning) => warning.code !== 'sampleTooSmall' || !small(warning.leads),
  );
  return { ...calibration, byGrade, byOption, warnings };
}

/** A cell as the leadership copy shows it: suppressed figures as `<5`. */
export function shownCell<T>(cell: T): T | string {
  return typeof cell === 'number' && Number.isNaN(cell) ? SUPPRESSED_TEXT : cell;
}

function completenessRow(row: CompletenessRow): CompletenessRow {
  return small(row.leads)
    ? {
        ...row,
        leads: SUPPRESSED,
        incomplete: SUPPRESSED,
        rate: SUPPRESSED,
        mostMissing: undefined,
        mostMissingCount: SUPPRESSED,
      }
    : row;
}

/** The completeness counts with every small group's figures replaced by SUPPRESSED. */
export function suppressSmallCompleteness(completeness: Completeness): Completeness {
  return {
    total: completenessRow(completeness.total),
    bySource: completeness.bySource.map(completenessRow),
    byEnteredBy: completeness.byEnteredBy.map(completenessRow),
  };
}
