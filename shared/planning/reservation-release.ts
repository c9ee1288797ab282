import { z } from 'zod';
import type { CourtCalendar } from '../calendar/court-calendar';

export const MIN_RESERVATION_RELEASE_WORKING_DAYS = 0;
export const MAX_RESERVATION_RELEASE_WORKING_DAYS = 10;

/**
 * The day unfilled reserved slots go back to the court: the N-th working day before the session
 * (N = 0: the session day itself). Weekends and (equivalent) holidays are skipped, so the court
 * always has N working days to fill the released slots with filler cases.
 */
export function releaseDueOn(sessionDate: string, workingDays: number, calendar: Pick<CourtCalendar, 'addWorkingDays'>): string {
  if (!Number.isInteger(workingDays) || workingDays < MIN_RESERVATION_RELEASE_WORKING_DAYS || workingDays > MAX_RESERVATION_RELEASE_WORKING_DAYS) {
    throw new RangeError(`Aantal werkdagen voor vrijgave moet een geheel getal van ${MIN_RESERVATION_RELEASE_WORKING_DAYS} t/m ${MAX_RESERVATION_RELEASE_WORKING_DAYS} zijn (${workingDays})`);
  }
  return calendar.addWorkingDays(sessionDate, -workingDays);
}

/** An open reservation is due for automatic release from its release date on (dates compare as text). */
export function isReleaseDue(reservation: { releaseDueOn: string; releasedAt: string | null }, today: string): boolean {
  return reservation.releasedAt === null && reservation.releaseDueOn <= today;
}

/** The district setting: working days before a session that unfilled reserved slots are released. */
export const reservationReleaseWorkingDaysSchema = z
  .number({ message: 'Vul het aantal werkdagen voor vrijgave van reserveringen in' })
  .int('Het aantal werkdagen voor vrijgave van reserveringen moet een geheel getal zijn')
  .min(MIN_RESERVATION_RELEASE_WORKING_DAYS, `Het aantal werkdagen voor vrijgave van reserveringen is minstens ${MIN_RESERVATION_RELEASE_WORKING_DAYS}`)
  .max(MAX_RESERVATION_RELEASE_WORKING_DAYS, `Het aantal werkdagen voor vrijgave van reserveringen is hoogstens ${MAX_RESERVATION_RELEASE_WORKING_DAYS}`);
