// The follow-up sidebar without a browser: form values → submitFollowUp payload, where each problem
// shows, time formatting, and DOM built from lead data as text only (checked on a tiny fake document).

import {
  checkFollowUp,
  describeProblems,
  type LeadCard,
  type LeadSummary,
} from '../../src/method/followUp/followUpContract';
import { formatTime, historyNewestFirst } from '../../sidebar/format';
import {
  amountFromInput,
  followUpPayload,
  type FollowUpFormValues,
  isoFromLocalDateTime,
  localDateTimeValue,
  outcomeFieldsShown,
  reasonFromInputs,
} from '../../sidebar/formPayload';
import { problemText } from '../../sidebar/i18n';
import {
  errorElementId,
  fieldsNamedIn,
  FORM_FIELDS,
  inFormOrder,
  problemControlId,
} from '../../sidebar/problems';
import {
  renderCardSummary,
  renderFollowUpForm,
  renderHistory,
  renderResults,
} from '../../sidebar/render';
import { asDom, container, type FakeElement, fakeDocument } from '../support/fakeDocument';

const BLANK: FollowUpFormValues = {
  leadId: '202405001-展会',
  method: 'phone',
  time: '',
  content: '',
  feedback: '',
  nextAction: '',
  nextFollowUp: '',
  keyFollowUp: false,
  result: '',
  amount: '',
  keyFactors: '',
  reason: '',
  reasonOther: '',
  summary: '',
};

const values = (changes: Partial<FollowUpFormValues>): FollowUpFormValues => ({
  ...BLANK,
  ...changes,
});

describe('followUpPayload', () => {
  it('sends the typed text trimmed and leaves blank optional fields out', () => {
    const payload = followUpPayload(
      values({ content: '  介绍案例 ', feedback: ' 需内部审批 ', nextAction: '   ' }),
    );
    expect(payload).toEqual({
      leadId: '202405001-展会',
      method: 'phone',
      content: '介绍案例',
      feedback: '需内部审批',
      keyFollowUp: false,
    });
    expect(Object.values(payload)).not.toContain(undefined);
  });

  it('sends the datetime-local value as the ISO instant it names on the browser clock', () => {
    const payload = followUpPayload(values({ content: 'x', time: '2024-05-10T09:30' }));
    expect(payload.time).toBe(new Date(2024, 4, 10, 9, 30).toISOString());
    expect(payload.time).toMatch(/^2024-05-\d\dT\d\d:\d\d:00\.000Z$/);
  });

  it('sends the next follow-up as the date the date input holds', () => {
    expect(followUpPayload(values({ nextFollowUp: '2024-05-15' })).nextFollowUp).toBe('2024-05-15');
  });

  it('sends the clear-intent checkbox as a boolean', () => {
    expect(followUpPayload(values({ keyFollowUp: true })).keyFollowUp).toBe(true);
  });

  it('sends no outcome while no result is chosen, whatever the hidden fields hold', () => {
    const payload = followUpPayload(values({ amount: '65', reason: 'budget', summary: 'x' }));
    expect(payload).not.toHaveProperty('outcome');
  });

  it('sends a won deal with its amount as a number, key factors and summary', () => {
    const payload = followUpPayload(
      values({
        content: '签约',
        result: 'won',
        amount: '65.5',
        keyFactors: ' 技术方案认可 ',
        summary: '报价合理',
        reason: 'budget',
      }),
    );
    expect(payload.outcome).toEqual({
      result: 'won',
      amount: 65.5,
      keyFactors: '技术方案认可',
      summary: '报价合理',
    });
  });

  it('sends the reason key for not won and lost, never an amount', () => {
    const payload = followUpPayload(values({ result: 'lost', reason: 'unreachable', amount: '9' }));
    expect(payload.outcome).toEqual({ result: 'lost', reason: 'unreachable' });
  });

  it('sends the words typed for "other", or the key "other" when none were typed', () => {
    const typed = values({ result: 'notWon', reason: 'other', reasonOther: ' 价格高于对手 ' });
    expect(followUpPayload(typed).outcome).toEqual({ result: 'notWon', reason: '价格高于对手' });
    const untyped = values({ result: 'notWon', reason: 'other', reasonOther: '  ' });
    expect(followUpPayload(untyped).outcome).toEqual({ result: 'notWon', reason: 'other' });
  });

  it('ignores the "other" words when another reason is chosen', () => {
    expect(reasonFromInputs('competitor', '价格高于对手')).toBe('competitor');
    expect(reasonFromInputs('', '价格高于对手')).toBeUndefined();
  });

  it('sends nurturing with only its summary', () => {
    const payload = followUpPayload(
      values({ result: 'nurturing', summary: '明年预算', amount: '5' }),
    );
    expect(payload.outcome).toEqual({ result: 'nurturing', summary: '明年预算' });
  });

  it('passes the contract for a complete form, and the checked form is what gets sent', () => {
    const check = checkFollowUp(
      followUpPayload(
        values({
          method: 'visit',
          time: '2024-05-10T09:30',
          content: '签约',
          nextFollowUp: '2024-05-15',
          keyFollowUp: true,
          result: 'won',
          amount: '1,200',
          keyFactors: '价格',
        }),
      ),
    );
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.form.outcome?.amount).toBe(1200);
  });
});

