import { amsterdamDate, startOfAmsterdamDay } from '../../../shared/calendar/amsterdam-time';
import { addDays, dayOfWeek } from '../../../shared/calendar/local-date';
import type { OperationOutput } from '../../../shared/api/contract';
import type { Modality } from '../../../shared/domain/modality';
import type { ReservableModality } from '../../../shared/domain/reservation';
import { SESSION_TYPES, type SessionStatus, type SessionType } from '../../../shared/domain/session';
import { unfilledByModality, type SessionReservation } from '../../../shared/planning/reservation-fill';
import type { AppDatabase } from '../../../db/open-database';
import { loadCourtCalendar } from '../settings/district-settings';

export type TrafficTower = OperationOutput<'planner.tower'>;

/** The tower looks six weeks ahead, as the planning page does by default. */
export const TOWER_DAYS = 42;
/** Working days to a case's binding limit that the queue counts separately. */
export const URGENCY_STEPS = [1, 3, 7] as const;

/**
 * The tower's whole query set. Every statement starts from an index (the session date, the hearing
 * per session, the case status); test/integration/traffic-tower.test.ts checks the plans.
 */
export const TOWER_SQL = {
  sessions: `select s.id, s.date, s.session_type as sessionType, s.status, s.capacity_slots as capacity
             from court_session s where s.date between ? and ?`,
  bookedByModality: `select h.session_id as sessionId, c.modality, count(*) as n
                     from court_session s
                     join hearing h on h.session_id = s.id and h.status in ('planned', 'held')
                     join criminal_case c on c.id = h.case_id
                     where s.date between ? and ? group by h.session_id, c.modality`,
  reservations: `select r.id, r.session_id as sessionId, r.modality, r.slots, r.released_at as releasedAt, r.released_slots as releasedSlots
                 from court_session s join reservation r on r.session_id = s.id where s.date between ? and ?`,
  queue: `select modality, count(*) as waiting, sum(planning_gaps <> '') as notReady,
                 sum(next_limit < ?) as overdue,
                 sum(next_limit >= ? and next_limit < ?) as within1,
                 sum(next_limit >= ? and next_limit < ?) as within3,
                 sum(next_limit >= ? and next_limit < ?) as within7
          from criminal_case where status = 'awaiting_planning' group by modality order by modality`,
} as const;

interface SessionRow {
  id: number;
  date: string;
  sessionType: SessionType;
  status: SessionStatus;
  capacity: number;
}

interface QueueRow {
  modality: Modality;
  waiting: number;
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
export function getTrafficTower(db: AppDatabase, input: { from?: string | undefined }, today: string, now: Date): TrafficTower {
  const from = input.from ?? today;
  const to = addDays(from, TOWER_DAYS - 1);
  const sqlite = db.$client;
  const sessions = sqlite.prepare(TOWER_SQL.sessions).all(from, to) as SessionRow[];

  const booked = new Map<number, Record<string, number>>();
  for (const row of sqlite.prepare(TOWER_SQL.bookedByModality).all(from, to) as { sessionId: number; modality: string; n: number }[]) {
    const entry = booked.get(row.sessionId) ?? {};
    entry[row.modality] = row.n;
    booked.set(row.sessionId, entry);
  }
  const reservations = new Map<number, SessionReservation[]>();
  for (const row of sqlite.prepare(TOWER_SQL.reservations).all(from, to) as (SessionReservation & { sessionId: number; modality: ReservableModality })[]) {
    const { sessionId, ...reservation } = row;
    const list = reservations.get(sessionId) ?? [];
    list.push(reservation);
    reservations.set(sessionId, list);
  }

  const calendar = loadCourtCalendar(db);
  const byDay = new Map<string, Map<SessionType, Counts>>();
  for (let date = from; date <= to; date = addDays(date, 1)) if (calendar.isWorkingDay(date)) byDay.set(date, new Map());
  const totals = zero();
  for (const s of sessions) {
    const active = s.status === 'scheduled';
    const bookedHere = booked.get(s.id) ?? {};
    const bookedCount = Object.values(bookedHere).reduce((sum, n) => sum + n, 0);
    const capacity = active ? s.capacity : 0;
    const reserved = active ? Object.values(unfilledByModality(reservations.get(s.id) ?? [], bookedHere)).reduce((sum, n) => sum + n, 0) : 0;
    const counts: Counts = {
      sessions: active ? 1 : 0,
      capacity,
      reserved,
      booked: bookedCount,
      free: Math.max(0, capacity - bookedCount - reserved),
      overbooked: Math.max(0, bookedCount - capacity),
    };
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

  const queue = readQueue(db, calendar, now);
  return {
    from,
    to,
    days,
    queue: { byModality: queue },
    totals: { ...totals, waiting: sum(queue, 'waiting'), notReady: sum(queue, 'notReady') },
  };
}

/** Waiting cases per modality; "within n working days" counts limits from now up to the end of the n-th working day after today. */
function readQueue(db: AppDatabase, calendar: ReturnType<typeof loadCourtCalendar>, now: Date): QueueRow[] {
  const today = amsterdamDate(now.getTime());
  const nowIso = now.toISOString();
  const bounds = URGENCY_STEPS.flatMap((n) => [nowIso, new Date(startOfAmsterdamDay(calendar.addWorkingDays(today, n + 1))).toISOString()]);
  const rows = db.$client.prepare(TOWER_SQL.queue).all(nowIso, ...bounds) as QueueRow[];
  return rows.map((r) => ({
    modality: r.modality,
    waiting: r.waiting,
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
