// What a measured run would take on Google's servers, from public measurements of Sheets calls
// (docs/platform-limits.md, "What a call costs"): a round trip per call, and a cost per cell.

/** One service call's round trip: 400 setValues + flush pairs took about 12 s. */
export const MS_PER_CALL = 30;
/** Reading: the whole Leads tab at 100k leads (2.7 M cells) is estimated at about 9 s. */
export const MS_PER_CELL_READ = 0.0033;
/** Writing: 4,000 cells in one setValues took under 50 ms. */
export const MS_PER_CELL_WRITTEN = 0.0125;

/** Seconds a run of these calls and cells would take on Google, by the model above. */
export function estimatedSeconds(calls: number, cellsRead: number, cellsWritten: number): number {
  return (
    (calls * MS_PER_CALL + cellsRead * MS_PER_CELL_READ + cellsWritten * MS_PER_CELL_WRITTEN) / 1000
  );
}
