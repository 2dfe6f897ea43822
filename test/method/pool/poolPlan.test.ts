// Which leads move between Leads and Pool in one run, from plain rows.

import { keptRecycleCounts, planPooling, planReturns } from '../../../src/method/pool/poolPlan';

const NOW = new Date('2024-05-10T02:00:00Z');
const DAY = 86_400_000;
const SETTINGS = { poolDays: 7, poolExemptStatuses: [] };

const lead = (id: string, daysSinceAssigned: number, status = '') => ({
  id,
  owner: '张伟',
  status,
  lastFollowUpAt: '',
  assignedAt: new Date(NOW.getTime() - daysSinceAssigned * DAY),
  enteredAt: '',
});

describe('planPooling', () => {
  it('moves open leads untouched for longer than the pool days, with the reason shown in Pool', () => {
    const plan = planPooling(
      [lead('L1', 8), lead('L2', 2), lead('L3', 9, '成交')],
      SETTINGS,
      NOW,
      'zh',
      100,
    );
    expect(plan.moving).toEqual([
      { row: 0, id: 'L1', owner: '张伟', reason: expect.stringContaining('7') },
    ]);
    expect(plan.deferred).toBe(0);
  });

  it('leaves a lead without a Lead ID where it is', () => {
    expect(planPooling([lead('', 30)], SETTINGS, NOW, 'en', 100).moving).toEqual([]);
  });

  it('defers what lies beyond the run’s budget of separate row blocks, whole blocks first from the bottom', () => {
    const leads = [lead('L1', 8), lead('L2', 1), lead('L3', 8), lead('L4', 8)];
    const plan = planPooling(leads, SETTINGS, NOW, 'en', 1);
    expect(plan.moving.map((m) => m.id)).toEqual(['L3', 'L4']);
    expect(plan.deferred).toBe(1);
  });
});

describe('planReturns', () => {
  it('brings back pool leads that have an owner and a Lead ID', () => {
    const plan = planReturns(
      [
        { id: 'P1', owner: '李娜' },
        { id: 'P2', owner: '' },
        { id: '', owner: '李娜' },
      ],
      100,
    );
    expect(plan.moving).toEqual([{ row: 0, id: 'P1', owner: '李娜', reason: '' }]);
  });
});

describe('keptRecycleCounts', () => {
  it('keeps counts only for leads still open in Leads', () => {
    expect(keptRecycleCounts({ L1: 2, L2: 1 }, new Set(['L2']))).toEqual({ L2: 1 });
  });
});
