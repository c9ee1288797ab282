import { and, eq, ne, or } from 'drizzle-orm';
import type { AppDatabase } from '../../../db/open-database';
import { courtrooms, courtSessions, persons } from '../../../db/schema';
import type { OperationOutput, ParsedInput } from '../../../shared/api/contract';
import { isJudgeRole, PERSON_ROLE_LABELS } from '../../../shared/domain/person';
import { recordAudit } from '../audit';
import { ServiceError } from '../service-error';
import { describeAbsence, overlappingAbsences, type PersonRow, type Tx } from '../people/person-writes';
import { firstRow, inTransaction } from '../context/query-results';

type SessionRow = typeof courtSessions.$inferSelect;

/**
 * Sets (or clears) the judge or prosecutor of a session. The role must fit. Someone who is away that
 * day or already on an overlapping session is only assigned when the coordinator confirms, with a
 * reason; the audit trail then records what was overridden.
 */
export async function assignSession(db: AppDatabase, input: ParsedInput<'sessions.assign'>, actor: string, now: Date): Promise<OperationOutput<'sessions.assign'>> {
  return await inTransaction(db, async (tx) => {
    const session = firstRow(await tx.select().from(courtSessions).where(eq(courtSessions.id, input.sessionId)));
    if (!session) throw new ServiceError('NOT_FOUND', `Zitting ${input.sessionId} bestaat niet.`);
    if (session.status !== 'scheduled') throw new ServiceError('CONFLICT', 'Deze zitting is vervallen; daar wordt niemand meer ingedeeld.');
    const column = input.role === 'judge' ? 'judgeId' : 'prosecutorId';
    const previous = session[column];
    if (previous === input.personId) return { status: 'unchanged', warnings: [] };

    let warnings: string[] = [];
    if (input.personId !== null) {
      const person = firstRow(await tx.select().from(persons).where(eq(persons.id, input.personId)));
      if (!person) throw new ServiceError('NOT_FOUND', `Persoon ${input.personId} bestaat niet.`);
      if (!person.active) throw new ServiceError('CONFLICT', `${person.name} is niet meer actief op het rooster.`);
      if (isJudgeRole(person.role) !== (input.role === 'judge')) {
        const wanted = input.role === 'judge' ? 'rechter (politierechter of RC als politierechter)' : 'officier van justitie';
        throw new ServiceError('CONFLICT', `${person.name} is ${PERSON_ROLE_LABELS[person.role].toLowerCase()} en kan niet als ${wanted} worden ingedeeld.`);
      }
      warnings = await assignmentWarnings(tx, person, session);
      if (warnings.length > 0 && !input.confirm) return { status: 'needs_confirmation', warnings };
    }

    await tx.update(courtSessions).set({ [column]: input.personId }).where(eq(courtSessions.id, session.id));
    const what = input.role === 'judge' ? 'judge' : 'prosecutor';
    await recordAudit(tx, {
      actor,
      action: input.personId === null ? `session.${what}_unassigned` : `session.${what}_assigned`,
      entityType: 'court_session',
      entityId: session.id,
      reason: input.reason || null,
      details: { personId: input.personId, previousPersonId: previous, ...(warnings.length > 0 ? { overridden: warnings, confirmed: true } : {}) },
      occurredAt: now.toISOString(),
    });
    return { status: 'assigned', warnings };
  });
}

/** Why assigning this person to this session needs confirmation, in Dutch; empty when it does not. */
async function assignmentWarnings(tx: Tx, person: PersonRow, session: SessionRow): Promise<string[]> {
  const warnings = (await overlappingAbsences(tx, person.id, { fromDate: session.date, toDate: session.date })).map(
    (a) => `${person.name} is afwezig op ${describeAbsence(a)}.`,
  );
  const sameDay = (await tx
    .select({ id: courtSessions.id, startTime: courtSessions.startTime, endTime: courtSessions.endTime, room: courtrooms.name })
    .from(courtSessions)
    .innerJoin(courtrooms, eq(courtrooms.id, courtSessions.courtroomId))
    .where(
      and(
        eq(courtSessions.date, session.date),
        eq(courtSessions.status, 'scheduled'),
        ne(courtSessions.id, session.id),
        or(eq(courtSessions.judgeId, person.id), eq(courtSessions.prosecutorId, person.id)),
      ),
    ));
  for (const other of sameDay) {
    if (other.startTime < session.endTime && session.startTime < other.endTime) {
      warnings.push(`${person.name} staat al op de zitting in ${other.room} van ${other.startTime} tot ${other.endTime}, die overlapt met deze zitting.`);
    }
  }
  return warnings;
}
