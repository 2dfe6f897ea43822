// MailApp: sends nothing, records every message, and refuses what Google refuses: too many recipients
// in a message or in a day, and bodies over the size limit.

import type { Accounts } from './accounts';
import { MESSAGES } from './errors';
import { ServiceObject } from './facade';
import type { Implements } from './implements';
import type { Kernel } from './kernel';
import type { ExecutionScope } from './scope';

export interface SentMail {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly htmlBody?: string;
  readonly name?: string;
  readonly replyTo?: string;
  readonly cc?: string;
  readonly bcc?: string;
  /** Who sent it: the user the script ran as. */
  readonly sender?: string;
}

/** Google's quotas page: per day and per message, consumer and Workspace accounts. */
export const MAIL_LIMITS = {
  consumer: { recipientsPerDay: 100, bodyBytes: 200 * 1024 },
  workspace: { recipientsPerDay: 1500, bodyBytes: 400 * 1024 },
  recipientsPerMessage: 50,
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;

const addresses = (list: unknown) =>
  typeof list === 'string' ? list.split(',').filter((s) => s.trim() !== '') : [];

interface DailyQuota {
  remaining: number;
  /** Google resets a user's quota 24 hours after the first request of the day. */
  resetsAt: number | undefined;
}

export class LocalMailApp
  extends ServiceObject
  implements Implements<GoogleAppsScript.Mail.MailApp, 'sendEmail' | 'getRemainingDailyQuota'>
{
  readonly _sent: SentMail[] = [];
  private readonly quotas = new Map<string, DailyQuota>();
  constructor(
    kernel: Kernel,
    private readonly scope: ExecutionScope,
    private readonly accounts: Accounts,
  ) {
    super(kernel, 'MailApp');
  }

  private _limits(email: string) {
    return this.accounts.get(email).workspace ? MAIL_LIMITS.workspace : MAIL_LIMITS.consumer;
  }
  private _quotaOf(email: string): DailyQuota {
    let quota = this.quotas.get(email);
    if (!quota || (quota.resetsAt !== undefined && this.kernel.now() >= quota.resetsAt)) {
      quota = { remaining: this._limits(email).recipientsPerDay, resetsAt: undefined };
      this.quotas.set(email, quota);
    }
    return quota;
  }
  /** The running user's recipients left today; tests set it to simulate a spent quota. */
  get _quota(): number {
    return this._quotaOf(this.scope.user).remaining;
  }
  set _quota(remaining: number) {
    const quota = this._quotaOf(this.scope.user);
    quota.remaining = remaining;
    quota.resetsAt ??= this.kernel.now() + DAY_MS;
  }

  sendEmail(...args: unknown[]): void {
    const message = (
      typeof args[0] === 'object'
        ? args[0]
        : { to: args[0], subject: args[1], body: args[2], ...(args[3] as object) }
    ) as SentMail;
    const recipients =
      addresses(message.to).length + addresses(message.cc).length + addresses(message.bcc).length;
    if (recipients > MAIL_LIMITS.recipientsPerMessage)
      throw this.kernel.error(MESSAGES.mailRecipientsPerMessage);
    const sender = this.scope.user;
    // Which text Google measures is not documented: plain and HTML bodies are counted together.
    const bodyBytes =
      Buffer.byteLength(String(message.body ?? ''), 'utf8') +
      Buffer.byteLength(String(message.htmlBody ?? ''), 'utf8');
    if (bodyBytes > this._limits(sender).bodyBytes) throw this.kernel.error(MESSAGES.mailBodySize);
    const quota = this._quotaOf(sender);
    if (recipients > quota.remaining) throw this.kernel.error(MESSAGES.mailDailyQuota);
    quota.remaining -= recipients;
    quota.resetsAt ??= this.kernel.now() + DAY_MS;
    this._sent.push({ ...message, sender });
  }
  getRemainingDailyQuota(): number {
    return this._quotaOf(this.scope.user).remaining;
  }
}
