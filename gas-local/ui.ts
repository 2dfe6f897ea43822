// Ui and Menu: what the user would see (menus, alerts, sidebars) is recorded for tests to read.

import { MESSAGES } from './errors';
import { ServiceObject } from './facade';
import type { Implements } from './implements';
import type { Kernel } from './kernel';

export interface MenuItem {
  readonly caption: string;
  readonly functionName: string;
}

export interface RecordedMenu {
  readonly caption: string;
  readonly addon: boolean;
  readonly items: (MenuItem | 'separator')[];
}

export interface UiRecord {
  menus: RecordedMenu[];
  alerts: { title?: string; prompt: string }[];
  sidebars: { title: string; html: string }[];
  dialogs: { title: string; html: string }[];
  /** Prompt dialogs shown, in order. */
  prompts: { title?: string; prompt: string }[];
  /** What the person will answer the next prompts (tests queue them); none left: they close it. */
  promptAnswers: { button: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE'; text: string }[];
}

type MenuMethods = 'addItem' | 'addSeparator' | 'addToUi';

export class LocalMenu
  extends ServiceObject
  implements Implements<GoogleAppsScript.Base.Menu, MenuMethods>
{
  private readonly items: (MenuItem | 'separator')[] = [];
  constructor(
    kernel: Kernel,
    private readonly record: UiRecord,
    private readonly caption: string,
    private readonly addon: boolean,
  ) {
    super(kernel, 'Menu');
  }
  addItem(caption: string, functionName: string): LocalMenu {
    this.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): LocalMenu {
    this.items.push('separator');
    return this;
  }
  addToUi(): void {
    this.record.menus = this.record.menus.filter((m) => m.caption !== this.caption);
    this.record.menus.push({ caption: this.caption, addon: this.addon, items: [...this.items] });
  }
}

type UiMethods =
  'createMenu' | 'createAddonMenu' | 'alert' | 'showSidebar' | 'showModalDialog' | 'prompt';

/** What a prompt dialog gives back: the button pressed and the text typed. */
export class LocalPromptResponse
  extends ServiceObject
  implements
    Implements<GoogleAppsScript.Base.PromptResponse, 'getResponseText' | 'getSelectedButton'>
{
  constructor(
    kernel: Kernel,
    private readonly answer: UiRecord['promptAnswers'][number],
  ) {
    super(kernel, 'PromptResponse');
  }
  getResponseText(): string {
    return this.answer.text;
  }
  getSelectedButton(): string {
    return this.answer.button;
  }
}

export class LocalUi
  extends ServiceObject
  implements Implements<GoogleAppsScript.Base.Ui, UiMethods>
{
  readonly ButtonSet = {
    OK: 'OK',
    OK_CANCEL: 'OK_CANCEL',
    YES_NO: 'YES_NO',
    YES_NO_CANCEL: 'YES_NO_CANCEL',
  };
  readonly Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };
  constructor(
    kernel: Kernel,
    private readonly record: UiRecord,
    private readonly scriptName: string,
  ) {
    super(kernel, 'Ui');
  }
  createMenu(caption: string): LocalMenu {
    return new LocalMenu(this.kernel, this.record, caption, false);
  }
  createAddonMenu(): LocalMenu {
    return new LocalMenu(this.kernel, this.record, this.scriptName, true);
  }
  alert(titleOrPrompt: string, prompt?: unknown): unknown {
    if (this.kernel.execution === 'timeTrigger') throw this.kernel.error(MESSAGES.uiContext);
    this.record.alerts.push(
      typeof prompt === 'string' ? { title: titleOrPrompt, prompt } : { prompt: titleOrPrompt },
    );
    return this.Button.OK;
  }
  /** prompt(prompt), prompt(prompt, buttons) or prompt(title, prompt, buttons), as Google's. */
  prompt(titleOrPrompt: string, promptOrButtons?: unknown): LocalPromptResponse {
    if (this.kernel.execution === 'timeTrigger') throw this.kernel.error(MESSAGES.uiContext);
    this.record.prompts.push(
      typeof promptOrButtons === 'string'
        ? { title: titleOrPrompt, prompt: promptOrButtons }
        : { prompt: titleOrPrompt },
    );
    const answer = this.record.promptAnswers.shift() ?? { button: 'CLOSE', text: '' };
    return new LocalPromptResponse(this.kernel, answer);
  }
  showSidebar(userInterface: { _html?: () => string; _title?: () => string }): void {
    this.record.sidebars.push({
      title: userInterface._title?.() ?? '',
      html: userInterface._html?.() ?? '',
    });
  }
  showModalDialog(userInterface: { _html?: () => string }, title: string): void {
    if (this.kernel.execution === 'timeTrigger') throw this.kernel.error(MESSAGES.uiContext);
    this.record.dialogs.push({ title, html: userInterface._html?.() ?? '' });
  }
}
