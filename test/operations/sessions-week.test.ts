import { afterEach, describe, expect, it } from 'vitest';
import type { WeekOverview } from '../../shared/api/contract';
import { SMALL_DEMO } from '../support/demo-database';
import { openEmptyTestDistrict, openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

/** The week overview and creating a district, on both engines (loading the demo: test/integration/sessions-week.test.ts). */
const tempDir = useTempDir();

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

describe('sessions.week through the API handler on a real demo database', () => {
  it('gives per room the sessions of the week with capacity, booked and free matching plain SQL', async () => {
    district = await openTestDistrict(tempDir(), SMALL_DEMO);
    const handle = district.api({ actor: 'test', today: () => '2026-06-15', onInternalError: (_op, error) => console.error(error) });
    const result = await handle('sessions.week', { weekStart: '2026-06-15' });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const week = result.value as WeekOverview;

    const expected = await district.rows<{ id: number; capacity: number; booked: number }>(
      `select s.id, s.capacity_slots as "capacity",
              (select count(*) from hearing h where h.session_id = s.id and h.status in ('planned','held')) as "booked"
       from court_session s where s.date between '2026-06-15' and '2026-06-21' and s.status = 'scheduled' order by s.id`,
    );
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
      reserved: 0, // the demo has no reservations (test/operations/session-occupancy.test.ts has)
      free: expected.reduce((n, s) => n + Math.max(0, s.capacity - s.booked), 0),
    });
    expect(week.locations.map((l) => l.rooms.length)).toEqual([3, 2]);
  });

  it('shows a cancelled session as cancelled, with no capacity counted', async () => {
    district = await openTestDistrict(tempDir(), SMALL_DEMO);
    const id = (await district.row<{ id: number }>("select id from court_session where date = '2026-06-16' order by id limit 1"))!.id;
    await district.run("update court_session set status = 'cancelled' where id = ?", [id]);
    const handle = district.api({ actor: 'test', today: () => '2026-06-15', onInternalError: (_op, error) => console.error(error) });
    const result = await handle('sessions.week', { weekStart: '2026-06-15' });
    if (!result.ok) throw new Error('failed');
    const week = result.value as WeekOverview;
    const session = week.locations.flatMap((l) => l.rooms.flatMap((r) => r.sessions)).find((s) => s.id === id)!;
    expect(session).toMatchObject({ status: 'cancelled', capacitySlots: 0, free: 0 });
  });

  it('answers an empty week and an empty database without failing', async () => {
    district = await openEmptyTestDistrict(tempDir());
    const handle = district.api({ actor: 'test', today: () => '2026-06-15' });
    await expect(handle('sessions.week', { weekStart: '2026-06-15' })).resolves.toMatchObject({ ok: true, value: { locations: [], totals: { sessions: 0 } } });
  });
});

describe('district.create', () => {
  it('creates a district with its locations and rooms, audited, and refuses a second one', async () => {
    district = await openEmptyTestDistrict(tempDir());
    const handle = district.api({ actor: 'coordinator.jansen', today: () => '2026-06-15', onInternalError: (_op, error) => console.error(error) });
    await expect(handle('district.get', {})).resolves.toEqual({ ok: true, value: null });
    const input = { code: 'MNE', name: 'Midden-Nederland', locations: [{ name: 'Rechtbank Utrecht', city: 'Utrecht', rooms: ['Zaal 1', 'Zaal 2'] }] };
    const created = await handle('district.create', input);
    expect(created).toMatchObject({ ok: true, value: { code: 'MNE', locations: [{ name: 'Rechtbank Utrecht', rooms: [{ name: 'Zaal 1' }, { name: 'Zaal 2' }] }] } });
    expect(await district.rows('select actor, action, entity_type as type from audit_event')).toEqual([{ actor: 'coordinator.jansen', action: 'district.created', type: 'district' }]);
    await expect(handle('district.create', input)).resolves.toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await expect(handle('demo.load', {})).resolves.toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await district.row('select count(*) as n from court_session')).toEqual({ n: 0 });
  });
});