describe('form value readers', () => {
  it('leaves a cleared time out, so the server uses now', () => {
    expect(isoFromLocalDateTime('')).toBeUndefined();
  });

  it('keeps an unreadable time as typed, so the contract names the Time field', () => {
    expect(isoFromLocalDateTime('next Tuesday')).toBe('next Tuesday');
    const check = checkFollowUp(followUpPayload(values({ content: 'x', time: 'next Tuesday' })));
    expect(check.ok ? [] : check.problems).toEqual([{ field: 'time', code: 'isoTime' }]);
  });

  it('reads an amount with thousands separators, and text that is no number as NaN', () => {
    expect(amountFromInput(' 1,200 ')).toBe(1200);
    expect(amountFromInput('')).toBeUndefined();
    expect(amountFromInput('五十')).toBeNaN();
  });

  it('writes a moment as a datetime-local value on the browser clock', () => {
    expect(localDateTimeValue(new Date(2024, 0, 5, 7, 3, 59))).toBe('2024-01-05T07:03');
  });

  it.each([
    ['', '', []],
    ['won', '', ['amount', 'keyFactors', 'summary']],
    ['notWon', 'budget', ['reason', 'summary']],
    ['lost', 'other', ['reason', 'reasonOther', 'summary']],
    ['nurturing', 'other', ['summary']],
  ])('shows for result "%s" (reason "%s") the fields %j', (result, reason, shown) => {
    const fields = outcomeFieldsShown(result, reason);
    expect(Object.keys(fields).filter((k) => fields[k as keyof typeof fields])).toEqual(shown);
  });
});

describe('problem placement', () => {
  it('names the message element after the field path, dots as dashes', () => {
    expect(errorElementId('content')).toBe('error-content');
    expect(errorElementId('outcome.amount')).toBe('error-outcome-amount');
    expect(errorElementId('outcome.keyFactors')).toBe('error-outcome-keyFactors');
  });

  it.each([
    ['method', 'method'],
    ['time', 'time'],
    ['content', 'content'],
    ['nextFollowUp', 'nextFollowUp'],
    ['outcome.result', 'result'],
    ['outcome.amount', 'amount'],
    ['outcome.keyFactors', 'keyFactors'],
    ['outcome.reason', 'reason'],
    ['outcome.summary', 'summary'],
  ])('marks %s on the control #%s', (field, controlId) => {
    expect(problemControlId(field, BLANK)).toBe(controlId);
  });

  it('marks a reason typed in the "other" box on that box', () => {
    const typed = values({ result: 'lost', reason: 'other', reasonOther: 'x'.repeat(300) });
    expect(problemControlId('outcome.reason', typed)).toBe('reasonOther');
  });

  it('has no control for the lead ID or the whole form; those go to the form-wide message', () => {
    expect(problemControlId('leadId', BLANK)).toBeNull();
    expect(problemControlId('form', BLANK)).toBeNull();
  });

  it('places every problem of an empty won deal beside its field, in the order the form shows them', () => {
    const check = checkFollowUp(followUpPayload(values({ time: 'soon', result: 'won' })));
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const placed = inFormOrder(check.problems).map((p) => [
      problemControlId(p.field, BLANK),
      errorElementId(p.field),
    ]);
    expect(placed).toEqual([
      ['time', 'error-time'],
      ['content', 'error-content'],
      ['amount', 'error-outcome-amount'],
      ['keyFactors', 'error-outcome-keyFactors'],
    ]);
  });

  it('words a problem with the field label in either language', () => {
    expect(problemText({ field: 'content', code: 'required' }, 'en')).toBe('Content is required');
    expect(problemText({ field: 'outcome.reason', code: 'reasonRequired' }, 'zh')).toBe(
      '未成交原因：未成交或流失时必填',
    );
  });

  it("reads the fields a server error names, from the contract's own wording in both languages", () => {
    const problems = [
      { field: 'method', code: 'invalidChoice' },
      { field: 'content', code: 'required' },
      { field: 'outcome.amount', code: 'amountRequired' },
    ] as const;
    const fields = problems.map((p) => p.field);
    expect(fieldsNamedIn(describeProblems(problems, 'en'))).toEqual(fields);
    expect(fieldsNamedIn(describeProblems(problems, 'zh'))).toEqual(fields);
    expect(fieldsNamedIn('Exceeded maximum execution time')).toEqual([]);
  });
});

