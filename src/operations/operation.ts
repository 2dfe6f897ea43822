// Runs a menu operation: takes the lock, loads valid Settings, and reports any failure to the person
// who clicked (alert) and in the Log tab, naming the cell or column at fault.

import type { Bilingual, Language } from '../sheet/language';
import { SettingsError } from '../method/settings/settingsParse';
import { TITLES } from '../sheet/messages';
import type { Settings } from '../method/settings/settings';
import type { TabKey } from '../sheet/tabs';
import type { TimeZone } from '../sheet/calendar';
import { alertUser } from '../gas/feedback';
import { withDocumentLock } from '../gas/lock';
import { appendLog } from '../gas/log';
import { mailFailureToManagers } from '../gas/failureMail';
import { loadSettings } from '../gas/settingsTab';
import { spreadsheetTimeZone } from '../gas/timeZone';
import {
  type Sheet,
  type Spreadsheet,
  activeSpreadsheet,
  localeLanguage,
  tabIndex,
} from '../gas/workbook';

export interface OperationContext {
  readonly spreadsheet: Spreadsheet;
  readonly tabs: Partial<Record<TabKey, Sheet>>;
  readonly settings: Settings;
  readonly language: Language;
  readonly zone: TimeZone;
  readonly now: Date;
}

export interface OperationOptions {
  /** What the Log tab calls this operation. */
  readonly action: Bilingual;
  readonly lockTimeoutMs?: number;
  /** The spreadsheet of an automated run (default: the active one). */
  readonly spreadsheet?: Spreadsheet;
  /** An automated run: failures are also mailed to the managers (once a day per message). */
  readonly automated?: boolean;
}

function currentUser(): string {
  try {
    return Session.getActiveUser().getEmail();
  } catch {
    return '';
  }
}

/**
 * Records a failure in the Log tab under a short lock (giving up quietly if it is busy) and, for
 * automated runs, mails the managers: nobody else would see it.
 */
function reportFailure(
  spreadsheet: Spreadsheet,
  action: string,
  message: string,
  language: Language,
  automated: boolean,
): void {
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(5000)) return;
  try {
    const tabs = tabIndex(spreadsheet);
    const label = language === 'zh' ? `${action}失败` : `${action} failed`;
    appendLog(
      spreadsheet,
      tabs.log,
      [{ action: label, detail: message }],
      language,
      new Date(),
      currentUser(),
    );
    if (automated) mailFailureToManagers(spreadsheet, tabs.settings, label, message, language);
  } finally {
    lock.releaseLock();
  }
}

/**
 * Runs `work` under the document lock with valid Settings. On failure the user sees the message
 * (which names the bad cell or column), the Log tab records it, and the error is rethrown so the
 * execution is marked failed.
 */
export function runOperation<T>(
  options: OperationOptions,
  work: (context: OperationContext) => T,
): T {
  const spreadsheet = options.spreadsheet ?? activeSpreadsheet();
  let language = localeLanguage(spreadsheet);
  try {
    return withDocumentLock(language, options.lockTimeoutMs ?? 30_000, () => {
      const tabs = tabIndex(spreadsheet);
      const loaded = loadSettings(tabs.settings, language);
      language = loaded.language;
      return work({
        spreadsheet,
        tabs,
        settings: loaded.settings,
        language,
        zone: spreadsheetTimeZone(spreadsheet),
        now: new Date(),
      });
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    alertUser(
      error instanceof SettingsError
        ? `${TITLES.settingsProblem[language]}\n\n${message}`
        : message,
    );
    reportFailure(
      spreadsheet,
      options.action[language],
      message,
      language,
      options.automated ?? false,
    );
    throw error;
  }
}
