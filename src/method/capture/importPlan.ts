// Which rows of a list a team brings in (a trade show's, another system's export) become leads,
// which of them match a lead the team already has, and which cannot be read (SPEC §13.2). Pure:
// rows in, a plan out; the operation reads the tabs and writes the plan.

import { isBlank, textOf } from '../../sheet/cells';
import type { Language } from '../../sheet/language';
import { IMPORT, t } from '../../sheet/text';
import type { LeadColumnKey } from '../../sheet/tabs';
import {
  addCandidate,
  buildDuplicateIndex,
  type DuplicateCandidate,
  duplicateNote,
  findDuplicate,
} from '../assignment/duplicates';

/** A row of the list: its sheet row (1-based) and its cells by Leads field. */
export interface ListRow {
  readonly row: number;
  readonly lead: Readonly<Partial<Record<LeadColumnKey, unknown>>>;
  /** The list's "Imported as" cell: the Lead ID a previous import gave this row. */
  readonly importedAs: unknown;
}

export interface ImportProblem {
  readonly row: number;
  readonly field: LeadColumnKey;
  readonly message: string;
}

export interface PlannedLead {
  readonly row: number;
  readonly lead: Readonly<Partial<Record<LeadColumnKey, unknown>>>;
}

export interface ImportPlan {
  /** Rows of the list with content (blank rows are no leads). */
  readonly rows: number;
  /** Rows to add, in list order. */
  readonly newLeads: readonly PlannedLead[];
  /** Rows imported before (their "Imported as" holds a Lead ID): left alone. */
  readonly alreadyImported: number;
  readonly problems: readonly ImportProblem[];
}

/**
 * Plans an import: every row with content that no earlier import took and that names its customer
 * (a contact or a phone) is a new lead; the rest are reported by row and field.
 */
export function planImport(rows: readonly ListRow[], language: Language): ImportPlan {
  const newLeads: PlannedLead[] = [];
  const problems: ImportProblem[] = [];
  let alreadyImported = 0;
  let withContent = 0;
  for (const row of rows) {
    const hasContent = Object.values(row.lead).some((value) => !isBlank(value));
    if (!hasContent) continue;
    withContent++;
    if (!isBlank(row.importedAs)) {
      alreadyImported++;
      continue;
    }
    if (isBlank(row.lead.contact) && isBlank(row.lead.phone)) {
      problems.push({ row: row.row, field: 'contact', message: t(language, IMPORT.needsContact) });
      continue;
    }
    newLeads.push({ row: row.row, lead: row.lead });
  }
  return { rows: withContent, newLeads, alreadyImported, problems };
}

/**
 * The Possible duplicate note of each new lead (by §3's rules: the same phone, or the same company
 * and contact, as an open lead, a pool lead, or a lead earlier in the same list), given the IDs the
 * new leads get. Undefined where a lead matches none.
 */
export function duplicatesOf(
  existing: readonly DuplicateCandidate[],
  newLeads: readonly { id: string; lead: Readonly<Partial<Record<LeadColumnKey, unknown>>> }[],
  language: Language,
): ({ note: string; leadId: string } | undefined)[] {
  const index = buildDuplicateIndex(existing);
  return newLeads.map(({ id, lead }) => {
    const candidate = {
      id,
      phone: lead.phone ?? '',
      company: lead.company ?? '',
      contact: lead.contact ?? '',
    };
    const match = findDuplicate(index, candidate);
    addCandidate(index, { ...candidate, owner: '', inPool: false });
    return match ? { note: duplicateNote(match, language), leadId: textOf(match.id) } : undefined;
  });
}
