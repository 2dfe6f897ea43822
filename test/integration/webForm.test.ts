// doPost through the built bundle (SPEC §13.3): a web form's lead for the spreadsheet named in its
// address, refused whole or added, scored, checked for duplicates, assigned, and its owner and the
// chat told in the same execution.

import { LocalAppsScript } from '../../gas-local/runtime';
import { loadRuntime, rowsOf } from '../support/runtime';
import {
  automationWorkbook,
  gradeALead,
  HOUR,
  LEADS,
  setSetting,
  T0,
  TEAM,
} from '../support/automation';
import { putState, STATE_TAB as STATE_TAB_NAME, trackerIn } from '../support/spreadsheets';
import { answerOf, postLead, recordArrival, tokenOf } from '../support/forms';

/** A lead the rules can assign: budget above the price (25) and closing within a month (15) = C. */
const LEAD = {
  contact: '王女士',
  phone: '13800138000',
  company: '某科技',
  budget: '80万',
  expectedClose: '2024-05-20',
  need: '仓储系统',
};

function tracker() {
  const runtime = automationWorkbook();
  const sheet = runtime.spreadsheet.getId();
  return { runtime, sheet, token: tokenOf(runtime) };
}

const leads = (runtime: LocalAppsScript) => rowsOf(runtime, LEADS);

describe('doPost: a valid lead', () => {
  it.each(['json', 'form'] as const)('adds a lead posted as %s and answers its Lead ID', (kind) => {
    const { runtime, sheet, token } = tracker();
    const response = postLead(runtime, sheet, { token, ...LEAD }, kind);
    expect(response.mimeType).toBe('JSON');
    expect(answerOf(response)).toEqual({ ok: true, leadId: '202405001-官网表单' });
    const [lead] = leads(runtime);
    expect(lead).toMatchObject({
      线索编号: '202405001-官网表单',
      来源: '官网表单',
      联系人: '王女士',
      联系方式: '13800138000',
      公司名称: '某科技',
      预算范围: '80万',
      需求描述: '仓储系统',
      线索等级: 'C',
      评分: 40,
      录入人: '网页表单',
      录入时间: T0,
      负责人: '张伟',
      分配时间: T0,
    });
  });

  it('numbers the lead after every ID in Leads and Pool', () => {
    const { runtime, sheet, token } = tracker();
    runtime.type('公海', 2, 1, [['202405007-展会', '展会', '老客户', '13900000000']]);
    expect(answerOf(postLead(runtime, sheet, { token, ...LEAD }))).toMatchObject({
      leadId: '202405008-官网表单',
    });
  });

  it('keeps a source that was sent, and a note with the need', () => {
    const { runtime, sheet, token } = tracker();
    postLead(runtime, sheet, { token, ...LEAD, source: '展会', note: '下午联系' });
    expect(leads(runtime)[0]).toMatchObject({ 来源: '展会', 需求描述: '仓储系统\n备注：下午联系' });
  });

  it('stores text that starts with = + - @ as text, never as a formula', () => {
    const { runtime, sheet, token } = tracker();
    const contact = '=HYPERLINK("http://evil.example","点我")';
    postLead(runtime, sheet, { token, ...LEAD, contact, company: '+86 公司', need: '@all -x' });
    const [lead] = leads(runtime);
    expect([lead['联系人'], lead['公司名称'], lead['需求描述']]).toEqual([
      contact,
      '+86 公司',
      '@all -x',
    ]);
    const formulas = runtime.run(
      `return SpreadsheetApp.getActive().getSheetByName('${LEADS}').getRange('A2:AA2').getFormulas()[0].filter(String);`,
    );
    expect(formulas).toEqual([]);
  });
});

