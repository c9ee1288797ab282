import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { nl } from 'date-fns/locale';
import { AMSTERDAM_TIME_ZONE, toAmsterdamLocal } from '../calendar/amsterdam-time';
import type { HeardModality } from '../domain/modality';

/**
 * Short Dutch times for explanations, in Europe/Amsterdam: 'di 14 apr 18:00' for a limit and
 * '13 apr' for a session day (date-fns with the nl locale writes 'apr.'; the dots go, as in the
 * court's lists). A plan formats thousands of instants on a few hundred days, so the date-fns
 * text is made once per day (and kept between plans) and the clock time is added from the
 * Amsterdam wall time.
 */
export class DutchTimeFormatter {
  /** Weekday, day, month and time: 'di 14 apr 18:00'. */
  moment(instant: number): string {
    const local = toAmsterdamLocal(instant);
    return `${dayText(local.date, true)} ${pad(local.hour)}:${pad(local.minute)}`;
  }

  /** Day and month: '13 apr'. */
  day(instant: number): string {
    return dayText(toAmsterdamLocal(instant).date, false);
  }
}

const MAX_CACHED_DAYS = 20_000;
const weekdayDays = new Map<string, string>();
const plainDays = new Map<string, string>();

function dayText(date: string, withWeekday: boolean): string {
  const cache = withWeekday ? weekdayDays : plainDays;
  let text = cache.get(date);
  if (text === undefined) {
    if (cache.size >= MAX_CACHED_DAYS) cache.clear();
    text = format(noonOf(date), withWeekday ? 'EEEEEE d MMM' : 'd MMM', { locale: nl }).replace(/\./g, '');
    cache.set(date, text);
  }
  return text;
}

function noonOf(date: string): TZDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new TZDate(year, month - 1, day, 12, 0, AMSTERDAM_TIME_ZONE);
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** How a session's acceptance of a modality reads: 'zitting die {label} accepteert'. */
export const MODALITY_LABELS: Record<HeardModality, string> = {
  supersnelrecht: 'supersnelrecht',
  snelrecht: 'snelrecht (gedetineerd)',
  snelrecht_nd: 'snelrecht niet-gedetineerd',
  filler: 'opvulzaken',
};

/** '13 apr', '13 apr en 15 apr', '13 apr, 15 apr en 17 apr', '13 apr, 15 apr, 17 apr en 2 andere'. */
export function listDays(days: readonly string[], max = 3): string {
  if (days.length <= max) {
    return days.length <= 1 ? (days[0] ?? '') : `${days.slice(0, -1).join(', ')} en ${days[days.length - 1]}`;
  }
  return `${days.slice(0, max).join(', ')} en ${days.length - max} andere`;
}
