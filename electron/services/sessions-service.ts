import { addDays, format, parseISO } from 'date-fns';
import { and, asc, between, count, eq, inArray, sql } from 'drizzle-orm';
import type { ParsedInput, SessionSummary, WeekOverview } from '../../shared/api/contract';
import { SLOT_OCCUPYING_HEARING_STATUSES } from '../../shared/domain/case-status';
import type { AppDatabase } from '../../db/open-database';
import { courtLocations, courtrooms, courtSessions, hearings, persons } from '../../db/schema';
import { getDistrict } from './district-service';

/** The district's sessions of one week (Monday to Sunday) per location and room, with booked and free slots. */
export function getWeekOverview(db: AppDatabase, input: ParsedInput<'sessions.week'>): WeekOverview {
  const days = Array.from({ length: 7 }, (_, i) => format(addDays(parseISO(input.weekStart), i), 'yyyy-MM-dd'));
  const district = getDistrict(db);
  if (!district) return { weekStart: input.weekStart, days, locations: [], totals: { sessions: 0, capacitySlots: 0, booked: 0, free: 0 } };

  const booked = db
    .select({ sessionId: hearings.sessionId, n: count().as('n') })
    .from(hearings)
    .where(inArray(hearings.status, [...SLOT_OCCUPYING_HEARING_STATUSES]))
    .groupBy(hearings.sessionId)
    .as('booked');

  const rows = db
    .select({
      session: courtSessions,
      roomId: courtrooms.id,
      booked: sql<number>`coalesce(${booked.n}, 0)`,
    })
    .from(courtSessions)
    .innerJoin(courtrooms, eq(courtrooms.id, courtSessions.courtroomId))
    .innerJoin(courtLocations, eq(courtLocations.id, courtrooms.locationId))
    .leftJoin(booked, eq(booked.sessionId, courtSessions.id))
    .where(and(eq(courtLocations.districtId, district.id), between(courtSessions.date, days[0]!, days[6]!)))
    .orderBy(asc(courtSessions.date), asc(courtSessions.startTime))
    .all();

  const personNames = new Map(db.select({ id: persons.id, name: persons.name }).from(persons).all().map((p) => [p.id, p.name]));
  const rollBySession = loadRolls(db, days[0]!, days[6]!);
  const sessionsByRoom = new Map<number, SessionSummary[]>();
  const totals = { sessions: 0, capacitySlots: 0, booked: 0, free: 0 };
  for (const { session, roomId, booked: bookedCount } of rows) {
    const active = session.status === 'scheduled';
    const capacity = active ? session.capacitySlots : 0;
    const summary: SessionSummary = {
      id: session.id,
      date: session.date,
      daypart: session.daypart,
      startTime: session.startTime,
      endTime: session.endTime,
      sessionType: session.sessionType,
      status: session.status,
      capacitySlots: capacity,
      booked: bookedCount,
      free: Math.max(0, capacity - bookedCount),
      overbooked: active ? Math.max(0, bookedCount - capacity) : 0,
      judgeName: session.judgeId === null ? null : (personNames.get(session.judgeId) ?? null),
      prosecutorName: session.prosecutorId === null ? null : (personNames.get(session.prosecutorId) ?? null),
      cases: rollBySession.get(session.id) ?? [],
    };
    if (active) {
      totals.sessions += 1;
      totals.capacitySlots += summary.capacitySlots;
      totals.booked += summary.booked;
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

/** The cases on each session of a date range (planned or held hearings), oldest hearing first. */
function loadRolls(db: AppDatabase, from: string, to: string): Map<number, SessionSummary['cases']> {
  const rows = db.$client
    .prepare(
      `select h.session_id as sessionId, c.id as caseId, c.parketnummer, c.modality, h.status, h.pinned, h.explanation
       from hearing h join court_session s on s.id = h.session_id join criminal_case c on c.id = h.case_id
       where s.date between ? and ? and h.status in ('planned', 'held') order by h.session_id, h.id`,
    )
    .all(from, to) as (Omit<SessionSummary['cases'][number], 'pinned'> & { sessionId: number; pinned: number })[];
  const rolls = new Map<number, SessionSummary['cases']>();
  for (const { sessionId, pinned, ...entry } of rows) {
    const list = rolls.get(sessionId) ?? [];
    list.push({ ...entry, pinned: pinned === 1 });
    rolls.set(sessionId, list);
  }
  return rolls;
}
