// Small-sample statistics behind the analysis's claims: a two-proportion z-test, the sample size
// that would tell two rates apart, and a median.

/** The level at which a difference between two win rates is called significant (one-sided). */
export const SIGNIFICANCE = 0.05;
/** The chance of seeing a real difference of the observed size, used to size a sample. */
export const POWER = 0.8;

/**
 * The standard normal distribution function Φ, by the Abramowitz–Stegun 7.1.26 approximation of
 * erf (error below 1.5·10⁻⁷, far finer than any rate shown to one decimal).
 */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** The z with Φ(z) = p, by bisection on normalCdf (a few dozen steps; called a handful of times). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be strictly between 0 and 1, got ${p}`);
  let [low, high] = [-10, 10];
  for (let i = 0; i < 100; i++) {
    const middle = (low + high) / 2;
    if (normalCdf(middle) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

export interface ProportionTest {
  /** (p₂ − p₁) ÷ the pooled standard error; 0 when either group is empty or nothing varies. */
  readonly z: number;
  /** One-sided p-value for "group 2 converts better than group 1": 1 − Φ(z). */
  readonly pValue: number;
}

/**
 * The pooled two-proportion z-test of x₁/n₁ against x₂/n₂, one-sided: is the second rate higher?
 * z = (p₂ − p₁) / √(p̄(1 − p̄)(1/n₁ + 1/n₂)) with p̄ = (x₁ + x₂)/(n₁ + n₂).
 */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number): ProportionTest {
  if (n1 <= 0 || n2 <= 0) return { z: 0, pValue: 1 };
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return { z: 0, pValue: 1 };
  const z = (x2 / n2 - x1 / n1) / se;
  return { z, pValue: 1 - normalCdf(z) };
}

/**
 * Leads needed in each of two equal groups for the one-sided test above, at level SIGNIFICANCE and
 * power POWER, to detect the difference between rates p1 and p2 (the textbook formula):
 *   n = ( z₁₋α·√(2·p̄(1 − p̄)) + z₁₋β·√(p₁(1 − p₁) + p₂(1 − p₂)) )² / (p₁ − p₂)²,  p̄ = (p₁ + p₂)/2.
 * Undefined when the rates are equal: no sample size tells apart rates that do not differ.
 */
export function leadsPerGroupNeeded(p1: number, p2: number): number | undefined {
  const difference = p1 - p2;
  if (difference === 0) return undefined;
  const mean = (p1 + p2) / 2;
  const zAlpha = normalQuantile(1 - SIGNIFICANCE);
  const zBeta = normalQuantile(POWER);
  const root =
    zAlpha * Math.sqrt(2 * mean * (1 - mean)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return Math.ceil((root * root) / (difference * difference));
}

/** The middle value (the mean of the two middle ones for an even count); undefined when empty. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
