// Installable triggers belong to the user who made them, and a time-driven run happens as that user
// with Google's event object and, in an add-on, no active document.

import vm from 'node:vm';
import { LocalAppsScript } from '../../gas-local/runtime';

const ANN = 'ann@example.com';
const BOB = 'bob@example.com';

function sharedRuntime() {
  const runtime = new LocalAppsScript({ locale: 'en_US', now: new Date('2024-05-10T02:30:15Z') });
  const handle = runtime.handle(runtime.spreadsheet);
  handle.share(ANN, 'editor').share(BOB, 'editor');
  const other = runtime.addSpreadsheet({ name: 'Branch', editors: [ANN] });
  vm.runInContext(
    `function hourly(e) { return 'ran'; }
     function makeHourly() { return ScriptApp.newTrigger('hourly').timeBased().everyHours(1).create().getUniqueId(); }
     function myTriggers() { return ScriptApp.getProjectTriggers().map(function (t) { return t.getUniqueId(); }); }`,
    runtime.context,
  );
  return { runtime, other };
}

describe('installable triggers', () => {
  it('belong to their creator, with the handler and the spreadsheet active when made', () => {
    const { runtime, other } = sharedRuntime();
    const annId = runtime.as(ANN).invoke('makeHourly', [], { spreadsheet: other });
    const bobId = runtime.as(BOB).invoke('makeHourly');
    expect(runtime.allTriggers()).toEqual([
      expect.objectContaining({
        id: annId,
        owner: ANN,
        handler: 'hourly',
        spreadsheetId: other.id,
      }),
      expect.objectContaining({
        id: bobId,
        owner: BOB,
        handler: 'hourly',
        spreadsheetId: runtime.spreadsheet.getId(),
      }),
    ]);
  });

  it('shows each user only their own triggers', () => {
    const { runtime } = sharedRuntime();
    const annId = runtime.as(ANN).invoke('makeHourly');
    const bobId = runtime.as(BOB).invoke('makeHourly');
    expect(runtime.as(ANN).invoke('myTriggers')).toEqual([annId]);
    expect(runtime.as(BOB).invoke('myTriggers')).toEqual([bobId]);
    expect(runtime.invoke('myTriggers')).toEqual([]);
  });

  it('lists with getUserTriggers only the current user’s triggers for that spreadsheet', () => {
    const { runtime, other } = sharedRuntime();
    runtime.as(ANN).invoke('makeHourly', [], { spreadsheet: other });
    const here = runtime.as(ANN).invoke('makeHourly');
    runtime.as(BOB).invoke('makeHourly');
    expect(
      runtime
        .as(ANN)
        .run(
          'return ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).map(function (t) { return t.getUniqueId(); });',
        ),
    ).toEqual([here]);
  });

  it('cannot delete another user’s trigger: deleting all of one’s own leaves theirs', () => {
    const { runtime } = sharedRuntime();
    runtime.as(ANN).invoke('makeHourly');
    const bobId = runtime.as(BOB).invoke('makeHourly');
    runtime
      .as(ANN)
      .run('ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); });');
    expect(runtime.allTriggers().map((t) => t.id)).toEqual([bobId]);
  });

  it('allows 20 triggers per user, each user counted apart', () => {
    const { runtime } = sharedRuntime();
    for (let i = 0; i < 20; i++) runtime.as(ANN).invoke('makeHourly');
    expect(() => runtime.as(ANN).invoke('makeHourly')).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(() => runtime.as(BOB).invoke('makeHourly')).not.toThrow();
  });

  it('records spreadsheet triggers for the given spreadsheet and event type', () => {
    const { runtime, other } = sharedRuntime();
    runtime.run(
      `ScriptApp.newTrigger('onFormSubmit').forSpreadsheet(SpreadsheetApp.openById('${other.id}')).onFormSubmit().create();`,
    );
    expect(runtime.allTriggers()).toEqual([
      expect.objectContaining({
        handler: 'onFormSubmit',
        eventType: 'ON_FORM_SUBMIT',
        spreadsheetId: other.id,
      }),
    ]);
  });
});

describe('time-driven runs', () => {
  function probe(runtime: LocalAppsScript) {
    vm.runInContext(
      `function hourly(e) {
         var ui;
         try { SpreadsheetApp.getUi(); ui = 'ui'; } catch (error) { ui = error.message; }
         return {
           event: e,
           user: Session.getEffectiveUser().getEmail(),
           active: SpreadsheetApp.getActiveSpreadsheet() && SpreadsheetApp.getActiveSpreadsheet().getId(),
           documentProperties: PropertiesService.getDocumentProperties(),
           documentLock: LockService.getDocumentLock(),
           documentCache: CacheService.getDocumentCache(),
           ui: ui,
         };
       }`,
      runtime.context,
    );
  }

  it('run as the trigger’s owner with no active spreadsheet, document store, lock, cache or UI', () => {
    const { runtime, other } = sharedRuntime();
    probe(runtime);
    const id = runtime.as(ANN).invoke('makeHourly', [], { spreadsheet: other }) as string;
    const result = runtime.fireTimeTrigger(id) as Record<string, unknown>;
    expect(result).toMatchObject({
      user: ANN,
      active: null,
      documentProperties: null,
      documentLock: null,
      documentCache: null,
      ui: 'Cannot call SpreadsheetApp.getUi() from this context.',
    });
    expect(runtime.kernel.execution).toBe('timeTrigger');
  });

  it('pass Google’s time-driven event object', () => {
    const { runtime } = sharedRuntime();
    probe(runtime);
    const id = runtime.invoke('makeHourly') as string;
    const { event } = runtime.fireTimeTrigger(id) as { event: Record<string, unknown> };
    expect(event).toEqual({
      authMode: 'FULL',
      triggerUid: id,
      year: 2024,
      month: 5,
      'week-of-year': 19,
      'day-of-month': 10,
      'day-of-week': 5,
      hour: 2,
      minute: 30,
      second: 15,
      timezone: 'UTC',
    });
  });

  it('can find the trigger’s spreadsheet active, as bound scripts are reported to', () => {
    const { runtime, other } = sharedRuntime();
    probe(runtime);
    const id = runtime.as(ANN).invoke('makeHourly', [], { spreadsheet: other }) as string;
    const result = runtime.fireTimeTrigger(id, { activeSpreadsheet: true }) as Record<
      string,
      unknown
    >;
    expect(result.active).toBe(other.id);
    expect(result.documentProperties).not.toBeNull();
    expect(result.ui).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  it('names a trigger that does not exist', () => {
    const { runtime } = sharedRuntime();
    expect(() => runtime.fireTimeTrigger('404')).toThrow('No trigger with ID 404');
  });
});
