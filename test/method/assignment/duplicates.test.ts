// Duplicate detection (SPEC §3): same phone, or same company and contact, as an open or pool lead.

import {
  type DuplicateCandidate,
  type DuplicateLead,
  addCandidate,
  buildDuplicateIndex,
  duplicateNote,
  findDuplicate,
  normalizeCompany,
  normalizeContact,
  normalizePhone,
  wantedKeys,
} from '../../../src/method/assignment/duplicates';

describe('normalizePhone', () => {
  it('reads +86 138-0013-8000 and 13800138000 as the same mobile', () => {
    expect(normalizePhone('+86 138-0013-8000')).toBe('13800138000');
    expect(normalizePhone('13800138000')).toBe('13800138000');
  });

  it('removes a 0086 or bare 86 country code before a mobile', () => {
    expect(normalizePhone('0086 13800138000')).toBe('13800138000');
    expect(normalizePhone('8613800138000')).toBe('13800138000');
    expect(normalizePhone('+86 (138) 0013.8000')).toBe('13800138000');
  });

  it('reads a number cell as its digits', () => {
    expect(normalizePhone(13800138000)).toBe('13800138000');
    expect(normalizePhone(8613800138000)).toBe('13800138000');
  });

  it('keeps a leading 86 that is not followed by a mobile', () => {
    expect(normalizePhone('861012345678')).toBe('861012345678');
  });

  it('keeps a landline with its area code, whatever the separators', () => {
    expect(normalizePhone('010-12345678')).toBe('01012345678');
    expect(normalizePhone('(010) 1234 5678')).toBe('01012345678');
    expect(normalizePhone('（010）12345678')).toBe('01012345678');
  });

  it('accepts seven digits and rejects six', () => {
    expect(normalizePhone('1234567')).toBe('1234567');
    expect(normalizePhone('123-456')).toBeUndefined();
    expect(normalizePhone(123456)).toBeUndefined();
  });

  it('reads text with letters as a WeChat ID, trimmed and lower-cased', () => {
    expect(normalizePhone('  ZhangWei_88 ')).toBe('wx:zhangwei_88');
    expect(normalizePhone('zhang-wei')).toBe('wx:zhang-wei');
  });

  it('keeps WeChat IDs that differ only in a dash apart', () => {
    expect(normalizePhone('zhang-wei')).not.toBe(normalizePhone('zhangwei'));
  });

  it.each(['', '   ', null, undefined])('gives no key for a blank cell (%p)', (value) => {
    expect(normalizePhone(value)).toBeUndefined();
  });

  it('gives no key for text it cannot read as one number', () => {
    expect(normalizePhone('13800138000/13900139000')).toBeUndefined();
    expect(normalizePhone('电话待补')).toBeUndefined();
  });

  it('gives no key for a number cell that is not a whole number', () => {
    expect(normalizePhone(1380013.8)).toBeUndefined();
    expect(normalizePhone(-13800138000)).toBeUndefined();
  });
});

describe('normalizeCompany', () => {
  it('strips Chinese legal suffixes', () => {
    expect(normalizeCompany('某某科技有限公司')).toBe('某某科技');
    expect(normalizeCompany('某某科技股份有限公司')).toBe('某某科技');
    expect(normalizeCompany('某某科技有限责任公司')).toBe('某某科技');
  });

  it('strips suffixes repeatedly', () => {
    expect(normalizeCompany('某某集团股份有限公司')).toBe('某某');
    expect(normalizeCompany('Acme Group Inc.')).toBe('acme');
  });

  it('strips Latin suffixes and ignores case and spaces', () => {
    expect(normalizeCompany('Acme Co., Ltd.')).toBe('acme');
    expect(normalizeCompany('ACME Ltd')).toBe('acme');
    expect(normalizeCompany('Acme, Inc.')).toBe('acme');
    expect(normalizeCompany('Big Data Group')).toBe('bigdata');
  });

  it('strips a Latin suffix only as a separate word', () => {
    expect(normalizeCompany('Flinc')).toBe('flinc');
  });

  it('strips a bracketed region before the name, half- or full-width', () => {
    expect(normalizeCompany('（上海）某某科技有限公司')).toBe('某某科技');
    expect(normalizeCompany('(上海) 某某科技')).toBe('某某科技');
  });

  it('keeps a region that is part of the name or sits in the middle', () => {
    expect(normalizeCompany('上海某某科技有限公司')).toBe('上海某某科技');
    expect(normalizeCompany('某某科技（上海）有限公司')).toBe('某某科技（上海）');
  });

  it('keeps a name that is nothing but a suffix', () => {
    expect(normalizeCompany('集团')).toBe('集团');
  });

  it.each(['', '  ', null, undefined])('gives no key for a blank cell (%p)', (value) => {
    expect(normalizeCompany(value)).toBeUndefined();
  });
});

