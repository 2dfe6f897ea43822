// Google Form responses through the built bundle (SPEC §13.3): one form-submit trigger per
// spreadsheet, and each response in a connected tab a lead at once, its owner and chat told.

import { LocalRange } from '../../gas-local/range';
import { LocalAppsScript } from '../../gas-local/runtime';
import { rowsOf } from '../support/runtime';
import { automationWorkbook, LEADS, setSetting } from '../support/automation';
import { ANN } from '../support/spreadsheets';
import { recordArrival } from '../support/forms';

const ZH_TAB = '表单回复 1';
const EN_TAB = 'Form Responses 1';
const ZH_QUESTIONS = ['时间戳记', '联系人', '联系方式', '公司名称', '预算范围', '预计成交时间'];
const EN_QUESTIONS = [
  'Timestamp',
  'Contact',
  'Phone / WeChat',
  'Company',
  'Budget',
  'Expected close',
];

const ZH_ANSWERS = {
  联系人: '王女士',
  联系方式: '13800138000',
  公司名称: '某科技',
  预算范围: '80万',
  预计成交时间: '2024-05-20',
};

function workbook(): LocalAppsScript {
  const runtime = automationWorkbook();
  runtime.addSheet(ZH_TAB, [ZH_QUESTIONS]);
  runtime.addSheet(EN_TAB, [EN_QUESTIONS]);
  return runtime;
}

const formTriggers = (runtime: LocalAppsScript) =>
  runtime.allTriggers().filter((t) => t.eventType === 'ON_FORM_SUBMIT');

describe('connectFormResponses', () => {
  it('installs one form-submit trigger for onFormSubmit, and connecting again installs none', () => {
    const runtime = workbook();
    expect(runtime.invoke('connectFormResponses', [ZH_TAB])).toBe(
      `「${ZH_TAB}」中新到的表单回复现在会立即成为线索。`,
    );
    expect(runtime.invoke('connectFormResponses', [ZH_TAB])).toBe(
      `「${ZH_TAB}」的表单回复已在自动成为线索，未做任何更改。`,
    );
    expect(formTriggers(runtime)).toEqual([
      expect.objectContaining({
        handler: 'onFormSubmit',
        owner: 'owner@example.com',
        spreadsheetId: runtime.spreadsheet.getId(),
      }),
    ]);
  });

  it('asks for the tab from the menu, and does nothing when the person cancels', () => {
    const runtime = workbook();
    const ui = runtime.spreadsheet._ui;
    ui.promptAnswers.push({ button: 'CANCEL', text: ZH_TAB });
    runtime.invoke('connectFormResponses', [{ authMode: 'FULL' }]);
    expect(formTriggers(runtime)).toEqual([]);
    ui.promptAnswers.push({ button: 'OK', text: ` ${ZH_TAB} ` });
    runtime.invoke('connectFormResponses');
    expect(ui.prompts).toEqual([
      { title: '连接表单', prompt: expect.stringContaining('表单回复所在工作表的名称') },
      { title: '连接表单', prompt: expect.stringContaining('表单回复所在工作表的名称') },
    ]);
    expect(formTriggers(runtime)).toHaveLength(1);
  });

  it('names a tab that does not exist, or that holds no lead questions', () => {
    const runtime = workbook();
    runtime.addSheet('Notes', [['Colour', 'Size']]);
    expect(() => runtime.invoke('connectFormResponses', ['Nope'])).toThrow(
      '没有名为「Nope」的工作表',
    );
    expect(() => runtime.invoke('connectFormResponses', ['Notes'])).toThrow(
      '没有与"联系人" / "联系方式"同名的问题',
    );
    expect(formTriggers(runtime)).toEqual([]);
  });

  it('lets a second editor connect another tab through the same trigger', () => {
    const runtime = workbook();
    runtime.handle(runtime.spreadsheet).share(ANN, 'editor');
    runtime.invoke('connectFormResponses', [ZH_TAB]);
    expect(runtime.as(ANN).invoke('connectFormResponses', [EN_TAB])).toContain('owner@example.com');
    expect(formTriggers(runtime)).toHaveLength(1);
    runtime.submitForm({
      sheet: EN_TAB,
      answers: { Contact: 'Ann', 'Phone / WeChat': '13900000001' },
    });
    expect(rowsOf(runtime, LEADS)).toHaveLength(1);
  });
});

