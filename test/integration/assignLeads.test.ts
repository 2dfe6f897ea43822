// Assign leads through the built bundle: rules, round-robin, key accounts, duplicates, deadlines.

import { rowsOf } from '../support/runtime';
import {
  automationWorkbook,
  DAY,
  HOUR,
  LEADS,
  POOL,
  setRules,
  setSetting,
  T0,
  gradeALead,
} from '../support/automation';

const good = (i: number, extra: Record<string, unknown> = {}) => gradeALead(i, extra);

const owners = (runtime: ReturnType<typeof automationWorkbook>) =>
  rowsOf(runtime, LEADS).map((l) => l['负责人']);

describe('assignLeads', () => {
  it('rotates over active Sales when no rule matches, and the pointer survives between runs', () => {
    const runtime = automationWorkbook([good(1), good(2), good(3), good(4)]);
    runtime.invoke('assignLeads');
    expect(owners(runtime)).toEqual(['张伟', '李娜', '王芳', '张伟']);
    runtime.type(LEADS, 6, 1, [good(5)]);
    runtime.invoke('assignLeads');
    expect(owners(runtime)[4]).toBe('李娜');
  });

  it('skips inactive members and never hands leads to managers by default', () => {
    const runtime = automationWorkbook(
      [good(1), good(2), good(3)],
      [
        { name: '张伟', email: 'zhang@example.com', role: '销售', active: false },
        { name: '李娜', email: 'li@example.com', role: '销售' },
        { name: '赵经理', email: 'boss@example.com', role: '经理' },
      ],
    );
    runtime.invoke('assignLeads');
    expect(owners(runtime)).toEqual(['李娜', '李娜', '李娜']);
  });

  it('applies the first matching rule, and sends key accounts to a manager', () => {
    const runtime = automationWorkbook([
      good(1, { region: '华东-上海', budget: '150-200万' }),
      good(2, { region: '华东-杭州', budget: '30万' }),
      good(3, { region: '华东', budget: '40万' }),
      good(4, { region: '华南', budget: '40万' }),
    ]);
    setRules(runtime, [
      ['', '', 100, '赵经理'],
      ['华东', '', '', '王芳, 李娜'],
    ]);
    runtime.invoke('assignLeads');
    expect(owners(runtime)).toEqual(['赵经理', '王芳', '李娜', '张伟']);
  });

  it('never reassigns a lead that has an owner, and leaves D leads unassigned', () => {
    const runtime = automationWorkbook([
      good(1, { owner: '外部同事' }),
      good(2, { needFit: '不契合', authority: '无权限', urgency: '3个月以上', budgetFit: '不足' }),
    ]);
    runtime.invoke('assignLeads');
    const [kept, weak] = rowsOf(runtime, LEADS);
    expect(kept['负责人']).toBe('外部同事');
    expect(kept['分配时间']).toBe('');
    expect(weak['线索等级']).toBe('D');
    expect(weak['负责人']).toBe('');
  });

  it('sets Assigned at and First contact due by grade: A 24 h, B 48 h, C 72 h', () => {
    const runtime = automationWorkbook([
      good(1),
      good(2, { authority: '有影响者', urgency: '1-3个月', budgetFit: '匹配' }),
      good(3, { needFit: '部分契合', authority: '有影响者', urgency: '1-3个月' }),
    ]);
    runtime.invoke('assignLeads');
    const leads = rowsOf(runtime, LEADS);
    expect(leads.map((l) => l['线索等级'])).toEqual(['A', 'B', 'C']);
    expect(leads.map((l) => l['分配时间'])).toEqual([T0, T0, T0]);
    expect(leads.map((l) => (l['首次触达截止'] as Date).getTime() - T0.getTime())).toEqual([
      24 * HOUR,
      48 * HOUR,
      72 * HOUR,
    ]);
  });

  it('counts the SLA in working days when Settings say so (Friday + 24 h → Monday)', () => {
    const runtime = automationWorkbook([good(1)]);
    setSetting(runtime, '时限计算方式', '工作日');
    const friday = new Date('2024-05-17T02:00:00Z');
    runtime.kernel.setNow(friday);
    runtime.invoke('assignLeads');
    expect(rowsOf(runtime, LEADS)[0]['首次触达截止']).toEqual(new Date(friday.getTime() + 3 * DAY));
  });

  it('counts a make-up working Saturday (调休) as a working day', () => {
    // 2024-05-11 was a working Saturday after the Labour Day holiday.
    const runtime = automationWorkbook([good(1)]);
    setSetting(runtime, '时限计算方式', '工作日');
    runtime.invoke('assignLeads');
    expect(rowsOf(runtime, LEADS)[0]['首次触达截止']).toEqual(new Date(T0.getTime() + DAY));
  });

  it('flags a duplicate of an open or pooled lead with its ID and owner, and does not assign it', () => {
    const runtime = automationWorkbook([
      good(1, { phone: '13800138000', company: '某某科技有限公司', contact: '李经理' }),
      good(2, { phone: '+86 138-0013-8000' }),
      good(3, { company: '（上海）某某科技', contact: '李经理', phone: '13911112222' }),
      good(4, { phone: '13722223333' }),
    ]);
    runtime.type(POOL, 2, 1, [['202404009-展会', '展会', '老客户', '13722223333']]);
    runtime.invoke('assignLeads');
    const leads = rowsOf(runtime, LEADS);
    expect(leads[0]['负责人']).toBe('张伟');
    expect(leads[1]['疑似重复']).toBe('202405001-展会（负责人：张伟）');
    expect(leads[2]['疑似重复']).toBe('202405001-展会（负责人：张伟）');
    expect(leads[3]['疑似重复']).toBe('202404009-展会（公海）');
    expect(leads.slice(1).map((l) => l['负责人'])).toEqual(['', '', '']);
  });

  it('assigns a flagged lead once a person clears the flag, and does not flag it again', () => {
    const runtime = automationWorkbook([
      good(1, { phone: '13800138000' }),
      good(2, { phone: '13800138000' }),
    ]);
    runtime.invoke('assignLeads');
    expect(rowsOf(runtime, LEADS)[1]['疑似重复']).not.toBe('');
    const duplicateColumn = runtime.values(LEADS)[0].indexOf('疑似重复') + 1;
    runtime.type(LEADS, 3, duplicateColumn, [['']]);
    runtime.invoke('assignLeads');
    const second = rowsOf(runtime, LEADS)[1];
    expect(second['疑似重复']).toBe('');
    expect(second['负责人']).toBe('李娜');
  });

  it('names the cell of a rule that assigns to someone not in the team, and assigns nothing', () => {
    const runtime = automationWorkbook([good(1)]);
    setRules(runtime, [['华东', '', '', '不存在的人']]);
    expect(() => runtime.invoke('assignLeads')).toThrow(
      /设置!D\d+: 「不存在的人」不在销售团队表中/,
    );
    expect(owners(runtime)).toEqual(['']);
    expect(runtime.spreadsheetApp._ui.alerts.at(-1)?.prompt).toMatch(/设置!D\d+/);
  });
});
