// E-mail digests of due, overdue and pooled leads (SPEC §4, §5, §12) and the run summary for chat.

import { type TimeZone, isDate, zonedTime } from '../../sheet/calendar';
import type { Language } from '../../sheet/language';
import { APP, formatCount, REMINDERS, t } from '../../sheet/text';
import { KIND_ORDER, selectListed } from './digestOrder';
import { utf8ByteLength } from './webhooks';
import {
  anchor,
  button,
  escapeHtml,
  heading,
  itemRow,
  page,
  paragraph,
  rowLink,
  safeLink,
} from './mailLayout';

/** The first five go to a lead's owner; `poolArrival` and `slaBreach` go to managers. */
export type ReminderKind =
  | 'assigned'
  | 'firstContactOverdue'
  | 'followUpDue'
  | 'followUpOverdue'
  | 'pooled'
  | 'poolArrival'
  | 'slaBreach';

export interface ReminderItem {
  kind: ReminderKind;
  leadId: string;
  grade: string;
  company: string;
  contact: string;
  /** The deadline; for `pooled` and `poolArrival`, when the lead went to the pool. */
  due?: Date;
  /** The lead's owner, or its previous owner once pooled; shown in managers' digests. */
  owner?: string;
  reason?: string;
  /**
   * The lead's row in Leads (in Pool for `pooled` and `poolArrival`) when the digest is sent, for a
   * link that opens it; from the run's snapshot.
   */
  row?: number;
}

export interface Digest {
  subject: string;
  text: string;
  html: string;
  /** Positions in the input's items of those listed, most urgent first; the rest are only counted. */
  listed: number[];
}

export interface DigestInput {
  recipientName: string;
  items: ReminderItem[];
  language: Language;
  zone: TimeZone;
  spreadsheetUrl?: string;
  forManagers: boolean;
  /** Sheet IDs of Leads and Pool, so that each item links to its row. */
  sheetIds?: { readonly leads?: number; readonly pool?: number };
}

export interface RunSummary {
  assigned: number;
  pooled: number;
  returned: number;
  reminded: number;
  breaches: number;
  language: Language;
}

/**
 * Short codes keep keys small in the property store the sender remembers them in. They are
 * persisted, so a code must never change or be reused for another kind.
 */
const KIND_CODES: Readonly<Record<ReminderKind, string>> = {
  assigned: 'as',
  firstContactOverdue: 'fo',
  followUpDue: 'fd',
  followUpOverdue: 'uo',
  pooled: 'pl',
  poolArrival: 'pa',
  slaBreach: 'sb',
};

/**
 * Identifies one mailing of one item: the same kind, lead and day always give the same key.
 * `day` is the run's calendar date in the sheet's zone (`2024-05-10`); the lead ID goes last so
 * that whatever it contains cannot make two keys collide.
 */
export function reminderKey(item: ReminderItem, day: string): string {
  return `${KIND_CODES[item.kind]}|${day}|${item.leadId}`;
}

/** `2300` → `2,300`; every message writes counts this way. */
export { formatCount };

function headingOf(kind: ReminderKind, count: number, language: Language): string {
  return `${t(language, REMINDERS.heading[kind])} (${formatCount(count)})`;
}

export { escapeHtml };

/**
 * Values shown in a digest are cut to these many characters: a pasted essay in one cell must not
 * crowd out the other items, nor push a body past the mail size limit. With these, 200 items with
 * long Chinese names still fit the byte budget.
 */
const MAX_CHARS = { long: 40, short: 40 } as const;

/** At most `max` characters (code points, so no pair is split), ending with `…` when cut. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * One line of at most `max` characters. Sheet values may hold line breaks; in one line of a digest
 * they would forge extra lines.
 */
