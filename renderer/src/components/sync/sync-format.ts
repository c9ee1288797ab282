import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { nl } from 'date-fns/locale';

const AMSTERDAM = 'Europe/Amsterdam';

/**
 * An instant for the connection line, in Amsterdam time: '10:42' today, 'vr 4 dec 10:42' on another day
 * (an offline desktop's data can be days old).
 */
export function formatSyncMoment(iso: string, now: Date): string {
  const moment = new TZDate(Date.parse(iso), AMSTERDAM);
  const today = new TZDate(now.getTime(), AMSTERDAM);
  const sameDay = format(moment, 'yyyy-MM-dd') === format(today, 'yyyy-MM-dd');
  return format(moment, sameDay ? 'HH:mm' : 'EEEEEE d MMM HH:mm', { locale: nl });
}
