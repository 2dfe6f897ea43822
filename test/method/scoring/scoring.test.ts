// Lead scoring and grading (SPEC §2): points per option, derived inputs, the breakdown, grades.

import type { TimeZone } from '../../../src/sheet/calendar';
import type { Language } from '../../../src/sheet/language';
import { NO_INPUTS, type ScoringInputs, scoreLead } from '../../../src/method/scoring/scoring';
import {
  DEFAULT_GRADE_FROM,
  DEFAULT_POINTS,
  type ScoringRules,
  gradeFor,
} from '../../../src/method/scoring/scoringRules';

const SHANGHAI: TimeZone = { name: 'Asia/Shanghai', offsetMinutes: () => 480 };
const UTC: TimeZone = { name: 'UTC', offsetMinutes: () => 0 };
const TODAY = { year: 2024, month: 5, day: 15 };

const RULES: ScoringRules = {
  points: {
    needFit: { full: 40, partial: 20, none: 0 },
    budgetFit: { above: 25, matches: 15, below: 5 },
    authority: { decisionMaker: 20, influencer: 10, none: 0 },
    urgency: { within1Month: 15, oneToThreeMonths: 10, over3Months: 5 },
  },
  gradeFrom: { A: 80, B: 60, C: 40 },
  productPrice: 50,
};

const BLANK: ScoringInputs = NO_INPUTS;

function score(
  inputs: Partial<ScoringInputs>,
  language: Language = 'zh',
  rules: ScoringRules = RULES,
  zone: TimeZone = SHANGHAI,
) {
  return scoreLead({ ...BLANK, ...inputs }, rules, { today: TODAY, zone, language });
}

describe('gradeFor with the default thresholds', () => {
  it.each([
    [100, 'A'],
    [80, 'A'],
    [79, 'B'],
    [60, 'B'],
    [59, 'C'],
    [40, 'C'],
    [39, 'D'],
    [0, 'D'],
  ])('grades %i as %s', (points, grade) => {
    expect(gradeFor(points, DEFAULT_GRADE_FROM)).toBe(grade);
  });
});

describe('gradeFor with thresholds from Settings', () => {
  const gradeFrom = { A: 90, B: 70, C: 50 };

  it('grades 89 as B and 90 as A', () => {
    expect(gradeFor(89, gradeFrom)).toBe('B');
    expect(gradeFor(90, gradeFrom)).toBe('A');
  });

  it('grades 69 as C and 70 as B', () => {
    expect(gradeFor(69, gradeFrom)).toBe('C');
    expect(gradeFor(70, gradeFrom)).toBe('B');
  });

  it('grades 49 as D and 50 as C', () => {
    expect(gradeFor(49, gradeFrom)).toBe('D');
    expect(gradeFor(50, gradeFrom)).toBe('C');
  });
});

describe('default scoring rules', () => {
  it('hold the points of SPEC §2', () => {
    expect(DEFAULT_POINTS).toEqual(RULES.points);
  });

  it('hold the grade thresholds A 80, B 60, C 40', () => {
    expect(DEFAULT_GRADE_FROM).toEqual({ A: 80, B: 60, C: 40 });
  });
});

