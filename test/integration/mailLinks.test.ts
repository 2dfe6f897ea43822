// One click from mail to lead (issue: mail links): every lead in a digest or a one-lead notice links
// to the row it is on when the mail goes out, in the tab it is in, and every mail to the spreadsheet.

import type { LocalAppsScript } from '../../gas-local/runtime';
import {
  ago,
  automationWorkbook,
  DAY,
  gradeALead,
  HOUR,
  LEADS,
  mayId,
  POOL,
} from '../support/automation';
import { postLead, tokenOf } from '../support/forms';

const lead = (i: number, fields: Record<string, unknown>) =>
  gradeALead(i, { id: mayId(i), enteredAt: ago(20 * DAY), ...fields });

/** Each `#gid=…&range=A<row>` link in a body, as [sheet ID, row]. */
function rowLinks(body: string): [number, number][] {
  return [...body.matchAll(/#gid=(\d+)&(?:amp;)?range=A(\d+)/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
}

/** The Lead ID on a row of the tab whose sheet ID is `gid`. */
function idAt(runtime: LocalAppsScript, gid: number, row: number): string {
  const sheet = runtime.spreadsheet.getSheets().find((s) => s.getSheetId() === gid);
  if (!sheet) throw new Error(`no tab with gid ${gid}`);
  const values = runtime.values(sheet.getName());
  return String(values[row - 1][values[0].indexOf('线索编号')]);
}

describe('digest links', () => {
  // Lead 1 goes to the pool in this run, so the leads below it move up a row before the mail.
  const runtime = automationWorkbook([
    lead(1, { owner: '张伟', assignedAt: ago(9 * DAY) }),
    lead(2, { owner: '张伟', assignedAt: ago(2 * DAY), firstContactDue: ago(DAY) }),
    lead(3, {
      owner: '张伟',
      assignedAt: ago(3 * DAY),
      firstContactAt: ago(2 * DAY),
      lastFollowUpAt: ago(2 * DAY),
      nextFollowUpDue: ago(HOUR),
    }),
  ]);
  runtime.invoke('runHourlyNow');
  const digest = runtime.mail._sent.find(
    (m) => m.to === 'zhang@example.com' && m.subject.includes('提醒'),
  );

  it('links every lead of the digest to the row it is on after the run, in both bodies', () => {
    if (!digest) throw new Error('张伟 gets a digest');
    for (const body of [digest.body, digest.htmlBody ?? '']) {
      const links = rowLinks(body);
      // Lead 2 is news (assigned) and overdue: two items, each linked to its row.
      const ids = links.map(([gid, row]) => idAt(runtime, gid, row));
      expect([...new Set(ids)].sort()).toEqual([mayId(1), mayId(2), mayId(3)]);
      expect(ids).toHaveLength(4);
    }
  });

  it('links a pooled lead to its row in Pool', () => {
    if (!digest) throw new Error('张伟 gets a digest');
    const pool = runtime.spreadsheet.getSheetByName(POOL)?.getSheetId();
    const leads = runtime.spreadsheet.getSheetByName(LEADS)?.getSheetId();
    const [gid, row] =
      rowLinks(digest.body).find(([g, r]) => idAt(runtime, g, r) === mayId(1)) ?? [];
    expect(gid).toBe(pool);
    expect(row).toBe(2);
    // Lead 2 was on row 3 when typed; lead 1 left Leads before the mail went out.
    expect(rowLinks(digest.body)).toContainEqual([leads, 2]);
  });

  it('links the spreadsheet too, and lays the HTML out in one column', () => {
    if (!digest) throw new Error('张伟 gets a digest');
    expect(digest.body).toContain(`打开线索表：${runtime.spreadsheet.getUrl()}`);
    expect(digest.htmlBody).toContain('name="viewport"');
    expect(digest.htmlBody).not.toMatch(/<\/td>\s*<td/);
  });
});

describe('one-lead notice link', () => {
  it('links a web form lead to the row it was added on', () => {
    const runtime = automationWorkbook([lead(1, { owner: '李娜', assignedAt: ago(DAY) })]);
    const sheet = runtime.spreadsheet.getId();
    postLead(runtime, sheet, {
      token: tokenOf(runtime),
      contact: '王女士',
      phone: '13800138000',
      company: '某科技',
      budget: '80万',
      expectedClose: '2024-05-20',
    });
    const [notice] = runtime.mail._sent.filter((m) => m.subject.startsWith('新线索'));
    expect(notice.body).toContain('打开这条线索：');
    const links = rowLinks(notice.body);
    expect(links).toHaveLength(1);
    const [gid, row] = links[0];
    expect(row).toBe(3);
    expect(idAt(runtime, gid, row)).toBe('202405002-官网表单');
    expect(rowLinks(notice.htmlBody ?? '')).toEqual(links);
  });
});
