// A posted lead, checked field by field: what is written, or every problem named by its field.

import { MAX_CHARS, readPostedLead } from '../../../src/method/capture/postedLead';

const WEBSITE = '官网表单';

describe('readPostedLead', () => {
  it('takes contact and phone, blanks the rest and fills the source', () => {
    const result = readPostedLead({ contact: ' 王女士 ', phone: '13800138000' }, 'zh', WEBSITE);
    expect(result).toEqual({
      ok: true,
      lead: {
        contact: '王女士',
        phone: '13800138000',
        company: '',
        source: WEBSITE,
        need: '',
        budget: '',
        expectedClose: '',
        region: '',
        industry: '',
      },
    });
  });

  it('keeps a source that was sent', () => {
    const result = readPostedLead(
      { contact: 'A', phone: '13800138000', source: '展会' },
      'zh',
      WEBSITE,
    );
    expect(result.ok && result.lead.source).toBe('展会');
  });

  it('names every missing required field, in the language asked', () => {
    expect(readPostedLead({}, 'en', 'Website form')).toEqual({
      ok: false,
      errors: [
        { field: 'contact', message: 'Contact is required.' },
        { field: 'phone', message: 'Phone / WeChat is required.' },
      ],
    });
    const zh = readPostedLead({ contact: '  ', phone: '' }, 'zh', WEBSITE);
    expect(!zh.ok && zh.errors.map((e) => e.message)).toEqual([
      '请填写联系人。',
      '请填写联系方式。',
    ]);
  });

  it('refuses a phone that identifies nobody, and takes a WeChat ID', () => {
    const bad = readPostedLead({ contact: 'A', phone: '123' }, 'en', 'Website form');
    expect(!bad.ok && bad.errors[0].field).toBe('phone');
    expect(readPostedLead({ contact: 'A', phone: 'wx_shop-01' }, 'en', 'x').ok).toBe(true);
  });

  it('refuses values that are not text, and text over its length', () => {
    const result = readPostedLead(
      { contact: { a: 1 }, phone: '13800138000', need: 'x'.repeat(MAX_CHARS.need + 1) },
      'en',
      'x',
    );
    expect(!result.ok && result.errors.map((e) => e.field)).toEqual(['contact', 'need']);
  });

  it('takes numbers as text', () => {
    const result = readPostedLead({ contact: 'A', phone: 13800138000, budget: 50 }, 'en', 'x');
    expect(result.ok && [result.lead.phone, result.lead.budget]).toEqual(['13800138000', '50']);
  });

  it('adds a note to the need, labelled', () => {
    const result = readPostedLead(
      { contact: 'A', phone: '13800138000', need: '仓储系统', note: '下午联系' },
      'zh',
      WEBSITE,
    );
    expect(result.ok && result.lead.need).toBe('仓储系统\n备注：下午联系');
  });

  it('keeps text starting with = as it was sent (the writer keeps it text)', () => {
    const result = readPostedLead({ contact: '=HYPERLINK("x")', phone: '13800138000' }, 'en', 'x');
    expect(result.ok && result.lead.contact).toBe('=HYPERLINK("x")');
  });

  it('drops control characters but keeps line breaks', () => {
    const result = readPostedLead(
      { contact: 'A\u0000B', phone: '13800138000', need: 'a\nb' },
      'en',
      'x',
    );
    expect(result.ok && [result.lead.contact, result.lead.need]).toEqual(['AB', 'a\nb']);
  });
});