describe('scoreLead: points per option', () => {
  it.each([
    ['needFit', '完全契合', 'Full', 'full', 40],
    ['needFit', '部分契合', 'Partial', 'partial', 20],
    ['needFit', '不契合', 'None', 'none', 0],
    ['budgetFit', '高于定价', 'Above price', 'above', 25],
    ['budgetFit', '匹配', 'Matches', 'matches', 15],
    ['budgetFit', '不足', 'Below', 'below', 5],
    ['authority', '直接决策人', 'Decision maker', 'decisionMaker', 20],
    ['authority', '有影响者', 'Influencer', 'influencer', 10],
    ['authority', '无权限', 'None', 'none', 0],
    ['urgency', '1个月内', 'Within 1 month', 'within1Month', 15],
    ['urgency', '1-3个月', '1-3 months', 'oneToThreeMonths', 10],
    ['urgency', '3个月以上', 'Over 3 months', 'over3Months', 5],
  ] as const)('gives %s "%s" / "%s" its points', (dimension, zh, en, key, points) => {
    for (const typed of [zh, en, en.toUpperCase(), en.toLowerCase(), `  ${en} `]) {
      const result = score({ [dimension]: typed });
      expect(result.score).toBe(points);
      expect(result.chosen[dimension]).toBe(key);
    }
  });

  it('adds the four dimensions: Full + Matches + Decision maker + 1-3 months = 85', () => {
    const result = score({
      needFit: '完全契合',
      budgetFit: '匹配',
      authority: '直接决策人',
      urgency: '1-3个月',
    });
    expect(result.score).toBe(85);
    expect(result.grade).toBe('A');
  });

  it('scores the best options 100 and the worst 10', () => {
    expect(
      score({
        needFit: 'Full',
        budgetFit: 'Above price',
        authority: 'Decision maker',
        urgency: 'Within 1 month',
      }).score,
    ).toBe(100);
    expect(
      score({ needFit: 'None', budgetFit: 'Below', authority: 'None', urgency: 'Over 3 months' })
        .score,
    ).toBe(10);
  });

  it('accepts options in both languages within one lead', () => {
    const result = score({
      needFit: 'Full',
      budgetFit: '匹配',
      authority: 'decision maker',
      urgency: '1-3个月',
    });
    expect(result.score).toBe(85);
  });

  it('uses the points from Settings rather than the defaults', () => {
    const rules: ScoringRules = {
      ...RULES,
      points: { ...RULES.points, needFit: { full: 35, partial: 20, none: 0 } },
    };
    expect(score({ needFit: 'Full' }, 'zh', rules).score).toBe(35);
  });
});

describe('scoreLead: grades', () => {
  it('grades 80 as A', () => {
    const result = score({ needFit: 'Full', budgetFit: 'Above price', urgency: 'Within 1 month' });
    expect(result.score).toBe(80);
    expect(result.grade).toBe('A');
  });

  it('grades 60 as B', () => {
    const result = score({ needFit: 'Full', budgetFit: 'Below', urgency: 'Within 1 month' });
    expect(result.score).toBe(60);
    expect(result.grade).toBe('B');
  });

  it('grades 40 as C', () => {
    const result = score({ needFit: 'Full' });
    expect(result.score).toBe(40);
    expect(result.grade).toBe('C');
  });

  it('grades 35 as D', () => {
    const result = score({ needFit: 'Partial', budgetFit: 'Below', authority: 'Influencer' });
    expect(result.score).toBe(35);
    expect(result.grade).toBe('D');
  });

  it('grades 79 as B and 59 as C when the points from Settings reach them', () => {
    const rules: ScoringRules = {
      ...RULES,
      points: {
        ...RULES.points,
        urgency: { within1Month: 14, oneToThreeMonths: 10, over3Months: 4 },
      },
    };
    const b = score(
      { needFit: 'Full', budgetFit: 'Above price', urgency: 'Within 1 month' },
      'en',
      rules,
    );
    expect(b.score).toBe(79);
    expect(b.grade).toBe('B');
    const c = score(
      { needFit: 'Full', budgetFit: 'Below', urgency: 'Within 1 month' },
      'en',
      rules,
    );
    expect(c.score).toBe(59);
    expect(c.grade).toBe('C');
  });

  it('grades with the thresholds from Settings', () => {
    const rules: ScoringRules = { ...RULES, gradeFrom: { A: 90, B: 70, C: 50 } };
    const result = score(
      { needFit: 'Full', budgetFit: 'Matches', authority: 'Decision maker', urgency: '1-3 months' },
      'en',
      rules,
    );
    expect(result.score).toBe(85);
    expect(result.grade).toBe('B');
  });
});

