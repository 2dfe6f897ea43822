// ScriptApp and installable triggers: each trigger belongs to the user who created it, who alone
// can see or delete it, and remembers its handler and the spreadsheet it was made in.

import { MESSAGES } from './errors';
import { ServiceObject } from './facade';
import type { Implements } from './implements';
import type { Kernel } from './kernel';
import type { ExecutionScope } from './scope';

export type TriggerEventType = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';

export interface LocalTrigger {
  readonly id: string;
  readonly handler: string;
  /** Hours between runs of an hourly clock trigger; 0 otherwise. */
  readonly everyHours: number;
  readonly everyMinutes?: number;
  readonly everyDays?: number;
  readonly atHour?: number;
  /** Who created it; a trigger added by hand in a test belongs to the default user. */
  readonly owner?: string;
  /** The spreadsheet it was created for (spreadsheet triggers) or in (clock triggers). */
  readonly spreadsheetId?: string;
  readonly eventType?: TriggerEventType;
}

/** Google: 20 triggers per user per script (guides/services/quotas). */
export const TRIGGERS_PER_USER = 20;

/** The triggers of the whole project, for every user; ScriptApp shows each user their own. */
export class TriggerTable {
  readonly all: LocalTrigger[] = [];
  private nextId = 1000;
  constructor(readonly scope: ExecutionScope) {}

  ownerOf(trigger: LocalTrigger): string {
    return trigger.owner ?? this.scope.defaultUser;
  }
  mine(): LocalTrigger[] {
    return this.all.filter((t) => this.ownerOf(t) === this.scope.user);
  }
  add(kernel: Kernel, fields: Omit<LocalTrigger, 'id' | 'owner'>): LocalTrigger {
    if (this.mine().length >= TRIGGERS_PER_USER) throw kernel.error(MESSAGES.tooManyTriggers);
    const trigger = { ...fields, id: String(this.nextId++), owner: this.scope.user };
    this.all.push(trigger);
    return trigger;
  }
}

export class LocalTriggerObject
  extends ServiceObject
  implements
    Implements<
      GoogleAppsScript.Script.Trigger,
      'getHandlerFunction' | 'getUniqueId' | 'getEventType' | 'getTriggerSource'
    >
{
  constructor(
    kernel: Kernel,
    readonly _trigger: LocalTrigger,
  ) {
    super(kernel, 'Trigger');
  }
  getHandlerFunction(): string {
    return this._trigger.handler;
  }
  getUniqueId(): string {
    return this._trigger.id;
  }
  getEventType(): string {
    return this._trigger.eventType ?? 'CLOCK';
  }
  getTriggerSource(): string {
    return this.getEventType() === 'CLOCK' ? 'CLOCK' : 'SPREADSHEETS';
  }
}

type ClockMethods = 'everyHours' | 'everyMinutes' | 'everyDays' | 'atHour' | 'create';

class LocalClockTriggerBuilder
  extends ServiceObject
  implements Implements<GoogleAppsScript.Script.ClockTriggerBuilder, ClockMethods>
{
  private schedule: { everyHours: number; everyMinutes?: number; everyDays?: number } = {
    everyHours: 0,
  };
  private hour: number | undefined;
  constructor(
    kernel: Kernel,
    private readonly table: TriggerTable,
    private readonly handler: string,
  ) {
    super(kernel, 'ClockTriggerBuilder');
  }
  everyHours(n: number): LocalClockTriggerBuilder {
    this.schedule = { everyHours: n };
    return this;
  }
  everyMinutes(n: number): LocalClockTriggerBuilder {
    this.schedule = { everyHours: 0, everyMinutes: n };
    return this;
  }
  everyDays(n: number): LocalClockTriggerBuilder {
    this.schedule = { everyHours: 0, everyDays: n };
    return this;
  }
  atHour(hour: number): LocalClockTriggerBuilder {
    this.hour = hour;
    return this;
  }
  create(): LocalTriggerObject {
    const trigger = this.table.add(this.kernel, {
      handler: this.handler,
      ...this.schedule,
      ...(this.hour === undefined ? {} : { atHour: this.hour }),
      eventType: 'CLOCK',
      spreadsheetId: this.table.scope.active?.getId(),
    });
    return new LocalTriggerObject(this.kernel, trigger);
  }
}

type SpreadsheetTriggerMethods = 'onOpen' | 'onEdit' | 'onChange' | 'onFormSubmit' | 'create';

