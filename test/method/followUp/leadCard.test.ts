// The sidebar's view of a lead (SPEC §8): its follow-up history, its card as plain JSON, and lead search.

import type { HistoryEntry } from '../../../src/method/followUp/followUpContract';
import {
  historyOf,
  leadCardOf,
  searchHits,
  searchLeadRecords,
} from '../../../src/method/followUp/leadCard';

/** A wall-clock time in Shanghai, e.g. `shanghai('2024-05-15 10:00')`. */
const shanghai = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

const NOW = shanghai('2024-05-15 10:00');

type Cells = Record<string, unknown> & { status: unknown };

function followUp(cells: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    leadId: '202405001-展会',
    time: shanghai('2024-05-10 10:00'),
    method: '电话',
    content: '介绍方案',
    feedback: '需要内部讨论',
    nextAction: '发送报价单',
    nextFollowUp: shanghai('2024-05-12 09:00'),
    by: '张三',
    ...cells,
  };
}

/** An A lead owned by 张三, contacted on time. */
function lead(cells: Record<string, unknown> = {}): Cells {
  return {
    id: '202405001-展会',
    source: '展会',
    contact: '王经理',
    phone: '138-0013-8000',
    company: '某某科技有限公司',
    need: '需要CRM系统',
    score: 85,
    grade: 'A',
    scoreNote: '需求40 + 预算15 + 决策20 + 紧急10 = 85',
    owner: '张三',
    status: '跟进中',
    firstContactDue: shanghai('2024-05-11 10:00'),
    firstContactAt: shanghai('2024-05-10 15:00'),
    lastFollowUpAt: shanghai('2024-05-14 10:00'),
    nextFollowUpDue: shanghai('2024-05-15 10:00'),
    ...cells,
  };
}

describe('historyOf', () => {
  it('shows a follow-up as plain text and ISO times', () => {
    expect(historyOf([followUp()], '202405001-展会')).toEqual([
      {
        time: '2024-05-10T02:00:00.000Z',
        method: '电话',
        content: '介绍方案',
        feedback: '需要内部讨论',
        nextAction: '发送报价单',
        nextFollowUp: '2024-05-12T01:00:00.000Z',
        by: '张三',
      },
    ]);
  });

  it('keeps only the follow-ups of that lead', () => {
    const rows = [
      followUp({ content: 'mine' }),
      followUp({ leadId: '202405002-官网表单', content: 'other lead' }),
      followUp({ leadId: '', content: 'no lead' }),
    ];
    expect(historyOf(rows, '202405001-展会').map((h) => h.content)).toEqual(['mine']);
  });

  it('lists the newest follow-up first, whatever the row order', () => {
    const rows = [
      followUp({ time: shanghai('2024-05-10 10:00'), content: 'second' }),
      followUp({ time: shanghai('2024-05-14 09:00'), content: 'fourth' }),
      followUp({ time: shanghai('2024-05-02 10:00'), content: 'first' }),
      followUp({ time: shanghai('2024-05-12 16:00'), content: 'third' }),
    ];
    expect(historyOf(rows, '202405001-展会').map((h) => h.content)).toEqual([
      'fourth',
      'third',
      'second',
      'first',
    ]);
  });

  it('gives null for a blank next follow-up and a blank time', () => {
    const [entry] = historyOf([followUp({ time: '', nextFollowUp: '' })], '202405001-展会');
    expect(entry.time).toBeNull();
    expect(entry.nextFollowUp).toBeNull();
  });

  it('gives null for a time cell that holds text', () => {
    const [entry] = historyOf([followUp({ nextFollowUp: '下周' })], '202405001-展会');
    expect(entry.nextFollowUp).toBeNull();
  });

  it('shows blank text cells as empty strings', () => {
    const [entry] = historyOf(
      [followUp({ feedback: '', nextAction: null, by: undefined })],
      '202405001-展会',
    );
    expect(entry.feedback).toBe('');
    expect(entry.nextAction).toBe('');
    expect(entry.by).toBe('');
  });

  it('matches the lead ID in a cell with surrounding spaces', () => {
    const rows = [followUp({ leadId: ' 202405001-展会 ' })];
    expect(historyOf(rows, '202405001-展会')).toHaveLength(1);
  });

  it('is empty for a lead without follow-ups', () => {
    expect(historyOf([followUp()], '202405009-展会')).toEqual([]);
  });
});

