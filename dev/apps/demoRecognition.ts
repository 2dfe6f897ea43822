// What the demo says about a team's own workbook before scoring it: the header row and columns that
// set-up recognised (from its own summary), and which rows under the header are no lead or lack
// the means to reach the customer.

import type { SetupSummary } from '../../src/operations/setupSheets';
import type { Recognition } from '../../src/sheet/headers';

const list = (items: readonly string[]) => items.join(', ');

/** How one tab was read, as set-up recognised it. */
function tabLines(r: Recognition): string[] {
  const synonyms = r.renamed.filter((x) => !x.mapped);
  const mapped = r.renamed.filter((x) => x.mapped);
  const titles =
    r.headerRow > 1 ? ` (${r.headerRow - 1} title row(s) above it kept as they are)` : '';
  const lines = [
    `  ${r.tab}: header row ${r.headerRow}${titles}`,
    `    matched by name: ${r.recognised - r.renamed.length} column(s)`,
  ];
  const renamed = (xs: typeof r.renamed) => list(xs.map((x) => `${x.header} → ${x.column}`));
  if (synonyms.length > 0) lines.push(`    matched by synonym: ${renamed(synonyms)}`);
  if (mapped.length > 0) lines.push(`    matched by your column names: ${renamed(mapped)}`);
  if (r.added.length > 0) lines.push(`    added at the end: ${list(r.added)}`);
  if (r.ignored.length > 0)
    lines.push(`    ignored (kept as your own columns): ${list(r.ignored)}`);
  return lines;
}

/** Set-up's summary in plain lines: each tab the team made that set-up read differently, then what it created. */
export function recognitionLines(summary: SetupSummary): string[] {
  const lines = ['What set-up recognised:'];
  if (summary.recognised.length === 0)
    lines.push('  every tab as the template has it: header row 1, every column by name');
  for (const r of summary.recognised) lines.push(...tabLines(r));
  if (summary.created.length > 0) lines.push(`  tabs created: ${list(summary.created)}`);
  if (summary.addedSettings > 0)
    lines.push(`  settings added to the Settings tab: ${summary.addedSettings}`);
  return lines;
}

/** The rows under a header, by 1-based sheet row. */
export interface LeadRows {
  /** Rows with content: what scoring, the automation and the analysis take as leads. */
  readonly leads: number;
  /** Rows with no content between leads: no lead anywhere, skipped. */
  readonly blank: readonly number[];
  /** Rows with content but neither contact nor phone. */
  readonly unreachable: readonly number[];
}

const isBlank = (value: unknown) =>
  value === '' || value === null || value === undefined || String(value).trim() === '';

/**
 * Sorts the rows under a header: `rows[i]` is sheet row `firstRow + i`; `contact` and `phone` are
 * the 0-based columns of those fields.
 */
export function leadRowsOf(
  rows: readonly (readonly unknown[])[],
  firstRow: number,
  column: { readonly contact: number; readonly phone: number },
): LeadRows {
  let lastWithContent = rows.length - 1;
  while (lastWithContent >= 0 && rows[lastWithContent].every(isBlank)) lastWithContent--;
  const blank: number[] = [];
  const unreachable: number[] = [];
  let leads = 0;
  rows.slice(0, lastWithContent + 1).forEach((row, i) => {
    if (row.every(isBlank)) blank.push(firstRow + i);
    else {
      leads++;
      if (isBlank(row[column.contact]) && isBlank(row[column.phone]))
        unreachable.push(firstRow + i);
    }
  });
  return { leads, blank, unreachable };
}

/** "rows 5, 7" */
const rowList = (rows: readonly number[]) =>
  `row${rows.length === 1 ? '' : 's'} ${list(rows.map(String))}`;

export function leadRowLines(tab: string, rows: LeadRows): string[] {
  const lines = [`  ${tab}: ${rows.leads} lead row(s)`];
  if (rows.blank.length > 0)
    lines.push(`    skipped, blank (no lead anywhere): ${rowList(rows.blank)}`);
  if (rows.unreachable.length > 0)
    lines.push(
      `    no contact and no phone: ${rowList(rows.unreachable)} (kept and scored; Leads marks the blank cells)`,
    );
  return lines;
}
