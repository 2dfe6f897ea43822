// The statistics behind the analysis's warnings, against values worked by hand and from tables.

import { wilsonInterval } from '../../../src/method/analysis/calibration';
import {
  leadsPerGroupNeeded,
  median,
  normalCdf,
  normalQuantile,
  twoProportionTest,
} from '../../../src/method/analysis/statistics';

describe('normalCdf and normalQuantile', () => {
  it('match the standard normal table', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 4);
    expect(normalCdf(-1.6449)).toBeCloseTo(0.05, 4);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6449, 4);
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416, 4);
  });

  it('refuses a probability outside (0, 1)', () => {
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});

describe('twoProportionTest (pooled, one-sided: is the second rate higher?)', () => {
  it('finds 2 of 37 against 9 of 94 not significant (z 0.77, p 0.22)', () => {
    // p̄ = 11/131; SE = √(p̄(1−p̄)(1/37 + 1/94)) = 0.05383; z = (9/94 − 2/37) / SE = 0.7746.
    const { z, pValue } = twoProportionTest(2, 37, 9, 94);
    expect(z).toBeCloseTo(0.7746, 3);
    expect(pValue).toBeCloseTo(0.2193, 3);
  });

  it('finds 5 of 50 against 15 of 50 significant (z 2.5, p 0.0062)', () => {
    // p̄ = 0.2; SE = √(0.2 · 0.8 · 2/50) = 0.08; z = 0.2 / 0.08 = 2.5.
    const { z, pValue } = twoProportionTest(5, 50, 15, 50);
    expect(z).toBeCloseTo(2.5, 6);
    expect(pValue).toBeCloseTo(0.00621, 4);
  });

  it('is negative when the second rate is lower, and neutral for an empty group', () => {
    expect(twoProportionTest(15, 50, 5, 50).pValue).toBeCloseTo(0.99379, 4);
    expect(twoProportionTest(0, 0, 5, 50)).toEqual({ z: 0, pValue: 1 });
    expect(twoProportionTest(0, 10, 0, 10)).toEqual({ z: 0, pValue: 1 });
  });
});

describe('leadsPerGroupNeeded (one-sided 5% level, 80% power)', () => {
  it('needs 281 leads per grade to tell 30% from 40%', () => {
    // (1.6449·√(2·0.35·0.65) + 0.8416·√(0.21 + 0.24))² / 0.1² = 280.3 → 281.
    expect(leadsPerGroupNeeded(0.3, 0.4)).toBe(281);
  });

  it('needs 492 per grade to tell 2/37 from 9/94', () => {
    expect(leadsPerGroupNeeded(2 / 37, 9 / 94)).toBe(492);
  });

  it('cannot size a sample for rates that do not differ', () => {
    expect(leadsPerGroupNeeded(0.3, 0.3)).toBeUndefined();
  });
});

describe('wilsonInterval on the issue example', () => {
  it('gives 1.5–17.7% for 2 of 37 and 5.1–17.2% for 9 of 94', () => {
    const a = wilsonInterval(2, 37);
    const b = wilsonInterval(9, 94);
    expect(a?.low).toBeCloseTo(0.01495, 4);
    expect(a?.high).toBeCloseTo(0.17705, 4);
    expect(b?.low).toBeCloseTo(0.05119, 4);
    expect(b?.high).toBeCloseTo(0.17204, 4);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });
});
