// Who is told what this run (SPEC §4, §5): reminder items derived from the state of Leads and Pool,
// so a run that died before mailing is made good by the next one, and a ledger of what was mailed
// keeps each item to once a day (news items: once).

import {
  type TimeZone,
  calendarDateOf,
  compareDates,
  formatCalendarDate,
} from '../../sheet/calendar';
import { ownerEmail } from '../assignment/assignment';
import { isFirstContactOverdue, isFollowUpOverdue } from '../followUp/deadlines';
import { dateOf, isBlank, isOpen, textOf } from '../../sheet/cells';
import { type ReminderItem, reminderKey } from './reminders';
import type { Settings } from '../settings/settings';

/** News (a new assignment, a lead pooled) older than this is not news any more. */
export const NEWS_WINDOW_MS = 48 * 3_600_000;

/**
 * A Leads or Pool row's cells by column key, and where known the row it is on (`sheetRow`, 1-based)
 * at send time, for the digest's link to it.
 */
export type ReminderCells = Readonly<Record<string, unknown>> & {
  readonly status: unknown;
  readonly sheetRow?: number;
};

/** The cells of a Leads row that reminders read: a run builds records of these only. */
export const REMINDER_LEAD_KEYS = [
  'id',
  'owner',
  'status',
  'grade',
  'company',
  'contact',
  'assignedAt',
  'firstContactDue',
  'firstContactAt',
  'nextFollowUpDue',
] as const;

/**
 * The reminder cells of the Leads rows `due` picks, each with its sheet row. Built field by field:
 * a regular hour reads tens of thousands of open leads, and an object of a fixed shape costs a
 * fraction of one filled key by key.
 */
export function reminderLeadCells(
  rows: readonly (readonly unknown[])[],
  index: Partial<Record<(typeof REMINDER_LEAD_KEYS)[number], number>>,
  headerRow: number,
  due: (row: readonly unknown[]) => boolean,
): ReminderCells[] {
  const cell = (row: readonly unknown[], at: number | undefined) =>
    at === undefined ? '' : (row[at] ?? '');
  const { id, owner, status, grade, company, contact } = index;
  const { assignedAt, firstContactDue, firstContactAt, nextFollowUpDue } = index;
  const cells: ReminderCells[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!due(row)) continue;
    cells.push({
      id: cell(row, id),
      owner: cell(row, owner),
      status: cell(row, status),
      grade: cell(row, grade),
      company: cell(row, company),
      contact: cell(row, contact),
      assignedAt: cell(row, assignedAt),
      firstContactDue: cell(row, firstContactDue),
      firstContactAt: cell(row, firstContactAt),
      nextFollowUpDue: cell(row, nextFollowUpDue),
      sheetRow: headerRow + 1 + i,
    });
  }
  return cells;
}

export interface PlannedReminder {
  readonly item: ReminderItem;
  /** Ledger key: the item's day for daily items, its event time for news. */
  readonly key: string;
}

export interface ReminderPlan {
  /** Owner e-mail → items, in the order found. */
  readonly owners: Map<string, { name: string; reminders: PlannedReminder[] }>;
  readonly managers: PlannedReminder[];
  /** Owners named on leads that have no e-mail address to write to. */
  readonly unreachable: string[];
}

function itemOf(
  lead: ReminderCells,
  kind: ReminderItem['kind'],
  due: Date | undefined,
  owner: string,
): ReminderItem {
  return {
    kind,
    leadId: textOf(lead.id),
    grade: textOf(lead.grade),
    company: textOf(lead.company),
    contact: textOf(lead.contact),
    due,
    owner,
    ...(typeof lead.sheetRow === 'number' ? { row: lead.sheetRow } : {}),
  };
}

