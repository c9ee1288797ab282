import { amsterdamDate, startOfAmsterdamDay } from '../../../shared/calendar/amsterdam-time';
import { addDays, dayOfWeek } from '../../../shared/calendar/local-date';
import type { OperationOutput } from '../../../shared/api/contract';
import type { Modality } from '../../../shared/domain/modality';
import { SESSION_TYPES, type SessionStatus, type SessionType } from '../../../shared/domain/session';
import type { AppDatabase } from '../../../db/open-database';
import { loadCourtCalendar } from '../settings/district-settings';
import { reservationsOfSessionsSql } from '../reservations/reservation-state';
import { OCCUPANCY_SQL, sessionOccupancy } from '../sessions/session-occupancy';
import { sqlRows } from '../context/query-results';

export type TrafficTower = OperationOutput<'planner.tower'>;

/** The tower looks six weeks ahead, as the planning page does by default. */
export const TOWER_DAYS = 42;
/** Working days to a case's binding limit that the queue counts separately. */
export const URGENCY_STEPS = [1, 3, 7] as const;

/**
 * The tower's whole query set. Every statement starts from an index (the session date, the hearing
 * per session, the reservation per session, the case status); test/integration/traffic-tower.test.ts
 * checks the plans. Booked and reserved places are read by sessions/session-occupancy.ts, as every
 * other view reads them (shown here for one session).
 */
export const TOWER_SQL = {
  sessions: `select s.id, s.date, s.session_type as "sessionType", s.status, s.capacity_slots as "capacitySlots"
             from court_session s where s.date between ? and ?`,
  bookedByModality: OCCUPANCY_SQL.bookedByModality(1),
  reservations: reservationsOfSessionsSql(1),
  // Waiting: cases awaiting a session, and cases still in intake (they will need one; issue 11, item 12).
  // count(*) filter (...): both engines (PostgreSQL does not sum booleans).
  queue: `select modality, count(*) as waiting, count(*) filter (where status = 'intake') as "inIntake", count(*) filter (where planning_gaps <> '') as "notReady",
                 count(*) filter (where next_limit < ?) as overdue,
                 count(*) filter (where next_limit >= ? and next_limit < ?) as within1,
                 count(*) filter (where next_limit >= ? and next_limit < ?) as within3,
                 count(*) filter (where next_limit >= ? and next_limit < ?) as within7
          from criminal_case where status in ('intake', 'awaiting_planning') group by modality order by modality`,
} as const;

interface SessionRow {
  id: number;
  date: string;
  sessionType: SessionType;
  status: SessionStatus;
  capacitySlots: number;
}

interface QueueRow {
  modality: Modality;
  waiting: number;
  inIntake: number;
  notReady: number;
  overdue: number;
  within1: number;
  within3: number;
  within7: number;
}

type Counts = { sessions: number; capacity: number; reserved: number; booked: number; free: number; overbooked: number };
const zero = (): Counts => ({ sessions: 0, capacity: 0, reserved: 0, booked: 0, free: 0, overbooked: 0 });

/**
 * The verkeerstoren: per day and session type the capacity, the prosecution's reserved slots still
 * unfilled, the booked hearings and what is free, plus the queue of cases awaiting a session by
 * modality and urgency. Read from the same tables the planner reads, so it is current after every
 * change. A cancelled session offers nothing (capacity and reserve 0); cases still booked on it
 * show as overbooked, as they need a new session.
 */
export async function getTrafficTower(db: AppDatabase, input: { from?: string | undefined }, today: string, now: Date): Promise<TrafficTower> {
  const from = input.from ?? today;
  const to = addDays(from, TOWER_DAYS - 1);
  const sqlite = db.$client;
  const sessions = await sqlRows(sqlite, TOWER_SQL.sessions, [from, to]) as SessionRow[];
  const occupancy = await sessionOccupancy(db, sessions);

  const calendar = await loadCourtCalendar(db);
  const byDay = new Map<string, Map<SessionType, Counts>>();
  for (let date = from; date <= to; date = addDays(date, 1)) if (calendar.isWorkingDay(date)) byDay.set(date, new Map());
  const totals = zero();
  for (const s of sessions) {
    const { capacity, reserved, booked, free, overbooked } = occupancy.get(s.id)!;
    const counts: Counts = { sessions: s.status === 'scheduled' ? 1 : 0, capacity, reserved, booked, free, overbooked };
    const day = byDay.get(s.date) ?? new Map<SessionType, Counts>();
    byDay.set(s.date, day);
    const cell = day.get(s.sessionType) ?? zero();
    day.set(s.sessionType, cell);
    add(cell, counts);
    add(totals, counts);
  }

  const days = [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, types]) => ({
      date,
      weekday: dayOfWeek(date) === 0 ? 7 : dayOfWeek(date),
      byType: SESSION_TYPES.map((sessionType) => ({ sessionType, ...(types.get(sessionType) ?? zero()) })),
    }));

  const queue = await readQueue(db, calendar, now);
  return {
    from,
    to,
    days,
    queue: { byModality: queue },
    totals: { ...totals, waiting: sum(queue, 'waiting'), notReady: sum(queue, 'notReady') },
  };
}

/** Waiting cases per modality; "within n working days" counts limits from now up to the end of the n-th working day after today. */
async function readQueue(db: AppDatabase, calendar: Awaited<ReturnType<typeof loadCourtCalendar>>, now: Date): Promise<QueueRow[]> {
  const today = amsterdamDate(now.getTime());
  const nowIso = now.toISOString();
  const bounds = URGENCY_STEPS.flatMap((n) => [nowIso, new Date(startOfAmsterdamDay(calendar.addWorkingDays(today, n + 1))).toISOString()]);
  const rows = await sqlRows(db.$client, TOWER_SQL.queue, [nowIso, ...bounds]) as QueueRow[];
  return rows.map((r) => ({
    modality: r.modality,
    waiting: r.waiting,
    inIntake: r.inIntake ?? 0,
    notReady: r.notReady ?? 0,
    overdue: r.overdue ?? 0,
    within1: r.within1 ?? 0,
    within3: r.within3 ?? 0,
    within7: r.within7 ?? 0,
  }));
}

function add(target: Counts, counts: Counts): void {
  target.sessions += counts.sessions;
  target.capacity += counts.capacity;
  target.reserved += counts.reserved;
  target.booked += counts.booked;
  target.free += counts.free;
  target.overbooked += counts.overbooked;
}

function sum(rows: readonly QueueRow[], key: 'waiting' | 'notReady'): number {
  return rows.reduce((total, r) => total + r[key], 0);
}
