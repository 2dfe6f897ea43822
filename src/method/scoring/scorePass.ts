// One scoring pass over Leads rows: which cells change (score, grade, breakdown, blank IDs and
// Entered at), decided from plain rows so the adapter can write them in a few blocks.

import { type TimeZone, calendarDateOf, isDate } from '../../sheet/calendar';
import type { CellChange } from '../../sheet/cellWrites';
import type { Language } from '../../sheet/language';
import { type MonthSequences, nextLeadId } from '../capture/leadIds';
import { type LeadScore, NO_INPUTS, scoreLead, type ScoringInputs } from './scoring';
import type { Grade, ScoringRules } from './scoringRules';
import { LEAD_COLUMNS, type LeadColumnKey } from '../../sheet/tabs';
import { isBlank, textOf } from '../../sheet/cells';
import { readDate } from '../../sheet/dateCells';
import { enteredAtFor, type FirstDates } from '../capture/enteredAt';
import { LEAD_CELLS, t } from '../../sheet/text';
import { rulesVersion, versionIn } from './rulesVersion';

const NO_HISTORY: FirstDates = new Map();

/** The Leads columns a scoring pass reads or writes. */
export const SCORING_COLUMNS = [
  'id',
  'source',
  'needFit',
  'budgetFit',
  'budget',
  'authority',
  'urgency',
  'expectedClose',
  'score',
  'grade',
  'scoreNote',
  'enteredAt',
] as const satisfies readonly LeadColumnKey[];

export type ScoringColumn = (typeof SCORING_COLUMNS)[number];

/** Columns whose content makes a row a lead: anything a person types about the customer. */
const INPUT_COLUMNS: readonly LeadColumnKey[] = LEAD_COLUMNS.filter((c) => !c.computed).map(
  (c) => c.key,
);

export interface ScorePassOptions {
  readonly columns: Readonly<Record<ScoringColumn, number>> &
    Partial<Record<LeadColumnKey, number>>;
  readonly rules: ScoringRules;
  readonly now: Date;
  readonly zone: TimeZone;
  readonly language: Language;
  /** Highest ID sequence per month across Leads and Pool; updated as IDs are handed out. */
  readonly sequences: MonthSequences;
  /** Each lead's earliest follow-up or decision: a blank Entered at is never later than it. */
  readonly history?: FirstDates;
  /** Only these 0-based data rows (an edit); all rows when absent. */
  readonly onlyRows?: readonly number[];
  /**
   * Filled with each scored lead's score by Lead ID, for the run's calibration to reuse; an ID on
   * two rows maps to null, since its rows may score differently.
   */
  readonly scores?: Map<string, LeadScore | null>;
  /**
   * Which rows without a Lead ID this pass numbers and scores (all, when absent); the others wait
   * for a pass that can tell them apart. A run over the whole tab finds a new lead again after a
   * person's sort by its contact, phone or company, so a row with none of them waits for an edit.
   */
  readonly numbers?: (row: readonly unknown[]) => boolean;
}

export interface ScorePassResult {
  readonly changes: CellChange[];
  readonly scored: number;
  readonly gradeCounts: Record<Grade, number>;
  readonly idsAssigned: number;
  readonly changedRows: number;
  /** Rows (0-based data rows) holding a lead's inputs that `numbers` left without an ID. */
  readonly waiting: readonly number[];
}

/**
 * How Score all leads reads Leads: in every row the columns scoring reads or writes, the status it
 * keeps in step with Conversions, and the contact, phone and company that tell a lead apart when
 * the Lead ID is among the cells written (a repair after a person's sort finds the lead that slid
 * onto a written row by them); whole only the rows without a Lead ID (numbering and placing a new
 * lead need all of it) and those whose read cells show nothing that makes them a lead.
 */
export const SCORE_ALL_NARROW_READ = {
  keys: [
    ...SCORING_COLUMNS,
    'status',
    'contact',
    'phone',
    'company',
  ] as const satisfies readonly LeadColumnKey[],
  needsWholeRow: (
    row: readonly unknown[],
    index: Readonly<Record<LeadColumnKey, number>>,
  ): boolean => isBlank(row[index.id]) || !isLeadRow(row, index),
};

function isLeadRow(row: readonly unknown[], columns: ScorePassOptions['columns']): boolean {
  return hasContent(row, inputColumnsOf(columns));
}

/**
 * Where the columns that make a row a lead are, Entered at aside (the pass may fill it itself):
 * worked out once per tab layout (a layout is never changed once made), since every row asks.
 */
function inputColumnsOf(columns: Partial<Record<LeadColumnKey, number>>): readonly number[] {
  let known = inputColumnsByLayout.get(columns);
  if (!known) {
    known = INPUT_COLUMNS.flatMap((key) => {
      const at = columns[key];
      return at === undefined || key === 'enteredAt' ? [] : [at];
    });
    inputColumnsByLayout.set(columns, known);
  }
  return known;
}