describe('doPost: refusals write nothing', () => {
  it('refuses a wrong token, without touching the spreadsheet or its saved state', () => {
    const { runtime, sheet, token } = tracker();
    const state = runtime.values(STATE_TAB_NAME);
    const { calls } = runtime.measure(() =>
      expect(answerOf(postLead(runtime, sheet, { token: `${token}x`, ...LEAD }))).toEqual({
        ok: false,
        errors: [{ field: 'token', message: '表单令牌与该表格不符。' }],
      }),
    );
    expect(leads(runtime)).toEqual([]);
    expect(runtime.values(STATE_TAB_NAME)).toEqual(state);
    expect(
      calls.filter(
        (c) =>
          c.service !== 'TextOutput' && /^(set|append|insert)|batchUpdate|append$/.test(c.method),
      ),
    ).toEqual([]);
  });

  it('answers an unknown spreadsheet exactly like a wrong token', () => {
    const { runtime, token } = tracker();
    expect(answerOf(postLead(runtime, 'no-such-id', { token, ...LEAD }))).toEqual({
      ok: false,
      errors: [{ field: 'token', message: expect.stringContaining('The form token is not valid') }],
    });
  });

  it('names missing contact and phone, and writes nothing', () => {
    const { runtime, sheet, token } = tracker();
    expect(answerOf(postLead(runtime, sheet, { token, company: '某科技' }, 'form'))).toEqual({
      ok: false,
      errors: [
        { field: 'contact', message: '请填写联系人。' },
        { field: 'phone', message: '请填写联系方式。' },
      ],
    });
    expect(leads(runtime)).toEqual([]);
  });

  it('answers in the spreadsheet’s language', () => {
    const runtime = loadRuntime({ locale: 'en_US' });
    runtime.invoke('setupSheets');
    const token = tokenOf(runtime, 'Settings');
    const answer = answerOf(
      postLead(runtime, runtime.spreadsheet.getId(), { token, contact: 'Ann' }),
    );
    expect(answer.errors).toEqual([{ field: 'phone', message: 'Phone / WeChat is required.' }]);
  });

  it('says what is missing from the address and from a broken body', () => {
    const { runtime } = tracker();
    expect(answerOf(runtime.post({ json: LEAD })).errors).toEqual([
      { field: 'sheet', message: expect.stringContaining('?sheet=') },
    ]);
    const broken = runtime.post({
      query: { sheet: 'x' },
      body: '{"contact":',
      contentType: 'application/json',
    });
    expect(answerOf(broken).errors).toEqual([
      { field: 'body', message: expect.stringContaining('JSON') },
    ]);
  });

  it('refuses every lead when the token is blank (the web form is off)', () => {
    const { runtime, sheet } = tracker();
    setSetting(runtime, '表单令牌', '');
    expect(answerOf(postLead(runtime, sheet, { token: '', ...LEAD })).ok).toBe(false);
    expect(leads(runtime)).toEqual([]);
  });
});

describe('doPost: duplicates and the hourly cap', () => {
  it('answers and flags a duplicate, and does not assign it', () => {
    const { runtime, sheet, token } = tracker();
    const first = answerOf(postLead(runtime, sheet, { token, ...LEAD }));
    const second = answerOf(
      postLead(runtime, sheet, { token, ...LEAD, contact: '王总', phone: '+86 138-0013-8000' }),
    );
    expect(second).toEqual({ ok: true, leadId: '202405002-官网表单', duplicateOf: first.leadId });
    const [, duplicate] = leads(runtime);
    expect(duplicate['疑似重复']).toBe('202405001-官网表单（负责人：张伟）');
    expect(duplicate['负责人']).toBe('');
  });

  it('takes at most Web leads per hour, names the limit, and takes leads again the next hour', () => {
    const { runtime, sheet, token } = tracker();
    setSetting(runtime, '每小时表单线索上限', 2);
    const post = (i: number) =>
      answerOf(postLead(runtime, sheet, { token, ...LEAD, phone: `1390000000${i}` }));
    expect([post(1).ok, post(2).ok]).toEqual([true, true]);
    expect(post(3)).toEqual({
      ok: false,
      limit: 2,
      errors: [{ field: 'form', message: expect.stringContaining('每小时最多接收 2 条线索') }],
    });
    expect(leads(runtime)).toHaveLength(2);
    runtime.kernel.advance(HOUR);
    expect(post(4).ok).toBe(true);
  });
});

describe('doPost: many spreadsheets on one script', () => {
  it('writes a lead only into the spreadsheet whose token it carries', () => {
    const runtime = automationWorkbook();
    const other = trackerIn(runtime, runtime.addSpreadsheet({ name: 'Other team' }), TEAM);
    const mine = { sheet: runtime.spreadsheet.getId(), token: tokenOf(runtime) };
    const theirs = { sheet: other.id, token: tokenOf(other) };
    expect(mine.token).not.toBe(theirs.token);
    expect(answerOf(postLead(runtime, theirs.sheet, { token: mine.token, ...LEAD })).ok).toBe(
      false,
    );
    expect(answerOf(postLead(runtime, mine.sheet, { token: theirs.token, ...LEAD })).ok).toBe(
      false,
    );
    expect(answerOf(postLead(runtime, theirs.sheet, { token: theirs.token, ...LEAD })).ok).toBe(
      true,
    );
    expect(leads(runtime)).toEqual([]);
    expect(rowsOf(runtime, LEADS).length + other.values(LEADS).length - 1).toBe(1);
  });

  it('grows no property store, whatever the traffic', () => {
    const { runtime, sheet, token } = tracker();
    const before = runtime.propertyBytes().total;
    for (let i = 0; i < 5; i++)
      postLead(runtime, sheet, { token, ...LEAD, phone: `1390000000${i}` });
    expect(leads(runtime)).toHaveLength(5);
    expect(runtime.propertyBytes().total).toBe(before);
  });
});