describe('normalizeContact', () => {
  it('removes spaces and case', () => {
    expect(normalizeContact(' Zhang  Wei ')).toBe('zhangwei');
    expect(normalizeContact('张 伟')).toBe('张伟');
  });

  it('gives no key for a blank cell', () => {
    expect(normalizeContact('  ')).toBeUndefined();
  });
});

const candidate = (overrides: Partial<DuplicateCandidate>): DuplicateCandidate => ({
  id: '202405001-展会',
  owner: '张伟',
  phone: '',
  company: '',
  contact: '',
  inPool: false,
  ...overrides,
});

const newLead = (overrides: Partial<DuplicateLead>): DuplicateLead => ({
  id: '202405009-官网表单',
  phone: '',
  company: '',
  contact: '',
  ...overrides,
});

describe('findDuplicate', () => {
  it('matches the same phone written differently', () => {
    const existing = candidate({ phone: '13800138000' });
    const index = buildDuplicateIndex([existing]);
    expect(findDuplicate(index, newLead({ phone: '+86 138-0013-8000' }))).toBe(existing);
  });

  it('matches a phone typed into a number cell', () => {
    const existing = candidate({ phone: 13800138000 });
    const index = buildDuplicateIndex([existing]);
    expect(findDuplicate(index, newLead({ phone: '0086 138 0013 8000' }))).toBe(existing);
  });

  it('matches the same WeChat ID', () => {
    const existing = candidate({ phone: 'ZhangWei88' });
    const index = buildDuplicateIndex([existing]);
    expect(findDuplicate(index, newLead({ phone: 'zhangwei88' }))).toBe(existing);
  });

  it('does not match a different phone', () => {
    const index = buildDuplicateIndex([candidate({ phone: '13800138000' })]);
    expect(findDuplicate(index, newLead({ phone: '13900139000' }))).toBeUndefined();
  });

  it('matches the same company and contact', () => {
    const existing = candidate({ company: '（上海）某某科技有限公司', contact: '李 娜' });
    const index = buildDuplicateIndex([existing]);
    expect(findDuplicate(index, newLead({ company: '某某科技', contact: '李娜' }))).toBe(existing);
  });

  it('needs both company and contact to match', () => {
    const index = buildDuplicateIndex([candidate({ company: '某某科技', contact: '李娜' })]);
    expect(findDuplicate(index, newLead({ company: '某某科技', contact: '王芳' }))).toBeUndefined();
    expect(
      findDuplicate(index, newLead({ company: '另一家公司', contact: '李娜' })),
    ).toBeUndefined();
  });

  it('does not match on company alone when both contacts are blank', () => {
    const index = buildDuplicateIndex([candidate({ company: '某某科技' })]);
    expect(findDuplicate(index, newLead({ company: '某某科技' }))).toBeUndefined();
  });

  it('does not treat a region-prefixed name as the bracketed-region one', () => {
    const index = buildDuplicateIndex([candidate({ company: '上海某某科技', contact: '李娜' })]);
    expect(findDuplicate(index, newLead({ company: '（上海）某某科技', contact: '李娜' }))).toBe(
      undefined,
    );
  });

  it('finds the same earliest match when the index keeps only what the checked leads can match', () => {
    const leads = [
      newLead({ phone: '+86 138-0013-8000' }),
      newLead({ id: '202405010-展会', company: '某某科技', contact: '李娜' }),
    ];
    const candidates = [
      candidate({ id: '202401001-展会', phone: '13900139000', company: '别家', contact: '王芳' }),
      candidate({ id: '202401002-展会', company: '某某科技有限公司', contact: '李 娜' }),
      candidate({ id: '202401003-展会', phone: '13800138000' }),
      candidate({
        id: '202401004-展会',
        phone: '13800138000',
        company: '某某科技',
        contact: '李娜',
      }),
    ];
    const whole = buildDuplicateIndex(candidates);
    const kept = buildDuplicateIndex(candidates, wantedKeys(leads));
    for (const lead of leads) expect(findDuplicate(kept, lead)).toBe(findDuplicate(whole, lead));
    expect(findDuplicate(kept, leads[1])?.id).toBe('202401002-展会');
    expect(kept.byPhone.size + kept.byCompanyContact.size).toBe(2);
    expect(whole.byPhone.size + whole.byCompanyContact.size).toBe(4);
  });

  it('never matches a lead with itself', () => {
    const itself = candidate({ id: '202405009-官网表单', phone: '13800138000' });
    const index = buildDuplicateIndex([itself]);
    expect(findDuplicate(index, newLead({ phone: '13800138000' }))).toBeUndefined();
  });

  it('skips itself and finds another lead with the same phone', () => {
    const itself = candidate({ id: '202405009-官网表单', phone: '13800138000' });
    const other = candidate({ id: '202405002-展会', phone: '138 0013 8000' });
    const index = buildDuplicateIndex([itself, other]);
    expect(findDuplicate(index, newLead({ phone: '13800138000' }))).toBe(other);
  });

  it('compares a lead without a Lead ID with every candidate', () => {
    const existing = candidate({ phone: '13800138000' });
    const index = buildDuplicateIndex([existing]);
    expect(findDuplicate(index, newLead({ id: '', phone: '13800138000' }))).toBe(existing);
  });

  it('leaves out candidates without a Lead ID', () => {
    const index = buildDuplicateIndex([candidate({ id: ' ', phone: '13800138000' })]);
    expect(findDuplicate(index, newLead({ phone: '13800138000' }))).toBeUndefined();
  });

  it('finds pool leads too', () => {
    const pooled = candidate({
      id: '202404003-展会',
      owner: '',
      phone: '13800138000',
      inPool: true,
    });
    const index = buildDuplicateIndex([pooled]);
    expect(findDuplicate(index, newLead({ phone: '13800138000' }))).toBe(pooled);
  });

  it('prefers the earliest-indexed candidate among several phone matches', () => {
    const first = candidate({ id: '202405001-展会', phone: '13800138000' });
    const second = candidate({ id: '202405002-展会', phone: '13800138000' });
    const index = buildDuplicateIndex([first, second]);
    expect(findDuplicate(index, newLead({ phone: '13800138000' }))).toBe(first);
  });

  it('prefers the earliest-indexed candidate whichever key found it', () => {
    const byCompany = candidate({ id: '202405001-展会', company: '某某科技', contact: '李娜' });
    const byPhone = candidate({ id: '202405002-展会', phone: '13800138000' });
    const index = buildDuplicateIndex([byCompany, byPhone]);
    const lead = newLead({ phone: '13800138000', company: '某某科技有限公司', contact: '李娜' });
    expect(findDuplicate(index, lead)).toBe(byCompany);
  });

  it('finds candidates added later, ranking each after those added before it', () => {
    const index = buildDuplicateIndex([candidate({ id: '202405001-展会', company: '某某科技' })]);
    const earlier = candidate({ id: '202405002-展会', phone: '13800138000' });
    const later = candidate({ id: '202405003-展会', phone: '13800138000' });
    addCandidate(index, earlier);
    addCandidate(index, later);
    expect(findDuplicate(index, newLead({ phone: '13800138000' }))).toBe(earlier);
  });

  it('finds nothing in an empty index or for a lead with no phone, company or contact', () => {
    expect(findDuplicate(buildDuplicateIndex([]), newLead({ phone: '13800138000' }))).toBe(
      undefined,
    );
    const index = buildDuplicateIndex([candidate({ phone: '13800138000' })]);
    expect(findDuplicate(index, newLead({}))).toBeUndefined();
  });
});

describe('duplicateNote', () => {
  it('names the Lead ID and its owner in Chinese', () => {
    expect(duplicateNote(candidate({ owner: '张伟' }), 'zh')).toBe(
      '202405001-展会（负责人：张伟）',
    );
  });

  it('names the Lead ID and its owner in English', () => {
    expect(duplicateNote(candidate({ owner: 'Zhang Wei' }), 'en')).toBe(
      '202405001-展会 (owner: Zhang Wei)',
    );
  });

  it('says the lead is in the pool', () => {
    const pooled = candidate({ owner: '张伟', inPool: true });
    expect(duplicateNote(pooled, 'zh')).toBe('202405001-展会（公海）');
    expect(duplicateNote(pooled, 'en')).toBe('202405001-展会 (in the pool)');
  });

  it('says unassigned when the matching lead in Leads has no owner yet', () => {
    expect(duplicateNote(candidate({ owner: ' ' }), 'zh')).toBe('202405001-展会（未分配）');
    expect(duplicateNote(candidate({ owner: '' }), 'en')).toBe('202405001-展会 (unassigned)');
  });
});
