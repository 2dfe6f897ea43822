// When the hourly job rebuilds the Analysis: once a day at the Settings hour, in the zone.

import { analysisDue } from '../../../src/method/analysis/analysisSchedule';
import { cachedTimeZone } from '../../../src/sheet/calendar';

const SHANGHAI = cachedTimeZone('Asia/Shanghai', () => 8 * 60);
/** A wall time in Shanghai. */
const at = (text: string) => new Date(`${text}+08:00`);

describe('analysisDue', () => {
  it('is due when the Analysis was never rebuilt', () => {
    expect(analysisDue(undefined, at('2024-05-10T03:00:00'), SHANGHAI, 7)).toBe(true);
  });

  it('is due once the hour has passed and the last rebuild was before it', () => {
    expect(analysisDue(at('2024-05-09T07:10:00'), at('2024-05-10T07:05:00'), SHANGHAI, 7)).toBe(
      true,
    );
    expect(analysisDue(at('2024-05-10T06:59:00'), at('2024-05-10T08:00:00'), SHANGHAI, 7)).toBe(
      true,
    );
  });

  it('is not due again the same day after the rebuild', () => {
    expect(analysisDue(at('2024-05-10T07:05:00'), at('2024-05-10T08:05:00'), SHANGHAI, 7)).toBe(
      false,
    );
    expect(analysisDue(at('2024-05-10T07:05:00'), at('2024-05-10T23:59:00'), SHANGHAI, 7)).toBe(
      false,
    );
  });

  it('before the hour, looks back to yesterday’s hour, across a month end', () => {
    expect(analysisDue(at('2024-04-30T09:00:00'), at('2024-05-01T03:00:00'), SHANGHAI, 7)).toBe(
      false,
    );
    expect(analysisDue(at('2024-04-30T06:00:00'), at('2024-05-01T03:00:00'), SHANGHAI, 7)).toBe(
      true,
    );
  });

  it('takes the hour in the spreadsheet’s zone, not UTC', () => {
    // 07:30 in Shanghai is 23:30 UTC the day before.
    expect(analysisDue(at('2024-05-09T08:00:00'), at('2024-05-10T07:30:00'), SHANGHAI, 7)).toBe(
      true,
    );
  });
});