describe('scoreLead: breakdown', () => {
  const typed = {
    needFit: '完全契合',
    budgetFit: '匹配',
    authority: '直接决策人',
    urgency: '1-3个月',
  };

  it('writes the Chinese breakdown as 需求40 + 预算15 + 决策20 + 紧急10 = 85', () => {
    expect(score(typed, 'zh').breakdown).toBe('需求40 + 预算15 + 决策20 + 紧急10 = 85');
  });

  it('writes the English breakdown as Need 40 + Budget 15 + Authority 20 + Urgency 10 = 85', () => {
    expect(score(typed, 'en').breakdown).toBe(
      'Need 40 + Budget 15 + Authority 20 + Urgency 10 = 85',
    );
  });

  it('shows a missing input as 0 and names it (Chinese)', () => {
    expect(score({ needFit: '完全契合' }, 'zh').breakdown).toBe(
      '需求40 + 预算0 + 决策0 + 紧急0 = 40；缺少：预算充足度、决策权限、紧急程度',
    );
  });

  it('shows a missing input as 0 and names it (English)', () => {
    expect(score({ needFit: 'Full' }, 'en').breakdown).toBe(
      'Need 40 + Budget 0 + Authority 0 + Urgency 0 = 40; missing: Budget fit, Authority, Urgency',
    );
  });

  it('names every input when all are missing', () => {
    const result = score({}, 'en');
    expect(result.score).toBe(0);
    expect(result.grade).toBe('D');
    expect(result.chosen).toEqual({});
    for (const name of ['Need fit', 'Budget fit', 'Authority', 'Urgency']) {
      expect(result.breakdown).toContain(name);
    }
  });

  it('marks derived values as derived (Chinese)', () => {
    const result = score(
      {
        needFit: '完全契合',
        budget: '50-80万',
        authority: '直接决策人',
        expectedClose: '2024-08-15',
      },
      'zh',
    );
    expect(result.score).toBe(85);
    expect(result.breakdown).toBe('需求40 + 预算15(推算) + 决策20 + 紧急10(推算) = 85');
  });

  it('marks derived values as derived (English)', () => {
    const result = score(
      {
        needFit: 'Full',
        budget: '50-80万',
        authority: 'Decision maker',
        expectedClose: '2024-08-15',
      },
      'en',
    );
    expect(result.breakdown).toBe(
      'Need 40 + Budget 15 (derived) + Authority 20 + Urgency 10 (derived) = 85',
    );
  });

  it('does not mark typed values as derived', () => {
    expect(score(typed, 'zh').breakdown).not.toContain('推算');
    expect(score(typed, 'en').breakdown).not.toContain('derived');
  });

  it('names an option it does not recognise and counts it 0', () => {
    const zh = score({ needFit: '很契合', authority: '直接决策人' }, 'zh');
    expect(zh.score).toBe(20);
    expect(zh.chosen.needFit).toBeUndefined();
    expect(zh.breakdown).toContain('需求0');
    expect(zh.breakdown).toContain('需求匹配度');
    expect(zh.breakdown).toContain('很契合');
    const en = score({ needFit: 'Mostly', authority: 'Decision maker' }, 'en');
    expect(en.score).toBe(20);
    expect(en.breakdown).toContain('Need 0');
    expect(en.breakdown).toContain('Need fit');
    expect(en.breakdown).toContain('Mostly');
  });
});

describe('scoreLead: budget fit derived from Budget', () => {
  it.each([
    ['50-80万', 'matches', 15],
    ['50万', 'matches', 15],
    ['¥500,000', 'matches', 15],
    ['500000元', 'matches', 15],
    ['1.2亿', 'above', 25],
    ['60-80万', 'above', 25],
    ['30-49万', 'below', 5],
    ['30-50', 'matches', 15],
    ['51', 'above', 25],
  ] as const)('derives %p as %s against a price of 50万', (budget, key, points) => {
    const result = score({ budget });
    expect(result.chosen.budgetFit).toBe(key);
    expect(result.score).toBe(points);
  });

  it('reads a number cell as 万', () => {
    expect(score({ budget: 50 }).chosen.budgetFit).toBe('matches');
    expect(score({ budget: 80 }).chosen.budgetFit).toBe('above');
    expect(score({ budget: 30 }).chosen.budgetFit).toBe('below');
  });

  it('judges against the product price from Settings', () => {
    const rules: ScoringRules = { ...RULES, productPrice: 100 };
    expect(score({ budget: '50-80万' }, 'zh', rules).chosen.budgetFit).toBe('below');
    expect(score({ budget: '80-100万' }, 'zh', rules).chosen.budgetFit).toBe('matches');
  });

  it('treats an unreadable Budget as missing, counting 0 and naming it', () => {
    const zh = score({ needFit: '完全契合', budget: '面议' }, 'zh');
    expect(zh.score).toBe(40);
    expect(zh.chosen.budgetFit).toBeUndefined();
    expect(zh.breakdown).toContain('预算0');
    expect(zh.breakdown).toContain('预算充足度');
    const en = score({ needFit: 'Full', budget: 'to be agreed' }, 'en');
    expect(en.score).toBe(40);
    expect(en.breakdown).toContain('Budget 0');
    expect(en.breakdown).toContain('Budget fit');
  });

  it('prefers a typed Budget fit over the Budget', () => {
    const result = score({ budgetFit: 'Below', budget: '1.2亿' }, 'en');
    expect(result.chosen.budgetFit).toBe('below');
    expect(result.score).toBe(5);
    expect(result.breakdown).not.toContain('derived');
  });
});

