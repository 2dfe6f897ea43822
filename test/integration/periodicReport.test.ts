// The periodic report through the built bundle (SPEC §14): once per period from the hourly job, to
// managers and leadership, figures against the period before, no customer data, and never twice
// whichever service call fails.

import type { LocalAppsScript } from '../../gas-local/runtime';
import { automationWorkbook, DAY, gradeALead, HOUR, setSetting } from '../support/automation';
import { CONVERSIONS } from '../support/archive';

// T0 is Friday 2024-05-10 10:00 in Shanghai: the week being reported is 29 April – 5 May.
const day = (iso: string, hour = 10) =>
  new Date(`${iso}T${String(hour - 8).padStart(2, '0')}:00:00Z`);
const id = (i: number) => `R${String(i).padStart(3, '0')}`;

/** 12 leads in the reported week (5 won, 5 lost to budget, 2 open), 6 in the week before (2 won). */
function reportWorkbook(): LocalAppsScript {
  const leads: unknown[][] = [];
  const conversions: unknown[][] = [];
  for (let i = 0; i < 12; i++) {
    const entered = day(`2024-04-${29 + (i % 2)}`);
    const status = i < 5 ? '成交' : i < 10 ? '流失' : '跟进中';
    leads.push(
      gradeALead(i, {
        id: id(i),
        enteredAt: entered,
        owner: '张伟',
        assignedAt: entered,
        firstContactDue: new Date(entered.getTime() + DAY),
        firstContactAt: new Date(entered.getTime() + (i < 9 ? HOUR : 2 * DAY)),
        status,
      }),
    );
    if (i < 5)
      conversions.push([id(i), '成交', 10 * (i + 1), '', 3, '张伟', '', '', day('2024-05-03')]);
    else if (i < 10)
      conversions.push([id(i), '流失', '', '预算不足', 3, '张伟', '', '', day('2024-05-04')]);
  }
  for (let i = 12; i < 18; i++) {
    const entered = day('2024-04-23');
    leads.push(
      gradeALead(i, {
        id: id(i),
        enteredAt: entered,
        owner: '李娜',
        assignedAt: entered,
        firstContactDue: new Date(entered.getTime() + DAY),
        firstContactAt: new Date(entered.getTime() + HOUR),
        status: i < 14 ? '成交' : '跟进中',
      }),
    );
    if (i < 14) conversions.push([id(i), '成交', 99, '', 3, '李娜', '', '', day('2024-04-25')]);
  }
  const runtime = automationWorkbook(leads);
  runtime.type(CONVERSIONS, 2, 1, conversions);
  setSetting(runtime, '领导邮箱', 'ceo@example.com');
  return runtime;
}

const reports = (runtime: LocalAppsScript) =>
  runtime.mail._sent.filter((mail) => /线索跟踪(周报|月报)/.test(mail.subject));

describe('the periodic report', () => {
  const runtime = reportWorkbook();
  runtime.invoke('runHourlyNow');
  const [report] = reports(runtime);

  it('goes to the managers and leadership in one message, weekly by default', () => {
    expect(reports(runtime)).toHaveLength(1);
    expect(report.to.split(',').sort()).toEqual(['boss@example.com', 'ceo@example.com']);
    expect(report.subject).toBe('线索跟踪周报：2024-04-29 至 2024-05-05');
  });

  it('gives each figure beside the week before and the change, small groups as <5', () => {
    expect(report.body).toContain('- 新增线索：12 · 上期：6 · 变化：+6 (+100%)');
    expect(report.body).toContain('- 成交（本期确定）：5 · 上期：<5 · 变化：—');
    expect(report.body).toContain('- 成交金额(万)：150 · 上期：<5 · 变化：—');
    // 5 of 12 won against 2 of 6.
    expect(report.body).toContain(
      '- 本期线索至今转化率：41.7% · 上期：33.3% · 变化：+8.3 个百分点',
    );
    // 9 of 12 contacted within the day.
    expect(report.body).toContain('- 首次触达达标率：75.0% · 上期：100.0% · 变化：−25.0 个百分点');
    expect(report.body).toContain('- 预算不足：5 条（100.0%）');
  });

  it('holds aggregates only: no company, contact, phone or Lead ID', () => {
    for (const body of [report.body, report.htmlBody ?? '']) {
      expect(body).not.toMatch(/公司\d|客户\d|1390000|R0\d\d/);
    }
    expect(report.htmlBody).toContain('max-width:600px');
    expect(report.htmlBody).toContain('#gid=');
  });

  it('is not sent again in the same week, however often the job runs', () => {
    for (const step of [HOUR, HOUR, DAY, DAY]) {
      runtime.kernel.advance(step);
      runtime.invoke('runHourlyNow');
    }
    // Monday 13 May 08:00 in Shanghai: the new week's report waits for 09:00.
    runtime.kernel.setNow(day('2024-05-13', 8));
    runtime.invoke('runHourlyNow');
    expect(reports(runtime)).toHaveLength(1);
    runtime.kernel.setNow(day('2024-05-13', 9));
    runtime.invoke('runHourlyNow');
    expect(reports(runtime)).toHaveLength(2);
    expect(reports(runtime)[1].subject).toBe('线索跟踪周报：2024-05-06 至 2024-05-12');
  });

  it('reads no tab again when the run rebuilt the Analysis: it reports from what the run read', () => {
    const cellsReadPerTab = (reportSetting: string) => {
      const book = reportWorkbook();
      setSetting(book, '领导报告', reportSetting);
      const { calls } = book.measure(() => book.invoke('runHourlyNow'));
      const read = new Map<string, number>();
      for (const call of calls)
        if (call.cellsRead) read.set(String(call.sheet), (read.get(String(call.sheet)) ?? 0) + 1);
      return { read, sent: reports(book).length };
    };
    const withReport = cellsReadPerTab('每周');
    const without = cellsReadPerTab('关闭');
    expect([withReport.sent, without.sent]).toEqual([1, 0]);
    expect(withReport.read).toEqual(without.read);
  });

  it('says so from the menu when this period has had its report', () => {
    runtime.invoke('sendPeriodicReport');
    expect(reports(runtime)).toHaveLength(2);
  });
});

