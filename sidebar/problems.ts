// Where a problem with a contract field shows in the form: the control to mark and the message's id.

import type { FieldProblem } from '../src/method/followUp/followUpContract';
import type { FollowUpFormValues } from './formPayload';

/** Contract fields with a control of their own, in the order the form shows them. */
export const FORM_FIELDS = [
  { field: 'method', controlId: 'method' },
  { field: 'time', controlId: 'time' },
  { field: 'content', controlId: 'content' },
  { field: 'feedback', controlId: 'feedback' },
  { field: 'nextAction', controlId: 'nextAction' },
  { field: 'nextFollowUp', controlId: 'nextFollowUp' },
  { field: 'keyFollowUp', controlId: 'keyFollowUp' },
  { field: 'outcome.result', controlId: 'result' },
  { field: 'outcome.amount', controlId: 'amount' },
  { field: 'outcome.keyFactors', controlId: 'keyFactors' },
  { field: 'outcome.reason', controlId: 'reason' },
  { field: 'outcome.summary', controlId: 'summary' },
] as const;

/** The id of the message element beside a field: `outcome.amount` → `error-outcome-amount`. */
export function errorElementId(field: string): string {
  return `error-${field.replace(/\./g, '-')}`;
}

/**
 * The control a problem belongs to, or null for fields the person cannot edit (leadId, the whole
 * form), whose problems go to the form-wide message. A reason written in the "other" box is that
 * box's problem, not the drop-down's.
 */
export function problemControlId(field: string, values: FollowUpFormValues): string | null {
  if (field === 'outcome.reason' && values.reason === 'other' && values.reasonOther.trim() !== '') {
    return 'reasonOther';
  }
  return FORM_FIELDS.find((f) => f.field === field)?.controlId ?? null;
}

/** Problems sorted as the form shows their fields, so focus lands on the topmost bad one. */
export function inFormOrder(problems: readonly FieldProblem[]): FieldProblem[] {
  // Fields without a control (-1) come first; they have nothing to focus and show above the button.
  const rank = (field: string) => FORM_FIELDS.findIndex((f) => f.field === field);
  return [...problems].sort((a, b) => rank(a.field) - rank(b.field));
}

/**
 * The fields a server error names. The server writes one problem a line, the field path in
 * brackets: `Content (content): is required`, or `沟通内容（content）：必填`.
 */
export function fieldsNamedIn(message: string): string[] {
  const fields: string[] = [];
  for (const line of message.split('\n')) {
    const named = /[(（]([A-Za-z][\w.]*)[)）]\s*[:：]/.exec(line);
    if (named && !fields.includes(named[1])) fields.push(named[1]);
  }
  return fields;
}
