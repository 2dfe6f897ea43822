// What one follow-up writes (SPEC §4, §6, §8): the Follow-ups row, the lead's dates and status, the Conversions row.

import type { TimeZone } from '../../../src/sheet/calendar';
import type { FollowUpForm } from '../../../src/method/followUp/followUpContract';
import {
  type LeadForFollowUp,
  planFollowUp,
  suggestedNextFollowUp,
} from '../../../src/method/followUp/followUpPlan';
import type { Language } from '../../../src/sheet/language';
import { defaultSettings } from '../../../src/method/settings/settings';

const SHANGHAI: TimeZone = { name: 'Asia/Shanghai', offsetMinutes: () => 480 };
const SETTINGS = defaultSettings('zh');

/** A wall-clock time in Shanghai, e.g. `shanghai('2024-05-15 10:00')`. */
const shanghai = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

const NOW = shanghai('2024-05-15 10:00');

/** A B lead owned by 张三, being followed up: first contact 2 May, last follow-up 10 May. */
function lead(cells: Partial<Record<keyof LeadForFollowUp, unknown>> = {}): LeadForFollowUp {
  return {
    id: '202405001-展会',
    grade: 'B',
    status: '跟进中',
    owner: '张三',
    enteredAt: shanghai('2024-05-01 09:00'),
    firstContactAt: shanghai('2024-05-02 10:00'),
    lastFollowUpAt: shanghai('2024-05-10 10:00'),
    ...cells,
  };
}

function form(fields: Partial<FollowUpForm> = {}): FollowUpForm {
  return { leadId: '202405001-展会', method: 'phone', content: '介绍方案', ...fields };
}

function plan(
  fields: Partial<FollowUpForm> = {},
  cells: Partial<Record<keyof LeadForFollowUp, unknown>> = {},
  context: { now?: Date; language?: Language; by?: string } = {},
) {
  return planFollowUp(form(fields), lead(cells), {
    now: context.now ?? NOW,
    zone: SHANGHAI,
    language: context.language ?? 'zh',
    settings: SETTINGS,
    by: context.by ?? '李四',
  });
}

describe('planFollowUp: the Follow-ups row', () => {
  it('records the lead, time, method, content and who followed up', () => {
    expect(plan({ feedback: '需要内部讨论', nextAction: '发送报价单' }).followUp).toEqual({
      leadId: '202405001-展会',
      time: NOW,
      method: '电话',
      content: '介绍方案',
      feedback: '需要内部讨论',
      nextAction: '发送报价单',
      nextFollowUp: '',
      by: '李四',
    });
  });

  it.each([
    ['phone', '电话', 'Phone'],
    ['wechat', '微信', 'WeChat'],
    ['email', '邮件', 'Email'],
    ['visit', '拜访', 'Visit'],
    ['other', '其他', 'Other'],
  ] as const)('writes the method %s as %s or %s in the workbook language', (method, zh, en) => {
    expect(plan({ method }, {}, { language: 'zh' }).followUp.method).toBe(zh);
    expect(plan({ method }, {}, { language: 'en' }).followUp.method).toBe(en);
  });

  it('takes the time from the form', () => {
    const { followUp } = plan({ time: '2024-05-14T16:30:00+08:00' });
    expect(followUp.time).toEqual(shanghai('2024-05-14 16:30'));
  });

  it('takes the time as now when the form gives none', () => {
    expect(plan().followUp.time).toEqual(NOW);
  });

  it('leaves feedback and next action blank when the form gives none', () => {
    const { followUp } = plan();
    expect(followUp.feedback).toBe('');
    expect(followUp.nextAction).toBe('');
  });

  it('reads a next follow-up date as 09:00 that day in the zone', () => {
    const { followUp } = plan({ nextFollowUp: '2024-05-20' });
    expect(followUp.nextFollowUp).toEqual(new Date('2024-05-20T01:00:00Z'));
  });

  it('keeps a next follow-up given as a full ISO time', () => {
    const { followUp } = plan({ nextFollowUp: '2024-05-20T14:30:00+08:00' });
    expect(followUp.nextFollowUp).toEqual(shanghai('2024-05-20 14:30'));
  });

  it('falls back to the owner when nobody is named as by', () => {
    expect(plan({}, {}, { by: '' }).followUp.by).toBe('张三');
  });
});

