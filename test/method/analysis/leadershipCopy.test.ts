// The leadership copy hides every figure over fewer than five leads, completeness counts included.

import { suppressSmallCompleteness, SUPPRESSED } from '../../../src/method/analysis/leadershipCopy';
import type { CompletenessRow } from '../../../src/method/analysis/completeness';

const row = (key: string, leads: number): CompletenessRow => ({
  key,
  leads,
  incomplete: 1,
  rate: 1 / leads,
  mostMissing: 'phone',
  mostMissingCount: 1,
});

describe('suppressSmallCompleteness', () => {
  it('hides the counts and the missing field of a group under five leads', () => {
    const shown = suppressSmallCompleteness({
      total: row('', 9),
      bySource: [row('tradeShow', 5), row('website', 4)],
      byEnteredBy: [row('张三', 1)],
    });
    expect(shown.total).toEqual(row('', 9));
    expect(shown.bySource[0]).toEqual(row('tradeShow', 5));
    expect(shown.bySource[1]).toEqual({
      key: 'website',
      leads: SUPPRESSED,
      incomplete: SUPPRESSED,
      rate: SUPPRESSED,
      mostMissing: undefined,
      mostMissingCount: SUPPRESSED,
    });
    expect(shown.byEnteredBy[0].leads).toBeNaN();
  });
});
