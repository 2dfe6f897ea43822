// Groups columns into runs of adjacent columns that share a setting, so one range call covers each run.

export interface ColumnRun<K> {
  readonly key: K;
  /** 0-based first column. */
  readonly from: number;
  readonly count: number;
}

/** Runs of adjacent columns with the same key, left to right; columns whose key is undefined are skipped. */
export function adjacentRuns<K>(
  columns: readonly { at: number; key: K | undefined }[],
): ColumnRun<K>[] {
  const sorted = [...columns].filter((c) => c.key !== undefined).sort((a, b) => a.at - b.at);
  const runs: { key: K; from: number; count: number }[] = [];
  for (const { at, key } of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.key === key && last.from + last.count === at) last.count++;
    else runs.push({ key: key as K, from: at, count: 1 });
  }
  return runs;
}
