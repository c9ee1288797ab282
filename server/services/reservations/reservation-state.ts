import type { AppDatabase } from '../../../db/open-database';
import type { SessionReservation } from '../../../shared/planning/reservation-fill';
import { sqlRow, sqlRows } from '../context/query-results';

type Reader = Pick<AppDatabase, '$client'>;

export interface ReservationRow extends SessionReservation {
  sessionId: number;
  version: number;
  reservedBy: string;
  reservedAt: string;
  note: string | null;
  releaseDueOn: string;
  releasedBy: string | null;
  releaseKind: 'manual' | 'auto' | null;
}

const RESERVATION_COLUMNS = `r.id, r.version, r.session_id as "sessionId", r.modality, r.slots, r.reserved_by as "reservedBy", r.reserved_at as "reservedAt", r.note,
  r.release_due_on as "releaseDueOn", r.released_at as "releasedAt", r.released_by as "releasedBy", r.release_kind as "releaseKind", r.released_slots as "releasedSlots", r.booked_before as "bookedBefore"`;

/** The statement reservationsOfSessions runs for `n` sessions (its query plan is checked by test/integration/traffic-tower.test.ts). */
export function reservationsOfSessionsSql(n: number): string {
  return `select ${RESERVATION_COLUMNS} from reservation r where r.session_id in (${Array(n).fill('?').join(',')}) order by r.id`;
}

/** The reservations (open and released) of the given sessions. */
export async function reservationsOfSessions(db: Reader, sessionIds: readonly number[]): Promise<ReservationRow[]> {
  if (sessionIds.length === 0) return [];
  const rows: ReservationRow[] = [];
  // SQLite limits bound parameters; chunks keep long windows safe.
  for (let k = 0; k < sessionIds.length; k += 500) {
    const chunk = sessionIds.slice(k, k + 500);
    rows.push(...(await sqlRows(db.$client, reservationsOfSessionsSql(chunk.length), [...chunk]) as ReservationRow[]));
  }
  return rows;
}

export async function reservationById(db: Reader, id: number): Promise<ReservationRow | undefined> {
  return await sqlRow(db.$client, `select ${RESERVATION_COLUMNS} from reservation r where r.id = ?`, [id]) as ReservationRow | undefined;
}

// What the reservations hold on a session (their fill by booked cases, the unfilled slots): sessions/session-occupancy.ts.
