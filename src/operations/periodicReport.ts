// The periodic report to managers and leadership (SPEC §14): once per week or month, from the hourly
// job or the menu. Whether it is due is known from Settings and saved state alone, so a regular hour
// reads nothing more; only when due are Leads, Pool, Follow-ups and Conversions read.
//
// Never twice, by marking before sending: the period is saved as begun, the mail goes out, then the
// period is marked confirmed. A send that throws while the execution lives on (Google refused it, so
// nobody got it) unmarks the period and the next run tries again. An execution killed between the
// mark and the confirmation may or may not have sent it: the hourly job does not risk a second copy
// and leaves that period unconfirmed, and the menu's Send leadership report sends it again when a
// person asks. Over 50 recipients take several messages; the mark keeps who has had one, so a
// message refused after others went out (a mistyped address) is not retried by the hourly job,
// and the menu's Send leadership report sends it to the rest only: nobody gets the report twice.

import { appendAll } from '../sheet/lists';
import { warningText } from '../method/analysis/calibration';
import { reportFigures } from '../method/report/reportFigures';
import { renderReport } from '../method/report/reportMail';
import { type ReportPeriod, reportKeyAt, reportPeriodAt } from '../method/report/reportPeriod';
import { safeLink, tabLink } from '../method/reminders/mailLayout';
import { recordOf } from '../sheet/cells';
import { LEAD_COLUMNS, POOL_COLUMNS } from '../sheet/tabs';
import { APP, REPORT, t } from '../sheet/text';
import { toast } from '../gas/feedback';
import { appendLog, type LogEntry } from '../gas/log';
import { readState, STATE_KEYS, writeState } from '../gas/stateStore';
import type { Table } from '../gas/table';
import { sheetIdOf } from '../gas/workbook';
import { type OperationContext, runOperation } from './operation';
import { type Analysed, computeAnalysis, readLeadTabs } from './refreshAnalysis';
import { readHistory, unreadableLog } from './typedValues';
import type { UnreadableCell } from '../sheet/typedCells';

/** The period last begun, and whether its mail is known to have gone out. */
interface SentMark {
  readonly period: string;
  readonly confirmed: boolean;
  /** Unconfirmed: the recipients whose message went out before a later one was refused. */
  readonly delivered?: readonly string[];
}

function sentMark(): SentMark | null {
  const mark = readState<unknown>(STATE_KEYS.reportSent, null);
  return mark && typeof mark === 'object' && typeof (mark as SentMark).period === 'string'
    ? (mark as SentMark)
    : null;
}

/** Google refuses a message to more than 50 recipients. */
const RECIPIENTS_PER_MESSAGE = 50;

/** Whether the report went out, what to tell a person who asked, and what the Log should say. */
export interface ReportOutcome {
  readonly sent: boolean;
  readonly message: string;
  readonly log: LogEntry[];
}

