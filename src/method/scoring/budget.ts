// Reads the free-text Budget column (`50-80万`, `¥500,000`, `1.2亿`…) into a range in 万 yuan.

import { foldToSimplified } from '../../sheet/hant/convert';
import type { BudgetFitKey } from '../../sheet/options';

/** A budget as [low, high] in 万 (10,000 yuan); high may be Infinity for `50万以上`. */
export interface BudgetRange {
  readonly low: number;
  readonly high: number;
}

const UNIT_IN_WAN: Record<string, number> = {
  '': 1, // SPEC §1: a number, or a range without unit, is in 万
  万: 1,
  w: 1,
  万元: 1,
  亿: 10_000,
  亿元: 10_000,
  元: 1 / 10_000,
  块: 1 / 10_000,
  k: 1 / 10, // 1k yuan = 0.1 万
  千: 1 / 10,
  千元: 1 / 10,
};

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
const UNIT = String.raw`(万元|亿元|千元|万|亿|元|块|千|w|k)?`;
const RANGE = new RegExp(
  `^${NUMBER}${UNIT}(?:(?:-|~|～|—|–|至|到)${NUMBER}${UNIT})?(以上|以下|以内)?$`,
  'i',
);

/**
 * Parses a budget cell. A number cell is in 万. A currency sign with no unit means yuan
 * (`¥500,000` → 50). Returns undefined for text it cannot read, so the score can name it missing.
 */
export function parseBudget(value: unknown): BudgetRange | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0 ? { low: value, high: value } : undefined;
  }
  if (typeof value !== 'string') return undefined;
  // Teams type the same few budgets down a whole column: each text is parsed once.
  if (parsed.has(value)) return parsed.get(value);
  const range = parseBudgetText(value);
  if (parsed.size >= PARSED_LIMIT) parsed.clear();
  parsed.set(value, range);
  return range;
}

/** Budget texts already parsed (a range is never changed by its users). */
const parsed = new Map<string, BudgetRange | undefined>();
const PARSED_LIMIT = 10_000;

function parseBudgetText(value: string): BudgetRange | undefined {
  // Traditional units and words (萬, 億, 約, 預算, 以內) read as their Simplified forms.
  let text = foldToSimplified(value)
    .trim()
    .replace(/[\s,，]/g, '')
    .replace(/^(约|大约|预算)/, '');
  const hasCurrencySign = /^(¥|￥|rmb|cny)/i.test(text);
  text = text.replace(/^(¥|￥|rmb|cny)/i, '').replace(/(rmb|cny|人民币)$/i, '');
  const match = RANGE.exec(text);
  if (!match) return undefined;
  const [, lowText, lowUnitRaw, highText, highUnitRaw, bound] = match;
  const defaultUnit = hasCurrencySign && !lowUnitRaw && !highUnitRaw ? '元' : '';
  const highUnit = (highUnitRaw ?? lowUnitRaw ?? defaultUnit).toLowerCase();
  // `50-80万`: the unit written once applies to both ends.
  const lowUnit = (lowUnitRaw ?? (highText ? highUnit : defaultUnit)).toLowerCase();
  const low = Number(lowText) * UNIT_IN_WAN[lowUnit];
  const high = highText ? Number(highText) * UNIT_IN_WAN[highUnit] : low;
  if (high < low) return undefined;
  if (bound === '以上') return { low, high: Infinity };
  if (bound === '以下' || bound === '以内') return { low: 0, high };
  return { low, high };
}

/** SPEC §2: low > price → above; low ≤ price ≤ high → matches; high < price → below. */
export function budgetFitFor(budget: BudgetRange, productPrice: number): BudgetFitKey {
  if (budget.low > productPrice) return 'above';
  if (budget.high < productPrice) return 'below';
  return 'matches';
}
