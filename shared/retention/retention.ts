import { z } from 'zod';
import { daysInMonth, formatLocalDate, parseLocalDate } from '../calendar/local-date';
import { CASE_STATUSES, type CaseStatus } from '../domain/case-status';
import { CASE_TRANSITIONS } from '../domain/case-lifecycle';

/**
 * How long the personal data of a finished case is kept (AVG art. 5 lid 1 onder e: storage
 * limitation). Ketenplanner holds a working copy for planning; the case file itself is kept by the
 * court and the OM in their own systems under their own terms (Wjsg and the Besluit justitiële en
 * strafvorderlijke gegevens for the OM; the Archiefwet 1995 with the selection list of the
 * Rechtspraak for the court). The term of this copy is therefore for the district to set: the
 * default of 12 months is a choice, not a statutory term, to be confirmed by the district's privacy
 * officer (functionaris gegevensbescherming); `confirmed` records that it was.
 */
export const retentionTermSchema = z
  .object({
    /** 1 to 240 months (the form names the field by its label when a value is refused). */
    months: z.number().int().min(1).max(240),
    /** The privacy officer confirmed the term (until then the screen says it is a default to be confirmed). */
    confirmed: z.boolean(),
  })
  .strict();

export type RetentionTerm = z.infer<typeof retentionTermSchema>;

export const DEFAULT_RETENTION_TERM: Readonly<RetentionTerm> = Object.freeze({ months: 12, confirmed: false });

/**
 * The statuses in which a case is finished: those the lifecycle lets no case leave
 * (shared/domain/case-lifecycle.ts), today 'completed' and 'withdrawn'.
 */
export const FINISHED_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((status) => CASE_TRANSITIONS[status].length === 0);

/** What a pseudonymised suspect record holds instead of the person's data. */
export const PSEUDONYMISED_SUSPECT = Object.freeze({
  fullName: 'Gepseudonimiseerd (bewaartermijn verstreken)',
  dateOfBirth: '',
  summonsAddress: null,
  lawyerName: null,
});

/** What replaces a personal value inside stored JSON (audit details, stored answers). */
export const REMOVED_VALUE = '[verwijderd: bewaartermijn]';

/**
 * The first day that is not yet past the term: a case finished (Amsterdam calendar day) before this
 * date finished longer than `months` ago. 31 August minus 6 months is 28 (or 29) February.
 */
export function retentionCutoff(today: string, months: number): string {
  const { year, month, day } = parseLocalDate(today);
  const index = year * 12 + (month - 1) - months;
  const cutoffYear = Math.floor(index / 12);
  const cutoffMonth = (index % 12) + 1;
  return formatLocalDate(cutoffYear, cutoffMonth, Math.min(day, daysInMonth(cutoffYear, cutoffMonth)));
}
