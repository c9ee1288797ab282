import { describe, expect, it } from 'vitest';
import { createApiHandler } from '../../server/services/api-handler';
import { caseAuditTrail } from '../../server/services/cases/case-history';
import { fixedClock } from '../../server/services/context/clock';
import { operationHandlers } from '../../server/services/operation-handlers';
import { buildPlanningProblem } from '../../server/services/planner/build-planning-problem';
import { addDays } from '../../shared/calendar/local-date';
import type { OperationName, OperationOutput } from '../../shared/api/contract';
import { splitReservedCapacity } from '../../shared/planner/reserved-capacity';
import type { OpenedDatabase } from '../../db/open-database';
import type { DemoOptions } from '../../server/services/demo/generate-demo-district';
import { openDemoDatabase, SMALL_DEMO, SMALL_DEMO_NOW } from '../support/demo-database';
import { useTempDir } from '../support/temp-dir';
import { STANDALONE_ROLES } from '../../shared/domain/roles';

/**
 * One definition of what occupies a session (shared/domain/slot-occupancy.ts, counted by
 * server/services/sessions/session-occupancy.ts): the week view, the capacity page, the reservations
 * page, the verkeerstoren and the planner's problem agree on booked, reserved and free for every
 * session of a demo district, with reservations (one beyond the room, one released) and a session
 * cancelled with cases still on it.
 */
const tempDir = useTempDir();
const TODAY = SMALL_DEMO.asOf; // Monday 15 June 2026; the clock stands at 10:00
const LAST = addDays(TODAY, 41); // the tower's six weeks

async function setup(options: DemoOptions = SMALL_DEMO) {
  const database = await openDemoDatabase(tempDir(), options);
  const handle = createApiHandler(operationHandlers, { db: database.db, sqlite: database.sqlite, clock: fixedClock(SMALL_DEMO_NOW), actor: () => 'coordinator.test', roles: () => STANDALONE_ROLES });
  const call = async <K extends OperationName>(op: K, input: unknown): Promise<OperationOutput<K>> => {
    const result = await handle(op, input);
    if (!result.ok) throw new Error(`${op}: ${JSON.stringify(result.error)}`);
    return result.value as OperationOutput<K>;
  };
  return { database, call };
}

function sessionWithRoom(database: OpenedDatabase, type: string, skip: number): number {
  return (
    database.sqlite
      .prepare(
        `select s.id from court_session s where s.status = 'scheduled' and s.session_type = ? and s.date between ? and ?
           and s.capacity_slots > (select count(*) from hearing h where h.session_id = s.id and h.status in ('planned', 'held'))
         order by s.date, s.id limit 1 offset ?`,
      )
      .get(type, addDays(TODAY, 7), LAST, skip) as { id: number }
  ).id;
}

function reserve(database: OpenedDatabase, sessionId: number, modality: string, slots: number, releasedAt: string | null = null) {
  database.sqlite
    .prepare(
      `insert into reservation (session_id, modality, slots, reserved_by, reserved_at, release_due_on, released_at, released_by, release_kind, released_slots)
       values (?, ?, ?, 'ovj.test', '2026-06-10T08:00:00.000Z', '2026-07-31', ?, ?, ?, ?)`,
    )
    .run(sessionId, modality, slots, releasedAt, releasedAt ? 'ovj.test' : null, releasedAt ? 'manual' : null, releasedAt ? slots : null);
}

type Places = { date: string; sessionType: string; status: string; capacity: number; booked: number; reserved: number; free: number; overbooked: number };

