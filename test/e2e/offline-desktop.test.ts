import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_START_URL } from '../../electron/main/app-origin';
import { createDesktopStart, registerDesktopStartIpc, type DesktopStart } from '../../electron/main/desktop-start';
import { registerApiIpc, type IpcMainLike } from '../../electron/main/ipc-bridge';
import { actorLabel } from '../../server/auth/signed-in-person';
import { createConnectedBackend } from '../../server/desktop/connected-backend';
import { localCopyPath, openLocalCopy } from '../../server/desktop/local-copy/local-copy';
import { createSyncingBackend } from '../../server/desktop/syncing-backend';
import { createDistrictLogger } from '../../server/district-server/district-logger';
import { startDistrictServer, type RunningDistrictServer } from '../../server/district-server/district-server';
import type { wireDistrict as WireDistrict } from '../../server/district-server/district-wiring';
import { applyPgMigrations } from '../../server/district-server/pg-migrations';
import { copySqliteToPostgres } from '../../server/pg/copy-sqlite-to-postgres';
import { clockStartingAt } from '../../server/services/context/clock';
import { BRIDGE_GLOBAL_NAME, IPC_API_CHANNEL } from '../../shared/api/bridge';
import { OPERATION_NAMES } from '../../shared/api/contract';
import {
  DESKTOP_BRIDGE_GLOBAL_NAME,
  IPC_DESKTOP_RESOLVE_CONFLICT_CHANNEL,
  IPC_DESKTOP_SIGN_OUT_CHANNEL,
  IPC_DESKTOP_START_CHANNEL,
  IPC_DESKTOP_STATE_CHANNEL,
  IPC_DESKTOP_SYNC_NOW_CHANNEL,
  IPC_DESKTOP_SYNC_STATUS_CHANNEL,
} from '../../shared/api/desktop-bridge';
import { demoDistrictFile, E2E_NOW, E2E_TODAY, SMALL_DEMO } from '../support/e2e-district';
import { startPostgres, type PostgresServer } from '../support/postgres-server';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { TestBrowser } from '../support/test-browser';
import { makeTestCertificates } from '../support/test-ca';
import { startTestIdentityProvider, TEST_USERS, type TestIdentityProvider, type TestUser } from '../support/test-identity-provider';
import { axeViolations, CHROMIUM_PATH, launchChromium, screenshot, SCREENSHOT_DIR } from './support/browser';
import { ROOT } from './support/serve-process';
import { fetchTrusting, freePort } from '../support/trusting-fetch';

/**
 * Issue 14 in real Chromium: a desktop connected to the district server keeps working when the network
 * is cut. Real parts only: PostgreSQL with the demo district, the district server (the built operations,
 * real TLS, the test identity provider), a real TCP proxy between the desktop and the server that the
 * test stops and starts (test/support/tcp-proxy.ts), and per person the desktop's back end as Electron's
 * main process runs it (electron/main/desktop-start.ts with the ConnectedBackend, a LocalCopy in its own
 * user-data folder and the SyncingBackend, its IPC channels registered by the same functions as in
 * main.ts). The built UI runs in Chromium; the preload's two bridges are stood in for by a page binding
 * that calls those channels (as the app's own page), so every operation and sync call takes the path it
 * takes in Electron.
 *
 * A clerk records two outcomes while the proxy is down, sees them "nog niet bevestigd", the proxy comes
 * back, both are confirmed on the server. A prosecutor reserves the free places of a session offline;
 * meanwhile someone else takes one; back online the reservation lands in the conflict inbox with the
 * server's reason, and dropping it is recorded on the server.
 *
 * Builds: KETENPLANNER_WIRING_BUNDLE (default dist/server/district-wiring.mjs) and
 * KETENPLANNER_RENDERER_ROOT (default dist/renderer), as `npm test` builds them.
 */
