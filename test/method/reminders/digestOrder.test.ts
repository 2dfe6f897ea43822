// Which items a digest lists: urgency order, the 200-item cap and the byte budget.

import {
  byUrgency,
  KIND_ORDER,
  LIST_BUDGET_BYTES,
  MAX_LISTED_ITEMS,
  selectListed,
} from '../../../src/method/reminders/digestOrder';
import type { ReminderItem } from '../../../src/method/reminders/reminders';

const NOW = new Date('2024-05-15T02:00:00Z');
const HOUR = 3_600_000;
const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR);

function item(leadId: string, overrides: Partial<ReminderItem> = {}): ReminderItem {
  return {
    kind: 'followUpOverdue',
    leadId,
    grade: 'B',
    company: '某某科技',
    contact: '王经理',
    due: ago(1),
    ...overrides,
  };
}

const ids = (items: ReminderItem[]) => [...items].sort(byUrgency).map((i) => i.leadId);
const small = () => ({ text: 10, html: 10 });

describe('byUrgency', () => {
  it('puts an overdue first contact on an A lead before everything else', () => {
    const items = [
      item('followUp', { kind: 'followUpOverdue', grade: 'A', due: ago(300) }),
      item('firstContactB', { kind: 'firstContactOverdue', grade: 'B', due: ago(200) }),
      item('firstContactA', { kind: 'firstContactOverdue', grade: 'A', due: ago(2) }),
    ];
    expect(ids(items)).toEqual(['firstContactA', 'firstContactB', 'followUp']);
  });

  it("puts SLA breaches on A leads first in a managers' digest", () => {
    const items = [
      item('poolArrival', { kind: 'poolArrival', due: ago(1) }),
      item('breachC', { kind: 'slaBreach', grade: 'C', due: ago(100) }),
      item('breachA', { kind: 'slaBreach', grade: 'A', due: ago(3) }),
    ];
    expect(ids(items)).toEqual(['breachA', 'breachC', 'poolArrival']);
  });

  it('orders overdue work, then due work, then news', () => {
    const items = [
      item('pooled', { kind: 'pooled' }),
      item('assigned', { kind: 'assigned' }),
      item('due', { kind: 'followUpDue' }),
      item('overdue', { kind: 'followUpOverdue' }),
    ];
    expect(ids(items)).toEqual(['overdue', 'due', 'assigned', 'pooled']);
  });

  it('lists the most overdue first within a kind, undated last', () => {
    const items = [
      item('undated', { due: undefined }),
      item('oneHour', { due: ago(1) }),
      item('threeDays', { due: ago(72) }),
    ];
    expect(ids(items)).toEqual(['threeDays', 'oneHour', 'undated']);
  });

  it('breaks a tie of deadlines by grade, then by Lead ID', () => {
    const due = ago(5);
    const items = [
      item('L3', { grade: 'C', due }),
      item('L2', { grade: '', due }),
      item('L9', { grade: 'A', due }),
      item('L1', { grade: 'C', due }),
    ];
    expect(ids(items)).toEqual(['L9', 'L1', 'L3', 'L2']);
  });
});

describe('selectListed', () => {
  it('orders as byUrgency does, over every kind, grade and deadline, far ones and none included', () => {
    const kinds: ReminderItem['kind'][] = [...KIND_ORDER].reverse();
    const dues = [
      undefined,
      ago(1),
      ago(1.0000003),
      new Date(NOW.getTime() + 1),
      new Date('1800-01-01T00:00:00Z'),
      new Date('1875-06-01T00:00:00Z'),
      new Date('2300-01-01T00:00:00Z'),
      // Typed years far past either end: several beyond the same end still keep their order.
      new Date('2290-01-01T00:00:00Z'),
      new Date('3024-01-01T00:00:00Z'),
      new Date('0024-01-01T00:00:00Z'),
      new Date('1700-01-01T00:00:00Z'),
      new Date(Number.NaN),
    ];
    const grades = ['A', 'b', 'C', 'D', '', 'X'];
    const items: ReminderItem[] = [];
    let n = 0;
    for (const kind of kinds)
      for (const due of dues)
        for (const grade of grades)
          items.push(item(`L${(n++ * 7919) % 1000}`, { kind, due, grade }));
    const expected = items
      .map((one, at) => ({ one, at }))
      .sort((a, b) => byUrgency(a.one, b.one) || a.at - b.at)
      .map(({ at }) => at)
      .slice(0, MAX_LISTED_ITEMS);
    expect(selectListed(items, small)).toEqual(expected);
    expect(selectListed([...items].reverse(), small).map((at) => items.length - 1 - at)).toEqual(
      expected.map((at) => at),
    );
  });

  it('lists every item, most urgent first, when they fit', () => {
    const items = [item('late', { due: ago(1) }), item('later', { due: ago(10) })];
    expect(selectListed(items, small)).toEqual([1, 0]);
  });

  it(`lists at most ${MAX_LISTED_ITEMS} items`, () => {
    const items = Array.from({ length: 2500 }, (_, i) => item(`L${i}`, { due: ago(i) }));
    const listed = selectListed(items, small);
    expect(listed).toHaveLength(MAX_LISTED_ITEMS);
    // The most overdue are the highest-numbered here.
    expect(listed[0]).toBe(2499);
    expect(listed[199]).toBe(2300);
  });

  it('stops when the HTML lines would pass the byte budget', () => {
    const items = Array.from({ length: 50 }, (_, i) => item(`L${i}`));
    const listed = selectListed(items, () => ({ text: 10, html: LIST_BUDGET_BYTES / 10 }));
    expect(listed).toHaveLength(10);
  });

  it('stops when the text lines would pass the byte budget', () => {
    const items = Array.from({ length: 50 }, (_, i) => item(`L${i}`));
    const listed = selectListed(items, () => ({ text: LIST_BUDGET_BYTES / 4, html: 10 }));
    expect(listed).toHaveLength(4);
  });

  it('does not skip an urgent item that does not fit to list a later one', () => {
    const items = [item('urgent', { due: ago(50) }), item('short', { due: ago(1) })];
    const bytes = (i: ReminderItem) =>
      i.leadId === 'urgent' ? { text: LIST_BUDGET_BYTES + 1, html: 1 } : small();
    expect(selectListed(items, bytes)).toEqual([]);
  });

  it('lists nothing when there is nothing', () => {
    expect(selectListed([], small)).toEqual([]);
  });
});
