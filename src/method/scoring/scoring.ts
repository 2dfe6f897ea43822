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
  | { kind: 'typed' | 'derived'; option: Option }
  | { kind: 'missing'; reason?: string }
  | { kind: 'unreadable'; text: string };

function readTyped(options: readonly Option[], value: unknown): Reading | undefined {
  if (isBlank(value)) return undefined;
  const option = findOption(options, value);
  return option ? { kind: 'typed', option } : { kind: 'unreadable', text: String(value).trim() };
}

function readBudgetFit(inputs: ScoringInputs, rules: ScoringRules, language: Language): Reading {
  const options = DIMENSIONS[1].options;
  const typed = readTyped(options, inputs.budgetFit);
  if (typed) return typed;
  if (isBlank(inputs.budget)) return { kind: 'missing' };
  const budget = parseBudget(inputs.budget);
  if (!budget) {
    const text = String(inputs.budget).trim();
    return {
      kind: 'missing',
      reason: t(language, LEAD_CELLS.budgetUnreadable, text),
    };
  }
  const key = budgetFitFor(budget, rules.productPrice);
  return { kind: 'derived', option: options.find((o) => o.key === key) as Option };
}

/** Expected-close cells already read, by zone and text or instant: a column repeats its months. */
const closeDates = new Map<string, CalendarDate | undefined>();
const CLOSE_DATES_LIMIT = 10_000;

function closeDateOf(value: unknown, zone: TimeZone): CalendarDate | undefined {
  const key =
    typeof value === 'string'
      ? `${zone.name}|s|${value}`
      : isDate(value)
        ? `${zone.name}|d|${value.getTime()}`
        : undefined;
  if (key === undefined) return readCalendarDate(value, zone);
  if (closeDates.has(key)) return closeDates.get(key);
  const date = readCalendarDate(value, zone);
  if (closeDates.size >= CLOSE_DATES_LIMIT) closeDates.clear();
  closeDates.set(key, date);
  return date;
}

function readUrgency(inputs: ScoringInputs, context: ScoreContext): Reading {
  const options = DIMENSIONS[3].options;
  const typed = readTyped(options, inputs.urgency);
  if (typed) return typed;
  if (isBlank(inputs.expectedClose)) return { kind: 'missing' };
  const close = closeDateOf(inputs.expectedClose, context.zone);
  if (!close) {
    const text = String(inputs.expectedClose).trim();
    return {
      kind: 'missing',
      reason: t(context.language, LEAD_CELLS.closeUnreadable, text),
    };
  }
  const key = urgencyFor(close, context.today);
  return { kind: 'derived', option: options.find((o) => o.key === key) as Option };
}

/** Scores one lead. Missing or unreadable inputs count 0 and are named in the breakdown. */
export function scoreLead(
  inputs: ScoringInputs,
  rules: ScoringRules,
  context: ScoreContext,
): LeadScore {
  const { language } = context;
  const readings: Record<DimensionKey, Reading> = {
    needFit: readTyped(DIMENSIONS[0].options, inputs.needFit) ?? { kind: 'missing' },
    budgetFit: readBudgetFit(inputs, rules, language),
    authority: readTyped(DIMENSIONS[2].options, inputs.authority) ?? { kind: 'missing' },
    urgency: readUrgency(inputs, context),
  };
  const key =
    language +
    SEPARATOR +
    readingKey(readings.needFit) +
    SEPARATOR +
    readingKey(readings.budgetFit) +
    SEPARATOR +
    readingKey(readings.authority) +
    SEPARATOR +
    readingKey(readings.urgency);
  let known = worded.get(rules);
  if (!known) worded.set(rules, (known = new Map()));
  const seen = known.get(key);
  if (seen) return seen;
  // Shared by every lead with these readings: frozen, so no caller can change another's.
  const result = wordScore(readings, rules, language);
  Object.freeze(result.chosen);
  Object.freeze(result);
  if (known.size >= WORDED_LIMIT) known.clear();
  known.set(key, result);
  return result;
}

/**
 * Scores already worded, by rules and then by language and readings: a long tab repeats a few
 * hundred combinations, each worded once. Callers only read the result.
 */
const worded = new WeakMap<ScoringRules, Map<string, LeadScore>>();
const WORDED_LIMIT = 10_000;
const SEPARATOR = '\u0000';

function readingKey(reading: Reading): string {
  switch (reading.kind) {
    case 'typed':
    case 'derived':
      return `${reading.kind}:${reading.option.key}`;
    case 'missing':
      return `missing:${reading.reason ?? ''}`;
    default:
      return `unreadable:${reading.text}`;
  }
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
