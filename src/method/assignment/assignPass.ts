// One assignment pass over Leads (SPEC §3, §4): flags possible duplicates, gives unowned leads an
// owner by the rules, and sets Assigned at, First contact due and Next follow-up due.

import { type TimeZone } from '../../sheet/calendar';
import type { CellChange } from '../../sheet/cellWrites';
import { chooseOwner, isAssignable, type RoundRobin } from './assignment';
import {
  addCandidate,
  buildDuplicateIndex,
  wantedKeys,
  type DuplicateCandidate,
  duplicateNote,
  findDuplicate,
} from './duplicates';
import { firstContactDue, nextFollowUpDue } from '../followUp/deadlines';
import type { Language } from '../../sheet/language';
import {
  dateOf,
  isBlank,
  isOpen,
  type LeadRecord,
  recordOf,
  statusOf,
  textOf,
} from '../../sheet/cells';
import type { Grade } from '../scoring/scoringRules';
import type { Settings } from '../settings/settings';
import { LEAD_COLUMNS, type LeadColumnKey } from '../../sheet/tabs';

const LEAD_KEYS = LEAD_COLUMNS.map((c) => c.key);

export interface AssignedLead {
  readonly row: number;
  readonly id: string;
  readonly owner: string;
}

export interface AssignPassResult {
  readonly changes: CellChange[];
  readonly assigned: AssignedLead[];
  /** `duplicateOf`: the Lead ID the flagged lead matched. */
  readonly flagged: { row: number; id: string; note: string; duplicateOf: string }[];
}

export interface AssignPassOptions {
  readonly columns: Partial<Record<LeadColumnKey, number>>;
  readonly settings: Settings;
  readonly pointers: RoundRobin;
  readonly now: Date;
  readonly zone: TimeZone;
  readonly language: Language;
  /** Leads already in the pool, which a new lead may duplicate. */
  readonly poolCandidates: readonly DuplicateCandidate[];
  /** IDs whose duplicate flag a person cleared: never flagged again. */
  readonly clearedDuplicates: ReadonlySet<string>;
  /**
   * Only these 0-based rows get decisions (a lead that just arrived); every row still counts as a
   * lead they may duplicate. All rows when absent.
   */
  readonly onlyRows?: readonly number[];
}

/** A grade as the scorer writes it, or typed by hand in either case. */
const gradeOf = (value: unknown): Grade | undefined => {
  const grade = textOf(value).toUpperCase();
  return ['A', 'B', 'C', 'D'].includes(grade) ? (grade as Grade) : undefined;
};

/**
 * Decides every change of the pass from plain rows. Rows are updated in memory as decisions are
 * made, so a lead assigned early in the pass is a duplicate candidate for the rows after it.
 */
