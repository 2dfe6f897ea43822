// SpreadsheetApp: the active spreadsheet of the execution (or none), opening others by ID as the
// running user may, creating new ones, and the UI of the active document.

import { LocalConditionalFormatRuleBuilder, LocalDataValidationBuilder } from './builders';
import { MESSAGES } from './errors';
import { ServiceObject } from './facade';
import type { Implements } from './implements';
import type { Kernel } from './kernel';
import type { ExecutionScope } from './scope';
import type { LocalSpreadsheet } from './spreadsheet';
import { LocalUi, type UiRecord } from './ui';
import type { Workbooks } from './workbooks';

type AppMethods =
  | 'create'
  | 'getActive'
  | 'getActiveSpreadsheet'
  | 'openById'
  | 'getUi'
  | 'newDataValidation'
  | 'newConditionalFormatRule'
  | 'flush';

export class LocalSpreadsheetApp
  extends ServiceObject
  implements Implements<GoogleAppsScript.Spreadsheet.SpreadsheetApp, AppMethods>
{
  readonly DeveloperMetadataVisibility = { DOCUMENT: 'DOCUMENT', PROJECT: 'PROJECT' };
  /**
   * Whether time-driven runs started with `invoke` find the first spreadsheet active. Bound scripts
   * are reported to; add-ons get none (docs/apps-script-behaviour.md).
   */
  _activeInTriggers = true;
  constructor(
    kernel: Kernel,
    private readonly scope: ExecutionScope,
    private readonly workbooks: Workbooks,
    private readonly scriptName: string,
  ) {
    super(kernel, 'SpreadsheetApp');
  }
  /** The first spreadsheet's menus, alerts and sidebars. */
  get _ui(): UiRecord {
    return this.workbooks.first()._ui;
  }
  /** Every spreadsheet not deleted, the first one first (for tests). */
  _all(): readonly LocalSpreadsheet[] {
    return this.workbooks.live();
  }
  /** A new spreadsheet owned by the running user, with one empty tab. */
  create(name: string): LocalSpreadsheet {
    const model = this.workbooks.first();
    const created = this.workbooks.add({
      name,
      locale: model?._locale ?? 'en_US',
      timeZone: model?._zone ?? 'Asia/Shanghai',
      owner: this.scope.user,
    });
    created._addSheet(created._locale.startsWith('zh') ? '工作表1' : 'Sheet1');
    return created;
  }
  getActive(): LocalSpreadsheet | null {
    return this.scope.active;
  }
  getActiveSpreadsheet(): LocalSpreadsheet | null {
    return this.getActive();
  }
  /** A deleted (or trashed) or unknown ID, or a file not shared with the running user, fails. */
  openById(id: string): LocalSpreadsheet {
    const found = this.workbooks.find(id);
    if (!found || found._access.deleted) throw this.kernel.error(MESSAGES.openByIdUnresolved);
    if (!found._access.canOpen(this.scope.user))
      throw this.kernel.error(MESSAGES.documentAccessDenied);
    return found;
  }
  /** Only an execution with a document open in front of someone has a UI. */
  getUi(): LocalUi {
    const active = this.scope.active;
    if (this.kernel.execution === 'timeTrigger' || !active)
      throw this.kernel.error(MESSAGES.uiContext);
    return new LocalUi(this.kernel, active._ui, this.scriptName);
  }
  newDataValidation(): LocalDataValidationBuilder {
    return new LocalDataValidationBuilder(this.kernel);
  }
  newConditionalFormatRule(): LocalConditionalFormatRuleBuilder {
    return new LocalConditionalFormatRuleBuilder(this.kernel);
  }
  flush(): void {}
}
