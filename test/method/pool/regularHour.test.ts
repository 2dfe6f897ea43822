// Which leads a regular hour reads whole, and when the day's full pass still covers the hour.

import {
  EVERY_ROW_KEYS,
  fullPassCovers,
  needsWholeRow,
  rulesFingerprint,
} from '../../../src/method/pool/regularHour';
import { REMINDER_LEAD_KEYS } from '../../../src/method/reminders/reminderPlan';

const index = Object.fromEntries(EVERY_ROW_KEYS.map((key, at) => [key, at])) as Record<
  (typeof EVERY_ROW_KEYS)[number],
  number
>;

/** A row of EVERY_ROW_KEYS: an owned lead followed up yesterday, with its next date set. */
function row(fields: Partial<Record<(typeof EVERY_ROW_KEYS)[number], unknown>> = {}): unknown[] {
  const lead: Record<string, unknown> = {
    id: '202405001-展会',
    contact: '王先生',
    phone: '13900000001',
    company: '华东机械',
    grade: 'A',
    owner: '张伟',
    assignedAt: new Date('2024-05-01T02:00:00Z'),
    firstContactDue: new Date('2024-05-02T02:00:00Z'),
    firstContactAt: new Date('2024-05-01T06:00:00Z'),
    lastFollowUpAt: new Date('2024-05-09T02:00:00Z'),
    nextFollowUpDue: new Date('2024-05-11T02:00:00Z'),
    status: '跟进中',
    ...fields,
  };
  return EVERY_ROW_KEYS.map((key) => lead[key]);
}

describe('needsWholeRow', () => {
  it('leaves an owned, scored lead with its next date to the day’s full pass', () => {
    expect(needsWholeRow(row(), index)).toBe(false);
    expect(needsWholeRow(row({ status: '成交', owner: '' }), index)).toBe(false);
  });

  it('reads whole a lead without an ID or a grade', () => {
    expect(needsWholeRow(row({ id: '' }), index)).toBe(true);
    // A blank status is an open lead; only an outcome in Conversions sets it.
    expect(needsWholeRow(row({ status: '' }), index)).toBe(false);
    expect(needsWholeRow(row({ grade: ' ' }), index)).toBe(true);
  });

  it('reads whole an open lead without an owner, and one followed up without a next date', () => {
    expect(needsWholeRow(row({ owner: '' }), index)).toBe(true);
    expect(needsWholeRow(row({ nextFollowUpDue: '' }), index)).toBe(true);
    expect(needsWholeRow(row({ nextFollowUpDue: '', lastFollowUpAt: '' }), index)).toBe(false);
    expect(needsWholeRow(row({ status: '流失', nextFollowUpDue: '' }), index)).toBe(false);
  });
});

describe('fullPassCovers', () => {
  const rules = rulesFingerprint([{ needFit: { full: 40 } }, 50]);

  it('covers the rest of the day under the same rules only', () => {
    expect(fullPassCovers({ day: '2024-05-10', rules }, '2024-05-10', rules)).toBe(true);
    expect(fullPassCovers({ day: '2024-05-09', rules }, '2024-05-10', rules)).toBe(false);
    const changed = rulesFingerprint([{ needFit: { full: 40 } }, 80]);
    expect(changed).not.toBe(rules);
    expect(fullPassCovers({ day: '2024-05-10', rules }, '2024-05-10', changed)).toBe(false);
    expect(fullPassCovers(null, '2024-05-10', rules)).toBe(false);
  });

  it('fingerprints the same rules alike', () => {
    expect(rulesFingerprint([{ needFit: { full: 40 } }, 50])).toBe(rules);
    expect(rules).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('the columns every lead is read in', () => {
  it('hold every column the reminders look at, so a narrow hour reminds as a whole one does', () => {
    expect(EVERY_ROW_KEYS).toEqual(expect.arrayContaining([...REMINDER_LEAD_KEYS]));
  });
});
