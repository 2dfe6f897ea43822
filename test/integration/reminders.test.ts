// Reminders through the built bundle: one digest per owner per run, new items only, the mail quota,
// escaping, the managers' digest, chat webhooks, and the hourly trigger.

import type { LocalAppsScript } from '../../gas-local/runtime';
import { rowsOf } from '../support/runtime';
import {
  automationWorkbook,
  DAY,
  HOUR,
  LEADS,
  POOL,
  setSetting,
  T0,
  gradeALead,
  mayId,
  ago,
} from '../support/automation';

/** The digests sent so far; the weekly report (its own tests) goes out on the first run too. */
const digests = (runtime: LocalAppsScript) =>
  runtime.mail._sent.filter((m) => m.subject.includes('提醒'));

const lead = (i: number, fields: Record<string, unknown>) =>
  gradeALead(i, { id: mayId(i), enteredAt: ago(3 * DAY), ...fields });

describe('reminders', () => {
  it('sends the other digests when Google refuses one, and the refused items again next run', () => {
    const runtime = automationWorkbook([
      lead(1, { owner: '张伟', assignedAt: ago(2 * DAY), firstContactDue: ago(DAY) }),
      lead(3, { owner: '李娜', assignedAt: ago(2 * DAY), firstContactDue: ago(DAY) }),
    ]);
    const send = runtime.mail.sendEmail.bind(runtime.mail);
    let refuse = true;
    runtime.mail.sendEmail = (...args: unknown[]) => {
      if (refuse && args[0] === 'zhang@example.com')
        throw new Error('Invalid email: zhang@example');
      send(...args);
    };
    runtime.invoke('runHourlyNow');
    expect(digests(runtime).map((m) => m.to)).toEqual(
      expect.arrayContaining(['li@example.com', 'boss@example.com']),
    );
    expect(digests(runtime).map((m) => m.to)).not.toContain('zhang@example.com');
    expect(
      runtime
        .values('运行日志')
        .map((r) => r[2])
        .join('\n'),
    ).toContain(
      '发给 zhang@example.com 的摘要未能发送（Invalid email: zhang@example），其中事项将在下次运行时再发',
    );
    refuse = false;
    const before = digests(runtime).length;
    runtime.kernel.advance(HOUR);
    runtime.invoke('runHourlyNow');
    const again = digests(runtime).slice(before);
    expect(again.map((m) => m.to)).toEqual(['zhang@example.com']);
    expect(again[0].body).toContain(mayId(1));
  });

  it('sends each owner one digest per run holding only new items, and nothing new on a second run', () => {
    const runtime = automationWorkbook([
      lead(1, { owner: '张伟', assignedAt: ago(2 * DAY), firstContactDue: ago(DAY) }),
      lead(2, {
        owner: '张伟',
        assignedAt: ago(2 * DAY),
        firstContactAt: ago(DAY),
        lastFollowUpAt: ago(DAY),
        nextFollowUpDue: ago(HOUR),
      }),
      lead(3, {
        owner: '李娜',
        assignedAt: ago(2 * DAY),
        firstContactAt: ago(DAY),
        lastFollowUpAt: ago(DAY),
        nextFollowUpDue: new Date(T0.getTime() + 2 * HOUR),
      }),
      lead(4, {}),
    ]);
    runtime.invoke('runHourlyNow');
    const sent = digests(runtime);
    expect(sent.map((m) => m.to).sort()).toEqual(
      ['boss@example.com', 'li@example.com', 'zhang@example.com'].sort(),
    );
    const zhang = sent.find((m) => m.to === 'zhang@example.com');
    expect(zhang?.body).toContain('202405001-展会');
    expect(zhang?.body).toContain('202405002-展会');
    expect(sent.find((m) => m.to === 'boss@example.com')?.body).toContain('202405001-展会');
    // Lead 4 was assigned in this run (round-robin starts with 张伟): news in the same digest.
    expect(zhang?.body).toContain('202405004-展会');

    runtime.kernel.advance(HOUR);
    runtime.invoke('runHourlyNow');
    expect(digests(runtime)).toHaveLength(sent.length);
  });

  it('mails an overdue item again the next day, but not twice the same day', () => {
    const runtime = automationWorkbook([
      lead(1, {
        owner: '张伟',
        assignedAt: ago(5 * DAY),
        firstContactAt: ago(5 * DAY),
        lastFollowUpAt: ago(2 * DAY),
        nextFollowUpDue: ago(DAY),
      }),
    ]);
    runtime.invoke('runHourlyNow');
    runtime.kernel.advance(3 * HOUR);
    runtime.invoke('runHourlyNow');
    expect(runtime.mail._sent.filter((m) => m.to === 'zhang@example.com')).toHaveLength(1);
    runtime.kernel.advance(DAY);
    runtime.invoke('runHourlyNow');
    expect(runtime.mail._sent.filter((m) => m.to === 'zhang@example.com')).toHaveLength(2);
  });

  it('keeps what the mail quota does not allow and sends it on a later run', () => {
    const runtime = automationWorkbook([lead(1, {}), lead(2, {}), lead(3, {})]);
    runtime.mail._quota = 1;
    runtime.invoke('runHourlyNow');
    expect(digests(runtime)).toHaveLength(1);
    expect(
      String(
        runtime
          .values('运行日志')
          .map((r) => r[2])
          .join('\n'),
      ),
    ).toContain('今日邮件额度不足');
    runtime.mail._quota = 100;
    runtime.kernel.advance(HOUR);
    runtime.invoke('runHourlyNow');
    expect(
      digests(runtime)
        .map((m) => m.to)
        .sort(),
    ).toEqual(['li@example.com', 'wang@example.com', 'zhang@example.com']);
  });

  it('escapes what people typed in the HTML body, and sends a plain-text body too', () => {
    const runtime = automationWorkbook([
      lead(1, { contact: '<img src=x onerror=alert(1)>', company: 'A & B "Co"' }),
    ]);
    runtime.invoke('runHourlyNow');
    const [mail] = runtime.mail._sent;
    expect(mail.htmlBody).not.toContain('<img src=x');
    expect(mail.htmlBody).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.htmlBody).toContain('A &amp; B &quot;Co&quot;');
    expect(mail.body).toContain('<img src=x onerror=alert(1)>');
  });

  it('tells the previous owner and the managers about leads taken back to the pool', () => {
    const runtime = automationWorkbook([lead(1, { owner: '张伟', assignedAt: ago(9 * DAY) })]);
    runtime.invoke('runHourlyNow');
    expect(rowsOf(runtime, POOL)).toHaveLength(1);
    expect(runtime.mail._sent.find((m) => m.to === 'zhang@example.com')?.body).toContain(
      '202405001-展会',
    );
    expect(runtime.mail._sent.find((m) => m.to === 'boss@example.com')?.body).toContain(
      '202405001-展会',
    );
  });

  it('posts a WeCom summary, signs DingTalk requests, and logs a failing webhook without failing the run', () => {
    const wecom = automationWorkbook([lead(1, {})]);
    setSetting(
      wecom,
      '群机器人Webhook',
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc',
    );
    wecom.invoke('runHourlyNow');
    const [post] = wecom.urlFetch._requests;
    expect(post.url).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc');
    expect(JSON.parse(String(post.options.payload))).toMatchObject({ msgtype: 'text' });

    const dingtalk = automationWorkbook([lead(1, {})]);
    setSetting(
      dingtalk,
      '群机器人Webhook',
      'https://oapi.dingtalk.com/robot/send?access_token=t&secret=SECabc',
    );
    dingtalk.invoke('runHourlyNow');
    expect(dingtalk.urlFetch._requests[0].url).toMatch(
      /^https:\/\/oapi\.dingtalk\.com\/robot\/send\?access_token=t&timestamp=\d+&sign=[^&]+$/,
    );

    const failing = automationWorkbook([lead(1, {})]);
    setSetting(failing, '群机器人Webhook', 'https://hooks.slack.com/services/x');
    failing.urlFetch._respond = () => ({ code: 500, body: 'server down' });
    failing.invoke('runHourlyNow');
    expect(rowsOf(failing, LEADS)[0]['负责人']).toBe('张伟');
    expect(
      failing
        .values('运行日志')
        .map((r) => r[2])
        .join('\n'),
    ).toContain('群机器人返回 500');
  });
});

describe('the hourly trigger', () => {
  it('is created once however often automation is turned on, and removed when turned off', () => {
    const runtime = automationWorkbook();
    runtime.invoke('installAutomation');
    runtime.invoke('installAutomation');
    expect(runtime.scriptApp._triggers).toEqual([
      expect.objectContaining({ handler: 'runHourly', everyHours: 1 }),
    ]);
    runtime.invoke('removeAutomation');
    expect(runtime.scriptApp._triggers).toEqual([]);
  });

  it('finds its spreadsheet when a time-driven run has no active one', () => {
    const runtime = automationWorkbook([lead(1, {})]);
    runtime.invoke('installAutomation');
    runtime.spreadsheetApp._activeInTriggers = false;
    const [trigger] = runtime.scriptApp._triggers;
    runtime.invoke('runHourly', [{ triggerUid: trigger.id }], { execution: 'timeTrigger' });
    expect(rowsOf(runtime, LEADS)[0]['负责人']).toBe('张伟');
  });
});