const WIRING_BUNDLE = process.env['KETENPLANNER_WIRING_BUNDLE'] ?? path.join(ROOT, 'dist', 'server', 'district-wiring.mjs');
const RENDERER_ROOT = process.env['KETENPLANNER_RENDERER_ROOT'] ?? path.join(ROOT, 'dist', 'renderer');
const PG_MIGRATIONS = path.join(ROOT, 'db', 'pg-migrations');
const SQLITE_MIGRATIONS = path.join(ROOT, 'db', 'migrations');

let dir: string;
let postgres: PostgresServer;
let owner: pg.Pool;
let idp: TestIdentityProvider;
let server: RunningDistrictServer;
let origin: string;
let ca: string;
let proxy: TcpProxy;
/** The server's address as the desktops know it: through the proxy. */
let proxiedOrigin: string;
let ui: http.Server;
let uiOrigin: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
const desktops: DesktopStart[] = [];

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png', '.json': 'application/json' };

/** The built UI over plain HTTP on 127.0.0.1 (Electron serves the same files on app://ketenplanner). */
function serveRenderer(root: string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    // Chromium asks every origin for a favicon (Electron's app:// protocol is never asked).
    if (pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const file = path.join(root, pathname === '/' ? 'index.html' : pathname);
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * A desktop as Electron's main process makes it (main.ts: createDesktopStart with the ConnectedBackend and
 * the offline layer), signed in as `user` through the proxy. The system browser is an HTTP client that
 * logs in; the desktop's clock starts at E2E_NOW. No timers: the test (or the page's 'Nu bijwerken')
 * says when to synchronise.
 */
async function startDesktop(user: TestUser): Promise<{ start: DesktopStart; handlers: Map<string, Parameters<IpcMainLike['handle']>[1]> }> {
  const userData = fs.mkdtempSync(path.join(dir, `desktop-${user.login}-`));
  const clock = clockStartingAt(new Date(E2E_NOW));
  const start = createDesktopStart({
    userDataFolder: userData,
    openFile: async () => null,
    connectTo: (serverUrl) =>
      createConnectedBackend({
        serverUrl,
        fetch: fetchTrusting(ca),
        requestTimeoutMs: 10_000,
        openBrowser: async (url) => {
          const systemBrowser = new TestBrowser();
          await systemBrowser.logIn(await systemBrowser.follow(url), user);
        },
      }),
    syncing: async (connected, person) => {
      const localCopy = await openLocalCopy({ path: localCopyPath(userData, connected.serverUrl, actorLabel(person)), migrationsFolder: SQLITE_MIGRATIONS, clock });
      return createSyncingBackend({ connected, person, localCopy, clock, intervals: null, log: () => undefined });
    },
  });
  desktops.push(start);
  const handlers = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
  const ipcMain: IpcMainLike = { handle: (channel, listener) => handlers.set(channel, listener) };
  registerDesktopStartIpc(ipcMain, start);
  registerApiIpc(ipcMain, start.handler);
  const started = await start.start({ mode: 'server', serverUrl: proxiedOrigin });
  if (!started.ok) throw new Error(started.message);
  // The first copy of what this person may see.
  await start.syncNow();
  const status = await start.syncStatus();
  expect(status).toMatchObject({ connection: 'online', pending: [], conflicts: [] });
  expect(status?.dataAsOf).not.toBeNull();
  return { start, handlers };
}

interface DesktopPage {
  page: Page;
  problems: string[];
}

/**
 * The desktop's window: the built UI in Chromium, with window.ketenplanner and window.ketenplannerDesktop
 * made as the preload makes them, each call going to the desktop's channel handlers as from the app's page.
 */
