// Lead IDs (SPEC §1): `YYYYMM` of Entered at + 3-digit sequence in that month + `-` + source.

import type { TimeZone } from '../../../src/sheet/calendar';
import { nextLeadId, recordIds } from '../../../src/method/capture/leadIds';

const SHANGHAI: TimeZone = { name: 'Asia/Shanghai', offsetMinutes: () => 480 };

describe('recordIds', () => {
  it('keeps the highest sequence per month', () => {
    const sequences = recordIds(['202405001-展会', '202405007-官网表单', '202405003-其他']);
    expect(sequences.get('202405')).toBe(7);
  });

  it('keeps months apart', () => {
    const sequences = recordIds(['202405004-展会', '202406002-展会']);
    expect(sequences.get('202405')).toBe(4);
    expect(sequences.get('202406')).toBe(2);
  });

  it('reads IDs without a source', () => {
    expect(recordIds(['202405009']).get('202405')).toBe(9);
  });

  it('skips blank cells and text that is not an ID', () => {
    const sequences = recordIds(['', null, undefined, 'ABC', 'lead 12', 42]);
    expect(sequences.size).toBe(0);
  });

  it('adds to sequences it is given, so Leads and Pool IDs count together', () => {
    const sequences = recordIds(['202405003-展会']);
    recordIds(['202405011-客户推荐'], sequences);
    expect(sequences.get('202405')).toBe(11);
  });
});

describe('nextLeadId', () => {
  const may10 = new Date('2024-05-10T02:00:00Z');

  it('starts a month at 001', () => {
    expect(nextLeadId(may10, '展会', new Map(), SHANGHAI)).toBe('202405001-展会');
  });

  it('continues from the highest sequence so far in that month', () => {
    const sequences = recordIds(['202405001-展会', '202405007-展会']);
    expect(nextLeadId(may10, '官网表单', sequences, SHANGHAI)).toBe('202405008-官网表单');
  });

  it('continues from an ID that is only in the pool', () => {
    const sequences = recordIds(['202405002-展会']);
    recordIds(['202405005-电话咨询'], sequences);
    expect(nextLeadId(may10, '展会', sequences, SHANGHAI)).toBe('202405006-展会');
  });

  it('hands out a new sequence on each call', () => {
    const sequences = new Map<string, number>();
    expect(nextLeadId(may10, '展会', sequences, SHANGHAI)).toBe('202405001-展会');
    expect(nextLeadId(may10, '展会', sequences, SHANGHAI)).toBe('202405002-展会');
    expect(nextLeadId(may10, 'Trade show', sequences, SHANGHAI)).toBe('202405003-Trade show');
  });

  it('does not continue from another month', () => {
    const sequences = recordIds(['202404015-展会']);
    expect(nextLeadId(may10, '展会', sequences, SHANGHAI)).toBe('202405001-展会');
  });

  it('uses the month in the spreadsheet time zone', () => {
    // 16:30 UTC on 31 May is 00:30 on 1 June in Shanghai.
    const lateMay = new Date('2024-05-31T16:30:00Z');
    const sequences = recordIds(['202405020-展会']);
    expect(nextLeadId(lateMay, '展会', sequences, SHANGHAI)).toBe('202406001-展会');
    const utc: TimeZone = { name: 'UTC', offsetMinutes: () => 0 };
    expect(nextLeadId(lateMay, '展会', sequences, utc)).toBe('202405021-展会');
  });

  it('trims the source', () => {
    expect(nextLeadId(may10, '  客户推荐 ', new Map(), SHANGHAI)).toBe('202405001-客户推荐');
  });
});
