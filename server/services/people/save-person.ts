import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../../../db/open-database';
import { persons } from '../../../db/schema';
import type { ParsedInput } from '../../../shared/api/contract';
import { isJudgeRole, PERSON_ROLE_LABELS } from '../../../shared/domain/person';
import { normalisePersonName } from '../../../shared/rota/rota-import-row';
import { recordAudit } from '../audit';
import { ServiceError } from '../service-error';
import { duplicatePersonMessage, findPerson, formatDutchDate, insertPerson, sessionsOfPerson } from './person-writes';
import { firstRow, inTransaction } from '../context/query-results';

const END_OF_TIME = '9999-12-31';

/** Creates a person, or renames, changes the role of, or reactivates one. Name and role are unique together. */
export async function savePerson(db: AppDatabase, input: ParsedInput<'people.save'>, actor: string, today: string, now: Date): Promise<{ id: number }> {
  const name = normalisePersonName(input.name);
  return await inTransaction(db, async (tx) => {
    const same = await findPerson(tx, name, input.role);
    if (same && same.id !== input.id) throw new ServiceError('CONFLICT', duplicatePersonMessage(same));
    if (input.id === undefined || input.id === null) return { id: await insertPerson(tx, { name, role: input.role }, actor, now) };

    const current = firstRow(await tx.select().from(persons).where(eq(persons.id, input.id)));
    if (!current) throw new ServiceError('NOT_FOUND', `Persoon ${input.id} bestaat niet.`);
    if (isJudgeRole(current.role) !== isJudgeRole(input.role)) {
      // A judge who becomes a prosecutor (or back) cannot keep the sessions of the old role.
      const planned = await sessionsOfPerson(tx, current.id, { fromDate: today, toDate: END_OF_TIME });
      if (planned.length > 0) {
        throw new ServiceError(
          'CONFLICT',
          `${current.name} staat nog op ${planned.length} zitting(en) vanaf ${formatDutchDate(planned[0]!.date)}; haal die indeling eerst weg voordat de rol ${PERSON_ROLE_LABELS[input.role].toLowerCase()} wordt.`,
        );
      }
    }
    const active = input.active ?? current.active;
    const changes = {
      ...(current.name !== name ? { name: { from: current.name, to: name } } : {}),
      ...(current.role !== input.role ? { role: { from: current.role, to: input.role } } : {}),
      ...(current.active !== active ? { active: { from: current.active, to: active } } : {}),
    };
    if (Object.keys(changes).length === 0) return { id: current.id };
    await tx.update(persons).set({ name, role: input.role, active }).where(eq(persons.id, current.id));
    await recordAudit(tx, { actor, action: 'person.updated', entityType: 'person', entityId: current.id, details: changes, occurredAt: now.toISOString() });
    return { id: current.id };
  });
}

/**
 * Takes a person off the rota (kept for the history). Refused while they are still on a coming
 * session: the coordinator assigns someone else first, so no session silently loses its judge.
 */
export async function deactivatePerson(db: AppDatabase, input: ParsedInput<'people.deactivate'>, actor: string, today: string, now: Date): Promise<{ id: number }> {
  return await inTransaction(db, async (tx) => {
    const current = firstRow(await tx.select().from(persons).where(eq(persons.id, input.id)));
    if (!current) throw new ServiceError('NOT_FOUND', `Persoon ${input.id} bestaat niet.`);
    if (!current.active) return { id: current.id };
    const planned = await sessionsOfPerson(tx, current.id, { fromDate: today, toDate: END_OF_TIME });
    if (planned.length > 0) {
      const dates = planned.slice(0, 5).map((s) => `${formatDutchDate(s.date)} ${s.room}`).join(', ');
      throw new ServiceError('CONFLICT', `${current.name} staat nog op ${planned.length} komende zitting(en) (${dates}${planned.length > 5 ? ', …' : ''}); deel daar eerst iemand anders in.`);
    }
    await tx.update(persons).set({ active: false }).where(eq(persons.id, current.id));
    await recordAudit(tx, { actor, action: 'person.deactivated', entityType: 'person', entityId: current.id, reason: input.reason || null, occurredAt: now.toISOString() });
    return { id: current.id };
  });
}
