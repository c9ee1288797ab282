import { eq } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/api/contract';
import type { CapacitySession } from '../../../shared/capacity/capacity-schemas';
import { acceptanceIssues, capacityIssues, minutesBetween } from '../../../shared/capacity/capacity-rules';
import { serializeList, sessionAcceptsCase } from '../../../shared/domain/session';
import type { AppDatabase } from '../../../db/open-database';
import { courtSessions, criminalCases } from '../../../db/schema';
import { recordAudit } from '../audit';
import { ServiceError } from '../service-error';
import { casesOnSession, listCases, sessionById } from '../capacity/capacity-rows';
import { changedFields, refuseIssues } from '../capacity/field-issues';
import { minorAtOffence } from '../planner/manual-placement';
import { firstRow, inTransaction } from '../context/query-results';

/**
 * Changes one session's capacity, overbooking and accepted modalities (an exception to its template).
 * Never below what is already booked, and never so that a planned case is no longer accepted.
 */
export async function updateSession(db: AppDatabase, input: ParsedInput<'sessions.update'>, actor: string, today: string, now: Date): Promise<CapacitySession> {
  return await inTransaction(db, async (tx) => {
    const before = await sessionById(tx, input.sessionId);
    if (!before) throw new ServiceError('NOT_FOUND', `Zitting ${input.sessionId} bestaat niet.`);
    if (before.status === 'cancelled') throw new ServiceError('CONFLICT', 'Deze zitting is vervallen; de capaciteit wordt niet meer gewijzigd.');
    if (before.date < today) throw new ServiceError('CONFLICT', 'Deze zitting ligt in het verleden; de capaciteit wordt niet meer gewijzigd.');
    refuseIssues([
      ...capacityIssues(input, minutesBetween(before.startTime, before.endTime)),
      ...acceptanceIssues({ sessionType: before.sessionType, acceptedModalities: input.acceptedModalities, acceptedFillerKinds: input.acceptedFillerKinds }),
    ]);
    const values = {
      capacitySlots: input.capacitySlots,
      capacityMinutes: input.capacityMinutes,
      overbookingSlots: input.overbookingSlots,
      acceptedModalities: serializeList(input.acceptedModalities),
      acceptedFillerKinds: serializeList(input.acceptedFillerKinds),
      ...(input.acceptsMinors !== undefined ? { acceptsMinors: input.acceptsMinors } : {}),
    };
    const cases = await casesOnSession(tx, before.id);
    if (cases.length > input.capacitySlots + input.overbookingSlots) {
      throw new ServiceError(
        'CONFLICT',
        `Aantal plaatsen: er staan al ${cases.length} zaken op deze zitting; plaatsen plus overboeking (${input.capacitySlots + input.overbookingSlots}) moet minstens ${cases.length} zijn.`,
      );
    }
    const refused = cases.filter((c) => !sessionAcceptsCase({ sessionType: before.sessionType, ...values }, c.modality, c.fillerKind));
    if (refused.length > 0) {
      throw new ServiceError('CONFLICT', `Modaliteiten: de zitting zou geplande zaken niet meer nemen: ${listCases(refused)}. Verplaats die zaken eerst.`);
    }
    // A session closed to minors again must not keep a minor's case (juvenile law, art. 77a Sr ff.).
    if (input.acceptsMinors === false && before.acceptsMinors) {
      const minors: typeof cases = [];
      for (const c of cases) {
        const row = firstRow(await tx.select({ suspectId: criminalCases.suspectId, offenceAt: criminalCases.offenceAt, arrestedAt: criminalCases.arrestedAt }).from(criminalCases).where(eq(criminalCases.id, c.caseId)));
        if (row !== undefined && (await minorAtOffence(db, row, now)) !== null) minors.push(c);
      }
      if (minors.length > 0) {
        throw new ServiceError('CONFLICT', `Neemt ook minderjarigen: op deze zitting staan zaken van minderjarige verdachten: ${listCases(minors)}. Verplaats die zaken eerst.`);
      }
    }
    await tx.update(courtSessions).set(values).where(eq(courtSessions.id, before.id));
    const after = (await sessionById(tx, before.id))!;
    const { booked: _b, version: _vb, ...beforeFields } = before;
    const { booked: _a, version: _va, ...afterFields } = after;
    await recordAudit(tx, { actor, action: 'session.updated', entityType: 'court_session', entityId: before.id, reason: input.reason, details: { changes: changedFields(beforeFields, afterFields) }, occurredAt: now.toISOString() });
    return after;
  });
}
