import { TZDate } from '@date-fns/tz';
import { format, getISOWeek, parseISO } from 'date-fns';
import { nl } from 'date-fns/locale';

const numberFormat = new Intl.NumberFormat('nl-NL');
const percentFormat = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });

export const formatNumber = (n: number) => numberFormat.format(n);
export const formatPercent = (fraction: number) => percentFormat.format(fraction);

/** 'ma 16 nov' */
export const formatShortDay = (date: string) => format(parseISO(date), 'EEEEEE d MMM', { locale: nl });
/** 'maandag 16 november 2026' */
export const formatLongDay = (date: string) => format(parseISO(date), 'EEEE d MMMM yyyy', { locale: nl });

export function formatWeekRange(first: string, last: string): string {
  const a = parseISO(first);
  const b = parseISO(last);
  const sameMonth = a.getMonth() === b.getMonth();
  return `${format(a, sameMonth ? 'd' : 'd MMMM', { locale: nl })} – ${format(b, 'd MMMM yyyy', { locale: nl })}`;
}

export const isoWeekNumber = (date: string) => getISOWeek(parseISO(date));

/** An instant as a Dutch reader expects it, in Amsterdam time: 'di 14 apr. 2026 18:00'. */
export function formatInstant(iso: string): string {
  return format(new TZDate(Date.parse(iso), 'Europe/Amsterdam'), 'EEEEEE d MMM yyyy HH:mm', { locale: nl });
}

/**
 * An offence moment: with its time, or only the day when it was entered as a date (stored as 00:00
 * Amsterdam time, shared/intake/dutch-datetime.ts), so a date-only offence never reads '00:00'.
 */
export function formatOffenceMoment(iso: string): string {
  const local = new TZDate(Date.parse(iso), 'Europe/Amsterdam');
  return local.getHours() === 0 && local.getMinutes() === 0 ? format(local, 'EEEEEE d MMM yyyy', { locale: nl }) : formatInstant(iso);
}

/** A month 'YYYY-MM' as 'september 2026'. */
export const formatMonth = (month: string) => format(parseISO(`${month}-01`), 'MMMM yyyy', { locale: nl });

/** A calendar date 'YYYY-MM-DD' as '3 juli 1994'. */
export const formatDate = (date: string) => format(parseISO(date), 'd MMMM yyyy', { locale: nl });

/** An instant in the notation the forms accept, Amsterdam time: '14-04-2026 18:05'. */
export function formatForInput(iso: string): string {
  return format(new TZDate(Date.parse(iso), 'Europe/Amsterdam'), 'dd-MM-yyyy HH:mm');
}
