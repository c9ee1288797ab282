import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDesktopStart, OFFLINE_START_MAX_AGE, type DesktopStart } from '../../electron/main/desktop-start';
import { actorLabel } from '../../server/auth/signed-in-person';
import { inspectLocalCopy, localCopyPath, openLocalCopy } from '../../server/desktop/local-copy/local-copy';
import { createSyncingBackend } from '../../server/desktop/syncing-backend';
import { fixedClock, type Clock } from '../../server/services/context/clock';
import { ROOT, startSyncStack, type SyncStack } from '../support/sync-stack';
import { TEST_USERS, type TestUser } from '../support/test-identity-provider';

/**
 * Issue 14's offline start: a clerk's desktop was connected (its local copy built), the courtroom has no
 * network, the laptop is restarted. Real parts only: PostgreSQL with a demo district, the district server
 * over TLS with the test identity provider, a TCP proxy the test stops and starts, and desktops made as
 * Electron's main process makes them (electron/main/desktop-start.ts with the ConnectedBackend, a LocalCopy
 * in the desktop's user-data folder and the SyncingBackend). Only Date is faked (pinned).
 */
const TODAY = '2026-06-15';
const NOW = new Date('2026-06-15T15:00:00.000Z');
const SQLITE_MIGRATIONS = path.join(ROOT, 'db', 'migrations');
const CLERK = { name: 'Greet Smit', organisation: 'Rechtbank Noord-Holland', roles: ['clerk'], policeUnit: null };

let stack: SyncStack;
/** A user-data folder whose clerk connected once (the copy built, the app closed); each test starts from a copy of it. */
let template: string;
let planned: { id: number; parketnummer: string }[];

/** A desktop as main.ts makes it, in `userData`; the system browser signs in as `user.current`. */
function desktopIn(userData: string, user: { current: TestUser | 'cancel' }, clock: Clock = fixedClock(NOW)): DesktopStart {
  return createDesktopStart({
    userDataFolder: userData,
    openFile: async () => null,
    connectTo: (serverUrl) => stack.connectedTo(serverUrl, () => user.current),
    syncing: async (connected, person, options) => {
      const localCopy = await openLocalCopy({ path: localCopyPath(userData, connected.serverUrl, actorLabel(person)), migrationsFolder: SQLITE_MIGRATIONS, clock });
      return createSyncingBackend({ connected, person, localCopy, clock, intervals: null, log: () => undefined, ...(options?.signedOut ? { signedOut: true } : {}) });
    },
    clock,
  });
}

function clerksDesktop(): string {
  const userData = fs.mkdtempSync(path.join(stack.dir, 'desktop-'));
  fs.cpSync(template, userData, { recursive: true });
  return userData;
}

async function serverCount(sql: string, params: unknown[]): Promise<number> {
  return Number((await stack.owner.query<{ n: string }>(sql, params)).rows[0]!.n);
}

const outcomesOn = (hearingId: number) => serverCount('select count(*) as n from hearing_outcome where hearing_id = $1', [hearingId]);
const record = (hearingId: number) => ({ hearingId, outcome: 'not_appeared', reason: 'Verdachte niet verschenen' });

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  stack = await startSyncStack({ clock: fixedClock(NOW), demo: { seed: 5, casesPerYear: 1200, asOf: TODAY } });
  planned = (
    await stack.owner.query<{ id: number; parketnummer: string }>(
      `select h.id, c.parketnummer from hearing h join court_session s on s.id = h.session_id join criminal_case c on c.id = h.case_id
       where s.date = $1 and h.status = 'planned' and c.status = 'planned' order by h.id limit 4`,
      [TODAY],
    )
  ).rows;
  expect(planned).toHaveLength(4);
  // The clerk connects once: the copy is built and the app closed.
  template = fs.mkdtempSync(path.join(stack.dir, 'template-'));
  const online = desktopIn(template, { current: TEST_USERS.clerk });
  const started = await online.start({ mode: 'server', serverUrl: stack.proxiedUrl });
  if (!started.ok) throw new Error(started.message);
  await online.syncNow();
  await online.close();
}, 300_000);

beforeEach(async () => {
  await stack.proxy.start();
});

afterAll(async () => {
  await stack?.close();
  vi.useRealTimers();
}, 60_000);

