// What one catalogue entry is: the same message in every language, and how to read it in one.

import { toTraditional } from '../hant/convert';
import { type Language, LANGUAGES, type WrittenLanguage } from '../language';

/**
 * A fixed text in every written language; an entry lacking one does not compile. Traditional
 * Chinese is converted from the Simplified text (SPEC §15).
 */
export type Phrase = { readonly [L in WrittenLanguage]: string };

/** A text built from parameters, in every written language, each taking the same parameters. */
export type Template<P extends unknown[]> = {
  readonly [L in WrittenLanguage]: (...params: P) => string;
};

/** Any one entry, whatever its parameters. */
export type Entry = Phrase | Template<never[]>;

/** An area of the catalogue: entries, and groups of entries keyed by what they name. */
export interface Catalogue {
  readonly [key: string]: Entry | Catalogue;
}

/**
 * Declares a template. Only the first language needs its parameters typed: the others take theirs
 * from it, so the languages cannot drift apart in what they are given.
 */
export function template<P extends unknown[]>(texts: Template<P>): Template<P> {
  return texts;
}

/** The entry's text in `language`, a template filled in with `params`. */
export function t(language: Language, entry: Phrase): string;
export function t<P extends unknown[]>(
  language: Language,
  entry: Template<P>,
  ...params: P
): string;
export function t(
  language: Language,
  entry: Phrase | Template<unknown[]>,
  ...params: unknown[]
): string {
  return textIn(language, entry, params);
}

/**
 * The entry in every language, one after another: for messages written before a language is known.
 * Traditional Chinese is left out where it reads exactly as Simplified.
 */
export function inEveryLanguage(entry: Phrase): string;
export function inEveryLanguage<P extends unknown[]>(entry: Template<P>, ...params: P): string;
export function inEveryLanguage(entry: Phrase | Template<unknown[]>, ...params: unknown[]): string {
  const texts = LANGUAGES.map((language) => textIn(language, entry, params));
  return [...new Set(texts)].join(' ');
}

function textIn(
  language: Language,
  entry: Phrase | Template<unknown[]>,
  params: readonly unknown[],
): string {
  if (language === 'zhHant') {
    const text = entry.zh;
    return typeof text === 'string'
      ? toTraditional(text)
      : toTraditional(text(...params), kept(params));
  }
  const text = entry[language];
  return typeof text === 'string' ? text : text(...params);
}

/**
 * The parameters' own text, kept as it is in a Traditional message: names, IDs and cells people
 * typed are theirs. Labels passed in are already in the reader's language.
 */
function kept(params: readonly unknown[]): string[] {
  return params.flatMap((param) =>
    typeof param === 'string'
      ? [param]
      : Array.isArray(param)
        ? param.filter((item): item is string => typeof item === 'string')
        : [],
  );
}
