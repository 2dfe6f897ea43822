// The e-mail a lead's owner gets the moment a form's lead is assigned to them (SPEC §13.3): one
// lead, with what the customer sent, every piece of text escaped in the HTML body.

import { type TimeZone } from '../../sheet/calendar';
import type { Language } from '../../sheet/language';
import { LEAD_COLUMNS, type LeadColumnKey } from '../../sheet/tabs';
import { APP, CAPTURE, REMINDERS, t } from '../../sheet/text';
import { formatDueTime } from '../reminders/reminders';
import { block, button, escapeHtml, page, paragraph, safeLink } from '../reminders/mailLayout';
import { labelIn } from '../../sheet/language';

/** The cells the e-mail shows, in this order, each under its Leads header. */
const SHOWN: readonly LeadColumnKey[] = [
  'id',
  'grade',
  'score',
  'contact',
  'phone',
  'company',
  'need',
  'budget',
  'expectedClose',
  'region',
  'industry',
  'source',
];

/** A posted need may be long; the e-mail shows its start, the sheet holds all of it. */
const MAX_VALUE_CHARS = 500;

export interface ArrivalMailInput {
  readonly lead: Readonly<Partial<Record<LeadColumnKey, unknown>>>;
  readonly ownerName: string;
  /** How the lead came in, as the Log names it (`Web form`). */
  readonly channel: string;
  readonly firstContactDue: Date | undefined;
  readonly language: Language;
  readonly zone: TimeZone;
  readonly spreadsheetUrl: string;
  /** Opens the lead's row in Leads (see mailLayout's rowLink); none when its row is not known. */
  readonly leadLink?: string;
}

export interface ArrivalMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const clip = (text: string, max: number) => {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
};

/** One line for the subject: line breaks in a cell must not forge mail headers or lines. */
const oneLine = (value: unknown, max = 60) =>
  clip(
    String(value ?? '')
      .replace(/[\s\p{Cc}]+/gu, ' ')
      .trim(),
    max,
  );

export function renderArrivalMail(input: ArrivalMailInput): ArrivalMail {
  const { lead, language } = input;
  const due = input.firstContactDue ? formatDueTime(input.firstContactDue, input.zone) : '';
  const name = oneLine(lead.company) || oneLine(lead.contact);
  const rows = SHOWN.flatMap((key) => {
    const value = clip(String(lead[key] ?? '').trim(), MAX_VALUE_CHARS);
    const column = LEAD_COLUMNS.find((c) => c.key === key);
    return value && column ? [[labelIn(language, column.header), value] as const] : [];
  });
  const greeting = t(language, REMINDERS.greeting, oneLine(input.ownerName));
  const intro = t(language, CAPTURE.mailIntro, input.channel, due);
  const zoneNote = t(language, REMINDERS.zoneNote, input.zone.name);
  const link = safeLink(input.spreadsheetUrl) ?? '';
  const leadLink = safeLink(input.leadLink);
  const open = t(language, REMINDERS.openSheet);
  const openLead = t(language, CAPTURE.openLead);
  const text = [
    greeting,
    '',
    intro,
    ...(leadLink ? ['', t(language, APP.labelled, openLead, leadLink)] : []),
    '',
    ...rows.map(([label, value]) => t(language, APP.labelled, label, value)),
    '',
    zoneNote,
    ...(link ? [t(language, APP.labelled, open, link)] : []),
  ].join('\n');
  const cell = (value: string) => escapeHtml(value).replace(/\n/g, '<br>');
  // Label above value, one per row: two columns would squeeze long values on a phone.
  const html = page([
    paragraph(greeting),
    paragraph(intro),
    button(leadLink, openLead),
    ...rows.map(([label, value]) =>
      block(
        `<span style="color:#555555;font-size:13px">${cell(label)}</span><br>${cell(value)}`,
        ';border-top:1px solid #e5e5e5',
      ),
    ),
    paragraph(zoneNote),
    button(link || undefined, open),
  ]);
  const subject = t(language, CAPTURE.mailSubject, name, oneLine(lead.grade), oneLine(lead.id));
  return { subject, text, html };
}
