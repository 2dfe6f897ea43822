// Runs a writing operation under the document lock (SPEC §9), so the hourly job, a menu click and an
// edit never lose each other's writes or write into rows another run just moved.

import type { Language } from '../sheet/language';

export class BusyError extends Error {
  constructor(language: Language) {
    super(
      language === 'zh'
        ? '另一个线索跟踪任务正在运行，请稍后再试。'
        : 'Another Lead Tracker task is running. Please try again in a minute.',
    );
    this.name = 'BusyError';
  }
}

/**
 * Waits up to `timeoutMs` for the lock, runs `work`, flushes pending writes, then releases it.
 * A document lock is null outside a container-bound context; the script lock serves there.
 */
export function withDocumentLock<T>(language: Language, timeoutMs: number, work: () => T): T {
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(timeoutMs)) throw new BusyError(language);
  try {
    const result = work();
    // Google: flush before release so the next holder reads what this one wrote.
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
