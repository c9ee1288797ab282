import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** Today's calendar date in Europe/Amsterdam, whatever the machine's own time zone. */
export function amsterdamToday(now: Date = new Date()): string {
  return format(new TZDate(now.getTime(), 'Europe/Amsterdam'), 'yyyy-MM-dd');
}
