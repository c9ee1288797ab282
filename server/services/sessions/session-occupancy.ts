import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { AppDatabase } from '../../../db/open-database';
import { hearings } from '../../../db/schema';
import type { HearingStatus } from '../../../shared/domain/case-status';
import type { ReservableModality } from '../../../shared/domain/reservation';
import type { SessionStatus } from '../../../shared/domain/session';
import { sessionPlaces, SLOT_OCCUPYING_HEARING_STATUSES, unfilledTotal, type SessionPlaces } from '../../../shared/domain/slot-occupancy';
import { fillReservations, unfilledByModality, type ReservationFill } from '../../../shared/planning/reservation-fill';
import { reservationsOfSessions, type ReservationRow } from '../reservations/reservation-state';
import { isPostgresClient, sqlRows } from '../context/query-results';

/*
 * The one place the back end counts what occupies a session: booked hearings (per case modality) and
 * the unfilled slots of open reservations, giving booked / reserved / free per session with
 * shared/domain/slot-occupancy.ts. The week view, capacity page, planner problem, manual placement,
 * verkeerstoren, reservations and planning problems all read through here.
 */

type Reader = Pick<AppDatabase, '$client'>;

/** A status list as an SQL literal, e.g. "('planned', 'held')"; the statuses are constants, never input. */
export function sqlStatusList(statuses: readonly HearingStatus[]): string {
  return `(${statuses.map((s) => `'${s}'`).join(', ')})`;
}

/** For raw SQL: `h.status in ${SLOT_OCCUPYING_SQL}` selects the hearings that hold a place. */
export const SLOT_OCCUPYING_SQL = sqlStatusList(SLOT_OCCUPYING_HEARING_STATUSES);

/** For drizzle queries: the number of hearings holding a place on the session in `sessionId` (a correlated subquery). */
export function bookedCountOf(sessionId: SQLiteColumn | SQL): SQL<number> {
  return sql<number>`(select count(*) from ${hearings} where ${hearings.sessionId} = ${sessionId} and ${hearings.status} in ${sql.raw(SLOT_OCCUPYING_SQL)})`;
}

/** The statements, for their query plans (test/integration/traffic-tower.test.ts): `n` sessions at a time. */
export const OCCUPANCY_SQL = {
  bookedByModality: (n: number) =>
    `select h.session_id as "sessionId", c.modality, count(*) as n from hearing h join criminal_case c on c.id = h.case_id
     where h.session_id in (${Array(n).fill('?').join(',')}) and h.status in ${SLOT_OCCUPYING_SQL} group by h.session_id, c.modality`,
} as const;

/**
 * PostgreSQL counts through a function of its own (pg migration 0009): row-level security shows a police
 * liaison only its unit's hearings, and counted over those a session full with other units' cases looked
 * free. The function returns numbers only, counted over every hearing, for every role.
 */
const BOOKED_BY_MODALITY_POSTGRES = 'select "sessionId", modality, n from booked_by_modality(?::integer[], ?::text[])';

const CHUNK = 500; // SQLite limits bound parameters; chunks keep long windows safe.

/** Hearings holding a place, per session and case modality (sessions without any are absent), whoever asks. */
export async function bookedByModality(db: Reader, sessionIds: readonly number[]): Promise<Map<number, Partial<Record<string, number>>>> {
  const out = new Map<number, Partial<Record<string, number>>>();
  for (let k = 0; k < sessionIds.length; k += CHUNK) {
    const chunk = sessionIds.slice(k, k + CHUNK);
    const rows = (
      isPostgresClient(db.$client)
        ? await sqlRows(db.$client, BOOKED_BY_MODALITY_POSTGRES, [chunk, SLOT_OCCUPYING_HEARING_STATUSES])
        : await sqlRows(db.$client, OCCUPANCY_SQL.bookedByModality(chunk.length), [...chunk])
    ) as { sessionId: number; modality: string; n: number }[];
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

function reservationState(list: ReservationRow[], bookedHere: Partial<Record<string, number>>): SessionReservationState {
  return { reservations: list, fill: fillReservations(list, bookedHere), booked: bookedHere, unfilled: unfilledByModality(list, bookedHere) };
}

async function reservationsBySession(db: Reader, sessionIds: readonly number[]): Promise<Map<number, ReservationRow[]>> {
  const bySession = new Map<number, ReservationRow[]>();
  for (const r of await reservationsOfSessions(db, sessionIds)) bySession.set(r.sessionId, [...(bySession.get(r.sessionId) ?? []), r]);
  return bySession;
}

/** Reservations, their fill and the booked cases of each session (sessions without reservations are absent). */
export async function reservationStateOfSessions(db: Reader, sessionIds: readonly number[]): Promise<Map<number, SessionReservationState>> {
  const bySession = await reservationsBySession(db, sessionIds);
  const booked = await bookedByModality(db, [...bySession.keys()]);
  return new Map([...bySession].map(([sessionId, list]) => [sessionId, reservationState(list, booked.get(sessionId) ?? {})]));
}

/** What sessionOccupancy needs of a session; callers pass the rows they already read. */
export interface OccupancySession {
  id: number;
  status: SessionStatus;
  capacitySlots: number;
}

export interface SessionOccupancy extends SessionPlaces {
  sessionId: number;
  bookedByModality: Partial<Record<string, number>>;
  /** Unfilled reserved slots per modality (empty for a cancelled session, which holds nothing). */
  unfilledByModality: Partial<Record<ReservableModality, number>>;
  /** The reservations and their fill; absent when the session has none. */
  reservation: SessionReservationState | undefined;
}

/** Booked, reserved (unfilled), free and overbooked places of each session, in two queries per 500 sessions. */
export async function sessionOccupancy(db: Reader, sessions: readonly OccupancySession[]): Promise<Map<number, SessionOccupancy>> {
  const ids = sessions.map((s) => s.id);
  const booked = await bookedByModality(db, ids);
  const reservations = await reservationsBySession(db, ids);
  const out = new Map<number, SessionOccupancy>();
  for (const s of sessions) {
    const bookedHere = booked.get(s.id) ?? {};
    const list = reservations.get(s.id);
    const reservation = list ? reservationState(list, bookedHere) : undefined;
    const unfilled = s.status === 'scheduled' ? (reservation?.unfilled ?? {}) : {};
    const places = sessionPlaces({ status: s.status, capacitySlots: s.capacitySlots, booked: total(bookedHere), reservedUnfilled: unfilledTotal(unfilled) });
    out.set(s.id, { sessionId: s.id, ...places, bookedByModality: bookedHere, unfilledByModality: unfilled, reservation });
  }
  return out;
}

function total(counts: Readonly<Partial<Record<string, number>>>): number {
  return Object.values(counts).reduce<number>((sum, n) => sum + (n ?? 0), 0);
}
