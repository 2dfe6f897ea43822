// Keeps one spreadsheet's runs apart (SPEC §9, §11), so the hourly job, a menu click and an edit never
// lose each other's writes or write into rows another run just moved.
//
// Why not the document lock alone: a time-driven add-on run has no document, and getDocumentLock()
// returns null there. Why not the script lock: it is one lock for every spreadsheet (and, for an
// add-on, every customer) of the script, so holding it for a run would make all of them wait.
// The scheme: a lease recorded in the spreadsheet's state tab, taken and checked under the script
// lock held only for that moment (one read, one small write), and expiring after Google's 6-minute
// execution limit, so a run that was killed cannot block the spreadsheet for long. A run with a
// document also holds the document lock for its whole length: runs of the same spreadsheet queue on
// it cheaply, and the holder knows that any lease an earlier document run left behind is stale
// (that run has ended, or it would still hold the lock). A run without a document respects every
// live lease. See docs/apps-script-behaviour.md, "Keeping one spreadsheet's runs apart".

import type { Language } from '../sheet/language';
import { ERRORS, t } from '../sheet/text';
import { beginState, endState, readState, saveState, STATE_KEYS, writeState } from './stateStore';
import { NoSpreadsheetError, type Spreadsheet } from './workbook';

export class BusyError extends Error {
  constructor(language: Language) {
    super(t(language, ERRORS.busy));
    this.name = 'BusyError';
  }
}

/** Who holds the spreadsheet: a run with a document (and its lock) or one without. */
interface Lease {
  readonly kind: 'document' | 'detached';
  readonly until: number;
}

/** Google stops an execution after 6 minutes; a minute more covers clocks that differ. */
const LEASE_MS = 7 * 60_000;
/** Other runs hold the script lock only to read and write a lease: never for long. */
const SCRIPT_LOCK_WAIT_MS = 10_000;
/** How often a run waiting for another run's lease looks again. */
const POLL_MS = 2_000;

function leaseIsFree(lease: Lease | null, kind: Lease['kind'], now: number): boolean {
  if (!lease || !(lease.until > now)) return true;
  // Holding the document lock, a lease of a document run is a dead run's.
  return kind === 'document' && lease.kind === 'document';
}

/**
 * Takes the spreadsheet's lease, waiting until `deadline` for a live one to end. Reads the state
 * for the run on the way (the lease is part of it), so this costs no read of its own.
 */
function takeLease(
  spreadsheet: Spreadsheet,
  kind: Lease['kind'],
  language: Language,
  deadline: number,
): void {
  for (;;) {
    const scriptLock = LockService.getScriptLock();
    if (scriptLock.tryLock(Math.max(0, Math.min(SCRIPT_LOCK_WAIT_MS, deadline - Date.now())))) {
      try {
        beginState(spreadsheet);
        if (leaseIsFree(readState<Lease | null>(STATE_KEYS.lease, null), kind, Date.now())) {
          writeState(STATE_KEYS.lease, { kind, until: Date.now() + LEASE_MS });
          saveState();
          // Google: flush before release, so the next holder of the script lock reads the lease.
          SpreadsheetApp.flush();
          return;
        }
      } finally {
        scriptLock.releaseLock();
      }
    }
    if (Date.now() + POLL_MS > deadline) throw new BusyError(language);
    Utilities.sleep(POLL_MS);
  }
}

/** Stores what the run changed and frees the lease, in one write. */
function releaseLease(): void {
  writeState(STATE_KEYS.lease, null);
  saveState();
  SpreadsheetApp.flush();
}

/**
 * Runs `work` holding this spreadsheet (waiting up to `timeoutMs`, then BusyError), with the
 * spreadsheet's state read (readState/writeState work during `work`); stores the state and lets
 * go afterwards, also when `work` throws.
 */
export function withSpreadsheetLock<T>(
  spreadsheet: Spreadsheet,
  language: Language,
  timeoutMs: number,
  work: () => T,
): T {
  const deadline = Date.now() + timeoutMs;
  const documentLock = LockService.getDocumentLock();
  if (documentLock && !documentLock.tryLock(timeoutMs)) throw new BusyError(language);
  try {
    takeLease(spreadsheet, documentLock ? 'document' : 'detached', language, deadline);
    let result: T;
    try {
      result = work();
    } catch (error) {
      try {
        releaseLease();
      } catch {
        // The run's own error is the one to report; an unreleased lease expires by itself.
      }
      throw error;
    }
    releaseLease();
    return result;
  } finally {
    endState();
    documentLock?.releaseLock();
  }
}

/** The same for the active spreadsheet (menu items and sidebar calls). */
export function withDocumentLock<T>(language: Language, timeoutMs: number, work: () => T): T {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) throw new NoSpreadsheetError();
  return withSpreadsheetLock(spreadsheet, language, timeoutMs, work);
}
