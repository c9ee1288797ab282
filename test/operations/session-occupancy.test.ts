import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/calendar/local-date';
import type { OperationName, OperationOutput } from '../../shared/api/contract';
import { SMALL_DEMO, SMALL_DEMO_NOW } from '../support/demo-database';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

/**
 * One definition of what occupies a session (shared/domain/slot-occupancy.ts, counted by
 * server/services/sessions/session-occupancy.ts): the week view, the capacity page, the reservations
 * page, the verkeerstoren and manual placement agree on booked, reserved and free for every session of
 * a demo district, with reservations (one beyond the room, one released) and a session cancelled with
 * cases still on it. On both engines; the planner's problem (a service, no operation) is compared in
 * test/integration/session-occupancy.test.ts.
 */
const tempDir = useTempDir();
const TODAY = SMALL_DEMO.asOf; // Monday 15 June 2026; the clock stands at 10:00
const LAST = addDays(TODAY, 41); // the tower's six weeks

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

async function setup() {
  district = await openTestDistrict(tempDir(), SMALL_DEMO);
  const handle = district.api({ actor: 'coordinator.test', now: SMALL_DEMO_NOW, onInternalError: (_op, error) => console.error(error) });
  const call = async <K extends OperationName>(op: K, input: unknown): Promise<OperationOutput<K>> => {
    const result = await handle(op, input);
    if (!result.ok) throw new Error(`${op}: ${JSON.stringify(result.error)}`);
    return result.value as OperationOutput<K>;
  };
  return { district, call };
}

async function sessionWithRoom(d: TestDistrict, type: string, skip: number): Promise<number> {
  const row = await d.row<{ id: number }>(
    `select s.id from court_session s where s.status = 'scheduled' and s.session_type = ? and s.date between ? and ?
       and s.capacity_slots > (select count(*) from hearing h where h.session_id = s.id and h.status in ('planned', 'held'))
     order by s.date, s.id limit 1 offset ?`,
    [type, addDays(TODAY, 7), LAST, skip],
  );
  return row!.id;
}

async function reserve(d: TestDistrict, sessionId: number, modality: string, slots: number, releasedAt: string | null = null) {
  await d.run(
    `insert into reservation (session_id, modality, slots, reserved_by, reserved_at, release_due_on, released_at, released_by, release_kind, released_slots)
     values (?, ?, ?, 'ovj.test', '2026-06-10T08:00:00.000Z', '2026-07-31', ?, ?, ?, ?)`,
    [sessionId, modality, slots, releasedAt, releasedAt ? 'ovj.test' : null, releasedAt ? 'manual' : null, releasedAt ? slots : null],
  );
}

type Places = { date: string; sessionType: string; status: string; capacity: number; booked: number; reserved: number; free: number; overbooked: number };

describe('booked and free places, counted once', () => {
  it('are the same on the week view, the capacity page, the reservations page, the verkeerstoren and for placing by hand', async () => {
    const { district: d, call } = await setup();
    await reserve(d, await sessionWithRoom(d, 'supersnelrecht', 0), 'supersnelrecht', 2);
    await reserve(d, await sessionWithRoom(d, 'snelrecht_nd', 0), 'snelrecht_nd', 3);
    const heldForNd = await sessionWithRoom(d, 'snelrecht_nd', 1);
    await reserve(d, heldForNd, 'snelrecht_nd', 1000); // more than the room: free stays 0
    await reserve(d, await sessionWithRoom(d, 'snelrecht_nd', 2), 'snelrecht_nd', 4, '2026-06-12T08:00:00.000Z'); // released: holds nothing
    // Cancelled behind the service's back, so its planned cases are still on it: they count as overbooked.
    const stranded = (await d.row<{ id: number }>(
      "select s.id from court_session s where s.date between ? and ? and exists (select 1 from hearing h where h.session_id = s.id and h.status = 'planned') order by s.date, s.id limit 1",
      [addDays(TODAY, 1), LAST],
    ))!;
    await d.run("update court_session set status = 'cancelled', cancel_reason = 'Zaal onbruikbaar' where id = ?", [stranded.id]);

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

    // Placing by hand: free for the case's own modality (the reservations here are all for snelrecht_nd).
    for (const modality of ['snelrecht_nd', 'filler']) {
      const waiting = (await d.row<{ id: number }>("select id from criminal_case where status = 'awaiting_planning' and modality = ? order by id limit 1", [modality]))!;
      const candidates = await call('planner.candidates', { caseId: waiting.id, from: TODAY, to: LAST });
      expect(candidates.some((c) => c.sessionId === heldForNd)).toBe(true);
      for (const c of candidates) {
        const w = week.get(c.sessionId)!;
        expect({ id: c.sessionId, free: c.free }).toEqual({ id: c.sessionId, free: modality === 'snelrecht_nd' ? Math.max(0, w.capacity - w.booked) : w.free });
        if (c.sessionId === heldForNd) expect(c.breaches.some((b) => b.includes('gereserveerd voor het OM'))).toBe(modality === 'filler');
      }
    }
  });
});
