// What a batch pass says about rows it left without a Lead ID: they hold a lead's details but
// nothing a pass can find them again by (contact, phone, company), so only an edit numbers them.

import type { Language } from '../sheet/language';
import { SHEETS, t } from '../sheet/text';
import type { LogEntry } from '../gas/log';

/** Rows a toast names before it only counts: a toast is a few lines. */
const TOAST_ROWS = 3;
/** Rows a Log line names: enough to find them all in a paste, far below a cell's limit. */
const LOG_ROWS = 50;

export interface WaitingRows {
  /** 0-based data rows, as the pass reported them. */
  readonly rows: readonly number[];
  /** The sheet row of the header: data row 0 is the row below it. */
  readonly headerRow: number;
  /** The tab's name, asked only when there are rows to name. */
  readonly tabName: () => string;
}

function waitingText(waiting: WaitingRows, shown: number, language: Language): string {
  const { rows, headerRow } = waiting;
  const named = rows.slice(0, shown).map((row) => String(headerRow + 1 + row));
  const separator = language === 'en' ? ', ' : '、';
  return t(
    language,
    SHEETS.waiting,
    rows.length,
    waiting.tabName(),
    named.join(separator),
    rows.length - named.length,
  );
}

/** The Log line naming the rows left unnumbered; none when there are none. */
export function waitingLog(waiting: WaitingRows, language: Language): LogEntry[] {
  if (waiting.rows.length === 0) return [];
  return [
    { action: t(language, SHEETS.waitingAction), detail: waitingText(waiting, LOG_ROWS, language) },
  ];
}

/** A toast's extra line for rows left unnumbered, or '' when there are none. */
export function waitingToast(waiting: WaitingRows, language: Language): string {
  return waiting.rows.length === 0 ? '' : waitingText(waiting, TOAST_ROWS, language);
}