async function openDesktopPage(desktop: { handlers: Map<string, Parameters<IpcMainLike['handle']>[1]> }, route: string): Promise<DesktopPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  contexts.push(context);
  await context.clock.install({ time: new Date(E2E_NOW) });
  await context.exposeBinding('__ketenplannerIpc', async (source, channel: string, ...args: unknown[]) => {
    // Only the UI's own page, as Electron's channels answer only app://ketenplanner.
    if (!source.frame.url().startsWith(`${uiOrigin}/`)) return null;
    const handler = desktop.handlers.get(channel);
    if (!handler) throw new Error(`no channel ${channel}`);
    return handler({ senderFrame: { url: APP_START_URL } }, ...args);
  });
  await context.addInitScript(
    ({ names, bridgeName, desktopName, channels }) => {
      const ipc = (globalThis as unknown as { __ketenplannerIpc: (channel: string, ...args: unknown[]) => Promise<unknown> }).__ketenplannerIpc;
      const target = globalThis as unknown as Record<string, unknown>;
      target[bridgeName] = Object.freeze(
        Object.fromEntries(
          names.map((name) => [
            name,
            (input: unknown, meta?: { requestId?: unknown }) => ipc(channels.api, name, input, typeof meta?.requestId === 'string' ? { requestId: meta.requestId } : {}),
          ]),
        ),
      );
      target[desktopName] = Object.freeze({
        state: () => ipc(channels.state),
        start: (choice: { mode: string; serverUrl?: string }) => ipc(channels.start, choice.mode === 'server' ? { mode: 'server', serverUrl: String(choice.serverUrl) } : { mode: 'file' }),
        signOut: async () => {
          await ipc(channels.signOut);
        },
        syncStatus: () => ipc(channels.syncStatus),
        syncNow: async () => {
          await ipc(channels.syncNow);
        },
        resolveConflict: (id: number, choice: string) => ipc(channels.resolveConflict, Number(id), String(choice)),
      });
    },
    {
      names: [...OPERATION_NAMES],
      bridgeName: BRIDGE_GLOBAL_NAME,
      desktopName: DESKTOP_BRIDGE_GLOBAL_NAME,
      channels: {
        api: IPC_API_CHANNEL,
        state: IPC_DESKTOP_STATE_CHANNEL,
        start: IPC_DESKTOP_START_CHANNEL,
        signOut: IPC_DESKTOP_SIGN_OUT_CHANNEL,
        syncStatus: IPC_DESKTOP_SYNC_STATUS_CHANNEL,
        syncNow: IPC_DESKTOP_SYNC_NOW_CHANNEL,
        resolveConflict: IPC_DESKTOP_RESOLVE_CONFLICT_CHANNEL,
      },
    },
  );
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()} ${new URL(r.url()).pathname}`));
  await page.goto(`${uiOrigin}/#${route}`);
  return { page, problems };
}

const connectionLine = (page: Page) => page.getByRole('region', { name: 'Verbinding met de districtsserver' }).getByRole('status');

