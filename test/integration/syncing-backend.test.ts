import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../server/services/context/clock';
import { OFFLINE_OPERATIONS, offlineRefusal } from '../../shared/api/offline-operations';
import { RESERVABLE_MODALITIES } from '../../shared/domain/reservation';
import { copyDifferences, startSyncStack, type SyncStack } from '../support/sync-stack';
import { TEST_USERS } from '../support/test-identity-provider';

/**
 * Issue 14: desktops that lose the district server (server/desktop/syncing-backend.ts). Everything is real:
 * PostgreSQL with a demo district, the district server's built operations over TLS with the test identity
 * provider, a TCP proxy the test stops and starts between the desktop and the server, the desktop's local
 * copy (SQLite) and its outbox. Only Date is faked (pinned).
 */
const TODAY = '2026-06-15';
const NOW = new Date('2026-06-15T15:00:00.000Z');

let stack: SyncStack;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  stack = await startSyncStack({ clock: fixedClock(NOW), demo: { seed: 5, casesPerYear: 1200, asOf: TODAY } });
}, 240_000);

// A test that failed half-way leaves the network as it was: each starts connected.
beforeEach(async () => {
  await stack.proxy.start();
});

afterAll(async () => {
  await stack?.close();
  vi.useRealTimers();
}, 60_000);

async function serverCount(sql: string, params: unknown[]): Promise<number> {
  return Number((await stack.owner.query<{ n: string }>(sql, params)).rows[0]!.n);
}

