import { createTestApi } from '../support/test-api';
import { describe, expect, it } from 'vitest';
import { releaseDueReservations } from '../../server/services/reservations/release-reservations';
import type { PlannerSummary } from '../../shared/api/case-schemas';
import type { ReservationsOverview } from '../../shared/api/contract';
import { openDemoDatabase } from '../support/demo-database';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
const TODAY = '2026-06-15';

async function setup() {
  const database = await openDemoDatabase(tempDir(), { seed: 5, casesPerYear: 2800, asOf: TODAY });
  const clock = { today: TODAY, now: new Date(`${TODAY}T06:00:00+02:00`) };
  const handle = createTestApi(database, { actor: 'officier.test', today: () => clock.today, now: () => clock.now });
  const call = async <T>(op: string, input: unknown): Promise<T> => {
    const result = await handle(op as never, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  const failure = async (op: string, input: unknown) => {
    const result = await handle(op as never, input);
    if (result.ok) throw new Error(`${op} should have failed`);
    // Validation failures carry the field messages in the details.
    return { ...result.error, message: `${result.error.message} ${JSON.stringify(result.error.details ?? '')}` };
  };
  const setDay = (date: string) => {
    clock.today = date;
    clock.now = new Date(`${date}T06:00:00+02:00`);
  };
  // A non-detained session a week ahead with room, where filler competes for the slots.
  // Cases of the reserved modality booked before the reservation do not fill it (issue 11, item 10): only later bookings do.
  const session = database.sqlite
    .prepare(
      `select s.id, s.date, s.capacity_slots as capacity, (select count(*) from hearing h where h.session_id = s.id and h.status in ('planned','held')) as booked,
              (select count(*) from hearing h join criminal_case c on c.id = h.case_id where h.session_id = s.id and h.status in ('planned','held') and c.modality = 'snelrecht_nd') as bookedNd
       from court_session s where s.status = 'scheduled' and s.session_type = 'snelrecht_nd' and s.date >= '2026-06-22'
       and s.capacity_slots - (select count(*) from hearing h where h.session_id = s.id and h.status in ('planned','held')) >= 3 order by s.date, s.id limit 1`,
    )
    .get() as { id: number; date: string; capacity: number; booked: number; bookedNd: number };
  const audits = (action: string, id: number) =>
    database.sqlite.prepare("select actor, reason, details from audit_event where action = ? and entity_type = 'reservation' and entity_id = ?").all(action, id) as { actor: string; reason: string; details: string }[];
  const fillerOn = (summary: PlannerSummary, sessionId: number) =>
    summary.planned.filter((p) => p.sessionId === sessionId && (database.sqlite.prepare('select modality from criminal_case where id = ?').get(p.caseId) as { modality: string }).modality === 'filler');
  /** A record's current version, as an edit sends it back (`expectedVersion`). */
  const versionOf = (table: 'reservation' | 'criminal_case', id: number) => (database.sqlite.prepare(`select version from ${table} where id = ?`).get(id) as { version: number }).version;
  return { database, call, failure, setDay, session, audits, fillerOn, versionOf };
}

describe('prosecution reservations on a real district file', () => {
  it('reserves, refuses over-reservation naming the free slots, and lists capacity, fill and release date', async () => {
    const { database, call, failure, session, audits } = await setup();
    const free = session.capacity - session.booked;
    const reserved = await call<{ id: number; releaseDueOn: string }>('reservations.reserve', { sessionId: session.id, modality: 'snelrecht_nd', slots: free - 1, note: 'ZSM-week' });
    expect(reserved.releaseDueOn < session.date).toBe(true);
    expect(audits('reservation.created', reserved.id)).toHaveLength(1);

    const over = await failure('reservations.reserve', { sessionId: session.id, modality: 'snelrecht_nd', slots: 2 });
    expect(over.code).toBe('CONFLICT');
    expect(over.message).toContain('nog 1 vrije plaats');
    const refusedModality = await failure('reservations.reserve', { sessionId: session.id, modality: 'supersnelrecht', slots: 1 });
    expect(refusedModality.message).toMatch(/neemt geen supersnelrecht/);
    const badSlots = await failure('reservations.reserve', { sessionId: session.id, modality: 'snelrecht_nd', slots: 0 });
    expect(badSlots.message).toMatch(/minstens 1 plaats/);
    const past = await failure('reservations.reserve', { sessionId: (database.sqlite.prepare("select id from court_session where date < ? limit 1").get(TODAY) as { id: number }).id, modality: 'snelrecht_nd', slots: 1 });
    expect(past.message).toMatch(/na vandaag/);

    const overview = await call<ReservationsOverview>('reservations.list', { from: TODAY, to: '2026-07-26' });
    const row = overview.sessions.find((s) => s.sessionId === session.id)!;
    // The cases booked before it fill nothing: all its slots are unfilled, and no case is named as filling it.
    expect(row).toMatchObject({ capacity: session.capacity, booked: session.booked, reserved: free - 1, filled: 0, unfilled: free - 1, free: 1, releaseDueOn: reserved.releaseDueOn });
    expect(row.reservations[0]).toMatchObject({ status: 'open', reservedBy: 'officier.test', note: 'ZSM-week', modality: 'snelrecht_nd', fillingCases: [] });
    expect(overview.actor).toBe('officier.test');
    // The session is no longer offered to reserve on once it has no free place left.
    await call('reservations.reserve', { sessionId: session.id, modality: 'snelrecht_nd', slots: 1 });
    const full = await call<ReservationsOverview>('reservations.list', { from: TODAY, to: '2026-07-26' });
    expect(full.sessions.find((s) => s.sessionId === session.id)!.reservableModalities).toEqual([]);
    // Today's sessions are never offered.
    for (const s of full.sessions.filter((x) => x.date <= TODAY)) expect(s.reservableModalities).toEqual([]);
    expect(overview.releaseWorkingDays).toBe(2);
    database.close();
  });

  it('keeps filler off reserved slots until release, and fills them after the automatic release', async () => {
    const { database, call, setDay, session, audits, fillerOn } = await setup();
    const free = session.capacity - session.booked;
    const window = { from: session.date, to: session.date, dryRun: true };
    const unreserved = await call<PlannerSummary>('planner.run', window);
    expect(fillerOn(unreserved, session.id).length, 'the instance needs filler demand on the session').toBeGreaterThan(0);

    const { id, releaseDueOn } = await call<{ id: number; releaseDueOn: string }>('reservations.reserve', { sessionId: session.id, modality: 'snelrecht_nd', slots: free });
    const before = await call<PlannerSummary>('planner.run', window);
    expect(fillerOn(before, session.id)).toEqual([]);
    for (const p of before.planned.filter((p) => p.sessionId === session.id)) expect(p.explanation).toContain('op een door het OM gereserveerde plek');

    // The day before the release date nothing changes; on it the planner run releases first.
    const dayBefore = database.sqlite.prepare("select date(?, '-1 day') as d").get(releaseDueOn) as { d: string };
    setDay(dayBefore.d);
    expect(fillerOn(await call<PlannerSummary>('planner.run', window), session.id)).toEqual([]);
    expect(audits('reservation.released', id)).toHaveLength(0);
    setDay(releaseDueOn);
    const after = await call<PlannerSummary>('planner.run', window);
    expect(fillerOn(after, session.id).length).toBeGreaterThan(0);

    const released = audits('reservation.released', id);
    expect(released).toHaveLength(1);
    expect(released[0]!.actor).toBe('systeem');
    expect(JSON.parse(released[0]!.details)).toMatchObject({ kind: 'auto', releasedSlots: free });
    // Idempotent: further reads and runs release nothing again.
    await call('reservations.list', { from: TODAY, to: session.date });
    expect(await releaseDueReservations(database.db, releaseDueOn, undefined, new Date(`${releaseDueOn}T06:00:00+02:00`))).toEqual({ released: 0 });
    expect(audits('reservation.released', id)).toHaveLength(1);
    const row = database.sqlite.prepare('select release_kind as kind, released_by as by, released_slots as slots from reservation where id = ?').get(id);
    expect(row).toEqual({ kind: 'auto', by: 'systeem', slots: free });
    database.close();
  });

  it('names the cases that fill a reservation: those booked after it, never those that were there before', async () => {
    const { database, call, session, versionOf } = await setup();
    const { id } = await call<{ id: number }>('reservations.reserve', { sessionId: session.id, modality: 'snelrecht_nd', slots: 2 });
    const waiting = database.sqlite
      .prepare("select id, parketnummer from criminal_case where status = 'awaiting_planning' and modality = 'snelrecht_nd' and planning_gaps = '' order by id limit 1")
      .get() as { id: number; parketnummer: string } | undefined;
    if (!waiting) throw new Error('no snelrecht_nd case waiting');
    await call('planner.place', { caseId: waiting.id, sessionId: session.id, pin: false, reason: 'Op de gereserveerde plek', confirmBreach: true, expectedVersion: versionOf('criminal_case', waiting.id) });
    const overview = await call<ReservationsOverview>('reservations.list', { from: TODAY, to: session.date });
    const reservation = overview.sessions.find((s) => s.sessionId === session.id)!.reservations.find((r) => r.id === id)!;
    expect(reservation).toMatchObject({ filled: 1, unfilled: 1, fillingCases: [{ caseId: waiting.id, parketnummer: waiting.parketnummer }] });
    database.close();
  });

  it('releases by hand with a reason, once', async () => {
    const { database, call, failure, session, audits, versionOf } = await setup();
    const { id } = await call<{ id: number }>('reservations.reserve', { sessionId: session.id, modality: 'snelrecht_nd', slots: 2 });
    expect(await call('reservations.release', { reservationId: id, reason: 'Geen aanbod deze week', expectedVersion: versionOf('reservation', id) })).toEqual({ releasedSlots: 2 });
    expect(audits('reservation.released', id)[0]).toMatchObject({ actor: 'officier.test', reason: 'Geen aanbod deze week' });
    expect((await failure('reservations.release', { reservationId: id, reason: 'nogmaals', expectedVersion: versionOf('reservation', id) })).message).toMatch(/al vrijgegeven/);
    // No such reservation, so no version to read: any version passes the check and the operation says NOT_FOUND.
    expect((await failure('reservations.release', { reservationId: 999_999, reason: 'bestaat niet', expectedVersion: 1 })).code).toBe('NOT_FOUND');
    expect((await failure('reservations.release', { reservationId: id, reason: '', expectedVersion: versionOf('reservation', id) })).message).toMatch(/reden/);
    const overview = await call<ReservationsOverview>('reservations.list', { from: TODAY, to: session.date });
    expect(overview.sessions.find((s) => s.sessionId === session.id)!.reservations[0]).toMatchObject({ status: 'released', releaseKind: 'manual', releasedBy: 'officier.test', releasedSlots: 2 });
    database.close();
  });

  it('makes a hand placement of another modality on a reserved slot a breach to confirm', async () => {
    const { database, call, failure, session, versionOf } = await setup();
    await call('reservations.reserve', { sessionId: session.id, modality: 'snelrecht_nd', slots: session.capacity - session.booked });
    const filler = database.sqlite.prepare("select id from criminal_case where status = 'awaiting_planning' and modality = 'filler' and planning_gaps = '' limit 1").get() as { id: number };
    const refused = await failure('planner.place', { caseId: filler.id, sessionId: session.id, pin: false, reason: 'Handmatig', confirmBreach: false, expectedVersion: versionOf('criminal_case', filler.id) });
    expect(refused.message).toMatch(/plek is gereserveerd voor het OM \(\d+ plaatsen voor snelrecht niet-gedetineerd/);
    const placed = await call<{ breaches: string[] }>('planner.place', { caseId: filler.id, sessionId: session.id, pin: false, reason: 'Handmatig', confirmBreach: true, expectedVersion: versionOf('criminal_case', filler.id) });
    expect(placed.breaches.join(' ')).toMatch(/gereserveerd voor het OM/);
    database.close();
  });

  it('recomputes the release date of open reservations when the district changes the number of working days', async () => {
    const { database, call, failure, session } = await setup();
    const { id, releaseDueOn } = await call<{ id: number; releaseDueOn: string }>('reservations.reserve', { sessionId: session.id, modality: 'snelrecht_nd', slots: 1 });
    const settings = await call<{ version: number; values: unknown; equivalentDaysByYear: Record<string, string[]>; deadlines: { key: string; confirmed: boolean }[]; reservationReleaseWorkingDays: number }>('settings.get', {});
    expect(settings.reservationReleaseWorkingDays).toBe(2);
    const base = { deadlines: settings.values, equivalentDaysByYear: settings.equivalentDaysByYear, confirmed: settings.deadlines.filter((d) => d.confirmed).map((d) => d.key), reason: 'Afspraak met het OM', expectedVersion: settings.version };
    expect((await failure('settings.update', { ...base, reservationReleaseWorkingDays: 11 })).message).toMatch(/hoogstens 10/);
    const updated = await call<{ overview: { reservationReleaseWorkingDays: number } }>('settings.update', { ...base, reservationReleaseWorkingDays: 1 });
    expect(updated.overview.reservationReleaseWorkingDays).toBe(1);
    const after = database.sqlite.prepare('select release_due_on as d from reservation where id = ?').get(id) as { d: string };
    expect(after.d > releaseDueOn).toBe(true);
    const audit = database.sqlite.prepare("select details from audit_event where action = 'settings.changed' order by id desc limit 1").get() as { details: string };
    expect(JSON.parse(audit.details)).toMatchObject({ reservationReleaseWorkingDays: { from: 2, to: 1 }, recomputedReservations: 1 });
    database.close();
  });
});
