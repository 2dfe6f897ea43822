// The follow-up sidebar's server calls through the built bundle: submitFollowUp on every path,
// search, the opening state, text never becoming a formula, and retry after any failure.

import type { LocalAppsScript } from '../../gas-local/runtime';
import { rowsOf } from '../support/runtime';
import { automationWorkbook, DAY, gradeALead, LEADS, mayId, T0 } from '../support/automation';

const FOLLOWUPS = '销售线索跟进记录表';
const CONVERSIONS = '销售线索转化分析表';

function workbook(): LocalAppsScript {
  const runtime = automationWorkbook([
    gradeALead(1, {
      id: mayId(1),
      owner: '张伟',
      enteredAt: new Date(T0.getTime() - 10 * DAY),
      assignedAt: new Date(T0.getTime() - DAY),
    }),
    gradeALead(2, {
      id: mayId(2),
      owner: '李娜',
      company: '上海某某科技有限公司',
      contact: '<img src=x onerror=alert(1)>',
    }),
  ]);
  runtime.invoke('scoreAllLeads');
  return runtime;
}

const submit = (runtime: LocalAppsScript, form: unknown) =>
  runtime.invoke('submitFollowUp', [form], { execution: 'sidebar' });
const snapshot = (runtime: LocalAppsScript) =>
  [LEADS, FOLLOWUPS, CONVERSIONS].map((tab) => runtime.values(tab));

describe('submitFollowUp', () => {
  it('appends the follow-up, updates the lead and returns its card with the history newest first', () => {
    const runtime = workbook();
    submit(runtime, {
      leadId: mayId(1),
      method: 'phone',
      content: '介绍案例',
      time: '2024-05-09T02:00:00Z',
    });
    const card = submit(runtime, {
      leadId: mayId(1),
      method: 'wechat',
      content: '发送报价单',
      feedback: '需内部审批',
      nextAction: '5月15日跟进',
      nextFollowUp: '2024-05-15',
      time: '2024-05-10T01:00:00Z',
    }) as { history: { content: string }[]; status: string; nextFollowUpDue: string };
    expect(card.history.map((h) => h.content)).toEqual(['发送报价单', '介绍案例']);
    expect(card.status).toBe('跟进中');
    expect(card.nextFollowUpDue).toBe('2024-05-15T01:00:00.000Z');
    const rows = rowsOf(runtime, FOLLOWUPS);
    expect(rows[1]).toMatchObject({
      线索编号: mayId(1),
      跟进方式: '微信',
      沟通内容: '发送报价单',
      客户反馈: '需内部审批',
      跟进时间: new Date('2024-05-10T01:00:00Z'),
    });
    const lead = rowsOf(runtime, LEADS)[0];
    expect(lead['首次触达时间']).toEqual(new Date('2024-05-09T02:00:00Z'));
    expect(lead['最近跟进时间']).toEqual(new Date('2024-05-10T01:00:00Z'));
    expect(runtime.kernel.unlockedWrites).toEqual([]);
  });

  it('defaults the time to now and the next follow-up to the grade cadence, and marks clear intent', () => {
    const runtime = workbook();
    const card = submit(runtime, {
      leadId: mayId(1),
      method: 'visit',
      content: '上门拜访',
      keyFollowUp: true,
    }) as { status: string };
    expect(card.status).toBe('重点跟进');
    const lead = rowsOf(runtime, LEADS)[0];
    expect(lead['最近跟进时间']).toEqual(T0);
    expect(lead['下次跟进时间']).toEqual(new Date(T0.getTime() + DAY));
  });

  it('closes a lead as won with a Conversions row and whole cycle days', () => {
    const runtime = workbook();
    submit(runtime, {
      leadId: mayId(1),
      method: 'visit',
      content: '签约',
      outcome: { result: 'won', amount: 65, keyFactors: '技术方案认可', summary: '报价合理' },
    });
    expect(rowsOf(runtime, CONVERSIONS)).toEqual([
      expect.objectContaining({
        线索编号: mayId(1),
        转化结果: '成交',
        '成交金额(万)': 65,
        '转化周期(天)': 10,
        负责人: '张伟',
        决策关键因素: '技术方案认可',
        分析总结: '报价合理',
        结果日期: T0,
      }),
    ]);
    expect(rowsOf(runtime, LEADS)[0]).toMatchObject({ 状态: '成交', 下次跟进时间: '' });
  });

  it('records a loss reason from the list, or as typed', () => {
    const runtime = workbook();
    submit(runtime, {
      leadId: mayId(1),
      method: 'phone',
      content: '电话不接',
      outcome: { result: 'lost', reason: 'unreachable' },
    });
    submit(runtime, {
      leadId: mayId(2),
      method: 'email',
      content: '选择了别家',
      outcome: { result: 'notWon', reason: '价格高于对手' },
    });
    expect(rowsOf(runtime, CONVERSIONS).map((r) => [r['转化结果'], r['未成交原因']])).toEqual([
      ['流失', '客户失联'],
      ['未成交', '价格高于对手'],
    ]);
  });

  it('names every bad field and writes nothing when the form is invalid', () => {
    const runtime = workbook();
    const before = snapshot(runtime);
    expect(() =>
      submit(runtime, {
        leadId: mayId(1),
        method: 'fax',
        content: '  ',
        outcome: { result: 'won', amount: 0 },
      }),
    ).toThrow(
      /跟进方式（method）：不是可选的值\n沟通内容（content）：必填\n成交金额\(万\)（outcome.amount）：成交时必须大于 0\n决策关键因素（outcome.keyFactors）：成交时必填/,
    );
    expect(snapshot(runtime)).toEqual(before);
  });

  it('refuses a lead that does not exist and writes nothing', () => {
    const runtime = workbook();
    const before = snapshot(runtime);
    expect(() =>
      submit(runtime, { leadId: '209901001-展会', method: 'phone', content: '你好' }),
    ).toThrow('线索编号（leadId）：在线索表中找不到');
    expect(snapshot(runtime)).toEqual(before);
  });

  it('stores text that looks like a formula as text', () => {
    const runtime = workbook();
    submit(runtime, {
      leadId: mayId(1),
      method: 'email',
      content: '=IMPORTXML("http://x","//a")',
      feedback: '+86 有意向',
    });
    const row = rowsOf(runtime, FOLLOWUPS)[0];
    expect(row['沟通内容']).toBe('=IMPORTXML("http://x","//a")');
    expect(row['客户反馈']).toBe('+86 有意向');
    expect(runtime.sheet(FOLLOWUPS)._data.formulas.keys().next().done).toBe(true);
  });

  it('names in the Log a lead a sort slid onto its row just as it wrote, from beyond its read', () => {
    const many = () =>
      automationWorkbook(
        Array.from({ length: 120 }, (_, i) =>
          gradeALead(i, {
            id: mayId(i),
            owner: '张伟',
            status: '跟进中',
            lastFollowUpAt: new Date(T0.getTime() - 3 * DAY),
          }),
        ),
      );
    const form = { leadId: mayId(3), method: 'phone', content: '确认需求' };
    const clean = many();
    const { calls } = clean.measure(() => submit(clean, form));
    const write = calls.find((c) => c.sheet === LEADS && c.method.endsWith('Values.batchUpdate'));
    const runtime = many();
    const phone = runtime.values(LEADS)[0].indexOf('联系方式') + 1;
    // Reversed: lead 116, far beyond the rows read around lead 3, takes lead 3's row.
    runtime.people.before(write?.dataIndex ?? 0, (person) =>
      person.sort(LEADS, phone, { ascending: false }),
    );
    submit(runtime, form);
    expect(runtime.people.acted).toHaveLength(1);
    const lead = (id: string) => rowsOf(runtime, LEADS).find((row) => row['线索编号'] === id);
    expect((lead(mayId(3))?.['最近跟进时间'] as Date).getTime()).toBe(T0.getTime());
    const log = runtime
      .values('运行日志')
      .map((row) => row[2])
      .join('\n');
    expect(log).toContain(`${LEADS} ${mayId(116)}「最近跟进时间」`);
    expect(log).not.toContain(mayId(3));
  });

  it('writes a follow-up exactly once when a submission dies at any call and is retried', () => {
    const form = {
      leadId: mayId(1),
      method: 'phone',
      content: '确认签约',
      time: '2024-05-10T01:00:00Z',
      outcome: { result: 'won', amount: 30, keyFactors: '价格' },
    };
    const clean = workbook();
    const { calls } = clean.measure(() => submit(clean, form));
    const expected = snapshot(clean);
    for (let k = 1; k <= calls.length; k++) {
      const runtime = workbook();
      runtime.kernel.failAtCall = k;
      expect(() => submit(runtime, form)).toThrow();
      submit(runtime, form);
      expect(snapshot(runtime)).toEqual(expected);
    }
  });
});

