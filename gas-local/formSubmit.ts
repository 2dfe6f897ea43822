// A Google Form response landing in a spreadsheet (guides/triggers/events, "Form submit"): the row
// Google writes to the response tab, and the event its form-submit triggers get.

import { formatDate } from './zone';

export interface FormResponse {
  /** The response tab (Google names it "Form Responses 1"). */
  readonly sheet: string;
  /** Answers by question title; a checkbox question's several answers as a list. */
  readonly answers: Readonly<Record<string, string | readonly string[]>>;
}

/** The header Google writes: the timestamp first, then one column per question. */
export const TIMESTAMP_HEADER = 'Timestamp';

/**
 * The response row under `header` (question titles, a column added at the end for each new
 * question) and the event's `values` (display text, timestamp first) and `namedValues` (title →
 * [answer]). Several answers show joined with ", " as the response sheet shows them.
 */
export function formResponseRow(
  header: readonly string[],
  response: FormResponse,
  now: number,
  timeZone: string,
): { header: string[]; row: unknown[]; values: string[]; namedValues: Record<string, string[]> } {
  const titles = header.length > 0 ? [...header] : [TIMESTAMP_HEADER];
  for (const title of Object.keys(response.answers))
    if (!titles.includes(title)) titles.push(title);
  const stamp = formatDate(now, timeZone, 'M/d/yyyy H:mm:ss');
  const text = (title: string, i: number) => {
    if (i === 0) return stamp;
    const answer = response.answers[title];
    return Array.isArray(answer) ? answer.join(', ') : String(answer ?? '');
  };
  const values = titles.map(text);
  const namedValues = Object.fromEntries(titles.map((title, i) => [title, [values[i]]]));
  return { header: titles, row: [...values], values, namedValues };
}
