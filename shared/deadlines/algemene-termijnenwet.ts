import type { CourtCalendar } from '../calendar/court-calendar';
import { addDays } from '../calendar/local-date';

export interface AtwTermEnd {
  /** The last day of the term before any extension: the event day plus `days`. */
  nominalLastDay: string;
  /** The last day after the Algemene termijnenwet. */
  lastDay: string;
  /** Which article moved the end, if any. */
  extendedBy: 'none' | 'art. 1 Atw' | 'art. 2 Atw';
}

/**
 * A term of `days` days that starts on the day after the event day (the event day itself does not
 * count), extended by the Algemene termijnenwet:
 * - art. 1 Atw: a term ending on a Saturday, Sunday or recognised holiday runs on to the next day that
 *   is none of these;
 * - art. 2 Atw: a term of three days or more is extended until it contains at least two days that are
 *   none of these.
 * Not for custody limits: those are never extended (LEGAL-RULES.md).
 */
export function atwTermEnd(eventDay: string, days: number, calendar: CourtCalendar): AtwTermEnd {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`A term needs a whole number of days >= 1, not ${days}`);
  const nominalLastDay = addDays(eventDay, days);
  let lastDay = nominalLastDay;
  let extendedBy: AtwTermEnd['extendedBy'] = 'none';

  if (days >= 3) {
    // art. 2 Atw
    let workingDays = calendar.workingDaysBetween(eventDay, lastDay);
    while (workingDays < 2) {
      lastDay = addDays(lastDay, 1);
      if (calendar.isWorkingDay(lastDay)) workingDays += 1;
      extendedBy = 'art. 2 Atw';
    }
  }
  // art. 1 Atw
  while (!calendar.isWorkingDay(lastDay)) {
    lastDay = addDays(lastDay, 1);
    extendedBy = 'art. 1 Atw';
  }
  return { nominalLastDay, lastDay, extendedBy };
}
