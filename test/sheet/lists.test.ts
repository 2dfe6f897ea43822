// Appending a list of any length, where `push(...items)` overflows the stack past ~120,000 items.

import { appendAll } from '../../src/sheet/lists';

describe('appendAll', () => {
  it('appends 300,000 items in order, which push(...items) cannot', () => {
    const items = Array.from({ length: 300_000 }, (_, i) => i);
    expect(() => [0].push(...items)).toThrow(RangeError);
    const into = appendAll([-1], items);
    expect(into).toHaveLength(300_001);
    expect(into[0]).toBe(-1);
    expect(into[300_000]).toBe(299_999);
  });

  it('takes any iterable and returns the list it grew', () => {
    const into: string[] = ['a'];
    expect(appendAll(into, new Set(['b', 'c']))).toBe(into);
    expect(into).toEqual(['a', 'b', 'c']);
  });
});
