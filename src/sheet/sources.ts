// Sources as people type them: "google", "Google" and "Ｇｏｏｇｌｅ" are one channel, matched
// ignoring case, full/half width and spaces against the Settings sources list.

import { textOf } from './cells';
import { labelsOf } from './language';
import { DEFAULT_SOURCES } from './options';

const ASCII = /^[\x20-\x7e]*$/;

/** The text sources are compared by; only text beyond plain ASCII pays for NFKC. */
export function foldSource(value: unknown): string {
  const text = textOf(value);
  return (ASCII.test(text) ? text : text.normalize('NFKC')).replace(/\s+/g, '').toLowerCase();
}

/** Remembers each distinct cell's fold: a column repeats a few sources over many rows. */
function foldCache(): (value: unknown) => string {
  const folds = new Map<unknown, string>();
  return (value) => {
    let fold = folds.get(value);
    if (fold === undefined) {
      fold = foldSource(value);
      folds.set(value, fold);
    }
    return fold;
  };
}

/**
 * How the analysis groups a lead's source: a default source by its key in either language, a
 * source of the Settings list as the list writes it, any other by the first way it was written.
 */
export function sourceGrouping(listed: readonly string[]): (value: unknown) => string {
  const fold = foldCache();
  const known = new Map<string, string>();
  for (const source of DEFAULT_SOURCES) {
    for (const label of [source.key, ...labelsOf(source)]) known.set(foldSource(label), source.key);
  }
  for (const source of listed) {
    const folded = foldSource(source);
    if (!known.has(folded)) known.set(folded, textOf(source));
  }
  return (value) => {
    const folded = fold(value);
    if (folded === '') return '';
    let key = known.get(folded);
    if (key === undefined) {
      key = textOf(value);
      known.set(folded, key);
    }
    return key;
  };
}

/** Sources in `values` that the Settings list lacks, each once, as first written. */
export function unlistedSources(values: readonly unknown[], listed: readonly string[]): string[] {
  const fold = foldCache();
  const seen = new Set(listed.map(foldSource));
  const added: string[] = [];
  for (const value of values) {
    const folded = fold(value);
    if (folded === '' || seen.has(folded)) continue;
    seen.add(folded);
    added.push(textOf(value));
  }
  return added;
}
