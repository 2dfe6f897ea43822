// E-mail digests and run summaries: escaping, grouping, languages, zoned due times and once-a-day keys.

import type { TimeZone } from '../../../src/sheet/calendar';
import {
  type ReminderItem,
  escapeHtml,
  formatCount,
  formatDueTime,
  reminderKey,
  renderDigest,
  summaryText,
} from '../../../src/method/reminders/reminders';

const SHANGHAI: TimeZone = { name: 'Asia/Shanghai', offsetMinutes: () => 480 };

const HOSTILE = `<img src=x onerror=alert(1)>&"'`;

function item(overrides: Partial<ReminderItem> = {}): ReminderItem {
  return {
    kind: 'followUpDue',
    leadId: '202405001-Web',
    grade: 'A',
    company: 'Acme Ltd',
    contact: 'Zhang San',
    due: new Date('2024-05-10T02:05:00Z'),
    ...overrides,
  };
}

function digest(
  items: ReminderItem[],
  overrides: Partial<Parameters<typeof renderDigest>[0]> = {},
) {
  return renderDigest({
    recipientName: 'Li Si',
    items,
    language: 'en',
    zone: SHANGHAI,
    forManagers: false,
    ...overrides,
  });
}

/** The HTML with the template's own tags taken out: only escaped text should remain. */
function textOutsideTemplateTags(html: string): string {
  return html.replace(
    /<!DOCTYPE html>|<\/?(?:html|head|body|meta|table|tr|td|strong|b|span|br|a)\b[^<>]*>/g,
    '',
  );
}

describe('escapeHtml', () => {
  it('escapes each of & < > " and \'', () => {
    expect(escapeHtml('&')).toBe('&amp;');
    expect(escapeHtml('<')).toBe('&lt;');
    expect(escapeHtml('>')).toBe('&gt;');
    expect(escapeHtml('"')).toBe('&quot;');
    expect(escapeHtml("'")).toBe('&#39;');
  });

  it('escapes an ampersand before the entities it creates, so nothing is escaped twice', () => {
    expect(escapeHtml('<a&b>')).toBe('&lt;a&amp;b&gt;');
  });

  it('leaves ordinary and Chinese text alone', () => {
    expect(escapeHtml('Acme 有限公司 2024')).toBe('Acme 有限公司 2024');
  });
});

