// The follow-up form contract (SPEC §8 submitFollowUp): what it accepts, which fields it names, and how.

import {
  type FieldProblem,
  type FormCheck,
  checkFollowUp,
  describeProblems,
} from '../../../src/method/followUp/followUpContract';

const MINIMAL = { leadId: '202405001-展会', method: 'phone', content: '介绍了方案，客户有兴趣' };

/** The problems of a rejected form; fails the test when the form was accepted. */
function problemsOf(check: FormCheck): readonly FieldProblem[] {
  if (check.ok) throw new Error('expected the form to be rejected');
  return check.problems;
}

const fieldsOf = (input: unknown) => problemsOf(checkFollowUp(input)).map((p) => p.field);

describe('checkFollowUp accepts', () => {
  it('a minimal form: lead ID, method and content', () => {
    expect(checkFollowUp(MINIMAL)).toEqual({ ok: true, form: MINIMAL });
  });

  it.each(['phone', 'wechat', 'email', 'visit', 'other'])('the method key %s', (method) => {
    expect(checkFollowUp({ ...MINIMAL, method }).ok).toBe(true);
  });

  it('every optional field filled in', () => {
    const form = {
      ...MINIMAL,
      time: '2024-05-15T10:30:00+08:00',
      feedback: '需要内部讨论',
      nextAction: '发送报价单',
      nextFollowUp: '2024-05-20',
      keyFollowUp: true,
      outcome: {
        result: 'won',
        amount: 80,
        reason: 'other',
        keyFactors: '价格与交付周期',
        summary: '两周内签约',
      },
    };
    expect(checkFollowUp(form)).toEqual({ ok: true, form });
  });

  it.each([
    '2024-05-15T02:30Z',
    '2024-05-15T02:30:00Z',
    '2024-05-15T02:30:00.123Z',
    '2024-05-15T10:30:00+08:00',
    '2024-05-15T10:30:00+0800',
    '2024-05-14T21:30:00-05:00',
  ])('the ISO time %s as the time', (time) => {
    expect(checkFollowUp({ ...MINIMAL, time }).ok).toBe(true);
  });

  it.each(['2024-05-20', '2024-05-20T09:00:00+08:00', '2024-05-20T01:00:00.000Z'])(
    'a next follow-up given as %s',
    (nextFollowUp) => {
      expect(checkFollowUp({ ...MINIMAL, nextFollowUp }).ok).toBe(true);
    },
  );

  it('a won outcome with an amount above 0 and key factors', () => {
    const outcome = { result: 'won', amount: 0.5, keyFactors: '决策人认可' };
    expect(checkFollowUp({ ...MINIMAL, outcome })).toEqual({
      ok: true,
      form: { ...MINIMAL, outcome },
    });
  });

  it.each(['budget', 'competitor', 'needChanged', 'unreachable', 'refused', 'other'])(
    'a not-won outcome with the reason key %s',
    (reason) => {
      expect(checkFollowUp({ ...MINIMAL, outcome: { result: 'notWon', reason } }).ok).toBe(true);
    },
  );

  it('a lost outcome with a free-text reason', () => {
    const outcome = { result: 'lost', reason: '客户公司被收购' };
    expect(checkFollowUp({ ...MINIMAL, outcome }).ok).toBe(true);
  });

  it('a nurturing outcome with nothing else', () => {
    expect(checkFollowUp({ ...MINIMAL, outcome: { result: 'nurturing' } }).ok).toBe(true);
  });
});

