// The scoring rules' version: the same for the same rules, another for changed ones, read back.

import { rulesVersion, versionIn } from '../../../src/method/scoring/rulesVersion';
import { DEFAULT_POINTS, type ScoringRules } from '../../../src/method/scoring/scoringRules';

const RULES: ScoringRules = {
  points: DEFAULT_POINTS,
  gradeFrom: { A: 80, B: 60, C: 40 },
  productPrice: 50,
};

describe('rulesVersion', () => {
  it('is v and six hex digits, the same for equal rules however built', () => {
    expect(rulesVersion(RULES)).toMatch(/^v[0-9a-f]{6}$/);
    const copy = JSON.parse(JSON.stringify(RULES)) as ScoringRules;
    expect(rulesVersion(copy)).toBe(rulesVersion(RULES));
  });

  it('changes with any point, threshold or the product price', () => {
    const versions = new Set([
      rulesVersion(RULES),
      rulesVersion({
        ...RULES,
        points: { ...DEFAULT_POINTS, authority: { ...DEFAULT_POINTS.authority, influencer: 12 } },
      }),
      rulesVersion({ ...RULES, gradeFrom: { A: 85, B: 60, C: 40 } }),
      rulesVersion({ ...RULES, productPrice: 60 }),
    ]);
    expect(versions.size).toBe(4);
  });
});

describe('versionIn', () => {
  it('reads the version at the end of a breakdown in either language', () => {
    expect(versionIn('需求40 + 预算15 + 决策20 + 紧急10 = 85 · 首评规则 v1a2b3c')).toBe('v1a2b3c');
    expect(versionIn('Need 40 = 40; missing: Budget fit · first graded under rules v00ff00')).toBe(
      'v00ff00',
    );
  });

  it('finds none in a breakdown written before versions, or in a non-text cell', () => {
    expect(versionIn('需求40 + 预算15 + 决策20 + 紧急10 = 85')).toBeUndefined();
    expect(versionIn(85)).toBeUndefined();
  });

  it('reads the version as the pattern does, whatever follows or precedes it', () => {
    const cases = [
      'rules v1a2b3c  ',
      'rules v1a2b3c\u3000',
      'rulesv1a2b3c',
      'rules_v1a2b3c',
      '·v1a2b3c',
      'v1a2b3c',
      'rules v1A2b3c',
      'rules v1a2b3g',
      'rules v1a2b3c.',
      'rules x1a2b3c',
      '1a2b3c',
      '',
    ];
    const pattern = /\b(v[0-9a-f]{6})\s*$/;
    for (const text of cases)
      expect([text, versionIn(text)]).toEqual([text, pattern.exec(text)?.[1]]);
  });
});
