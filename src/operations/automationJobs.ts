// The automation entry points: the hourly job, the menu's Assign leads and Return pool leads, and
// turning automation on and off. One hourly run per spreadsheet, whoever turns it on (SPEC §11):
// the spreadsheet records who did and which trigger runs it, and any other trigger that fires for
// it deletes itself.

import { type AutomationSteps, ALL_STEPS, reportRun, runAutomationSteps } from './automationSteps';
import {
  type AutomationRecord,
  automationSpreadsheet,
  HOURLY_HANDLER,
  myHourlyTriggers,
  readAutomation,
  rememberSpreadsheet,
  retireTrigger,
  spreadsheetOfTrigger,
  writeAutomation,
} from '../gas/automationSpreadsheet';
import { archiveDaily } from './archiveClosedLeads';
import { reportIfDue } from './periodicReport';
import { toast } from '../gas/feedback';
import { withSpreadsheetLock } from '../gas/lock';
import { spreadsheetTimeZone } from '../gas/timeZone';
import { type OperationContext, runOperation } from './operation';
import {
  activeSpreadsheet,
  localeLanguage,
  type Spreadsheet,
  spreadsheetIdOf,
} from '../gas/workbook';
import { calendarDateOf, formatCalendarDate } from '../sheet/calendar';
import type { Language } from '../sheet/language';
import { APP, AUTOMATION, OPERATIONS, type Phrase, t } from '../sheet/text';

/**
 * A record whose trigger has not run for this long belongs to a trigger that is gone (its creator
 * left, or uninstalled the add-on): hourly runs come with some jitter, so three hours is safe.
 */
const SILENT_MS = 3 * 3_600_000;

/**
 * The run's steps, then the periodic report when due. The report reads nothing the run has read
 * already; what the run read is let go on return, before the archive reads the tabs its own way.
 */
function stepsAndReport(context: OperationContext, steps: AutomationSteps) {
  const { summary, log, unreadable, analysed } = runAutomationSteps(context, steps);
  if (steps.report) log.push(...reportIfDue(context, false, analysed).log);
  return { summary, log, unreadable };
}

function run(
  action: Phrase,
  steps: AutomationSteps,
  automated: boolean,
  spreadsheet?: Spreadsheet,
  admit?: () => boolean,
): void {
  const options = {
    action,
    automated,
    spreadsheet,
    lockTimeoutMs: automated ? 60_000 : 30_000,
  };
  const work = (context: OperationContext) => {
    // Someone clicked and is waiting: say the work has started (SPEC §9, progress toasts).
    if (!automated) {
      const { language } = context;
      const started = t(language, AUTOMATION.started, t(language, action));
      toast(context.spreadsheet, started, t(language, APP.name));
    }
    const { summary, log, unreadable } = stepsAndReport(context, steps);
    reportRun(context, t(context.language, action), summary, log, unreadable);
    // After the analysis of this run: the leads it counted from the tracker leave it after.
    if (steps.archive) archiveDaily(context);
  };
  if (admit) runOperation({ ...options, admit }, work);
  else runOperation(options, work);
}

/**
 * A time-driven run. It works only as its spreadsheet's recorded trigger; a trigger that is not
 * (automation was turned off, or turned on by someone else's trigger) deletes itself and does
 * nothing else. A trigger from before the spreadsheet kept a record adopts the empty record.
 */
function runTriggered(triggerUid: string): void {
  const spreadsheet = automationSpreadsheet(triggerUid);
  if (!spreadsheet) {
    // No spreadsheet recorded for it, or that spreadsheet is gone: it can never run.
    retireTrigger(triggerUid);
    return;
  }
  const admit = () => {
    const record = readAutomation();
    if (record && (!record.on || record.triggerUid !== triggerUid)) {
      retireTrigger(triggerUid);
      return false;
    }
    const now = Date.now();
    writeAutomation(
      record
        ? { ...record, lastRunAt: now }
        : { on: true, by: effectiveUser(), triggerUid, at: now, lastRunAt: now },
    );
    return true;
  };
  run(OPERATIONS.hourlyJob, HOURLY_STEPS, true, spreadsheet, admit);
}

/** The hour's steps: the Analysis once a day at its hour, not every hour. */
const HOURLY_STEPS: AutomationSteps = { ...ALL_STEPS, analysis: 'daily' };

/**
 * The time-driven job. Its trigger's run works for the spreadsheet that trigger was turned on
 * for; a call without a trigger (the script editor, another script) works the same way in the
 * active spreadsheet.
 */
export function runHourly(event?: { triggerUid?: string }): void {
  if (event?.triggerUid) runTriggered(event.triggerUid);
  else run(OPERATIONS.hourlyJob, HOURLY_STEPS, false);
}

