// Which closed leads go to the archive, from plain rows.

import { planArchive } from '../../../src/method/archive/archivePlan';
import type { TimeZone } from '../../../src/sheet/calendar';

const SHANGHAI: TimeZone = { name: 'Asia/Shanghai', offsetMinutes: () => 480 };
const NOW = new Date('2024-05-10T02:00:00Z');
const options = { months: 12, now: NOW, zone: SHANGHAI, limit: 100 };

const lead = (id: string, status = '') => ({ id, status });
const decided = (leadId: string, result: string, iso: string) => ({
  leadId,
  result,
  decidedAt: new Date(iso),
});

describe('planArchive', () => {
  it('moves won, not-won and lost leads decided more than 12 calendar months ago, by year of decision', () => {
    const plan = planArchive(
      [lead('L1', '成交'), lead('L2', '未成交'), lead('L3', '流失'), lead('L4', '成交')],
      [
        decided('L1', '成交', '2023-05-09T10:00:00Z'),
        decided('L2', '未成交', '2022-12-31T17:00:00Z'),
        decided('L3', 'Lost', '2023-01-02T00:00:00Z'),
        decided('L4', '成交', '2023-05-10T10:00:00Z'),
      ],
      options,
    );
    // 31 Dec 2022 17:00 UTC is 1 Jan 2023 in Shanghai; 10 May 2023 is not yet more than 12 months.
    expect(plan.moving).toEqual([
      { id: 'L2', year: 2023 },
      { id: 'L3', year: 2023 },
      { id: 'L1', year: 2023 },
    ]);
    expect(plan.deferred).toBe(0);
  });

  it('goes by the latest Conversions row: a lead nurtured again stays', () => {
    const plan = planArchive(
      [lead('L1', '成交')],
      [
        decided('L1', '成交', '2022-01-01T00:00:00Z'),
        decided('L1', '培育中', '2022-03-01T00:00:00Z'),
      ],
      options,
    );
    expect(plan.moving).toEqual([]);
  });

  it('leaves open leads, leads without a readable decision date and IDs found twice', () => {
    const plan = planArchive(
      [lead('L1', '跟进中'), lead('L2', '成交'), lead('L3', '流失'), lead('L3', '流失'), lead('')],
      [
        { leadId: 'L2', result: '成交', decidedAt: 'soon' },
        decided('L3', '流失', '2022-01-01T00:00:00Z'),
      ],
      options,
    );
    expect(plan.moving).toEqual([]);
  });

  it('ages a lead closed without a Conversions row by its last follow-up', () => {
    const plan = planArchive(
      [
        { id: 'L1', status: '成交', lastFollowUpAt: new Date('2022-03-01T00:00:00Z') },
        { id: 'L2', status: '流失', lastFollowUpAt: '' },
        { id: 'L3', status: '流失', lastFollowUpAt: new Date('2024-03-01T00:00:00Z') },
      ],
      [],
      options,
    );
    expect(plan.moving).toEqual([{ id: 'L1', year: 2022 }]);
  });

  it('archives nothing when the months are 0', () => {
    const plan = planArchive(
      [lead('L1', '成交')],
      [decided('L1', '成交', '2020-01-01T00:00:00Z')],
      { ...options, months: 0 },
    );
    expect(plan).toEqual({ moving: [], deferred: 0 });
  });

  it('moves the oldest decisions first and defers the rest beyond the limit', () => {
    const plan = planArchive(
      [lead('L1'), lead('L2'), lead('L3')],
      [
        decided('L1', '成交', '2021-06-01T00:00:00Z'),
        decided('L2', '流失', '2020-06-01T00:00:00Z'),
        decided('L3', '未成交', '2022-06-01T00:00:00Z'),
      ],
      { ...options, limit: 2 },
    );
    expect(plan.moving).toEqual([
      { id: 'L2', year: 2020 },
      { id: 'L1', year: 2021 },
    ]);
    expect(plan.deferred).toBe(1);
  });
});
