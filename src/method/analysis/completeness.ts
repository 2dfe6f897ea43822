// Data completeness (template step 1, reminder 3): leads missing a required field, counted by source
// and by who entered them, with the field missing most often. Counts only, never a customer's data.

import { isBlank, textOf } from '../../sheet/cells';
import { sourceGrouping } from '../../sheet/sources';
import { enteredInWindow } from './analysis';

/** Fields the template's step 1 requires of every lead; Company only where the team sells B2B. */
export type RequiredField = 'contact' | 'phone' | 'company' | 'source' | 'need';

/** In this order, so the most-missing field of a tie is the one listed first. */
const ALL_REQUIRED: readonly RequiredField[] = ['contact', 'phone', 'company', 'source', 'need'];

/** The fields a lead must have, given Settings' "Company required (B2B)". */
export function requiredFields(companyRequired: boolean): RequiredField[] {
  return ALL_REQUIRED.filter((field) => companyRequired || field !== 'company');
}

/** The required fields a lead leaves blank, in the order of `required`. */
export function missingFields(
  lead: Readonly<Record<string, unknown>>,
  required: readonly RequiredField[],
): RequiredField[] {
  return required.filter((field) => isBlank(lead[field]));
}

export interface CompletenessRow {
  /** The group: a source key (as the conversion table groups them) or an Entered by name; '' when blank. */
  readonly key: string;
  readonly leads: number;
  /** Leads missing at least one required field. */
  readonly incomplete: number;
  /** incomplete ÷ leads. */
  readonly rate: number;
  /** The field the group's leads leave blank most often; undefined when none is missing. */
  readonly mostMissing: RequiredField | undefined;
  /** How many of the group's leads leave that field blank. */
  readonly mostMissingCount: number;
}

export interface Completeness {
  /** Every lead together, keyed ''. */
  readonly total: CompletenessRow;
  /** Groups with the most incomplete leads first (ties in the order first seen). */
  readonly bySource: readonly CompletenessRow[];
  readonly byEnteredBy: readonly CompletenessRow[];
}

export interface CompletenessInput {
  /** Leads and Pool rows with content, keyed by LEAD_COLUMNS keys. */
  readonly leads: readonly Readonly<Record<string, unknown>>[];
  readonly required: readonly RequiredField[];
  readonly now: Date;
  /** Only leads entered within the last windowDays × 24 hours, as the rest of the analysis; 0 = all. */
  readonly windowDays: number;
  /** The Settings sources list, so sources group as in the rest of the analysis. */
  readonly sources?: readonly string[];
}

interface Tally {
  leads: number;
  incomplete: number;
  missing: Map<RequiredField, number>;
}

function rowOf(key: string, tally: Tally, required: readonly RequiredField[]): CompletenessRow {
  let mostMissing: RequiredField | undefined;
  let mostMissingCount = 0;
  for (const field of required) {
    const n = tally.missing.get(field) ?? 0;
    if (n > mostMissingCount) [mostMissing, mostMissingCount] = [field, n];
  }
  const rate = tally.leads === 0 ? 0 : tally.incomplete / tally.leads;
  return {
    key,
    leads: tally.leads,
    incomplete: tally.incomplete,
    rate,
    mostMissing,
    mostMissingCount,
  };
}

/** Counts incomplete leads in the window overall, by source and by Entered by. */
export function completenessOf(input: CompletenessInput): Completeness {
  const { required } = input;
  const newTally = (): Tally => ({ leads: 0, incomplete: 0, missing: new Map() });
  const total = newTally();
  const bySource = new Map<string, Tally>();
  const byEnteredBy = new Map<string, Tally>();
  const groupOf = (groups: Map<string, Tally>, key: string): Tally => {
    const found = groups.get(key);
    if (found) return found;
    const tally = newTally();
    groups.set(key, tally);
    return tally;
  };
  const sourceKey = sourceGrouping(input.sources ?? []);
  for (const lead of input.leads) {
    if (!enteredInWindow(lead, input.now, input.windowDays)) continue;
    const missing = missingFields(lead, required);
    const tallies = [
      total,
      groupOf(bySource, sourceKey(lead.source)),
      groupOf(byEnteredBy, textOf(lead.enteredBy)),
    ];
    for (const tally of tallies) {
      tally.leads++;
      if (missing.length > 0) tally.incomplete++;
      for (const field of missing) tally.missing.set(field, (tally.missing.get(field) ?? 0) + 1);
    }
  }
  const rows = (groups: Map<string, Tally>) =>
    [...groups]
      .map(([key, tally]) => rowOf(key, tally, required))
      .sort((a, b) => b.incomplete - a.incomplete);
  return {
    total: rowOf('', total, required),
    bySource: rows(bySource),
    byEnteredBy: rows(byEnteredBy),
  };
}
