// A lead as plain data: records from rows, blank cells, status keys, open vs closed, date and text cells.

import { dateOf, isBlank, isOpen, recordOf, statusOf, textOf } from '../../src/sheet/cells';

describe('recordOf', () => {
  it('reads each key from its column index', () => {
    const row = ['202405001-展会', '展会', '王经理'];
    const record = recordOf(row, { id: 0, source: 1, contact: 2 }, ['id', 'source', 'contact']);
    expect(record).toEqual({ id: '202405001-展会', source: '展会', contact: '王经理' });
  });

  it('does not depend on column order', () => {
    const row = ['王经理', '202405001-展会'];
    const record = recordOf(row, { id: 1, contact: 0 }, ['id', 'contact']);
    expect(record).toEqual({ id: '202405001-展会', contact: '王经理' });
  });

  it('reads a key whose column is absent as blank', () => {
    const record = recordOf(['202405001-展会'], { id: 0 }, ['id', 'owner']);
    expect(record).toEqual({ id: '202405001-展会', owner: '' });
  });

  it('reads a column past the end of a short row as blank', () => {
    const record = recordOf(['202405001-展会'], { id: 0, owner: 5 }, ['id', 'owner']);
    expect(record.owner).toBe('');
  });

  it('gives every row a record of its own, in the order of the keys, however many keys', () => {
    const keys = Array.from({ length: 30 }, (_, i) => `k${i}`);
    const index = Object.fromEntries(keys.map((key, i) => [key, i]));
    const first = recordOf(
      keys.map((_, i) => i),
      index,
      keys,
    );
    const second = recordOf(
      keys.map((_, i) => -i),
      index,
      keys,
    );
    first.k3 = 'changed';
    expect(Object.keys(second)).toEqual(keys);
    expect([second.k3, second.k29]).toEqual([-3, -29]);
    expect(recordOf([], index, keys).k3).toBe('');
  });

  it('reads null and undefined cells as blank', () => {
    const record = recordOf([null, undefined], { a: 0, b: 1 }, ['a', 'b']);
    expect(record).toEqual({ a: '', b: '' });
  });

  it('keeps raw values such as numbers and dates', () => {
    const at = new Date('2024-05-10T02:00:00Z');
    const record = recordOf([85, at, 0], { score: 0, enteredAt: 1, zero: 2 }, [
      'score',
      'enteredAt',
      'zero',
    ]);
    expect(record.score).toBe(85);
    expect(record.enteredAt).toBe(at);
    expect(record.zero).toBe(0);
  });

  it('includes only the keys asked for', () => {
    const record = recordOf<string>(['a', 'b'], { first: 0, second: 1 }, ['first']);
    expect(Object.keys(record)).toEqual(['first']);
  });
});

describe('isBlank', () => {
  it.each([
    ['an empty string', ''],
    ['spaces only', '   '],
    ['tabs and line breaks', '\t\n'],
    ['null', null],
    ['undefined', undefined],
  ])('treats %s as blank', (_label, value) => {
    expect(isBlank(value)).toBe(true);
  });

  it.each([
    ['text', 'A'],
    ['zero', 0],
    ['false', false],
    ['a date', new Date('2024-05-10T02:00:00Z')],
    ['text with surrounding spaces', '  x  '],
  ])('treats %s as filled', (_label, value) => {
    expect(isBlank(value)).toBe(false);
  });
});

describe('statusOf', () => {
  it('reads a blank status as a new lead', () => {
    expect(statusOf({ status: '' })).toBe('new');
    expect(statusOf({ status: '  ' })).toBe('new');
    expect(statusOf({ status: null })).toBe('new');
  });

  it.each([
    ['新线索', 'new'],
    ['跟进中', 'followingUp'],
    ['重点跟进', 'keyFollowUp'],
    ['培育中', 'nurturing'],
    ['成交', 'won'],
    ['未成交', 'notWon'],
    ['流失', 'lost'],
  ])('reads the Chinese status %s', (text, key) => {
    expect(statusOf({ status: text })).toBe(key);
  });

  it.each([
    ['New', 'new'],
    ['Following up', 'followingUp'],
    ['Key follow-up', 'keyFollowUp'],
    ['Nurturing', 'nurturing'],
    ['Won', 'won'],
    ['Not won', 'notWon'],
    ['Lost', 'lost'],
  ])('reads the English status %s', (text, key) => {
    expect(statusOf({ status: text })).toBe(key);
  });

  it('ignores case and surrounding spaces', () => {
    expect(statusOf({ status: '  not WON ' })).toBe('notWon');
  });

  it('returns undefined for text that is no status', () => {
    expect(statusOf({ status: '待定' })).toBeUndefined();
    expect(statusOf({ status: 'Maybe later' })).toBeUndefined();
  });
});

describe('isOpen', () => {
  it.each(['成交', '未成交', '流失', 'Won', 'Not won', 'Lost'])(
    'treats the closed status %s as not open',
    (status) => {
      expect(isOpen({ status })).toBe(false);
    },
  );

  it.each([
    '新线索',
    '跟进中',
    '重点跟进',
    '培育中',
    'New',
    'Following up',
    'Key follow-up',
    'Nurturing',
  ])('treats the status %s as open', (status) => {
    expect(isOpen({ status })).toBe(true);
  });

  it('treats a blank status as open', () => {
    expect(isOpen({ status: '' })).toBe(true);
  });

  it('treats unknown status text as open, so the lead is not lost', () => {
    expect(isOpen({ status: '待定' })).toBe(true);
    expect(isOpen({ status: 'On hold' })).toBe(true);
  });
});

describe('dateOf', () => {
  it('returns a date cell as the same Date', () => {
    const at = new Date('2024-05-10T02:00:00Z');
    expect(dateOf(at)).toBe(at);
  });

  it.each([
    ['blank', ''],
    ['null', null],
    ['undefined', undefined],
    ['date-like text', '2024-05-10'],
    ['a number', 45422],
    ['an invalid Date', new Date('not a date')],
  ])('returns undefined for %s', (_label, value) => {
    expect(dateOf(value)).toBeUndefined();
  });
});

describe('textOf', () => {
  it('trims text', () => {
    expect(textOf('  王经理 ')).toBe('王经理');
  });

  it('reads blank cells as an empty string', () => {
    expect(textOf('')).toBe('');
    expect(textOf('   ')).toBe('');
    expect(textOf(null)).toBe('');
    expect(textOf(undefined)).toBe('');
  });

  it('turns numbers into their text', () => {
    expect(textOf(13800138000)).toBe('13800138000');
    expect(textOf(0)).toBe('0');
  });
});
