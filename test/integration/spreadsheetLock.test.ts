// The lock that keeps one spreadsheet's runs apart: a lease in its state tab that a run without a
// document and a run with one both respect, that expires after a killed run, and that never makes
// another spreadsheet wait.

import { loadRuntime } from '../support/runtime';
import { LocalAppsScript } from '../../gas-local/runtime';
import { ago, gradeALead, HOUR, LEADS, T0, TEAM } from '../support/automation';
import { putState, rowsIn, savedState, STATE_TAB, trackerIn } from '../support/spreadsheets';

const MINUTE = 60_000;
const BUSY = '另一个线索跟踪任务正在运行，请稍后再试。';

function twoTrackers() {
  const runtime = loadRuntime({ locale: 'zh_CN', now: T0 });
  const lead = [gradeALead(1, { enteredAt: ago(HOUR) })];
  const main = trackerIn(runtime, runtime.handle(runtime.spreadsheet), TEAM, lead);
  const other = trackerIn(runtime, runtime.addSpreadsheet({ name: 'Other' }), TEAM, lead);
  runtime.invoke('installAutomation', [], { spreadsheet: main });
  const [trigger] = runtime.allTriggers();
  return { runtime, main, other, trigger: trigger.id };
}

/** A lease as a run that is still going (or was killed) left it. */
const lease = (kind: 'document' | 'detached', minutesLeft: number) => ({
  kind,
  until: T0.getTime() + minutesLeft * MINUTE,
});

describe('the spreadsheet lock', () => {
  it('makes a click wait for an hourly run without a document, and gives up with the busy message', () => {
    const { runtime, main } = twoTrackers();
    putState(main, 'lease', lease('detached', 5));
    const before = main.values(LEADS);
    expect(() => runtime.invoke('assignLeads')).toThrow(BUSY);
    expect(main.values(LEADS)).toEqual(before);
    // It waited for its time-out (30 s), looking again every 2 s, not more.
    expect(runtime.kernel.now() - T0.getTime()).toBeGreaterThanOrEqual(28_000);
    expect(runtime.kernel.now() - T0.getTime()).toBeLessThanOrEqual(32_000);
  });

  it('makes an hourly run without a document wait for a click in progress', () => {
    const { runtime, main, trigger } = twoTrackers();
    putState(main, 'lease', lease('document', 5));
    expect(() => runtime.fireTimeTrigger(trigger)).toThrow(BUSY);
    expect(rowsIn(main, LEADS)[0]['负责人']).toBe('');
  });

  it('never makes another spreadsheet wait', () => {
    const { runtime, main, other } = twoTrackers();
    putState(main, 'lease', lease('detached', 5));
    runtime.invoke('assignLeads', [], { spreadsheet: other });
    expect(rowsIn(other, LEADS)[0]['负责人']).toBe('张伟');
    expect(runtime.kernel.now()).toBe(T0.getTime());
  });

  it('frees the spreadsheet by itself when the run that held it was killed', () => {
    const { runtime, main, trigger } = twoTrackers();
    putState(main, 'lease', lease('detached', 5));
    runtime.kernel.advance(6 * MINUTE);
    runtime.fireTimeTrigger(trigger);
    expect(rowsIn(main, LEADS)[0]['负责人']).toBe('张伟');
    expect(savedState(main).lease).toBeNull();
  });

  it('lets a click take over what a killed click left, since it holds the document lock', () => {
    const { runtime, main } = twoTrackers();
    putState(main, 'lease', lease('document', 5));
    runtime.invoke('assignLeads');
    expect(rowsIn(main, LEADS)[0]['负责人']).toBe('张伟');
    expect(runtime.kernel.now()).toBe(T0.getTime());
  });

  it('reads the state once, and writes the lease and then the changes, one call each', () => {
    const { runtime } = twoTrackers();
    runtime.invoke('scoreAllLeads');
    const { calls } = runtime.measure(() => runtime.invoke('scoreAllLeads'));
    const onState = LocalAppsScript.dataCalls(calls, STATE_TAB).map((c) => c.method);
    expect(onState).toEqual(['getValues', 'setValues', 'setValues']);
    const locks = calls.filter((c) => c.service === 'Lock').map((c) => c.method);
    expect(locks).toEqual(['tryLock', 'tryLock', 'releaseLock', 'releaseLock']);
  });
});