describe('planFollowUp: first contact', () => {
  it('sets first contact to the follow-up time when it is empty', () => {
    const { leadUpdates } = plan({ time: '2024-05-14T16:30:00+08:00' }, { firstContactAt: '' });
    expect(leadUpdates.firstContactAt).toEqual(shanghai('2024-05-14 16:30'));
  });

  it('never changes a first contact already recorded', () => {
    const first = shanghai('2024-05-02 10:00');
    const { leadUpdates } = plan({}, { firstContactAt: first });
    expect(leadUpdates.firstContactAt ?? first).toEqual(first);
  });
});

describe('planFollowUp: last follow-up', () => {
  it('moves the last follow-up to the follow-up time', () => {
    expect(plan().leadUpdates.lastFollowUpAt).toEqual(NOW);
  });

  it('never moves the last follow-up back for a follow-up logged late', () => {
    const later = shanghai('2024-05-12 15:00');
    const { leadUpdates } = plan({ time: '2024-05-11T10:00:00+08:00' }, { lastFollowUpAt: later });
    expect(leadUpdates.lastFollowUpAt).toEqual(later);
  });

  it('sets the last follow-up on a lead never followed up', () => {
    const { leadUpdates } = plan({}, { lastFollowUpAt: '', firstContactAt: '' });
    expect(leadUpdates.lastFollowUpAt).toEqual(NOW);
  });
});

describe('planFollowUp: status', () => {
  it.each([
    ['New', '新线索'],
    ['blank', ''],
  ])('moves a %s lead to Following up', (_label, status) => {
    expect(plan({}, { status }).leadUpdates.status).toBe('跟进中');
  });

  it('writes the status in the workbook language', () => {
    expect(plan({}, { status: 'New' }, { language: 'en' }).leadUpdates.status).toBe('Following up');
  });

  it.each([
    ['Following up', '跟进中'],
    ['Key follow-up', '重点跟进'],
    ['Nurturing', '培育中'],
  ])('leaves a lead in %s as it is without clear intent or outcome', (_label, status) => {
    const { leadUpdates } = plan({}, { status });
    expect(leadUpdates.status ?? status).toBe(status);
  });

  it('moves a lead with clear intent to Key follow-up', () => {
    expect(plan({ keyFollowUp: true }).leadUpdates.status).toBe('重点跟进');
    expect(plan({ keyFollowUp: true }, { status: '新线索' }).leadUpdates.status).toBe('重点跟进');
    expect(plan({ keyFollowUp: true }, {}, { language: 'en' }).leadUpdates.status).toBe(
      'Key follow-up',
    );
  });

  it.each([
    ['won', { result: 'won', amount: 80, keyFactors: '价格' }, '成交'],
    ['notWon', { result: 'notWon', reason: 'budget' }, '未成交'],
    ['lost', { result: 'lost', reason: 'unreachable' }, '流失'],
    ['nurturing', { result: 'nurturing' }, '培育中'],
  ] as const)('sets the status of the outcome %s', (_label, outcome, status) => {
    expect(plan({ outcome }).leadUpdates.status).toBe(status);
  });

  it('lets the outcome decide the status even with clear intent ticked', () => {
    const { leadUpdates } = plan({ keyFollowUp: true, outcome: { result: 'nurturing' } });
    expect(leadUpdates.status).toBe('培育中');
  });

  it('writes an outcome status in English for an English workbook', () => {
    const outcome = { result: 'notWon', reason: 'refused' } as const;
    expect(plan({ outcome }, {}, { language: 'en' }).leadUpdates.status).toBe('Not won');
  });
});

