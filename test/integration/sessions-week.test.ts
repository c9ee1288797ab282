import { createTestApi } from '../support/test-api';
import { describe, expect, it } from 'vitest';
import { openDemoDatabase, openTestDatabase } from '../support/demo-database';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

describe('sessions.week through the API handler on a real demo database', () => {
  it('gives per room the sessions of the week with capacity, booked and free matching plain SQL', async () => {
    const database = await openDemoDatabase(tempDir());
    const handle = createTestApi(database, { actor: 'test', today: () => '2026-06-15' });
    const result = await handle('sessions.week', { weekStart: '2026-06-15' });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const week = result.value as import('../../shared/api/contract').WeekOverview;

    const expected = database.sqlite
      .prepare(
        `select s.id, s.capacity_slots as capacity,
                (select count(*) from hearing h where h.session_id = s.id and h.status in ('planned','held')) as booked
         from court_session s where s.date between '2026-06-15' and '2026-06-21' and s.status = 'scheduled' order by s.id`,
      )
      .all() as { id: number; capacity: number; booked: number }[];
    const shown = week.locations
      .flatMap((l) => l.rooms.flatMap((r) => r.sessions))
      .map((s) => ({ id: s.id, capacity: s.capacitySlots, booked: s.booked }))
      .sort((a, b) => a.id - b.id);
    expect(expected.length).toBeGreaterThan(5);
    expect(shown).toEqual(expected);
    expect(week.totals).toEqual({
      sessions: expected.length,
      capacitySlots: expected.reduce((n, s) => n + s.capacity, 0),
      booked: expected.reduce((n, s) => n + s.booked, 0),
      reserved: 0, // the demo has no reservations (test/integration/session-occupancy.test.ts has)
      free: expected.reduce((n, s) => n + Math.max(0, s.capacity - s.booked), 0),
    });
    expect(week.locations.map((l) => l.rooms.length)).toEqual([3, 2]);
    database.close();
  });

  it('shows a cancelled session as cancelled, with no capacity counted', async () => {
    const database = await openDemoDatabase(tempDir());
    const id = (database.sqlite.prepare("select id from court_session where date = '2026-06-16' limit 1").get() as { id: number }).id;
    database.sqlite.prepare("update court_session set status = 'cancelled' where id = ?").run(id);
    const handle = createTestApi(database, { actor: 'test', today: () => '2026-06-15' });
    const result = await handle('sessions.week', { weekStart: '2026-06-15' });
    if (!result.ok) throw new Error('failed');
    const week = result.value as import('../../shared/api/contract').WeekOverview;
    const session = week.locations.flatMap((l) => l.rooms.flatMap((r) => r.sessions)).find((s) => s.id === id)!;
    expect(session).toMatchObject({ status: 'cancelled', capacitySlots: 0, free: 0 });
    database.close();
  });

  it('answers an empty week and an empty database without failing', async () => {
    const database = await openTestDatabase(tempDir());
    const handle = createTestApi(database, { actor: 'test', today: () => '2026-06-15' });
    await expect(handle('sessions.week', { weekStart: '2026-06-15' })).resolves.toMatchObject({ ok: true, value: { locations: [], totals: { sessions: 0 } } });
    database.close();
  });
});

describe('district.create and demo.load', () => {
  it('creates a district with its locations and rooms, audited, and refuses a second one', async () => {
    const database = await openTestDatabase(tempDir());
    const handle = createTestApi(database, { actor: 'coordinator.jansen', today: () => '2026-06-15' });
    await expect(handle('district.get', {})).resolves.toEqual({ ok: true, value: null });
    const input = { code: 'MNE', name: 'Midden-Nederland', locations: [{ name: 'Rechtbank Utrecht', city: 'Utrecht', rooms: ['Zaal 1', 'Zaal 2'] }] };
    const created = await handle('district.create', input);
    expect(created).toMatchObject({ ok: true, value: { code: 'MNE', locations: [{ name: 'Rechtbank Utrecht', rooms: [{ name: 'Zaal 1' }, { name: 'Zaal 2' }] }] } });
    expect(database.sqlite.prepare("select actor, action, entity_type as type from audit_event").all()).toEqual([
      { actor: 'coordinator.jansen', action: 'district.created', type: 'district' },
    ]);
    await expect(handle('district.create', input)).resolves.toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await expect(handle('demo.load', {})).resolves.toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(database.sqlite.prepare('select count(*) as n from court_session').get()).toEqual({ n: 0 });
    database.close();
  });

  it('loads the demo district into an empty database, every case with an audit event', async () => {
    const database = await openTestDatabase(tempDir());
    const handle = createTestApi(database, { actor: 'x', today: () => '2026-03-01' });
    const result = await handle('demo.load', { seed: 3 });
    expect(result).toMatchObject({ ok: true, value: { districtName: 'Arrondissement IJsselvallei (demo)' } });
    const counts = database.sqlite
      .prepare("select (select count(*) from criminal_case) as cases, (select count(*) from audit_event where action = 'case.created') as audited")
      .get() as { cases: number; audited: number };
    expect(counts.cases).toBeGreaterThan(300);
    expect(counts.audited).toBe(counts.cases);
    database.close();
  });
});
