// Derives Urgency from Expected close against today (SPEC §2), in calendar dates of the sheet's zone.

import { type CalendarDate, addMonths, compareDates } from '../../sheet/calendar';
import type { UrgencyKey } from '../../sheet/options';

/**
 * On or before the same day next month (or already past) → within 1 month; on or before the same
 * day three months on → 1-3 months; later → over 3 months.
 */
export function urgencyFor(expectedClose: CalendarDate, today: CalendarDate): UrgencyKey {
  const { oneMonth, threeMonths } = thresholdsFrom(today);
  if (compareDates(expectedClose, oneMonth) <= 0) return 'within1Month';
  if (compareDates(expectedClose, threeMonths) <= 0) return 'oneToThreeMonths';
  return 'over3Months';
}

/** The last day of each band from the last `today` asked about: a pass asks with one today. */
let last: { today: CalendarDate; oneMonth: CalendarDate; threeMonths: CalendarDate } | undefined;

function thresholdsFrom(today: CalendarDate) {
  if (!last || compareDates(last.today, today) !== 0) {
    last = { today, oneMonth: addMonths(today, 1), threeMonths: addMonths(today, 3) };
  }
  return last;
}
