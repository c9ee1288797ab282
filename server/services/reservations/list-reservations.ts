import type { AppDatabase } from '../../../db/open-database';
import { RESERVABLE_MODALITIES, type ReservableModality } from '../../../shared/domain/reservation';
import { parseAcceptedModalities, type SessionType } from '../../../shared/domain/session';
import type { ReservationsOverview } from '../../../shared/api/contract';
import { loadReservationReleaseWorkingDays } from '../settings/district-settings';
import { sessionOccupancy } from '../sessions/session-occupancy';

interface SessionRow {
  id: number;
  date: string;
  startTime: string;
  sessionType: SessionType;
  acceptedModalities: string;
  status: 'scheduled';
  capacitySlots: number;
  room: string;
  location: string;
}

/**
 * Per scheduled session of the window: capacity, booked cases, the reservations (open and
 * released) with their fill and release date, and the slots still free for anyone. Read only:
 * release the due reservations first (release-before-reading.ts), so the overview is never stale.
 */
export function listReservations(db: AppDatabase, window: { from: string; to: string }): ReservationsOverview {
  const sessions = db.$client
    .prepare(
      `select s.id, s.date, s.start_time as startTime, s.session_type as sessionType, s.accepted_modalities as acceptedModalities, s.status, s.capacity_slots as capacitySlots,
              r.name as room, l.name as location
       from court_session s join courtroom r on r.id = s.courtroom_id join court_location l on l.id = r.location_id
       where s.status = 'scheduled' and s.date between ? and ? order by s.date, s.start_time, l.name, r.name, s.id`,
    )
    .all(window.from, window.to) as SessionRow[];
  const occupancy = sessionOccupancy(db, sessions);
  return {
    releaseWorkingDays: loadReservationReleaseWorkingDays(db),
    sessions: sessions.map((s) => {
      const places = occupancy.get(s.id)!;
      const own = places.reservation;
      const list = (own?.reservations ?? []).map((r) => {
        const fill = own!.fill.get(r.id)!;
        return {
          id: r.id,
          version: r.version,
          modality: r.modality,
          slots: r.slots,
          filled: fill.filled,
          unfilled: fill.unfilled,
          note: r.note,
          reservedBy: r.reservedBy,
          reservedAt: r.reservedAt,
          releaseDueOn: r.releaseDueOn,
          status: r.releasedAt === null ? ('open' as const) : ('released' as const),
          releasedAt: r.releasedAt,
          releasedBy: r.releasedBy,
          releaseKind: r.releaseKind,
          releasedSlots: r.releasedSlots,
        };
      });
      const open = list.filter((r) => r.status === 'open');
      const byModality = RESERVABLE_MODALITIES.map((modality) => {
        const mine = open.filter((r) => r.modality === modality);
        return { modality, reserved: sum(mine.map((r) => r.slots)), filled: sum(mine.map((r) => r.filled)), unfilled: sum(mine.map((r) => r.unfilled)) };
      }).filter((m) => m.reserved > 0);
      const accepted = parseAcceptedModalities(s.acceptedModalities, s.sessionType);
      return {
        sessionId: s.id,
        date: s.date,
        startTime: s.startTime,
        sessionType: s.sessionType,
        location: s.location,
        room: s.room,
        capacity: places.capacity,
        booked: places.booked,
        reserved: sum(open.map((r) => r.slots)),
        filled: sum(open.map((r) => r.filled)),
        unfilled: places.reserved,
        free: places.free,
        releaseDueOn: open.length > 0 ? open.map((r) => r.releaseDueOn).sort()[0]! : null,
        reservableModalities: RESERVABLE_MODALITIES.filter((m): m is ReservableModality => accepted.includes(m)),
        byModality,
        reservations: list,
      };
    }),
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
