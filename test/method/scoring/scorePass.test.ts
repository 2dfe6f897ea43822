// A scoring pass over Leads rows: which cells change (score, grade, breakdown, ID, Entered at).

import type { TimeZone } from '../../../src/sheet/calendar';
import type { CellChange } from '../../../src/sheet/cellWrites';
import type { Language } from '../../../src/sheet/language';
import { recordIds } from '../../../src/method/capture/leadIds';
import { type ScorePassOptions, scorePass } from '../../../src/method/scoring/scorePass';
import type { ScoringRules } from '../../../src/method/scoring/scoringRules';
import { rulesVersion } from '../../../src/method/scoring/rulesVersion';
import { LEAD_COLUMNS, type LeadColumnKey } from '../../../src/sheet/tabs';

const SHANGHAI: TimeZone = { name: 'Asia/Shanghai', offsetMinutes: () => 480 };
const UTC: TimeZone = { name: 'UTC', offsetMinutes: () => 0 };
const NOW = new Date('2024-05-15T02:00:00Z');

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

/** Leads columns in the default order, as a header lookup would find them. */
const COLUMNS = Object.fromEntries(LEAD_COLUMNS.map((c, i) => [c.key, i])) as Record<
  LeadColumnKey,
  number
>;

function lead(cells: Partial<Record<LeadColumnKey, unknown>>): unknown[] {
  const row: unknown[] = LEAD_COLUMNS.map(() => '');
  for (const [key, value] of Object.entries(cells)) row[COLUMNS[key as LeadColumnKey]] = value;
  return row;
}

function pass(rows: unknown[][], overrides: Partial<ScorePassOptions> = {}) {
  return scorePass(rows, {
    columns: COLUMNS,
    rules: RULES,
    now: NOW,
    zone: SHANGHAI,
    language: 'zh' as Language,
    sequences: new Map(),
    ...overrides,
  });
}

/** The value a pass writes to one cell, or undefined when it leaves the cell alone. */
function written(changes: readonly CellChange[], row: number, key: LeadColumnKey): unknown {
  return changes.find((c) => c.row === row && c.column === COLUMNS[key])?.value;
}

const ENTERED = new Date('2024-05-10T02:00:00Z');

const TYPED = {
  id: '202405001-展会',
  source: '展会',
  contact: '王经理',
  needFit: '完全契合',
  budgetFit: '匹配',
  authority: '直接决策人',
  urgency: '1-3个月',
  enteredAt: ENTERED,
};

