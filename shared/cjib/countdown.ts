import { amsterdamDate, MS_PER_HOUR } from '../calendar/amsterdam-time';
import type { CourtCalendar } from '../calendar/court-calendar';
import { dutchDay } from './dutch-day';

export interface Countdown {
  /** The limit as an instant in UTC. */
  dueAt: string;
  overdue: boolean;
  /** Working days from today to the limit's day (negative when passed). */
  workingDays: number;
  /** Whole hours left (negative when passed). */
  hours: number;
  /** In words, so the state never hangs on colour: 'nog 6 werkdagen (tot di 14 apr)', 'te laat: ...'. */
  text: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Time left to a limit in working days, or in hours on its last day; 'te laat' once it has passed. */
export function countdownTo(dueAt: number, now: number, calendar: CourtCalendar): Countdown {
  const dueDay = amsterdamDate(dueAt);
  const workingDays = calendar.workingDaysBetween(amsterdamDate(now), dueDay);
  const hours = Math.floor((dueAt - now) / MS_PER_HOUR);
  const overdue = now > dueAt;
  let text: string;
  if (overdue) {
    const late = Math.max(0, -workingDays);
    text = late > 0 ? `te laat: termijn verliep ${dutchDay(dueDay)} (${plural(late, 'werkdag', 'werkdagen')} geleden)` : `te laat: termijn verliep ${dutchDay(dueDay)}`;
  } else if (hours < 24) {
    text = `nog ${plural(hours, 'uur', 'uur')} (tot ${dutchDay(dueDay)} 23:59)`;
  } else {
    text = `nog ${plural(workingDays, 'werkdag', 'werkdagen')} (tot ${dutchDay(dueDay)})`;
  }
  return { dueAt: new Date(dueAt).toISOString(), overdue, workingDays, hours, text };
}

/** How long something has waited: 'sinds di 14 apr (3 werkdagen)'. */
export function waitingSince(since: number, now: number, calendar: CourtCalendar): { workingDays: number; text: string } {
  const day = amsterdamDate(since);
  const workingDays = Math.max(0, calendar.workingDaysBetween(day, amsterdamDate(now)));
  return { workingDays, text: `sinds ${dutchDay(day)} (${plural(workingDays, 'werkdag', 'werkdagen')})` };
}
