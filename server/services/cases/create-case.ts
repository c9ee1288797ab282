import { eq } from 'drizzle-orm';
import type { CaseIntake } from '../../../shared/intake/case-intake';
import type { AppDatabase } from '../../../db/open-database';
import { criminalCases } from '../../../db/schema';
import { checkCaseDates } from '../../../shared/intake/plausibility';
import { ServiceError } from '../service-error';
import { loadDeadlineContext } from '../settings/district-settings';
import { createIntakeWriter } from './insert-intake';
import { firstRow, inTransaction } from '../context/query-results';

/** A case entered in the intake form. A parketnummer that exists already is refused, never doubled. */
export async function createCase(db: AppDatabase, intake: CaseIntake, actor: string, now: Date): Promise<{ id: number }> {
  refuseImplausibleDates(intake, now);
  const context = await loadDeadlineContext(db);
  return await inTransaction(db, async (tx) => {
    const existing = firstRow(await tx.select({ id: criminalCases.id }).from(criminalCases).where(eq(criminalCases.parketnummer, intake.parketnummer)));
    if (existing) throw new ServiceError('CONFLICT', `Parketnummer ${intake.parketnummer} is al ingevoerd (zaak ${existing.id}).`);
    return { id: createIntakeWriter(db, context, now)(intake, { actor, source: 'form' }) };
  });
}

/** Dates that cannot be true (future, centuries ago, a suspect under twelve: art. 486 Sv) are refused, each by its field. */
export function refuseImplausibleDates(intake: CaseIntake, now: Date): void {
  const issues = checkCaseDates({ ...intake, dateOfBirth: intake.suspect.dateOfBirth }, now.getTime());
  if (issues.length === 0) return;
  throw new ServiceError('INVALID_INPUT', `De invoer is niet geldig: ${issues.map((i) => i.message).join('. ')}.`, issues);
}