beforeAll(async () => {
  if (!fs.existsSync(WIRING_BUNDLE) || !fs.existsSync(path.join(RENDERER_ROOT, 'index.html'))) {
    throw new Error('Build first: npx vite build --config vite.renderer.config.ts && npx vite build --config vite.server.config.ts (npm test does).');
  }
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-e2e-offline-desktop-'));
  const certs = makeTestCertificates(dir);
  ca = certs.caCert;
  postgres = await startPostgres();
  await applyPgMigrations(postgres.url, PG_MIGRATIONS);
  const file = await demoDistrictFile(SMALL_DEMO, dir);
  owner = new pg.Pool({ connectionString: postgres.url, max: 2 });
  owner.on('error', () => undefined);
  const client = await owner.connect();
  try {
    await copySqliteToPostgres(file, client);
  } finally {
    client.release();
  }

  const port = await freePort();
  origin = `https://127.0.0.1:${port}`;
  idp = await startTestIdentityProvider({ serverRedirectUri: `${origin}/auth/callback`, serverPostLogoutRedirectUri: `${origin}/`, apiResource: `${origin}/api` });
  const apiUrl = new URL(postgres.url);
  apiUrl.username = 'ketenplanner_api';
  const { wireDistrict } = (await import(WIRING_BUNDLE)) as { wireDistrict: typeof WireDistrict };
  const clock = clockStartingAt(new Date(E2E_NOW));
  server = await startDistrictServer({
    config: {
      databaseUrl: apiUrl.toString(),
      migrationDatabaseUrl: postgres.url,
      listen: { host: '127.0.0.1', port },
      tls: { cert: certs.certFile, key: certs.keyFile },
      shutdownGraceSeconds: 5,
      oidc: {
        issuer: idp.issuer,
        clientId: idp.serverClient.clientId,
        clientSecret: idp.serverClient.clientSecret,
        redirectUri: `${origin}/auth/callback`,
        apiAudience: idp.apiResource,
        desktopClientId: idp.desktopClient.clientId,
      },
    },
    logger: createDistrictLogger({ clock, level: 'silent' }),
    migrationsFolder: PG_MIGRATIONS,
    staticRoot: null,
    clock,
    wire: wireDistrict,
  });
  proxy = await startTcpProxy({ host: '127.0.0.1', port });
  proxiedOrigin = `https://127.0.0.1:${proxy.port}`;
  ui = await serveRenderer(RENDERER_ROOT);
  uiOrigin = `http://127.0.0.1:${(ui.address() as net.AddressInfo).port}`;
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  for (const desktop of desktops) await desktop.close().catch(() => undefined);
  await new Promise((resolve) => (ui ? ui.close(resolve) : resolve(undefined)));
  await proxy?.close();
  await server?.shutdown();
  await idp?.close();
  await owner?.end();
  await postgres?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('an offline desktop in real Chromium', () => {
  it('a clerk records two outcomes while the server cannot be reached; they are confirmed when it is back', async () => {
    // A session that has begun, with two hearings still without an outcome (read independently of the app).
    const picked = await owner.query<{ sessionId: number; hearingIds: number[]; parketnummers: string[] }>(
      `select s.id as "sessionId", (array_agg(h.id order by h.id))[1:2] as "hearingIds", (array_agg(c.parketnummer order by h.id))[1:2] as parketnummers
         from hearing h join court_session s on s.id = h.session_id join criminal_case c on c.id = h.case_id
        where s.status = 'scheduled' and s.judge_id is not null and (s.date < $1 or (s.date = $1 and s.start_time <= '09:30')) and h.status in ('planned', 'held') and c.status in ('planned', 'heard')
          and not exists (select 1 from hearing_outcome o where o.hearing_id = h.id)
        group by s.id, s.date having count(*) >= 2 order by s.date desc, s.id limit 1`,
      [E2E_TODAY],
    );
    const roll = picked.rows[0];
    if (!roll) throw new Error('the demo has no held session with two hearings without an outcome');

    const desktop = await startDesktop(TEST_USERS.clerk);
    const { page, problems } = await openDesktopPage(desktop, `/zittingen/${roll.sessionId}/uitspraken`);
    await page.getByRole('heading', { level: 1, name: /^Uitspraken vastleggen/ }).waitFor();
    await expect.poll(() => connectionLine(page).textContent()).toBe(`Verbonden met 127.0.0.1:${proxy.port}`);
    await page.getByRole('region', { name: 'Aangemeld' }).getByText('Greet Smit').waitFor();

    // The network goes.
    proxy.stop();
    for (const parketnummer of roll.parketnummers) {
      const form = page.getByRole('form', { name: `Uitkomst van zaak ${parketnummer}` });
      await form.getByRole('radio', { name: 'Aangehouden' }).check();
      await form.getByLabel('Weer te plannen vanaf').fill('22-06-2026');
      await form.getByLabel('Reden van aanhouding').fill('Tolk niet aanwezig');
      await form.getByRole('button', { name: 'Opslaan' }).click();
      await form.waitFor({ state: 'detached' });
      const entry = page.getByRole('listitem').filter({ hasText: parketnummer });
      await entry.getByTestId('recorded-outcome').waitFor();
      await entry.getByTestId('not-confirmed').getByText(/^nog niet bevestigd/).waitFor();
    }
    await expect.poll(() => connectionLine(page).textContent()).toMatch(/^Offline sinds \d\d:\d\d, gegevens van \d\d:\d\d, 2 nog niet bevestigd$/);
    const pendingList = page.locator('details.sync-pending');
    await pendingList.getByText('2 nog niet bevestigd').click();
    const pendingItems = await pendingList.getByRole('listitem').allTextContents();
    expect(pendingItems).toHaveLength(2);
    for (const [index, parketnummer] of roll.parketnummers.entries()) expect(pendingItems[index]).toContain(`Uitkomst vastleggen: zaak ${parketnummer}`);
    // Nothing has reached the server.
    const onServer = () => owner.query<{ recordedBy: string }>('select recorded_by as "recordedBy" from hearing_outcome where hearing_id = any($1::int[])', [roll.hearingIds]);
    expect((await onServer()).rows).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'offline-desktop-clerk-offline');
    await pendingList.getByText('2 nog niet bevestigd').click();

    // The network is back: 'Nu bijwerken' sends the outbox; the server confirms both.
    proxy.start();
    await page.getByRole('button', { name: 'Nu bijwerken' }).click();
    await expect.poll(() => connectionLine(page).textContent(), { timeout: 30_000 }).toBe(`Verbonden met 127.0.0.1:${proxy.port}`);
    await expect.poll(() => page.getByTestId('not-confirmed').count()).toBe(0);
    for (const parketnummer of roll.parketnummers) await page.getByRole('listitem').filter({ hasText: parketnummer }).getByTestId('recorded-outcome').waitFor();
    expect((await onServer()).rows).toEqual([{ recordedBy: 'Greet Smit (Rechtbank Noord-Holland)' }, { recordedBy: 'Greet Smit (Rechtbank Noord-Holland)' }]);
    // Each once, though a lost answer would have been sent again with the same request id.
    const audits = await owner.query<{ n: string }>(`select count(*) as n from audit_event where action = 'outcome.recorded' and actor = 'Greet Smit (Rechtbank Noord-Holland)'`);
    expect(Number(audits.rows[0]!.n)).toBe(2);
    await screenshot(page, 'offline-desktop-clerk-confirmed');
    expect(problems).toEqual([]);
  });

  it("a prosecutor's offline reservation of places taken meanwhile lands in the conflict inbox with the server's reason", async () => {
    const desktop = await startDesktop(TEST_USERS.prosecutor);
    // Someone else at the same time, directly on the server (not through the proxy).
    const colleague = createConnectedBackend({
      serverUrl: origin,
      fetch: fetchTrusting(ca),
      openBrowser: async (url) => {
        const systemBrowser = new TestBrowser();
        await systemBrowser.logIn(await systemBrowser.follow(url), TEST_USERS.prosecutor);
      },
    });
    await colleague.connect();
    const window = { from: E2E_TODAY, to: '2026-07-26' };
    const overview = await colleague.handler('reservations.list', window, {});
    if (!overview.ok) throw new Error(overview.error.message);
    const sessions = (overview.value as { sessions: { sessionId: number; free: number; reservableModalities: string[]; releaseDueOn: string | null }[] }).sessions;
    const session = sessions.find((s) => s.free >= 2 && s.free <= 4 && s.reservableModalities.length > 0 && (s.releaseDueOn === null || s.releaseDueOn > '2026-06-20'));
    if (!session) throw new Error('no session with a few free places to reserve');

    const { page, problems } = await openDesktopPage(desktop, '/reserveringen');
    await page.getByRole('heading', { level: 1, name: 'Reserveringen van het OM' }).waitFor();
    await expect.poll(() => connectionLine(page).textContent()).toBe(`Verbonden met 127.0.0.1:${proxy.port}`);

    proxy.stop();
    // Offline: every free place of the session, on the local copy.
    const form = page.getByRole('form', { name: 'Plaatsen reserveren' });
    await form.getByLabel('Zitting *').selectOption(String(session.sessionId));
    await form.getByLabel('Modaliteit *').selectOption(session.reservableModalities[0]!);
    await form.getByLabel('Aantal plaatsen *').fill(String(session.free));
    await form.getByRole('button', { name: 'Reserveren' }).click();
    await form.getByRole('status').getByText(/^Gereserveerd\./).waitFor();
    await expect.poll(() => connectionLine(page).textContent()).toMatch(/^Offline sinds \d\d:\d\d, gegevens van \d\d:\d\d, 1 nog niet bevestigd$/);
    const row = page.locator('tbody tr').filter({ has: page.getByTestId('not-confirmed') });
    await expect.poll(() => row.count()).toBe(1);
    // The list is long: the part of the screen with the header and the marked row.
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'offline-desktop-prosecutor-reserved-offline.png') });

    // Online-only actions say why they cannot be done now: a new case needs the server's number.
    await page.getByRole('link', { name: 'Nieuwe zaak' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe zaak invoeren' }).waitFor();
    const submit = page.getByRole('button', { name: 'Zaak opslaan' });
    await expect.poll(() => submit.isDisabled()).toBe(true);
    const reasonId = await submit.getAttribute('aria-describedby');
    expect(await page.locator(`#${reasonId}`).textContent()).toMatch(/^Niet mogelijk zonder verbinding met de districtsserver: een nieuwe zaak krijgt haar nummer/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'offline-desktop-prosecutor-new-case-disabled');

    // Meanwhile a colleague takes one of those places on the server.
    const taken = await colleague.handler('reservations.reserve', { sessionId: session.sessionId, modality: session.reservableModalities[0], slots: 1 }, { requestId: 'e2e-offline-colleague-0001' });
    expect(taken).toMatchObject({ ok: true });

    proxy.start();
    await page.getByRole('button', { name: 'Nu bijwerken' }).click();
    await expect.poll(() => connectionLine(page).textContent(), { timeout: 30_000 }).toBe(`Verbonden met 127.0.0.1:${proxy.port}`);
    const conflictsLink = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Conflicten (1)' });
    await conflictsLink.click();
    await page.getByRole('heading', { level: 1, name: 'Conflicten' }).waitFor();
    const entry = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: /^Reserveren: / }) });
    const reason = (await entry.locator('.conflict-reason').textContent()) ?? '';
    expect(reason.length).toBeGreaterThan(10);
    // What the server holds now, in words.
    await entry.locator('.server-now-fields').first().waitFor();
    expect(await entry.textContent()).not.toMatch(/[{}"]/);
    // The local copy holds the server's truth again: the offline reservation is gone, the colleague's is there.
    expect(await page.getByTestId('not-confirmed').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'offline-desktop-prosecutor-conflict');

    // Laten vallen, after confirming: out of the inbox, recorded on the server.
    await entry.getByRole('button', { name: /^Laten vallen: / }).click();
    await page.getByRole('button', { name: 'Ja, laten vallen' }).click();
    await page.getByText('Er zijn geen conflicten: de districtsserver heeft al uw handelingen verwerkt.').waitFor();
    const resolved = await owner.query<{ actor: string }>(`select actor from audit_event where action = 'sync.conflict_resolved'`);
    expect(resolved.rows).toEqual([{ actor: 'Pieter Jansen (Openbaar Ministerie)' }]);
    // On the server only the colleague's place: the offline reservation was never applied.
    const reserved = await owner.query<{ slots: number }>(`select slots from reservation where session_id = $1 and reserved_by = 'Pieter Jansen (Openbaar Ministerie)' order by id`, [session.sessionId]);
    expect(reserved.rows).toEqual([{ slots: 1 }]);
    expect(problems).toEqual([]);
  });
});
