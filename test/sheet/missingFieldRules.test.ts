// The formulas that mark blank required cells in Leads, and how set-up recognises them again.

import { isMissingFieldFormula, missingFieldFormulas } from '../../src/sheet/missingFieldRules';

describe('missingFieldFormulas', () => {
  it('tests the field’s cell for blank and its whole row for content, relative to the first body row', () => {
    expect(missingFieldFormulas({ contact: 1, phone: 27 }, ['contact', 'phone'], 4)).toEqual([
      { column: 1, formula: '=AND(LEN(TRIM($B4))=0,COUNTA(4:4)>0)' },
      { column: 27, formula: '=AND(LEN(TRIM($AB4))=0,COUNTA(4:4)>0)' },
    ]);
  });

  it('leaves out a required field the tab does not have', () => {
    expect(missingFieldFormulas({ contact: 0 }, ['contact', 'company'], 2)).toHaveLength(1);
  });
});

describe('isMissingFieldFormula', () => {
  it('recognises its own formulas wherever the column and header row are', () => {
    for (const { formula } of missingFieldFormulas({ need: 5, source: 30 }, ['need', 'source'], 11))
      expect(isMissingFieldFormula(formula)).toBe(true);
  });

  it('leaves a team’s own formulas, the overdue rules and non-formulas alone', () => {
    expect(isMissingFieldFormula('=COUNTIF($C:$C,$C2)>1')).toBe(false);
    expect(isMissingFieldFormula('=AND(ISNUMBER($T2),$T2<NOW())')).toBe(false);
    expect(isMissingFieldFormula('A')).toBe(false);
    expect(isMissingFieldFormula(undefined)).toBe(false);
  });
});
