// Who runs the current execution and which spreadsheet, if any, is active in it.

import type { LocalSpreadsheet } from './spreadsheet';

interface Frame {
  readonly user: string;
  readonly active: LocalSpreadsheet | null;
}

/**
 * Services ask the scope rather than holding a user or a spreadsheet themselves, because one script
 * serves many people and documents: each execution runs as one person, in one document or none.
 */
export class ExecutionScope {
  private frame: Frame | undefined;

  constructor(
    readonly defaultUser: string,
    private readonly defaultSpreadsheet: () => LocalSpreadsheet,
  ) {}

  /** The person the script runs as (outside executions: the default user). */
  get user(): string {
    return this.frame?.user ?? this.defaultUser;
  }

  /** The active spreadsheet, or null where Google gives none (outside executions: the first). */
  get active(): LocalSpreadsheet | null {
    return this.frame ? this.frame.active : this.defaultSpreadsheet();
  }

  /** Runs `action` as `user` with `active` open, then restores what was before. */
  within<T>(user: string, active: LocalSpreadsheet | null, action: () => T): T {
    const previous = this.frame;
    this.frame = { user, active };
    try {
      return action();
    } finally {
      this.frame = previous;
    }
  }
}
