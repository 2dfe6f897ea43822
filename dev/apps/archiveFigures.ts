// `npx tsx dev/apps/archiveFigures.ts [leads]` after `npm run build`: archives a tracker of
// closed and open leads (default 5,000) through the built bundle and prints the tracker's size
// before and after, each archive's size, the run's cost, and whether the Analysis stayed the same.

import type { LocalAppsScript } from '../../gas-local/runtime';
import type { LocalSpreadsheet } from '../../gas-local/spreadsheet';
import {
  analysisFigures,
  archives,
  archiveWorkbook,
  CONVERSIONS,
  FOLLOW_UPS,
  gridCells,
  LEADS,
} from '../../test/support/archive';

const count = Number(process.argv[2] ?? 5000);

/** Data rows of the tracker's three lead tabs, and cells of every tab's grid. */
function size(runtime: LocalAppsScript, book: LocalSpreadsheet) {
  const rows = (tab: string) =>
    book._sheet(tab) ? runtime.handle(book).values(tab).length - 1 : 0;
  return {
    leads: rows(LEADS),
    followUps: rows(FOLLOW_UPS),
    conversions: rows(CONVERSIONS),
    gridCells: gridCells(book),
  };
}

// Leads spread over 28 months from January 2022, so the closed ones of 2022 and early 2023 are due.
const runtime = archiveWorkbook(count, (28 * 30) / count);
const before = size(runtime, runtime.spreadsheet);
const figures = analysisFigures(runtime);
// A run moves at most 2,000 leads; the backlog goes on the next runs.
const runs: { calls: number; read: number; written: number }[] = [];
for (let leadsLeft = -1; leadsLeft !== size(runtime, runtime.spreadsheet).leads;) {
  leadsLeft = size(runtime, runtime.spreadsheet).leads;
  const { calls } = runtime.measure(() => runtime.invoke('archiveClosedLeads'));
  runtime.kernel.advance(60_000);
  runs.push({
    calls: calls.length,
    read: calls.reduce((sum, c) => sum + (c.cellsRead ?? 0), 0),
    written: calls.reduce((sum, c) => sum + (c.cellsWritten ?? 0), 0),
  });
}
const after = size(runtime, runtime.spreadsheet);
const same = JSON.stringify(analysisFigures(runtime)) === JSON.stringify(figures);

console.log(`| | Leads rows | Follow-ups rows | Conversions rows | grid cells |`);
console.log(`|---|---:|---:|---:|---:|`);
const line = (label: string, s: ReturnType<typeof size>) =>
  console.log(`| ${label} | ${s.leads} | ${s.followUps} | ${s.conversions} | ${s.gridCells} |`);
line('tracker before', before);
line('tracker after', after);
for (const book of archives(runtime)) line(book.getName(), size(runtime, book));
runs.forEach((run, i) =>
  console.log(
    `${i === 0 ? '\n' : ''}archiveClosedLeads run ${i + 1}: ${run.calls} calls, ${run.read} cells read, ${run.written} cells written`,
  ),
);
const summary = runtime.spreadsheet._sheet('_LeadTrackerArchived');
const groups = summary ? runtime.values('_LeadTrackerArchived').length - 2 : 0;
console.log(`Summary of archived leads in the tracker: ${groups} group rows`);
console.log(`Analysis figures unchanged: ${same}`);
