// Turns what the follow-up form holds (raw strings and a checkbox) into the submitFollowUp payload.

/** The form's controls as read from the page: nothing parsed, nothing trimmed. */
export interface FollowUpFormValues {
  readonly leadId: string;
  readonly method: string;
  /** A datetime-local value (`2024-05-01T14:30`, the browser's clock), or '' when cleared. */
  readonly time: string;
  readonly content: string;
  readonly feedback: string;
  readonly nextAction: string;
  /** A date input value (`2024-05-03`), or ''. */
  readonly nextFollowUp: string;
  readonly keyFollowUp: boolean;
  /** '' when the follow-up decides nothing. */
  readonly result: string;
  readonly amount: string;
  readonly keyFactors: string;
  readonly reason: string;
  readonly reasonOther: string;
  readonly summary: string;
}

/**
 * The payload before validation. Values the form could not read (an unparsable time, a non-numeric
 * amount) are kept as they are, so the contract's check names the field instead of a guess hiding it.
 */
export interface FollowUpPayload {
  readonly leadId: string;
  readonly method: string;
  readonly content: string;
  readonly time?: string;
  readonly feedback?: string;
  readonly nextAction?: string;
  readonly nextFollowUp?: string;
  readonly keyFollowUp: boolean;
  readonly outcome?: OutcomePayload;
}

export interface OutcomePayload {
  readonly result: string;
  readonly amount?: number;
  readonly reason?: string;
  readonly keyFactors?: string;
  readonly summary?: string;
}

/** The outcome controls the form shows; hidden ones are never sent, whatever they still hold. */
export interface OutcomeFieldsShown {
  readonly amount: boolean;
  readonly keyFactors: boolean;
  readonly reason: boolean;
  readonly reasonOther: boolean;
  readonly summary: boolean;
}

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;
const REASON_NEEDED = ['notWon', 'lost'];

/** Which outcome controls belong to `result` (SPEC §6: won needs an amount, not won / lost a reason). */
export function outcomeFieldsShown(result: string, reason: string): OutcomeFieldsShown {
  const decided = result !== '';
  const needsReason = REASON_NEEDED.includes(result);
  return {
    amount: result === 'won',
    keyFactors: result === 'won',
    reason: needsReason,
    reasonOther: needsReason && reason === 'other',
    summary: decided,
  };
}

/** Builds the submitFollowUp payload; blank optional fields are left out rather than sent empty. */
export function followUpPayload(values: FollowUpFormValues): FollowUpPayload {
  return withoutUndefined({
    leadId: values.leadId.trim(),
    method: values.method,
    content: values.content.trim(),
    time: isoFromLocalDateTime(values.time),
    feedback: optionalText(values.feedback),
    nextAction: optionalText(values.nextAction),
    nextFollowUp: optionalText(values.nextFollowUp),
    keyFollowUp: values.keyFollowUp,
    outcome: outcomePayload(values),
  });
}

function outcomePayload(values: FollowUpFormValues): OutcomePayload | undefined {
  if (values.result === '') return undefined;
  const shown = outcomeFieldsShown(values.result, values.reason);
  return withoutUndefined({
    result: values.result,
    amount: shown.amount ? amountFromInput(values.amount) : undefined,
    keyFactors: shown.keyFactors ? optionalText(values.keyFactors) : undefined,
    reason: shown.reason ? reasonFromInputs(values.reason, values.reasonOther) : undefined,
    summary: shown.summary ? optionalText(values.summary) : undefined,
  });
}

/**
 * A datetime-local value read in the browser's time zone, as an ISO instant. The spreadsheet's
 * offset is not known here, and the browser's clock is the one the person typed against.
 */
export function isoFromLocalDateTime(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (!LOCAL_DATE_TIME.test(trimmed)) return trimmed;
  const time = new Date(trimmed);
  return Number.isNaN(time.getTime()) ? trimmed : time.toISOString();
}

/** The value a datetime-local control needs to show `moment` on the browser's clock. */
export function localDateTimeValue(moment: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}` +
    `T${pad(moment.getHours())}:${pad(moment.getMinutes())}`
  );
}

/** The amount in 万; NaN for text that is no number, which the contract reports as not valid. */
export function amountFromInput(value: string): number | undefined {
  const trimmed = value.trim().replace(/,/g, '');
  return trimmed === '' ? undefined : Number(trimmed);
}

/** The reason key, or the person's own words when they chose "other" and wrote some. */
export function reasonFromInputs(reason: string, otherText: string): string | undefined {
  if (reason === '') return undefined;
  const ownWords = otherText.trim();
  return reason === 'other' && ownWords !== '' ? ownWords : reason;
}

function optionalText(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

// google.script.run may turn an undefined property into null, which the contract rejects; leave
// such keys out instead.
function withoutUndefined<T extends object>(record: T): T {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) kept[key] = value;
  return kept as T;
}
