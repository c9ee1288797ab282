import { and, eq } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/api/contract';
import type { CapacitySession } from '../../../shared/capacity/capacity-schemas';
import { dutchDate } from '../../../shared/capacity/capacity-labels';
import type { AppDatabase } from '../../../db/open-database';
import { courtSessions, hearings } from '../../../db/schema';
import { transitionCase } from '../cases/case-transition';
import { recordAudit } from '../audit';
import { ServiceError } from '../service-error';
import { casesOnSession, listCases, sessionById } from '../capacity/capacity-rows';
import { caseVersions } from '../history/action-versions';
import type { UndoToken } from '../../../shared/api/undo-schemas';
import { inTransaction } from '../context/query-results';

/**
 * Cancels one session (an exception to its template: generation never makes it again). With cases
 * planned on it, only when the coordinator confirms; in the same transaction their hearings are
 * cancelled and the cases go back to the planning queue (audited with the reason), so none of them,
 * least of all a detained one, can pass its limit unseen on a session that will not sit.
 */
export async function cancelSession(
  db: AppDatabase,
  input: ParsedInput<'sessions.cancel'>,
  actor: string,
  today: string,
  now: Date,
): Promise<{ session: CapacitySession; plannedCases: { caseId: number; parketnummer: string }[]; undo: UndoToken }> {
  return await inTransaction(db, async (tx) => {
    const session = await sessionById(tx, input.sessionId);
    if (!session) throw new ServiceError('NOT_FOUND', `Zitting ${input.sessionId} bestaat niet.`);
    const what = `De zitting van ${dutchDate(session.date)} ${session.startTime} in ${session.roomName}`;
    if (session.status === 'cancelled') throw new ServiceError('CONFLICT', `${what} is al vervallen.`);
    if (session.date < today) throw new ServiceError('CONFLICT', `${what} ligt in het verleden en kan niet meer vervallen.`);
    const cases = await casesOnSession(tx, session.id);
    if (cases.length > 0 && !input.confirm) {
      const message =
        `Op ${what.charAt(0).toLowerCase()}${what.slice(1)} ${cases.length === 1 ? 'staat 1 zaak' : `staan ${cases.length} zaken`} gepland: ${listCases(cases)}. ` +
        'Bevestig het vervallen uitdrukkelijk; deze zaken moeten daarna opnieuw worden gepland.';
      // The detail on 'confirm' tells the form this refusal asks for the confirmation (a version conflict has none).
      throw new ServiceError('CONFLICT', message, [{ path: 'confirm', message: 'vink de bevestiging aan om de zitting toch te laten vervallen.' }]);
    }
    await tx.update(courtSessions).set({ status: 'cancelled', cancelReason: input.reason }).where(eq(courtSessions.id, session.id));
    const plannedCases = cases.map((c) => ({ caseId: c.caseId, parketnummer: c.parketnummer }));
    const why = `Zitting vervallen: ${input.reason}`;
    const cancelledHearings: { caseId: number; hearingId: number; pinned: boolean }[] = [];
    for (const hearing of (await tx.select().from(hearings).where(and(eq(hearings.sessionId, session.id), eq(hearings.status, 'planned'))))) {
      cancelledHearings.push({ caseId: hearing.caseId, hearingId: hearing.id, pinned: hearing.pinned });
      await tx.update(hearings).set({ status: 'cancelled' }).where(eq(hearings.id, hearing.id));
      await recordAudit(tx, { actor, action: 'hearing.unplanned', entityType: 'hearing', entityId: hearing.id, reason: why, details: { caseId: hearing.caseId, fromSessionId: session.id, by: 'session.cancelled' }, occurredAt: now.toISOString() });
      await transitionCase(tx, hearing.caseId, 'awaiting_planning', { actor, reason: why, details: { hearingId: hearing.id } }, now);
    }
    // Written last: this row is the cancellation's undo token (history.undo), with the versions after it.
    const cancelled = (await sessionById(tx, session.id))!;
    const actionId = await recordAudit(tx, {
      actor,
      action: 'session.cancelled',
      entityType: 'court_session',
      entityId: session.id,
      reason: input.reason,
      details: {
        date: session.date,
        courtroomId: session.courtroomId,
        daypart: session.daypart,
        confirmed: input.confirm,
        plannedCases,
        hearings: cancelledHearings,
        versions: await caseVersions(tx, cancelledHearings.map((h) => h.caseId)),
        sessionVersion: cancelled.version,
      },
      occurredAt: now.toISOString(),
    });
    return { session: cancelled, plannedCases, undo: { actionId, kind: 'cancel' as const } };
  });
}
