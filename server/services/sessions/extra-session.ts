import type { ParsedInput } from '../../../shared/api/contract';
import type { CapacitySession } from '../../../shared/capacity/capacity-schemas';
import { dutchDate } from '../../../shared/capacity/capacity-labels';
import { sessionFieldIssues } from '../../../shared/capacity/capacity-rules';
import { extraSessionConflict } from '../../../shared/capacity/extra-session-check';
import { serializeList } from '../../../shared/domain/session';
import type { AppDatabase } from '../../../db/open-database';
import { courtSessions } from '../../../db/schema';
import { recordAudit } from '../audit';
import { ServiceError } from '../service-error';
import { sessionById } from '../capacity/capacity-rows';
import { refuseIssues } from '../capacity/field-issues';
import { loadGenerationContext } from '../capacity/generation-context';
import { inTransaction, returnedRow } from '../context/query-results';

/** Adds one session outside any template (an exception to the pattern), under the same rules as generated ones. */
export async function addExtraSession(db: AppDatabase, input: ParsedInput<'sessions.addExtra'>, actor: string, today: string, now: Date): Promise<CapacitySession> {
  refuseIssues(sessionFieldIssues(input));
  if (input.date < today) throw new ServiceError('INVALID_INPUT', `Datum: ${dutchDate(input.date)} ligt in het verleden`);
  return await inTransaction(db, async (tx) => {
    const context = await loadGenerationContext(tx, input.date, input.date);
    const place = context.rooms.get(input.courtroomId);
    if (!place) throw new ServiceError('NOT_FOUND', `Zaal: zaal nummer ${input.courtroomId} bestaat niet.`);
    const conflict = extraSessionConflict({ ...input, locationId: place.locationId }, context);
    if (conflict) throw new ServiceError('CONFLICT', `${conflict}.`);
    const { reason, ...fields } = input;
    const id = returnedRow(await tx
      .insert(courtSessions)
      .values({
        ...fields,
        acceptedModalities: serializeList(input.acceptedModalities),
        acceptedFillerKinds: serializeList(input.acceptedFillerKinds),
        templateId: null,
        status: 'scheduled',
      })
      .returning({ id: courtSessions.id })).id;
    const session = (await sessionById(tx, id))!;
    await recordAudit(tx, { actor, action: 'session.added_extra', entityType: 'court_session', entityId: id, reason: reason || null, details: session, occurredAt: now.toISOString() });
    return session;
  });
}
