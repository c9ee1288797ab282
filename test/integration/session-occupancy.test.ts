import { sqliteDistrictDatabase } from '../../server/services/context/district-database';
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
 * server/services/sessions/session-occupancy.ts): the planner's problem agrees with the week view on
 * booked, reserved and free for every session of a demo district, with reservations (one beyond the
 * room, one released) and a session cancelled with cases still on it. The services called directly
 * here have no operation of their own, so this stays on SQLite; the operations (week view, capacity
 * and reservations pages, verkeerstoren, placing by hand) are compared on both engines in
 * test/operations/session-occupancy.test.ts.
 */
const tempDir = useTempDir();
const TODAY = SMALL_DEMO.asOf; // Monday 15 June 2026; the clock stands at 10:00
const LAST = addDays(TODAY, 41); // the tower's six weeks

async function setup(options: DemoOptions = SMALL_DEMO) {
  const database = await openDemoDatabase(tempDir(), options);
  const handle = createApiHandler(operationHandlers, { database: sqliteDistrictDatabase(database.db, database.sqlite), clock: fixedClock(SMALL_DEMO_NOW), actor: () => 'coordinator.test', roles: () => STANDALONE_ROLES });
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
  it('are the same on the week view and in the planner problem', async () => {
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
