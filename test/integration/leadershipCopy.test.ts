// A leadership copy that was deleted, or that the person running cannot open, never stops Refresh
// analysis or the hourly job: the rest finishes, the Log says how to fix it, and the managers are
// mailed about it at most once a day.

import { loadRuntime } from '../support/runtime';
import { ago, DAY, gradeALead, HOUR, LEADS, T0, TEAM } from '../support/automation';
import { ANN, rowsIn, setSettingIn, trackerIn } from '../support/spreadsheets';

const ANALYSIS = '转化分析';
const LOG = '运行日志';

function sharedTracker(locale = 'zh_CN') {
  const runtime = loadRuntime({ locale, now: T0 });
  const main = trackerIn(runtime, runtime.handle(runtime.spreadsheet), TEAM, [
    gradeALead(1, { enteredAt: ago(HOUR) }),
  ]);
  setSettingIn(main, '领导邮箱', 'ceo@example.com');
  runtime.invoke('shareWithLeadership');
  const copy = runtime.spreadsheetApp._all()[1];
  return { runtime, main, copyId: copy.getId() };
}

const copyMails = (runtime: ReturnType<typeof loadRuntime>) =>
  runtime.mail._sent.filter((m) => m.subject.includes('领导副本'));
const copyLog = (handle: ReturnType<typeof sharedTracker>['main']) =>
  rowsIn(handle, LOG).filter((e) => e['操作'] === '领导副本');

describe('a leadership copy that cannot be opened', () => {
  it('still refreshes the analysis when the copy was deleted, says how to fix it, and mails the managers once a day', () => {
    const { runtime, main, copyId } = sharedTracker();
    runtime.deleteSpreadsheet(copyId);
    const analysedBefore = main.values(ANALYSIS)[0];
    runtime.kernel.advance(HOUR);
    expect(() => runtime.invoke('refreshAnalysis')).not.toThrow();
    expect(main.values(ANALYSIS)[0]).not.toEqual(analysedBefore);
    const expected = `领导副本 ${copyId} 无法由 owner@example.com 打开：请把它共享给该账号，或再次选择“分享给领导…”新建一份。`;
    expect(copyLog(main).map((e) => e['详情'])).toEqual([expected]);
    expect(main.toasts().at(-1)?.message).toBe(`转化分析已刷新。\n${expected}`);
    expect(copyMails(runtime)).toHaveLength(1);
    expect(copyMails(runtime)[0]).toMatchObject({ to: 'boss@example.com' });
    expect(copyMails(runtime)[0].body).toContain(expected);

    // The hourly job finishes too, logged again but not mailed again the same day.
    runtime.kernel.advance(HOUR);
    runtime.invoke('runHourlyNow');
    expect(rowsIn(main, LEADS)[0]['负责人']).not.toBe('');
    expect(copyLog(main)).toHaveLength(2);
    expect(copyMails(runtime)).toHaveLength(1);
    runtime.kernel.advance(DAY);
    runtime.invoke('refreshAnalysis');
    expect(copyMails(runtime)).toHaveLength(2);
  });

  it('finishes the hourly run of an editor the copy was never shared with, then follows once shared', () => {
    const { runtime, main, copyId } = sharedTracker();
    main.share(ANN, 'editor');
    runtime.as(ANN).invoke('installAutomation');
    const [trigger] = runtime.allTriggers();
    runtime.fireTimeTrigger(trigger.id);
    expect(rowsIn(main, LEADS)[0]['负责人']).toBe('张伟');
    expect(copyLog(main).map((e) => e['详情'])).toEqual([
      `领导副本 ${copyId} 无法由 ann@example.com 打开：请把它共享给该账号，或再次选择“分享给领导…”新建一份。`,
    ]);
    expect(copyMails(runtime)).toHaveLength(1);

    runtime.handle(copyId).share(ANN, 'editor');
    // The hourly job rebuilds the Analysis (and the copy) once a day, at the Settings hour.
    runtime.kernel.advance(HOUR);
    runtime.fireTimeTrigger(trigger.id);
    expect(copyLog(main)).toHaveLength(1);
    runtime.kernel.advance(24 * HOUR);
    runtime.fireTimeTrigger(trigger.id);
    const shared = runtime.handle(copyId);
    const refreshedAt = shared
      .values(shared.tabs[0])
      .flat()
      .filter((cell): cell is Date => cell instanceof Date)
      .map((date) => date.getTime());
    expect(refreshedAt).toContain(runtime.kernel.now());
  });

  it('makes a new copy when Share with leadership is chosen again', () => {
    const { runtime, main, copyId } = sharedTracker();
    runtime.deleteSpreadsheet(copyId);
    runtime.invoke('shareWithLeadership');
    const fresh = runtime.spreadsheetApp
      ._all()
      .find((s) => s !== runtime.spreadsheet && s.getId() !== copyId);
    expect(fresh?._viewers).toEqual(['ceo@example.com']);
    runtime.invoke('refreshAnalysis');
    expect(copyLog(main)).toEqual([]);
  });

  it('says so in English in an English spreadsheet', () => {
    const runtime = loadRuntime({ locale: 'en_US', now: T0 });
    const main = runtime.handle(runtime.spreadsheet);
    runtime.invoke('setupSheets');
    setSettingIn(main, 'Leadership e-mails', 'ceo@example.com', 'Settings');
    runtime.invoke('shareWithLeadership');
    const copyId = runtime.spreadsheetApp._all()[1].getId();
    runtime.deleteSpreadsheet(copyId);
    runtime.invoke('refreshAnalysis');
    expect(rowsIn(main, 'Log').at(-1)).toMatchObject({
      Action: 'Leadership copy',
      Detail: `The leadership copy ${copyId} could not be opened by owner@example.com: share it with them or choose "Share with leadership…" again to make a new one.`,
    });
  });
});