describe('formatTime', () => {
  it("writes an instant on the spreadsheet's clock", () => {
    expect(formatTime('2024-05-09T18:30:00.000Z', 'Asia/Shanghai')).toBe('2024-05-10 02:30');
    expect(formatTime('2024-05-09T18:30:00.000Z', 'America/New_York')).toBe('2024-05-09 14:30');
  });

  it('keeps a bare date as the day it names, and shows nothing for no time', () => {
    expect(formatTime('2024-05-15', 'America/Los_Angeles')).toBe('2024-05-15');
    expect(formatTime(null, 'Asia/Shanghai')).toBe('');
  });

  it('falls back to the browser clock for an unknown zone rather than failing', () => {
    expect(formatTime('2024-05-09T18:30:00.000Z', 'Mars/Olympus')).toMatch(
      /^2024-05-\d\d \d\d:30$/,
    );
  });
});

const SCRIPT_CONTACT = '<img src=x onerror=alert(1)>';
const CONTEXT = { language: 'en', timeZone: 'Asia/Shanghai' } as const;

const CARD: LeadCard = {
  id: '202405002-展会',
  contact: SCRIPT_CONTACT,
  company: '<script>alert(2)</script>',
  phone: '13900000002',
  source: '展会',
  need: '<b>ERP</b>',
  grade: 'A',
  score: 85,
  scoreNote: '需求40 + 预算15 + 决策20 + 紧急10 = 85',
  owner: '李娜',
  status: '跟进中',
  statusKey: 'followingUp',
  firstContactDue: '2024-05-09T02:00:00.000Z',
  firstContactAt: '2024-05-09T01:00:00.000Z',
  firstContactMet: true,
  lastFollowUpAt: '2024-05-10T01:00:00.000Z',
  nextFollowUpDue: '2024-05-15T01:00:00.000Z',
  suggestedNextFollowUp: '2024-05-11',
  history: [
    {
      time: '2024-05-09T01:00:00.000Z',
      method: '电话',
      content: '介绍案例',
      feedback: '',
      nextAction: '',
      nextFollowUp: null,
      by: '李娜',
    },
    {
      time: '2024-05-10T01:00:00.000Z',
      method: 'wechat',
      content: SCRIPT_CONTACT,
      feedback: '需内部审批',
      nextAction: '5月15日跟进',
      nextFollowUp: '2024-05-15',
      by: '李娜',
    },
  ],
};

