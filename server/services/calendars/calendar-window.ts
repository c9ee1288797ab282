import { addDays } from '../../../shared/calendar/local-date';

/** The window of sessions in a calendar: 8 weeks back to 26 weeks ahead of the clock's today (said in the file). */
export const CALENDAR_WEEKS_BACK = 8;
export const CALENDAR_WEEKS_AHEAD = 26;

export function calendarWindow(today: string): { from: string; to: string } {
  return { from: addDays(today, -7 * CALENDAR_WEEKS_BACK), to: addDays(today, 7 * CALENDAR_WEEKS_AHEAD) };
}
