// The one-lead e-mail to a form lead's new owner.

import { renderArrivalMail } from '../../../src/method/capture/arrivalMail';
import type { TimeZone } from '../../../src/sheet/calendar';

const SHANGHAI: TimeZone = { name: 'Asia/Shanghai', offsetMinutes: () => 480 };
const LEAD = {
  id: '202405001-官网表单',
  grade: 'C',
  score: 40,
  contact: '<b>王</b>',
  phone: '13800138000',
  company: 'A & B',
  need: 'line 1\nline 2',
};

const render = (language: 'en' | 'zh') =>
  renderArrivalMail({
    lead: LEAD,
    ownerName: '张伟',
    channel: language === 'zh' ? '网页表单' : 'Web form',
    firstContactDue: new Date('2024-05-13T02:00:00Z'),
    language,
    zone: SHANGHAI,
    spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/x',
  });

describe('renderArrivalMail', () => {
  it('names the lead, its grade and ID in the subject, in either language', () => {
    expect(render('en').subject).toBe('New lead for you: A & B (grade C), 202405001-官网表单');
    expect(render('zh').subject).toBe('新线索：A & B（C级），202405001-官网表单');
  });

  it('lists what the customer sent and the first-contact deadline in the zone', () => {
    const { text } = render('zh');
    expect(text).toContain('张伟，您好：');
    expect(text).toContain('请于 2024-05-13 10:00 前首次联系');
    expect(text).toContain('联系方式：13800138000');
  });

  it('escapes every value in the HTML body', () => {
    const { html } = render('en');
    expect(html).toContain('&lt;b&gt;王&lt;/b&gt;');
    expect(html).toContain('A &amp; B');
    expect(html).toContain('line 1<br>line 2');
    expect(html).not.toContain('<b>王');
  });
});