describe('render', () => {
  const realDocument = (globalThis as { document?: unknown }).document;
  beforeAll(() => {
    (globalThis as { document?: unknown }).document = fakeDocument;
  });
  afterAll(() => {
    (globalThis as { document?: unknown }).document = realDocument;
  });

  const noMarkupFrom = (root: FakeElement) => {
    const tags = root.all().map((e) => e.tagName);
    expect(tags).not.toContain('IMG');
    expect(tags).not.toContain('SCRIPT');
    expect(tags).not.toContain('B');
    for (const element of root.all()) {
      expect([...element.attributes.keys()].filter((name) => name.startsWith('on'))).toEqual([]);
    }
  };

  it('shows a contact that looks like HTML as text, and builds no element from it', () => {
    const summary = container();
    renderCardSummary(asDom<HTMLElement>(summary), CARD, CONTEXT);
    expect(summary.textContent).toContain(SCRIPT_CONTACT);
    expect(summary.byId('card-title')?.textContent).toBe('<script>alert(2)</script>');
    noMarkupFrom(summary);
  });

  it('shows the grade, the score with its breakdown and whether first contact was in time', () => {
    const summary = container();
    renderCardSummary(asDom<HTMLElement>(summary), CARD, CONTEXT);
    const text = summary.textContent;
    expect(summary.all().some((e) => e.getAttribute('class') === 'grade grade-a')).toBe(true);
    expect(text).toContain('85 / 100');
    expect(text).toContain('需求40 + 预算15 + 决策20 + 紧急10 = 85');
    expect(text).toContain('2024-05-09 10:00 · met (2024-05-09 09:00)');
    expect(text).toContain('Following up');
    expect(text).toContain('2024-05-15 09:00');
  });

  it('lists search results as buttons carrying the lead ID, data as text', () => {
    const list = container();
    const lead: LeadSummary = {
      id: '202405002-展会',
      contact: SCRIPT_CONTACT,
      company: '',
      phone: '139',
      grade: 'B',
      status: '新线索',
      owner: '',
    };
    renderResults(asDom<HTMLUListElement>(list), [lead], 'zh');
    const buttons = list.all().filter((e) => e.tagName === 'BUTTON');
    expect(buttons.map((b) => b.getAttribute('data-lead-id'))).toEqual(['202405002-展会']);
    expect(buttons[0].textContent).toContain(SCRIPT_CONTACT);
    expect(buttons[0].textContent).toContain('新线索');
    noMarkupFrom(list);
  });

  it('lists the history newest first with time, method, content, feedback and next action', () => {
    const list = container();
    renderHistory(asDom<HTMLOListElement>(list), CARD.history, CONTEXT);
    const items = list.childNodes as FakeElement[];
    expect(items.map((li) => li.tagName)).toEqual(['LI', 'LI']);
    expect(items[0].textContent).toContain('2024-05-10 09:00 · WeChat · By: 李娜');
    expect(items[0].textContent).toContain(`Content${SCRIPT_CONTACT}`);
    expect(items[0].textContent).toContain('Feedback需内部审批');
    expect(items[0].textContent).toContain('Next action5月15日跟进');
    expect(items[1].textContent).toContain('2024-05-09 09:00 · Phone');
    noMarkupFrom(list);
    expect(historyNewestFirst(CARD.history).map((e) => e.content)).toEqual([
      SCRIPT_CONTACT,
      '介绍案例',
    ]);
  });

  it('builds the form with a label for every control and a message element for every field', () => {
    const form = renderFollowUpForm('en').form as unknown as FakeElement;
    const labelled = new Set(
      form
        .all()
        .filter((e) => e.tagName === 'LABEL')
        .map((e) => e.getAttribute('for')),
    );
    const controls = form
      .all()
      .filter((e) => ['INPUT', 'SELECT', 'TEXTAREA'].includes(e.tagName))
      .map((e) => e.getAttribute('id'));
    expect(controls).toEqual([
      'method',
      'time',
      'content',
      'feedback',
      'nextAction',
      'nextFollowUp',
      'keyFollowUp',
      'result',
      'amount',
      'keyFactors',
      'reason',
      'reasonOther',
      'summary',
    ]);
    for (const id of controls) expect(labelled).toContain(id);
    for (const { field, controlId } of FORM_FIELDS) {
      const message = form.byId(errorElementId(field));
      expect(message?.getAttribute('role')).toBe('alert');
      expect(form.byId(controlId)?.getAttribute('aria-describedby')).toBe(errorElementId(field));
    }
    expect(form.getAttribute('id')).toBe('followup');
    expect(form.byId('save')?.getAttribute('type')).toBe('submit');
    expect(form.byId('form-error')?.getAttribute('role')).toBe('alert');
  });
});
