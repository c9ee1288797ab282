import type { AppDatabase } from '../../../db/open-database';
import type { ReservableModality } from '../../../shared/domain/reservation';
import { fillReservations, unfilledByModality, type ReservationFill, type SessionReservation } from '../../../shared/planning/reservation-fill';

type Reader = Pick<AppDatabase, '$client'>;

export interface ReservationRow extends SessionReservation {
  sessionId: number;
  reservedBy: string;
  reservedAt: string;
  note: string | null;
  releaseDueOn: string;
  releasedBy: string | null;
  releaseKind: 'manual' | 'auto' | null;
}

const RESERVATION_COLUMNS = `r.id, r.session_id as sessionId, r.modality, r.slots, r.reserved_by as reservedBy, r.reserved_at as reservedAt, r.note,
  r.release_due_on as releaseDueOn, r.released_at as releasedAt, r.released_by as releasedBy, r.release_kind as releaseKind, r.released_slots as releasedSlots`;

/** The reservations (open and released) of the given sessions. */
export function reservationsOfSessions(db: Reader, sessionIds: readonly number[]): ReservationRow[] {
  if (sessionIds.length === 0) return [];
  const rows: ReservationRow[] = [];
  // SQLite limits bound parameters; chunks keep long windows safe.
  for (let k = 0; k < sessionIds.length; k += 500) {
    const chunk = sessionIds.slice(k, k + 500);
    rows.push(...(db.$client.prepare(`select ${RESERVATION_COLUMNS} from reservation r where r.session_id in (${chunk.map(() => '?').join(',')}) order by r.id`).all(...chunk) as ReservationRow[]));
  }
  return rows;
}

export function reservationById(db: Reader, id: number): ReservationRow | undefined {
  return db.$client.prepare(`select ${RESERVATION_COLUMNS} from reservation r where r.id = ?`).get(id) as ReservationRow | undefined;
}

/** Slot-occupying hearings (planned or held) per session and case modality. */
export function bookedByModality(db: Reader, sessionIds: readonly number[]): Map<number, Partial<Record<string, number>>> {
  const out = new Map<number, Partial<Record<string, number>>>();
  for (let k = 0; k < sessionIds.length; k += 500) {
    const chunk = sessionIds.slice(k, k + 500);
    if (chunk.length === 0) continue;
    const rows = db.$client
      .prepare(
        `select h.session_id as sessionId, c.modality, count(*) as n from hearing h join criminal_case c on c.id = h.case_id
         where h.status in ('planned', 'held') and h.session_id in (${chunk.map(() => '?').join(',')}) group by h.session_id, c.modality`,
      )
      .all(...chunk) as { sessionId: number; modality: string; n: number }[];
    for (const r of rows) {
      const entry = out.get(r.sessionId) ?? {};
      entry[r.modality] = r.n;
      out.set(r.sessionId, entry);
    }
  }
  return out;
}

export interface SessionReservationState {
  reservations: ReservationRow[];
  fill: Map<number, ReservationFill>;
  booked: Partial<Record<string, number>>;
  /** Unfilled slots of open reservations per modality. */
  unfilled: Partial<Record<ReservableModality, number>>;
}

/** Reservations, their fill and the booked cases of each session (sessions without reservations are absent). */
export function reservationStateOfSessions(db: Reader, sessionIds: readonly number[]): Map<number, SessionReservationState> {
  const reservations = reservationsOfSessions(db, sessionIds);
  const bySession = new Map<number, ReservationRow[]>();
  for (const r of reservations) bySession.set(r.sessionId, [...(bySession.get(r.sessionId) ?? []), r]);
  const booked = bookedByModality(db, [...bySession.keys()]);
  const out = new Map<number, SessionReservationState>();
  for (const [sessionId, list] of bySession) {
    const bookedHere = booked.get(sessionId) ?? {};
    out.set(sessionId, { reservations: list, fill: fillReservations(list, bookedHere), booked: bookedHere, unfilled: unfilledByModality(list, bookedHere) });
  }
  return out;
}