/** Builds every reminder the state calls for, minus those already in `mailed`. */
export function planReminders(
  leads: readonly ReminderCells[],
  pool: readonly ReminderCells[],
  settings: Pick<Settings, 'team'>,
  now: Date,
  zone: TimeZone,
  mailed: ReadonlySet<string>,
): ReminderPlan {
  const today = calendarDateOf(now, zone);
  const day = formatCalendarDate(today);
  const owners: ReminderPlan['owners'] = new Map();
  const managers: PlannedReminder[] = [];
  const unreachable = new Set<string>();
  const isNews = (at: Date | undefined) => !!at && now.getTime() - at.getTime() <= NEWS_WINDOW_MS;

  // Owners repeat over thousands of leads; matching a name folds every team member's.
  const emails = new Map<string, string | undefined>();
  const emailOf = (owner: string) => {
    if (!emails.has(owner)) emails.set(owner, ownerEmail(owner, settings.team));
    return emails.get(owner);
  };
  const toOwner = (owner: string, item: ReminderItem, key: string) => {
    if (mailed.has(key)) return;
    const email = emailOf(owner);
    if (!email) {
      unreachable.add(owner);
      return;
    }
    const entry = owners.get(email) ?? { name: owner, reminders: [] };
    entry.reminders.push({ item, key });
    owners.set(email, entry);
  };
  const toManagers = (item: ReminderItem, key: string) => {
    if (!mailed.has(key)) managers.push({ item, key });
  };

  for (const lead of leads) {
    const owner = textOf(lead.owner);
    if (!owner || isBlank(lead.id) || !isOpen(lead)) continue;
    const assignedAt = dateOf(lead.assignedAt);
    if (assignedAt && isNews(assignedAt)) {
      const item = itemOf(lead, 'assigned', dateOf(lead.firstContactDue), owner);
      toOwner(owner, item, reminderKey(item, String(assignedAt.getTime())));
    }
    const firstDue = dateOf(lead.firstContactDue);
    if (isFirstContactOverdue(firstDue, dateOf(lead.firstContactAt), now)) {
      const item = itemOf(lead, 'firstContactOverdue', firstDue, owner);
      toOwner(owner, item, reminderKey(item, day));
      const breach = itemOf(lead, 'slaBreach', firstDue, owner);
      toManagers(breach, reminderKey(breach, day));
      continue;
    }
    const nextDue = dateOf(lead.nextFollowUpDue);
    if (!nextDue) continue;
    if (isFollowUpOverdue(nextDue, now)) {
      const item = itemOf(lead, 'followUpOverdue', nextDue, owner);
      toOwner(owner, item, reminderKey(item, day));
    } else if (compareDates(calendarDateOf(nextDue, zone), today) === 0) {
      const item = itemOf(lead, 'followUpDue', nextDue, owner);
      toOwner(owner, item, reminderKey(item, day));
    }
  }

  for (const lead of pool) {
    const pooledAt = dateOf(lead.pooledAt);
    if (isBlank(lead.id) || !isNews(pooledAt) || !isBlank(lead.owner)) continue;
    const previous = textOf(lead.previousOwner);
    const event = String(pooledAt?.getTime());
    if (previous) {
      const item = {
        ...itemOf(lead, 'pooled', pooledAt, previous),
        reason: textOf(lead.poolReason),
      };
      toOwner(previous, item, reminderKey(item, event));
    }
    const arrival = {
      ...itemOf(lead, 'poolArrival', pooledAt, previous),
      reason: textOf(lead.poolReason),
    };
    toManagers(arrival, reminderKey(arrival, event));
  }
  return { owners, managers, unreachable: [...unreachable] };
}

/** Keeps ledger keys that can still matter: today's daily items and news inside the window. */
export function pruneLedger(keys: readonly string[], now: Date, zone: TimeZone): string[] {
  const day = formatCalendarDate(calendarDateOf(now, zone));
  return keys.filter((key) => {
    const stamp = key.split('|')[1] ?? '';
    if (stamp === day) return true;
    const ms = Number(stamp);
    return Number.isFinite(ms) && now.getTime() - ms <= NEWS_WINDOW_MS;
  });
}
