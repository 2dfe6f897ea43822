// The automation entry points: the hourly job, the menu's Assign leads and Return pool leads, and
// turning the hourly trigger on and off (exactly one trigger, however often it is turned on).

import { type AutomationSteps, ALL_STEPS, reportRun, runAutomationSteps } from './automationSteps';
import {
  automationSpreadsheet,
  forgetSpreadsheet,
  rememberSpreadsheet,
  spreadsheetOfTrigger,
} from '../gas/automationSpreadsheet';
import { toast } from '../gas/feedback';
import { withDocumentLock } from '../gas/lock';
import { runOperation } from './operation';
import { activeSpreadsheet, localeLanguage } from '../gas/workbook';
import type { Bilingual } from '../sheet/language';

const HOURLY_HANDLER = 'runHourly';

function run(
  action: Bilingual,
  steps: AutomationSteps,
  automated: boolean,
  triggerUid?: string,
): void {
  runOperation(
    {
      action,
      automated,
      spreadsheet: automated ? automationSpreadsheet(triggerUid) : undefined,
      lockTimeoutMs: automated ? 60_000 : 30_000,
    },
    (context) => {
      // Someone clicked and is waiting: say the work has started (SPEC §9, progress toasts).
      if (!automated) {
        toast(
          context.spreadsheet,
          `${action[context.language]}…`,
          context.language === 'zh' ? '线索跟踪' : 'Lead Tracker',
        );
      }
      const { summary, log } = runAutomationSteps(context, steps);
      reportRun(context, action[context.language], summary, log);
    },
  );
}

/** The time-driven job (and the menu's "Run hourly job now"). */
export function runHourly(event?: { triggerUid?: string }): void {
  const automated = !!event?.triggerUid;
  run({ en: 'Hourly job', zh: '每小时任务' }, ALL_STEPS, automated, event?.triggerUid);
}

export function assignLeads(): void {
  run(
    { en: 'Assign leads', zh: '分配线索' },
    { score: true, assign: true, pool: false, returnPool: false, remind: false },
    false,
  );
}

export function returnPoolLeads(): void {
  run(
    { en: 'Return assigned pool leads', zh: '领回公海线索' },
    { score: false, assign: false, pool: false, returnPool: true, remind: false },
    false,
  );
}

function hourlyTriggersOf(spreadsheetId: string): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter(
    (t) =>
      t.getHandlerFunction() === HOURLY_HANDLER &&
      spreadsheetOfTrigger(t.getUniqueId()) === spreadsheetId,
  );
}

/** Creates the hourly trigger unless this spreadsheet already has one (add-ons: at most hourly). */
export function installAutomation(): void {
  const spreadsheet = activeSpreadsheet();
  const language = localeLanguage(spreadsheet);
  withDocumentLock(language, 30_000, () => {
    const existing = hourlyTriggersOf(spreadsheet.getId());
    if (existing.length === 0) {
      const trigger = ScriptApp.newTrigger(HOURLY_HANDLER).timeBased().everyHours(1).create();
      rememberSpreadsheet(spreadsheet, trigger.getUniqueId());
    }
    toast(
      spreadsheet,
      language === 'zh'
        ? '自动化已开启：每小时运行一次。'
        : 'Automation is on: the job runs every hour.',
      language === 'zh' ? '线索跟踪' : 'Lead Tracker',
    );
  });
}

export function removeAutomation(): void {
  const spreadsheet = activeSpreadsheet();
  const language = localeLanguage(spreadsheet);
  withDocumentLock(language, 30_000, () => {
    for (const trigger of hourlyTriggersOf(spreadsheet.getId())) {
      ScriptApp.deleteTrigger(trigger);
      forgetSpreadsheet(trigger.getUniqueId());
    }
    toast(
      spreadsheet,
      language === 'zh' ? '自动化已关闭。' : 'Automation is off.',
      language === 'zh' ? '线索跟踪' : 'Lead Tracker',
    );
  });
}