describe('showFollowUpSidebar', () => {
  it('opens the built sidebar page, titled in the workbook language', () => {
    const runtime = workbook();
    runtime.invoke('showFollowUpSidebar');
    const [sidebar] = runtime.spreadsheetApp._ui.sidebars;
    expect(sidebar.title).toBe('记录跟进');
    expect(sidebar.html).toContain('id="app"');
    expect(sidebar.html).not.toMatch(/(src|href)=["']https?:/);
  });
});

describe('searchLeads and getSidebarStart', () => {
  it('finds leads by ID, company, contact or phone digits', () => {
    const runtime = workbook();
    const ids = (query: string) =>
      (runtime.invoke('searchLeads', [query]) as { id: string }[]).map((l) => l.id);
    expect(ids('202405002')).toEqual([mayId(2)]);
    expect(ids('某某科技')).toEqual([mayId(2)]);
    expect(ids('客户1')).toEqual([mayId(1)]);
    expect(ids('139 0000 0001')).toEqual([mayId(1)]);
    expect(ids('')).toEqual([]);
  });

  it('opens on the lead of the active row in Leads, else on search', () => {
    const runtime = workbook();
    runtime.select(LEADS, 3, 4);
    const start = runtime.invoke('getSidebarStart') as {
      language: string;
      lead: { id: string; contact: string } | null;
    };
    expect(start.language).toBe('zh');
    expect(start.lead).toMatchObject({ id: mayId(2), contact: '<img src=x onerror=alert(1)>' });
    runtime.select('设置', 3, 2);
    expect((runtime.invoke('getSidebarStart') as { lead: unknown }).lead).toBeNull();
  });

  it('returns plain JSON, with no Date objects', () => {
    const runtime = workbook();
    const card = runtime.invoke('getLeadCard', [mayId(1)]);
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
  });
});