describe('scoreLead: urgency derived from Expected close (today 2024-05-15)', () => {
  it.each([
    ['2024-05-15', 'within1Month', 15],
    ['2024-06-15', 'within1Month', 15],
    ['2024-06-16', 'oneToThreeMonths', 10],
    ['2024-08-15', 'oneToThreeMonths', 10],
    ['2024-08-16', 'over3Months', 5],
    ['2024-04-01', 'within1Month', 15],
  ] as const)('derives %s as %s', (expectedClose, key, points) => {
    const result = score({ expectedClose });
    expect(result.chosen.urgency).toBe(key);
    expect(result.score).toBe(points);
  });

  it.each([
    ['2024-06', 'within1Month'],
    ['2024年6月', 'within1Month'],
    ['2024-08', 'oneToThreeMonths'],
    ['2024年8月', 'oneToThreeMonths'],
    ['2024/8/15', 'oneToThreeMonths'],
    ['2024年8月15日', 'oneToThreeMonths'],
    ['2024/8/16', 'over3Months'],
    ['2024年8月16日', 'over3Months'],
    ['2024-09', 'over3Months'],
  ] as const)('reads the form %s and derives %s', (expectedClose, key) => {
    expect(score({ expectedClose }).chosen.urgency).toBe(key);
  });

  it('reads a month as its 1st day', () => {
    const context = { zone: SHANGHAI, language: 'en' as const };
    const onMay1 = scoreLead({ ...BLANK, expectedClose: '2024-08' }, RULES, {
      ...context,
      today: { year: 2024, month: 5, day: 1 },
    });
    expect(onMay1.chosen.urgency).toBe('oneToThreeMonths');
    const onApr30 = scoreLead({ ...BLANK, expectedClose: '2024年8月' }, RULES, {
      ...context,
      today: { year: 2024, month: 4, day: 30 },
    });
    expect(onApr30.chosen.urgency).toBe('over3Months');
  });

  it('reads a Date cell as its calendar date in the spreadsheet time zone', () => {
    // 16:30 UTC on 15 June is already 16 June in Shanghai: one day past the one-month bound.
    const expectedClose = new Date('2024-06-15T16:30:00Z');
    expect(score({ expectedClose }, 'zh', RULES, SHANGHAI).chosen.urgency).toBe('oneToThreeMonths');
    expect(score({ expectedClose }, 'zh', RULES, UTC).chosen.urgency).toBe('within1Month');
  });

  it('clamps 31 January + 1 month to 29 February in a leap year', () => {
    const context = {
      zone: SHANGHAI,
      language: 'en' as const,
      today: { year: 2024, month: 1, day: 31 },
    };
    expect(
      scoreLead({ ...BLANK, expectedClose: '2024-02-29' }, RULES, context).chosen.urgency,
    ).toBe('within1Month');
    expect(
      scoreLead({ ...BLANK, expectedClose: '2024-03-01' }, RULES, context).chosen.urgency,
    ).toBe('oneToThreeMonths');
  });

  it('clamps 31 January + 1 month to 28 February in a common year', () => {
    const context = {
      zone: SHANGHAI,
      language: 'en' as const,
      today: { year: 2023, month: 1, day: 31 },
    };
    expect(
      scoreLead({ ...BLANK, expectedClose: '2023-02-28' }, RULES, context).chosen.urgency,
    ).toBe('within1Month');
    expect(
      scoreLead({ ...BLANK, expectedClose: '2023-03-01' }, RULES, context).chosen.urgency,
    ).toBe('oneToThreeMonths');
  });

  it('treats an unreadable Expected close as missing, counting 0 and naming it', () => {
    const zh = score({ needFit: '完全契合', expectedClose: '尽快' }, 'zh');
    expect(zh.score).toBe(40);
    expect(zh.chosen.urgency).toBeUndefined();
    expect(zh.breakdown).toContain('紧急0');
    expect(zh.breakdown).toContain('紧急程度');
    const en = score({ needFit: 'Full', expectedClose: 'soon' }, 'en');
    expect(en.score).toBe(40);
    expect(en.breakdown).toContain('Urgency 0');
    expect(en.breakdown).toContain('missing');
  });

  it('prefers a typed Urgency over the Expected close', () => {
    const result = score({ urgency: '3个月以上', expectedClose: '2024-05-15' }, 'zh');
    expect(result.chosen.urgency).toBe('over3Months');
    expect(result.score).toBe(5);
    expect(result.breakdown).not.toContain('推算');
  });

  it('changes with today', () => {
    const inputs = { ...BLANK, expectedClose: '2024-08-15' };
    const context = { zone: SHANGHAI, language: 'en' as const };
    expect(scoreLead(inputs, RULES, { ...context, today: TODAY }).chosen.urgency).toBe(
      'oneToThreeMonths',
    );
    expect(
      scoreLead(inputs, RULES, { ...context, today: { year: 2024, month: 7, day: 20 } }).chosen
        .urgency,
    ).toBe('within1Month');
  });
});