describe('leadCardOf', () => {
  const history: HistoryEntry[] = historyOf([followUp()], '202405001-展会');

  it('shows the lead with its times as ISO strings', () => {
    expect(leadCardOf(lead(), history, NOW, '2024-05-16')).toEqual({
      id: '202405001-展会',
      contact: '王经理',
      company: '某某科技有限公司',
      phone: '138-0013-8000',
      source: '展会',
      need: '需要CRM系统',
      grade: 'A',
      score: 85,
      scoreNote: '需求40 + 预算15 + 决策20 + 紧急10 = 85',
      owner: '张三',
      status: '跟进中',
      statusKey: 'followingUp',
      firstContactDue: '2024-05-11T02:00:00.000Z',
      firstContactAt: '2024-05-10T07:00:00.000Z',
      firstContactMet: true,
      lastFollowUpAt: '2024-05-14T02:00:00.000Z',
      nextFollowUpDue: '2024-05-15T02:00:00.000Z',
      suggestedNextFollowUp: '2024-05-16',
      history,
    });
  });

  it('survives a round trip through JSON unchanged', () => {
    const card = leadCardOf(lead(), history, NOW, '2024-05-16');
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
  });

  it('survives a round trip through JSON with every cell blank', () => {
    const blank = lead({
      score: '',
      grade: '',
      status: '',
      firstContactDue: '',
      firstContactAt: '',
      lastFollowUpAt: '',
      nextFollowUpDue: '',
    });
    const card = leadCardOf(blank, [], NOW, null);
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
  });

  it('gives null for blank time cells', () => {
    const card = leadCardOf(
      lead({ firstContactDue: '', firstContactAt: '', lastFollowUpAt: '', nextFollowUpDue: '' }),
      [],
      NOW,
      null,
    );
    expect(card.firstContactDue).toBeNull();
    expect(card.firstContactAt).toBeNull();
    expect(card.lastFollowUpAt).toBeNull();
    expect(card.nextFollowUpDue).toBeNull();
  });

  describe('whether the first contact met its deadline', () => {
    const due = shanghai('2024-05-11 10:00');
    const met = (cells: Record<string, unknown>, now = NOW) =>
      leadCardOf(lead({ firstContactDue: due, ...cells }), [], now, null).firstContactMet;

    it('is true for a contact before the deadline', () => {
      expect(met({ firstContactAt: shanghai('2024-05-10 15:00') })).toBe(true);
    });

    it('is true for a contact at the deadline itself', () => {
      expect(met({ firstContactAt: due })).toBe(true);
    });

    it('is false for a contact after the deadline', () => {
      expect(met({ firstContactAt: shanghai('2024-05-11 10:01') })).toBe(false);
    });

    it('is false when the deadline passed without contact', () => {
      expect(met({ firstContactAt: '' })).toBe(false);
    });

    it('is null while the deadline is still open and nobody has called', () => {
      expect(met({ firstContactAt: '' }, shanghai('2024-05-11 09:00'))).toBeNull();
    });

    it('is null when there is no deadline', () => {
      expect(met({ firstContactDue: '', firstContactAt: shanghai('2024-05-10 15:00') })).toBeNull();
      expect(met({ firstContactDue: '', firstContactAt: '' })).toBeNull();
    });
  });

  it.each([
    ['blank', ''],
    ['text', '85'],
    ['missing', undefined],
    ['not a number at all', 'n/a'],
  ])('gives a null score when the cell is %s', (_label, score) => {
    expect(leadCardOf(lead({ score }), [], NOW, null).score).toBeNull();
  });

  it('keeps a score of 0', () => {
    expect(leadCardOf(lead({ score: 0 }), [], NOW, null).score).toBe(0);
  });

  it.each([
    ['跟进中', 'followingUp'],
    ['Key follow-up', 'keyFollowUp'],
    ['成交', 'won'],
    ['', 'new'],
    ['待定', null],
  ])('reads the status %p as the key %p', (status, key) => {
    expect(leadCardOf(lead({ status }), [], NOW, null).statusKey).toBe(key);
  });

  it('carries the history and the suggested date it was given', () => {
    const card = leadCardOf(lead(), history, NOW, '2024-05-17');
    expect(card.history).toEqual(history);
    expect(card.suggestedNextFollowUp).toBe('2024-05-17');
  });
});