describe('planFollowUp: next follow-up due', () => {
  it('is the date the form gave, at 09:00 that day', () => {
    const { leadUpdates } = plan({ nextFollowUp: '2024-05-20' });
    expect(leadUpdates.nextFollowUpDue).toEqual(shanghai('2024-05-20 09:00'));
  });

  it('is the full time the form gave', () => {
    const { leadUpdates } = plan({ nextFollowUp: '2024-05-20T14:30:00+08:00' });
    expect(leadUpdates.nextFollowUpDue).toEqual(shanghai('2024-05-20 14:30'));
  });

  it('is the given date even for a D lead, which has no cadence', () => {
    const { leadUpdates } = plan({ nextFollowUp: '2024-06-01' }, { grade: 'D' });
    expect(leadUpdates.nextFollowUpDue).toEqual(shanghai('2024-06-01 09:00'));
  });

  it.each([
    ['A', '2024-05-16 10:00'],
    ['B', '2024-05-17 10:00'],
    ['C', '2024-05-22 10:00'],
  ])('is the follow-up + the cadence of a %s lead when the form gave no date', (grade, due) => {
    expect(plan({}, { grade }).leadUpdates.nextFollowUpDue).toEqual(shanghai(due));
  });

  it('follows up an A lead daily from its first contact', () => {
    const { leadUpdates } = plan({}, { grade: 'A', firstContactAt: '', lastFollowUpAt: '' });
    expect(leadUpdates.nextFollowUpDue).toEqual(shanghai('2024-05-16 10:00'));
  });

  it("slows an A lead to B's pace once its daily days have passed", () => {
    const cells = { grade: 'A', firstContactAt: shanghai('2024-04-20 10:00') };
    expect(plan({}, cells).leadUpdates.nextFollowUpDue).toEqual(shanghai('2024-05-17 10:00'));
  });

  it('keeps an A lead in Key follow-up daily after its daily days', () => {
    const cells = { grade: 'A', status: '重点跟进', firstContactAt: shanghai('2024-04-20 10:00') };
    expect(plan({}, cells).leadUpdates.nextFollowUpDue).toEqual(shanghai('2024-05-16 10:00'));
  });

  it('counts the cadence from a follow-up time given in the form', () => {
    const { leadUpdates } = plan({ time: '2024-05-14T16:30:00+08:00' }, { grade: 'B' });
    expect(leadUpdates.nextFollowUpDue).toEqual(shanghai('2024-05-16 16:30'));
  });

  it('counts the cadence from the later last follow-up for a follow-up logged late', () => {
    const { leadUpdates } = plan(
      { time: '2024-05-11T10:00:00+08:00' },
      { grade: 'B', lastFollowUpAt: shanghai('2024-05-12 15:00') },
    );
    expect(leadUpdates.nextFollowUpDue).toEqual(shanghai('2024-05-14 15:00'));
  });

  it('follows up a lead with clear intent daily', () => {
    const { leadUpdates } = plan({ keyFollowUp: true }, { grade: 'C' });
    expect(leadUpdates.nextFollowUpDue).toEqual(shanghai('2024-05-16 10:00'));
  });

  it('is blank for a D lead without a given date', () => {
    expect(plan({}, { grade: 'D' }).leadUpdates.nextFollowUpDue).toBe('');
  });

  it('is blank for a lead not yet graded without a given date', () => {
    expect(plan({}, { grade: '' }).leadUpdates.nextFollowUpDue).toBe('');
  });

  it.each([
    ['won', { result: 'won', amount: 80, keyFactors: '价格' }],
    ['not won', { result: 'notWon', reason: 'budget' }],
    ['lost', { result: 'lost', reason: 'unreachable' }],
  ] as const)('is cleared when the lead is closed as %s, even with a date given', (_l, outcome) => {
    const { leadUpdates } = plan({ outcome, nextFollowUp: '2024-05-20' });
    expect(leadUpdates.nextFollowUpDue).toBe('');
  });

  it('keeps a nurturing lead on the given date', () => {
    const { leadUpdates } = plan({ outcome: { result: 'nurturing' }, nextFollowUp: '2024-06-15' });
    expect(leadUpdates.nextFollowUpDue).toEqual(shanghai('2024-06-15 09:00'));
  });
});

