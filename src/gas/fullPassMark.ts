// The day's full scoring pass, remembered in the state tab: while it holds (same day, same rules)
// the hourly job reads only the leads it may act on.

import { calendarDateOf, formatCalendarDate, type TimeZone } from '../sheet/calendar';
import type { Language } from '../sheet/language';
import type { Settings } from '../method/settings/settings';
import { type FullPassMark, fullPassCovers, rulesFingerprint } from '../method/pool/regularHour';
import { readState, STATE_KEYS, writeState } from './stateStore';

export interface ScoringMark {
  /** A full pass ran today under the rules in force now. */
  readonly covered: boolean;
  /** Leads' data rows at the last full pass, on any day; undefined before the first. */
  readonly rowsAtLastPass: number | undefined;
  /** Records that this run scored every lead under them, `rows` rows of Leads. */
  readonly remember: (rows: number) => void;
  /** Asks the next run for a full pass: cells of leads this run did not read were put right blank. */
  readonly forget: () => void;
}

export function scoringMark(context: {
  readonly settings: Settings;
  readonly language: Language;
  readonly zone: TimeZone;
  readonly now: Date;
}): ScoringMark {
  const { settings, language, zone, now } = context;
  const today = formatCalendarDate(calendarDateOf(now, zone));
  // What a score depends on besides the lead: points, thresholds, price, the breakdown's words
  // and where the columns are.
  const rules = rulesFingerprint([
    settings.points,
    settings.gradeFrom,
    settings.productPrice,
    settings.columnNames,
    language,
  ]);
  const mark = readState<FullPassMark | null>(STATE_KEYS.fullScoringPass, null);
  return {
    covered: fullPassCovers(mark, today, rules),
    rowsAtLastPass: mark?.rows,
    remember: (rows) => {
      if (!fullPassCovers(mark, today, rules) || mark?.rows !== rows)
        writeState(STATE_KEYS.fullScoringPass, { day: today, rules, rows });
    },
    forget: () => writeState(STATE_KEYS.fullScoringPass, null),
  };
}
