// Runs an operation: holds the spreadsheet (lock and saved state), loads valid Settings, and reports
// any failure to the person who clicked (alert) and in the Log tab, naming the cell or column at fault.

import type { Language } from '../sheet/language';
import { SettingsError } from '../method/settings/settingsParse';
import { ERRORS, type Phrase, t } from '../sheet/text';
import type { Settings } from '../method/settings/settings';
import type { TimeZone } from '../sheet/calendar';
import { alertUser } from '../gas/feedback';
import { withSpreadsheetLock } from '../gas/lock';
import { appendLog } from '../gas/log';
import { mailFailureToManagers } from '../gas/failureMail';
import { loadSettings } from '../gas/settingsTab';
import { spreadsheetTimeZone } from '../gas/timeZone';
import {
  type Spreadsheet,
  type Tabs,
  activeSpreadsheet,
  localeLanguage,
  tabIndex,
} from '../gas/workbook';

export interface OperationContext {
  readonly spreadsheet: Spreadsheet;
  readonly tabs: Tabs;
  readonly settings: Settings;
  readonly language: Language;
  readonly zone: TimeZone;
  readonly now: Date;
}

export interface OperationOptions {
  /** What the Log tab calls this operation. */
  readonly action: Phrase;
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
 * Records a failure in the Log tab and, for automated runs, mails the managers: nobody else would
 * see it. Runs while the failed run still holds the spreadsheet; a report that fails in turn (the
 * run may have died) gives way to the run's own error.
 */
function reportFailure(
  spreadsheet: Spreadsheet,
  tabs: Tabs,
  action: string,
  message: string,
  language: Language,
  automated: boolean,
): void {
  try {
    const label = t(language, ERRORS.failed, action);
    appendLog(
      spreadsheet,
      tabs,
      [{ action: label, detail: message }],
      language,
      new Date(),
      currentUser(),
    );
    if (automated) mailFailureToManagers(spreadsheet, tabs.settings, label, message, language);
  } catch {
    // Nothing more can be done here; the run's error is rethrown by the caller.
  }
}

/**
 * Runs `work` holding the spreadsheet (its runs kept apart, its saved state read once before and
 * written once after) with valid Settings. On failure the user sees the message (which names the
 * bad cell or column), the Log tab records it, and the error is rethrown so the execution is
 * marked failed. `admit`, checked before Settings are read, may end the run quietly (undefined).
 */
export function runOperation<T>(
  options: OperationOptions,
  work: (context: OperationContext) => T,
): T;
export function runOperation<T>(
  options: OperationOptions & { readonly admit: () => boolean },
  work: (context: OperationContext) => T,
): T | undefined;
export function runOperation<T>(
  options: OperationOptions & { readonly admit?: () => boolean },
  work: (context: OperationContext) => T,
): T | undefined {
  const spreadsheet = options.spreadsheet ?? activeSpreadsheet();
  let language = localeLanguage(spreadsheet);
  try {
    return withSpreadsheetLock(spreadsheet, language, options.lockTimeoutMs ?? 30_000, () => {
      if (options.admit && !options.admit()) return undefined;
      const tabs = tabIndex(spreadsheet);
      try {
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
      } catch (error) {
        reportFailure(
          spreadsheet,
          tabs,
          t(language, options.action),
          error instanceof Error ? error.message : String(error),
          language,
          options.automated ?? false,
        );
        throw error;
      }
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    alertUser(
      error instanceof SettingsError
        ? `${t(language, ERRORS.settingsNeedFixing)}\n\n${message}`
        : message,
    );
    throw error;
  }
}
