// The periodic report e-mail: both bodies, changes, suppression and escaping.

import { renderReport } from '../../../src/method/report/reportMail';
import { reportPeriodAt } from '../../../src/method/report/reportPeriod';
import type { TimeZone } from '../../../src/sheet/calendar';

const SHANGHAI: TimeZone = { name: 'Asia/Shanghai', offsetMinutes: () => 480 };
const period = reportPeriodAt(new Date('2024-05-13T02:00:00Z'), SHANGHAI, 'weekly');
if (!period) throw new Error('weekly has a period');

const figures = {
  current: { newLeads: 12, won: 5, wonAmount: 1234.5, conversion: 0.25, slaCompliance: 0.8 },
  previous: { newLeads: 8, won: NaN, wonAmount: NaN, conversion: 0.3, slaCompliance: 0.8 },
  topReasons: [{ key: 'budget', count: 5, share: 0.5 }],
};

const render = (language: 'en' | 'zh', warnings: string[] = []) =>
  renderReport({
    period,
    figures,
    warnings,
    language,
    link: 'https://docs.google.com/spreadsheets/d/x/edit#gid=7',
  });

describe('renderReport', () => {
  it('names the week in the subject', () => {
    expect(render('en').subject).toBe('Lead Tracker weekly report: 2024-05-06 to 2024-05-12');
    expect(render('zh').subject).toBe('线索跟踪周报：2024-05-06 至 2024-05-12');
  });

  it('writes each figure with the week before and the change', () => {
    const { text } = render('en');
    expect(text).toContain('- New leads: 12 · Before: 8 · Change: +4 (+50%)');
    expect(text).toContain('- Won amount (万): 1,234.5 · Before: <5 · Change: —');
    expect(text).toContain(
      "- Conversion of the period's leads so far: 25.0% · Before: 30.0% · Change: −5.0 pp",
    );
    expect(text).toContain('- First contact within SLA: 80.0% · Before: 80.0% · Change: 0.0 pp');
    expect(text).toContain('- Budget too low: 5 (50.0%)');
  });

  it('says when the grades separate, and lists the warnings when they do not', () => {
    expect(render('en').text).toContain('None: the grades separate as they should.');
    expect(render('en', ['B converts better than A']).text).toContain('- B converts better than A');
  });

  it('escapes the warnings in the HTML body and lays it out for a phone', () => {
    const { html } = render('zh', ['<script>x</script>']);
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('max-width:600px');
    expect(html).toContain('<a href="https://docs.google.com/spreadsheets/d/x/edit#gid=7"');
    expect(html).not.toMatch(/<\/td>\s*<td/);
  });
});
