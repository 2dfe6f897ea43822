// Calibration (SPEC §6) and the proposed-points preview (SPEC §7): do grades predict who buys?

import type { TimeZone } from '../../../src/sheet/calendar';
import {
  type CalibrationLead,
  MIN_SAMPLE,
  type PreviewLead,
  calibrate,
  previewRuleChange,
  proposedRules,
  warningText,
  wilsonInterval,
} from '../../../src/method/analysis/calibration';
import type { ScoreContext, ScoringInputs } from '../../../src/method/scoring/scoring';
import { DEFAULT_POINTS, type ScoringRules } from '../../../src/method/scoring/scoringRules';
import { defaultSettings } from '../../../src/method/settings/settings';

const UTC: TimeZone = { name: 'UTC', offsetMinutes: () => 0 };
const CONTEXT: ScoreContext = {
  today: { year: 2024, month: 5, day: 15 },
  zone: UTC,
  language: 'en',
};

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

describe('wilsonInterval', () => {
  it('gives [0.2366, 0.7634] for 5 successes in 10 trials', () => {
    const interval = wilsonInterval(5, 10);
    expect(interval && [round4(interval.low), round4(interval.high)]).toEqual([0.2366, 0.7634]);
  });

  it('starts at exactly 0 and stays above it for 0 successes in 10', () => {
    const interval = wilsonInterval(0, 10);
    expect(interval?.low).toBe(0);
    expect(round4(interval?.high ?? NaN)).toBe(0.2775);
  });

  it('ends at exactly 1 for 10 successes in 10', () => {
    const interval = wilsonInterval(10, 10);
    expect(round4(interval?.low ?? NaN)).toBe(0.7225);
    expect(interval?.high).toBe(1);
  });

  it('gives 0.2553 to 0.3662 for 81 of 263, off-centre around the 0.308 rate', () => {
    const interval = wilsonInterval(81, 263);
    expect(interval && [round4(interval.low), round4(interval.high)]).toEqual([0.2553, 0.3662]);
  });

  it('narrows with a smaller z', () => {
    const wide = wilsonInterval(5, 10);
    const narrow = wilsonInterval(5, 10, 1);
    expect(narrow && wide && narrow.high - narrow.low < wide.high - wide.low).toBe(true);
  });

  it('is undefined for 0 trials', () => {
    expect(wilsonInterval(0, 0)).toBeUndefined();
  });

  it('rejects more successes than trials', () => {
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
  });
});

/** `count` leads of one grade and choice, the first `won` of them won. */
function leadsOf(
  grade: string,
  count: number,
  won: number,
  chosen: CalibrationLead['chosen'] = {},
): CalibrationLead[] {
  return Array.from({ length: count }, (_, i) => ({ grade, won: i < won, chosen }));
}

// A 3/10 (30 %), B 4/10 (40 %: better than A), C 2/12, D 0/4 (too few), plus a grade nobody knows.
const DATASET: CalibrationLead[] = [
  ...leadsOf('A', 10, 3, { needFit: 'full', authority: 'decisionMaker' }),
  ...leadsOf('B', 10, 4, { needFit: 'partial', urgency: 'within1Month' }),
  ...leadsOf('C', 12, 2, { needFit: 'none', budgetFit: 'bogus' }),
  ...leadsOf('D', 4, 0),
  ...leadsOf('', 3, 3, { needFit: 'full' }),
];

