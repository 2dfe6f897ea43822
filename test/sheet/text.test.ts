// The text catalogue: every entry speaks every language, says something, and in every language
// fills in the same parameters.

import { WRITTEN_LANGUAGES as LANGUAGES } from '../../src/sheet/language';
import * as text from '../../src/sheet/text';
import { type Phrase, inEveryLanguage, t, template } from '../../src/sheet/text';

type Texts = Readonly<Record<string, unknown>>;

/** Every entry of every area, by its path (`AUTOMATION.poolDeferred`); groups are walked into. */
function entriesOf(node: unknown, path: string): [string, Texts][] {
  if (typeof node !== 'object' || node === null) return [];
  if (LANGUAGES.some((language) => language in node)) return [[path, node as Texts]];
  return Object.entries(node).flatMap(([key, child]) => entriesOf(child, `${path}.${key}`));
}

const ENTRIES = Object.entries(text).flatMap(([name, area]) => entriesOf(area, name));
const TEMPLATES = ENTRIES.filter(([, texts]) => typeof texts.en === 'function');

/**
 * Stands in for parameter `at`: it reads as `⟦at⟧` as text, as 2 as a number (neither 0 nor 1, so
 * plurals show it), as a list of one, and any field of it (`header.en`) reads as the same mark.
 */
function mark(at: number): unknown {
  const tag = `⟦${at}⟧`;
  return new Proxy([tag], {
    get(list, key) {
      if (key === Symbol.toPrimitive) return (hint: string) => (hint === 'number' ? 2 : tag);
      if (key === 'toLowerCase' || key === 'toUpperCase') return () => tag;
      if (key in list) return Reflect.get(list, key);
      return typeof key === 'string' ? tag : undefined;
    },
  });
}

const marksIn = (filled: string) => [...new Set(filled.match(/⟦\d+⟧/g) ?? [])].sort();

describe('the text catalogue', () => {
  it('has entries in several areas', () => {
    expect(ENTRIES.length).toBeGreaterThan(50);
    expect(TEMPLATES.length).toBeGreaterThan(10);
  });

  it.each(ENTRIES)('%s has every language and nothing else', (_, texts) => {
    expect(Object.keys(texts).sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(ENTRIES)('%s is text in every language or a template in every language', (_, texts) => {
    const kinds = LANGUAGES.map((language) => typeof texts[language]);
    expect(new Set(kinds).size).toBe(1);
    expect(['string', 'function']).toContain(kinds[0]);
  });

  it.each(ENTRIES.filter(([, texts]) => typeof texts.en === 'string'))(
    '%s is never blank',
    (_, texts) => {
      for (const language of LANGUAGES) expect(String(texts[language]).trim()).not.toBe('');
    },
  );

  it.each(TEMPLATES)('%s fills in the same parameters in every language', (_, texts) => {
    const templates = LANGUAGES.map((language) => texts[language] as (...p: unknown[]) => string);
    const arity = Math.max(...templates.map((fill) => fill.length));
    const marks = Array.from({ length: arity }, (_, at) => mark(at));
    const filled = templates.map((fill) => fill(...marks));
    for (const one of filled) expect(one.trim()).not.toBe('');
    const [first, ...rest] = filled.map(marksIn);
    for (const other of rest) expect(other).toEqual(first);
  });
});

describe('t', () => {
  const greeting = template({
    en: (name: string) => `Hello ${name}`,
    zh: (name) => `${name}，您好`,
  });

  it('reads a phrase in the language asked for', () => {
    const phrase: Phrase = { en: 'Lead Tracker', zh: '线索跟踪' };
    expect(t('en', phrase)).toBe('Lead Tracker');
    expect(t('zh', phrase)).toBe('线索跟踪');
  });

  it('fills in a template', () => {
    expect(t('en', greeting, 'Ann')).toBe('Hello Ann');
    expect(t('zh', greeting, '张伟')).toBe('张伟，您好');
  });

  it('writes a message in every language, English first, for when none is known yet', () => {
    expect(inEveryLanguage(greeting, 'Ann')).toBe('Hello Ann Ann，您好');
  });

  it('adds the Traditional wording to a message in every language where it differs', () => {
    const note = { en: 'Leads', zh: '线索' };
    expect(inEveryLanguage(note)).toBe('Leads 线索 線索');
  });

  it('refuses, at compile time, an entry that lacks a language or whose languages disagree', () => {
    // @ts-expect-error: every language is required
    const missing: Phrase = { en: 'English only' };
    // @ts-expect-error: every language takes the parameters the first one takes
    const disagreeing = template({ en: (n: number) => `${n}`, zh: (n: string) => n });
    expect([missing, disagreeing]).toHaveLength(2);
  });
});
