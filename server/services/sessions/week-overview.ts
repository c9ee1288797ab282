import { addDays, format, parseISO } from 'date-fns';
import { and, asc, between, eq } from 'drizzle-orm';
import type { ParsedInput, SessionSummary, WeekOverview } from '../../../shared/api/contract';
import type { AppDatabase } from '../../../db/open-database';
import { courtLocations, courtrooms, courtSessions, persons } from '../../../db/schema';
import { getDistrict } from '../district/district-service';
import { SLOT_OCCUPYING_SQL, sessionOccupancy } from './session-occupancy';
import { sqlRows } from '../context/query-results';

/** The district's sessions of one week (Monday to Sunday) per location and room, with booked, reserved and free slots (session-occupancy.ts). */
export async function getWeekOverview(db: AppDatabase, input: ParsedInput<'sessions.week'>): Promise<WeekOverview> {
  const days = Array.from({ length: 7 }, (_, i) => format(addDays(parseISO(input.weekStart), i), 'yyyy-MM-dd'));
  const district = await getDistrict(db);
  if (!district) return { weekStart: input.weekStart, days, locations: [], totals: { sessions: 0, capacitySlots: 0, booked: 0, reserved: 0, free: 0 } };

  const rows = (await db
    .select({ session: courtSessions, roomId: courtrooms.id })
    .from(courtSessions)
    .innerJoin(courtrooms, eq(courtrooms.id, courtSessions.courtroomId))
    .innerJoin(courtLocations, eq(courtLocations.id, courtrooms.locationId))
    .where(and(eq(courtLocations.districtId, district.id), between(courtSessions.date, days[0]!, days[6]!)))
    .orderBy(asc(courtSessions.date), asc(courtSessions.startTime)));

  const personNames = new Map((await db.select({ id: persons.id, name: persons.name }).from(persons)).map((p) => [p.id, p.name]));
  const rollBySession = await loadRolls(db, days[0]!, days[6]!);
  const cancelledCases = await loadCancelledCases(db, rows.filter((r) => r.session.status === 'cancelled').map((r) => r.session.id));
  const sessionsByRoom = new Map<number, SessionSummary[]>();
  const occupancy = await sessionOccupancy(db, rows.map((r) => r.session));
  const totals = { sessions: 0, capacitySlots: 0, booked: 0, reserved: 0, free: 0 };
  for (const { session, roomId } of rows) {
    const active = session.status === 'scheduled';
    const places = occupancy.get(session.id)!;
    const summary: SessionSummary = {
      id: session.id,
      version: session.version,
      date: session.date,
      daypart: session.daypart,
      startTime: session.startTime,
      endTime: session.endTime,
      sessionType: session.sessionType,
      status: session.status,
      capacitySlots: places.capacity,
      booked: places.booked,
      reserved: places.reserved,
      free: places.free,
      overbooked: places.overbooked,
      judgeName: session.judgeId === null ? null : (personNames.get(session.judgeId) ?? null),
      prosecutorName: session.prosecutorId === null ? null : (personNames.get(session.prosecutorId) ?? null),
      cancelReason: session.status === 'cancelled' ? session.cancelReason : null,
      cancelledCases: cancelledCases.get(session.id) ?? [],
      cases: rollBySession.get(session.id) ?? [],
    };
    if (active) {
      totals.sessions += 1;
      totals.capacitySlots += summary.capacitySlots;
      totals.booked += summary.booked;
      totals.reserved += summary.reserved;
      totals.free += summary.free;
    }
    const list = sessionsByRoom.get(roomId) ?? [];
    list.push(summary);
    sessionsByRoom.set(roomId, list);
  }

  return {
    weekStart: input.weekStart,
    days,
    locations: district.locations.map((location) => ({
      id: location.id,
      name: location.name,
      rooms: location.rooms.map((room) => ({ id: room.id, name: room.name, sessions: sessionsByRoom.get(room.id) ?? [] })),
    })),
    totals,
  };
}

/** The cases on each session of a date range (the hearings holding a place), oldest hearing first. */
async function loadRolls(db: AppDatabase, from: string, to: string): Promise<Map<number, SessionSummary['cases']>> {
  const rows = await sqlRows(db.$client, `select h.session_id as "sessionId", c.id as "caseId", c.version as "caseVersion", c.parketnummer, c.modality, h.status, h.pinned, h.explanation
       from hearing h join court_session s on s.id = h.session_id join criminal_case c on c.id = h.case_id
       where s.date between ? and ? and h.status in ${SLOT_OCCUPYING_SQL} order by h.session_id, h.id`, [from, to]) as (Omit<SessionSummary['cases'][number], 'pinned'> & { sessionId: number; pinned: number | boolean })[];
  const rolls = new Map<number, SessionSummary['cases']>();
  for (const { sessionId, pinned, ...entry } of rows) {
    const list = rolls.get(sessionId) ?? [];
    // SQLite gives 0/1, PostgreSQL a boolean.
    list.push({ ...entry, pinned: Boolean(pinned) });
    rolls.set(sessionId, list);
  }
  return rolls;
}

/**
 * Per cancelled session: the cases that were planned on it when it was cancelled (the plannedCases of
 * its 'session.cancelled' audit row) and whether each has a planned hearing again.
 */
async function loadCancelledCases(db: AppDatabase, sessionIds: readonly number[]): Promise<Map<number, SessionSummary['cancelledCases']>> {
  const out = new Map<number, SessionSummary['cancelledCases']>();
  if (sessionIds.length === 0) return out;
  const audits = await sqlRows(db.$client, `select entity_id as "sessionId", details from audit_event where action = 'session.cancelled' and entity_type = 'court_session' and entity_id in (${sessionIds.map(() => '?').join(',')}) order by id`, [...sessionIds]) as { sessionId: number; details: string | null }[];
  const cancelled = audits.map((audit) => ({
    sessionId: audit.sessionId,
    plannedCases: ((audit.details ? JSON.parse(audit.details) : {}) as { plannedCases?: { caseId: number; parketnummer: string }[] }).plannedCases ?? [],
  }));
  const caseIds = [...new Set(cancelled.flatMap((c) => c.plannedCases.map((p) => p.caseId)))];
  const replanned = new Set<number>();
  for (let i = 0; i < caseIds.length; i += 500) {
    const chunk = caseIds.slice(i, i + 500);
    const rows = (await sqlRows(db.$client, `select distinct case_id as "caseId" from hearing where status = 'planned' and case_id in (${chunk.map(() => '?').join(',')})`, chunk)) as { caseId: number }[];
    for (const row of rows) replanned.add(row.caseId);
  }
  for (const { sessionId, plannedCases } of cancelled) {
    out.set(
      sessionId,
      plannedCases.map((c) => ({ caseId: c.caseId, parketnummer: c.parketnummer, replanned: replanned.has(c.caseId) })),
    );
  }
  return out;
}
