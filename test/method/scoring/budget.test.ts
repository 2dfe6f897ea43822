// Reading the free-text Budget column into 万 and judging it against the product price.

import { budgetFitFor, parseBudget } from '../../../src/method/scoring/budget';

describe('parseBudget', () => {
  it('reads a range with the unit written once: 50-80万 is [50, 80]', () => {
    expect(parseBudget('50-80万')).toEqual({ low: 50, high: 80 });
  });

  it('reads a single amount in 万: 50万 is [50, 50]', () => {
    expect(parseBudget('50万')).toEqual({ low: 50, high: 50 });
  });

  it('reads a yuan amount with a currency sign: ¥500,000 is 50万', () => {
    expect(parseBudget('¥500,000')).toEqual({ low: 50, high: 50 });
  });

  it('reads a yuan amount with 元: 500000元 is 50万', () => {
    expect(parseBudget('500000元')).toEqual({ low: 50, high: 50 });
  });

  it('reads 亿: 1.2亿 is 12000万', () => {
    expect(parseBudget('1.2亿')).toEqual({ low: 12000, high: 12000 });
  });

  it('reads a number cell as 万', () => {
    expect(parseBudget(50)).toEqual({ low: 50, high: 50 });
    expect(parseBudget(12.5)).toEqual({ low: 12.5, high: 12.5 });
  });

  it('reads a number typed as text, without unit, as 万', () => {
    expect(parseBudget('50')).toEqual({ low: 50, high: 50 });
  });

  it('reads a range without unit as 万', () => {
    expect(parseBudget('50-80')).toEqual({ low: 50, high: 80 });
  });

  it('reads a range with the unit on both ends', () => {
    expect(parseBudget('50万-80万')).toEqual({ low: 50, high: 80 });
  });

  it('reads a yuan range with a currency sign', () => {
    expect(parseBudget('¥500,000-800,000')).toEqual({ low: 50, high: 80 });
  });

  it('ignores spaces around the value', () => {
    expect(parseBudget('  50-80万 ')).toEqual({ low: 50, high: 80 });
  });

  it.each(['', '   ', 'about fifty', '面议', '万', '-'])('cannot read %p', (text) => {
    expect(parseBudget(text)).toBeUndefined();
  });

  it('cannot read a cell that is not text or a number', () => {
    expect(parseBudget(null)).toBeUndefined();
    expect(parseBudget(undefined)).toBeUndefined();
    expect(parseBudget(true)).toBeUndefined();
    expect(parseBudget(new Date('2024-05-01T00:00:00Z'))).toBeUndefined();
  });
});

describe('budgetFitFor', () => {
  const price = 50;

  it('is Above price when the low end is above the price', () => {
    expect(budgetFitFor({ low: 51, high: 80 }, price)).toBe('above');
    expect(budgetFitFor({ low: 50.01, high: 50.01 }, price)).toBe('above');
  });

  it('is Matches when the low end equals the price', () => {
    expect(budgetFitFor({ low: 50, high: 80 }, price)).toBe('matches');
  });

  it('is Matches when the high end equals the price', () => {
    expect(budgetFitFor({ low: 30, high: 50 }, price)).toBe('matches');
  });

  it('is Matches when the price lies inside the range', () => {
    expect(budgetFitFor({ low: 30, high: 80 }, price)).toBe('matches');
  });

  it('is Matches when a single amount equals the price', () => {
    expect(budgetFitFor({ low: 50, high: 50 }, price)).toBe('matches');
  });

  it('is Below when the high end is below the price', () => {
    expect(budgetFitFor({ low: 10, high: 49 }, price)).toBe('below');
    expect(budgetFitFor({ low: 49.99, high: 49.99 }, price)).toBe('below');
  });

  it('judges against the price it is given', () => {
    expect(budgetFitFor({ low: 50, high: 80 }, 40)).toBe('above');
    expect(budgetFitFor({ low: 50, high: 80 }, 100)).toBe('below');
  });

  it('judges parsed budgets end to end', () => {
    expect(budgetFitFor(parseBudget('50-80万')!, 50)).toBe('matches');
    expect(budgetFitFor(parseBudget('1.2亿')!, 50)).toBe('above');
    expect(budgetFitFor(parseBudget('¥300,000')!, 50)).toBe('below');
  });
});
