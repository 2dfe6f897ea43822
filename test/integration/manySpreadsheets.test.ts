// One script, several spreadsheets: each keeps its saved state in its own hidden tab, its hourly
// trigger runs without an active spreadsheet on its own data, and the property stores hold only
// which spreadsheet each trigger belongs to.

import { loadRuntime } from '../support/runtime';
import { ago, gradeALead, HOUR, LEADS, type Member, T0 } from '../support/automation';
import {
  OWNER,
  rowsIn,
  savedState,
  STATE_TAB,
  trackerIn,
  userPropertyKeys,
} from '../support/spreadsheets';

const NORTH: Member[] = [
  { name: '张伟', email: 'zhang@example.com', role: '销售' },
  { name: '赵经理', email: 'boss@example.com', role: '经理' },
];
const SOUTH: Member[] = [
  { name: '陈静', email: 'chen@example.com', role: '销售' },
  { name: '赵经理', email: 'boss@example.com', role: '经理' },
];

/** New leads without an ID, entered an hour ago, for customer numbers `from`… */
const newLeads = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => gradeALead(from + i, { enteredAt: ago(HOUR) }));

function twoTrackers() {
  const runtime = loadRuntime({ locale: 'zh_CN', now: T0 });
  const north = trackerIn(runtime, runtime.handle(runtime.spreadsheet), NORTH, newLeads(1, 2));
  const south = trackerIn(
    runtime,
    runtime.addSpreadsheet({ name: 'South', locale: 'zh_CN' }),
    SOUTH,
    newLeads(11, 3),
  );
  runtime.invoke('installAutomation', [], { spreadsheet: north });
  runtime.invoke('installAutomation', [], { spreadsheet: south });
  const triggerOf = (id: string) => {
    const trigger = runtime.allTriggers().find((t) => t.spreadsheetId === id);
    if (!trigger) throw new Error(`no trigger for ${id}`);
    return trigger.id;
  };
  return {
    runtime,
    north,
    south,
    northTrigger: triggerOf(north.id),
    southTrigger: triggerOf(south.id),
  };
}

describe('several spreadsheets with automation on one script', () => {
  it('gives a time-driven run neither document properties nor a document lock', () => {
    const runtime = loadRuntime();
    const seen = runtime.run(
      'return [PropertiesService.getDocumentProperties(), LockService.getDocumentLock(), SpreadsheetApp.getActiveSpreadsheet()];',
      { execution: 'timeTrigger', spreadsheet: null },
    );
    expect(seen).toEqual([null, null, null]);
  });

  it('runs each hourly trigger on its own spreadsheet, opened by ID, with its own team and state', () => {
    const { runtime, north, south, northTrigger, southTrigger } = twoTrackers();
    expect(runtime.allTriggers()).toHaveLength(2);
    runtime.fireTimeTrigger(northTrigger);
    runtime.fireTimeTrigger(southTrigger);

    const owners = (handle: typeof north) => rowsIn(handle, LEADS).map((l) => l['负责人']);
    expect(owners(north)).toEqual(['张伟', '张伟']);
    expect(owners(south)).toEqual(['陈静', '陈静', '陈静']);
    // Each spreadsheet numbers its own leads: nothing of one's sequences reached the other.
    const ids = (handle: typeof north) => rowsIn(handle, LEADS).map((l) => l['线索编号']);
    expect(ids(north)).toEqual(['202405001-展会', '202405002-展会']);
    expect(ids(south)).toEqual(['202405001-展会', '202405002-展会', '202405003-展会']);

    const northState = savedState(north);
    const southState = savedState(south);
    expect(northState.spreadsheetId).toBe(north.id);
    expect(southState.spreadsheetId).toBe(south.id);
    expect(northState.automation).toMatchObject({ on: true, by: OWNER, triggerUid: northTrigger });
    expect(southState.automation).toMatchObject({ on: true, by: OWNER, triggerUid: southTrigger });
    expect(northState.leadIdSequences).toEqual({ '202405': 2 });
    expect(southState.leadIdSequences).toEqual({ '202405': 3 });
    expect(northState.lease).toBeNull();
    // The state tab stays out of sight.
    expect(north.sheet(STATE_TAB).isSheetHidden()).toBe(true);
    expect(south.sheet(STATE_TAB).isSheetHidden()).toBe(true);
    // Each run logged in its own spreadsheet.
    for (const handle of [north, south]) {
      expect(rowsIn(handle, '运行日志').some((e) => e['操作'] === '每小时任务')).toBe(true);
    }
  });

  it('leaves only the trigger-to-spreadsheet mapping in the property stores', () => {
    const { runtime, north, south, northTrigger, southTrigger } = twoTrackers();
    runtime.fireTimeTrigger(northTrigger);
    runtime.fireTimeTrigger(southTrigger);
    runtime.invoke('scoreAllLeads', [], { spreadsheet: north });
    runtime.invoke('refreshAnalysis', [], { spreadsheet: south });
    north.edit(LEADS, 4, 3, [['新客户']]);
    expect(userPropertyKeys(runtime)).toEqual({
      [OWNER]: [
        `spreadsheetOfTrigger:${northTrigger}`,
        `spreadsheetOfTrigger:${southTrigger}`,
      ].sort(),
    });
    expect(runtime.properties._script.getProperties()).toEqual({});
    expect(north.documentProperties()).toEqual({});
    expect(south.documentProperties()).toEqual({});
    expect(runtime.propertyBytes().total).toBeLessThan(200);
  });

  it('lets a copy of a spreadsheet turn automation on for itself, leaving the original’s alone', () => {
    const { runtime, north, northTrigger } = twoTrackers();
    runtime.fireTimeTrigger(northTrigger);
    // File → Make a copy: the copy carries the hidden tab, under a new ID.
    const copy = runtime.addSpreadsheet({ name: 'Copy of North' });
    for (const tab of north.tabs) copy.addSheet(tab, north.values(tab));
    runtime.invoke('installAutomation', [], { spreadsheet: copy });
    expect(copy.toasts().at(-1)?.message).toBe('自动化已开启：每小时运行一次。');
    const copyTrigger = runtime.allTriggers().find((t) => t.spreadsheetId === copy.id);
    expect(savedState(copy)).toMatchObject({
      spreadsheetId: copy.id,
      automation: { on: true, triggerUid: copyTrigger?.id },
      leadIdSequences: { '202405': 2 },
    });
    expect(savedState(north).automation).toMatchObject({ triggerUid: northTrigger });
  });

  it('moves what an earlier version kept in document properties into the state tab, once', () => {
    const runtime = loadRuntime({ locale: 'zh_CN', now: T0 });
    const main = runtime.handle(runtime.spreadsheet);
    runtime.run(`
      const props = PropertiesService.getDocumentProperties();
      props.setProperties({ mailLedger: '1', 'mailLedger#0': '["a|b"]', leadIdSequences: '{"202404":7}',
        leadershipCopyId: 'gone-copy', 'formattedRows:0': '1000', unrelated: 'kept' });
      PropertiesService.getScriptProperties().setProperty('automationSpreadsheetId', 'x');`);
    runtime.invoke('setupSheets');
    expect(main.documentProperties()).toEqual({ unrelated: 'kept' });
    expect(runtime.properties._script.getProperties()).toEqual({});
    expect(savedState(main)).toMatchObject({
      mailLedger: ['a|b'],
      leadIdSequences: { '202404': 7 },
      leadershipCopyId: 'gone-copy',
      legacyPropertiesMoved: true,
    });
  });
});
