// Scores a lead out of 100 and grades it A–D (SPEC §2), with a breakdown a salesperson can read.

import { budgetFitFor, parseBudget } from './budget';
import { type CalendarDate, isDate, type TimeZone } from '../../sheet/calendar';
import { readCalendarDate } from '../../sheet/dateCells';
import type { Language } from '../../sheet/language';
import { LEAD_CELLS, t } from '../../sheet/text';
import { type Option, findOption } from '../../sheet/options';
import {
  DIMENSIONS,
  type DimensionKey,
  type Grade,
  type ScoringRules,
  gradeFor,
} from './scoringRules';
import { urgencyFor } from './urgency';
import { isBlank } from '../../sheet/cells';

/** The raw cells a score is computed from, exactly as read from the sheet. */
export interface ScoringInputs {
  readonly needFit: unknown;
  readonly budgetFit: unknown;
  readonly authority: unknown;
  readonly urgency: unknown;
  readonly budget: unknown;
  readonly expectedClose: unknown;
}

/** A lead with no input typed: every dimension missing. */
export const NO_INPUTS: ScoringInputs = Object.freeze({
  needFit: '',
  budgetFit: '',
  authority: '',
  urgency: '',
  budget: '',
  expectedClose: '',
});

export interface ScoreContext {
  readonly today: CalendarDate;
  readonly zone: TimeZone;
  readonly language: Language;
}

export interface LeadScore {
  readonly score: number;
  readonly grade: Grade;
  readonly breakdown: string;
  /** The option chosen for each dimension (typed or derived); absent when missing. */
  readonly chosen: Partial<Record<DimensionKey, string>>;
}

type Reading =
  | { readonly kind: 'typed' | 'derived'; readonly option: Option }
  | { readonly kind: 'missing'; readonly reason?: string }
  | { readonly kind: 'unreadable'; readonly text: string };

/**
 * Every reading made so far, by what it says: a long tab repeats a few dozen readings over 100k
 * rows, so none is built twice, and a lead's four readings find its score by identity alone.
 */
const readings = new Map<unknown, Map<string, Reading>>();
let readingsMade = 0;
/** Distinct readings before starting afresh: far more than a real tab holds, a bound for free text. */
const READINGS_LIMIT = 4_096;

// `make` is one function per kind of reading, never a closure made per call: a pass asks for
// four readings per lead, and a closure each would be 100k-lead garbage for the collector.
function interned<B>(by: B, text: string, make: (by: B, text: string) => Reading): Reading {
  let known = readings.get(by);
  if (!known) readings.set(by, (known = new Map()));
  let reading = known.get(text);
  if (reading === undefined) {
    if (readingsMade >= READINGS_LIMIT) {
      readings.clear();
      readingsMade = 0;
      return interned(by, text, make);
    }
    reading = Object.freeze(make(by, text));
    readingsMade++;
    known.set(text, reading);
  }
  return reading;
}

const makeTyped = (option: Option): Reading => ({ kind: 'typed', option });
const makeDerived = (option: Option): Reading => ({ kind: 'derived', option });
const makeMissing = (_: string, reason: string): Reading =>
  reason === '' ? { kind: 'missing' } : { kind: 'missing', reason };
const makeUnreadable = (_: string, text: string): Reading => ({ kind: 'unreadable', text });

const typedReading = (option: Option) => interned(option, 'typed', makeTyped);
const derivedReading = (option: Option) => interned(option, 'derived', makeDerived);
const missingReading = (reason?: string) => interned('missing', reason ?? '', makeMissing);
const unreadableReading = (text: string) => interned('unreadable', text, makeUnreadable);

function readTyped(options: readonly Option[], value: unknown): Reading | undefined {
  if (isBlank(value)) return undefined;
  const option = findOption(options, value);
  return option ? typedReading(option) : unreadableReading(String(value).trim());
}

function readBudgetFit(inputs: ScoringInputs, rules: ScoringRules, language: Language): Reading {
  const typed = readTyped(DIMENSIONS[1].options, inputs.budgetFit);
  if (typed) return typed;
  const budget = inputs.budget;
  if (isBlank(budget)) return missingReading();
  if (typeof budget !== 'string' && typeof budget !== 'number') {
    return budgetReading(budget, rules.productPrice, language);
  }
  const scope = `${language} ${rules.productPrice}`;
  let known = budgetReadings.get(scope);
  if (!known) budgetReadings.set(scope, (known = new Map()));
  let reading = known.get(budget);
  if (reading === undefined) {
    reading = budgetReading(budget, rules.productPrice, language);
    if (known.size >= BUDGET_READINGS_LIMIT) known.clear();
    known.set(budget, reading);
  }
  return reading;
}

/**
 * Budget cells already read, by language and product price, then by cell: a column repeats a
 * few dozen budgets over thousands of rows, each parsed and worded once.
 */
const budgetReadings = new Map<string, Map<unknown, Reading>>();
const BUDGET_READINGS_LIMIT = 10_000;

function budgetReading(value: unknown, productPrice: number, language: Language): Reading {
  const budget = parseBudget(value);
  if (!budget) {
    return missingReading(t(language, LEAD_CELLS.budgetUnreadable, String(value).trim()));
  }
  return derivedReading(optionOf(DIMENSIONS[1].options, budgetFitFor(budget, productPrice)));
}

function optionOf(options: readonly Option[], key: string): Option {
  for (const option of options) if (option.key === key) return option;
  throw new Error(`No option ${key}`);
}

