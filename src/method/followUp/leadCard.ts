// The sidebar's view of a lead (SPEC §8): its card with history newest first, and lead search;
// plain JSON out, times as ISO strings, since google.script.run cannot carry Date objects.

import { isDate } from '../../sheet/calendar';
import type { HistoryEntry, LeadCard, LeadSummary } from './followUpContract';
import { foldText } from '../../sheet/language';
import { normalizePhone } from '../assignment/duplicates';
import { dateOf, statusOf, textOf } from '../../sheet/cells';

type Cells = Readonly<Record<string, unknown>> & { readonly status: unknown };

const iso = (value: unknown): string | null => (isDate(value) ? value.toISOString() : null);

/** A lead's follow-ups, newest first; of two at the same minute, the later row is the newer. */
export function historyOf(
  rows: readonly Readonly<Record<string, unknown>>[],
  leadId: string,
): HistoryEntry[] {
  return rows
    .map((row, order) => ({ row, order }))
    .filter(({ row }) => textOf(row.leadId) === leadId)
    .sort((a, b) => {
      const difference = timeOf(b.row.time) - timeOf(a.row.time);
      return difference !== 0 && !Number.isNaN(difference) ? difference : b.order - a.order;
    })
    .map(({ row }) => ({
      time: iso(row.time),
      method: textOf(row.method),
      content: textOf(row.content),
      feedback: textOf(row.feedback),
      nextAction: textOf(row.nextAction),
      nextFollowUp: iso(row.nextFollowUp),
      by: textOf(row.by),
    }));
}

const timeOf = (value: unknown) => (isDate(value) ? value.getTime() : -Infinity);

/** Whether the first-contact deadline was met: null while it is still open or when there is none. */
function firstContactMet(lead: Cells, now: Date): boolean | null {
  const due = dateOf(lead.firstContactDue);
  if (!due) return null;
  const contacted = dateOf(lead.firstContactAt);
  if (contacted) return contacted <= due;
  return now > due ? false : null;
}

export function leadCardOf(
  lead: Cells,
  history: readonly HistoryEntry[],
  now: Date,
  suggestedNextFollowUp: string | null,
): LeadCard {
  const score = typeof lead.score === 'number' ? lead.score : null;
  return {
    id: textOf(lead.id),
    contact: textOf(lead.contact),
    company: textOf(lead.company),
    phone: textOf(lead.phone),
    source: textOf(lead.source),
    need: textOf(lead.need),
    grade: textOf(lead.grade),
    score,
    scoreNote: textOf(lead.scoreNote),
    owner: textOf(lead.owner),
    status: textOf(lead.status),
    statusKey: statusOf(lead) ?? null,
    firstContactDue: iso(lead.firstContactDue),
    firstContactAt: iso(lead.firstContactAt),
    firstContactMet: firstContactMet(lead, now),
    lastFollowUpAt: iso(lead.lastFollowUpAt),
    nextFollowUpDue: iso(lead.nextFollowUpDue),
    suggestedNextFollowUp,
    history: [...history],
  };
}

const digits = (value: unknown) => textOf(value).replace(/\D/g, '');

/** Leads a search lists at most: a sidebar shows a short list, and a longer query narrows it. */
export const SEARCH_LIMIT = 20;

/** The fields search looks in; the rest of a lead is not needed to find it. */
export const SEARCHED_KEYS = ['id', 'company', 'contact', 'phone'] as const;

/**
 * Positions of the leads whose ID, company, contact or phone contain the query (case-insensitive;
 * phones by digits), at most `limit`, in order.
 */
export function searchHits(
  leads: readonly Readonly<Record<string, unknown>>[],
  query: string,
  limit = SEARCH_LIMIT,
): number[] {
  const folded = foldText(query);
  if (!folded) return [];
  // A typed `+86 138…` finds `138…`: the query is normalised like phones are for duplicates.
  const queryDigits = /^[\d\s+()-]+$/.test(query.trim())
    ? (normalizePhone(query) ?? digits(query))
    : '';
  const found: number[] = [];
  for (let at = 0; at < leads.length && found.length < limit; at++) {
    const lead = leads[at];
    if (!textOf(lead.id)) continue;
    const hit =
      SEARCHED_KEYS.some((key) => foldText(lead[key]).includes(folded)) ||
      (queryDigits.length >= 3 && digits(lead.phone).includes(queryDigits));
    if (hit) found.push(at);
  }
  return found;
}

/** A search result as the sidebar lists it. */
export function summaryOf(lead: Readonly<Record<string, unknown>>): LeadSummary {
  return {
    id: textOf(lead.id),
    contact: textOf(lead.contact),
    company: textOf(lead.company),
    phone: textOf(lead.phone),
    grade: textOf(lead.grade),
    status: textOf(lead.status),
    owner: textOf(lead.owner),
  };
}

/** Leads whose ID, company, contact or phone contain the query (case-insensitive; phones by digits). */
export function searchLeadRecords(
  leads: readonly Cells[],
  query: string,
  limit = SEARCH_LIMIT,
): LeadSummary[] {
  return searchHits(leads, query, limit).map((at) => summaryOf(leads[at]));
}
