import { addDays, addWeeks, format, parseISO, startOfISOWeek } from 'date-fns';
import { isValidLocalDate } from '../../../../shared/calendar/local-date';

const iso = (date: Date) => format(date, 'yyyy-MM-dd');

export const mondayOf = (date: Date): string => iso(startOfISOWeek(date));
export const shiftWeek = (monday: string, weeks: number): string => iso(addWeeks(parseISO(monday), weeks));

/** The week in the address bar (?week=YYYY-MM-DD, any day of it), or this week. */
export function weekFromParam(param: string | null, today: Date): string {
  return param && isValidLocalDate(param) ? mondayOf(parseISO(param)) : mondayOf(today);
}

/** How far ahead the move dialog offers sessions: the coming six weeks (the planning horizon). */
export const MOVE_HORIZON_DAYS = 41;

/**
 * The sessions a case can be moved to: from today through the coming six weeks, and the whole shown
 * week when that lies further ahead (never the past: a session that has been can take no case).
 */
export function moveWindow(today: Date, weekEnd: string): { from: string; to: string } {
  const horizon = iso(addDays(today, MOVE_HORIZON_DAYS));
  return { from: iso(today), to: weekEnd > horizon ? weekEnd : horizon };
}
