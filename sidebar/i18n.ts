// How the sidebar names fields, options and problems. The words come from the text catalogue and the
// sheet's own headers and options, so the sidebar and the sheet always agree.

import {
  type FieldProblem,
  fieldLabel,
  problemMessage,
} from '../src/method/followUp/followUpContract';
import type { Language } from '../src/sheet/language';
import { findOption, type Option, STATUS } from '../src/sheet/options';
import { FOLLOWUP_COLUMNS, LEAD_COLUMNS, type LeadColumnKey } from '../src/sheet/tabs';
import { t } from '../src/sheet/text/entry';
import { FOLLOW_UP } from '../src/sheet/text/followUp';
import { optionalLabel } from '../src/sheet/language';

export { fieldLabel };

/** A problem as one sentence beside its field: `Content is required`, `沟通内容：必填`. */
export function problemText(problem: FieldProblem, language: Language): string {
  const label = fieldLabel(problem.field, language);
  return t(language, FOLLOW_UP.problemBeside, label, problemMessage(problem.code, language));
}

/** The label of the option with `key`, or undefined when there is none. */
export function optionLabel(
  options: readonly Option[],
  key: string | null,
  language: Language,
): string | undefined {
  return optionalLabel(
    language,
    options.find((option) => option.key === key),
  );
}

/** A value the sheet holds in either language (or as a key), in `language`; unknown text as it is. */
export function sheetValueIn(options: readonly Option[], text: string, language: Language): string {
  return optionalLabel(language, findOption(options, text)) ?? text;
}

/** A Leads column header, the words the sheet itself uses. */
export function leadColumnLabel(key: LeadColumnKey, language: Language): string {
  return optionalLabel(language, LEAD_COLUMNS.find((column) => column.key === key)?.header) ?? key;
}

/** The Follow-ups tab's "By" header, the one history field the contract does not label. */
export function followUpByLabel(language: Language): string {
  return (
    optionalLabel(language, FOLLOWUP_COLUMNS.find((column) => column.key === 'by')?.header) ?? 'By'
  );
}

/** The Key follow-up checkbox: what it means and the status it sets. */
export function keyFollowUpLabel(language: Language): string {
  const status = optionLabel(STATUS, 'keyFollowUp', language);
  return `${fieldLabel('keyFollowUp', language)} → ${status}`;
}
