import { addWeeks, format, parseISO, startOfISOWeek } from 'date-fns';
import { isValidLocalDate } from '../../../../shared/calendar/local-date';

const iso = (date: Date) => format(date, 'yyyy-MM-dd');

export const mondayOf = (date: Date): string => iso(startOfISOWeek(date));
export const shiftWeek = (monday: string, weeks: number): string => iso(addWeeks(parseISO(monday), weeks));

/** The week in the address bar (?week=YYYY-MM-DD, any day of it), or this week. */
export function weekFromParam(param: string | null, today: Date): string {
  return param && isValidLocalDate(param) ? mondayOf(parseISO(param)) : mondayOf(today);
}
