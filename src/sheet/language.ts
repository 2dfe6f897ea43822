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

/** Folds text for matching headers and options: trimmed, case-insensitive, inner spaces collapsed. */
export function foldText(text: unknown): string {
  return String(text ?? '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** True when `text` is either language's wording of `label` (folded). */
export function matchesLabel(text: unknown, label: Bilingual): boolean {
  const folded = foldText(text);
  return folded !== '' && (folded === foldText(label.en) || folded === foldText(label.zh));
}
