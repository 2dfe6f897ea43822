// My day and the pool list without a browser: counts per kind, each item's grade, company, what is
// due and when, the name picker and the manager's switch, and lead data shown as text only.

import type { MyDay, PoolLeadSummary } from '../../src/method/followUp/myDayContract';
import { countsOf } from '../../src/method/followUp/myDayContract';
import { renderMyDayView, renderPoolLeads } from '../../sidebar/myDayRender';
import { asDom, container, type FakeElement, fakeDocument } from '../support/fakeDocument';

const HOSTILE = '<img src=x onerror=alert(1)>';
const ZH = { language: 'zh', timeZone: 'Asia/Shanghai' } as const;
const EN = { language: 'en', timeZone: 'Asia/Shanghai' } as const;

const ITEMS: MyDay['items'] = [
  {
    leadId: '202405002-展会',
    kind: 'firstContactOverdue',
    due: '2024-05-09T20:00:00.000Z',
    grade: 'A',
    company: HOSTILE,
    contact: '王总',
  },
  {
    leadId: '202405003-展会',
    kind: 'followUpDue',
    due: '2024-05-10T06:00:00.000Z',
    grade: 'B',
    company: '',
    contact: '李经理',
  },
];

const day = (fields: Partial<MyDay> = {}): MyDay => ({
  owner: '张伟',
  items: ITEMS,
  counts: countsOf(ITEMS),
  recognised: 'email',
  unlistedEmail: '',
  team: [],
  canSwitch: false,
  claimsLeft: 4,
  claimsPerDay: 5,
  ...fields,
});

const render = (shown: MyDay, context: typeof ZH | typeof EN = ZH) =>
  renderMyDayView(shown, context).root as unknown as FakeElement;
const buttonsOf = (root: FakeElement) => root.all().filter((e) => e.tagName === 'BUTTON');

describe('My day rendering', () => {
  const realDocument = (globalThis as { document?: unknown }).document;
  beforeAll(() => {
    (globalThis as { document?: unknown }).document = fakeDocument;
  });
  afterAll(() => {
    (globalThis as { document?: unknown }).document = realDocument;
  });

  it('counts every kind at the top, zeros included', () => {
    const counts = render(day())
      .all()
      .filter((e) => e.getAttribute('class')?.startsWith('count '));
    expect(counts.map((c) => c.textContent)).toEqual([
      '1触达超时',
      '0今日触达',
      '0跟进逾期',
      '1今日跟进',
      '0新分配',
    ]);
  });

  it('shows grade, company, what is due and when, in the spreadsheet’s zone', () => {
    const [first, second] = buttonsOf(render(day()));
    expect(first.getAttribute('data-lead-id')).toBe('202405002-展会');
    expect(first.getAttribute('class')).toContain('overdue');
    expect(first.textContent).toContain('A 级');
    expect(first.textContent).toContain('首次触达已超时 · 截止 2024-05-10 04:00');
    // A lead without a company is named by its contact.
    expect(second.textContent).toContain('李经理');
    expect(second.textContent).toContain('今日须跟进 · 截止 2024-05-10 14:00');
    expect(
      render(day(), EN)
        .all()
        .find((e) => e.getAttribute('id') === 'day-title')?.textContent,
    ).toBe("张伟's day");
  });

  it('shows a company written as markup as text, building no element from it', () => {
    const root = render(day());
    expect(root.textContent).toContain(HOSTILE);
    expect(root.all().map((e) => e.tagName)).not.toContain('IMG');
  });

  it('asks a person Google did not name to pick their name', () => {
    const root = render(
      day({
        owner: '',
        items: [],
        counts: countsOf([]),
        recognised: 'none',
        team: ['张伟', '李娜'],
      }),
    );
    expect(root.textContent).toContain('Google 未提供您的身份');
    const options = root.all().filter((e) => e.tagName === 'OPTION');
    expect(options.map((o) => o.textContent)).toEqual(['请选择姓名…', '张伟', '李娜']);
    expect(root.all().some((e) => e.getAttribute('class') === 'counts')).toBe(false);
  });

  it('offers a manager the team, the shown person selected', () => {
    const root = render(day({ owner: '李娜', canSwitch: true, team: ['张伟', '李娜'] }));
    expect(root.textContent).toContain('查看谁的待办');
    const selected = root
      .all()
      .filter((e) => e.tagName === 'OPTION' && e.getAttribute('selected') !== null);
    expect(selected.map((o) => o.textContent)).toEqual(['李娜']);
  });

  it('lets a person who chose their name choose again', () => {
    const root = render(day({ recognised: 'choice', team: ['张伟', '李娜'] }));
    expect(root.textContent).toContain('您的姓名');
    expect(root.textContent).not.toContain('查看谁的待办');
  });

  it('says when nothing is due, and how many claims are left', () => {
    const root = render(day({ items: [], counts: countsOf([]) }));
    expect(root.textContent).toContain('今天没有待办，做得好。');
    expect(root.textContent).toContain('今日还可领取 4 / 5 条');
  });

  it('lists pool leads with source, when pooled and the previous owner', () => {
    const list = container();
    const lead: PoolLeadSummary = {
      leadId: '202404950-展会',
      grade: 'B',
      company: HOSTILE,
      source: '展会',
      pooledAt: '2024-05-06T02:00:00.000Z',
      previousOwner: '李娜',
    };
    renderPoolLeads(asDom<HTMLUListElement>(list), [lead], ZH);
    const [button] = buttonsOf(list);
    expect(button.getAttribute('data-lead-id')).toBe('202404950-展会');
    expect(button.textContent).toContain('展会 · 2024-05-06 10:00 进入公海');
    expect(button.textContent).toContain('原负责人 李娜');
    expect(button.textContent).toContain(HOSTILE);
    expect(list.all().map((e) => e.tagName)).not.toContain('IMG');
  });
});