describe('calibrate', () => {
  const calibration = calibrate(DATASET.filter((lead) => lead.grade !== ''));

  it('reports leads, wins, rate and a 95 % Wilson interval per grade', () => {
    expect(calibration.byGrade.A).toEqual({
      leads: 10,
      won: 3,
      rate: 0.3,
      interval: wilsonInterval(3, 10),
    });
    expect(calibration.byGrade.B).toMatchObject({ leads: 10, won: 4, rate: 0.4 });
    expect(calibration.byGrade.C).toMatchObject({ leads: 12, won: 2, rate: 2 / 12 });
    expect(calibration.byGrade.D).toMatchObject({ leads: 4, won: 0, rate: 0 });
  });

  it('gives a grade with no leads a rate of 0 and no interval', () => {
    const onlyA = calibrate(leadsOf('A', 2, 1));
    expect(onlyA.byGrade.B).toEqual({ leads: 0, won: 0, rate: 0, interval: undefined });
  });

  it('ignores leads whose grade is not A to D', () => {
    const withBlank = calibrate(DATASET);
    expect(withBlank.byGrade).toEqual(calibration.byGrade);
  });

  it('reports the win rate of every option of every dimension', () => {
    const counts = (rate: { leads: number; won: number; rate: number }) => ({
      leads: rate.leads,
      won: rate.won,
      rate: rate.rate,
    });
    expect(counts(calibration.byOption.needFit.full)).toEqual({ leads: 10, won: 3, rate: 0.3 });
    expect(counts(calibration.byOption.needFit.partial)).toEqual({ leads: 10, won: 4, rate: 0.4 });
    expect(counts(calibration.byOption.needFit.none)).toEqual({ leads: 12, won: 2, rate: 2 / 12 });
    expect(counts(calibration.byOption.authority.decisionMaker)).toEqual({
      leads: 10,
      won: 3,
      rate: 0.3,
    });
    expect(calibration.byOption.authority.influencer).toEqual({
      leads: 0,
      won: 0,
      rate: 0,
      interval: undefined,
      lift: undefined,
    });
    expect(counts(calibration.byOption.urgency.within1Month)).toEqual({
      leads: 10,
      won: 4,
      rate: 0.4,
    });
  });

  it('gives each option its Wilson interval and its lift against the dimension average', () => {
    // Need fit: 9 won of 32 leads with an option chosen → average 9/32 = 0.28125.
    const full = calibration.byOption.needFit.full;
    expect(full.lift).toBeCloseTo(0.3 / (9 / 32), 10);
    expect(full.interval).toEqual(wilsonInterval(3, 10));
    expect(calibration.byOption.needFit.none.lift).toBeCloseTo(2 / 12 / (9 / 32), 10);
  });

  it('counts per-option leads whatever their grade, skipping unknown option keys', () => {
    const all = calibrate(DATASET);
    expect(all.byOption.needFit.full).toMatchObject({ leads: 13, won: 6, rate: 6 / 13 });
    expect(Object.keys(all.byOption.budgetFit)).toEqual(['above', 'matches', 'below']);
    expect(all.byOption.budgetFit.above.leads).toBe(0);
  });

  it('calls 3/10 against 4/10 too few to tell, with the leads a test would need, and D too small', () => {
    // 281 per grade tell 30% from 40% (see statistics.test): 271 more for A and for B.
    expect(calibration.warnings).toEqual([
      {
        code: 'tooFewToTell',
        higher: 'A',
        lower: 'B',
        higherRate: 0.3,
        lowerRate: 0.4,
        moreLeads: 542,
      },
      { code: 'sampleTooSmall', grade: 'D', leads: 4 },
    ]);
  });

  it('does not claim the grades fail on the issue example, 2 of 37 A against 9 of 94 B', () => {
    const example = calibrate([...leadsOf('A', 37, 2), ...leadsOf('B', 94, 9)]);
    expect(example.warnings).toContainEqual({
      code: 'tooFewToTell',
      higher: 'A',
      lower: 'B',
      higherRate: 2 / 37,
      lowerRate: 9 / 94,
      moreLeads: 492 - 37 + (492 - 94),
    });
    expect(example.warnings.some((w) => w.code === 'gradesDoNotSeparate')).toBe(false);
  });

  it('says the grades do not separate when the lower one is significantly better', () => {
    const reversed = calibrate([...leadsOf('A', 50, 5), ...leadsOf('B', 50, 15)]);
    const warning = reversed.warnings.find((w) => w.code === 'gradesDoNotSeparate');
    expect(warning).toMatchObject({ higher: 'A', lower: 'B', higherRate: 0.1, lowerRate: 0.3 });
    expect(warning && 'pValue' in warning ? warning.pValue : 1).toBeCloseTo(0.00621, 4);
  });

  it('does not call a difference significant when too few wins are expected for the z-test', () => {
    // 0 of 10 against 3 of 10: the z-test alone says p = 0.03, Fisher's exact test 0.1.
    const sparse = calibrate([...leadsOf('A', 10, 0), ...leadsOf('B', 10, 3)]);
    expect(sparse.warnings.some((w) => w.code === 'gradesDoNotSeparate')).toBe(false);
    expect(sparse.warnings).toContainEqual(
      expect.objectContaining({ code: 'tooFewToTell', higher: 'A', lower: 'B' }),
    );
  });

  it('cannot size a sample when a lower grade converts exactly as well as the higher one', () => {
    const tied = calibrate([...leadsOf('A', 10, 3), ...leadsOf('B', 10, 3)]);
    expect(tied.warnings).toContainEqual(
      expect.objectContaining({
        code: 'tooFewToTell',
        higher: 'A',
        lower: 'B',
        moreLeads: undefined,
      }),
    );
  });

  it('does not compare a pair where either grade has fewer than MIN_SAMPLE leads', () => {
    const small = calibrate([
      ...leadsOf('A', MIN_SAMPLE, 1),
      ...leadsOf('B', MIN_SAMPLE - 1, 9),
      ...leadsOf('C', MIN_SAMPLE, 5),
    ]);
    expect(small.warnings.filter((w) => w.code !== 'sampleTooSmall')).toEqual([]);
  });

  it('raises no warning when every grade is large enough and converts less than the one above', () => {
    const healthy = calibrate([
      ...leadsOf('A', 10, 6),
      ...leadsOf('B', 10, 4),
      ...leadsOf('C', 10, 2),
      ...leadsOf('D', 10, 0),
    ]);
    expect(healthy.warnings).toEqual([]);
  });

  it('flags every grade with fewer than MIN_SAMPLE leads, empty ones included', () => {
    expect(calibrate([]).warnings).toEqual(
      ['A', 'B', 'C', 'D'].map((grade) => ({ code: 'sampleTooSmall', grade, leads: 0 })),
    );
  });
});

