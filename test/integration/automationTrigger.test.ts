// One hourly run per spreadsheet, whoever turns automation on: a second editor is told who did,
// any editor turns it off, and a trigger that is no longer the spreadsheet's deletes itself.

import { loadRuntime } from '../support/runtime';
import { ago, gradeALead, HOUR, LEADS, T0, TEAM } from '../support/automation';
import {
  ANN,
  OWNER,
  rowsIn,
  savedState,
  trackerIn,
  userPropertyKeys,
} from '../support/spreadsheets';

function sharedTracker() {
  const runtime = loadRuntime({ locale: 'zh_CN', now: T0 });
  const main = trackerIn(runtime, runtime.handle(runtime.spreadsheet), TEAM).share(ANN, 'editor');
  const ann = runtime.as(ANN);
  return { runtime, main, ann };
}

const lastToast = (handle: { toasts(): readonly { message: string }[] }) =>
  handle.toasts().at(-1)?.message;
const triggerIds = (runtime: ReturnType<typeof loadRuntime>) =>
  runtime.allTriggers().map((t) => `${runtime.triggers.ownerOf(t)} ${t.id}`);

describe('turning automation on and off in a shared spreadsheet', () => {
  it('creates one trigger, and tells a second editor who turned it on instead of making another', () => {
    const { runtime, main, ann } = sharedTracker();
    runtime.invoke('installAutomation');
    expect(lastToast(main)).toBe('自动化已开启：每小时运行一次。');
    ann.invoke('installAutomation');
    expect(lastToast(main)).toBe(
      '本表格的自动化已开启：由 owner@example.com 于 2024-05-10 开启，每小时为所有人运行一次。未做任何更改。',
    );
    runtime.invoke('installAutomation');
    expect(lastToast(main)).toBe('自动化已开启：你已于 2024-05-10 开启，无需再次开启。');
    expect(triggerIds(runtime)).toEqual([`${OWNER} 1000`]);
    expect(savedState(main).automation).toMatchObject({ on: true, by: OWNER, triggerUid: '1000' });
  });

  it('speaks English in an English spreadsheet', () => {
    const runtime = loadRuntime({ locale: 'en_US', now: T0 });
    const main = runtime.handle(runtime.spreadsheet).share(ANN, 'editor');
    runtime.invoke('setupSheets');
    runtime.invoke('installAutomation');
    runtime.as(ANN).invoke('installAutomation');
    expect(lastToast(main)).toBe(
      'Automation is already on for this spreadsheet: owner@example.com turned it on on 2024-05-10. It runs once an hour for everyone; nothing was changed.',
    );
    runtime.as(ANN).invoke('removeAutomation');
    expect(lastToast(main)).toBe(
      'Automation is off. The hourly trigger of owner@example.com stops by itself at its next run.',
    );
  });

  it('lets any editor turn it off; the other person’s trigger deletes itself on its next run and does nothing else', () => {
    const { runtime, main, ann } = sharedTracker();
    runtime.invoke('installAutomation');
    ann.invoke('removeAutomation');
    expect(lastToast(main)).toBe(
      '自动化已关闭。owner@example.com 的每小时触发器会在下次运行时自行停止。',
    );
    // Ann can neither see nor delete the owner's trigger.
    expect(triggerIds(runtime)).toEqual([`${OWNER} 1000`]);
    expect(savedState(main).automation).toMatchObject({ on: false, by: ANN, triggerUid: '' });

    main.type(LEADS, 2, 1, [gradeALead(1, { enteredAt: ago(HOUR) })]);
    const leadsBefore = main.values(LEADS);
    const logBefore = main.values('运行日志');
    runtime.fireTimeTrigger('1000');
    expect(runtime.allTriggers()).toEqual([]);
    expect(userPropertyKeys(runtime)).toEqual({});
    expect(main.values(LEADS)).toEqual(leadsBefore);
    expect(main.values('运行日志')).toEqual(logBefore);
    expect(runtime.mail._sent).toEqual([]);
  });

  it('deletes its own trigger when the person who turned it on turns it off', () => {
    const { runtime, main } = sharedTracker();
    runtime.invoke('installAutomation');
    runtime.invoke('removeAutomation');
    expect(lastToast(main)).toBe('自动化已关闭。');
    expect(runtime.allTriggers()).toEqual([]);
    expect(userPropertyKeys(runtime)).toEqual({});
  });

  it('retires the earlier trigger once another editor turns automation on again', () => {
    const { runtime, main, ann } = sharedTracker();
    runtime.invoke('installAutomation');
    ann.invoke('removeAutomation');
    ann.invoke('installAutomation');
    expect(triggerIds(runtime)).toEqual([`${OWNER} 1000`, `${ANN} 1001`]);
    main.type(LEADS, 2, 1, [gradeALead(1, { enteredAt: ago(HOUR) })]);
    // The owner's trigger fires first: it is not the spreadsheet's any more.
    runtime.fireTimeTrigger('1000');
    expect(triggerIds(runtime)).toEqual([`${ANN} 1001`]);
    expect(rowsIn(main, LEADS)[0]['负责人']).toBe('');
    // Ann's is, and does the work.
    runtime.fireTimeTrigger('1001');
    expect(rowsIn(main, LEADS)[0]['负责人']).toBe('张伟');
    expect(savedState(main).automation).toMatchObject({ on: true, by: ANN, triggerUid: '1001' });
  });

  it('recreates the trigger of the person who turned it on when theirs is gone', () => {
    const { runtime, main } = sharedTracker();
    runtime.invoke('installAutomation');
    runtime.triggers.all.splice(0); // Google removed it (the add-on was disabled, say).
    runtime.invoke('installAutomation');
    expect(lastToast(main)).toBe('自动化已重新开启：你的每小时触发器已不存在，现已重新创建。');
    expect(triggerIds(runtime)).toEqual([`${OWNER} 1001`]);
    expect(savedState(main).automation).toMatchObject({ on: true, triggerUid: '1001' });
  });

  it('lets another editor take over once the recorded trigger has stopped running', () => {
    const { runtime, main, ann } = sharedTracker();
    runtime.invoke('installAutomation');
    runtime.triggers.all.splice(0);
    ann.invoke('installAutomation');
    expect(lastToast(main)).toMatch(/^本表格的自动化已开启/);
    runtime.kernel.advance(4 * HOUR);
    ann.invoke('installAutomation');
    expect(lastToast(main)).toBe('自动化已开启：每小时运行一次。');
    expect(triggerIds(runtime)).toEqual([`${ANN} 1001`]);
  });

  it('deletes a trigger whose spreadsheet was deleted', () => {
    const { runtime } = sharedTracker();
    runtime.invoke('installAutomation');
    runtime.deleteSpreadsheet(runtime.spreadsheet);
    runtime.fireTimeTrigger('1000');
    expect(runtime.allTriggers()).toEqual([]);
    expect(userPropertyKeys(runtime)).toEqual({});
  });

  it('adopts a trigger made before the spreadsheet kept a record, so automation keeps running', () => {
    const { runtime, main } = sharedTracker();
    // An earlier version: a trigger and its mapping, and no record in the spreadsheet.
    runtime.run(`
      const trigger = ScriptApp.newTrigger('runHourly').timeBased().everyHours(1).create();
      PropertiesService.getUserProperties().setProperty(
        'spreadsheetOfTrigger:' + trigger.getUniqueId(), SpreadsheetApp.getActiveSpreadsheet().getId());`);
    main.type(LEADS, 2, 1, [gradeALead(1, { enteredAt: ago(HOUR) })]);
    runtime.fireTimeTrigger('1000');
    expect(rowsIn(main, LEADS)[0]['负责人']).toBe('张伟');
    expect(savedState(main).automation).toMatchObject({ on: true, by: OWNER, triggerUid: '1000' });
  });
});