describe('renderDigest HTML escaping', () => {
  const hostileItem = item({
    kind: 'slaBreach',
    leadId: `L1${HOSTILE}`,
    grade: `A${HOSTILE}`,
    company: `Co${HOSTILE}`,
    contact: HOSTILE,
    owner: `Owner${HOSTILE}`,
    reason: `Reason${HOSTILE}`,
  });
  const { html } = digest([hostileItem], {
    recipientName: `Boss${HOSTILE}`,
    forManagers: true,
    spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit?a=1&b="x"',
  });

  it('never contains the raw <img> of a hostile contact', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('escapes every special character in every field', () => {
    const escapedHostile = '&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;';
    for (const prefix of ['L1', 'A', 'Co', 'Owner', 'Reason', 'Boss']) {
      expect(html).toContain(`${prefix}${escapedHostile}`);
    }
  });

  it('leaves no markup but its own tags, and every & starts an entity', () => {
    const rest = textOutsideTemplateTags(html);
    expect(rest).not.toMatch(/[<>"']/);
    expect(rest).not.toMatch(/&(?!(?:amp|lt|gt|quot|#39);)/);
  });

  it('escapes the spreadsheet link inside its attribute', () => {
    expect(html).toContain(
      '<a href="https://docs.google.com/spreadsheets/d/abc/edit?a=1&amp;b=&quot;x&quot;"',
    );
  });

  it('does not link an address that is not http(s)', () => {
    const result = digest([item()], { spreadsheetUrl: 'javascript:alert(1)' });
    expect(result.html).not.toContain('<a ');
    expect(result.html).not.toContain('javascript:');
    expect(result.text).not.toContain('javascript:');
  });

  it('keeps the plain-text body as plain text, with the values as typed', () => {
    const { text } = digest([hostileItem], { forManagers: true });
    expect(text).toContain(`Co${HOSTILE} / ${HOSTILE}`);
    expect(text).not.toContain('&lt;');
  });
});

describe('renderDigest content', () => {
  it('lists Lead ID, grade, company / contact and the due time on one line', () => {
    const { text, html } = digest([item()]);
    expect(text).toContain(
      '- 202405001-Web · A · Acme Ltd / Zhang San · follow up by 2024-05-10 10:05',
    );
    expect(html).toContain('<b>202405001-Web · A · Acme Ltd / Zhang San</b>');
    expect(html).toContain('Zhang San</b><br>follow up by 2024-05-10 10:05</td>');
  });

  it('formats the due time in the zone, moving to the next day past midnight', () => {
    const { text } = digest([item({ due: new Date('2024-05-10T17:30:00Z') })]);
    expect(text).toContain('2024-05-11 01:30');
  });

  it('says which zone its times are in', () => {
    expect(digest([item()]).text).toContain('Times are in Asia/Shanghai.');
  });

  it('shows only the company or only the contact when the other is blank', () => {
    expect(digest([item({ contact: '' })]).text).toContain('· Acme Ltd ·');
    expect(digest([item({ company: ' ' })]).text).toContain('· Zhang San ·');
  });

  it('leaves the due part out when an item has no due time', () => {
    const { text } = digest([item({ due: undefined })]);
    expect(text).toContain('- 202405001-Web · A · Acme Ltd / Zhang San\n');
  });

  it('keeps a value with line breaks on its own line', () => {
    const { text } = digest([item({ company: 'Acme\nFake line\r\n- 999' })]);
    expect(text).toContain('Acme Fake line - 999 / Zhang San');
  });

  it("shows the owner in managers' digests only", () => {
    const breach = item({ kind: 'slaBreach', owner: 'Wang Wu' });
    expect(digest([breach], { forManagers: true }).text).toContain('owner: Wang Wu');
    expect(digest([breach], { forManagers: false }).text).not.toContain('Wang Wu');
  });

  it('shows a reason when there is one', () => {
    const pooled = item({ kind: 'pooled', reason: 'No follow-up for 7 days' });
    expect(digest([pooled]).text).toContain('reason: No follow-up for 7 days');
  });

  it('links the spreadsheet in both bodies', () => {
    const url = 'https://docs.google.com/spreadsheets/d/abc/edit';
    const result = digest([item()], { spreadsheetUrl: url });
    expect(result.text).toContain(`Open the lead tracker: ${url}`);
    expect(result.html).toMatch(
      new RegExp(`<a href="${url.replace(/[.?]/g, '\\$&')}"[^>]*>Open the lead tracker</a>`),
    );
  });
});

describe('renderDigest grouping and order', () => {
  const items = [
    item({ kind: 'pooled', leadId: 'P1' }),
    item({ kind: 'assigned', leadId: 'N1' }),
    item({ kind: 'followUpDue', leadId: 'D2', due: new Date('2024-05-12T00:00:00Z') }),
    item({ kind: 'followUpOverdue', leadId: 'O1' }),
    item({ kind: 'followUpDue', leadId: 'D1', due: new Date('2024-05-11T00:00:00Z') }),
    item({ kind: 'firstContactOverdue', leadId: 'F1' }),
    item({ kind: 'followUpDue', leadId: 'D3', due: undefined }),
  ];
  const { text } = digest(items);

  it('puts overdue groups first, then due, then new and pooled leads', () => {
    const headings = [
      'First contact overdue (1)',
      'Follow-ups overdue (1)',
      'Follow-ups due (3)',
      'Newly assigned (1)',
      'Moved to the public pool (1)',
    ].map((heading) => text.indexOf(heading));
    expect(headings.every((at) => at >= 0)).toBe(true);
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);
  });

  it('orders items within a group by due time, undated last', () => {
    const positions = ['D1', 'D2', 'D3'].map((id) => text.indexOf(`- ${id} `));
    expect(positions.every((at) => at >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('leaves out groups with no items', () => {
    expect(text).not.toContain('SLA breached');
    expect(text).not.toContain('New in the public pool');
  });

  it("puts SLA breaches before pool arrivals in a managers' digest", () => {
    const managers = digest(
      [item({ kind: 'poolArrival', leadId: 'PA' }), item({ kind: 'slaBreach', leadId: 'SB' })],
      { forManagers: true },
    ).text;
    expect(managers.indexOf('First-contact SLA breached')).toBeLessThan(
      managers.indexOf('New in the public pool'),
    );
  });
});

describe('renderDigest languages', () => {
  const three = [item(), item({ leadId: 'X2' }), item({ kind: 'assigned', leadId: 'X3' })];

  it('writes an English subject with the item count', () => {
    expect(digest(three).subject).toBe('Lead Tracker: 3 items need you');
    expect(digest([item()]).subject).toBe('Lead Tracker: 1 item needs you');
  });

  it('writes a Chinese subject with the item count', () => {
    expect(digest(three, { language: 'zh' }).subject).toBe('线索跟踪提醒：3 条待处理');
  });

  it("marks managers' digests in the subject", () => {
    expect(digest(three, { forManagers: true }).subject).toBe(
      'Lead Tracker: 3 items need a manager',
    );
    expect(digest(three, { language: 'zh', forManagers: true }).subject).toBe(
      '线索跟踪提醒（经理）：3 条待处理',
    );
  });

  it('writes the Chinese body in Chinese', () => {
    const { text, html } = digest([item({ kind: 'pooled', reason: '超过7天未跟进' })], {
      language: 'zh',
      recipientName: '李四',
      spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
    });
    expect(text).toContain('李四，您好：');
    expect(text).toContain('已转入公海 (1)');
    expect(text).toContain('转入公海时间 2024-05-10 10:05');
    expect(text).toContain('原因：超过7天未跟进');
    expect(text).toContain('时间均为 Asia/Shanghai 时区。');
    expect(text).toContain('打开线索表：https://docs.google.com/spreadsheets/d/abc/edit');
    expect(html).toContain('>已转入公海 (1)</strong>');
  });

  it('greets by name in English', () => {
    expect(digest([item()]).text.startsWith('Hello Li Si,\n')).toBe(true);
  });
});

describe('formatDueTime', () => {
  it('pads months, days, hours and minutes to two digits', () => {
    expect(formatDueTime(new Date('2024-01-02T01:04:00Z'), SHANGHAI)).toBe('2024-01-02 09:04');
  });
});

describe('reminderKey', () => {
  const base = item({ kind: 'followUpDue', leadId: '202405001-Web' });

  it('is the same for the same kind, lead and day', () => {
    expect(reminderKey(base, '2024-05-10')).toBe(reminderKey({ ...base }, '2024-05-10'));
  });

  it('ignores details that may change during the day', () => {
    const changed = { ...base, company: 'Other', due: new Date('2024-05-10T09:00:00Z') };
    expect(reminderKey(changed, '2024-05-10')).toBe(reminderKey(base, '2024-05-10'));
  });

  it('differs by day', () => {
    expect(reminderKey(base, '2024-05-11')).not.toBe(reminderKey(base, '2024-05-10'));
  });

  it('differs by kind', () => {
    const kinds = [
      'assigned',
      'firstContactOverdue',
      'followUpDue',
      'followUpOverdue',
      'pooled',
      'poolArrival',
      'slaBreach',
    ] as const;
    const keys = kinds.map((kind) => reminderKey({ ...base, kind }, '2024-05-10'));
    expect(new Set(keys).size).toBe(kinds.length);
  });

  it('differs by lead', () => {
    const other = { ...base, leadId: '202405002-Web' };
    expect(reminderKey(other, '2024-05-10')).not.toBe(reminderKey(base, '2024-05-10'));
  });

  it('stays compact', () => {
    expect(reminderKey(base, '2024-05-10')).toBe('fd|2024-05-10|202405001-Web');
  });
});

describe('summaryText', () => {
  const counts = { assigned: 3, pooled: 2, returned: 1, reminded: 5, breaches: 1 };

  it('summarises the run in English', () => {
    expect(summaryText({ ...counts, language: 'en' })).toBe(
      'Lead Tracker: 3 assigned · 2 moved to the pool · 1 returned from the pool · ' +
        '5 reminders sent · 1 SLA breach',
    );
  });

  it('uses singular and plural forms in English', () => {
    const text = summaryText({ ...counts, reminded: 1, breaches: 2, language: 'en' });
    expect(text).toContain('1 reminder sent');
    expect(text).toContain('2 SLA breaches');
  });

  it('summarises the run in Chinese', () => {
    expect(summaryText({ ...counts, language: 'zh' })).toBe(
      '线索跟踪：新分配 3 条 · 转入公海 2 条 · 从公海分回 1 条 · 发出提醒 5 条 · 首次触达超时 1 条',
    );
  });
});

describe('renderDigest limits', () => {
  const URL = 'https://docs.google.com/spreadsheets/d/abc/edit';
  const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
  const MAIL_BODY_LIMIT = 100_000;

  /** `count` overdue items, the later ones more overdue, numbered from 1. */
  function overdue(count: number, overrides: Partial<ReminderItem> = {}): ReminderItem[] {
    return Array.from({ length: count }, (_, i) =>
      item({
        kind: 'firstContactOverdue',
        leadId: `202405${String(i + 1).padStart(4, '0')}-展会`,
        due: new Date(Date.UTC(2024, 4, 10) - i * 60_000),
        ...overrides,
      }),
    );
  }

  it('lists the 200 most urgent of 2,500 items and says how many more there are', () => {
    const items = overdue(2500);
    const result = digest(items, { spreadsheetUrl: URL });
    expect(result.listed).toHaveLength(200);
    // The most overdue were numbered last.
    expect(result.listed[0]).toBe(2499);
    expect(result.text).toContain('- 2024052500-展会 ·');
    expect(result.text).not.toContain('- 2024050001-展会 ·');
    expect(result.text).toContain('… and 2,300 more, listed in the next reminders.');
    expect(result.html).toContain('>… and 2,300 more, listed in the next reminders.</td>');
    expect(result.text).toContain(`Open the lead tracker: ${URL}`);
    expect(result.subject).toBe('Lead Tracker: 2,500 items need you');
    expect(result.text).toContain('First contact overdue (200)');
  });

  it('says how many more in Chinese', () => {
    const { text } = digest(overdue(2500), { language: 'zh', spreadsheetUrl: URL });
    expect(text).toContain('…另有 2,300 条，将在之后的提醒中列出。');
    expect(text).toContain(`打开线索表：${URL}`);
  });

  it('says nothing of more when every item is listed', () => {
    const result = digest(overdue(200));
    expect(result.listed).toHaveLength(200);
    expect(result.text).not.toContain('more');
  });

  const long = (label: string) => `${label}${'华东区域智能制造设备有限责任公司'.repeat(20)}`;

  it('lists 200 of 2,500 items with long Chinese names, both bodies under 100 KB', () => {
    const items = overdue(2500, {
      kind: 'slaBreach',
      company: long('公司'),
      contact: long('联系人'),
      owner: '张伟',
      reason: '超过7天未跟进',
    });
    for (const language of ['zh', 'en'] as const) {
      const result = digest(items, { language, forManagers: true, spreadsheetUrl: URL });
      expect(result.listed).toHaveLength(200);
      expect(bytes(result.text)).toBeLessThan(MAIL_BODY_LIMIT);
      expect(bytes(result.html)).toBeLessThan(MAIL_BODY_LIMIT);
    }
  });

  it('lists fewer when every value is long Chinese text, both bodies still under 100 KB', () => {
    const items = overdue(2500, {
      kind: 'slaBreach',
      company: long('公司'),
      contact: long('联系人'),
      owner: long('负责人'),
      reason: long('原因'),
    });
    const result = digest(items, {
      language: 'zh',
      forManagers: true,
      recipientName: long('经理'),
      spreadsheetUrl: URL,
    });
    expect(bytes(result.text)).toBeLessThan(MAIL_BODY_LIMIT);
    expect(bytes(result.html)).toBeLessThan(MAIL_BODY_LIMIT);
    expect(result.listed.length).toBeGreaterThan(100);
    expect(result.listed.length).toBeLessThan(200);
    expect(result.text).toContain(`…另有 ${formatCount(2500 - result.listed.length)} 条`);
  });

  it('keeps both bodies under 100 KB when every value is as long and as escaped as it can be', () => {
    const worst = '"&<>\''.repeat(2000);
    const items = overdue(2500, {
      leadId: worst,
      grade: worst,
      company: worst,
      contact: worst,
      owner: worst,
      reason: worst,
    });
    const result = digest(items, { forManagers: true, recipientName: worst, spreadsheetUrl: URL });
    expect(bytes(result.text)).toBeLessThan(MAIL_BODY_LIMIT);
    expect(bytes(result.html)).toBeLessThan(MAIL_BODY_LIMIT);
    // Fewer fit, and the rest are counted, not lost.
    expect(result.listed.length).toBeGreaterThan(20);
    expect(result.listed.length).toBeLessThan(200);
    expect(result.text).toContain(
      `… and ${(2500 - result.listed.length).toLocaleString('en-US')} more`,
    );
    expect(textOutsideTemplateTags(result.html)).not.toMatch(/[<>"']/);
  });

  it('cuts a long company name to 40 characters without splitting a character, and still escapes it', () => {
    const company = `<b>${'😀'.repeat(100)}`;
    const { text, html } = digest([item({ company })]);
    expect(text).toContain(`<b>${'😀'.repeat(36)}… / Zhang San`);
    expect(html).toContain(`&lt;b&gt;${'😀'.repeat(36)}… / Zhang San`);
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('does not link an address too long to be a spreadsheet link', () => {
    const result = digest([item()], { spreadsheetUrl: `https://example.com/${'a'.repeat(600)}` });
    expect(result.html).not.toContain('<a ');
  });
});

describe('formatCount', () => {
  it('groups thousands with commas', () => {
    expect([0, 999, 1000, 2300, 1234567].map(formatCount)).toEqual([
      '0',
      '999',
      '1,000',
      '2,300',
      '1,234,567',
    ]);
  });
});

describe('summaryText size', () => {
  it('holds counts only, so it stays one short line whatever the run did', () => {
    const huge = { assigned: 1e9, pooled: 1e9, returned: 1e9, reminded: 1e9, breaches: 1e9 };
    for (const language of ['en', 'zh'] as const) {
      const text = summaryText({ ...huge, language });
      expect(text).not.toContain('\n');
      expect(Buffer.byteLength(text, 'utf8')).toBeLessThan(300);
    }
  });
});

describe('renderDigest links to each lead', () => {
  const URL = 'https://docs.google.com/spreadsheets/d/abc/edit';
  const sheetIds = { leads: 11, pool: 22 };

  it('links each lead to its row in Leads, and a pooled lead to its row in Pool', () => {
    const { text, html } = digest(
      [item({ row: 7 }), item({ kind: 'pooled', leadId: 'P-1', row: 3, reason: 'stale' })],
      { spreadsheetUrl: URL, sheetIds },
    );
    expect(text).toContain(`follow up by 2024-05-10 10:05\n  ${URL}#gid=11&range=A7`);
    expect(text).toContain(`${URL}#gid=22&range=A3`);
    expect(html).toContain(`<a href="${URL}#gid=11&amp;range=A7"`);
    expect(html).toContain(`<a href="${URL}#gid=22&amp;range=A3"`);
  });

  it('drops a fragment the spreadsheet address already had', () => {
    const { text } = digest([item({ row: 5 })], { spreadsheetUrl: `${URL}#gid=0`, sheetIds });
    expect(text).toContain(`${URL}#gid=11&range=A5`);
    expect(text).not.toContain('#gid=0#');
  });

  it('links no row when the row or the tab is unknown, or the address is not a web address', () => {
    expect(digest([item()], { spreadsheetUrl: URL, sheetIds }).text).not.toContain('range=');
    expect(digest([item({ row: 5 })], { spreadsheetUrl: URL }).text).not.toContain('range=');
    const bad = digest([item({ row: 5 })], { spreadsheetUrl: 'javascript:x', sheetIds });
    expect(bad.html).not.toContain('<a ');
  });

  it('is one column at most 600 px wide that narrows to the screen, with the sheet link last', () => {
    const { html } = digest([item({ row: 5 })], { spreadsheetUrl: URL, sheetIds });
    expect(html).toContain('name="viewport" content="width=device-width,initial-scale=1"');
    expect(html).toContain('width="100%"');
    expect(html).toContain('max-width:600px');
    // One cell per row: nothing sits beside an item to squeeze it on a phone.
    expect(html).not.toMatch(/<\/td>\s*<td/);
    expect(html.lastIndexOf(`href="${URL}"`)).toBeGreaterThan(html.lastIndexOf('range=A5'));
  });

  it('keeps linked items of long names under 100 KB in each body, the rest counted', () => {
    const items = Array.from({ length: 2500 }, (_, i) =>
      item({
        kind: 'firstContactOverdue',
        leadId: `202405${String(i).padStart(4, '0')}-展会`,
        company: '很长的公司名称'.repeat(20),
        contact: '联系人'.repeat(20),
        row: i + 2,
      }),
    );
    const result = digest(items, { spreadsheetUrl: URL, sheetIds });
    expect(result.listed.length).toBeGreaterThan(150);
    expect(result.text).toContain(`${formatCount(2500 - result.listed.length)} more`);
    expect(Buffer.byteLength(result.html, 'utf8')).toBeLessThan(100_000);
    expect(Buffer.byteLength(result.text, 'utf8')).toBeLessThan(100_000);
    expect(result.text).toContain(`Open the lead tracker: ${URL}`);
  });
});
