import { afterEach, describe, expect, it } from 'vitest';
import { SMALL_DEMO } from '../support/demo-database';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

/** Writes answered once per request id, on both engines (the SQLite-only parts stay in test/integration/idempotent-writes). */
const tempDir = useTempDir();
const NOW = '2026-06-15T08:00:00Z';

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

async function setup() {
  district = await openTestDistrict(tempDir(), SMALL_DEMO);
  const d = district;
  const handle = d.api({ actor: 'officier.test', now: NOW });
  const session = await d.row<{ id: number }>(
    `select s.id from court_session s where s.status = 'scheduled' and s.session_type = 'snelrecht_nd' and s.date >= '2026-06-22'
     and s.capacity_slots - (select count(*) from hearing h where h.session_id = s.id and h.status in ('planned','held')) >= 2 order by s.date, s.id limit 1`,
  );
  if (!session) throw new Error('the demo has no session with room');
  const count = async (sql: string) => (await d.row<{ n: number }>(sql))!.n;
  return { district: d, handle, session, count };
}

describe('writes are answered once per request id', () => {
  it('a double click (same id, at the same time) makes one reservation and gives both the same answer', async () => {
    const { handle, session, count } = await setup();
    const before = await count('select count(*) as "n" from reservation');
    const input = { sessionId: session.id, modality: 'snelrecht_nd', slots: 1, note: 'ZSM' };
    const [first, second] = await Promise.all([
      handle('reservations.reserve', input, { requestId: 'click-0001-aaaa' }),
      handle('reservations.reserve', input, { requestId: 'click-0001-aaaa' }),
    ]);
    expect(first.ok).toBe(true);
    expect(second).toEqual(first);
    expect(await count('select count(*) as "n" from reservation')).toBe(before + 1);
    expect(await count("select count(*) as \"n\" from audit_event where action = 'reservation.created'")).toBe(1);
  });

  it('a resend later (same id) changes nothing and returns the first answer, not a second result', async () => {
    const { handle, session, count } = await setup();
    const input = { sessionId: session.id, modality: 'snelrecht_nd', slots: 1 };
    const first = await handle('reservations.reserve', input, { requestId: 'resend-0002-bbbb' });
    const again = await handle('reservations.reserve', input, { requestId: 'resend-0002-bbbb' });
    expect(again).toEqual(first);
    expect(await count('select count(*) as "n" from reservation')).toBe(1);
    // A new action (new id) is a new reservation.
    const other = await handle('reservations.reserve', input, { requestId: 'resend-0003-cccc' });
    expect(other.ok).toBe(true);
    expect(await count('select count(*) as "n" from reservation')).toBe(2);
  });

  it('refuses an id reused for another operation or other input, and an id of the wrong form', async () => {
    const { handle, session } = await setup();
    await handle('reservations.reserve', { sessionId: session.id, modality: 'snelrecht_nd', slots: 1 }, { requestId: 'reuse-0004-dddd' });
    const otherInput = await handle('reservations.reserve', { sessionId: session.id, modality: 'snelrecht_nd', slots: 2 }, { requestId: 'reuse-0004-dddd' });
    expect(otherInput).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const malformed = await handle('reservations.reserve', { sessionId: session.id, modality: 'snelrecht_nd', slots: 1 }, { requestId: 'x y' });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('does not store the id when the write is refused', async () => {
    const { handle, count } = await setup();
    const refused = await handle('reservations.reserve', { sessionId: 999_999, modality: 'snelrecht_nd', slots: 1 }, { requestId: 'refused-0005-eeee' });
    expect(refused.ok).toBe(false);
    expect(await count("select count(*) as \"n\" from processed_request where request_id = 'refused-0005-eeee'")).toBe(0);
  });

  it('a recorded plan sent twice records it once and answers the same summary both times', async () => {
    const { handle, count } = await setup();
    const input = { from: '2026-06-16', to: '2026-07-24', dryRun: false };
    const [first, second] = await Promise.all([
      handle('planner.run', input, { requestId: 'plan-0006-ffff' }),
      handle('planner.run', input, { requestId: 'plan-0006-ffff' }),
    ]);
    const third = await handle('planner.run', input, { requestId: 'plan-0006-ffff' });
    expect(first.ok).toBe(true);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    const planned = first.ok ? (first.value as { planned: unknown[] }).planned.length : -1;
    expect(planned).toBeGreaterThan(0);
    expect(await count("select count(*) as \"n\" from audit_event where action = 'hearing.planned' and occurred_at = '2026-06-15T08:00:00.000Z'")).toBe(planned);
  });
});
