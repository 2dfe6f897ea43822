// Data completeness (template step 1, reminder 3) over a hand-counted set of leads.

import {
  completenessOf,
  missingFields,
  requiredFields,
} from '../../../src/method/analysis/completeness';

const DAY_MS = 24 * 3_600_000;
const NOW = new Date('2024-06-30T04:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY_MS);

type Row = Record<string, unknown>;

/** A complete lead entered by 张三 ten days ago, with the given cells changed. */
const lead = (cells: Row): Row => ({
  contact: '李经理',
  phone: '13800000000',
  company: '华星科技',
  source: '展会',
  need: '智能仓储',
  enteredBy: '张三',
  enteredAt: daysAgo(10),
  ...cells,
});

/*
 * #  source       entered by  missing
 * 1  展会          张三         —
 * 2  Trade show   张三         phone
 * 3  官网表单       李四         phone, need
 * 4  官网表单       李四         company
 * 5  (blank)      李四         source, phone
 * 6  展会          (blank)     contact (spaces only)
 * 7  展会          张三         phone — entered 40 days ago
 */
const LEADS: Row[] = [
  lead({}),
  lead({ source: 'Trade show', phone: '' }),
  lead({ source: '官网表单', enteredBy: '李四', phone: '', need: '' }),
  lead({ source: '官网表单', enteredBy: '李四', company: '' }),
  lead({ source: '', enteredBy: '李四', phone: '' }),
  lead({ enteredBy: '', contact: '  ' }),
  lead({ phone: '', enteredAt: daysAgo(40) }),
];

const ALL_TIME = { leads: LEADS, required: requiredFields(true), now: NOW, windowDays: 0 };

describe('requiredFields', () => {
  it('asks contact, phone, company, source and need of a B2B team', () => {
    expect(requiredFields(true)).toEqual(['contact', 'phone', 'company', 'source', 'need']);
  });

  it('leaves out the company when the team sells to people (B2C)', () => {
    expect(requiredFields(false)).toEqual(['contact', 'phone', 'source', 'need']);
  });
});

describe('missingFields', () => {
  it('names every blank required field, spaces counting as blank', () => {
    expect(missingFields(LEADS[2], requiredFields(true))).toEqual(['phone', 'need']);
    expect(missingFields(LEADS[5], requiredFields(true))).toEqual(['contact']);
    expect(missingFields(LEADS[0], requiredFields(true))).toEqual([]);
  });

  it('takes a number as a phone', () => {
    expect(missingFields(lead({ phone: 13800000000 }), ['phone'])).toEqual([]);
  });
});

describe('completenessOf', () => {
  it('counts incomplete leads overall, with the field missing most often', () => {
    // Leads 2–7 lack something; phone is missing from 2, 3, 5 and 7.
    expect(completenessOf(ALL_TIME).total).toEqual({
      key: '',
      leads: 7,
      incomplete: 6,
      rate: 6 / 7,
      mostMissing: 'phone',
      mostMissingCount: 4,
    });
  });

  it('groups sources by key in either language, most incomplete first', () => {
    const rows = completenessOf(ALL_TIME).bySource;
    expect(rows.map((r) => [r.key, r.leads, r.incomplete, r.mostMissing])).toEqual([
      // 展会 and Trade show: leads 1, 2, 6, 7; 2 and 7 lack a phone, 6 a contact.
      ['tradeShow', 4, 3, 'phone'],
      // 官网表单: leads 3 and 4; phone, need and company once each: phone is listed first.
      ['website', 2, 2, 'phone'],
      ['', 1, 1, 'phone'],
    ]);
  });

  it('groups by who entered the lead', () => {
    const rows = completenessOf(ALL_TIME).byEnteredBy;
    expect(
      rows.map((r) => [r.key, r.leads, r.incomplete, r.mostMissing, r.mostMissingCount]),
    ).toEqual([
      ['李四', 3, 3, 'phone', 2],
      ['张三', 3, 2, 'phone', 2],
      ['', 1, 1, 'contact', 1],
    ]);
  });

  it('does not count a missing company when the company is not required', () => {
    const { byEnteredBy } = completenessOf({ ...ALL_TIME, required: requiredFields(false) });
    expect(byEnteredBy.find((r) => r.key === '李四')).toMatchObject({ leads: 3, incomplete: 2 });
  });

  it('counts only leads entered in the analysis window', () => {
    const { total } = completenessOf({ ...ALL_TIME, windowDays: 30 });
    expect(total).toMatchObject({ leads: 6, incomplete: 5, mostMissingCount: 3 });
  });

  it('reports a group with nothing missing as complete', () => {
    const { total } = completenessOf({ ...ALL_TIME, leads: [lead({})] });
    expect(total).toEqual({
      key: '',
      leads: 1,
      incomplete: 0,
      rate: 0,
      mostMissing: undefined,
      mostMissingCount: 0,
    });
  });

  it('holds counts and group names only, never a customer’s contact, phone or company', () => {
    const text = JSON.stringify(completenessOf(ALL_TIME));
    for (const customer of ['李经理', '13800000000', '华星科技', '智能仓储']) {
      expect(text).not.toContain(customer);
    }
  });
});
