import { eq } from 'drizzle-orm';
import type { CaseIntake } from '../../../shared/intake/case-intake';
import type { AppDatabase } from '../../../db/open-database';
import { criminalCases, suspects } from '../../../db/schema';
import { checkCaseDates } from '../../../shared/intake/plausibility';
import { ServiceError } from '../service-error';
import { loadDeadlineContext } from '../settings/district-settings';
import { recordAudit } from '../audit';
import type { DeadlineContext } from '../settings/district-settings';
import { intakeDerivedValues, utc } from './derived-values';
import { firstRow, inTransaction, returnedRow } from '../context/query-results';

/** A case entered in the intake form. A parketnummer that exists already is refused, never doubled. */
export async function createCase(db: AppDatabase, intake: CaseIntake, actor: string, now: Date): Promise<{ id: number }> {
  refuseImplausibleDates(intake, now);
  const context = await loadDeadlineContext(db);
  return await inTransaction(db, async (tx) => {
    const existing = firstRow(await tx.select({ id: criminalCases.id }).from(criminalCases).where(eq(criminalCases.parketnummer, intake.parketnummer)));
    if (existing) throw new ServiceError('CONFLICT', `Parketnummer ${intake.parketnummer} is al ingevoerd (zaak ${existing.id}).`);
    return { id: await insertFormIntake(tx, intake, context, actor, now) };
  });
}

/**
 * One intake from the form, the same rows the import's writer (insert-intake.ts) makes, through queries
 * that run on both engines (the import's prepared statements are SQLite's own, kept for its speed).
 */
async function insertFormIntake(tx: AppDatabase, intake: CaseIntake, context: DeadlineContext, actor: string, now: Date): Promise<number> {
  const { suspect } = intake;
  const { id: suspectId } = returnedRow(await tx.insert(suspects)
    .values({ fullName: suspect.fullName, dateOfBirth: suspect.dateOfBirth, summonsAddress: suspect.summonsAddress, lawyerName: suspect.lawyerName })
    .returning({ id: suspects.id }));
  // A new case has no preconditions yet.
  const { events, limits } = intakeDerivedValues(intake, context);
  const { id: caseId } = returnedRow(await tx.insert(criminalCases)
    .values({
      parketnummer: intake.parketnummer,
      suspectId,
      modality: intake.modality,
      fillerKind: intake.fillerKind,
      status: 'intake',
      policeUnit: intake.policeUnit,
      offenceSummary: intake.offenceSummary,
      offenceAt: utc(intake.offenceAt),
      arrestedAt: events.arrestedAt,
      custodyOrderedAt: events.custodyOrderedAt,
      custodyExtendedAt: events.custodyExtendedAt,
      remandOrderedAt: events.remandOrderedAt,
      summonsServedAt: events.summonsServedAt,
      shortTermConsent: intake.shortTermConsent,
      coDefendantGroup: intake.coDefendantGroup,
      estimatedMinutes: intake.estimatedMinutes,
      voorgeleidingBy: limits.voorgeleidingBy,
      hearingBy: limits.hearingBy,
      hearingFrom: limits.hearingFrom,
      hearingTargetBy: limits.hearingTargetBy,
      nextLimit: limits.nextLimit,
      nextLimitKind: limits.nextLimitKind,
      queueOrder: limits.queueOrder,
      planningGaps: limits.planningGaps,
      readyFrom: limits.readyFrom,
      // Registered at the moment of the operation (its clock), as its audit row says; not the machine's.
      createdAt: now.toISOString(),
    })
    .returning({ id: criminalCases.id }));
  await recordAudit(tx, {
    occurredAt: now.toISOString(),
    actor,
    action: 'case.created',
    entityType: 'case',
    entityId: caseId,
    details: { source: 'form', parketnummer: intake.parketnummer, modality: intake.modality },
  });
  return caseId;
}

/** Dates that cannot be true (future, centuries ago, a suspect under twelve: art. 486 Sv) are refused, each by its field. */
export function refuseImplausibleDates(intake: CaseIntake, now: Date): void {
  const issues = checkCaseDates({ ...intake, dateOfBirth: intake.suspect.dateOfBirth }, now.getTime());
  if (issues.length === 0) return;
  throw new ServiceError('INVALID_INPUT', `De invoer is niet geldig: ${issues.map((i) => i.message).join('. ')}.`, issues);
}