describe('booked and free places, counted once', () => {
  it('are the same on the week view, the capacity page, the reservations page, the verkeerstoren and in the planner problem', async () => {
    const { database, call } = await setup();
    reserve(database, sessionWithRoom(database, 'supersnelrecht', 0), 'supersnelrecht', 2);
    reserve(database, sessionWithRoom(database, 'snelrecht_nd', 0), 'snelrecht_nd', 3);
    const heldForNd = sessionWithRoom(database, 'snelrecht_nd', 1);
    reserve(database, heldForNd, 'snelrecht_nd', 1000); // more than the room: free stays 0
    reserve(database, sessionWithRoom(database, 'snelrecht_nd', 2), 'snelrecht_nd', 4, '2026-06-12T08:00:00.000Z'); // released: holds nothing
    // Cancelled behind the service's back, so its planned cases are still on it: they count as overbooked.
    const stranded = database.sqlite
      .prepare("select s.id from court_session s where s.date between ? and ? and exists (select 1 from hearing h where h.session_id = s.id and h.status = 'planned') order by s.date limit 1")
      .get(addDays(TODAY, 1), LAST) as { id: number };
    database.sqlite.prepare("update court_session set status = 'cancelled', cancel_reason = 'Zaal onbruikbaar' where id = ?").run(stranded.id);

    // The week view, week by week: the reference.
    const week = new Map<number, Places>();
    for (let monday = TODAY; monday <= LAST; monday = addDays(monday, 7)) {
      const overview = await call('sessions.week', { weekStart: monday });
      for (const location of overview.locations) {
        for (const room of location.rooms) {
          for (const s of room.sessions) {
            week.set(s.id, { date: s.date, sessionType: s.sessionType, status: s.status, capacity: s.capacitySlots, booked: s.booked, reserved: s.reserved, free: s.free, overbooked: s.overbooked });
          }
        }
      }
    }
    const inWindow = [...week].filter(([, s]) => s.date <= LAST);
    expect(inWindow.length).toBeGreaterThan(50);
    expect(inWindow.filter(([, s]) => s.reserved > 0)).toHaveLength(3);
    expect(inWindow.filter(([, s]) => s.reserved > 0 && s.free === 0).length).toBeGreaterThan(0);
    expect(week.get(stranded.id)).toMatchObject({ status: 'cancelled', capacity: 0, free: 0 });
    expect(week.get(stranded.id)!.overbooked).toBe(week.get(stranded.id)!.booked);
    expect(week.get(stranded.id)!.booked).toBeGreaterThan(0);

    // The capacity page lists every session of its two weeks with the same booked cases.
    for (let from = TODAY; from <= LAST; from = addDays(from, 14)) {
      const overview = await call('capacity.overview', { sessionsFrom: from });
      for (const s of overview.sessions) expect({ id: s.id, booked: s.booked }).toEqual({ id: s.id, booked: week.get(s.id)!.booked });
    }

    // The reservations page: scheduled sessions, the same booked, unfilled reserved and free places.
    const reservations = await call('reservations.list', { from: TODAY, to: LAST });
    expect(reservations.sessions.length).toBe(inWindow.filter(([, s]) => s.status === 'scheduled').length);
    for (const s of reservations.sessions) {
      const w = week.get(s.sessionId)!;
      expect({ id: s.sessionId, capacity: s.capacity, booked: s.booked, reserved: s.unfilled, free: s.free }).toEqual({ id: s.sessionId, capacity: w.capacity, booked: w.booked, reserved: w.reserved, free: w.free });
    }

    // The verkeerstoren sums per day and session type what the week view shows per session.
    const tower = await call('planner.tower', { from: TODAY });
    const summed = new Map<string, { sessions: number; capacity: number; reserved: number; booked: number; free: number; overbooked: number }>();
    for (const [, s] of inWindow) {
      const key = `${s.date}/${s.sessionType}`;
      const cell = summed.get(key) ?? { sessions: 0, capacity: 0, reserved: 0, booked: 0, free: 0, overbooked: 0 };
      cell.sessions += s.status === 'scheduled' ? 1 : 0;
      cell.capacity += s.capacity;
      cell.reserved += s.reserved;
      cell.booked += s.booked;
      cell.free += s.free;
      cell.overbooked += s.overbooked;
      summed.set(key, cell);
    }
    const towerCells = new Map<string, object>();
    for (const day of tower.days) {
      for (const { sessionType, ...cell } of day.byType) if (Object.values(cell).some((n) => n !== 0)) towerCells.set(`${day.date}/${sessionType}`, cell);
    }
    expect(towerCells).toEqual(new Map([...summed].filter(([, cell]) => Object.values(cell).some((n) => n !== 0))));

    // The planner's problem: every scheduled session still ahead, with its places not booked as capacity
    // (plus the places of announced co-defendants it places again) and the unfilled reservations apart;
    // split, the pool everyone may use is the free count.
    const { problem, reservedSlots, announced } = await buildPlanningProblem(database.db, { from: TODAY, to: LAST }, SMALL_DEMO_NOW);
    const ahead = inWindow.filter(([, s]) => s.status === 'scheduled' && s.date > TODAY).map(([id]) => id);
    expect(problem.sessions.map((s) => s.id).filter((id) => week.get(id)!.date > TODAY).sort((a, b) => a - b)).toEqual(ahead.sort((a, b) => a - b));
    const split = splitReservedCapacity(problem, reservedSlots);
    for (const s of problem.sessions) {
      const w = week.get(s.id)!;
      const held = announced?.heldSlots.get(s.id) ?? 0;
      const reserved = Object.values(reservedSlots.get(s.id) ?? {}).reduce<number>((sum, n) => sum + (n ?? 0), 0);
      expect({ id: s.id, capacity: s.capacity, reserved }).toEqual({ id: s.id, capacity: Math.max(0, w.capacity - w.booked + held), reserved: w.reserved });
      if (held > 0) continue;
      const parts = split.problem.sessions.filter((p) => p.id === s.id || split.realSessionOf.get(p.id) === s.id);
      const pool = parts.find((p) => !split.reservedModalityOf.has(p.id))!;
      expect({ id: s.id, pool: pool.capacity }).toEqual({ id: s.id, pool: w.free });
    }

    // Placing by hand: free for the case's own modality (the reservations here are all for snelrecht_nd).
    for (const modality of ['snelrecht_nd', 'filler']) {
      const waiting = database.sqlite.prepare("select id from criminal_case where status = 'awaiting_planning' and modality = ? order by id limit 1").get(modality) as { id: number };
      const candidates = await call('planner.candidates', { caseId: waiting.id, from: TODAY, to: LAST });
      expect(candidates.some((c) => c.sessionId === heldForNd)).toBe(true);
      for (const c of candidates) {
        const w = week.get(c.sessionId)!;
        expect({ id: c.sessionId, free: c.free }).toEqual({ id: c.sessionId, free: modality === 'snelrecht_nd' ? Math.max(0, w.capacity - w.booked) : w.free });
        if (c.sessionId === heldForNd) expect(c.breaches.some((b) => b.includes('gereserveerd voor het OM'))).toBe(modality === 'filler');
      }
    }
    database.close();
  });
});

