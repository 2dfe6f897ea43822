// Derives Urgency from Expected close against today (SPEC §2), in calendar dates of the sheet's zone.

import { type CalendarDate, addMonths, compareDates } from '../../sheet/calendar';
import type { UrgencyKey } from '../../sheet/options';

/**
 * On or before the same day next month (or already past) → within 1 month; on or before the same
 * day three months on → 1-3 months; later → over 3 months.
 */
export function urgencyFor(expectedClose: CalendarDate, today: CalendarDate): UrgencyKey {
  if (compareDates(expectedClose, addMonths(today, 1)) <= 0) return 'within1Month';
  if (compareDates(expectedClose, addMonths(today, 3)) <= 0) return 'oneToThreeMonths';
  return 'over3Months';
}
