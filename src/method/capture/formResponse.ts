// A Google Form response as lead fields: its question titles matched like Leads headers (SPEC
// §13.1), each answer list joined as the response sheet shows it.

import { locateColumns } from '../../sheet/headers';
import { LEAD_COLUMNS } from '../../sheet/tabs';
import { POSTED_FIELDS, type PostedField } from './postedLead';

const POSTED_COLUMNS = LEAD_COLUMNS.filter((c) =>
  (POSTED_FIELDS as readonly string[]).includes(c.key),
);

/** Which of the lead fields a row of question titles (or a response tab's header) holds. */
export function postedFieldsIn(titles: readonly unknown[]): Partial<Record<PostedField, number>> {
  return locateColumns(titles, POSTED_COLUMNS).index as Partial<Record<PostedField, number>>;
}

/**
 * e.namedValues → fields. Google gives each question's answers as a list (several for a checkbox
 * question); they are joined with ", " as in the response sheet. Unmatched questions are left out.
 */
export function fieldsOfResponse(
  namedValues: Readonly<Record<string, unknown>> | undefined,
): Partial<Record<PostedField, string>> {
  const titles = Object.keys(namedValues ?? {});
  const fields: Partial<Record<PostedField, string>> = {};
  for (const [field, at] of Object.entries(postedFieldsIn(titles)) as [PostedField, number][]) {
    const answers = (namedValues as Record<string, unknown>)[titles[at]];
    const list = Array.isArray(answers) ? answers : [answers];
    fields[field] = list
      .map((answer) => String(answer ?? '').trim())
      .filter(Boolean)
      .join(', ');
  }
  return fields;
}