describe('warningText', () => {
  const notSeparating = {
    code: 'gradesDoNotSeparate',
    higher: 'A',
    lower: 'B',
    higherRate: 0.1,
    lowerRate: 0.3,
    pValue: 0.00621,
  } as const;
  const tooFew = {
    code: 'tooFewToTell',
    higher: 'A',
    lower: 'B',
    higherRate: 2 / 37,
    lowerRate: 9 / 94,
    moreLeads: 853,
  } as const;

  it('names the test, its side and its level when the grades do not separate', () => {
    expect(warningText(notSeparating, 'en')).toBe(
      'Grade B converts better than grade A (30.0% vs 10.0%), significant at the 5% level ' +
        '(one-sided two-proportion z-test, p = 0.006): the grades do not separate; consider ' +
        'adjusting the scoring rules.',
    );
    expect(warningText(notSeparating, 'zh')).toBe(
      'B 级成交率 (30.0%) 高于 A 级 (10.0%)，差异在 5% 水平上显著（单侧两比例 z 检验，p = 0.006）：' +
        '等级没有区分度，建议调整评分规则。',
    );
    expect(warningText({ ...notSeparating, pValue: 0.0001 }, 'en')).toContain('p < 0.001');
  });

  it('says a small difference is too few leads to tell, and how many more', () => {
    expect(warningText(tooFew, 'en')).toBe(
      'Grade B converts at least as well as grade A (9.6% vs 5.4%), but the difference is not ' +
        'significant at the 5% level (one-sided two-proportion z-test): too few leads to tell ' +
        '(need about 853 more).',
    );
    expect(warningText(tooFew, 'zh')).toBe(
      'B 级成交率 (9.6%) 不低于 A 级 (5.4%)，但差异在 5% 水平上不显著（单侧两比例 z 检验）：' +
        '线索太少，无法判断（约还需 853 条）。',
    );
    expect(warningText({ ...tooFew, moreLeads: undefined }, 'en')).toMatch(
      /z-test\): the two grades look alike so far\.$/,
    );
    expect(warningText({ ...tooFew, moreLeads: 0 }, 'zh')).toMatch(/目前两级看不出差别。$/);
  });

  it('says how few leads a grade has, in English and in Chinese', () => {
    const small = { code: 'sampleTooSmall', grade: 'D', leads: 4 } as const;
    expect(warningText(small, 'en')).toBe('Grade D: only 4 leads, too few to judge.');
    expect(warningText(small, 'zh')).toBe('D 级仅有 4 条线索，样本太少，无法判断。');
  });

  it('words one lead and no leads naturally', () => {
    expect(warningText({ code: 'sampleTooSmall', grade: 'C', leads: 1 }, 'en')).toBe(
      'Grade C: only 1 lead, too few to judge.',
    );
    expect(warningText({ code: 'sampleTooSmall', grade: 'C', leads: 0 }, 'en')).toBe(
      'Grade C: no leads, too few to judge.',
    );
    expect(warningText({ code: 'sampleTooSmall', grade: 'C', leads: 0 }, 'zh')).toBe(
      'C 级没有线索，样本太少，无法判断。',
    );
  });
});