describe('scoreLead over many leads', () => {
  const inputs = { needFit: '完全契合', authority: '有影响者', budget: '30万', expectedClose: '' };

  it('words the same readings anew for another language and other rules', () => {
    const zh = score(inputs);
    expect(score(inputs)).toEqual(zh);
    expect(score(inputs, 'en').breakdown).not.toBe(zh.breakdown);
    const richer = {
      ...RULES,
      points: { ...RULES.points, needFit: { full: 30, partial: 20, none: 0 } },
    };
    expect(score(inputs, 'zh', richer).score).toBe(zh.score - 10);
  });

  it('names each unreadable text, however many leads read the same dimension', () => {
    expect(score({ needFit: '很好' }).breakdown).toContain('很好');
    expect(score({ needFit: '一般' }).breakdown).toContain('一般');
  });

  it('scores rightly across a fresh start of its remembered readings', () => {
    // Past a few thousand distinct texts the remembered readings and scores start afresh: leads
    // read before and after keep their own scores.
    const full = score({ needFit: '完全契合', authority: '直接决策人' });
    const partial = score({ needFit: '部分契合', authority: '有影响者' });
    for (let i = 0; i < 5_000; i++) {
      const odd = score({ needFit: '完全契合', authority: '直接决策人', urgency: `自由文本${i}` });
      expect(odd.score).toBe(60);
      expect(odd.breakdown).toContain(`自由文本${i}`);
      expect(score({ needFit: '部分契合', authority: '有影响者' })).toEqual(partial);
      if (i % 997 === 0) {
        expect(score({ needFit: '完全契合', authority: '直接决策人' })).toEqual(full);
        expect(score({ needFit: '部分契合', authority: '有影响者' })).toEqual(partial);
      }
    }
    expect(score({ needFit: '部分契合', authority: '有影响者' })).toEqual(partial);
  });

  it('reads an expected close given as a date, a serial number or text alike', () => {
    // 45,505 is 2024-08-01 as the Sheets service gives a date; the text is read as typed.
    const asDate = score({ expectedClose: new Date('2024-07-31T16:00:00Z') }).chosen.urgency;
    const asSerial = score({ expectedClose: 45_505 }).chosen.urgency;
    const asText = score({ expectedClose: '2024-08-01' }).chosen.urgency;
    expect([asDate, asSerial, asText]).toEqual([
      'oneToThreeMonths',
      'oneToThreeMonths',
      'oneToThreeMonths',
    ]);
    expect(score({ expectedClose: '45505x' }).chosen.urgency).toBeUndefined();
  });
});

// Budget cells are read once per pass and language and price: the same cell under another price
// or in another language is read again, never answered from the first.
describe('a budget cell read again', () => {
  it('derives its fit against each product price it is scored under', () => {
    const under = (productPrice: number) =>
      score({ budget: '50万' }, 'zh', { ...RULES, productPrice });
    expect(under(50).chosen.budgetFit).toBe('matches');
    expect(under(40).chosen.budgetFit).toBe('above');
    expect(under(60).chosen.budgetFit).toBe('below');
    expect(under(50).chosen.budgetFit).toBe('matches');
  });

  it('names an unreadable budget in the language of each pass', () => {
    expect(score({ budget: '面议' }, 'en').breakdown).toMatch(/Budget.*面议/);
    expect(score({ budget: '面议' }, 'zh').breakdown).toMatch(/预算.*面议/);
    expect(score({ budget: '面议' }, 'en').breakdown).not.toMatch(/预算/);
  });
});
