// Characters that exist only in Simplified Chinese, from OpenCC's data: a character its Simplified →
// Traditional step changes and that no Traditional text uses (线 is one; 干, 着 and 里 are not).

import OpenCC from 'opencc-js';

function pairs(groups: readonly (readonly (string | readonly (readonly [string, string])[])[])[]) {
  return groups
    .flat()
    .flatMap((dict) =>
      typeof dict === 'string'
        ? dict.split('|').map((pair) => pair.split(' '))
        : dict.map((p) => [...p]),
    );
}

let cached: Set<string> | undefined;

/** Every Simplified-only character OpenCC knows. */
export function simplifiedOnlyCharacters(): Set<string> {
  if (cached) return cached;
  const traditional = new Set<string>();
  for (const [, to] of pairs(OpenCC.Locale.from.cn)) for (const c of to) traditional.add(c);
  for (const [from] of pairs(OpenCC.Locale.to.cn)) for (const c of from) traditional.add(c);
  for (const [, to] of pairs([...OpenCC.Locale.to.twp, ...OpenCC.Locale.to.hk])) {
    for (const c of to) traditional.add(c);
  }
  cached = new Set(
    pairs(OpenCC.Locale.from.cn)
      .filter(([from, to]) => Array.from(from).length === 1 && from !== to)
      .map(([from]) => from)
      .filter((c) => !traditional.has(c)),
  );
  return cached;
}

/** The Simplified-only characters in `text`, in order of appearance. */
export function simplifiedOnlyIn(text: string): string[] {
  const only = simplifiedOnlyCharacters();
  return Array.from(text).filter((c) => only.has(c));
}
