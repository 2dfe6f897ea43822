// The people who use the script: whether Google shows the script their address, and whether their
// account is a consumer or a Workspace one (quotas and mail limits differ).

export interface Account {
  readonly email: string;
  /** Workspace accounts get larger quotas (1,500 recipients a day, 400 KB mail bodies). */
  readonly workspace: boolean;
  /** False where a domain policy hides the address from scripts of other domains. */
  readonly emailVisible: boolean;
}

export type AccountOptions = Partial<Omit<Account, 'email'>>;

export class Accounts {
  private readonly byEmail = new Map<string, Account>();

  add(email: string, options: AccountOptions = {}): Account {
    const account = {
      email,
      workspace: options.workspace ?? false,
      emailVisible: options.emailVisible ?? true,
    };
    this.byEmail.set(email, account);
    return account;
  }

  /** An address nobody added is an ordinary consumer account. */
  get(email: string): Account {
    return this.byEmail.get(email) ?? { email, workspace: false, emailVisible: true };
  }
}
