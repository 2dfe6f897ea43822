// The rules of claiming a pool lead (SPEC §14): who may, the daily cap, the previous owner's wait.

import type { TimeZone } from '../../../src/sheet/calendar';
import { defaultSettings } from '../../../src/method/settings/settings';
import type { Person } from '../../../src/method/settings/teamIdentity';
import {
  type Claim,
  claimRefusal,
  claimsLeft,
  claimsToday,
  pendingClaim,
} from '../../../src/method/pool/claimRules';

const SHANGHAI: TimeZone = { name: 'Asia/Shanghai', offsetMinutes: () => 480 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date('2024-05-10T02:00:00Z'); // 10:00 in Shanghai
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const ZHANG: Person = { name: '张伟', email: 'zhang@example.com', manager: false, member: true };
const settings = { ...defaultSettings('zh'), claimsPerDay: 2, reclaimWaitDays: 3 };
const claimOf = (leadId: string, owner: string, at: Date): Claim => ({ leadId, owner, at });

const request = (fields: Partial<Parameters<typeof claimRefusal>[0]> = {}) =>
  claimRefusal(
    { person: ZHANG, previousOwner: '', pooledAt: ago(DAY), claims: [], now: NOW, ...fields },
    settings,
    SHANGHAI,
  );

describe('claimsToday', () => {
  it('counts the person’s claims of today’s date in the zone, by name or e-mail', () => {
    const claims = [
      claimOf('a', '张伟', ago(HOUR)),
      claimOf('b', 'zhang@example.com', ago(9 * HOUR)), // 01:00 today in Shanghai
      claimOf('c', '张伟', ago(11 * HOUR)), // 23:00 yesterday
      claimOf('d', '李娜', ago(HOUR)),
    ];
    expect(claimsToday(claims, ZHANG, NOW, SHANGHAI)).toBe(2);
    expect(claimsLeft(claims, ZHANG, settings, NOW, SHANGHAI)).toBe(0);
    expect(claimsLeft([], ZHANG, settings, NOW, SHANGHAI)).toBe(2);
  });
});

describe('claimRefusal', () => {
  it('allows a team member under the cap', () => {
    expect(request()).toBeUndefined();
  });

  it('refuses an unknown caller and someone outside the team', () => {
    expect(request({ person: undefined })).toEqual({ rule: 'whoAreYou' });
    expect(request({ person: { ...ZHANG, name: '', member: false } })).toEqual({
      rule: 'notInTeam',
    });
  });

  it('refuses everyone when claims per day is 0', () => {
    expect(
      claimRefusal(
        { person: ZHANG, previousOwner: '', pooledAt: undefined, claims: [], now: NOW },
        { ...settings, claimsPerDay: 0 },
        SHANGHAI,
      ),
    ).toEqual({ rule: 'claimingOff' });
  });

  it('refuses the claim that would pass the cap, not the one that reaches it', () => {
    const one = [claimOf('a', '张伟', ago(HOUR))];
    expect(request({ claims: one })).toBeUndefined();
    const two = [...one, claimOf('b', '张伟', ago(2 * HOUR))];
    expect(request({ claims: two })).toEqual({ rule: 'dailyCap', cap: 2 });
  });

  it('makes the previous owner wait the days after pooling, to the millisecond', () => {
    const pooledAt = ago(2 * DAY);
    expect(request({ previousOwner: '张伟', pooledAt })).toEqual({
      rule: 'reclaimWait',
      days: 3,
      from: new Date(pooledAt.getTime() + 3 * DAY),
    });
    expect(request({ previousOwner: 'ZHANG@example.com', pooledAt })?.rule).toBe('reclaimWait');
    expect(request({ previousOwner: '张伟', pooledAt: ago(3 * DAY) })).toBeUndefined();
    expect(request({ previousOwner: '李娜', pooledAt })).toBeUndefined();
    expect(
      claimRefusal(
        { person: ZHANG, previousOwner: '张伟', pooledAt, claims: [], now: NOW },
        { ...settings, reclaimWaitDays: 0 },
        SHANGHAI,
      ),
    ).toBeUndefined();
  });
});

describe('pendingClaim', () => {
  it('finds the person’s claim of the lead since it was pooled, not an older one', () => {
    const claims = [claimOf('L1', '张伟', ago(10 * DAY)), claimOf('L1', '张伟', ago(HOUR))];
    expect(pendingClaim(claims, 'L1', ZHANG, ago(DAY))?.at).toEqual(ago(HOUR));
    expect(pendingClaim(claims.slice(0, 1), 'L1', ZHANG, ago(DAY))).toBeUndefined();
    expect(pendingClaim(claims, 'L2', ZHANG, ago(DAY))).toBeUndefined();
  });
});
