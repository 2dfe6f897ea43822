// The search a person types in the sidebar, as one regular expression for Google's TextFinder: it
// finds on Google's side the cells the sidebar's own matching would find, so the script reads only
// the rows that match instead of every lead's searched columns.

import { normalizePhone } from '../assignment/duplicates';
import { traditionalFormsOf } from '../../sheet/hant/convert';
import { foldText } from '../../sheet/language';

/** Characters a regular expression treats specially, in RE2 (Google's) and JavaScript alike. */
const SPECIAL = /[\\^$.|?*+()[\]{}-]/g;
/** Spaces people type inside names and numbers: the sidebar's matching ignores them. */
const SPACES = '[\\s\u3000]*';
/** What people put between a phone's digits. */
const PHONE_SEPARATORS = '[\\s()+\\-]*';

const escape = (ch: string) => ch.replace(SPECIAL, '\\$&');

/**
 * One folded character, with the forms folding reads as it: full-width for ASCII (NFKC folds that
 * back) and Traditional for Simplified (會 for 会), so a cell typed either way is found.
 */
function characterPattern(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code > 0x20 && code < 0x7f) {
    return `[${escape(ch)}${String.fromCharCode(code + 0xfee0)}]`;
  }
  const traditional = traditionalFormsOf(ch);
  return traditional ? `[${ch}${traditional}]` : escape(ch);
}

/**
 * A case-insensitive pattern for cells holding the query as the sidebar matches it: folded (width,
 * case and spaces ignored) and, for a query of digits, the phone's digits with any separators. It
 * may find a little more than the sidebar's matching (the caller checks each row it reads); it
 * never finds less. Undefined when the query has nothing to search for.
 */
export function searchPattern(query: string): string | undefined {
  const folded = foldText(query);
  if (!folded) return undefined;
  const text = [...folded].map(characterPattern).join(SPACES);
  const phone = /^[\d\s+()-]+$/.test(query.trim())
    ? (normalizePhone(query) ?? query.replace(/\D/g, ''))
    : '';
  if (phone.length < 3) return text;
  return `${text}|${[...phone].join(PHONE_SEPARATORS)}`;
}
