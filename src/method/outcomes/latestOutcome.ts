// One truth of outcome (SPEC §13.1): a lead's latest Conversions row decides whether it is Won, Not
// won, Lost or Nurturing, and Leads' Status is set to match wherever it is blank or disagrees.

import type { CellChange } from '../../sheet/cellWrites';
import { dateOf, statusOf, textOf } from '../../sheet/cells';
import type { Language } from '../../sheet/language';
import { CONVERSION_RESULT, STATUS, type StatusKey, findOption } from '../../sheet/options';
import { optionalLabel } from '../../sheet/language';

type Row = Readonly<Record<string, unknown>>;
export type ResultKey = (typeof CONVERSION_RESULT)[number]['key'];

export function resultOf(conversion: Row): ResultKey | undefined {
  return findOption(CONVERSION_RESULT, conversion.result)?.key;
}

/** A date cell's time for ordering; blank or unreadable sorts before every real date. */
function timeOf(value: unknown): number {
  return dateOf(value)?.getTime() ?? -Infinity;
}

/**
 * Each lead's latest Conversions row by Decided at. A row with no readable date ranks before any dated
 * one, and of equal dates the lower row wins, since rows are appended in the order they were decided.
 * Rows with no lead ID or an unreadable result say nothing about any lead and are skipped.
 */
export function latestConversions<R extends Row>(rows: readonly R[]): Map<string, R> {
  const latest = new Map<string, R>();
  for (const row of rows) {
    const id = textOf(row.leadId);
    if (id === '' || !resultOf(row)) continue;
    const current = latest.get(id);
    if (!current || timeOf(row.decidedAt) >= timeOf(current.decidedAt)) latest.set(id, row);
  }
  return latest;
}

/** Each decided lead's outcome, from its latest Conversions row. */
export function latestOutcomes(conversions: readonly Row[]): Map<string, ResultKey> {
  const outcomes = new Map<string, ResultKey>();
  for (const [id, row] of latestConversions(conversions)) {
    const result = resultOf(row);
    if (result) outcomes.set(id, result);
  }
  return outcomes;
}

/**
 * Nurturing leaves a lead open, and the follow-ups since may have moved it on (the sidebar marks
 * clear intent Key follow-up without a Conversions row): such a status stands.
 */
function carriesOn(outcome: ResultKey, status: StatusKey | undefined): boolean {
  return outcome === 'nurturing' && (status === 'followingUp' || status === 'keyFollowUp');
}

export interface StatusMatch {
  readonly id: string;
  readonly was: string;
  readonly now: string;
}

/**
 * The Status cells of Leads rows to set so each decided lead's Status says its latest outcome (the
 * result keys are status keys too), written in the workbook's language. A blank, New, closed or
 * unreadable Status under a Nurturing decision becomes Nurturing.
 */
export function statusCorrections(
  rows: readonly (readonly unknown[])[],
  columns: { readonly id: number; readonly status: number },
  outcomes: ReadonlyMap<string, ResultKey>,
  language: Language,
): { changes: CellChange[]; matched: StatusMatch[] } {
  const changes: CellChange[] = [];
  const matched: StatusMatch[] = [];
  if (outcomes.size === 0) return { changes, matched };
  rows.forEach((row, index) => {
    const id = textOf(row[columns.id]);
    const outcome = id === '' ? undefined : outcomes.get(id);
    if (!outcome) return;
    const status = statusOf({ status: row[columns.status] });
    if (status === outcome || carriesOn(outcome, status)) return;
    const label =
      optionalLabel(
        language,
        STATUS.find((s) => s.key === outcome),
      ) ?? outcome;
    changes.push({ row: index, column: columns.status, value: label });
    matched.push({ id, was: textOf(row[columns.status]), now: label });
  });
  return { changes, matched };
}
