import { format } from 'date-fns';
import { nl } from 'date-fns/locale';

/** 'YYYY-MM-DD' as '3 september 2026'. */
export function formatDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return format(new Date(y!, m! - 1, d!), 'd MMMM yyyy', { locale: nl });
}

/** An ISO instant as '3 sep 2026 14:05' in the viewer's (Amsterdam) time. */
export function formatMoment(instant: string): string {
  return format(new Date(instant), 'd MMM yyyy HH:mm', { locale: nl });
}
