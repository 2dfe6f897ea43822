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

const SPACE = /\s/;
const WORD = /\w/;

/** The version a breakdown ends with, in any language; undefined when it names none. */
export function versionIn(breakdown: unknown): string | undefined {
  if (typeof breakdown !== 'string' || breakdown === '') return undefined;
  const end = breakdown.length;
  if (SPACE.test(breakdown.charAt(end - 1))) return VERSION_AT_END.exec(breakdown)?.[1];
  // Read by hand when nothing follows the version: every lead's breakdown is asked each pass.
  const start = end - 7;
  if (start < 0 || breakdown.charCodeAt(start) !== 0x76 /* v */) return undefined;
  for (let i = start + 1; i < end; i++) {
    const code = breakdown.charCodeAt(i);
    const hex = (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x66);
    if (!hex) return undefined;
  }
  if (start > 0 && WORD.test(breakdown.charAt(start - 1))) return undefined;
  return breakdown.slice(start, end);
}
