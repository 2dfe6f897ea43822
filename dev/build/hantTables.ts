// Generates src/sheet/hant/tables.generated.ts: the slice of OpenCC's Simplified → Taiwan
// Traditional dictionaries (and the Traditional → Simplified characters) that the product's own
// Chinese text uses, so the bundle converts like OpenCC without carrying all of it.

import OpenCC, { type DictGroup, type DictLike } from 'opencc-js';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HANT_GLOSSARY } from '../../src/sheet/hant/glossary';
import { type Step, shieldAndRun, stepOf } from '../../src/sheet/hant/convert';

const ROOT = join(__dirname, '..', '..');
export const HANT_TABLES_FILE = join(ROOT, 'src/sheet/hant/tables.generated.ts');
/** Where the product's Chinese text lives; the converter's own folder is not text to convert. */
const SOURCE_DIRS = ['src', 'sidebar'];
const SKIPPED_DIR = join(ROOT, 'src/sheet/hant');
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** `a b|c d` text of one dictionary, whichever form OpenCC ships it in. */
function dictText(dict: DictLike): string {
  return typeof dict === 'string' ? dict : dict.map(([from, to]) => `${from} ${to}`).join('|');
}

/** OpenCC's Simplified → Taiwan (with Taiwan phrases) steps, each a list of dictionaries. */
export function taiwanDictionaries(): string[][] {
  const groups: readonly DictGroup[] = [...OpenCC.Locale.from.cn, ...OpenCC.Locale.to.twp];
  return groups.map((group) => group.map(dictText));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (path === SKIPPED_DIR) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Every source line holding Chinese, a template's `${…}` replaced by a private-use character as the
 * run-time converter shields arguments, plus the glossary's terms. Sorted, so the output is stable.
 */
export function chineseCorpus(): string[] {
  const lines = new Set<string>(Object.keys(HANT_GLOSSARY));
  for (const dir of SOURCE_DIRS) {
    for (const file of sourceFiles(join(ROOT, dir)).sort()) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (HAN.test(line)) lines.add(line.trim().replace(/\$\{[^}]*\}/g, '\ue000'));
      }
    }
  }
  return [...lines].sort();
}

function substringsOf(texts: readonly string[], longest: number): Set<string> {
  const found = new Set<string>();
  for (const text of texts) {
    const chars = Array.from(text);
    for (let i = 0; i < chars.length; i++) {
      for (let length = 1; length <= longest && i + length <= chars.length; length++) {
        found.add(chars.slice(i, i + length).join(''));
      }
    }
  }
  return found;
}

/** Each step's dictionaries cut to the words that occur in the corpus as that step receives it. */
export function usedSteps(corpus: readonly string[]): string[][] {
  const full = taiwanDictionaries();
  const fullSteps: Step[] = full.map(stepOf);
  return full.map((dictionaries, k) => {
    // Both wordings: the product's (glossary first) and OpenCC's own, which recognition accepts.
    const inputs = [true, false].flatMap((withGlossary) =>
      corpus.map((line) => shieldAndRun(line, [], fullSteps.slice(0, k), withGlossary).working),
    );
    const present = substringsOf(inputs, fullSteps[k].longest);
    return dictionaries.map((dictionary) =>
      dictionary
        .split('|')
        .filter((pair) => present.has(pair.split(' ')[0]))
        .join('|'),
    );
  });
}

/** Single characters of a set of dictionaries, as [from, to]. */
function characterPairs(groups: readonly DictGroup[]): [string, string][] {
  return groups
    .flatMap((group) => group.map(dictText))
    .flatMap((text) => text.split('|').map((pair) => pair.split(' ') as [string, string]))
    .filter(([from, to]) => Array.from(from).length === 1 && Array.from(to).length === 1);
}

/**
 * Traditional characters, in their standard, Taiwan and Hong Kong forms, whose Simplified form the
 * corpus uses: what a header or option typed in Traditional folds to.
 */
export function foldPairs(corpus: readonly string[]): string {
  const simplified = new Set(corpus.flatMap((line) => Array.from(line)).filter((c) => HAN.test(c)));
  const fold = new Map<string, string>();
  for (const [traditional, simple] of characterPairs(OpenCC.Locale.to.cn)) {
    if (traditional !== simple && simplified.has(simple) && !fold.has(traditional)) {
      fold.set(traditional, simple);
    }
  }
  const variants = [
    ...characterPairs(OpenCC.Locale.from.tw),
    ...characterPairs(OpenCC.Locale.from.hk),
  ];
  for (const [variant, standard] of variants) {
    const simple = fold.get(standard) ?? (simplified.has(standard) ? standard : undefined);
    if (simple !== undefined && variant !== simple && !fold.has(variant)) fold.set(variant, simple);
  }
  return [...fold]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([from, to]) => `${from} ${to}`)
    .join('|');
}

const quoted = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** A step's dictionaries as TypeScript: on one line when it fits, else one dictionary a line. */
function stepSource(dictionaries: readonly string[]): string {
  const line = `  [${dictionaries.map(quoted).join(', ')}],`;
  if (line.length <= 100) return line;
  return ['  [', ...dictionaries.map((d) => `    ${quoted(d)},`), '  ],'].join('\n');
}

/** The generated file's text (listed in .prettierignore: its lines are as long as the data). */
export function hantTablesSource(): string {
  const corpus = chineseCorpus();
  return [
    `// Generated by dev/build/hantTables.ts (npm run build) from OpenCC's dictionaries: do not edit.`,
    `// The words of Simplified → Taiwan Traditional that the product's own text uses, step by step.`,
    ``,
    `/** OpenCC's conversion steps (Simplified → Traditional, Taiwan phrases, Taiwan variants). */`,
    `export const TAIWAN_STEPS: readonly (readonly string[])[] = [`,
    ...usedSteps(corpus).map(stepSource),
    `];`,
    ``,
    `/** Traditional (standard, Taiwan and Hong Kong) characters → Simplified, as \`t s|t s\`. */`,
    `export const FOLD_TO_SIMPLIFIED = ${quoted(foldPairs(corpus))};`,
    ``,
  ].join('\n');
}

/** Writes the generated tables when they changed; true when they did. */
export async function writeHantTables(): Promise<boolean> {
  const text = hantTablesSource();
  let current = '';
  try {
    current = readFileSync(HANT_TABLES_FILE, 'utf8');
  } catch {
    // A clean checkout without the file yet: write it.
  }
  if (current === text) return false;
  writeFileSync(HANT_TABLES_FILE, text);
  console.log(`${relative(ROOT, HANT_TABLES_FILE)} regenerated`);
  return true;
}

if (require.main === module) {
  writeHantTables().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
