// The claims ledger (SPEC §14): one row per pool lead claimed (time, Lead ID, who), in a hidden tab
// of the spreadsheet. A row per claim survives where the Log (capped at 5,000 entries) and saved
// state (kept small, SPEC §12) would not: the daily cap and the Analysis count claims from it.

import type { Claim } from '../method/pool/claimRules';
import { textOf } from '../sheet/cells';
import { readDate } from '../sheet/dateCells';
import type { TimeZone } from '../sheet/calendar';
import type { Language } from '../sheet/language';
import { POOL_CLAIMS, t } from '../sheet/text';
import { appendRowsNow } from './commit';
import { type Spreadsheet, trimNewTab } from './workbook';

export const CLAIMS_TAB = '_LeadTrackerClaims';
const WIDTH = 3;

/** Every claim recorded, oldest first; none when the tab does not exist yet. */
export function readClaims(spreadsheet: Spreadsheet, zone: TimeZone): Claim[] {
  const sheet = spreadsheet.getSheetByName(CLAIMS_TAB);
  if (!sheet) return [];
  const rows = Math.max(0, sheet.getLastRow() - 1);
  if (rows === 0) return [];
  return sheet
    .getRange(2, 1, rows, WIDTH)
    .getValues()
    .flatMap((row) => {
      const at = readDate(row[0], zone);
      const leadId = textOf(row[1]);
      return at && leadId ? [{ at, leadId, owner: textOf(row[2]) }] : [];
    });
}

/** Appends one claim below the ledger's last row, creating the hidden tab the first time. */
export function recordClaim(
  spreadsheet: Spreadsheet,
  claim: Claim,
  language: Language,
  zone: TimeZone,
): void {
  let sheet = spreadsheet.getSheetByName(CLAIMS_TAB);
  if (!sheet) sheet = spreadsheet.insertSheet(CLAIMS_TAB);
  // Laid out here, not only when created: a run that died just after creating it left it bare.
  if (textOf(sheet.getRange(1, 1).getValue()) === '') {
    sheet.hideSheet();
    trimNewTab(sheet, WIDTH);
    const header = POOL_CLAIMS.ledgerHeader;
    sheet
      .getRange(1, 1, 1, WIDTH)
      .setValues([
        [t(language, header.claimedAt), t(language, header.leadId), t(language, header.owner)],
      ]);
    sheet.setFrozenRows(1);
  }
  appendRowsNow(
    {
      spreadsheet,
      sheet,
      headerRow: 1,
      identity: { idColumn: 1, identityColumns: [] },
      zone,
      mode: 'batch',
    },
    [[claim.at, claim.leadId, claim.owner]],
    'fill',
  );
}

/**
 * Takes a claim back out of the ledger when it did not take effect: its row is blanked (a row
 * without a date is no claim), since Sheets will not delete a tab's last unfrozen row. The ledger
 * is written only under the document lock, so the row is found where it was appended.
 */
export function withdrawClaim(spreadsheet: Spreadsheet, claim: Claim, zone: TimeZone): void {
  const sheet = spreadsheet.getSheetByName(CLAIMS_TAB);
  if (!sheet) return;
  const rows = Math.max(0, sheet.getLastRow() - 1);
  if (rows === 0) return;
  const values = sheet.getRange(2, 1, rows, WIDTH).getValues();
  for (let r = values.length - 1; r >= 0; r--) {
    const at = readDate(values[r][0], zone);
    if (
      // Dates go to the ledger to the second.
      at !== undefined &&
      Math.floor(at.getTime() / 1000) === Math.floor(claim.at.getTime() / 1000) &&
      textOf(values[r][1]) === claim.leadId &&
      textOf(values[r][2]) === claim.owner
    ) {
      sheet.getRange(r + 2, 1, 1, WIDTH).clearContent();
      return;
    }
  }
}
