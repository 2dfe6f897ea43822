// Simplified → Traditional (Taiwan wording) at run time, from the generated tables: the reviewed
// glossary first, then OpenCC's steps, each a longest-match pass, exactly as OpenCC runs them.

import { HANT_GLOSSARY } from './glossary';
import { FOLD_TO_SIMPLIFIED, TAIWAN_STEPS } from './tables.generated';

/** One conversion step: its words and the longest word's length in characters. */
export interface Step {
  readonly words: ReadonlyMap<string, string>;
  readonly longest: number;
}

/** Private-use characters stand in for text kept as it is while the rest is converted. */
const SHIELD_BASE = 0xe000;
const SHIELD_LIMIT = 0xf8ff - SHIELD_BASE;
const SHIELDED = /[\ue000-\uf8ff]/g;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]|[\ud840-\ud87f]/;

let steps: readonly Step[] | undefined;
let glossary: Step | undefined;
let fold: ReadonlyMap<string, string> | undefined;
const converted = new Map<string, string>();
const convertedPlain = new Map<string, string>();
const CACHE_LIMIT = 5_000;

/** `a b|c d` dictionaries, the earlier dictionary winning where two hold the same word. */
export function stepOf(dictionaries: readonly string[]): Step {
  const words = new Map<string, string>();
  let longest = 0;
  for (const dictionary of dictionaries) {
    if (dictionary === '') continue;
    for (const pair of dictionary.split('|')) {
      const [from, to] = pair.split(' ');
      if (words.has(from)) continue;
      words.set(from, to);
      longest = Math.max(longest, Array.from(from).length);
    }
  }
  return { words, longest };
}

export function glossaryStep(): Step {
  glossary ??= stepOf([
    Object.entries(HANT_GLOSSARY)
      .map(([from, to]) => `${from} ${to}`)
      .join('|'),
  ]);
  return glossary;
}

/** Replaces the longest word at each position, as OpenCC's trie does; `keep` maps what to emit. */
function passOf(text: string, step: Step, keep: (word: string) => string): string {
  const chars = Array.from(text);
  let out = '';
  for (let i = 0; i < chars.length;) {
    let matched = 0;
    for (let length = Math.min(step.longest, chars.length - i); length > 0; length--) {
      const word = chars.slice(i, i + length).join('');
      const value = step.words.get(word);
      if (value === undefined) continue;
      out += keep(value);
      matched = length;
      break;
    }
    if (matched === 0) {
      out += chars[i];
      matched = 1;
    }
    i += matched;
  }
  return out;
}

/**
 * `text` in Traditional Chinese with Taiwan wording. `kept` are pieces of it (names, IDs a person
 * typed) that stay exactly as they are.
 */
export function toTraditional(text: string, kept: readonly string[] = []): string {
  if (!HAN.test(text)) return text;
  const cacheable = kept.length === 0;
  if (cacheable) {
    const known = converted.get(text);
    if (known !== undefined) return known;
  }
  steps ??= TAIWAN_STEPS.map(stepOf);
  const result = convertWith(steps, text, kept);
  if (cacheable) {
    if (converted.size >= CACHE_LIMIT) converted.clear();
    converted.set(text, result);
  }
  return result;
}

/**
 * `text` as OpenCC alone words it, without the glossary (决策权限 → 決策許可權): what a team that
 * converted the Simplified headers with OpenCC itself typed, recognised but never shown.
 */
export function toTraditionalAsOpenCC(text: string): string {
  if (!HAN.test(text)) return text;
  const known = convertedPlain.get(text);
  if (known !== undefined) return known;
  steps ??= TAIWAN_STEPS.map(stepOf);
  const result = convertWith(steps, text, [], false);
  if (convertedPlain.size >= CACHE_LIMIT) convertedPlain.clear();
  convertedPlain.set(text, result);
  return result;
}

/** The text after the glossary and `using` steps, shielded pieces still standing in. */
export interface Shielded {
  readonly working: string;
  readonly shields: readonly string[];
}

/** Shields kept pieces and glossary terms, then runs `using`; the build reads each step's input. */
export function shieldAndRun(
  text: string,
  kept: readonly string[],
  using: readonly Step[],
  withGlossary = true,
): Shielded {
  const shields: string[] = [];
  const shield = (piece: string): string => {
    if (shields.length >= SHIELD_LIMIT) return piece;
    shields.push(piece);
    return String.fromCharCode(SHIELD_BASE + shields.length - 1);
  };
  let working = text.replace(SHIELDED, (c) => shield(c));
  for (const piece of [...kept].filter((k) => k !== '').sort((a, b) => b.length - a.length)) {
    working = working.split(piece).join(shield(piece));
  }
  if (withGlossary) working = passOf(working, glossaryStep(), shield);
  for (const step of using) working = passOf(working, step, (value) => value);
  return { working, shields };
}

/** `text` through the glossary (unless left out) and `using`, shielded pieces put back. */
export function convertWith(
  using: readonly Step[],
  text: string,
  kept: readonly string[] = [],
  withGlossary = true,
): string {
  const { working, shields } = shieldAndRun(text, kept, using, withGlossary);
  return working.replace(SHIELDED, (c) => shields[c.charCodeAt(0) - SHIELD_BASE] ?? c);
}

/**
 * Traditional characters (Taiwan and Hong Kong forms) folded to their Simplified form, for matching
 * a typed header or option in whichever script it was typed.
 */
export function foldToSimplified(text: string): string {
  if (!HAN.test(text)) return text;
  fold ??= stepOf([FOLD_TO_SIMPLIFIED]).words;
  let out = '';
  for (const c of text) out += fold.get(c) ?? c;
  return out;
}

let unfold: ReadonlyMap<string, string> | undefined;

/**
 * The Traditional characters foldToSimplified reads as this Simplified one (会 → 會), so a
 * search of folded text can also find what a person typed in Traditional.
 */
export function traditionalFormsOf(simplified: string): string {
  if (!unfold) {
    const forms = new Map<string, string>();
    for (const [traditional, folded] of stepOf([FOLD_TO_SIMPLIFIED]).words)
      forms.set(folded, (forms.get(folded) ?? '') + traditional);
    unfold = forms;
  }
  return unfold.get(simplified) ?? '';
}