/** The menu's "Run hourly job now": every step, the Analysis included, whatever the hour. */
export function runHourlyNow(): void {
  run(OPERATIONS.hourlyJob, ALL_STEPS, false);
}

export function assignLeads(): void {
  run(
    OPERATIONS.assignLeads,
    { score: true, assign: true, pool: false, returnPool: false, remind: false },
    false,
  );
}

export function returnPoolLeads(): void {
  run(
    OPERATIONS.returnPoolLeads,
    { score: false, assign: false, pool: false, returnPool: true, remind: false },
    false,
  );
}

function activeUser(): string {
  try {
    return Session.getActiveUser().getEmail();
  } catch {
    return '';
  }
}

/** Who a trigger runs as: its creator. */
function effectiveUser(): string {
  try {
    return Session.getEffectiveUser().getEmail();
  } catch {
    return '';
  }
}

/** Runs `work` holding the active spreadsheet, with its language and time zone. */
function withActiveSpreadsheet(
  work: (spreadsheet: Spreadsheet, language: Language) => string,
): void {
  const spreadsheet = activeSpreadsheet();
  const language = localeLanguage(spreadsheet);
  const message = withSpreadsheetLock(spreadsheet, language, 30_000, () =>
    work(spreadsheet, language),
  );
  toast(spreadsheet, message, t(language, APP.name));
}

/** A person as a message names them: their address, or a description where Google withheld it. */
function who(email: string, language: Language): string {
  return email || t(language, AUTOMATION.anotherEditor);
}

function startTrigger(spreadsheet: Spreadsheet): void {
  const trigger = ScriptApp.newTrigger(HOURLY_HANDLER).timeBased().everyHours(1).create();
  rememberSpreadsheet(spreadsheet, trigger.getUniqueId());
  writeAutomation({
    on: true,
    by: activeUser(),
    triggerUid: trigger.getUniqueId(),
    at: Date.now(),
  });
}

/**
 * Turns the hourly job on for this spreadsheet, unless it is on already: then it says who turned
 * it on and creates nothing. Where the caller turned it on and their trigger is gone, or the
 * recorded trigger has stopped running, the caller's new trigger takes over.
 */
export function installAutomation(): void {
  withActiveSpreadsheet((spreadsheet, language) => {
    const record = readAutomation();
    const mine = myHourlyTriggers(spreadsheetIdOf(spreadsheet));
    if (record?.on) {
      const recordedIsMine =
        spreadsheetOfTrigger(record.triggerUid) === spreadsheetIdOf(spreadsheet);
      const alive = mine.some((t) => t.getUniqueId() === record.triggerUid);
      const silent = Date.now() - (record.lastRunAt ?? record.at) > SILENT_MS;
      if (alive || (!recordedIsMine && !silent)) {
        const date = formatCalendarDate(
          calendarDateOf(new Date(record.at), spreadsheetTimeZone(spreadsheet)),
        );
        return recordedIsMine
          ? t(language, AUTOMATION.alreadyOnByYou, date)
          : t(language, AUTOMATION.alreadyOnBySomeone, who(record.by, language), date);
      }
      // The recorded trigger is gone: the caller's own, or one that no longer runs.
      for (const stray of mine) retireTrigger(stray.getUniqueId());
      startTrigger(spreadsheet);
      return t(language, recordedIsMine ? AUTOMATION.recreated : AUTOMATION.on);
    }
    // Triggers of the caller's left from before the spreadsheet kept a record.
    for (const stray of mine) retireTrigger(stray.getUniqueId());
    startTrigger(spreadsheet);
    return t(language, AUTOMATION.on);
  });
}

/**
 * Turns the hourly job off, for any editor: the record is cleared and the caller's own trigger
 * deleted; another person's trigger (which the caller can neither see nor delete) finds on its
 * next run that it is no longer this spreadsheet's, and deletes itself.
 */
export function removeAutomation(): void {
  withActiveSpreadsheet((spreadsheet, language) => {
    const record: AutomationRecord | null = readAutomation();
    const mine = myHourlyTriggers(spreadsheetIdOf(spreadsheet));
    for (const trigger of mine) retireTrigger(trigger.getUniqueId());
    const othersTrigger =
      record?.on && !mine.some((t) => t.getUniqueId() === record.triggerUid) ? record.by : null;
    writeAutomation({ on: false, by: activeUser(), triggerUid: '', at: Date.now() });
    return othersTrigger === null
      ? t(language, AUTOMATION.off)
      : t(language, AUTOMATION.offWithSomeonesTrigger, who(othersTrigger, language));
  });
}