describe('scorePass', () => {
  it('writes score, grade and breakdown of a lead', () => {
    const result = pass([lead(TYPED)]);
    expect(written(result.changes, 0, 'score')).toBe(85);
    expect(written(result.changes, 0, 'grade')).toBe('A');
    expect(written(result.changes, 0, 'scoreNote')).toBe(
      `需求40 + 预算15 + 决策20 + 紧急10 = 85 · 首评规则 ${rulesVersion(RULES)}`,
    );
    expect(result.scored).toBe(1);
    expect(result.gradeCounts).toEqual({ A: 1, B: 0, C: 0, D: 0 });
  });

  it('writes the breakdown in the workbook language', () => {
    const result = pass([lead(TYPED)], { language: 'en' });
    expect(written(result.changes, 0, 'scoreNote')).toBe(
      `Need 40 + Budget 15 + Authority 20 + Urgency 10 = 85 · first graded under rules ${rulesVersion(RULES)}`,
    );
  });

  it('changes nothing when score, grade and breakdown are already right', () => {
    const row = lead({
      ...TYPED,
      score: 85,
      grade: 'A',
      scoreNote: '需求40 + 预算15 + 决策20 + 紧急10 = 85',
    });
    const result = pass([row]);
    expect(result.changes).toEqual([]);
    expect(result.changedRows).toBe(0);
    expect(result.scored).toBe(1);
  });

  it('writes only the cells whose content changes', () => {
    const row = lead({ ...TYPED, score: 85, grade: 'B', scoreNote: 'old' });
    const result = pass([row]);
    expect(result.changes.map((c) => c.column).sort((a, b) => a - b)).toEqual([
      COLUMNS.grade,
      COLUMNS.scoreNote,
    ]);
  });

  it('never writes derived budget fit or urgency into the input cells', () => {
    const row = lead({
      id: '202405001-展会',
      contact: '王经理',
      needFit: '完全契合',
      budget: '50-80万',
      authority: '直接决策人',
      expectedClose: '2024-08-15',
      enteredAt: ENTERED,
    });
    const result = pass([row]);
    expect(written(result.changes, 0, 'score')).toBe(85);
    const touched = new Set(result.changes.map((c) => c.column));
    for (const key of [
      'needFit',
      'budgetFit',
      'authority',
      'urgency',
      'budget',
      'expectedClose',
    ] as const) {
      expect(touched.has(COLUMNS[key])).toBe(false);
    }
    expect(written(result.changes, 0, 'scoreNote')).toBe(
      `需求40 + 预算15(推算) + 决策20 + 紧急10(推算) = 85 · 首评规则 ${rulesVersion(RULES)}`,
    );
  });

  it('keeps the rules version a lead was first graded under when the rules change', () => {
    const first = pass([lead(TYPED)]);
    const note = String(written(first.changes, 0, 'scoreNote'));
    const graded = lead({ ...TYPED, score: 85, grade: 'A', scoreNote: note });
    const newRules = { ...RULES, gradeFrom: { A: 90, B: 60, C: 40 } };
    expect(rulesVersion(newRules)).not.toBe(rulesVersion(RULES));
    const later = pass([graded], { rules: newRules });
    expect(written(later.changes, 0, 'grade')).toBe('B');
    expect(written(later.changes, 0, 'scoreNote')).toBeUndefined();
    // A new lead is graded under the new rules and says so.
    const fresh = pass([lead(TYPED)], { rules: newRules });
    expect(String(written(fresh.changes, 0, 'scoreNote'))).toMatch(
      new RegExp(`${rulesVersion(newRules)}$`),
    );
  });

  it('recomputes derived urgency on every pass, as today moves on', () => {
    const row = lead({
      ...TYPED,
      urgency: '',
      expectedClose: '2024-08-15',
      score: 85,
      grade: 'A',
      scoreNote: '需求40 + 预算15 + 决策20 + 紧急10(推算) = 85',
    });
    expect(pass([row]).changes).toEqual([]);
    const later = pass([row], { now: new Date('2024-07-20T02:00:00Z') });
    expect(written(later.changes, 0, 'score')).toBe(90);
    expect(written(later.changes, 0, 'scoreNote')).toBe(
      '需求40 + 预算15 + 决策20 + 紧急15(推算) = 90',
    );
  });

  it('takes today in the spreadsheet time zone', () => {
    // 16:30 UTC on 31 May is already 1 June in Shanghai, so 1 July is within one month.
    const now = new Date('2024-05-31T16:30:00Z');
    const row = lead({ ...TYPED, urgency: '', expectedClose: '2024-07-01' });
    const shanghai = pass([row], { now, zone: SHANGHAI });
    expect(written(shanghai.changes, 0, 'score')).toBe(90);
    const utc = pass([row], { now, zone: UTC });
    expect(written(utc.changes, 0, 'score')).toBe(85);
  });

  it('fills a blank Entered at with now', () => {
    const result = pass([lead({ ...TYPED, enteredAt: '' })]);
    expect(written(result.changes, 0, 'enteredAt')).toEqual(NOW);
  });

  it('fills a blank Entered at of a lead with history with its earliest date, not now', () => {
    const first = new Date('2024-05-02T03:00:00Z');
    const row = lead({ ...TYPED, enteredAt: '' });
    const result = pass([row], { history: new Map([[TYPED.id, first]]) });
    expect(written(result.changes, 0, 'enteredAt')).toEqual(first);
  });

  it('takes a text Entered at as the date it says for the ID month', () => {
    const row = lead({ ...TYPED, id: '', enteredAt: '2024/3/20 9:30' });
    const result = pass([row], { sequences: recordIds(['202403002-展会']) });
    expect(written(result.changes, 0, 'id')).toBe('202403003-展会');
    expect(written(result.changes, 0, 'enteredAt')).toBeUndefined();
  });

  it('keeps an Entered at that is already set', () => {
    const result = pass([lead(TYPED)]);
    expect(written(result.changes, 0, 'enteredAt')).toBeUndefined();
  });

  it('gives a blank Lead ID the month of Entered at and the next sequence', () => {
    const sequences = recordIds(['202405004-展会', '202404009-展会']);
    const row = lead({ ...TYPED, id: '', source: '客户推荐' });
    const result = pass([row], { sequences });
    expect(written(result.changes, 0, 'id')).toBe('202405005-客户推荐');
    expect(result.idsAssigned).toBe(1);
  });

  it('treats a Lead ID cell holding only spaces as blank and numbers the lead', () => {
    const sequences = recordIds(['202405004-展会']);
    const row = lead({ ...TYPED, id: ' ', source: '客户推荐' });
    const result = pass([row], { sequences });
    expect(written(result.changes, 0, 'id')).toBe('202405005-客户推荐');
  });

  it('leaves the rows `numbers` refuses unnumbered and unscored, and lists them as waiting', () => {
    const named = (row: readonly unknown[]) => row[COLUMNS.contact] !== '';
    const rows = [
      lead({ ...TYPED, id: '', contact: '' }),
      lead({ ...TYPED, id: '' }),
      lead({ ...TYPED, contact: '' }),
      lead({}),
    ];
    const result = pass(rows, { numbers: named });
    expect(result.waiting).toEqual([0]);
    expect(result.changes.filter((c) => c.row === 0)).toEqual([]);
    expect(written(result.changes, 1, 'id')).toBe('202405001-展会');
    expect(result.scored).toBe(2);
  });

  it('takes the ID month from an Entered at in an earlier month', () => {
    const row = lead({ ...TYPED, id: '', enteredAt: new Date('2024-03-20T02:00:00Z') });
    const result = pass([row], { sequences: recordIds(['202403002-展会']) });
    expect(written(result.changes, 0, 'id')).toBe('202403003-展会');
  });

  it('numbers several new leads of one month in turn', () => {
    const rows = [lead({ ...TYPED, id: '' }), lead({ ...TYPED, id: '' })];
    const result = pass(rows);
    expect(written(result.changes, 0, 'id')).toBe('202405001-展会');
    expect(written(result.changes, 1, 'id')).toBe('202405002-展会');
    expect(result.idsAssigned).toBe(2);
  });

  it('dates a lead entered just after midnight in Shanghai in the new month', () => {
    const now = new Date('2024-05-31T16:30:00Z');
    const row = lead({ ...TYPED, id: '', enteredAt: '' });
    const result = pass([row], { now, sequences: recordIds(['202405030-展会']) });
    expect(written(result.changes, 0, 'enteredAt')).toEqual(now);
    expect(written(result.changes, 0, 'id')).toBe('202406001-展会');
  });

  it('keeps a Lead ID that is already set', () => {
    const result = pass([lead(TYPED)]);
    expect(written(result.changes, 0, 'id')).toBeUndefined();
    expect(result.idsAssigned).toBe(0);
  });

  it('skips blank rows', () => {
    const result = pass([lead({}), lead(TYPED), lead({})]);
    expect(result.scored).toBe(1);
    expect(result.changes.every((c) => c.row === 1)).toBe(true);
  });

  it('scores a lead with no scoring inputs as 0, grade D, naming what is missing', () => {
    const result = pass([lead({ contact: '李女士', phone: '13800138000' })]);
    expect(written(result.changes, 0, 'score')).toBe(0);
    expect(written(result.changes, 0, 'grade')).toBe('D');
    const note = String(written(result.changes, 0, 'scoreNote'));
    for (const name of ['需求匹配度', '预算充足度', '决策权限', '紧急程度']) {
      expect(note).toContain(name);
    }
  });

  it('scores only the rows it is asked to', () => {
    const rows = [lead(TYPED), lead(TYPED), lead(TYPED)];
    const result = pass(rows, { onlyRows: [1] });
    expect(result.scored).toBe(1);
    expect(result.changes.length).toBeGreaterThan(0);
    expect(result.changes.every((c) => c.row === 1)).toBe(true);
  });

  it('counts grades and changed rows', () => {
    const rows = [
      lead(TYPED),
      lead({ ...TYPED, needFit: '部分契合' }),
      lead({ ...TYPED, needFit: '部分契合', authority: '有影响者', urgency: '3个月以上' }),
      lead({ ...TYPED, needFit: '', budgetFit: '', authority: '', urgency: '' }),
    ];
    const result = pass(rows);
    expect(result.scored).toBe(4);
    expect(result.gradeCounts).toEqual({ A: 1, B: 1, C: 1, D: 1 });
    expect(result.changedRows).toBe(4);
  });

  it("keeps each lead's score by Lead ID, new IDs included, for the run's calibration", () => {
    const scores: NonNullable<ScorePassOptions['scores']> = new Map();
    const rows = [
      lead({ ...TYPED, id: '202405001-展会' }),
      lead({ ...TYPED, id: '', needFit: '部分契合', enteredAt: NOW }),
      lead({ ...TYPED, id: '202405003-展会', needFit: '不契合' }),
      // The same ID on a second row with other inputs: neither row's score may stand for it.
      lead({ ...TYPED, id: '202405003-展会', needFit: '完全契合' }),
      lead({}),
    ];
    const sequences = recordIds(rows.map((row) => row[COLUMNS.id]));
    const result = pass(rows, { scores, sequences });
    const newId = written(result.changes, 1, 'id');
    expect(newId).toBe('202405004-展会');
    expect([...scores.keys()].sort()).toEqual(
      ['202405001-展会', String(newId), '202405003-展会'].sort(),
    );
    expect(scores.get('202405001-展会')).toMatchObject({ score: 85, grade: 'A' });
    expect(scores.get(String(newId))).toMatchObject({ score: 65, grade: 'B' });
    expect(scores.get('202405001-展会')?.chosen).toMatchObject({ needFit: 'full' });
    expect(scores.get('202405003-展会')).toBeNull();
  });

  it('uses the thresholds and points it is given', () => {
    const rules: ScoringRules = { ...RULES, gradeFrom: { A: 90, B: 70, C: 50 } };
    const result = pass([lead(TYPED)], { rules });
    expect(written(result.changes, 0, 'grade')).toBe('B');
  });

  it('finds the columns wherever they are', () => {
    const keys = [...LEAD_COLUMNS.map((c) => c.key)].reverse();
    const columns = Object.fromEntries(keys.map((key, i) => [key, i])) as Record<
      LeadColumnKey,
      number
    >;
    const row: unknown[] = keys.map((key) => (TYPED as Record<string, unknown>)[key] ?? '');
    const result = pass([row], { columns });
    const score = result.changes.find((c) => c.column === columns.score);
    expect(score?.value).toBe(85);
  });
});
