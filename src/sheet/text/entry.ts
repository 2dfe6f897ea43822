// What one catalogue entry is: the same message in every language, and how to read it in one.

import { type Language, LANGUAGES } from '../language';

/** A fixed text in every language; an entry lacking a language does not compile. */
export type Phrase = { readonly [L in Language]: string };

/** A text built from parameters, in every language, each language taking the same parameters. */
export type Template<P extends unknown[]> = { readonly [L in Language]: (...params: P) => string };

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

/** The entry in every language, one after another: for messages written before a language is known. */
export function inEveryLanguage(entry: Phrase): string;
export function inEveryLanguage<P extends unknown[]>(entry: Template<P>, ...params: P): string;
export function inEveryLanguage(entry: Phrase | Template<unknown[]>, ...params: unknown[]): string {
  return LANGUAGES.map((language) => textIn(language, entry, params)).join(' ');
}

function textIn(
  language: Language,
  entry: Phrase | Template<unknown[]>,
  params: readonly unknown[],
): string {
  const text = entry[language];
  return typeof text === 'string' ? text : text(...params);
}
