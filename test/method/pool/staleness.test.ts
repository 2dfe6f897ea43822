// Which open leads have gone untouched long enough for the public pool (SPEC §5), and the reason shown.

import {
  type PoolSettings,
  type StalenessCells,
  poolReason,
  staleSince,
} from '../../../src/method/pool/staleness';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const NOW = new Date('2024-05-20T04:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);

const SETTINGS: PoolSettings = { poolDays: 7, poolExemptStatuses: ['won', 'notWon', 'lost'] };

/** An owned lead in Following up, assigned long ago; tests override the cells they are about. */
const lead = (cells: Partial<StalenessCells>): StalenessCells => ({
  status: '跟进中',
  owner: '张三',
  lastFollowUpAt: '',
  assignedAt: ago(30 * DAY_MS),
  enteredAt: ago(31 * DAY_MS),
  ...cells,
});

describe('staleSince', () => {
  describe('measured from the last follow-up', () => {
    it('is not stale when followed up yesterday', () => {
      expect(staleSince(lead({ lastFollowUpAt: ago(DAY_MS) }), SETTINGS, NOW)).toBeUndefined();
    });

    it('is not stale at exactly 7 × 24 hours', () => {
      const cells = lead({ lastFollowUpAt: ago(7 * DAY_MS) });
      expect(staleSince(cells, SETTINGS, NOW)).toBeUndefined();
    });

    it('is stale at 7 days and one hour', () => {
      const since = ago(7 * DAY_MS + HOUR_MS);
      expect(staleSince(lead({ lastFollowUpAt: since }), SETTINGS, NOW)).toEqual({
        basis: 'lastFollowUp',
        since,
      });
    });

    it('is stale one millisecond past 7 × 24 hours', () => {
      const since = ago(7 * DAY_MS + 1);
      expect(staleSince(lead({ lastFollowUpAt: since }), SETTINGS, NOW)?.basis).toBe(
        'lastFollowUp',
      );
    });

    it('prefers a recent follow-up over an old assignment', () => {
      const cells = lead({ lastFollowUpAt: ago(2 * DAY_MS), assignedAt: ago(60 * DAY_MS) });
      expect(staleSince(cells, SETTINGS, NOW)).toBeUndefined();
    });

    it('measures from the follow-up even when the lead has lost its owner', () => {
      const since = ago(8 * DAY_MS);
      expect(staleSince(lead({ owner: '', lastFollowUpAt: since }), SETTINGS, NOW)).toEqual({
        basis: 'lastFollowUp',
        since,
      });
    });
  });

  describe('after a reassignment', () => {
    it("measures from the new Assigned at, not the previous owner's last follow-up", () => {
      const cells = lead({ lastFollowUpAt: ago(20 * DAY_MS), assignedAt: ago(HOUR_MS) });
      expect(staleSince(cells, SETTINGS, NOW)).toBeUndefined();
    });

    it('goes stale 7 days and an hour after the reassignment without a follow-up', () => {
      const assignedAt = ago(7 * DAY_MS + HOUR_MS);
      const cells = lead({ lastFollowUpAt: ago(20 * DAY_MS), assignedAt });
      expect(staleSince(cells, SETTINGS, NOW)).toEqual({ basis: 'assigned', since: assignedAt });
    });
  });

  describe('measured from the assignment when never followed up', () => {
    it('is stale when assigned 8 days ago', () => {
      const since = ago(8 * DAY_MS);
      expect(staleSince(lead({ assignedAt: since }), SETTINGS, NOW)).toEqual({
        basis: 'assigned',
        since,
      });
    });

    it('is not stale when assigned 6 days ago', () => {
      expect(staleSince(lead({ assignedAt: ago(6 * DAY_MS) }), SETTINGS, NOW)).toBeUndefined();
    });
  });

  describe('measured from entry when nobody owns it', () => {
    it('is stale when entered 8 days ago', () => {
      const since = ago(8 * DAY_MS);
      const cells = lead({ owner: '', assignedAt: '', enteredAt: since });
      expect(staleSince(cells, SETTINGS, NOW)).toEqual({ basis: 'entered', since });
    });

    it('is not stale when entered 3 days ago', () => {
      const cells = lead({ owner: '  ', assignedAt: '', enteredAt: ago(3 * DAY_MS) });
      expect(staleSince(cells, SETTINGS, NOW)).toBeUndefined();
    });
  });

  describe('leads that never go to the pool', () => {
    it.each(['成交', 'Won', '未成交', 'Lost'])('is never stale when %s, however old', (status) => {
      const cells = lead({ status, lastFollowUpAt: ago(31 * DAY_MS) });
      expect(staleSince(cells, SETTINGS, NOW)).toBeUndefined();
    });

    it('is never stale in a pool-exempt status', () => {
      const settings: PoolSettings = {
        ...SETTINGS,
        poolExemptStatuses: [...SETTINGS.poolExemptStatuses, 'nurturing'],
      };
      const cells = lead({ status: '培育中', lastFollowUpAt: ago(30 * DAY_MS) });
      expect(staleSince(cells, settings, NOW)).toBeUndefined();
      expect(staleSince(cells, SETTINGS, NOW)?.basis).toBe('lastFollowUp');
    });
  });

  describe('statuses that count as open', () => {
    it('treats a blank status as a new lead', () => {
      const cells = lead({ status: '', assignedAt: ago(8 * DAY_MS) });
      expect(staleSince(cells, SETTINGS, NOW)?.basis).toBe('assigned');
    });

    it('treats unreadable status text as open, so the lead is not forgotten', () => {
      const cells = lead({ status: 'call back later', assignedAt: ago(8 * DAY_MS) });
      expect(staleSince(cells, SETTINGS, NOW)?.basis).toBe('assigned');
    });
  });

  describe('dates it cannot measure from', () => {
    it('is not stale when the owner has no Assigned at', () => {
      expect(staleSince(lead({ assignedAt: '' }), SETTINGS, NOW)).toBeUndefined();
    });

    it('is not stale when the last follow-up holds text, however old the assignment', () => {
      const cells = lead({ lastFollowUpAt: 'last week', assignedAt: ago(60 * DAY_MS) });
      expect(staleSince(cells, SETTINGS, NOW)).toBeUndefined();
    });

    it('is not stale when Entered at of an unowned lead is a number', () => {
      const cells = lead({ owner: '', assignedAt: '', enteredAt: 45_000 });
      expect(staleSince(cells, SETTINGS, NOW)).toBeUndefined();
    });

    it('is not stale when the date is an invalid Date', () => {
      const cells = lead({ lastFollowUpAt: new Date('not a date') });
      expect(staleSince(cells, SETTINGS, NOW)).toBeUndefined();
    });
  });

  describe('with pool days from Settings', () => {
    const settings: PoolSettings = { ...SETTINGS, poolDays: 3 };

    it('is stale after more than 3 × 24 hours', () => {
      const since = ago(3 * DAY_MS + HOUR_MS);
      expect(staleSince(lead({ lastFollowUpAt: since }), settings, NOW)).toEqual({
        basis: 'lastFollowUp',
        since,
      });
    });

    it('is not stale at exactly 3 × 24 hours', () => {
      const cells = lead({ lastFollowUpAt: ago(3 * DAY_MS) });
      expect(staleSince(cells, settings, NOW)).toBeUndefined();
    });

    it('is not stale after 5 days when pool days are 10', () => {
      const cells = lead({ lastFollowUpAt: ago(5 * DAY_MS) });
      expect(staleSince(cells, { ...SETTINGS, poolDays: 10 }, NOW)).toBeUndefined();
    });
  });
});

describe('poolReason', () => {
  it('names each basis in Chinese', () => {
    expect(poolReason('lastFollowUp', 7, 'zh')).toBe('7天未跟进');
    expect(poolReason('assigned', 7, 'zh')).toBe('分配后7天未跟进');
    expect(poolReason('entered', 7, 'zh')).toBe('录入后7天无人认领');
  });

  it('names each basis in English', () => {
    expect(poolReason('lastFollowUp', 7, 'en')).toBe('No follow-up for 7 days');
    expect(poolReason('assigned', 7, 'en')).toBe('Not followed up within 7 days of assignment');
    expect(poolReason('entered', 7, 'en')).toBe('Unclaimed for 7 days after entry');
  });

  it('states the pool days from Settings', () => {
    expect(poolReason('lastFollowUp', 3, 'zh')).toBe('3天未跟进');
    expect(poolReason('assigned', 10, 'en')).toBe('Not followed up within 10 days of assignment');
  });

  it('says "1 day" in English for a one-day pool', () => {
    expect(poolReason('entered', 1, 'en')).toBe('Unclaimed for 1 day after entry');
  });
});
