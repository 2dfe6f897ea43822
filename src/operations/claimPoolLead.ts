// Claiming a pool lead (SPEC §14, 领取), a sidebar call: the caller takes a lead from the pool back to
// Leads as its owner, within Settings' daily cap and the previous owner's wait. Under the lock, and
// safe to repeat after any failure: the claim is recorded once first (so a claim that takes effect
// always counts against the cap), then the Pool row is given its owner (a manager's assignment,
// which the hourly job would finish too), then the lead moves. A claim refused after it was
// recorded (a person deleted the row or gave the lead to someone else meanwhile) is taken back out.

import {
  type ClaimRefusal,
  claimRefusal,
  claimsLeft,
  pendingClaim,
} from '../method/pool/claimRules';
import { type ClaimResult, leadIdSchema } from '../method/followUp/myDayContract';
import { isOwnedBy, ownerLabel, type Person } from '../method/settings/teamIdentity';
import { formatDueTime } from '../method/reminders/reminders';
import { isBlank, textOf } from '../sheet/cells';
import { readDate } from '../sheet/dateCells';
import { requireColumns } from '../sheet/headers';
import type { Language } from '../sheet/language';
import { LEAD_COLUMNS, type LeadColumnKey, POOL_COLUMNS } from '../sheet/tabs';
import { POOL_CLAIMS, t } from '../sheet/text';
import { readClaims, recordClaim, withdrawClaim } from '../gas/claimLedger';
import { commitEdits, tableTarget } from '../gas/commit';
import { readLeadRow, readTabHeader } from '../gas/leadRows';
import { withDocumentLock } from '../gas/lock';
import { appendLog } from '../gas/log';
import { finishHalfDoneMoves, type MoveContext, returnClaimedPoolLead } from '../gas/poolMoves';
import { signedInPerson } from '../gas/signedInPerson';
import { readTable, type Table } from '../gas/table';
import { requireTab } from '../gas/workbook';
import { type SidebarContext, sidebarContext } from './sidebarContext';

type PoolKey = (typeof POOL_COLUMNS)[number]['key'];

function refusalMessage(refusal: ClaimRefusal, context: SidebarContext): string {
  const { language } = context;
  const words = POOL_CLAIMS.refusal;
  switch (refusal.rule) {
    case 'dailyCap':
      return t(language, words.dailyCap, refusal.cap);
    case 'reclaimWait':
      return t(
        language,
        words.reclaimWait,
        refusal.days,
        formatDueTime(refusal.from, context.zone),
      );
    default:
      return t(language, words[refusal.rule]);
  }
}

const refused = (message: string) => new Error(message);

/** The Leads tab as a place to move into: its header only, no rows read. */
function leadsTarget(context: SidebarContext): Table<LeadColumnKey> {
  const tab = readTabHeader(
    requireTab(context.tabs, 'leads', context.language),
    LEAD_COLUMNS,
    context.settings.columnNames,
  );
  requireColumns(
    tab.layout,
    LEAD_COLUMNS.map((c) => c.key),
    () => tab.sheet.getName(),
    context.language,
  );
  return { ...tab, rows: [] };
}

function poolRowOf(pool: Table<PoolKey>, leadId: string): unknown[] | undefined {
  const idAt = pool.layout.index.id as number;
  return pool.rows.find((row) => textOf(row[idAt]) === leadId);
}

function parseLeadId(input: unknown, language: Language): string {
  const parsed = leadIdSchema.safeParse(input);
  if (!parsed.success) throw refused(t(language, POOL_CLAIMS.refusal.leadId));
  return parsed.data;
}

/**
 * Claims the pool lead for the caller. Throws an Error saying which rule refuses it (the caller
 * unknown or outside the team, claiming off, the daily cap, the previous owner's wait), or that
 * the lead is not in the pool; nothing is written then, except that a claim of the caller's
 * that a failed run left, for a lead a manager has since given to someone else, is taken back out.
 */