describe('doPost: answered at once', () => {
  it('mails the new owner one e-mail about the lead in the same execution, and the digest does not repeat it', () => {
    const { runtime, sheet, token } = tracker();
    const clockBefore = runtime.kernel.now();
    const { calls } = runtime.measure(() => postLead(runtime, sheet, { token, ...LEAD }));
    const mail = runtime.mail._sent.filter((m) => m.to === 'zhang@example.com');
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe('新线索：某科技（C级），202405001-官网表单');
    expect(mail[0].body).toContain('13800138000');
    const sent = calls.findIndex((c) => c.service === 'MailApp' && c.method === 'sendEmail');
    const arrival = {
      clockMs: runtime.kernel.now() - clockBefore,
      serviceCallsToOwnerMail: sent + 1,
      serviceCallsInExecution: calls.length,
      spreadsheetCalls: LocalAppsScript.spreadsheetCalls(calls).length,
    };
    expect(arrival.clockMs).toBe(0);
    recordArrival('webForm', arrival);
    runtime.invoke('runHourlyNow');
    expect(runtime.mail._sent.filter((m) => m.to === 'zhang@example.com')).toHaveLength(1);
  });

  it('tells the chat webhook', () => {
    const { runtime, sheet, token } = tracker();
    setSetting(
      runtime,
      '群机器人Webhook',
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc',
    );
    postLead(runtime, sheet, { token, ...LEAD });
    expect(runtime.urlFetch._requests).toHaveLength(1);
    const payload = JSON.parse(String(runtime.urlFetch._requests[0].options.payload));
    expect(payload.text.content).toBe(
      '线索跟踪：新线索 202405001-官网表单（C级），来自网页表单 → 张伟',
    );
  });

  it('answers busy, and writes nothing, while another run holds the spreadsheet', () => {
    const { runtime, sheet, token } = tracker();
    putState(runtime.handle(runtime.spreadsheet), 'lease', {
      kind: 'detached',
      until: T0.getTime() + 10 * 60_000,
    });
    expect(answerOf(postLead(runtime, sheet, { token, ...LEAD }))).toEqual({
      ok: false,
      errors: [{ field: 'form', message: '线索表正忙，请一分钟后再提交。' }],
    });
    expect(leads(runtime)).toEqual([]);
  });
});

describe('doPost: the link to the new lead', () => {
  const rowLinks = (body: string) =>
    [...body.matchAll(/#gid=(\d+)&(?:amp;)?range=A(\d+)/g)].map((m) => Number(m[2]));

  it.each([
    ['Entered by', 'with the Sheets service', {}],
    ['Source', 'with the Sheets service', {}],
    ['Entered by', 'without the Sheets service', { withoutAdvancedServices: true }],
  ])(
    'opens the row the lead landed on when the last row holds only its %s (%s)',
    (header, _, options) => {
      const runtime = automationWorkbook([], TEAM, undefined, options);
      const sheet = runtime.spreadsheet.getId();
      const token = tokenOf(runtime);
      // A person has begun a row and typed a single cell that no lead check reads.
      runtime.type(
        LEADS,
        2,
        runtime.values(LEADS)[0].indexOf(header === 'Source' ? '来源' : '录入人') + 1,
        [['展会']],
      );
      postLead(runtime, sheet, { token, ...LEAD });
      const landed = runtime.values(LEADS).findIndex((row) => row.includes('王女士')) + 1;
      expect(landed).toBe(3);
      const [notice] = runtime.mail._sent.filter((m) => m.subject.startsWith('新线索'));
      expect(rowLinks(notice.body)[0]).toBe(landed);
    },
  );
});

describe('doPost: a tab grown to its grid’s end', () => {
  it('is styled once, with blank rows below, so the next leads land inside its formats', () => {
    const { runtime, sheet, token } = tracker();
    // A paste past the set-up's 1,000 rows grows the grid to fit it exactly: no spare rows.
    const pasted = Array.from({ length: 1_200 }, (_, i) => gradeALead(i, { owner: '张伟' }));
    runtime.type(LEADS, 2, 1, pasted);
    expect(runtime.sheet(LEADS)._data.maxRows).toBe(1_201);
    const styling = (calls: { method: string }[]) =>
      calls.filter((c) => /^(setConditionalFormatRules|setDataValidation)$/.test(c.method));
    const first = runtime.measure(() => postLead(runtime, sheet, { token, ...LEAD }));
    expect(styling(first.calls).length).toBeGreaterThan(0);
    const second = runtime.measure(() =>
      postLead(runtime, sheet, { token, ...LEAD, phone: '13800138001', contact: '李先生' }),
    );
    expect(styling(second.calls)).toEqual([]);
    const grid = runtime.sheet(LEADS)._data;
    expect(grid.maxRows - grid.lastRow()).toBeGreaterThanOrEqual(90);
  });
});
