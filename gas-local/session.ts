// Session and User: who runs the script, and when Google hides that person's address from it.

import type { Accounts } from './accounts';
import { MESSAGES } from './errors';
import { ServiceObject } from './facade';
import type { Implements } from './implements';
import type { Kernel } from './kernel';
import type { ExecutionScope } from './scope';

export const USERINFO_EMAIL_SCOPE = 'https://www.googleapis.com/auth/userinfo.email';

export class LocalUser
  extends ServiceObject
  implements Implements<GoogleAppsScript.Base.User, 'getEmail'>
{
  constructor(
    kernel: Kernel,
    private readonly email: string,
  ) {
    super(kernel, 'User');
  }
  getEmail(): string {
    return this.email;
  }
}

export class LocalSession
  extends ServiceObject
  implements
    Implements<
      GoogleAppsScript.Base.Session,
      'getActiveUser' | 'getEffectiveUser' | 'getActiveUserLocale' | 'getScriptTimeZone'
    >
{
  /** The manifest's explicit oauthScopes; undefined when Google infers the scopes from the code. */
  _oauthScopes: readonly string[] | undefined;
  constructor(
    kernel: Kernel,
    private readonly scope: ExecutionScope,
    private readonly accounts: Accounts,
    public _userLocale: string,
    private readonly scriptZone: string,
  ) {
    super(kernel, 'Session');
  }

  /** Both Session user calls need userinfo.email; an explicit scope list without it denies them. */
  private _requireEmailScope(method: string): void {
    if (this._oauthScopes !== undefined && !this._oauthScopes.includes(USERINFO_EMAIL_SCOPE))
      throw this.kernel.error(MESSAGES.noPermission(`Session.${method}`, USERINFO_EMAIL_SCOPE));
  }

  /**
   * Blank where Google gives a blank: in simple triggers and where a domain policy hides the
   * address from the script.
   */
  getActiveUser(): LocalUser {
    this._requireEmailScope('getActiveUser');
    const email = this.scope.user;
    const visible = this.kernel.authMode === 'FULL' && this.accounts.get(email).emailVisible;
    return new LocalUser(this.kernel, visible ? email : '');
  }
  /** The user whose authority the script runs under: for an installable trigger, its creator. */
  getEffectiveUser(): LocalUser {
    this._requireEmailScope('getEffectiveUser');
    return new LocalUser(this.kernel, this.scope.user);
  }
  getActiveUserLocale(): string {
    return this._userLocale;
  }
  getScriptTimeZone(): string {
    return this.scriptZone;
  }
}
