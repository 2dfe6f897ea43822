// A form response landing in a spreadsheet: the row Google writes, and the event each of that
// spreadsheet's form-submit triggers gets, run as its creator.

import vm from 'node:vm';
import { LocalAppsScript } from '../../gas-local/runtime';

const ANN = 'ann@example.com';

function formRuntime() {
  const runtime = new LocalAppsScript({ locale: 'en_US', now: new Date('2024-05-10T02:30:15Z') });
  runtime.handle(runtime.spreadsheet).share(ANN, 'editor');
  runtime.addSheet('Form Responses 1', [['Timestamp', 'Name', 'Colours']]);
  vm.runInContext(
    `var received = [];
     function connect() {
       return ScriptApp.newTrigger('taken').forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create().getUniqueId();
     }
     function taken(e) {
       received.push({
         uid: e.triggerUid,
         authMode: e.authMode,
         namedValues: e.namedValues,
         values: e.values,
         row: e.range.getRow(),
         width: e.range.getNumColumns(),
         tab: e.range.getSheet().getName(),
         user: Session.getEffectiveUser().getEmail(),
         active: SpreadsheetApp.getActiveSpreadsheet().getId(),
       });
     }
     function mine() {
       return ScriptApp.getUserTriggers(SpreadsheetApp.getActive()).map(function (t) { return t.getEventType(); });
     }`,
    runtime.context,
  );
  return runtime;
}

describe('form-submit triggers', () => {
  it('are listed to their creator only, with their event type', () => {
    const runtime = formRuntime();
    runtime.as(ANN).invoke('connect');
    expect(runtime.as(ANN).invoke('mine')).toEqual(['ON_FORM_SUBMIT']);
    expect(runtime.invoke('mine')).toEqual([]);
  });

  it('run on each response as their creator, with namedValues, values, range and triggerUid', () => {
    const runtime = formRuntime();
    const uid = runtime.as(ANN).invoke('connect');
    const { row } = runtime.submitForm({
      sheet: 'Form Responses 1',
      answers: { Name: 'Ann', Colours: ['red', 'blue'] },
    });
    expect(row).toBe(2);
    const received = vm.runInContext('received', runtime.context) as unknown[];
    expect(received).toEqual([
      {
        uid,
        authMode: 'FULL',
        namedValues: { Timestamp: ['5/10/2024 10:30:15'], Name: ['Ann'], Colours: ['red, blue'] },
        values: ['5/10/2024 10:30:15', 'Ann', 'red, blue'],
        row: 2,
        width: 3,
        tab: 'Form Responses 1',
        user: ANN,
        active: runtime.spreadsheet.getId(),
      },
    ]);
    expect(runtime.values('Form Responses 1')[1].slice(1)).toEqual(['Ann', 'red, blue']);
  });

  it('adds a column for a new question, as Google does', () => {
    const runtime = formRuntime();
    runtime.submitForm({ sheet: 'Form Responses 1', answers: { Name: 'Bo', City: 'Shanghai' } });
    expect(runtime.values('Form Responses 1')[0]).toEqual(['Timestamp', 'Name', 'Colours', 'City']);
    expect(runtime.values('Form Responses 1')[1].slice(1)).toEqual(['Bo', '', 'Shanghai']);
  });

  it('fire only for their own spreadsheet', () => {
    const runtime = formRuntime();
    const other = runtime.addSpreadsheet({ name: 'Other' });
    runtime.invoke('connect', [], { spreadsheet: other });
    expect(
      runtime.submitForm({ sheet: 'Form Responses 1', answers: { Name: 'Cy' } }).results,
    ).toEqual([]);
  });
});

describe('Ui.prompt', () => {
  it('records the dialog and gives the queued answer, or a closed dialog when none is queued', () => {
    const runtime = formRuntime();
    const ui = runtime.spreadsheet._ui;
    ui.promptAnswers.push({ button: 'OK', text: 'Form Responses 1' });
    const ask =
      "var r = SpreadsheetApp.getUi().prompt('Connect', 'Tab?', SpreadsheetApp.getUi().ButtonSet.OK_CANCEL); return [r.getSelectedButton(), r.getResponseText()];";
    expect(runtime.run(ask)).toEqual(['OK', 'Form Responses 1']);
    expect(runtime.run(ask)).toEqual(['CLOSE', '']);
    expect(ui.prompts).toEqual([
      { title: 'Connect', prompt: 'Tab?' },
      { title: 'Connect', prompt: 'Tab?' },
    ]);
  });
});
