import type { AppDatabase } from '../../../db/open-database';
import { auditEvents, criminalCases, suspects } from '../../../db/schema';
import type { DeadlineContext } from '../settings/district-settings';
import { intakeDerivedValues, utc } from './derived-values';
import type { IntakeAudit, IntakeToWrite } from './insert-intake';

/** Rows per INSERT: a case row binds 26 values, PostgreSQL takes at most 65,535 per statement. */
const BATCH = 500;

/**
 * The rows insertIntakes writes (suspect, case with its derived columns, audit row naming file and
 * row), through queries that run on both engines: the import on the district server (PostgreSQL),
 * whose search index follows the cases by a statement trigger (db/pg-migrations/0003), so nothing is
 * deferred. insertIntakes, with SQLite's own prepared statements and explicit ids, stays the desktop's.
 * Inside the caller's write transaction. Returns the new case ids in the order of `items`.
 */
export async function insertIntakesPortable(db: AppDatabase, context: DeadlineContext, now: Date, audit: Omit<IntakeAudit, 'row'>, items: readonly IntakeToWrite[]): Promise<number[]> {
  const occurredAt = now.toISOString();
  const caseIds: number[] = [];
  for (let start = 0; start < items.length; start += BATCH) {
    const batch = items.slice(start, start + BATCH);
    // A multi-row INSERT ... RETURNING gives its rows in the order of its VALUES.
    const suspectIds = await db
      .insert(suspects)
      .values(batch.map(({ intake: { suspect } }) => ({ fullName: suspect.fullName, dateOfBirth: suspect.dateOfBirth, summonsAddress: suspect.summonsAddress, lawyerName: suspect.lawyerName })))
      .returning({ id: suspects.id });
    const cases = await db
      .insert(criminalCases)
      .values(
        batch.map(({ intake, limits: given, events: stored }, i) => {
          const { events, limits } = given ? { events: stored ?? intakeDerivedValues(intake, context).events, limits: given } : intakeDerivedValues(intake, context);
          return {
            parketnummer: intake.parketnummer,
            suspectId: suspectIds[i]!.id,
            modality: intake.modality,
            fillerKind: intake.fillerKind,
            status: 'intake' as const,
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
            createdAt: occurredAt,
            ...limits,
          };
        }),
      )
      .returning({ id: criminalCases.id, parketnummer: criminalCases.parketnummer });
    await db.insert(auditEvents).values(
      batch.map(({ intake, row }, i) => ({
        occurredAt,
        actor: audit.actor,
        action: 'case.created',
        entityType: 'case',
        entityId: cases[i]!.id,
        details: { source: audit.source, parketnummer: intake.parketnummer, modality: intake.modality, ...(audit.file ? { file: audit.file, row } : {}) },
      })),
    );
    for (const { id } of cases) caseIds.push(id);
  }
  return caseIds;
}