describe('searchLeadRecords', () => {
  const leads: Cells[] = [
    lead(),
    lead({
      id: '202405002-官网表单',
      contact: 'Alice Chen',
      company: 'Acme Trading Ltd',
      phone: '+86 139 1234 5678',
      grade: 'B',
      status: '新线索',
      owner: '李四',
    }),
    lead({
      id: '202405003-电话咨询',
      contact: '刘总',
      company: '华东制造',
      phone: '021-6234 5678',
      grade: 'C',
      status: '培育中',
      owner: '',
    }),
  ];
  const ids = (query: string, limit?: number) =>
    searchLeadRecords(leads, query, limit).map((l) => l.id);

  it('returns a summary of each lead found', () => {
    expect(searchLeadRecords(leads, '202405001')).toEqual([
      {
        id: '202405001-展会',
        contact: '王经理',
        company: '某某科技有限公司',
        phone: '138-0013-8000',
        grade: 'A',
        status: '跟进中',
        owner: '张三',
      },
    ]);
  });

  it('finds a lead by part of its ID', () => {
    expect(ids('官网')).toEqual(['202405002-官网表单']);
  });

  it('finds a lead by part of its company', () => {
    expect(ids('华东')).toEqual(['202405003-电话咨询']);
  });

  it('finds a lead by part of its contact', () => {
    expect(ids('王经理')).toEqual(['202405001-展会']);
  });

  it('ignores case', () => {
    expect(ids('ACME')).toEqual(['202405002-官网表单']);
    expect(ids('alice chen')).toEqual(['202405002-官网表单']);
  });

  it('ignores spaces around the query', () => {
    expect(ids('  acme  ')).toEqual(['202405002-官网表单']);
  });

  it.each([
    ['digits only', '13800138000'],
    ['spaces', '138 0013 8000'],
    ['dashes', '138-0013-8000'],
    ['+86 and spaces', '+86 138 0013 8000'],
    ['+86 and dashes', '+86-138-0013-8000'],
    ['part of the number', '0013 8000'],
  ])('finds a lead by its phone digits with %s in the query', (_label, query) => {
    expect(ids(query)).toEqual(['202405001-展会']);
  });

  it('finds a lead whose phone is written with +86 by its digits', () => {
    expect(ids('13912345678')).toEqual(['202405002-官网表单']);
    expect(ids('139-1234-5678')).toEqual(['202405002-官网表单']);
  });

  it('finds a lead whose phone cell holds a number', () => {
    const numeric = [lead({ phone: 13800138000 })];
    expect(searchLeadRecords(numeric, '138 0013 8000').map((l) => l.phone)).toEqual([
      '13800138000',
    ]);
  });

  it('finds a landline by its digits', () => {
    expect(ids('02162345678')).toEqual(['202405003-电话咨询']);
  });

  it('finds every lead that matches, in sheet order', () => {
    expect(ids('2024050')).toEqual(['202405001-展会', '202405002-官网表单', '202405003-电话咨询']);
  });

  it('returns at most the limit', () => {
    expect(ids('2024050', 2)).toEqual(['202405001-展会', '202405002-官网表单']);
  });

  it.each([
    ['an empty query', ''],
    ['a query of spaces', '   '],
  ])('finds nothing for %s', (_label, query) => {
    expect(ids(query)).toEqual([]);
  });

  it('finds nothing when no lead matches', () => {
    expect(ids('不存在的公司')).toEqual([]);
  });
});

describe('searchHits', () => {
  const found = (id: string, contact = '', phone = '') => ({ id, contact, company: '', phone });

  it('gives the positions of the leads found, from the searched fields alone', () => {
    const leads = [found('A-1', '王强'), found('', '王强'), found('A-3', '李娜', '139 0000 0002')];
    expect(searchHits(leads, '王强')).toEqual([0]);
    expect(searchHits(leads, '13900000002')).toEqual([2]);
  });

  it('stops at the limit', () => {
    const leads = Array.from({ length: 5 }, (_, i) => found(`A-${i}`, '王强'));
    expect(searchHits(leads, '王', 2)).toEqual([0, 1]);
  });
});
