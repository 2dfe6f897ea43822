// Languages the product speaks, and how to pick one from a locale string such as "zh_CN".

import { foldToSimplified, toTraditional, toTraditionalAsOpenCC } from './hant/convert';

/**
 * Every language, in the order a message written in all of them lists them: English, Simplified
 * Chinese, and Traditional Chinese (`zhHant`, shown as zh-Hant), which is derived from Simplified.
 */
export const LANGUAGES = ['en', 'zh', 'zhHant'] as const;

export type Language = (typeof LANGUAGES)[number];

/** The languages text is written in; Traditional is generated from Simplified (SPEC §15). */
export const WRITTEN_LANGUAGES = ['en', 'zh'] as const;

export type WrittenLanguage = (typeof WRITTEN_LANGUAGES)[number];

/** A piece of user-visible text as written: English and Simplified Chinese. */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

/**
 * zh_TW, zh_HK, zh_MO and zh-Hant* read Traditional Chinese; other `zh*` locales (zh_CN, zh_SG,
 * plain zh, zh-Hans) read Simplified; everything else reads English (SPEC §15).
 */
export function languageFromLocale(locale: string | null | undefined): Language {
  const text = (locale ?? '').trim();
  if (!/^zh/i.test(text)) return 'en';
  return /^zh[-_](tw|hk|mo|hant)(?![a-z])/i.test(text) ? 'zhHant' : 'zh';
}

/** The HTML `lang` of a page in `language`, so the browser picks the right CJK glyphs. */
export function htmlLang(language: Language): string {
  return language === 'zhHant' ? 'zh-Hant' : language === 'zh' ? 'zh-CN' : 'en';
}

/** The written text `label` in `language`: Traditional is converted from Simplified. */
export function labelIn(language: Language, label: Bilingual): string {
  return language === 'zhHant' ? toTraditional(label.zh) : label[language];
}

/** `labelIn` for a label that may not exist (an option looked up by key). */
export function optionalLabel(
  language: Language,
  label: Bilingual | undefined,
): string | undefined {
  return label === undefined ? undefined : labelIn(language, label);
}

/**
 * `label` in every language: what a header, option or tab name typed by a person may be. The
 * first three are English, Simplified and the product's Traditional; OpenCC's own Traditional
 * wording, where the glossary chose another, is recognised too.
 */
export function labelsOf(label: Bilingual): string[] {
  const traditional = toTraditional(label.zh);
  const asOpenCC = toTraditionalAsOpenCC(label.zh);
  return asOpenCC === traditional
    ? [label.en, label.zh, traditional]
    : [label.en, label.zh, traditional, asOpenCC];
}

/** Printable ASCII and the CJK Unified Ideographs, which NFKC never changes. */
const NFKC_STABLE = /^[ -~\u4e00-\u9fff]*$/;

/** Folded texts already seen: headers and option labels repeat down every column. */
const folded = new Map<string, string>();
const FOLD_CACHE_LIMIT = 10_000;

/**
 * Folds text for matching headers and options the way people type them: Unicode NFKC (full-width
 * letters, digits and brackets as a Chinese input method types them become half-width), trimmed,
 * case-insensitive, inner spaces ignored, and Traditional characters read as their Simplified form.
 */
export function foldText(text: unknown): string {
  const raw = String(text ?? '');
  const known = folded.get(raw);
  if (known !== undefined) return known;
  // ASCII and common Chinese characters are what NFKC leaves as they are (English and Chinese
  // sheets alike): only other text, full-width letters and brackets among it, is normalised.
  const normal = NFKC_STABLE.test(raw) ? raw : raw.normalize('NFKC');
  const result = foldToSimplified(normal.replace(/\s+/g, '').toLowerCase());
  if (folded.size >= FOLD_CACHE_LIMIT) folded.clear();
  folded.set(raw, result);
  return result;
}

/** True when `text` is any language's wording of `label` (folded). */
export function matchesLabel(text: unknown, label: Bilingual): boolean {
  const folded = foldText(text);
  return folded !== '' && labelsOf(label).some((wording) => folded === foldText(wording));
}