describe('a connected desktop restarted without network', () => {
  it("offers its copy, works on it signed out (reads, a queued outcome), asks to sign in when the server is back, and sends the outbox after the owner's sign-in", async () => {
    const hearing = planned[0]!;
    await stack.proxy.stop();
    const desktop = desktopIn(clerksDesktop(), { current: TEST_USERS.clerk });
    const refused = await desktop.start({ mode: 'server', serverUrl: stack.proxiedUrl });
    expect(refused).toEqual({
      ok: false,
      message: expect.stringContaining('is niet bereikbaar'),
      offline: { serverUrl: stack.proxiedUrl, name: 'Greet Smit', organisation: 'Rechtbank Noord-Holland', dataAsOf: NOW.toISOString() },
    });
    expect(desktop.state().phase).toBe('choose');

    const started = await desktop.start({ mode: 'offline', serverUrl: stack.proxiedUrl });
    expect(started).toMatchObject({ ok: true, state: { phase: 'server', serverUrl: stack.proxiedUrl, person: CLERK } });
    // Reads from the copy, with the owner's roles; a queueable write into the outbox; online-only refused in Dutch.
    await expect(desktop.handler('district.get', {}, {})).resolves.toMatchObject({ ok: true });
    await expect(desktop.handler('outcomes.record', record(hearing.id), { requestId: 'offline-start-0001' })).resolves.toMatchObject({ ok: true });
    await expect(desktop.handler('cjib.export', {}, { requestId: 'offline-start-0002' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', message: expect.stringContaining('Niet mogelijk zonder verbinding met de districtsserver') },
    });
    const offline = await desktop.syncStatus();
    expect(offline).toMatchObject({ connection: 'offline', signIn: 'signedOut', offlineSince: NOW.toISOString(), dataAsOf: NOW.toISOString() });
    expect(offline?.pending.map((p) => p.summary)).toEqual([`Uitkomst vastleggen: zaak ${hearing.parketnummer}`]);

    // The probe while the network is still gone.
    await desktop.syncNow();
    expect(await desktop.syncStatus()).toMatchObject({ connection: 'offline', signIn: 'signedOut' });

    // The server answers again: the header asks to sign in; nothing was sent.
    await stack.proxy.start();
    await desktop.syncNow();
    const back = await desktop.syncStatus();
    expect(back).toMatchObject({ connection: 'signed-out', signIn: 'signedOut' });
    expect(back?.pending).toHaveLength(1);
    expect(await outcomesOn(hearing.id)).toBe(0);

    await expect(desktop.signIn()).resolves.toEqual({ ok: true, note: null });
    expect(await desktop.syncStatus()).toMatchObject({ connection: 'online', signIn: 'signedIn', pending: [], conflicts: [] });
    expect(await outcomesOn(hearing.id)).toBe(1);
    // Sent under the owner's name, the signed-in person.
    expect(await serverCount("select count(*) as n from processed_request where request_id = 'offline-start-0001' and actor = 'Greet Smit (Rechtbank Noord-Holland)'", [])).toBe(1);
    expect(desktop.state().person).toMatchObject(CLERK);
    await desktop.close();
  });

  it("never sends the owner's outbox under someone else's name: their own copy is opened, the owner's waits on disk", async () => {
    const hearing = planned[1]!;
    const userData = clerksDesktop();
    const user: { current: TestUser } = { current: TEST_USERS.clerk };
    await stack.proxy.stop();
    const desktop = desktopIn(userData, user);
    await desktop.start({ mode: 'server', serverUrl: stack.proxiedUrl });
    await expect(desktop.start({ mode: 'offline', serverUrl: stack.proxiedUrl })).resolves.toMatchObject({ ok: true });
    await expect(desktop.handler('outcomes.record', record(hearing.id), { requestId: 'offline-start-0101' })).resolves.toMatchObject({ ok: true });

    await stack.proxy.start();
    user.current = TEST_USERS.coordinator;
    const answer = await desktop.signIn();
    expect(answer).toEqual({ ok: true, note: expect.stringContaining('1 niet-verstuurde wijziging van Greet Smit (Rechtbank Noord-Holland) blijft op deze computer bewaard') });
    expect(desktop.state().person).toMatchObject({ name: 'Carla Dekker' });
    await desktop.syncNow();
    expect(await desktop.syncStatus()).toMatchObject({ connection: 'online', signIn: 'signedIn', pending: [], waitingFor: { owner: 'Greet Smit (Rechtbank Noord-Holland)', pending: 1 } });
    // The coordinator's own copy; the clerk's outbox untouched, nothing sent.
    expect(inspectLocalCopy(localCopyPath(userData, stack.proxiedUrl, 'Carla Dekker (Rechtbank Noord-Holland)'))).toMatchObject({ complete: true, owner: { name: 'Carla Dekker' } });
    expect(inspectLocalCopy(localCopyPath(userData, stack.proxiedUrl, 'Greet Smit (Rechtbank Noord-Holland)'))).toMatchObject({ pending: 1, owner: CLERK });
    expect(await outcomesOn(hearing.id)).toBe(0);
    await desktop.close();

    // The clerk signs in on this desktop later: her outbox goes, under her name.
    user.current = TEST_USERS.clerk;
    const later = desktopIn(userData, user);
    await expect(later.start({ mode: 'server', serverUrl: stack.proxiedUrl })).resolves.toMatchObject({ ok: true });
    await later.syncNow();
    expect(await later.syncStatus()).toMatchObject({ connection: 'online', pending: [] });
    expect(await outcomesOn(hearing.id)).toBe(1);
    expect(await serverCount("select count(*) as n from processed_request where request_id = 'offline-start-0101' and actor = 'Greet Smit (Rechtbank Noord-Holland)'", [])).toBe(1);
    await later.close();
  });

  it('refuses a copy older than 7 days, naming its age in Dutch', async () => {
    await stack.proxy.stop();
    const eightDaysLater = fixedClock(new Date(NOW.getTime() + OFFLINE_START_MAX_AGE + 24 * 3_600_000));
    const desktop = desktopIn(clerksDesktop(), { current: TEST_USERS.clerk }, eightDaysLater);
    const answer = await desktop.start({ mode: 'server', serverUrl: stack.proxiedUrl });
    expect(answer).not.toHaveProperty('offline');
    expect(answer).toMatchObject({
      ok: false,
      message: expect.stringContaining('De kopie op deze computer is van ma 15 juni 2026 17:00, 8 dagen oud. Zonder verbinding verder werken kan alleen met gegevens van hoogstens 7 dagen oud'),
    });
    await expect(desktop.start({ mode: 'offline', serverUrl: stack.proxiedUrl })).resolves.toMatchObject({ ok: false, message: expect.stringContaining('8 dagen oud') });
    expect(desktop.state().phase).toBe('choose');
    await desktop.close();
  });

  it('offers no offline start when the sign-in was refused (the server answered)', async () => {
    const desktop = desktopIn(clerksDesktop(), { current: 'cancel' });
    const answer = await desktop.start({ mode: 'server', serverUrl: stack.proxiedUrl });
    expect(answer).toEqual({ ok: false, message: 'Aanmelden is geannuleerd.' });
    expect(desktop.state().phase).toBe('choose');
    await desktop.close();
  });
});
