// My day's queue (SPEC §14): what each open lead owes today, and the order overdue → grade → due.

import type { TimeZone } from '../../../src/sheet/calendar';
import { defaultSettings } from '../../../src/method/settings/settings';
import {
  compareQueueEntries,
  endOfToday,
  myDayQueue,
  type QueueLead,
  queueEntryOf,
} from '../../../src/method/followUp/myDayQueue';

const SHANGHAI: TimeZone = { name: 'Asia/Shanghai', offsetMinutes: () => 480 };
const HOUR = 3_600_000;
const NOW = new Date('2024-05-10T02:00:00Z'); // 10:00 in Shanghai
const at = (ms: number) => new Date(NOW.getTime() + ms);
const settings = defaultSettings('zh');
const lead = (fields: Partial<QueueLead>): QueueLead => ({
  id: 'L1',
  owner: '张伟',
  status: '',
  grade: 'A',
  ...fields,
});
const entry = (fields: Partial<QueueLead>) => queueEntryOf(lead(fields), NOW, SHANGHAI, settings);

describe('endOfToday', () => {
  it('is midnight at the end of the calendar day in the zone', () => {
    expect(endOfToday(NOW, SHANGHAI)).toEqual(new Date('2024-05-10T16:00:00Z'));
    // 23:30 in Shanghai is still the 10th.
    expect(endOfToday(new Date('2024-05-10T15:30:00Z'), SHANGHAI)).toEqual(
      new Date('2024-05-10T16:00:00Z'),
    );
  });
});

describe('queueEntryOf', () => {
  it('marks a first contact past its deadline overdue, and one due before midnight due', () => {
    expect(entry({ firstContactDue: at(-HOUR) })?.kind).toBe('firstContactOverdue');
    expect(entry({ firstContactDue: at(13 * HOUR) })?.kind).toBe('firstContactDue');
    expect(entry({ firstContactDue: at(14 * HOUR) })).toBeUndefined();
  });

  it('is on time at the due time itself', () => {
    expect(entry({ firstContactDue: NOW })?.kind).toBe('firstContactDue');
  });

  it('lists a lead assigned today whose deadline is later as a new assignment', () => {
    expect(entry({ grade: 'C', assignedAt: at(-HOUR), firstContactDue: at(71 * HOUR) })).toEqual({
      leadId: 'L1',
      kind: 'newAssignment',
      due: at(71 * HOUR),
      grade: 'C',
    });
    expect(entry({ grade: 'D', assignedAt: at(-HOUR) })?.due).toEqual(at(-HOUR));
    // Assigned yesterday (before 00:00 Shanghai) and not due today: nothing today.
    expect(
      entry({ grade: 'C', assignedAt: at(-11 * HOUR), firstContactDue: at(2 * 24 * HOUR) }),
    ).toBeUndefined();
  });

  it('takes the next follow-up from the date given, else from the cadence', () => {
    const contacted = { firstContactAt: at(-48 * HOUR), lastFollowUpAt: at(-48 * HOUR) };
    expect(entry({ ...contacted, nextFollowUpDue: at(-HOUR) })?.kind).toBe('followUpOverdue');
    expect(entry({ ...contacted, nextFollowUpDue: at(HOUR) })?.kind).toBe('followUpDue');
    expect(entry({ ...contacted, nextFollowUpDue: at(24 * HOUR) })).toBeUndefined();
    // A: daily cadence, last follow-up two days ago → overdue by a day.
    expect(entry(contacted)).toMatchObject({ kind: 'followUpOverdue', due: at(-24 * HOUR) });
    // C: every 7 days → not today.
    expect(entry({ ...contacted, grade: 'C' })).toBeUndefined();
  });

  it('leaves closed leads out, and keeps an unreadable status in', () => {
    expect(entry({ firstContactDue: at(-HOUR), status: '成交' })).toBeUndefined();
    expect(entry({ firstContactDue: at(-HOUR), status: 'Lost' })).toBeUndefined();
    expect(entry({ firstContactDue: at(-HOUR), status: '待定' })?.kind).toBe('firstContactOverdue');
  });
});

describe('the order of the queue', () => {
  const e = (leadId: string, kind: string, grade: string, due: number) => ({
    leadId,
    kind: kind as 'followUpDue',
    grade,
    due: at(due),
  });

  it('puts overdue first, then grade A to D with ungraded last, then the earliest due', () => {
    const sorted = [
      e('due-A-late', 'followUpDue', 'A', 5 * HOUR),
      e('over-C', 'followUpOverdue', 'C', -9 * HOUR),
      e('new-D', 'newAssignment', 'D', -HOUR),
      e('due-none', 'firstContactDue', '', HOUR),
      e('over-A', 'firstContactOverdue', 'A', -HOUR),
      e('due-A-early', 'firstContactDue', 'A', 2 * HOUR),
      e('due-B', 'followUpDue', 'B', HOUR),
    ].sort(compareQueueEntries);
    expect(sorted.map((s) => s.leadId)).toEqual([
      'over-A',
      'over-C',
      'due-A-early',
      'due-A-late',
      'due-B',
      'new-D',
      'due-none',
    ]);
  });

  it('lists only the owner’s leads', () => {
    const queue = myDayQueue(
      [
        lead({ id: 'mine', owner: '张伟', firstContactDue: at(-HOUR) }),
        lead({ id: 'theirs', owner: '李娜', firstContactDue: at(-2 * HOUR) }),
        lead({ id: '', owner: '张伟', firstContactDue: at(-2 * HOUR) }),
      ],
      (owner) => owner === '张伟',
      NOW,
      SHANGHAI,
      settings,
    );
    expect(queue.map((q) => q.leadId)).toEqual(['mine']);
  });
});
