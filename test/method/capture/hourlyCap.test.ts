// The web form's hourly cap.

import { admitToHourlyCap } from '../../../src/method/capture/hourlyCap';

const AT = new Date('2024-05-10T02:15:00Z');
const HOUR = Math.floor(AT.getTime() / 3_600_000);

describe('admitToHourlyCap', () => {
  it('admits the first lead of an hour and counts it', () => {
    expect(admitToHourlyCap(null, AT, 200)).toEqual({
      admitted: true,
      count: { hour: HOUR, count: 1 },
    });
  });

  it('admits up to the limit, then refuses without counting', () => {
    expect(admitToHourlyCap({ hour: HOUR, count: 1 }, AT, 2).admitted).toBe(true);
    expect(admitToHourlyCap({ hour: HOUR, count: 2 }, AT, 2)).toEqual({
      admitted: false,
      count: { hour: HOUR, count: 2 },
    });
  });

  it('starts afresh in a new hour, and on a damaged count', () => {
    expect(admitToHourlyCap({ hour: HOUR - 1, count: 2 }, AT, 2).count).toEqual({
      hour: HOUR,
      count: 1,
    });
    expect(admitToHourlyCap({ hour: HOUR, count: 'x' }, AT, 2).count.count).toBe(1);
  });

  it('admits nothing with a limit of 0', () => {
    expect(admitToHourlyCap(null, AT, 0).admitted).toBe(false);
  });
});