/**
 * Expected-close cells already read, by zone, then by kind (text, serial number as the Sheets
 * service gives a date, instant) and value: a column repeats its months over thousands of rows.
 */
const closeDates = new Map<string, Map<unknown, CalendarDate | undefined>[]>();
const CLOSE_DATES_LIMIT = 10_000;

function closeDateOf(value: unknown, zone: TimeZone): CalendarDate | undefined {
  const kind =
    typeof value === 'string' ? 0 : typeof value === 'number' ? 1 : isDate(value) ? 2 : -1;
  if (kind < 0) return readCalendarDate(value, zone);
  let byKind = closeDates.get(zone.name);
  if (!byKind) closeDates.set(zone.name, (byKind = [new Map(), new Map(), new Map()]));
  const known = byKind[kind];
  const key = kind === 2 ? (value as Date).getTime() : value;
  if (known.has(key)) return known.get(key);
  const date = readCalendarDate(value, zone);
  if (known.size >= CLOSE_DATES_LIMIT) known.clear();
  known.set(key, date);
  return date;
}

function readUrgency(inputs: ScoringInputs, context: ScoreContext): Reading {
  const options = DIMENSIONS[3].options;
  const typed = readTyped(options, inputs.urgency);
  if (typed) return typed;
  if (isBlank(inputs.expectedClose)) return missingReading();
  const close = closeDateOf(inputs.expectedClose, context.zone);
  if (!close) {
    const text = String(inputs.expectedClose).trim();
    return missingReading(t(context.language, LEAD_CELLS.closeUnreadable, text));
  }
  return derivedReading(optionOf(options, urgencyFor(close, context.today)));
}

/** Scores one lead. Missing or unreadable inputs count 0 and are named in the breakdown. */
export function scoreLead(
  inputs: ScoringInputs,
  rules: ScoringRules,
  context: ScoreContext,
): LeadScore {
  const { language } = context;
  const needFit = readTyped(DIMENSIONS[0].options, inputs.needFit) ?? missingReading();
  const budgetFit = readBudgetFit(inputs, rules, language);
  const authority = readTyped(DIMENSIONS[2].options, inputs.authority) ?? missingReading();
  const urgency = readUrgency(inputs, context);
  let byLanguage = worded.get(rules);
  if (!byLanguage) worded.set(rules, (byLanguage = new Map()));
  let known = byLanguage.get(language);
  if (!known || known.count >= WORDED_LIMIT) {
    byLanguage.set(language, (known = { scores: new Map(), count: 0 }));
  }
  const byUrgency = within(within(within(known.scores, needFit), budgetFit), authority);
  const seen = byUrgency.get(urgency);
  if (seen) return seen;
  // Shared by every lead with these readings: frozen, so no caller can change another's.
  const result = wordScore({ needFit, budgetFit, authority, urgency }, rules, language);
  Object.freeze(result.chosen);
  Object.freeze(result);
  byUrgency.set(urgency, result);
  known.count++;
  return result;
}

/** Scores already worded, by rules and language, then by the four readings in order. */
type ByReading<T> = Map<Reading, T>;
type WordedScores = ByReading<ByReading<ByReading<ByReading<LeadScore>>>>;

/**
 * Scores already worded: a long tab repeats a few hundred combinations of readings, each worded
 * once and found by the readings' identity, without building a key. Callers only read the result.
 */
const worded = new WeakMap<
  ScoringRules,
  Map<Language, { readonly scores: WordedScores; count: number }>
>();
/** Scores worded per rules and language before starting afresh: a bound for free text. */
const WORDED_LIMIT = 10_000;

function within<T>(map: ByReading<ByReading<T>>, reading: Reading): ByReading<T> {
  let inner = map.get(reading);
  if (!inner) map.set(reading, (inner = new Map()));
  return inner;
}

/** The score, grade and worded breakdown of the four readings. */
function wordScore(
  readings: Record<DimensionKey, Reading>,
  rules: ScoringRules,
  language: Language,
): LeadScore {
  let score = 0;
  const terms: string[] = [];
  const gaps: string[] = [];
  const chosen: Partial<Record<DimensionKey, string>> = {};
  for (const dimension of DIMENSIONS) {
    const reading = readings[dimension.key];
    const short = t(language, dimension.short);
    if (reading.kind === 'typed' || reading.kind === 'derived') {
      const table = rules.points[dimension.key] as Readonly<Record<string, number>>;
      const points = table[reading.option.key] ?? 0;
      score += points;
      chosen[dimension.key] = reading.option.key;
      const derived = reading.kind === 'derived' ? t(language, LEAD_CELLS.derived) : '';
      terms.push(t(language, LEAD_CELLS.term, short, points, derived));
    } else {
      terms.push(t(language, LEAD_CELLS.term, short, 0, ''));
      const name = t(language, dimension.name);
      if (reading.kind === 'unreadable') {
        gaps.push(t(language, LEAD_CELLS.unrecognised, name, reading.text));
      } else {
        gaps.push(
          reading.kind === 'missing' && reading.reason
            ? t(language, LEAD_CELLS.gapWithReason, name, reading.reason)
            : name,
        );
      }
    }
  }
  let breakdown = `${terms.join(' + ')} = ${score}`;
  if (gaps.length > 0) breakdown += t(language, LEAD_CELLS.missing, gaps);
  return { score, grade: gradeFor(score, rules.gradeFrom), breakdown, chosen };
}