const CURRENT: ScoringRules = {
  points: DEFAULT_POINTS,
  gradeFrom: { A: 80, B: 60, C: 40 },
  productPrice: 50,
};
const PARTIAL_AT_40: ScoringRules = {
  ...CURRENT,
  points: { ...DEFAULT_POINTS, needFit: { ...DEFAULT_POINTS.needFit, partial: 40 } },
};

function previewLead(
  inputs: Partial<ScoringInputs>,
  won: boolean,
  currentGrade: string,
): PreviewLead {
  const blank = { needFit: '', budgetFit: '', authority: '', urgency: '', budget: '' };
  return { inputs: { ...blank, expectedClose: '', ...inputs }, won, currentGrade };
}

describe('previewRuleChange: raising "Need fit Partial" from 20 to 40', () => {
  // Scores under today's rules → with Partial at 40.
  const leads: PreviewLead[] = [
    // 20+25+20+15 = 80 A → 100 A: already at the top.
    previewLead(
      {
        needFit: 'Partial',
        budgetFit: 'Above price',
        authority: 'Decision maker',
        urgency: 'Within 1 month',
      },
      true,
      'A',
    ),
    // 20+15+20+15 = 70 B → 90 A.
    previewLead(
      {
        needFit: 'Partial',
        budgetFit: 'Matches',
        authority: 'Decision maker',
        urgency: 'Within 1 month',
      },
      true,
      'B',
    ),
    // 20+15+10+10 = 55 C → 75 B.
    previewLead(
      { needFit: 'Partial', budgetFit: 'Matches', authority: 'Influencer', urgency: '1-3 months' },
      false,
      'C',
    ),
    // 20+5+0+5 = 30 D → 50 C.
    previewLead(
      { needFit: 'Partial', budgetFit: 'Below', authority: 'None', urgency: 'Over 3 months' },
      false,
      'D',
    ),
    // 40+15+10+10 = 75 B either way: Full is untouched.
    previewLead(
      { needFit: 'Full', budgetFit: 'Matches', authority: 'Influencer', urgency: '1-3 months' },
      true,
      'B',
    ),
    // 0+5+0+5 = 10 D either way.
    previewLead(
      { needFit: 'None', budgetFit: 'Below', authority: 'None', urgency: 'Over 3 months' },
      false,
      'D',
    ),
  ];
  const preview = previewRuleChange(leads, CURRENT, PARTIAL_AT_40, CONTEXT);

  it('moves the three Partial leads below A up exactly one grade', () => {
    expect(preview.changedGrade).toBe(3);
    expect(preview.moves).toEqual({ 'B→A': 1, 'C→B': 1, 'D→C': 1 });
  });

  it('reports win rates per grade under today’s rules', () => {
    expect(preview.current).toEqual({
      A: { leads: 1, won: 1, rate: 1 },
      B: { leads: 2, won: 2, rate: 1 },
      C: { leads: 1, won: 0, rate: 0 },
      D: { leads: 2, won: 0, rate: 0 },
    });
  });

  it('reports win rates per grade under the proposed rules', () => {
    expect(preview.proposed).toEqual({
      A: { leads: 2, won: 2, rate: 1 },
      B: { leads: 2, won: 1, rate: 0.5 },
      C: { leads: 1, won: 0, rate: 0 },
      D: { leads: 1, won: 0, rate: 0 },
    });
  });

  it('rescores the before side instead of trusting a stale grade in the sheet', () => {
    const stale = [{ ...leads[5], currentGrade: 'A' }];
    const same = previewRuleChange(stale, CURRENT, CURRENT, CONTEXT);
    expect(same.changedGrade).toBe(0);
    expect(same.current.D.leads).toBe(1);
  });

  it('derives budget fit with each rule set’s product price', () => {
    const lead = previewLead(
      { needFit: 'Full', budget: '60万', authority: 'Decision maker', urgency: 'Within 1 month' },
      false,
      'A',
    );
    // Budget 60 against price 50 is Above (25) → 100 A; against price 70 it is Below (5) → 80 A.
    const pricier = { ...CURRENT, productPrice: 70, gradeFrom: { A: 90, B: 60, C: 40 } };
    expect(previewRuleChange([lead], CURRENT, pricier, CONTEXT).moves).toEqual({ 'A→B': 1 });
  });
});

