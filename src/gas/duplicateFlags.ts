// Which duplicate flags Lead Tracker set, kept in the spreadsheet's state: a remembered flag that is
// blank now was cleared by a person, and that lead is never flagged again (SPEC §3).

import { readState, STATE_KEYS, writeState } from './stateStore';

/** Enough memory of flags for any realistic backlog, small enough for the saved state. */
const FLAG_MEMORY = 2000;

export interface FlagMemory {
  /** Leads whose Possible duplicate cell the tracker filled. */
  readonly flags: Set<string>;
  /** Leads whose flag a person cleared. */
  readonly cleared: Set<string>;
}

export function readFlagMemory(): FlagMemory {
  return {
    flags: new Set(readState<string[]>(STATE_KEYS.flaggedDuplicates, [])),
    cleared: new Set(readState<string[]>(STATE_KEYS.clearedDuplicates, [])),
  };
}

/** Stores the memory, newest last; call it only after the flags are written to the tab. */
export function writeFlagMemory(memory: FlagMemory): void {
  writeState(STATE_KEYS.flaggedDuplicates, [...memory.flags].slice(-FLAG_MEMORY));
  writeState(STATE_KEYS.clearedDuplicates, [...memory.cleared].slice(-FLAG_MEMORY));
}
