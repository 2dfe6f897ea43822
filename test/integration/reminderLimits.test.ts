// Digests at scale through the built bundle: 2,500 overdue leads for one owner give digests under
// 100 KB that list 200 each and count the rest, and the hourly runs drain the backlog, none twice.

import { automationWorkbook, DAY, HOUR, gradeALead, mayId, ago } from '../support/automation';
import type { LocalAppsScript } from '../../gas-local/runtime';
import { STATE_TAB } from '../../src/gas/stateStore';

const LEADS = 2500;
const MAIL_BODY_LIMIT = 100_000;

/**
 * 2,500 A leads of 张伟, first contact overdue, lead i by i minutes more; assigned long enough ago
 * that the assignment is no longer news.
 */
function backlogWorkbook(): LocalAppsScript {
  const rows = Array.from({ length: LEADS }, (_, at) => {
    const i = at + 1;
    return gradeALead(i, {
      id: mayId(i),
      enteredAt: ago(3 * DAY),
      owner: '张伟',
      assignedAt: ago(2 * DAY + HOUR),
      firstContactDue: ago(DAY + i * 60_000),
    });
  });
  return automationWorkbook(rows);
}

/** The Lead IDs a digest lists, from its plain-text lines. */
const listedIds = (body: string) =>
  body
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2).split(' · ')[0]);

const bytes = (text: string | undefined) => Buffer.byteLength(text ?? '', 'utf8');

describe('digests of a large backlog', () => {
  const runtime = backlogWorkbook();
  // Digests only: the weekly report goes to the managers on the first run too.
  const mailTo = (to: string) =>
    runtime.mail._sent.filter((m) => m.to === to && m.subject.includes('提醒'));
  const runs: number[] = [];

  beforeAll(() => {
    // Thirteen hourly runs, 10:00 to 22:00 in Shanghai: the same day, so nothing is due again.
    for (let run = 0; run < 14; run++) {
      if (run > 0) runtime.kernel.advance(HOUR);
      runtime.invoke('runHourlyNow');
      runs.push(runtime.mail._sent.length);
    }
  });

  it('sends the owner one digest under 100 KB listing the 200 most overdue, the count of the rest and the link', () => {
    const [first] = mailTo('zhang@example.com');
    expect(bytes(first.body)).toBeLessThan(MAIL_BODY_LIMIT);
    expect(bytes(first.htmlBody)).toBeLessThan(MAIL_BODY_LIMIT);
    expect(first.subject).toBe('线索跟踪提醒：2,500 条待处理');
    const ids = listedIds(first.body);
    expect(ids).toHaveLength(200);
    // The most overdue were numbered last.
    expect(ids[0]).toBe(mayId(LEADS));
    expect(ids[199]).toBe(mayId(LEADS - 199));
    expect(first.body).toContain('…另有 2,300 条，将在之后的提醒中列出。');
    expect(first.body).toMatch(/打开线索表：https:\/\/docs\.google\.com\/spreadsheets\/d\/\S+/);
    expect(first.htmlBody).toContain('<a href="https://docs.google.com/spreadsheets/d/');
  });

  it('drains the rest over the next runs, 200 at a time, mailing no lead twice', () => {
    const digests = mailTo('zhang@example.com');
    expect(digests).toHaveLength(Math.ceil(LEADS / 200));
    const counts = digests.map((m) => listedIds(m.body).length);
    expect(counts).toEqual([...Array<number>(12).fill(200), 100]);
    const all = digests.flatMap((m) => listedIds(m.body));
    expect(new Set(all).size).toBe(LEADS);
    expect(digests[1].body).toContain('…另有 2,100 条');
    expect(digests[12].body).not.toContain('另有');
  });

  it("drains the managers' digest of SLA breaches the same way", () => {
    const digests = mailTo('boss@example.com');
    expect(digests).toHaveLength(Math.ceil(LEADS / 200));
    const all = digests.flatMap((m) => listedIds(m.body));
    expect(all).toHaveLength(LEADS);
    expect(new Set(all).size).toBe(LEADS);
    for (const mail of digests) {
      expect(bytes(mail.body)).toBeLessThan(MAIL_BODY_LIMIT);
      expect(bytes(mail.htmlBody)).toBeLessThan(MAIL_BODY_LIMIT);
    }
  });

  it('sends nothing more once the backlog is drained', () => {
    expect(runs[runs.length - 1]).toBe(runs[runs.length - 2]);
  });

  it('keeps the ledger of 5,000 told items in a few hundred bytes of saved state', () => {
    const row = runtime.values(STATE_TAB).find((r) => r[0] === 'mailLedger');
    const saved = (row ?? []).slice(1).join('');
    expect(saved).toContain('"fo|2024-05-10"');
    expect(bytes(saved)).toBeLessThan(500);
  });

  it('logs no failure in any of the runs', () => {
    const details = runtime.values('运行日志').map((row) => String(row[1]));
    expect(details.filter((action) => action.includes('失败'))).toEqual([]);
  });
});
