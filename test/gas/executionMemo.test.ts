// An answer that cannot change within an execution is asked once per object, and again after the
// next execution starts.

import { oncePerExecution, startExecution } from '../../src/gas/executionMemo';

describe('oncePerExecution', () => {
  it('asks once per object until the next execution starts', () => {
    const asked: string[] = [];
    const idOf = oncePerExecution((tab: { name: string }) => {
      asked.push(tab.name);
      return asked.length;
    });
    const leads = { name: 'Leads' };
    const pool = { name: 'Pool' };
    expect([idOf(leads), idOf(pool), idOf(leads)]).toEqual([1, 2, 1]);
    expect(asked).toEqual(['Leads', 'Pool']);
    startExecution();
    expect(idOf(leads)).toBe(3);
    expect(asked).toEqual(['Leads', 'Pool', 'Leads']);
  });

  it('remembers an answer that is undefined', () => {
    let asks = 0;
    const nothing = oncePerExecution((_: object) => {
      asks++;
      return undefined;
    });
    const key = {};
    nothing(key);
    nothing(key);
    expect(asks).toBe(1);
  });
});