describe('onFormSubmit', () => {
  it('makes a response with Chinese question titles a lead, assigned, its owner mailed at once', () => {
    const runtime = workbook();
    runtime.invoke('connectFormResponses', [ZH_TAB]);
    const clockBefore = runtime.kernel.now();
    const { result, calls } = runtime.measure(() =>
      runtime.submitForm({ sheet: ZH_TAB, answers: ZH_ANSWERS }),
    );
    expect(result.row).toBe(2);
    const [lead] = rowsOf(runtime, LEADS);
    expect(lead).toMatchObject({
      线索编号: '202405001-官网表单',
      联系人: '王女士',
      联系方式: '13800138000',
      公司名称: '某科技',
      线索等级: 'C',
      负责人: '张伟',
      录入人: 'Google 表单',
    });
    const mail = runtime.mail._sent.filter((m) => m.to === 'zhang@example.com');
    expect(mail.map((m) => m.subject)).toEqual(['新线索：某科技（C级），202405001-官网表单']);
    const sent = calls.findIndex((c) => c.service === 'MailApp' && c.method === 'sendEmail');
    recordArrival('googleForm', {
      clockMs: runtime.kernel.now() - clockBefore,
      serviceCallsToOwnerMail: sent + 1,
      serviceCallsInExecution: calls.length,
      spreadsheetCalls: LocalAppsScript.spreadsheetCalls(calls).length,
    });
    expect(runtime.kernel.now()).toBe(clockBefore);
  });

  it('reads English question titles too, and tells the chat webhook', () => {
    const runtime = workbook();
    setSetting(
      runtime,
      '群机器人Webhook',
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc',
    );
    runtime.invoke('connectFormResponses', [EN_TAB]);
    runtime.submitForm({
      sheet: EN_TAB,
      answers: {
        Contact: 'Ann Lee',
        'Phone / WeChat': '021-5555 1234',
        Company: 'Acme',
        Budget: '80万',
        'Expected close': '2024-05-20',
      },
    });
    expect(rowsOf(runtime, LEADS)[0]).toMatchObject({
      联系人: 'Ann Lee',
      联系方式: '021-5555 1234',
      公司名称: 'Acme',
    });
    expect(runtime.urlFetch._requests).toHaveLength(1);
    expect(String(runtime.urlFetch._requests[0].options.payload)).toContain('来自Google 表单');
  });

  it('logs a response that lacks a phone instead of making it a lead', () => {
    const runtime = workbook();
    runtime.invoke('connectFormResponses', [ZH_TAB]);
    runtime.submitForm({ sheet: ZH_TAB, answers: { 联系人: '王女士' } });
    expect(rowsOf(runtime, LEADS)).toEqual([]);
    const log = runtime.values('运行日志').map((row) => row.join(' '));
    expect(log.some((line) => line.includes(`${ZH_TAB} 第 2 行未成为线索：请填写联系方式。`))).toBe(
      true,
    );
  });

  it('ignores responses in a tab nobody connected', () => {
    const runtime = workbook();
    runtime.invoke('connectFormResponses', [ZH_TAB]);
    runtime.submitForm({
      sheet: EN_TAB,
      answers: { Contact: 'Ann', 'Phone / WeChat': '13900000001' },
    });
    expect(rowsOf(runtime, LEADS)).toEqual([]);
  });

  it('never makes one response two leads: a second trigger for the spreadsheet deletes itself', () => {
    const runtime = workbook();
    runtime.handle(runtime.spreadsheet).share(ANN, 'editor');
    runtime.invoke('connectFormResponses', [ZH_TAB]);
    runtime
      .as(ANN)
      .run(
        "ScriptApp.newTrigger('onFormSubmit').forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create();",
      );
    expect(formTriggers(runtime)).toHaveLength(2);
    runtime.submitForm({ sheet: ZH_TAB, answers: ZH_ANSWERS });
    expect(rowsOf(runtime, LEADS)).toHaveLength(1);
    expect(formTriggers(runtime).map((t) => t.owner)).toEqual(['owner@example.com']);
  });

  it('takes a response Google delivers twice only once', () => {
    const runtime = workbook();
    runtime.invoke('connectFormResponses', [ZH_TAB]);
    runtime.submitForm({ sheet: ZH_TAB, answers: ZH_ANSWERS });
    const [trigger] = formTriggers(runtime);
    const sheet = runtime.sheet(ZH_TAB);
    // As Google gives them: display text, the timestamp first.
    const values = [String(runtime.values(ZH_TAB)[1][0]), ...Object.values(ZH_ANSWERS)];
    const again = {
      authMode: 'FULL',
      triggerUid: trigger.id,
      values,
      namedValues: Object.fromEntries(ZH_QUESTIONS.map((title, i) => [title, [values[i]]])),
      range: new LocalRange(runtime.kernel, sheet, sheet._data, 2, 1, 1, values.length)._facade(),
    };
    runtime.invoke('onFormSubmit', [again], {
      execution: 'spreadsheetTrigger',
      user: trigger.owner,
    });
    expect(rowsOf(runtime, LEADS)).toHaveLength(1);
  });
});
