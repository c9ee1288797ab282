import { afterEach, describe, expect, it } from 'vitest';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

/**
 * Prosecution reservations through the api handler, on both engines (the operation suite of issue 13):
 * the SQLite file of the standalone desktop and the district server's PostgreSQL.
 */
const tempDir = useTempDir();
const TODAY = '2026-06-15';
const NOW = `${TODAY}T06:00:00+02:00`;
const DEMO = { seed: 5, casesPerYear: 700, asOf: TODAY };

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

/** A non-detained session a week ahead with at least `room` free places. */
async function sessionWithRoom(d: TestDistrict, room: number) {
  const session = await d.row<{ id: number; capacity: number; booked: number }>(
    `select s.id, s.capacity_slots as "capacity",
            (select count(*) from hearing h where h.session_id = s.id and h.status in ('planned', 'held')) as "booked"
     from court_session s
     where s.status = 'scheduled' and s.session_type = 'snelrecht_nd' and s.date >= '2026-06-22'
       and s.capacity_slots - (select count(*) from hearing h where h.session_id = s.id and h.status in ('planned', 'held')) >= ?
       and not exists (select 1 from reservation r where r.session_id = s.id)
     order by s.date, s.id limit 1`,
    [room],
  );
  if (!session) throw new Error('the demo has no session with room');
  return session;
}

describe('reservations on the district database', () => {
  it('reserves, refuses more than is free naming the free places, and audits who reserved', async () => {
    district = await openTestDistrict(tempDir(), DEMO);
    const api = district.api({ actor: 'officier.test', now: NOW });
    const session = await sessionWithRoom(district, 3);
    const free = session.capacity - session.booked;

    const reserved = await api('reservations.reserve', { sessionId: session.id, modality: 'snelrecht_nd', slots: free - 1, note: 'ZSM-week' });
    expect(reserved).toMatchObject({ ok: true });
    const over = await api('reservations.reserve', { sessionId: session.id, modality: 'snelrecht_nd', slots: 2 });
    expect(over).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!over.ok) expect(over.error.message).toContain('nog 1 vrije plaats');

    const audit = await district.rows<{ actor: string }>("select actor from audit_event where action = 'reservation.created' and entity_type = 'reservation'");
    expect(audit.map((a) => a.actor)).toEqual(['officier.test']);
  });

  it('gives the last free place to exactly one of twenty prosecutors reserving it at the same moment', async () => {
    district = await openTestDistrict(tempDir(), DEMO);
    const session = await sessionWithRoom(district, 2);
    const free = session.capacity - session.booked;
    const first = district.api({ actor: 'officier.voor', now: NOW });
    expect(await first('reservations.reserve', { sessionId: session.id, modality: 'snelrecht_nd', slots: free - 1 })).toMatchObject({ ok: true });

    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        district!.api({ actor: `officier.${i + 1}`, now: NOW })('reservations.reserve', { sessionId: session.id, modality: 'snelrecht_nd', slots: 1 }, { requestId: `race-${i + 1}-last-slot` }),
      ),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    const refused = answers.filter((a) => !a.ok);
    expect(refused).toHaveLength(19);
    for (const answer of refused) expect(answer).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const held = await district.row<{ slots: number }>('select coalesce(sum(slots), 0) as "slots" from reservation where session_id = ?', [session.id]);
    expect(held?.slots).toBe(free);
  });
});