describe('proposedRules', () => {
  it('equals today’s rules when nothing is proposed', () => {
    const settings = defaultSettings('en');
    expect(proposedRules(settings)).toEqual({
      points: DEFAULT_POINTS,
      gradeFrom: settings.gradeFrom,
      productPrice: settings.productPrice,
    });
  });

  it('lays filled-in proposed points over today’s, keeping thresholds and price', () => {
    const settings = {
      ...defaultSettings('zh'),
      productPrice: 80,
      gradeFrom: { A: 85, B: 65, C: 45 },
      points: { ...DEFAULT_POINTS, authority: { decisionMaker: 18, influencer: 9, none: 0 } },
      proposedPoints: { needFit: { partial: 40 }, urgency: { over3Months: 0, within1Month: 20 } },
    };
    expect(proposedRules(settings)).toEqual({
      points: {
        needFit: { full: 40, partial: 40, none: 0 },
        budgetFit: { above: 25, matches: 15, below: 5 },
        authority: { decisionMaker: 18, influencer: 9, none: 0 },
        urgency: { within1Month: 20, oneToThreeMonths: 10, over3Months: 0 },
      },
      gradeFrom: { A: 85, B: 65, C: 45 },
      productPrice: 80,
    });
  });

  it('treats a proposed cell holding undefined as blank, not as a new value', () => {
    const settings = {
      ...defaultSettings('en'),
      proposedPoints: { budgetFit: { above: undefined, below: 0 } },
    };
    expect(proposedRules(settings).points.budgetFit).toEqual({ above: 25, matches: 15, below: 0 });
  });

  it('leaves the settings it was given untouched', () => {
    const settings = { ...defaultSettings('en'), proposedPoints: { needFit: { partial: 40 } } };
    proposedRules(settings);
    expect(settings.points.needFit.partial).toBe(20);
    expect(DEFAULT_POINTS.needFit.partial).toBe(20);
  });
});
