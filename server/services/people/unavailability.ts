import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../../../db/open-database';
import { personUnavailability, persons } from '../../../db/schema';
import type { OperationOutput, ParsedInput } from '../../../shared/api/contract';
import { recordAudit } from '../audit';
import { ServiceError } from '../service-error';
import { describeAbsence, insertAbsence, overlappingAbsences, sessionsOfPerson } from './person-writes';
import { firstRow, inTransaction } from '../context/query-results';

/**
 * Records days a person is away. An absence overlapping one already recorded is refused (change or
 * remove that one instead). The answer names the sessions the person is already on in that period.
 */
export async function addUnavailability(db: AppDatabase, input: ParsedInput<'people.addUnavailability'>, actor: string, now: Date): Promise<OperationOutput<'people.addUnavailability'>> {
  return await inTransaction(db, async (tx) => {
    const person = firstRow(await tx.select().from(persons).where(eq(persons.id, input.personId)));
    if (!person) throw new ServiceError('NOT_FOUND', `Persoon ${input.personId} bestaat niet.`);
    const overlap = (await overlappingAbsences(tx, person.id, input))[0];
    if (overlap) throw new ServiceError('CONFLICT', `${person.name} is al afwezig op ${describeAbsence(overlap)}; dat overlapt met deze periode.`);
    const id = await insertAbsence(tx, person.id, { fromDate: input.fromDate, toDate: input.toDate, reason: input.reason }, actor, now);
    const affectedSessions = (await sessionsOfPerson(tx, person.id, input)).map(({ sessionId, date, room }) => ({ sessionId, date, room }));
    return { id, affectedSessions };
  });
}

export async function removeUnavailability(db: AppDatabase, input: ParsedInput<'people.removeUnavailability'>, actor: string, now: Date): Promise<{ id: number }> {
  return await inTransaction(db, async (tx) => {
    const absence = firstRow(await tx.select().from(personUnavailability).where(eq(personUnavailability.id, input.id)));
    if (!absence) throw new ServiceError('NOT_FOUND', `Afwezigheid ${input.id} bestaat niet (meer).`);
    await tx.delete(personUnavailability).where(eq(personUnavailability.id, absence.id));
    await recordAudit(tx, {
      actor,
      action: 'person.unavailability_removed',
      entityType: 'person',
      entityId: absence.personId,
      details: { unavailabilityId: absence.id, fromDate: absence.fromDate, toDate: absence.toDate, reason: absence.reason },
      occurredAt: now.toISOString(),
    });
    return { id: absence.id };
  });
}