/** Polls the server's database until `sql` counts at least one row (the server acted). */
async function untilOnServer(sql: string, params: unknown[]): Promise<void> {
  while ((await serverCount(sql, params)) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('a desktop without its district server', () => {
  it('keeps offline writes in the outbox (applied to its copy), refuses what needs the server, survives a restart, and has them confirmed once', async () => {
    const clerk = await stack.desktop(TEST_USERS.clerk, 'clerk');
    const planned = (
      await stack.owner.query<{ id: number; parketnummer: string }>(
        `select h.id, c.parketnummer from hearing h join court_session s on s.id = h.session_id join criminal_case c on c.id = h.case_id
         where s.date = $1 and h.status = 'planned' and c.status = 'planned' order by h.id limit 2`,
        [TODAY],
      )
    ).rows;
    expect(planned).toHaveLength(2);
    const [first, second] = planned as [(typeof planned)[0], (typeof planned)[0]];

    await stack.proxy.stop();
    const record = (hearingId: number) => ({ hearingId, outcome: 'not_appeared', reason: 'Verdachte niet verschenen' });
    const recorded = await clerk.backend.handler('outcomes.record', record(first.id), { requestId: 'offline-clerk-0001' });
    expect(recorded).toMatchObject({ ok: true });
    // A double click: the same request id again is answered the same and kept once.
    await expect(clerk.backend.handler('outcomes.record', record(first.id), { requestId: 'offline-clerk-0001' })).resolves.toEqual(recorded);
    await expect(clerk.backend.handler('outcomes.record', record(second.id), { requestId: 'offline-clerk-0002' })).resolves.toMatchObject({ ok: true });

    // What needs the server is refused, in Dutch, with the reason.
    const cjib = OFFLINE_OPERATIONS['cjib.export'];
    expect(cjib.offline).toBe('online-only');
    await expect(clerk.backend.handler('cjib.export', {}, { requestId: 'offline-clerk-0003' })).resolves.toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: offlineRefusal(cjib.offline === 'online-only' ? cjib.reason : '') },
    });
    // Reads come from the copy, which already holds the offline outcomes.
    await expect(clerk.backend.handler('district.get', {}, {})).resolves.toMatchObject({ ok: true });
    const copy = new Database(clerk.localCopy.path, { readonly: true });
    try {
      expect(copy.prepare('select hearing_id as hearingId, outcome from hearing_outcome where hearing_id in (?, ?) order by hearing_id').all(first.id, second.id)).toEqual([
        { hearingId: first.id, outcome: 'not_appeared' },
        { hearingId: second.id, outcome: 'not_appeared' },
      ]);
    } finally {
      copy.close();
    }

    const offline = await clerk.backend.status();
    expect(offline).toMatchObject({ connection: 'offline', offlineSince: NOW.toISOString(), conflicts: [] });
    expect(offline.pending.map((p) => [p.requestId, p.operation, p.summary, p.subject])).toEqual([
      ['offline-clerk-0001', 'outcomes.record', `Uitkomst vastleggen: zaak ${first.parketnummer}`, { table: 'hearing', key: String(first.id) }],
      ['offline-clerk-0002', 'outcomes.record', `Uitkomst vastleggen: zaak ${second.parketnummer}`, { table: 'hearing', key: String(second.id) }],
    ]);
    expect(await serverCount('select count(*) as n from hearing_outcome where hearing_id in ($1, $2)', [first.id, second.id])).toBe(0);

    // The app is closed and opened again while still offline: the outbox is still there.
    const restarted = await clerk.restart();
    const again = await restarted.backend.status();
    expect(again.connection).toBe('offline');
    expect(again.pending.map((p) => p.requestId)).toEqual(['offline-clerk-0001', 'offline-clerk-0002']);
    await restarted.backend.syncNow();
    expect((await restarted.backend.status()).connection).toBe('offline');

    await stack.proxy.start();
    await restarted.backend.syncNow();
    const online = await restarted.backend.status();
    expect(online).toMatchObject({ connection: 'online', offlineSince: null, pending: [], conflicts: [], dataAsOf: NOW.toISOString() });
    // Confirmed once: one outcome per hearing, one processed request per id.
    expect(await serverCount('select count(*) as n from hearing_outcome where hearing_id in ($1, $2)', [first.id, second.id])).toBe(2);
    expect(await serverCount("select count(*) as n from processed_request where request_id like 'offline-clerk-%'", [])).toBe(2);
    expect(await copyDifferences(restarted)).toEqual([]);
    await restarted.backend.close();
  });

  it("sends the reads of personal data it answered offline to the server's log, under the signed-in person", async () => {
    // The desktop's clock moves on after the first copy (itself traced as a disclosure of every case at NOW).
    let desktopNow = NOW.getTime();
    const later = new Date(NOW.getTime() + 2 * 3_600_000);
    const clerk = await stack.desktop(TEST_USERS.clerk, 'clerk-reads', { clock: { now: () => new Date(desktopNow), today: () => TODAY } });
    desktopNow = later.getTime();
    const { id: caseId, parketnummer } = (await stack.owner.query<{ id: number; parketnummer: string }>('select id, parketnummer from criminal_case order by id desc limit 1')).rows[0]!;
    const before = await serverCount("select count(*) as n from personal_data_read where case_id = $1 and operation like '%zonder verbinding%'", [caseId]);
    expect(before).toBe(0);

    await stack.proxy.stop();
    const read = await clerk.backend.handler('cases.get', { id: caseId }, { requestId: 'offline-read-0001' });
    expect(read).toMatchObject({ ok: true, value: { parketnummer } });
    expect((await clerk.backend.status()).connection).toBe('offline');
    const local = new Database(clerk.localCopy.path, { readonly: true });
    try {
      expect(local.prepare('select count(*) as n from personal_data_read where case_id = ?').get(caseId)).toEqual({ n: 1 });
    } finally {
      local.close();
    }

    await stack.proxy.start();
    await clerk.backend.syncNow();
    expect((await clerk.backend.status()).connection).toBe('online');
    const traced = (
      await stack.owner.query<{ actor: string; operation: string; read_at: string }>(
        'select actor, operation, read_at from personal_data_read where case_id = $1 and operation like $2',
        [caseId, '%zonder verbinding%'],
      )
    ).rows;
    expect(traced).toEqual([{ actor: 'Greet Smit (Rechtbank Noord-Holland)', operation: 'cases.get (zonder verbinding)', read_at: later.toISOString() }]);
    const after = new Database(clerk.localCopy.path, { readonly: true });
    try {
      expect(after.prepare('select count(*) as n from personal_data_read').get()).toEqual({ n: 0 });
    } finally {
      after.close();
    }
    // A second round sends nothing again.
    await clerk.backend.syncNow();
    expect(await serverCount("select count(*) as n from personal_data_read where case_id = $1 and operation like '%zonder verbinding%'", [caseId])).toBe(1);
    await clerk.backend.close();
  });

  it("puts a reservation of a slot someone else took meanwhile into the conflict inbox with the server's reason; the decision is audited", async () => {
    const prosecutor = await stack.desktop(TEST_USERS.prosecutor, 'prosecutor');
    const colleague = await stack.direct(TEST_USERS.prosecutor);
    const sessions = (await stack.owner.query<{ id: number; date: string }>("select id, date from court_session where date >= '2026-07-06' and status = 'scheduled' and capacity_slots >= 4 order by date, id limit 40")).rows;
    let target: { sessionId: number; modality: string; date: string } | null = null;
    let n = 0;
    const requestId = () => `colleague-${String(++n).padStart(4, '0')}`;
    search: for (const session of sessions) {
      for (const modality of RESERVABLE_MODALITIES) {
        const answer = await colleague.handler('reservations.reserve', { sessionId: session.id, modality, slots: 1 }, { requestId: requestId() });
        if (answer.ok) {
          target = { sessionId: session.id, modality, date: session.date };
          break search;
        }
      }
    }
    expect(target).not.toBeNull();
    const { sessionId, modality, date } = target!;
    await prosecutor.backend.syncNow();

    await stack.proxy.stop();
    const mine = await prosecutor.backend.handler('reservations.reserve', { sessionId, modality, slots: 1 }, { requestId: 'offline-pros-0001' });
    expect(mine.ok ? 'ok' : mine.error).toBe('ok');
    // Meanwhile the colleague takes every free place.
    for (;;) {
      const answer = await colleague.handler('reservations.reserve', { sessionId, modality, slots: 50 }, { requestId: requestId() });
      if (answer.ok) continue;
      const free = Number(/nog (\d+) vrije/.exec(answer.error.message)?.[1] ?? 'NaN');
      expect(Number.isInteger(free)).toBe(true);
      if (free === 0) break;
      expect(await colleague.handler('reservations.reserve', { sessionId, modality, slots: free }, { requestId: requestId() })).toMatchObject({ ok: true });
    }

    await stack.proxy.start();
    await prosecutor.backend.syncNow();
    const status = await prosecutor.backend.status();
    expect(status.connection).toBe('online');
    expect(status.pending).toEqual([]);
    expect(status.conflicts).toHaveLength(1);
    const [conflict] = status.conflicts;
    const [year, month, day] = date.split('-');
    expect(conflict).toMatchObject({
      requestId: 'offline-pros-0001',
      operation: 'reservations.reserve',
      summary: expect.stringMatching(new RegExp(`^Reserveren: 1 plaats op zitting ${day}-${month}-${year} `)),
      reason: expect.stringMatching(/^Aantal plaatsen: deze zitting heeft nog 0 vrije plaatsen/),
      subject: { table: 'court_session', key: String(sessionId) },
    });
    expect(conflict!.serverNow).toEqual([expect.objectContaining({ id: sessionId, date })]);
    // Nothing of it on the server, and the copy is the server's again (the local reservation is gone).
    expect(await serverCount("select count(*) as n from processed_request where request_id = 'offline-pros-0001'", [])).toBe(0);
    expect(await copyDifferences(prosecutor)).toEqual([]);

    // Trying again sends the same reservation as a new request: the server refuses it again, the conflict stays.
    await expect(prosecutor.backend.resolveConflict(conflict!.id, 'redo')).resolves.toEqual({ ok: false, message: expect.stringMatching(/^Aantal plaatsen: deze zitting heeft nog 0 vrije plaatsen/) });
    expect((await prosecutor.backend.status()).conflicts.map((c) => c.id)).toEqual([conflict!.id]);
    await expect(prosecutor.backend.resolveConflict(conflict!.id, 'drop')).resolves.toEqual({ ok: true });
    expect((await prosecutor.backend.status()).conflicts).toEqual([]);
    const audit = (await stack.owner.query<{ actor: string; details: string }>("select actor, details from audit_event where action = 'sync.conflict_resolved'")).rows;
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe('Pieter Jansen (Openbaar Ministerie)');
    expect(JSON.parse(audit[0]!.details)).toEqual({ choice: 'drop', operation: 'reservations.reserve', requestId: 'offline-pros-0001', summary: conflict!.summary });
    await expect(prosecutor.backend.resolveConflict(conflict!.id, 'drop')).resolves.toMatchObject({ ok: false });
    await prosecutor.backend.close();
  });

  it('carries out one choice when two windows choose for the same conflict at once: a redo is sent once', async () => {
    const prosecutor = await stack.desktop(TEST_USERS.prosecutor, 'prosecutor-two-windows');
    const colleague = await stack.direct(TEST_USERS.prosecutor);
    const sessions = (await stack.owner.query<{ id: number }>("select id from court_session where date >= '2026-07-13' and status = 'scheduled' and capacity_slots >= 4 order by date desc, id limit 40")).rows;
    let n = 0;
    const requestId = () => `colleague-two-${String(++n).padStart(4, '0')}`;
    let target: { sessionId: number; modality: string } | null = null;
    search: for (const session of sessions) {
      for (const modality of RESERVABLE_MODALITIES) {
        if ((await colleague.handler('reservations.reserve', { sessionId: session.id, modality, slots: 1 }, { requestId: requestId() })).ok) {
          target = { sessionId: session.id, modality };
          break search;
        }
      }
    }
    expect(target).not.toBeNull();
    const { sessionId, modality } = target!;
    await prosecutor.backend.syncNow();

    await stack.proxy.stop();
    expect(await prosecutor.backend.handler('reservations.reserve', { sessionId, modality, slots: 1 }, { requestId: 'offline-two-0001' })).toMatchObject({ ok: true });
    // Meanwhile every free place goes, in one reservation.
    const refused = await colleague.handler('reservations.reserve', { sessionId, modality, slots: 50 }, { requestId: requestId() });
    const free = Number(/nog (\d+) vrije/.exec(refused.ok ? '' : refused.error.message)?.[1] ?? 'NaN');
    expect(free).toBeGreaterThan(0);
    expect(await colleague.handler('reservations.reserve', { sessionId, modality, slots: free }, { requestId: requestId() })).toMatchObject({ ok: true });
    await stack.proxy.start();
    await prosecutor.backend.syncNow();
    const [conflict] = (await prosecutor.backend.status()).conflicts;
    expect(conflict).toMatchObject({ requestId: 'offline-two-0001' });

    // The places come free again; then the same conflict is redone from two windows at the same moment.
    const last = (await stack.owner.query<{ id: number; version: number }>('select id, version from reservation where session_id = $1 and released_at is null order by id desc limit 1', [sessionId])).rows[0]!;
    expect(await colleague.handler('reservations.release', { reservationId: last.id, reason: 'Plaatsen weer vrij', expectedVersion: last.version }, { requestId: requestId() })).toMatchObject({ ok: true });
    const open = () => serverCount('select count(*) as n from reservation where session_id = $1 and released_at is null', [sessionId]);
    const before = await open();
    const answers = await Promise.all([prosecutor.backend.resolveConflict(conflict!.id, 'redo'), prosecutor.backend.resolveConflict(conflict!.id, 'redo')]);
    expect(answers).toContainEqual({ ok: true });
    expect(answers).toContainEqual({ ok: false, message: expect.stringMatching(/^Dit conflict wordt al afgehandeld/) });
    expect(await open()).toBe(before + 1);
    expect((await prosecutor.backend.status()).conflicts).toEqual([]);
    expect(await serverCount("select count(*) as n from audit_event where action = 'sync.conflict_resolved' and details like '%offline-two-0001%'", [])).toBe(1);
    await prosecutor.backend.close();
  });

  it('sends an entry again after a cut that lost the answer: the server answers from its store, the change is there once', async () => {
    const clerk = await stack.desktop(TEST_USERS.clerk, 'clerk-cut');
    const [hearing] = (
      await stack.owner.query<{ id: number }>(
        `select h.id from hearing h join court_session s on s.id = h.session_id join criminal_case c on c.id = h.case_id
         where s.date = $1 and h.status = 'planned' and c.status = 'planned' order by h.id limit 1`,
        [TODAY],
      )
    ).rows;
    expect(hearing).toBeDefined();
    await stack.proxy.stop();
    const input = { hearingId: hearing!.id, outcome: 'not_appeared', reason: 'Verdachte niet verschenen' };
    await expect(clerk.backend.handler('outcomes.record', input, { requestId: 'cut-clerk-0001' })).resolves.toMatchObject({ ok: true });

    // Back, but the server's answer to the first entry never arrives: the cut comes after the server acted.
    await stack.proxy.start();
    stack.proxy.holdResponses();
    const flushing = clerk.backend.syncNow();
    await untilOnServer("select count(*) as n from processed_request where request_id = 'cut-clerk-0001' and answer is not null", []);
    await stack.proxy.stop();
    await flushing;
    const cut = await clerk.backend.status();
    expect(cut.connection).toBe('offline');
    expect(cut.pending.map((p) => p.requestId)).toEqual(['cut-clerk-0001']);

    await stack.proxy.start();
    await clerk.backend.syncNow();
    expect(await clerk.backend.status()).toMatchObject({ connection: 'online', pending: [], conflicts: [] });
    expect(await serverCount('select count(*) as n from hearing_outcome where hearing_id = $1', [hearing!.id])).toBe(1);
    expect(await copyDifferences(clerk)).toEqual([]);
    await clerk.backend.close();
  });
});