describe('planFollowUp: the Conversions row', () => {
  it('is absent when the follow-up has no outcome', () => {
    expect(plan().conversion).toBeUndefined();
  });

  it('records a won deal: result, amount, owner, summary, key factors and decided time', () => {
    const { conversion } = plan({
      time: '2024-05-15T10:00:00+08:00',
      outcome: { result: 'won', amount: 80, keyFactors: '价格与交付周期', summary: '两周签约' },
    });
    expect(conversion).toEqual({
      leadId: '202405001-展会',
      result: '成交',
      amount: 80,
      reason: '',
      cycleDays: 14,
      owner: '张三',
      summary: '两周签约',
      keyFactors: '价格与交付周期',
      decidedAt: shanghai('2024-05-15 10:00'),
    });
  });

  it.each([
    ['won', { result: 'won', amount: 80, keyFactors: '价格' }, '成交', 'Won'],
    ['notWon', { result: 'notWon', reason: 'budget' }, '未成交', 'Not won'],
    ['lost', { result: 'lost', reason: 'budget' }, '流失', 'Lost'],
    ['nurturing', { result: 'nurturing' }, '培育中', 'Nurturing'],
  ] as const)('writes the result %s as %s or %s', (_label, outcome, zh, en) => {
    expect(plan({ outcome }, {}, { language: 'zh' }).conversion?.result).toBe(zh);
    expect(plan({ outcome }, {}, { language: 'en' }).conversion?.result).toBe(en);
  });

  it.each([
    ['budget', '预算不足', 'Budget too low'],
    ['competitor', '选择竞品', 'Chose a competitor'],
    ['needChanged', '需求变更', 'Need changed'],
    ['unreachable', '客户失联', 'Unreachable'],
    ['refused', '明确拒绝', 'Refused'],
    ['other', '其他', 'Other'],
  ])('writes the reason %s as %s or %s', (reason, zh, en) => {
    const outcome = { result: 'notWon', reason } as const;
    expect(plan({ outcome }, {}, { language: 'zh' }).conversion?.reason).toBe(zh);
    expect(plan({ outcome }, {}, { language: 'en' }).conversion?.reason).toBe(en);
  });

  it('keeps a free-text reason as typed', () => {
    const outcome = { result: 'lost', reason: '客户公司被收购' } as const;
    expect(plan({ outcome }).conversion?.reason).toBe('客户公司被收购');
  });

  it.each([
    ['not won', { result: 'notWon', reason: 'budget', amount: 30 }],
    ['lost', { result: 'lost', reason: 'competitor', amount: 30 }],
    ['nurturing', { result: 'nurturing', amount: 30 }],
  ] as const)('writes no amount for a %s result', (_label, outcome) => {
    expect(plan({ outcome }).conversion?.amount).toBe('');
  });

  it('is decided at the time from the form', () => {
    const { conversion } = plan({
      time: '2024-05-14T16:30:00+08:00',
      outcome: { result: 'nurturing' },
    });
    expect(conversion?.decidedAt).toEqual(shanghai('2024-05-14 16:30'));
  });

  it('is decided now when the form gives no time', () => {
    expect(plan({ outcome: { result: 'nurturing' } }).conversion?.decidedAt).toEqual(NOW);
  });

  it.each([
    ['one minute short of 14 days', '2024-05-15T08:59:00+08:00', 13],
    ['exactly 14 days', '2024-05-15T09:00:00+08:00', 14],
    ['14 days and most of another', '2024-05-16T08:59:00+08:00', 14],
    ['the same day', '2024-05-01T18:00:00+08:00', 0],
  ])('counts cycle days in whole days rounded down: %s', (_label, time, days) => {
    const { conversion } = plan(
      { time, outcome: { result: 'nurturing' } },
      { enteredAt: shanghai('2024-05-01 09:00') },
    );
    expect(conversion?.cycleDays).toBe(days);
  });

  it('leaves cycle days blank when Entered at is missing', () => {
    const { conversion } = plan({ outcome: { result: 'nurturing' } }, { enteredAt: '' });
    expect(conversion?.cycleDays).toBe('');
  });

  it('leaves cycle days blank when Entered at is not a date', () => {
    const { conversion } = plan({ outcome: { result: 'nurturing' } }, { enteredAt: '上周' });
    expect(conversion?.cycleDays).toBe('');
  });
});

describe('suggestedNextFollowUp', () => {
  it.each([
    ['A', '2024-05-16'],
    ['B', '2024-05-17'],
    ['C', '2024-05-22'],
  ])('is today + the cadence of a %s lead', (grade, date) => {
    expect(suggestedNextFollowUp(lead({ grade }), SETTINGS, NOW, SHANGHAI)).toBe(date);
  });

  it('counts today in the zone, not in UTC', () => {
    // 00:30 on 16 May in Shanghai is still 15 May in UTC.
    const now = shanghai('2024-05-16 00:30');
    expect(suggestedNextFollowUp(lead({ grade: 'B' }), SETTINGS, now, SHANGHAI)).toBe('2024-05-18');
  });

  it('uses the cadence from Settings', () => {
    const settings = { ...SETTINGS, cadenceDays: { A: 1, B: 3, C: 14 } };
    expect(suggestedNextFollowUp(lead({ grade: 'C' }), settings, NOW, SHANGHAI)).toBe('2024-05-29');
  });

  it('is null for a lead without a grade', () => {
    expect(suggestedNextFollowUp(lead({ grade: '' }), SETTINGS, NOW, SHANGHAI)).toBeNull();
  });

  it('is null for a D lead, which has no cadence', () => {
    expect(suggestedNextFollowUp(lead({ grade: 'D' }), SETTINGS, NOW, SHANGHAI)).toBeNull();
  });
});
