import type { AppDatabase } from '../../../db/open-database';
import { RESERVABLE_MODALITIES, type ReservableModality } from '../../../shared/domain/reservation';
import { parseAcceptedModalities, type SessionType } from '../../../shared/domain/session';
import type { ReservationsOverview } from '../../../shared/api/contract';
import { releaseDueOn } from '../../../shared/planning/reservation-release';
import { loadCourtCalendar, loadReservationReleaseWorkingDays } from '../settings/district-settings';
import { SLOT_OCCUPYING_SQL, sessionOccupancy } from '../sessions/session-occupancy';
import { sqlRows } from '../context/query-results';

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
export async function listReservations(db: AppDatabase, window: { from: string; to: string }, actor: string, today: string): Promise<ReservationsOverview> {
  const sessions = await sqlRows(db.$client, `select s.id, s.date, s.start_time as "startTime", s.session_type as "sessionType", s.accepted_modalities as "acceptedModalities", s.status, s.capacity_slots as "capacitySlots",
              r.name as room, l.name as location
       from court_session s join courtroom r on r.id = s.courtroom_id join court_location l on l.id = r.location_id
       where s.status = 'scheduled' and s.date between ? and ? order by s.date, s.start_time, l.name, r.name, s.id`, [window.from, window.to]) as SessionRow[];
  const occupancy = await sessionOccupancy(db, sessions);
  const workingDays = await loadReservationReleaseWorkingDays(db);
  const calendar = await loadCourtCalendar(db);
  const bookings = await bookingsOfReservedSessions(db, sessions.filter((s) => occupancy.get(s.id)!.reservation !== undefined).map((s) => s.id));
  return {
    releaseWorkingDays: workingDays,
    actor,
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
          // The bookings of the modality in booking order; this reservation's fill is the slice after its start.
          fillingCases: (bookings.get(`${s.id}|${r.modality}`) ?? []).slice(fill.start, fill.start + fill.filled),
        };
      });
      const open = list.filter((r) => r.status === 'open');
      const byModality = RESERVABLE_MODALITIES.map((modality) => {
        const mine = open.filter((r) => r.modality === modality);
        return { modality, reserved: sum(mine.map((r) => r.slots)), filled: sum(mine.map((r) => r.filled)), unfilled: sum(mine.map((r) => r.unfilled)) };
      }).filter((m) => m.reserved > 0);
      const accepted = parseAcceptedModalities(s.acceptedModalities, s.sessionType);
      // A new reservation only where it can hold: after today, release date still ahead, a free place (reserve-slots.ts checks the same).
      const canReserve = s.date > today && releaseDueOn(s.date, workingDays, calendar) > today && places.free > 0;
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
        reservableModalities: canReserve ? RESERVABLE_MODALITIES.filter((m): m is ReservableModality => accepted.includes(m)) : [],
        byModality,
        reservations: list,
      };
    }),
  };
}

/** The booked cases (planned or held) of each session per modality, in booking order (hearing id): key `sessionId|modality`. */
async function bookingsOfReservedSessions(db: AppDatabase, sessionIds: readonly number[]): Promise<Map<string, { caseId: number; parketnummer: string }[]>> {
  const out = new Map<string, { caseId: number; parketnummer: string }[]>();
  if (sessionIds.length === 0) return out;
  const rows = await sqlRows(db.$client, `select h.session_id as "sessionId", c.modality, c.id as "caseId", c.parketnummer from hearing h join criminal_case c on c.id = h.case_id
       where h.session_id in (${sessionIds.map(() => '?').join(',')}) and h.status in ${SLOT_OCCUPYING_SQL} order by h.id`, [...sessionIds]) as { sessionId: number; modality: string; caseId: number; parketnummer: string }[];
  for (const r of rows) {
    const key = `${r.sessionId}|${r.modality}`;
    out.set(key, [...(out.get(key) ?? []), { caseId: r.caseId, parketnummer: r.parketnummer }]);
  }
  return out;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