describe("a case's history, read once", () => {
  it('gives the case page and the timeline the same audit events: the case, its hearings, decisions and hand-offs', async () => {
    // A demo with the whole chain: outcomes, decisions, hand-offs to CJIB and moved hearings.
    const { database, call } = await setup({ ...SMALL_DEMO, seed: 5, years: 1, moves: true, chain: true });
    const handedOff = database.sqlite
      .prepare(
        `select d.case_id as id from cjib_handoff f join decision d on d.id = f.decision_id
         where exists (select 1 from audit_event a where a.entity_type = 'cjib_handoff' and a.entity_id = f.id)
           and exists (select 1 from audit_event a where a.entity_type = 'decision' and a.entity_id = d.id)
           and exists (select 1 from audit_event a join hearing h on a.entity_type = 'hearing' and a.entity_id = h.id where h.case_id = d.case_id)
         order by d.case_id limit 1`,
      )
      .get() as { id: number };
    const trail = await caseAuditTrail(database.db, handedOff.id);
    expect([...new Set(trail.map((e) => e.entityType))]).toEqual(expect.arrayContaining(['case', 'hearing', 'decision', 'cjib_handoff']));

    const detail = await call('cases.get', { id: handedOff.id });
    expect(detail.history.map((e) => e.id)).toEqual(trail.map((e) => e.id).reverse());
    expect(detail.history.map((e) => e.action)).toEqual(expect.arrayContaining(['case.created', 'hearing.planned', 'decision.recorded', 'cjib.handoff_created']));

    // What the timeline shows of the audit trail comes from the same rows.
    const timeline = await call('cases.timeline', { caseId: handedOff.id });
    const timelineKinds = new Set(timeline.entries.map((e) => e.kind));
    for (const action of ['hearing.planned', 'cjib.handoff_created'] as const) {
      expect(trail.some((e) => e.action === action)).toBe(true);
      expect(timelineKinds.has(action.replace('.', '_'))).toBe(true);
    }
    // Nothing of another case leaks in.
    const otherCases = trail.map((e) => (e.details as { caseId?: number } | null)?.caseId).filter((id) => id !== undefined && id !== handedOff.id);
    expect(otherCases).toEqual([]);
    database.close();
  });
});
