import { and, asc, eq, gte } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/api/contract';
import type { CapacityClosure, CapacitySession } from '../../../shared/capacity/capacity-schemas';
import { dutchDate } from '../../../shared/capacity/capacity-labels';
import type { AppDatabase } from '../../../db/open-database';
import { courtLocations, courtrooms, courtSessions, locationClosures } from '../../../db/schema';
import { recordAudit } from '../audit';
import { ServiceError } from '../service-error';
import { selectSessions } from './capacity-rows';
import { firstRow, inTransaction, returnedRow } from '../context/query-results';

function closureFromRow(row: typeof locationClosures.$inferSelect): CapacityClosure {
  return { id: row.id, locationId: row.locationId, date: row.date, reason: row.reason, createdBy: row.createdBy };
}

/**
 * Closes a location for a day: no session is generated there. Sessions already on that day are not
 * removed (cases may be planned on them): they are returned so the coordinator can cancel or move them.
 */
export async function addClosure(
  db: AppDatabase,
  input: ParsedInput<'capacity.addClosure'>,
  actor: string,
  today: string,
  now: Date,
): Promise<{ closure: CapacityClosure; sessionsOnThatDay: CapacitySession[] }> {
  if (input.date < today) throw new ServiceError('INVALID_INPUT', `Datum: ${dutchDate(input.date)} ligt in het verleden`);
  return await inTransaction(db, async (tx) => {
    const location = firstRow(await tx.select().from(courtLocations).where(eq(courtLocations.id, input.locationId)));
    if (!location) throw new ServiceError('NOT_FOUND', `Locatie nummer ${input.locationId} bestaat niet.`);
    const existing = firstRow(await tx
      .select()
      .from(locationClosures)
      .where(and(eq(locationClosures.locationId, input.locationId), eq(locationClosures.date, input.date))));
    if (existing) throw new ServiceError('CONFLICT', `${location.name} is op ${dutchDate(input.date)} al gesloten (${existing.reason}).`);
    const row = returnedRow(await tx.insert(locationClosures).values({ locationId: input.locationId, date: input.date, reason: input.reason, createdBy: actor }).returning());
    const sessionsOnThatDay = await selectSessions(
      tx,
      and(eq(courtrooms.locationId, input.locationId), eq(courtSessions.date, input.date), eq(courtSessions.status, 'scheduled')),
    );
    await recordAudit(tx, {
      actor,
      action: 'closure.added',
      entityType: 'location_closure',
      entityId: row.id,
      reason: input.reason,
      details: { locationId: input.locationId, date: input.date, sessionsOnThatDay: sessionsOnThatDay.map((s) => s.id) },
      occurredAt: now.toISOString(),
    });
    return { closure: closureFromRow(row), sessionsOnThatDay };
  });
}

/** Opens the location again on that day; later generation may then make sessions there. */
export async function removeClosure(db: AppDatabase, input: ParsedInput<'capacity.removeClosure'>, actor: string, now: Date): Promise<CapacityClosure> {
  return await inTransaction(db, async (tx) => {
    const row = firstRow(await tx.select().from(locationClosures).where(eq(locationClosures.id, input.closureId)));
    if (!row) throw new ServiceError('NOT_FOUND', `Sluiting ${input.closureId} bestaat niet (meer).`);
    await tx.delete(locationClosures).where(eq(locationClosures.id, row.id));
    await recordAudit(tx, {
      actor,
      action: 'closure.removed',
      entityType: 'location_closure',
      entityId: row.id,
      details: { locationId: row.locationId, date: row.date, reason: row.reason },
      occurredAt: now.toISOString(),
    });
    return closureFromRow(row);
  });
}

export async function listClosuresFrom(db: Pick<AppDatabase, 'select'>, from: string): Promise<CapacityClosure[]> {
  return (await db
    .select()
    .from(locationClosures)
    .where(gte(locationClosures.date, from))
    .orderBy(asc(locationClosures.date), asc(locationClosures.locationId)))
    .map(closureFromRow);
}
