// One truth of outcome: the latest Conversions row decides, and Status is set to match it.

import { latestOutcomes, statusCorrections } from '../../../src/method/outcomes/latestOutcome';

const at = (iso: string) => new Date(iso);

describe('latestOutcomes', () => {
  it('takes the latest row by Decided at, then the lower row', () => {
    const outcomes = latestOutcomes([
      { leadId: 'A', result: '培育中', decidedAt: at('2024-05-01T00:00:00Z') },
      { leadId: 'A', result: 'Won', decidedAt: at('2024-06-01T00:00:00Z') },
      { leadId: 'B', result: '流失', decidedAt: at('2024-06-01T00:00:00Z') },
      { leadId: 'B', result: '未成交', decidedAt: at('2024-06-01T00:00:00Z') },
      { leadId: 'C', result: 'maybe', decidedAt: at('2024-06-01T00:00:00Z') },
    ]);
    expect([...outcomes]).toEqual([
      ['A', 'won'],
      ['B', 'notWon'],
    ]);
  });
});

describe('statusCorrections', () => {
  const columns = { id: 0, status: 1 };
  const outcomes = new Map([
    ['A', 'won'],
    ['B', 'lost'],
    ['C', 'nurturing'],
  ] as const);

  it('sets a blank or disagreeing Status and leaves an agreeing one', () => {
    const rows = [
      ['A', ''],
      ['B', '跟进中'],
      ['C', 'Nurturing'],
      ['D', '新线索'],
    ];
    const { changes, matched } = statusCorrections(rows, columns, outcomes, 'zh');
    expect(changes).toEqual([
      { row: 0, column: 1, value: '成交' },
      { row: 1, column: 1, value: '流失' },
    ]);
    expect(matched).toEqual([
      { id: 'A', was: '', now: '成交' },
      { id: 'B', was: '跟进中', now: '流失' },
    ]);
  });

  it('leaves a nurtured lead that follow-ups have moved on, and reopens a closed one', () => {
    const rows = [
      ['C', '重点跟进'],
      ['C', 'Following up'],
      ['C', '新线索'],
      ['C', '成交'],
      ['C', '搁置'],
    ];
    const { changes } = statusCorrections(rows, columns, outcomes, 'zh');
    expect(changes.map((c) => c.row)).toEqual([2, 3, 4]);
    expect(changes.every((c) => c.value === '培育中')).toBe(true);
  });

  it('writes the status in the workbook language', () => {
    const { changes } = statusCorrections([['B', '']], columns, outcomes, 'en');
    expect(changes[0].value).toBe('Lost');
  });
});
