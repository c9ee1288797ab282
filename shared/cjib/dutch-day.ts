import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { nl } from 'date-fns/locale';
import { AMSTERDAM_TIME_ZONE, amsterdamDate } from '../calendar/amsterdam-time';

/** 'di 14 apr' for a calendar date (date-fns writes 'apr.'; the dots go, as in the court's lists). */
export function dutchDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return format(new TZDate(year, month - 1, day, 12, 0, AMSTERDAM_TIME_ZONE), 'EEEEEE d MMM', { locale: nl }).replace(/\./g, '');
}

/** 'di 14 apr' for the Amsterdam day of an instant. */
export function dutchDayOf(instant: number): string {
  return dutchDay(amsterdamDate(instant));
}
