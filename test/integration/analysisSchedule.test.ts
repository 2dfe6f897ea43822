// The hourly job rebuilds the Analysis once a day at the Settings hour, not every hour; the menu
// rebuilds it at once; charts whose tables sit where they sat are left as they are.

import type { LocalAppsScript } from '../../gas-local/runtime';
import { automationWorkbook, gradeALead, HOUR, T0 } from '../support/automation';

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

  it('reads only the Lead ID and time of Follow-ups in an hour that does not rebuild it', () => {
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
    const cellsOfFollowUps = () => {
      const { calls } = runtime.measure(fire);
      return calls
        .filter((c) => c.sheet === FOLLOW_UPS)
        .reduce((sum, c) => sum + (c.cellsRead ?? 0), 0);
    };
    expect(cellsOfFollowUps()).toBeGreaterThanOrEqual(50 * 8);
    runtime.kernel.advance(HOUR);
    // The header rows, then two columns of 50 rows.
    expect(cellsOfFollowUps()).toBeLessThanOrEqual(10 * 8 + 2 * 50);
    // In one read after the header: a sort between two reads could pair one row's Lead ID with
    // another row's time.
    runtime.kernel.advance(HOUR);
    const { calls } = runtime.measure(fire);
    const reads = calls.filter((c) => c.sheet === FOLLOW_UPS && c.method === 'getValues');
    expect(reads).toHaveLength(2);
  });

  it('rebuilds at once from the menu, whatever the hour', () => {
    const { runtime, fire } = triggered();
    fire();
    runtime.kernel.advance(HOUR);
    expect(touched(runtime, () => runtime.invoke('refreshAnalysis')).analysisWritten).toBe(true);
    expect(touched(runtime, () => runtime.invoke('runHourly')).analysisWritten).toBe(true);
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