function recipientsOf(context: OperationContext): string[] {
  const { managerEmails, leadershipEmails } = context.settings;
  const seen = new Set<string>();
  return [...managerEmails, ...leadershipEmails].filter((email) => {
    const key = email.trim().toLowerCase();
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Reads the tabs, unless the run already holds them and its Analysis (`analysed`), and renders
 * the report of `period`.
 */
function composeReport(context: OperationContext, period: ReportPeriod, analysed?: Analysed) {
  const read = analysed?.read;
  const { spreadsheet, tabs, settings, language, now } = context;
  // Cells the report cannot read are named in the Log, as every other operation names them; the
  // run that read the tabs has named those of its own.
  const unreadable: UnreadableCell[] = [];
  const { leads: leadsTable, pool: poolTable } = read ?? readLeadTabs(context, unreadable);
  const leadKeys = LEAD_COLUMNS.map((c) => c.key);
  const poolKeys = POOL_COLUMNS.map((c) => c.key);
  const records = [
    ...leadsTable.rows.map((row) => recordOf(row, leadsTable.layout.index, leadKeys)),
    ...(poolTable?.rows ?? []).map((row) => recordOf(row, poolTable?.layout.index ?? {}, poolKeys)),
  ];
  const history = read?.history ?? readHistory(context, 'all');
  if (!read?.history) appendAll(unreadable, history.unreadable);
  const figures = reportFigures(
    {
      leads: records,
      followUps: history.followUps,
      conversions: history.conversions,
      now,
      sources: settings.sources,
    },
    period.current,
    period.previous,
  );
  // The Analysis tab's own calibration (archived leads included), so the warnings match it.
  const calibration =
    analysed?.calibration ??
    computeAnalysis(context, {
      leads: leadsTable,
      pool: poolTable as Table<string> | undefined,
      history,
    }).calibration;
  const url = spreadsheet.getUrl();
  const link = tabs.analysis ? tabLink(url, sheetIdOf(tabs.analysis)) : safeLink(url);
  const mail = renderReport({
    period,
    figures,
    warnings: calibration.warnings.map((warning) => warningText(warning, language)),
    language,
    link,
  });
  return { mail, unreadable: unreadableLog(unreadable, language) };
}

/** Addresses compared as Google compares them: case and surrounding spaces do not matter. */
const addressKey = (email: string) => email.trim().toLowerCase();

/** The recipients who have not had the report: those `delivered` does not list. */
function pendingOf(recipients: readonly string[], delivered: readonly string[]): string[] {
  const had = new Set(delivered.map(addressKey));
  return recipients.filter((email) => !had.has(addressKey(email)));
}

/**
 * Marks the period sent, then sends to the recipients who have not had it (`delivered`: those an
 * earlier, partly refused send reached); see the file's comment for why in this order.
 */
function markAndSend(
  context: OperationContext,
  period: ReportPeriod,
  recipients: readonly string[],
  delivered: readonly string[],
  mail: ReturnType<typeof renderReport>,
): LogEntry[] {
  const { language } = context;
  const action = t(language, REPORT.action);
  const before = readState<SentMark | null>(STATE_KEYS.reportSent, null);
  const pending = pendingOf(recipients, delivered);
  const reached = [...delivered];
  const mark = (confirmed: boolean) =>
    writeState(STATE_KEYS.reportSent, {
      period: period.key,
      confirmed,
      ...(confirmed || reached.length === 0 ? {} : { delivered: reached }),
    });
  // Saved to the spreadsheet at once (the state store saves this key when written).
  mark(false);
  try {
    for (let at = 0; at < pending.length; at += RECIPIENTS_PER_MESSAGE) {
      const to = pending.slice(at, at + RECIPIENTS_PER_MESSAGE);
      MailApp.sendEmail(to.join(','), mail.subject, mail.text, {
        htmlBody: mail.html,
        name: t(language, APP.name),
      });
      reached.push(...to);
      // Who has it is saved before the next message, which Google may refuse.
      if (at + RECIPIENTS_PER_MESSAGE < pending.length) mark(false);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (reached.length > 0) {
      mark(false);
      const total = delivered.length + pending.length;
      return [{ action, detail: t(language, REPORT.partlySent, reached.length, total, message) }];
    }
    writeState(STATE_KEYS.reportSent, before);
    return [{ action, detail: t(language, REPORT.sendFailed, message) }];
  }
  mark(true);
  const range = t(language, REPORT.period, ...periodDays(period));
  return [{ action, detail: t(language, REPORT.sent, range, pending.length) }];
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const day = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
const periodDays = (period: ReportPeriod): [string, string] => [
  day(period.current.first),
  day(period.current.last),
];

/**
 * Sends the report when its period has not had one; the hourly job calls it every run. Not due,
 * it reads nothing from the tabs and returns at once.
 */
export function reportIfDue(
  context: OperationContext,
  askedByPerson = false,
  /** The tabs and the calibration of the Analysis this run rebuilt, when it did. */
  analysed?: Analysed,
): ReportOutcome {
  const { settings, language, zone, now } = context;
  const key = reportKeyAt(now, zone, settings.leadershipReport);
  if (key === undefined) return { sent: false, message: t(language, REPORT.off), log: [] };
  const mark = sentMark();
  // Unconfirmed: a run died between marking and confirming; only a person's click sends it again.
  const done = mark?.period === key && (mark.confirmed || !askedByPerson);
  // Not due: nothing more is computed (even the period's dates cost time-zone look-ups).
  if (done && !askedByPerson) return { sent: false, message: '', log: [] };
  const period = reportPeriodAt(now, zone, settings.leadershipReport) as ReportPeriod;
  const range = t(language, REPORT.period, ...periodDays(period));
  if (done) return { sent: false, message: t(language, REPORT.alreadySent, range), log: [] };
  const action = t(language, REPORT.action);
  const recipients = recipientsOf(context);
  if (recipients.length === 0) {
    // Said once per period, not every hour: the period counts as done.
    writeState(STATE_KEYS.reportSent, { period: period.key, confirmed: true });
    const message = t(language, REPORT.noRecipients);
    return { sent: false, message, log: [{ action, detail: message }] };
  }
  // A person sending the rest of a partly refused report: only those who have not had it.
  const delivered =
    mark?.period === key && !mark.confirmed && Array.isArray(mark.delivered)
      ? mark.delivered.filter((email): email is string => typeof email === 'string')
      : [];
  if (MailApp.getRemainingDailyQuota() < pendingOf(recipients, delivered).length) {
    const message = t(language, REPORT.quotaReached);
    return { sent: false, message, log: [{ action, detail: message }] };
  }
  const { mail, unreadable } = composeReport(context, period, analysed);
  const log = [...markAndSend(context, period, recipients, delivered, mail), ...unreadable];
  const sent = sentMark()?.period === period.key;
  return { sent, message: log[0].detail, log };
}

/** The menu's and the global entry's: send the report now if this period has not had it. */
export function sendPeriodicReport(): void {
  runOperation({ action: REPORT.action }, (context) => {
    const outcome = reportIfDue(context, true);
    const { spreadsheet, tabs, language, now } = context;
    if (outcome.log.length > 0) appendLog(spreadsheet, tabs, outcome.log, language, now, '');
    toast(spreadsheet, outcome.message, t(language, APP.name));
  });
}
