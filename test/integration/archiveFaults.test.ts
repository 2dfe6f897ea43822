// Archiving can die at any service call: a rerun neither loses nor doubles a row, anywhere, and
// the Analysis shows the same figures as before archiving.

import {
  analysisFigures,
  archives,
  archiveWorkbook,
  CONVERSIONS,
  FOLLOW_UPS,
  LEADS,
  rowsEverywhere,
} from '../support/archive';

describe.each([
  { setUp: 'with the Sheets service', options: {} },
  // Code pasted in by hand: the tracker's rows go one block per call.
  { setUp: 'without the Sheets service', options: { withoutAdvancedServices: true } },
])('archiving under failure, $setUp', ({ options }) => {
  /** 16 leads, every 60 days from January 2022: closed ones of 2022 and early 2023 are due. */
  const workbook = () => archiveWorkbook(16, 60, options);

  it('keeps every row exactly once, and every figure, when it dies at any call and reruns', () => {
    const clean = workbook();
    const figures = analysisFigures(clean);
    const expected = [LEADS, FOLLOW_UPS, CONVERSIONS].map((tab) => rowsEverywhere(clean, tab));
    const { calls } = clean.measure(() => clean.invoke('archiveClosedLeads'));
    expect(archives(clean)).toHaveLength(2);
    expect(calls.length).toBeGreaterThan(30);
    for (let k = 1; k <= calls.length; k++) {
      const runtime = workbook();
      runtime.kernel.failAtCall = k;
      expect(() => runtime.invoke('archiveClosedLeads')).toThrow();
      runtime.kernel.advance(60_000);
      runtime.invoke('archiveClosedLeads');
      const found = [LEADS, FOLLOW_UPS, CONVERSIONS].map((tab) => rowsEverywhere(runtime, tab));
      expect({ k, found }).toEqual({ k, found: expected });
      // Every lead's rows sit in one place: the tracker or one archive.
      const inTracker = new Set(runtime.values(LEADS).map((r) => r[0]));
      // A run that died right after creating an archive, before remembering it, leaves it empty.
      const archivedLeads = archives(runtime)
        .filter((b) => b._sheet(LEADS))
        .flatMap((b) =>
          runtime
            .handle(b)
            .values(LEADS)
            .slice(1)
            .map((r) => r[0]),
        );
      expect(archivedLeads.filter((id) => inTracker.has(id))).toEqual([]);
      expect(archivedLeads.length).toBe(
        clean.handle(archives(clean)[0]).values(LEADS).slice(1).length +
          clean.handle(archives(clean)[1]).values(LEADS).slice(1).length,
      );
      expect({ k, figures: analysisFigures(runtime) }).toEqual({ k, figures });
    }
  });
});
