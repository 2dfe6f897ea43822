// The sidebar's one door to the server: google.script.run behind a typed, promise-returning call().

import type {
  FollowUpForm,
  LeadCard,
  LeadSummary,
  SidebarStart,
} from '../src/method/followUp/followUpContract';
import type { ClaimResult, MyDay, PoolLeadSummary } from '../src/method/followUp/myDayContract';

/** The bundle's global functions the sidebar calls (SPEC §8), with their JSON payloads. */
export interface ServerFunctions {
  getSidebarStart(): SidebarStart;
  searchLeads(query: string): LeadSummary[];
  getLeadCard(leadId: string): LeadCard;
  /** Throws an Error naming every bad field, one per line. */
  submitFollowUp(form: FollowUpForm): LeadCard;
  /** SPEC §14: no argument for one's own queue; a name to pick oneself, or a manager's choice. */
  getMyDay(member?: string): MyDay;
  listPoolLeads(query?: string): PoolLeadSummary[];
  /** Throws an Error saying which rule refuses the claim. */
  claimPoolLead(leadId: string): ClaimResult;
}

type ServerFunctionName = keyof ServerFunctions;

/** The part of google.script.run this file uses: handlers, then one server function per call. */
interface ScriptRunner {
  withSuccessHandler(onSuccess: (value: unknown) => void): ScriptRun;
  withFailureHandler(onFailure: (error: unknown) => void): ScriptRun;
}

type ScriptRun = ScriptRunner & {
  readonly [Name in ServerFunctionName]: (...args: Parameters<ServerFunctions[Name]>) => void;
};

// Apps Script injects `google` into the sidebar's frame; it is absent when the page is opened
// anywhere else, and call() says so instead of failing with a ReferenceError.
declare const google: { readonly script: { readonly run: ScriptRun } } | undefined;

/** Runs a server function and settles with its result, or rejects with the server's Error. */
export function call<Name extends ServerFunctionName>(
  name: Name,
  ...args: Parameters<ServerFunctions[Name]>
): Promise<ReturnType<ServerFunctions[Name]>> {
  return new Promise((resolve, reject) => {
    if (typeof google === 'undefined' || !google?.script?.run) {
      reject(
        new Error('google.script.run is not available: open this sidebar from the spreadsheet.'),
      );
      return;
    }
    // Each call needs its own runner: handlers set on a shared one would answer every call.
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerFunctions[Name]>))
      .withFailureHandler((error) => reject(asError(error)));
    const send = runner[name] as (...sent: unknown[]) => void;
    send.apply(runner, args);
  });
}

/** The text to show for a failed call: the server's own message, without a runtime's prefix. */
export function serverMessage(error: unknown): string {
  const message = asError(error).message;
  return message.replace(/^(?:Error|Exception|ScriptError):\s*/, '');
}

function asError(error: unknown): Error {
  if (error instanceof Error) return error;
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return new Error(String((error as { message: unknown }).message));
  }
  return new Error(String(error));
}
