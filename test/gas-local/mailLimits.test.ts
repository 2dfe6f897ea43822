// MailApp refuses what Google refuses: bodies over 200 KB (400 KB for Workspace accounts), more than
// 50 recipients in a message, and more recipients a day than the account's quota.

import { LocalAppsScript } from '../../gas-local/runtime';

const KB = 1024;

function send(rt: LocalAppsScript, bytes: number, options = '{}', user?: string): unknown {
  return rt.run(
    `MailApp.sendEmail('a@example.com', 'Digest', new Array(${bytes} + 1).join('x'), ${options});`,
    { user },
  );
}

describe('e-mail body size', () => {
  it('sends a 200 KB body from a consumer account and refuses a larger one', () => {
    const rt = new LocalAppsScript();
    send(rt, 200 * KB);
    expect(() => send(rt, 200 * KB + 1)).toThrow('Limit Exceeded: Email Body Size.');
    expect(rt.mail._sent).toHaveLength(1);
  });

  it('counts the HTML body too', () => {
    const rt = new LocalAppsScript();
    expect(() => send(rt, 150 * KB, `{ htmlBody: new Array(${60 * KB} + 1).join('<b>') }`)).toThrow(
      'Limit Exceeded: Email Body Size.',
    );
  });

  it('allows 400 KB to a Workspace account', () => {
    const rt = new LocalAppsScript({ workspace: true });
    send(rt, 400 * KB);
    expect(() => send(rt, 400 * KB + 1)).toThrow('Limit Exceeded: Email Body Size.');
    rt.addUser('ann@example.com', { workspace: false });
    rt.handle(rt.spreadsheet).share('ann@example.com', 'editor');
    expect(() => send(rt, 300 * KB, '{}', 'ann@example.com')).toThrow(
      'Limit Exceeded: Email Body Size.',
    );
  });
});

describe('recipients', () => {
  const list = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i) => `p${from + i}@example.com`).join(',');

  it('allows 50 recipients in a message, to, cc and bcc together, and refuses 51', () => {
    const rt = new LocalAppsScript();
    rt.run(`MailApp.sendEmail({ to: '${list(30)}', cc: '${list(10, 30)}', bcc: '${list(10, 40)}',
      subject: 's', body: 'b' });`);
    expect(() =>
      rt.run(
        `MailApp.sendEmail({ to: '${list(30)}', bcc: '${list(21, 30)}', subject: 's', body: 'b' });`,
      ),
    ).toThrow('Limit Exceeded: Email Recipients Per Message.');
    expect(rt.mail.getRemainingDailyQuota()).toBe(50);
  });

  it('counts each user’s daily quota apart and restores it 24 hours after the first send', () => {
    const rt = new LocalAppsScript();
    rt.handle(rt.spreadsheet).share('ann@example.com', 'editor');
    rt.run(
      `MailApp.sendEmail('${list(50)}', 's', 'b'); MailApp.sendEmail('${list(50)}', 's', 'b');`,
    );
    expect(() => rt.run("MailApp.sendEmail('x@example.com', 's', 'b');")).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(rt.as('ann@example.com').run('return MailApp.getRemainingDailyQuota();')).toBe(100);
    rt.kernel.advance(24 * 60 * 60 * 1000);
    expect(rt.run('return MailApp.getRemainingDailyQuota();')).toBe(100);
  });

  it('gives Workspace accounts 1,500 recipients a day', () => {
    const rt = new LocalAppsScript({ workspace: true });
    expect(rt.run('return MailApp.getRemainingDailyQuota();')).toBe(1500);
  });

  it('records who sent each message', () => {
    const rt = new LocalAppsScript();
    rt.run("MailApp.sendEmail('x@example.com', 'Hello', 'Body', { name: 'Lead Tracker' });");
    expect(rt.mail._sent).toEqual([
      {
        to: 'x@example.com',
        subject: 'Hello',
        body: 'Body',
        name: 'Lead Tracker',
        sender: 'owner@example.com',
      },
    ]);
  });
});