export function claimPoolLead(input: unknown): ClaimResult {
  const context = sidebarContext();
  const { language, settings, spreadsheet, zone, now } = context;
  const leadId = parseLeadId(input, language);
  return withDocumentLock(language, 30_000, () => {
    const { person } = signedInPerson(spreadsheet, settings);
    const claims = readClaims(spreadsheet, zone);
    const poolSheet = requireTab(context.tabs, 'pool', language);
    let pool = readTable(poolSheet, POOL_COLUMNS, settings.columnNames);
    // A read is two calls (the tab's extent, then its values): a row a person inserted in between
    // pushes the last lead out of it, so a lead not found is looked for once more.
    if (!poolRowOf(pool, leadId)) pool = readTable(poolSheet, POOL_COLUMNS, settings.columnNames);
    const pi = requireColumns(
      pool.layout,
      POOL_COLUMNS.map((c) => c.key),
      () => poolSheet.getName(),
      language,
    );
    const leads = leadsTarget(context);
    const moveContext: MoveContext = { spreadsheet, settings, language, zone, now };
    const inLeads = readLeadRow(
      leads,
      leads.layout.index.id as number,
      leadId,
      LEAD_COLUMNS,
      settings.columnNames,
    );
    // A claim that died between writing the Leads row and removing the Pool row: finish it.
    if (inLeads && poolRowOf(pool, leadId)) {
      finishHalfDoneMoves({ ...leads, rows: [inLeads.cells] }, pool, moveContext);
    }
    const poolRow = poolRowOf(pool, leadId);
    const left = (who: Person) =>
      claimsLeft(readClaims(spreadsheet, zone), who, settings, now, zone);
    if (!poolRow) {
      const owner = inLeads ? inLeads.cells[leads.layout.index.owner as number] : '';
      // Already claimed by this person (a repeated call after it succeeded): the same answer.
      if (
        person &&
        inLeads &&
        isOwnedBy(owner, person) &&
        pendingClaim(claims, leadId, person, undefined)
      ) {
        return { leadId, owner: ownerLabel(person), claimsLeft: left(person) };
      }
      throw refused(t(language, POOL_CLAIMS.refusal.notInPool, leadId));
    }
    const pooledAt = readDate(poolRow[pi.pooledAt], zone);
    const poolOwner = poolRow[pi.owner];
    const mine = person !== undefined && !isBlank(poolOwner) && isOwnedBy(poolOwner, person);
    if (!isBlank(poolOwner) && !mine) {
      // A claim of this lead by the caller since it was pooled, left by a run that died: a manager
      // gave the lead to someone else, so it never took effect and no longer counts. Without a
      // Pooled at (a row put back by hand) an earlier claim that did take effect could look alike.
      const stale = person && pooledAt && pendingClaim(claims, leadId, person, pooledAt);
      if (stale) withdrawClaim(spreadsheet, stale, zone);
      throw refused(t(language, POOL_CLAIMS.refusal.alreadyAssigned, leadId, textOf(poolOwner)));
    }
    // A claim of this lead recorded by a run that died: this call finishes it, and it is not
    // counted against itself.
    const pending = person && pendingClaim(claims, leadId, person, pooledAt);
    if (!mine) {
      const refusal = claimRefusal(
        {
          person,
          previousOwner: poolRow[pi.previousOwner],
          pooledAt,
          claims: claims.filter((c) => c !== pending),
          now,
        },
        settings,
        zone,
      );
      if (refusal) throw refused(refusalMessage(refusal, context));
    }
    const claimer = person as Person;
    const owner = ownerLabel(claimer);
    const claim = pending || { at: now, leadId, owner };
    if (!pending) recordClaim(spreadsheet, claim, language, zone);
    const takeBack = () => {
      withdrawClaim(spreadsheet, claim, zone);
      return refused(t(language, POOL_CLAIMS.refusal.notInPool, leadId));
    };
    if (!mine) {
      // The Pool row names its new owner: from here on the claim is decided, and a run that dies
      // is finished by a repeat of this call, or by the hourly job's return of owned leads.
      const written = commitEdits(tableTarget(spreadsheet, pool, zone), [
        { key: `id:${leadId}`, edits: [{ column: pi.owner, value: owner, was: poolOwner }] },
      ]);
      // A person deleted the Pool row meanwhile: there is nothing left to claim.
      if (written.gone.length > 0) throw takeBack();
    }
    // Gone from the pool, or given to someone else, in the moment before it moved.
    if (!returnClaimedPoolLead(leads, pool, leadId, owner, moveContext)) throw takeBack();
    appendLog(
      spreadsheet,
      context.tabs,
      [
        {
          action: t(language, POOL_CLAIMS.logAction),
          detail: t(language, POOL_CLAIMS.logDetail, leadId, owner),
        },
      ],
      language,
      now,
      claimer.email,
    );
    return { leadId, owner, claimsLeft: left(claimer) };
  });
}
