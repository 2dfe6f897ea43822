// Languages the product speaks, and how to pick one from a locale string such as "zh_CN".

/** Every language, in the order a message written in all of them lists them. */
export const LANGUAGES = ['en', 'zh'] as const;

export type Language = (typeof LANGUAGES)[number];

/** A piece of user-visible text in both languages. */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

/** `zh*` locales (zh_CN, zh_TW, zh-Hans…) read Chinese; everything else reads English (SPEC §1). */
export function languageFromLocale(locale: string | null | undefined): Language {
  return /^zh/i.test((locale ?? '').trim()) ? 'zh' : 'en';
}

/** Printable ASCII and the CJK Unified Ideographs, which NFKC never changes. */
const NFKC_STABLE = /^[ -~\u4e00-\u9fff]*$/;

/** Folded texts already seen: headers and option labels repeat down every column. */
const folded = new Map<string, string>();
const FOLD_CACHE_LIMIT = 10_000;

/**
 * Folds text for matching headers and options the way people type them: Unicode NFKC (full-width
 * letters, digits and brackets as a Chinese input method types them become half-width), trimmed,
 * case-insensitive, inner spaces ignored.
 */
export function foldText(text: unknown): string {
  const raw = String(text ?? '');
  const known = folded.get(raw);
  if (known !== undefined) return known;
  // ASCII and common Chinese characters are what NFKC leaves as they are (English and Chinese
  // sheets alike): only other text, full-width letters and brackets among it, is normalised.
  const normal = NFKC_STABLE.test(raw) ? raw : raw.normalize('NFKC');
  const result = normal.replace(/\s+/g, '').toLowerCase();
  if (folded.size >= FOLD_CACHE_LIMIT) folded.clear();
  folded.set(raw, result);
  return result;
}

/** True when `text` is either language's wording of `label` (folded). */
export function matchesLabel(text: unknown, label: Bilingual): boolean {
  const folded = foldText(text);
  return folded !== '' && (folded === foldText(label.en) || folded === foldText(label.zh));
}
