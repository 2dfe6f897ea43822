// A short fingerprint of the scoring rules, written into each lead's breakdown when it is first
// graded, so the analysis can judge a rule change by the leads graded under it (SPEC §14).

import { fnv1a } from '../../sheet/fingerprint';
import { DIMENSIONS, type ScoringRules } from './scoringRules';

/**
 * `v` and six hex digits of a 32-bit FNV-1a hash of everything that decides a grade: each option's
 * points in a fixed order, the grade thresholds and the product price (which derives budget fit).
 * The same rules always give the same version; any change of them, almost surely another.
 */
export function rulesVersion(rules: ScoringRules): string {
  const points = DIMENSIONS.map((dimension) => {
    const table = rules.points[dimension.key] as Readonly<Record<string, number>>;
    return dimension.options.map((option) => table[option.key] ?? 0).join(',');
  });
  const { A, B, C } = rules.gradeFrom;
  const text = [...points, `${A},${B},${C}`, String(rules.productPrice)].join('|');
  return `v${(fnv1a(text) >>> 8).toString(16).padStart(6, '0')}`;
}

const VERSION_AT_END = /\b(v[0-9a-f]{6})\s*$/;

/** The version a breakdown ends with, in any language; undefined when it names none. */
export function versionIn(breakdown: unknown): string | undefined {
  return typeof breakdown === 'string' ? VERSION_AT_END.exec(breakdown)?.[1] : undefined;
}