const inputColumnsByLayout = new WeakMap<object, readonly number[]>();

function hasContent(row: readonly unknown[], at: readonly number[]): boolean {
  for (let i = 0; i < at.length; i++) if (!isBlank(row[at[i]])) return true;
  return false;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (isDate(a) && isDate(b)) return a.getTime() === b.getTime();
  return a === b || (typeof b === 'number' && String(b) === String(a));
}

/** Scores the rows and returns only the cells whose content must change. */
export function scorePass(
  rows: readonly (readonly unknown[])[],
  options: ScorePassOptions,
): ScorePassResult {
  const { columns, rules, now, zone, language, sequences, scores } = options;
  const context = { today: calendarDateOf(now, zone), zone, language };
  const changes: CellChange[] = [];
  const gradeCounts: Record<Grade, number> = { A: 0, B: 0, C: 0, D: 0 };
  const changedRows = new Set<number>();
  let scored = 0;
  let idsAssigned = 0;
  const waiting: number[] = [];
  const set = (row: number, column: number, value: unknown) => {
    if (sameValue(rows[row][column], value)) return;
    changes.push({ row, column, value });
    changedRows.add(row);
  };
  // Each column's place looked up once, not at every row of a long tab.
  const inputColumns = inputColumnsOf(columns);
  const at = {
    id: columns.id,
    source: columns.source,
    needFit: columns.needFit,
    budgetFit: columns.budgetFit,
    authority: columns.authority,
    urgency: columns.urgency,
    budget: columns.budget,
    expectedClose: columns.expectedClose,
    score: columns.score,
    grade: columns.grade,
    scoreNote: columns.scoreNote,
    enteredAt: columns.enteredAt,
  } satisfies Record<ScoringColumn, number>;

  const version = rulesVersion(rules);
  // A long tab holds a handful of versions and a few hundred breakdowns: each note is worded once.
  const notes = new Map<string, Map<string, string>>();
  const noteOf = (breakdown: string, firstVersion: string | undefined) => {
    const tagged = firstVersion ?? '';
    let byBreakdown = notes.get(tagged);
    if (!byBreakdown) notes.set(tagged, (byBreakdown = new Map()));
    let note = byBreakdown.get(breakdown);
    if (note === undefined) {
      note = firstVersion
        ? breakdown + t(language, LEAD_CELLS.rulesVersion, firstVersion)
        : breakdown;
      byBreakdown.set(breakdown, note);
    }
    return note;
  };
  // One record refilled for every row (scoreLead keeps nothing of it): not 100k records to collect.
  const inputs: { -readonly [K in keyof ScoringInputs]: unknown } = { ...NO_INPUTS };
  const indices = options.onlyRows;
  const count = indices ? indices.length : rows.length;
  for (let i = 0; i < count; i++) {
    const index = indices ? indices[i] : i;
    const row = rows[index];
    if (!row || !hasContent(row, inputColumns)) continue;
    if (options.numbers && isBlank(row[at.id]) && !options.numbers(row)) {
      waiting.push(index);
      continue;
    }
    inputs.needFit = row[at.needFit];
    inputs.budgetFit = row[at.budgetFit];
    inputs.authority = row[at.authority];
    inputs.urgency = row[at.urgency];
    inputs.budget = row[at.budget];
    inputs.expectedClose = row[at.expectedClose];
    const result = scoreLead(inputs, rules, context);
    scored++;
    gradeCounts[result.grade]++;
    set(index, at.score, result.score);
    set(index, at.grade, result.grade);
    // A lead keeps the version it was first graded under, so leads can be judged by the rules that
    // first sorted them. One whose breakdown predates versions has none: which rules it had is unknown.
    const note = row[at.scoreNote];
    const firstVersion = isBlank(note) ? version : versionIn(note);
    set(index, at.scoreNote, noteOf(result.breakdown, firstVersion));

    const enteredCell = row[at.enteredAt];
    let enteredAt: Date | undefined;
    if (isBlank(enteredCell)) {
      enteredAt = enteredAtFor(textOf(row[at.id]), options.history ?? NO_HISTORY, now);
      set(index, at.enteredAt, enteredAt);
    }
    let id = row[at.id];
    if (isBlank(id)) {
      enteredAt ??= readDate(enteredCell, zone);
      id = nextLeadId(enteredAt ?? now, row[at.source], sequences, zone);
      set(index, at.id, id);
      idsAssigned++;
    }
    if (scores) {
      const key = textOf(id);
      scores.set(key, scores.has(key) ? null : result);
    }
  }
  return { changes, scored, gradeCounts, idsAssigned, changedRows: changedRows.size, waiting };
}