class LocalSpreadsheetTriggerBuilder
  extends ServiceObject
  implements
    Implements<GoogleAppsScript.Script.SpreadsheetTriggerBuilder, SpreadsheetTriggerMethods>
{
  private eventType: TriggerEventType | undefined;
  constructor(
    kernel: Kernel,
    private readonly table: TriggerTable,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {
    super(kernel, 'SpreadsheetTriggerBuilder');
  }
  private _on(eventType: TriggerEventType): LocalSpreadsheetTriggerBuilder {
    this.eventType = eventType;
    return this;
  }
  onOpen(): LocalSpreadsheetTriggerBuilder {
    return this._on('ON_OPEN');
  }
  onEdit(): LocalSpreadsheetTriggerBuilder {
    return this._on('ON_EDIT');
  }
  onChange(): LocalSpreadsheetTriggerBuilder {
    return this._on('ON_CHANGE');
  }
  onFormSubmit(): LocalSpreadsheetTriggerBuilder {
    return this._on('ON_FORM_SUBMIT');
  }
  create(): LocalTriggerObject {
    if (!this.eventType) throw this.kernel.error('Trigger type is not set.');
    const trigger = this.table.add(this.kernel, {
      handler: this.handler,
      everyHours: 0,
      eventType: this.eventType,
      spreadsheetId: this.spreadsheetId,
    });
    return new LocalTriggerObject(this.kernel, trigger);
  }
}

class LocalTriggerBuilder
  extends ServiceObject
  implements Implements<GoogleAppsScript.Script.TriggerBuilder, 'timeBased' | 'forSpreadsheet'>
{
  constructor(
    kernel: Kernel,
    private readonly table: TriggerTable,
    private readonly handler: string,
  ) {
    super(kernel, 'TriggerBuilder');
  }
  timeBased(): LocalClockTriggerBuilder {
    return new LocalClockTriggerBuilder(this.kernel, this.table, this.handler);
  }
  forSpreadsheet(spreadsheet: string | { getId(): string }): LocalSpreadsheetTriggerBuilder {
    const id = typeof spreadsheet === 'string' ? spreadsheet : spreadsheet.getId();
    return new LocalSpreadsheetTriggerBuilder(this.kernel, this.table, this.handler, id);
  }
}

type ScriptAppMethods =
  'getScriptId' | 'getProjectTriggers' | 'getUserTriggers' | 'deleteTrigger' | 'newTrigger';

export class LocalScriptApp
  extends ServiceObject
  implements Implements<GoogleAppsScript.Script.ScriptApp, ScriptAppMethods>
{
  readonly AuthMode = {
    NONE: 'NONE',
    LIMITED: 'LIMITED',
    FULL: 'FULL',
    CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  };
  readonly TriggerSource = { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK' };
  readonly EventType = {
    CLOCK: 'CLOCK',
    ON_OPEN: 'ON_OPEN',
    ON_EDIT: 'ON_EDIT',
    ON_CHANGE: 'ON_CHANGE',
    ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  };
  constructor(
    kernel: Kernel,
    private readonly table: TriggerTable,
  ) {
    super(kernel, 'ScriptApp');
  }
  /** Every user's triggers (tests may add one by hand, as if created earlier). */
  get _triggers(): LocalTrigger[] {
    return this.table.all;
  }
  getScriptId(): string {
    return 'local-script';
  }
  /** Only the current user's: Google never shows a script other people's triggers. */
  getProjectTriggers(): LocalTriggerObject[] {
    return this.table.mine().map((t) => new LocalTriggerObject(this.kernel, t));
  }
  getUserTriggers(spreadsheet: { getId(): string }): LocalTriggerObject[] {
    const id = spreadsheet.getId();
    return this.table
      .mine()
      .filter((t) => t.spreadsheetId === id)
      .map((t) => new LocalTriggerObject(this.kernel, t));
  }
  /** Removes one of the current user's triggers; another user's is out of reach. */
  deleteTrigger(trigger: LocalTriggerObject): void {
    const mine = this.table.mine();
    const at = this.table.all.findIndex((t) => t.id === trigger._trigger.id && mine.includes(t));
    if (at >= 0) this.table.all.splice(at, 1);
  }
  newTrigger(functionName: string): LocalTriggerBuilder {
    return new LocalTriggerBuilder(this.kernel, this.table, functionName);
  }
}