function oneLine(value: unknown, max: number = MAX_CHARS.short): string {
  return clip(
    String(value ?? '')
      .replace(/[\s\p{Cc}]+/gu, ' ')
      .trim(),
    max,
  );
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD HH:mm` on the wall clock of `zone`. */
export function formatDueTime(instant: Date, zone: TimeZone): string {
  const t = zonedTime(instant, zone);
  return `${t.year}-${pad2(t.month)}-${pad2(t.day)} ${pad2(t.hour)}:${pad2(t.minute)}`;
}

type Grouped = [ReminderKind, ReminderItem[]][];

/** Items of each kind, kinds in `KIND_ORDER`, each kind's items in the order given. */
function groupByKind(items: readonly ReminderItem[]): Grouped {
  return KIND_ORDER.map((kind): [ReminderKind, ReminderItem[]] => [
    kind,
    items.filter((item) => item.kind === kind),
  ]).filter(([, group]) => group.length > 0);
}

/** The item's title (Lead ID, grade, names) and details (due, owner, reason), as plain text. */
function lineParts(item: ReminderItem, input: DigestInput): { title: string[]; details: string[] } {
  const { language, zone, forManagers } = input;
  const names = [oneLine(item.company, MAX_CHARS.long), oneLine(item.contact)].filter(
    (name) => name !== '',
  );
  const title = [
    oneLine(item.leadId),
    oneLine(item.grade),
    names.length > 0 ? names.join(' / ') : t(language, REMINDERS.noName),
  ].filter((part) => part !== '');
  const details: string[] = [];
  if (isDate(item.due)) {
    details.push(`${t(language, REMINDERS.dueLabel[item.kind])} ${formatDueTime(item.due, zone)}`);
  }
  const owner = oneLine(item.owner);
  if (forManagers && owner) {
    details.push(t(language, APP.labelled, t(language, REMINDERS.owner), owner));
  }
  const reason = oneLine(item.reason, MAX_CHARS.long);
  if (reason) details.push(t(language, APP.labelled, t(language, REMINDERS.reason), reason));
  return { title, details };
}

const inPool = (kind: ReminderKind) => kind === 'pooled' || kind === 'poolArrival';

/** The link that opens the item's row, when its row and its tab are known. */
function itemLink(item: ReminderItem, input: DigestInput): string | undefined {
  const sheetId = inPool(item.kind) ? input.sheetIds?.pool : input.sheetIds?.leads;
  return sheetId === undefined || item.row === undefined
    ? undefined
    : rowLink(input.spreadsheetUrl, sheetId, item.row);
}

/** The item's line, and on the next line the link to its row. */
function textLine(item: ReminderItem, input: DigestInput): string {
  const { title, details } = lineParts(item, input);
  const link = itemLink(item, input);
  return `- ${[...title, ...details].join(' · ')}${link ? `\n  ${link}` : ''}`;
}

/** The item as a row: its title linked to its row in the sheet, the details below. */
function htmlLine(item: ReminderItem, input: DigestInput): string {
  const { title, details } = lineParts(item, input);
  const link = itemLink(item, input);
  const titleText = title.join(' · ');
  const shown = link ? anchor(link, titleText) : escapeHtml(titleText);
  const below = details.length > 0 ? `<br>${details.map(escapeHtml).join(' · ')}` : '';
  return itemRow(`<b>${shown}</b>${below}`);
}

interface Body {
  readonly groups: Grouped;
  readonly more: number;
  readonly name: string;
  readonly link?: string;
}

function textBody(body: Body, input: DigestInput): string {
  const { language, zone, forManagers } = input;
  const lines = [
    t(language, REMINDERS.greeting, body.name),
    '',
    t(language, REMINDERS.intro, forManagers),
  ];
  for (const [kind, group] of body.groups) {
    lines.push('', headingOf(kind, group.length, language));
    for (const item of group) lines.push(textLine(item, input));
  }
  if (body.more > 0) lines.push('', t(language, REMINDERS.more, body.more));
  lines.push('', t(language, REMINDERS.zoneNote, zone.name));
  if (body.link) lines.push(t(language, APP.labelled, t(language, REMINDERS.openSheet), body.link));
  return lines.join('\n');
}

/**
 * One column laid out for a phone: the sheet's link first and last, each item a row whose title
 * opens the lead. Every piece of text goes through escapeHtml, the fixed wording included.
 */
function htmlBody(body: Body, input: DigestInput): string {
  const { language, zone, forManagers } = input;
  const open = t(language, REMINDERS.openSheet);
  const rows = [
    paragraph(t(language, REMINDERS.greeting, body.name)),
    paragraph(t(language, REMINDERS.intro, forManagers)),
  ];
  for (const [kind, group] of body.groups) {
    rows.push(heading(headingOf(kind, group.length, language)));
    rows.push(...group.map((item) => htmlLine(item, input)));
  }
  if (body.more > 0) rows.push(paragraph(t(language, REMINDERS.more, body.more)));
  rows.push(paragraph(t(language, REMINDERS.zoneNote, zone.name)));
  rows.push(button(body.link, open));
  return page(rows);
}

/**
 * One e-mail for one recipient about this run's items: the most urgent listed (see digestOrder),
 * the rest counted. Both bodies stay under 100 KB of UTF-8 whatever the sheet holds.
 */
export function renderDigest(input: DigestInput): Digest {
  // A line costs its bytes plus the line break that joins it to the next.
  const listed = selectListed(input.items, (item) => ({
    text: utf8ByteLength(textLine(item, input)) + 1,
    html: utf8ByteLength(htmlLine(item, input)) + 1,
  }));
  const body: Body = {
    groups: groupByKind(listed.map((at) => input.items[at])),
    more: input.items.length - listed.length,
    name: oneLine(input.recipientName),
    link: safeLink(input.spreadsheetUrl),
  };
  return {
    subject: t(input.language, REMINDERS.subject, input.items.length, input.forManagers),
    text: textBody(body, input),
    html: htmlBody(body, input),
    listed,
  };
}

/** The hourly run's outcome in one line, for the chat webhook. */
export function summaryText(input: RunSummary): string {
  const { assigned, pooled, returned, reminded, breaches } = input;
  return t(input.language, REMINDERS.summary, assigned, pooled, returned, reminded, breaches);
}
