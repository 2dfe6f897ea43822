// The hourly job rebuilds the Analysis once a day at the Settings hour, not every hour; the menu
// rebuilds it at once; charts whose tables sit where they sat are left as they are.

import type { LocalAppsScript } from '../../gas-local/runtime';
import { automationWorkbook, gradeALead, HOUR, T0 } from '../support/automation';
import { READ_SLACK } from '../../src/gas/rowsToEnd';

const ANALYSIS = '转化分析';

function triggered(): { runtime: LocalAppsScript; fire: () => void } {
  const runtime = automationWorkbook([gradeALead(1), gradeALead(2)]);
  runtime.invoke('installAutomation');
  const [trigger] = runtime.allTriggers();
  return { runtime, fire: () => runtime.fireTimeTrigger(trigger.id) };
}

/** Whether an execution read the Follow-ups or Conversions tab, or wrote the Analysis. */
function touched(runtime: LocalAppsScript, run: () => void) {
  const { calls } = runtime.measure(run);
  return {
    analysisWritten: calls.some((c) => c.sheet === ANALYSIS && /^set/.test(c.method)),
    charts: calls.filter((c) => /^(insertChart|updateChart|removeChart)$/.test(c.method)).length,
  };
}

describe('when the Analysis is rebuilt', () => {
  it('rebuilds on the first hourly run, then not again until the Settings hour next day', () => {
    const { runtime, fire } = triggered();
    // T0 is 10:00 in Shanghai; the default hour is 7.
    expect(new Date(T0).getUTCHours() + 8).toBe(10);
    expect(touched(runtime, fire).analysisWritten).toBe(true);
    runtime.kernel.advance(HOUR);
    expect(touched(runtime, fire).analysisWritten).toBe(false);
    runtime.kernel.advance(18 * HOUR); // 05:00 the next day
    expect(touched(runtime, fire).analysisWritten).toBe(false);
    runtime.kernel.advance(2 * HOUR); // 07:00
    expect(touched(runtime, fire).analysisWritten).toBe(true);
  });

  it('reads of Follow-ups only the Lead ID and time, and in an hour that does not rebuild it only for a lead with no Entered at', () => {
    const { runtime, fire } = triggered();
    const FOLLOW_UPS = '销售线索跟进记录表';
    const rows = Array.from({ length: 50 }, (_, i) => [
      `202405${String(i + 1).padStart(3, '0')}-展会`,
      new Date(T0.getTime() - i * HOUR),
      '电话',
      '聊了报价和交付时间，客户要再想想',
      '',
      '',
      '',
      '张伟',
    ]);
    runtime.type(FOLLOW_UPS, 2, 1, rows);
    const followUpReads = () =>
      runtime.measure(fire).calls.filter((c) => c.sheet === FOLLOW_UPS && c.cellsRead > 0);
    const cells = (reads: { cellsRead: number }[]) => reads.reduce((n, c) => n + c.cellsRead, 0);
    // The day's first run rebuilds the Analysis (and archives, which reads every tab whole).
    expect(followUpReads().length).toBeGreaterThan(0);
    // The Analysis reads the Lead ID and time of each follow-up (after the header rows), not the
    // notes beside them.
    const analysed = runtime
      .measure(() => runtime.invoke('refreshAnalysis'))
      .calls.filter((c) => c.sheet === FOLLOW_UPS && c.cellsRead > 0);
    expect(analysed.map((c) => c.cellsRead).at(-1)).toBeGreaterThanOrEqual(2 * 50);
    expect(cells(analysed)).toBeLessThanOrEqual(10 * 8 + 2 * (50 + READ_SLACK));
    // Every lead has its Entered at: the history of Follow-ups is not needed.
    runtime.kernel.advance(HOUR);
    expect(followUpReads()).toEqual([]);
    // A lead whose Entered at was cleared takes it from its history on the day's first run,
    // which reads every lead whole (a regular hour does not look at Entered at of owned leads):
    // the header rows, then the Lead ID and time of 50 rows in one read (a sort between two reads
    // could pair one row's Lead ID with another row's time).
    const [header] = runtime.values('销售线索信息表');
    runtime.type('销售线索信息表', 2, header.indexOf('录入时间') + 1, [['']]);
    runtime.kernel.advance(HOUR);
    expect(followUpReads()).toEqual([]);
    runtime.kernel.advance(18 * HOUR); // 06:00 the next day, before the Analysis hour
    runtime.invoke('archiveClosedLeads'); // the day's archive, which reads every tab, done
    const reads = followUpReads();
    expect(reads).toHaveLength(2);
    // (The read runs READ_SLACK rows past the last, so a row a person inserts pushes none out.)
    expect(cells(reads)).toBeLessThanOrEqual(10 * 8 + 2 * (50 + READ_SLACK));
  });

  it('rebuilds at once from the menu, whatever the hour', () => {
    const { runtime, fire } = triggered();
    fire();
    runtime.kernel.advance(HOUR);
    expect(touched(runtime, () => runtime.invoke('refreshAnalysis')).analysisWritten).toBe(true);
    expect(touched(runtime, () => runtime.invoke('runHourlyNow')).analysisWritten).toBe(true);
  });

  it('leaves charts alone when their tables have not moved, and redraws one a person deleted', () => {
    const { runtime } = triggered();
    expect(touched(runtime, () => runtime.invoke('refreshAnalysis')).charts).toBeGreaterThan(0);
    expect(touched(runtime, () => runtime.invoke('refreshAnalysis')).charts).toBe(0);
    const sheet = runtime.sheet(ANALYSIS);
    sheet.removeChart(sheet.getCharts()[0]);
    expect(touched(runtime, () => runtime.invoke('refreshAnalysis')).charts).toBeGreaterThan(0);
  });
});
