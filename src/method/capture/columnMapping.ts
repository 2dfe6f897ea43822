// Checks a "Map columns" choice against the Leads header row before anything is stored: which field
// each header of the team's sheet holds (SPEC §13.1), every problem named at once.

import { foldText, type Language } from '../../sheet/language';
import { COLUMNS, t } from '../../sheet/text';
import { leadFieldOf } from '../settings/settingsParse';

export type MappingCheck =
  | { readonly ok: true; readonly mapping: Readonly<Record<string, string>> }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * `input` maps a field (its key, or its header in any language) to a header of the sheet; a blank
 * header means "found by name". Headers are stored as the sheet spells them.
 */
export function checkMapping(
  input: unknown,
  header: readonly unknown[],
  tab: string,
  headerRow: number,
  language: Language,
): MappingCheck {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: [t(language, COLUMNS.notAMapping)] };
  }
  const problems: string[] = [];
  const mapping: Record<string, string> = {};
  const headerAt = new Map<string, string>();
  for (const cell of header) {
    const text = String(cell ?? '').trim();
    if (text !== '' && !headerAt.has(foldText(text))) headerAt.set(foldText(text), text);
  }
  const chosen = new Map<string, string>();
  for (const [fieldText, value] of Object.entries(input as Record<string, unknown>)) {
    const field = leadFieldOf(fieldText);
    if (!field) {
      problems.push(t(language, COLUMNS.notAField, fieldText));
      continue;
    }
    const wanted = String(value ?? '').trim();
    if (wanted === '') continue;
    const found = headerAt.get(foldText(wanted));
    if (found === undefined) {
      problems.push(t(language, COLUMNS.notAHeader, wanted, tab, headerRow));
      continue;
    }
    if (chosen.has(foldText(found))) {
      problems.push(t(language, COLUMNS.headerTwice, found));
      continue;
    }
    chosen.set(foldText(found), field);
    mapping[field] = found;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, mapping };
}