describe('checkFollowUp rejects and names', () => {
  it.each([
    ['a blank lead ID', { leadId: '' }, 'leadId', 'required'],
    ['a lead ID of spaces', { leadId: '   ' }, 'leadId', 'required'],
    ['an unknown method', { method: 'fax' }, 'method', 'invalidChoice'],
    ['a method given as its label', { method: 'Phone' }, 'method', 'invalidChoice'],
    ['a method given in Chinese', { method: '电话' }, 'method', 'invalidChoice'],
    ['blank content', { content: '' }, 'content', 'required'],
    ['content of whitespace', { content: ' \n\t ' }, 'content', 'required'],
    ['a time that is only a date', { time: '2024-05-15' }, 'time', 'isoTime'],
    ['a time without a zone', { time: '2024-05-15T10:30:00' }, 'time', 'isoTime'],
    ['a time in words', { time: 'yesterday afternoon' }, 'time', 'isoTime'],
    [
      'a next follow-up with slashes',
      { nextFollowUp: '2024/05/20' },
      'nextFollowUp',
      'isoDateOrTime',
    ],
    ['a next follow-up in Chinese', { nextFollowUp: '5月20日' }, 'nextFollowUp', 'isoDateOrTime'],
    ['a next follow-up in words', { nextFollowUp: 'next week' }, 'nextFollowUp', 'isoDateOrTime'],
  ])('%s', (_label, change, field, code) => {
    expect(problemsOf(checkFollowUp({ ...MINIMAL, ...change }))).toEqual([{ field, code }]);
  });

  it('an unknown outcome result as outcome.result', () => {
    const check = checkFollowUp({ ...MINIMAL, outcome: { result: 'maybe' } });
    expect(problemsOf(check)).toEqual([{ field: 'outcome.result', code: 'invalidChoice' }]);
  });

  it.each([
    ['without an amount', {}],
    ['with an amount of 0', { amount: 0 }],
    ['with a negative amount', { amount: -10 }],
  ])('a won outcome %s as outcome.amount', (_label, amount) => {
    const outcome = { result: 'won', keyFactors: '价格', ...amount };
    expect(problemsOf(checkFollowUp({ ...MINIMAL, outcome }))).toEqual([
      { field: 'outcome.amount', code: 'amountRequired' },
    ]);
  });

  it.each([
    ['without key factors', {}],
    ['with blank key factors', { keyFactors: '   ' }],
  ])('a won outcome %s as outcome.keyFactors', (_label, keyFactors) => {
    const outcome = { result: 'won', amount: 80, ...keyFactors };
    expect(problemsOf(checkFollowUp({ ...MINIMAL, outcome }))).toEqual([
      { field: 'outcome.keyFactors', code: 'keyFactorsRequired' },
    ]);
  });

  it('a won outcome missing both amount and key factors, naming both', () => {
    const check = checkFollowUp({ ...MINIMAL, outcome: { result: 'won' } });
    expect(problemsOf(check)).toEqual(
      expect.arrayContaining([
        { field: 'outcome.amount', code: 'amountRequired' },
        { field: 'outcome.keyFactors', code: 'keyFactorsRequired' },
      ]),
    );
    expect(problemsOf(check)).toHaveLength(2);
  });

  it.each([
    ['a not-won', 'notWon', {}],
    ['a lost', 'lost', {}],
    ['a not-won (blank reason)', 'notWon', { reason: '' }],
    ['a lost (reason of spaces)', 'lost', { reason: '   ' }],
  ])('%s outcome without a reason as outcome.reason', (_label, result, reason) => {
    const check = checkFollowUp({ ...MINIMAL, outcome: { result, ...reason } });
    expect(problemsOf(check)).toEqual([{ field: 'outcome.reason', code: 'reasonRequired' }]);
  });

  it('an amount that is not a number as outcome.amount, once', () => {
    const outcome = { result: 'won', amount: '80', keyFactors: '价格' };
    expect(fieldsOf({ ...MINIMAL, outcome })).toEqual(['outcome.amount']);
  });

  it('a clear-intent flag that is not true or false', () => {
    expect(fieldsOf({ ...MINIMAL, keyFollowUp: 'yes' })).toEqual(['keyFollowUp']);
  });

  it('content far too long as too long', () => {
    const check = checkFollowUp({ ...MINIMAL, content: '长'.repeat(100_000) });
    expect(problemsOf(check)).toEqual([{ field: 'content', code: 'tooLong' }]);
  });

  it('every bad field of one form, each exactly once', () => {
    const fields = fieldsOf({
      leadId: ' ',
      method: 'fax',
      content: '',
      time: 'now',
      nextFollowUp: 'soon',
      outcome: { result: 'notWon' },
    });
    expect([...fields].sort()).toEqual(
      ['content', 'leadId', 'method', 'nextFollowUp', 'outcome.reason', 'time'].sort(),
    );
  });

  it('a form without its required fields, naming each', () => {
    expect([...fieldsOf({})].sort()).toEqual(['content', 'leadId', 'method']);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', '202405001-展会'],
    ['a number', 42],
    ['an array', [MINIMAL]],
  ])('%s instead of an object, as the form', (_label, input) => {
    expect(problemsOf(checkFollowUp(input))).toEqual([{ field: 'form', code: 'invalid' }]);
  });
});

describe('describeProblems', () => {
  const required: FieldProblem = { field: 'content', code: 'required' };

  it('names the label, the field and the problem in English', () => {
    expect(describeProblems([required], 'en')).toBe('Content (content): is required');
  });

  it('names the label, the field and the problem in Chinese', () => {
    expect(describeProblems([required], 'zh')).toBe('沟通内容（content）：必填');
  });

  it('writes one line per problem, in order', () => {
    const problems: FieldProblem[] = [
      { field: 'leadId', code: 'required' },
      { field: 'outcome.amount', code: 'amountRequired' },
    ];
    expect(describeProblems(problems, 'en')).toBe(
      'Lead ID (leadId): is required\nAmount (万) (outcome.amount): must be more than 0 for a won deal',
    );
    expect(describeProblems(problems, 'zh')).toBe(
      '线索编号（leadId）：必填\n成交金额(万)（outcome.amount）：成交时必须大于 0',
    );
  });

  it('describes an unknown lead', () => {
    const problems: FieldProblem[] = [{ field: 'leadId', code: 'unknownLead' }];
    expect(describeProblems(problems, 'en')).toBe('Lead ID (leadId): matches no lead in Leads');
    expect(describeProblems(problems, 'zh')).toBe('线索编号（leadId）：在线索表中找不到');
  });

  it('describes a non-object input as the form', () => {
    const problems = problemsOf(checkFollowUp(null));
    expect(describeProblems(problems, 'en')).toBe('The form (form): is not valid');
    expect(describeProblems(problems, 'zh')).toBe('表单（form）：格式不正确');
  });

  it('falls back to the field name for a field without a label', () => {
    const problems: FieldProblem[] = [{ field: 'extra', code: 'invalid' }];
    expect(describeProblems(problems, 'en')).toBe('extra (extra): is not valid');
  });

  it('describes every problem checkFollowUp found, each field on its own line', () => {
    const problems = problemsOf(
      checkFollowUp({ ...MINIMAL, method: 'fax', content: ' ', outcome: { result: 'lost' } }),
    );
    const lines = describeProblems(problems, 'en').split('\n');
    expect(lines).toHaveLength(3);
    expect(lines).toEqual(
      expect.arrayContaining([
        'Method (method): is not one of the choices',
        'Content (content): is required',
        'Reason (outcome.reason): is required when not won or lost',
      ]),
    );
  });

  it('is empty for no problems', () => {
    expect(describeProblems([], 'zh')).toBe('');
  });
});