describe('a report over cells it cannot read', () => {
  it('names each such cell in the Log, with its tab and column', () => {
    const runtime = reportWorkbook();
    const [header] = runtime.values('销售线索转化分析表');
    // A decision date typed as a word: the report leaves it out of its figures and says so.
    runtime.type('销售线索转化分析表', 2, header.indexOf('结果日期') + 1, [['上周五']]);
    runtime.invoke('sendPeriodicReport');
    expect(reports(runtime)).toHaveLength(1);
    const log = runtime.values('运行日志').map((row) => String(row[2]));
    expect(log.some((line) => line.includes("销售线索转化分析表!I2 结果日期 '上周五'"))).toBe(true);
  });
});

describe('the report setting', () => {
  it('monthly: the month before, from the 1st at 09:00', () => {
    const runtime = reportWorkbook();
    setSetting(runtime, '领导报告', '每月');
    runtime.invoke('runHourlyNow');
    expect(reports(runtime).map((m) => m.subject)).toEqual([
      '线索跟踪月报：2024-04-01 至 2024-04-30',
    ]);
    runtime.kernel.advance(5 * DAY);
    runtime.invoke('runHourlyNow');
    expect(reports(runtime)).toHaveLength(1);
  });

  it('off: no report', () => {
    const runtime = reportWorkbook();
    setSetting(runtime, '领导报告', '关闭');
    runtime.invoke('runHourlyNow');
    runtime.invoke('sendPeriodicReport');
    expect(reports(runtime)).toHaveLength(0);
  });

  it('names the cell of a value it does not know', () => {
    const runtime = reportWorkbook();
    setSetting(runtime, '领导报告', 'daily');
    expect(() => runtime.invoke('sendPeriodicReport')).toThrow(/领导报告|设置!B\d+/);
  });
});

describe('the report under failure', () => {
  it('is never sent twice when the job dies at any call and reruns, and only a lost send waits for a person', () => {
    const clean = reportWorkbook();
    const { calls } = clean.measure(() => clean.invoke('runHourlyNow'));
    expect(reports(clean)).toHaveLength(1);
    let lost = 0;
    for (let k = 1; k <= calls.length; k++) {
      const runtime = reportWorkbook();
      runtime.kernel.failAtCall = k;
      try {
        runtime.invoke('runHourlyNow');
      } catch {
        // The run died at call k; the next one picks up.
      }
      runtime.kernel.advance(60_000);
      runtime.invoke('runHourlyNow');
      runtime.kernel.advance(HOUR);
      runtime.invoke('runHourlyNow');
      expect(reports(runtime).length).toBeLessThanOrEqual(1);
      if (reports(runtime).length === 0) {
        lost++;
        // The execution died between marking the period and confirming it: a person can send it.
        runtime.invoke('sendPeriodicReport');
        expect(reports(runtime)).toHaveLength(1);
      }
    }
    // Only a failure of the send itself leaves the report waiting.
    expect(lost).toBeLessThanOrEqual(1);
  });

  it('sends a report Google refused partway to the rest only, when a person asks', () => {
    const runtime = reportWorkbook();
    const leaders = Array.from({ length: 60 }, (_, i) => `leader${i}@example.com`);
    setSetting(runtime, '领导邮箱', leaders.join(', '));
    const everyone = ['boss@example.com', ...leaders];
    const send = runtime.mail.sendEmail.bind(runtime.mail);
    let refuse = true;
    runtime.mail.sendEmail = (...args: unknown[]) => {
      if (refuse && String(args[0]).includes('leader55@'))
        throw new Error('Invalid email: leader55@example');
      send(...args);
    };
    const reached = () => reports(runtime).flatMap((mail) => mail.to.split(','));
    runtime.invoke('runHourlyNow');
    expect(reached()).toEqual(everyone.slice(0, 50));
    const log = () =>
      runtime
        .values('运行日志')
        .map((row) => row[2])
        .join('\n');
    expect(log()).toContain('报告已发给 61 位收件人中的 50 位');
    // The hourly job never sends it again, even once Google would take it.
    refuse = false;
    runtime.kernel.advance(HOUR);
    runtime.invoke('runHourlyNow');
    expect(reached()).toHaveLength(50);
    runtime.invoke('sendPeriodicReport');
    expect(reached()).toEqual(everyone);
    runtime.invoke('sendPeriodicReport');
    expect(reached()).toEqual(everyone);
  });

  it('adds no calls to an hour when no report is due', () => {
    const secondHour = (cadence: string) => {
      const runtime = reportWorkbook();
      setSetting(runtime, '领导报告', cadence);
      runtime.invoke('runHourlyNow');
      runtime.kernel.advance(HOUR);
      return runtime.measure(() => runtime.invoke('runHourlyNow')).calls.map((c) => c.method);
    };
    expect(secondHour('每周')).toEqual(secondHour('关闭'));
  });
});