export function assignPass(
  rows: readonly (readonly unknown[])[],
  options: AssignPassOptions,
): AssignPassResult {
  const { columns, settings, pointers, now, zone, language } = options;
  const changes: CellChange[] = [];
  const assigned: AssignedLead[] = [];
  const flagged: AssignPassResult['flagged'] = [];
  // Whole records only for the leads the pass decides on; the rest are read cell by cell.
  const records = new Map<number, Record<LeadColumnKey, unknown>>();
  const recordAt = (row: number) => {
    let record = records.get(row);
    if (!record) {
      record = recordOf(rows[row], columns, LEAD_KEYS) as Record<LeadColumnKey, unknown>;
      records.set(row, record);
    }
    return record;
  };
  const cellOf = (row: number, key: LeadColumnKey) => {
    const record = records.get(row);
    if (record) return record[key];
    const at = columns[key];
    return at === undefined ? undefined : rows[row][at];
  };
  const set = (row: number, key: LeadColumnKey, value: unknown) => {
    const at = columns[key];
    if (at === undefined) return;
    recordAt(row)[key] = value;
    changes.push({ row, column: at, value });
  };
  const candidateAt = (row: number) =>
    candidateOf(
      {
        id: cellOf(row, 'id'),
        owner: cellOf(row, 'owner'),
        phone: cellOf(row, 'phone'),
        company: cellOf(row, 'company'),
        contact: cellOf(row, 'contact'),
      },
      false,
    );
  const openWithId = (row: number) =>
    !isBlank(cellOf(row, 'id')) && isOpen({ status: cellOf(row, 'status') });

  // A new lead is compared with owned open leads, pooled leads, and unowned leads above it: of
  // two new rows for one customer, only the later is flagged.
  const owned = rows.flatMap((_, row) =>
    openWithId(row) && !isBlank(cellOf(row, 'owner')) ? [candidateAt(row)] : [],
  );
  const decided = options.onlyRows ? new Set(options.onlyRows) : undefined;
  // Whether the pass looks for a duplicate of this unowned lead: not flagged, nor cleared by a person.
  const checksDuplicate = (row: number) =>
    isBlank(cellOf(row, 'duplicateOf')) &&
    !options.clearedDuplicates.has(textOf(cellOf(row, 'id')));
  // Only the leads this pass checks are ever looked up: the index keeps what can match them.
  const checked = rows.flatMap((_, row) =>
    openWithId(row) &&
    isBlank(cellOf(row, 'owner')) &&
    (!decided || decided.has(row)) &&
    checksDuplicate(row)
      ? [candidateAt(row)]
      : [],
  );
  const index = buildDuplicateIndex([...owned, ...options.poolCandidates], wantedKeys(checked));

  rows.forEach((_, row) => {
    if (!openWithId(row) || !isBlank(cellOf(row, 'owner'))) return;
    if (decided && !decided.has(row)) {
      // As the pass would have left it: an unowned lead above is a candidate all the same.
      addCandidate(index, candidateAt(row));
      return;
    }
    const lead = recordAt(row);
    const id = textOf(lead.id);
    if (checksDuplicate(row)) {
      const match = findDuplicate(index, {
        id,
        phone: lead.phone,
        company: lead.company,
        contact: lead.contact,
      });
      if (match) {
        const note = duplicateNote(match, language);
        set(row, 'duplicateOf', note);
        flagged.push({ row, id, note, duplicateOf: textOf(match.id) });
      }
    }
    if (!isAssignable(lead)) {
      addCandidate(index, candidateOf(lead, false));
      return;
    }
    const choice = chooseOwner(lead, settings, pointers);
    if (!choice) {
      addCandidate(index, candidateOf(lead, false));
      return;
    }
    set(row, 'owner', choice.owner);
    set(row, 'assignedAt', now);
    const grade = gradeOf(lead.grade);
    const due = grade ? firstContactDue(now, grade, settings, zone) : undefined;
    set(row, 'firstContactDue', due ?? '');
    assigned.push({ row, id, owner: choice.owner });
    // Added after assignment, so a later duplicate names this lead's new owner.
    addCandidate(index, candidateOf(lead, false));
  });

  // Leads followed up without a next date get one from the grade's cadence (SPEC §4).
  rows.forEach((_, row) => {
    if (decided && !decided.has(row)) return;
    if (!isBlank(cellOf(row, 'nextFollowUpDue'))) return;
    const last = dateOf(cellOf(row, 'lastFollowUpAt'));
    if (!last || !isOpen({ status: cellOf(row, 'status') })) return;
    const lead = recordAt(row);
    const next = nextFollowUpDue(
      {
        lastFollowUpAt: last,
        grade: gradeOf(lead.grade),
        status: statusOf(lead),
        firstContactAt: dateOf(lead.firstContactAt),
      },
      settings,
      zone,
    );
    if (next) set(row, 'nextFollowUpDue', next);
  });
  return { changes, assigned, flagged };
}

export function candidateOf(
  lead: LeadRecord | Record<string, unknown>,
  inPool: boolean,
): DuplicateCandidate {
  return {
    id: textOf(lead.id),
    owner: textOf(inPool ? '' : lead.owner),
    phone: lead.phone,
    company: lead.company,
    contact: lead.contact,
    inPool,
  };
}

/** Every pool lead as a duplicate candidate, from the Pool tab's rows and where its columns are. */
export function poolCandidatesOf(
  rows: readonly (readonly unknown[])[],
  index: Partial<Record<string, number>>,
): DuplicateCandidate[] {
  const keys = ['id', 'owner', 'phone', 'company', 'contact'] as const;
  return rows.map((row) => candidateOf(recordOf(row, index, keys), true));
}
