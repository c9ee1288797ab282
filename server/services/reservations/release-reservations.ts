import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../../../db/open-database';
import { courtSessions, reservations } from '../../../db/schema';
import type { CourtCalendar } from '../../../shared/calendar/court-calendar';
import { isReleaseDue, releaseDueOn } from '../../../shared/planning/reservation-release';
import { recordAudit } from '../audit';
import { ServiceError } from '../service-error';
import { loadReservationReleaseWorkingDays } from '../settings/district-settings';
import { reservationStateOfSessions } from '../sessions/session-occupancy';
import { reservationById, type ReservationRow } from './reservation-state';
import { firstRow, inTransaction, sqlRows } from '../context/query-results';
import { expectKnownVersion } from '../context/versions';

export const SYSTEM_ACTOR = 'systeem';

type Tx = Pick<AppDatabase, 'update' | 'insert'>;

async function markReleased(tx: Tx, db: AppDatabase, row: ReservationRow, kind: 'manual' | 'auto', actor: string, reason: string, at: string): Promise<number> {
  const unfilled = (await reservationStateOfSessions(db, [row.sessionId])).get(row.sessionId)?.fill.get(row.id)?.unfilled ?? row.slots;
  await tx.update(reservations).set({ releasedAt: at, releasedBy: actor, releaseKind: kind, releasedSlots: unfilled }).where(eq(reservations.id, row.id));
  await recordAudit(tx, {
    actor,
    action: 'reservation.released',
    entityType: 'reservation',
    entityId: row.id,
    reason,
    occurredAt: at,
    details: { sessionId: row.sessionId, modality: row.modality, slots: row.slots, releasedSlots: unfilled, kind },
  });
  return unfilled;
}

/**
 * The OM gives its reservation back: the slots still unfilled go to the court (cases already on
 * them keep their places). Refused for a released reservation or a session that has passed.
 */
export async function releaseReservation(
  db: AppDatabase,
  input: { reservationId: number; reason: string },
  actor: string,
  today: string,
  now: Date,
  options: { expectedVersion?: number } = {},
): Promise<{ releasedSlots: number }> {
  return await inTransaction(db, async (tx) => {
    const row = await reservationById(db, input.reservationId);
    if (!row) throw new ServiceError('NOT_FOUND', `Reservering ${input.reservationId} bestaat niet.`);
    // A stale edit is refused before anything is written (expectVersion, with the version just read).
    if (options.expectedVersion !== undefined) await expectKnownVersion(db, 'reservation', row.id, options.expectedVersion, row.version);
    if (row.releasedAt !== null) throw new ServiceError('CONFLICT', 'Deze reservering is al vrijgegeven.');
    const session = firstRow(await tx.select({ date: courtSessions.date }).from(courtSessions).where(eq(courtSessions.id, row.sessionId)));
    if (session && session.date < today) throw new ServiceError('CONFLICT', 'De zitting van deze reservering is al geweest.');
    return { releasedSlots: await markReleased(tx, db, row, 'manual', actor, input.reason, now.toISOString()) };
  });
}

/**
 * Releases every open reservation whose release date has come (unfilled slots go back to the
 * court for filler cases), each with an audit row stamped `now`. Running it again releases nothing
 * more. Pass `undefined` as actor for the system.
 */
export async function releaseDueReservations(db: AppDatabase, today: string, actor: string | undefined, now: Date): Promise<{ released: number }> {
  const due = await sqlRows(db.$client, 'select id from reservation where released_at is null and release_due_on <= ? order by id', [today]) as { id: number }[];
  if (due.length === 0) return { released: 0 };
  const workingDays = await loadReservationReleaseWorkingDays(db);
  return await inTransaction(db, async (tx) => {
    let released = 0;
    for (const { id } of due) {
      const row = await reservationById(db, id);
      if (!row || !isReleaseDue(row, today)) continue;
      await markReleased(tx, db, row, 'auto', actor ?? SYSTEM_ACTOR, `Automatisch vrijgegeven: niet gevulde plaatsen gaan ${workingDays} werkdag(en) vóór de zitting terug naar de rechtbank.`, now.toISOString());
      released += 1;
    }
    return { released };
  });
}

/**
 * Recomputes the release date of every open reservation (after the number of working days or the
 * court calendar changed). Call it inside the transaction of that change. Returns how many changed.
 */
export async function recomputeReleaseDates(db: AppDatabase, tx: Tx, workingDays: number, calendar: CourtCalendar): Promise<number> {
  const open = await sqlRows(db.$client, 'select r.id, r.release_due_on as "releaseDueOn", s.date as "sessionDate" from reservation r join court_session s on s.id = r.session_id where r.released_at is null') as { id: number; releaseDueOn: string; sessionDate: string }[];
  let changed = 0;
  for (const r of open) {
    const due = releaseDueOn(r.sessionDate, workingDays, calendar);
    if (due === r.releaseDueOn) continue;
    await tx.update(reservations).set({ releaseDueOn: due }).where(eq(reservations.id, r.id));
    changed += 1;
  }
  return changed;
}
