// A lead sent by a web form or a Google Form, checked field by field: the cells to write, or every
// problem named by its field (SPEC §13.3: a bad lead is refused whole, nothing is written).

import { normalizePhone } from '../assignment/duplicates';
import type { Language } from '../../sheet/language';
import { LEAD_COLUMNS } from '../../sheet/tabs';
import { APP, CAPTURE, t } from '../../sheet/text';
import { labelIn } from '../../sheet/language';

/** The Leads columns a form may fill, by their column keys. */
export const POSTED_FIELDS = [
  'contact',
  'phone',
  'company',
  'source',
  'need',
  'budget',
  'expectedClose',
  'region',
  'industry',
] as const;

export type PostedField = (typeof POSTED_FIELDS)[number];

/** Every field as text, blank where not given; the source filled in. */
export type PostedLead = Readonly<Record<PostedField, string>>;

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export type PostedResult =
  | { readonly ok: true; readonly lead: PostedLead }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/**
 * Longest text taken per field. A cell holds 50,000 characters; these keep a lead readable and one
 * request far from that, and stop a form being used to fill the spreadsheet.
 */
export const MAX_CHARS: Readonly<Record<PostedField | 'note', number>> = {
  contact: 100,
  phone: 100,
  company: 200,
  source: 50,
  need: 5000,
  budget: 100,
  expectedClose: 50,
  region: 100,
  industry: 100,
  note: 5000,
};

/** Control characters other than line breaks and tabs carry nothing a person typed. */
const CONTROL = /[^\P{Cc}\t\n\r]/gu;

function labelOf(field: PostedField | 'note', language: Language): string {
  if (field === 'note') return t(language, CAPTURE.noteLabel);
  const column = LEAD_COLUMNS.find((c) => c.key === field);
  return column ? labelIn(language, column.header) : field;
}

/** A field's text, or undefined when it is not text (an object or a list). */
function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.replace(CONTROL, '').trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * Checks a posted lead. Contact and phone are required and the phone must identify someone (the
 * duplicate check's reading of it); every field must be text within its length. A note has no
 * column of its own: it joins the Need cell. A blank source becomes `defaultSource`.
 */
export function readPostedLead(
  fields: Readonly<Record<string, unknown>>,
  language: Language,
  defaultSource: string,
): PostedResult {
  const errors: FieldError[] = [];
  const values: Record<string, string> = {};
  for (const field of [...POSTED_FIELDS, 'note'] as const) {
    const text = textOf(fields[field]);
    const label = labelOf(field, language);
    if (text === undefined) {
      errors.push({ field, message: t(language, CAPTURE.notText, label) });
      continue;
    }
    if (text.length > MAX_CHARS[field]) {
      errors.push({ field, message: t(language, CAPTURE.tooLong, label, MAX_CHARS[field]) });
      continue;
    }
    values[field] = text;
  }
  for (const field of ['contact', 'phone'] as const) {
    if (values[field] === '') {
      errors.push({ field, message: t(language, CAPTURE.required, labelOf(field, language)) });
    }
  }
  if (values.phone && normalizePhone(values.phone) === undefined) {
    errors.push({
      field: 'phone',
      message: t(language, CAPTURE.phoneUnreadable, labelOf('phone', language)),
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  const note = values.note ? t(language, APP.labelled, labelOf('note', language), values.note) : '';
  const lead = Object.fromEntries(POSTED_FIELDS.map((f) => [f, values[f]])) as Record<
    PostedField,
    string
  >;
  lead.need = [lead.need, note].filter(Boolean).join('\n');
  lead.source ||= defaultSource;
  return { ok: true, lead };
}
