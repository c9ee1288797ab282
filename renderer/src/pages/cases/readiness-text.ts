import { amsterdamDate } from '../../../../shared/calendar/amsterdam-time';
import { formatShortDay } from '../../i18n/format';

/** The day a ready-from moment falls on, as 'di 14 apr'. */
export const readyDay = (readyFrom: string) => formatShortDay(amsterdamDate(Date.parse(readyFrom)));
