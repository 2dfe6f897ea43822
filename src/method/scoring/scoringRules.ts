// The scoring points and grade thresholds of SPEC §2, as defaults and as the Settings tab holds them.

import type { Bilingual } from '../../sheet/language';
import {
  AUTHORITY,
  type AuthorityKey,
  BUDGET_FIT,
  type BudgetFitKey,
  NEED_FIT,
  type NeedFitKey,
  type Option,
  URGENCY,
  type UrgencyKey,
} from '../../sheet/options';

export type Grade = 'A' | 'B' | 'C' | 'D';
export type DimensionKey = 'needFit' | 'budgetFit' | 'authority' | 'urgency';

export interface ScoringPoints {
  readonly needFit: Readonly<Record<NeedFitKey, number>>;
  readonly budgetFit: Readonly<Record<BudgetFitKey, number>>;
  readonly authority: Readonly<Record<AuthorityKey, number>>;
  readonly urgency: Readonly<Record<UrgencyKey, number>>;
}

export interface GradeThresholds {
  readonly A: number;
  readonly B: number;
  readonly C: number;
}

export interface ScoringRules {
  readonly points: ScoringPoints;
  readonly gradeFrom: GradeThresholds;
  /** Product price P in 万, against which Budget is judged when Budget fit is blank. */
  readonly productPrice: number;
}

export interface Dimension {
  readonly key: DimensionKey;
  /** The column header, used to name a missing input. */
  readonly name: Bilingual;
  /** The short name used in the breakdown (`需求40 + 预算15 …`). */
  readonly short: Bilingual;
  readonly options: readonly Option[];
  readonly max: number;
}

export const DIMENSIONS: readonly Dimension[] = [
  {
    key: 'needFit',
    name: { en: 'Need fit', zh: '需求匹配度' },
    short: { en: 'Need', zh: '需求' },
    options: NEED_FIT,
    max: 40,
  },
  {
    key: 'budgetFit',
    name: { en: 'Budget fit', zh: '预算充足度' },
    short: { en: 'Budget', zh: '预算' },
    options: BUDGET_FIT,
    max: 25,
  },
  {
    key: 'authority',
    name: { en: 'Authority', zh: '决策权限' },
    short: { en: 'Authority', zh: '决策' },
    options: AUTHORITY,
    max: 20,
  },
  {
    key: 'urgency',
    name: { en: 'Urgency', zh: '紧急程度' },
    short: { en: 'Urgency', zh: '紧急' },
    options: URGENCY,
    max: 15,
  },
];

export const DEFAULT_POINTS: ScoringPoints = {
  needFit: { full: 40, partial: 20, none: 0 },
  budgetFit: { above: 25, matches: 15, below: 5 },
  authority: { decisionMaker: 20, influencer: 10, none: 0 },
  urgency: { within1Month: 15, oneToThreeMonths: 10, over3Months: 5 },
};

export const DEFAULT_GRADE_FROM: GradeThresholds = { A: 80, B: 60, C: 40 };

/** A ≥ 80 · B 60-79 · C 40-59 · D < 40 with the default thresholds. */
export function gradeFor(score: number, gradeFrom: GradeThresholds): Grade {
  if (score >= gradeFrom.A) return 'A';
  if (score >= gradeFrom.B) return 'B';
  if (score >= gradeFrom.C) return 'C';
  return 'D';
}
