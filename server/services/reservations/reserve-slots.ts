import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../../../db/open-database';
import { courtSessions, reservations } from '../../../db/schema';
import type { ReservableModality } from '../../../shared/domain/reservation';
import { sessionAcceptsCase } from '../../../shared/domain/session';
import { MODALITY_LABELS } from '../../../shared/planner/dutch-time';
import { fillReservations } from '../../../shared/planning/reservation-fill';
import { releaseDueOn } from '../../../shared/planning/reservation-release';
import { recordAudit } from '../audit';
import { ServiceError } from '../service-error';
import { loadCourtCalendar, loadReservationReleaseWorkingDays } from '../settings/district-settings';
import { sessionOccupancy } from '../sessions/session-occupancy';
import { firstRow, inTransaction, returnedRow } from '../context/query-results';

export interface ReserveSlots {
  sessionId: number;
  modality: ReservableModality;
  slots: number;
  note?: string | undefined;
}

/**
 * The OM reserves slots of a future session for one modality. The reserved slots still unfilled,
 * plus every booked case, must fit the session's capacity; the release date (N working days before
 * the session) must still lie ahead, or the slots would go straight back to the court.
 */
export async function reserveSlots(db: AppDatabase, input: ReserveSlots, actor: string, today: string, now: Date): Promise<{ id: number; releaseDueOn: string }> {
  return await inTransaction(db, async (tx) => {
    const session = firstRow(await tx.select().from(courtSessions).where(eq(courtSessions.id, input.sessionId)));
    if (!session) throw new ServiceError('NOT_FOUND', `Zitting ${input.sessionId} bestaat niet.`);
    if (session.status !== 'scheduled') throw new ServiceError('CONFLICT', 'Deze zitting is vervallen: reserveren kan alleen op een geplande zitting.');
    if (session.date <= today) throw new ServiceError('CONFLICT', 'Reserveren kan alleen op een zitting na vandaag.');
    if (!sessionAcceptsCase(session, input.modality, null)) {
      throw new ServiceError('CONFLICT', `Deze zitting neemt geen ${MODALITY_LABELS[input.modality]}: kies een andere zitting of modaliteit.`);
    }
    const workingDays = await loadReservationReleaseWorkingDays(tx);
    const due = releaseDueOn(session.date, workingDays, await loadCourtCalendar(tx));
    if (due <= today) {
      throw new ServiceError(
        'CONFLICT',
        `Te laat om te reserveren: niet gevulde plaatsen gaan ${workingDays} ${workingDays === 1 ? 'werkdag' : 'werkdagen'} vóór de zitting (op ${due.split('-').reverse().join('-')}) terug naar de rechtbank. Kies een latere zitting.`,
      );
    }

    const { booked, reserved: unfilledBefore, free, bookedByModality: bookedHere, reservation: state } = (await sessionOccupancy(db, [session])).get(session.id)!;
    // Cases of the modality booked now were there before the reservation: they never fill it (issue 11, item 10).
    const bookedBefore = bookedHere[input.modality] ?? 0;
    const newId = Number.MAX_SAFE_INTEGER;
    const withNew = fillReservations([...(state?.reservations ?? []), { id: newId, modality: input.modality, slots: input.slots, releasedAt: null, releasedSlots: null, bookedBefore }], bookedHere);
    const needed = withNew.get(newId)!.unfilled;
    if (needed > free) {
      const alreadyFilled = input.slots - needed;
      throw new ServiceError(
        'CONFLICT',
        `Aantal plaatsen: deze zitting heeft nog ${free} vrije ${free === 1 ? 'plaats' : 'plaatsen'} (capaciteit ${session.capacitySlots}, ${booked} geboekt, ${unfilledBefore} gereserveerd en nog niet gevuld); ` +
          `u vraagt er ${input.slots}${alreadyFilled > 0 ? `, waarvan ${alreadyFilled} al gevuld met geboekte zaken van deze modaliteit` : ''}. ` +
          (free > 0 ? `Vul hoogstens ${free} in of kies een andere zitting.` : 'Kies een andere zitting.'),
      );
    }
    const note = input.note?.trim() || null;
    const row = returnedRow(await tx
      .insert(reservations)
      .values({ sessionId: session.id, modality: input.modality, slots: input.slots, reservedBy: actor, reservedAt: now.toISOString(), note, releaseDueOn: due, bookedBefore })
      .returning({ id: reservations.id }));
    await recordAudit(tx, {
      actor,
      action: 'reservation.created',
      entityType: 'reservation',
      entityId: row.id,
      reason: note,
      details: { sessionId: session.id, date: session.date, modality: input.modality, slots: input.slots, releaseDueOn: due, bookedBefore },
      occurredAt: now.toISOString(),
    });
    return { id: row.id, releaseDueOn: due };
  });
}
