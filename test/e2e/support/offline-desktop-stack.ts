import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import pg from 'pg';
import { APP_START_URL } from '../../../electron/main/app-origin';
import { createDesktopStart, registerDesktopStartIpc, type DesktopStart } from '../../../electron/main/desktop-start';
import { registerApiIpc, type IpcMainLike } from '../../../electron/main/ipc-bridge';
import { actorLabel } from '../../../server/auth/signed-in-person';
import { createConnectedBackend } from '../../../server/desktop/connected-backend';
import { localCopyPath, openLocalCopy } from '../../../server/desktop/local-copy/local-copy';
import { createSyncingBackend } from '../../../server/desktop/syncing-backend';
import type { RunningDistrictServer } from '../../../server/district-server/district-server';
import { applyPgMigrations } from '../../../server/district-server/pg-migrations';
import { copySqliteToPostgres } from '../../../server/pg/copy-sqlite-to-postgres';
import { clockStartingAt } from '../../../server/services/context/clock';
import { BRIDGE_GLOBAL_NAME, IPC_API_CHANNEL } from '../../../shared/api/bridge';
import { OPERATION_NAMES } from '../../../shared/api/contract';
import {
  DESKTOP_BRIDGE_GLOBAL_NAME,
  IPC_DESKTOP_RESOLVE_CONFLICT_CHANNEL,
  IPC_DESKTOP_SIGN_IN_CHANNEL,
  IPC_DESKTOP_SIGN_OUT_CHANNEL,
  IPC_DESKTOP_START_CHANNEL,
  IPC_DESKTOP_STATE_CHANNEL,
  IPC_DESKTOP_SYNC_NOW_CHANNEL,
  IPC_DESKTOP_SYNC_STATUS_CHANNEL,
} from '../../../shared/api/desktop-bridge';
import { demoDistrictFile, E2E_NOW, SMALL_DEMO } from '../../support/e2e-district';
import { startPostgres, type PostgresServer } from '../../support/postgres-server';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy';
import { TestBrowser } from '../../support/test-browser';
import { makeTestCertificates } from '../../support/test-ca';
import type { TestIdentityProvider, TestUser } from '../../support/test-identity-provider';
import { startTestDistrictServer } from '../../support/test-district-server';
import { fetchTrusting } from '../../support/trusting-fetch';
import { CHROMIUM_PATH, launchChromium } from './browser';
import { ROOT } from './serve-process';

/**
 * Issue 14's stack in real Chromium, for test/e2e/offline-desktop.test.ts and scripts/dev/explore-offline.ts:
 * PostgreSQL with the small demo district, the district server (the built operations, real TLS, the test
 * identity provider), a real TCP proxy between the desktops and the server that the caller stops and
 * starts (test/support/tcp-proxy.ts), and per person the desktop's back end as Electron's main process
 * runs it (electron/main/desktop-start.ts with the ConnectedBackend, a LocalCopy in its own user-data
 * folder and the SyncingBackend, its IPC channels registered by the same functions as in main.ts). The
 * built UI runs in Chromium; the preload's two bridges are stood in for by a page binding that calls those
 * channels (as the app's own page), so every operation and sync call takes the path it takes in Electron.
 * Every clock (server, desktops, pages) starts at E2E_NOW.
 */

const PG_MIGRATIONS = path.join(ROOT, 'db', 'pg-migrations');
const SQLITE_MIGRATIONS = path.join(ROOT, 'db', 'migrations');

type ChannelHandler = Parameters<IpcMainLike['handle']>[1];

export interface OfflineDesktop {
  start: DesktopStart;
  handlers: Map<string, ChannelHandler>;
  /** The desktop's user-data folder (start-choice.json, copies/). */
  userData: string;
  /** How often the offline layer was opened on a local copy (one per start or sign-in). */
  copiesOpened: () => number;
}

export interface DesktopPage {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and HTTP errors of every page of this window's context. */
  problems: string[];
}

export interface OfflineDesktopStack {
  dir: string;
  /** The district database as its owner (no row security): for arranging and checking. */
  owner: pg.Pool;
  proxy: TcpProxy;
  /** The server's own address (not through the proxy): someone else in the district. */
  origin: string;
  /** The server's address as the desktops know it: through the proxy. */
  proxiedOrigin: string;
  /** The test CA's certificate (the server's TLS). */
  ca: string;
  uiOrigin: string;
  browser: Browser;
  /** A desktop signed in as `user` through the proxy, its first copy done. */
  startDesktop(user: TestUser): Promise<OfflineDesktop>;
  /**
   * The app quit (the desktop's copy closed) and started again on the same user-data folder: at the start
   * screen (phase 'choose'), the system browser signing in as `user` when asked.
   */
  restartDesktop(previous: OfflineDesktop, user: TestUser): Promise<OfflineDesktop>;
  /** The desktop's window at `#route` (a browser context of its own, its clock at E2E_NOW). */
  openDesktopPage(desktop: OfflineDesktop, route: string): Promise<DesktopPage>;
  /** A second window of the same desktop: another page in the same context, the same bridges. */
  openAnotherWindow(window: DesktopPage, route: string): Promise<Page>;
  /** A connected back end straight to the server, signed in as `user`. */
  direct(user: TestUser): Promise<ReturnType<typeof createConnectedBackend>>;
  close(): Promise<void>;
}

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

function watch(page: Page, problems: string[]): void {
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()} ${new URL(r.url()).pathname}`));
}

export async function startOfflineDesktopStack(options: { wiringBundle: string; rendererRoot: string }): Promise<OfflineDesktopStack> {
  if (!fs.existsSync(options.wiringBundle) || !fs.existsSync(path.join(options.rendererRoot, 'index.html'))) {
    throw new Error('Build first: npx vite build --config vite.renderer.config.ts && npx vite build --config vite.server.config.ts (npm test does).');
  }
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-e2e-offline-desktop-'));
  const contexts: BrowserContext[] = [];
  const desktops: DesktopStart[] = [];
  let postgres: PostgresServer | null = null;
  let owner: pg.Pool | null = null;
  let idp: TestIdentityProvider | null = null;
  let server: RunningDistrictServer | null = null;
  let proxy: TcpProxy | null = null;
  let ui: http.Server | null = null;
  let browser: Browser | null = null;

  const close = async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    for (const desktop of desktops) await desktop.close().catch(() => undefined);
    await new Promise((resolve) => (ui ? ui.close(resolve) : resolve(undefined)));
    await proxy?.close();
    await server?.shutdown();
    await idp?.close();
    await owner?.end();
    await postgres?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    const certs = makeTestCertificates(dir);
    const ca = certs.caCert;
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

    const clock = clockStartingAt(new Date(E2E_NOW));
    const started = await startTestDistrictServer({ postgresUrl: postgres.url, certs, clock, wiringBundle: options.wiringBundle, migrationsFolder: PG_MIGRATIONS });
    ({ server, idp } = started);
    const { port, origin } = started;
    proxy = await startTcpProxy({ host: '127.0.0.1', port });
    const proxiedOrigin = `https://127.0.0.1:${proxy.port}`;
    ui = await serveRenderer(options.rendererRoot);
    const uiOrigin = `http://127.0.0.1:${(ui.address() as net.AddressInfo).port}`;
    browser = await launchChromium();
    const openBrowserAs = (user: TestUser) => async (url: string) => {
      const systemBrowser = new TestBrowser();
      await systemBrowser.logIn(await systemBrowser.follow(url), user);
    };

    /**
     * A desktop as Electron's main process makes it (main.ts: createDesktopStart with the ConnectedBackend
     * and the offline layer) in `userData`, at the start screen. The system browser is an HTTP client that
     * logs in as `user`; the desktop's clock starts at E2E_NOW. No timers: the caller (or the page's 'Nu
     * bijwerken') says when to synchronise.
     */
    const desktopIn = (userData: string, user: TestUser): OfflineDesktop => {
      const desktopClock = clockStartingAt(new Date(E2E_NOW));
      let opened = 0;
      const start = createDesktopStart({
        userDataFolder: userData,
        openFile: async () => null,
        connectTo: (serverUrl) => createConnectedBackend({ serverUrl, fetch: fetchTrusting(ca), requestTimeoutMs: 10_000, openBrowser: openBrowserAs(user) }),
        syncing: async (connected, person, syncOptions) => {
          opened++;
          const localCopy = await openLocalCopy({ path: localCopyPath(userData, connected.serverUrl, actorLabel(person)), migrationsFolder: SQLITE_MIGRATIONS, clock: desktopClock });
          return createSyncingBackend({ connected, person, localCopy, clock: desktopClock, intervals: null, log: () => undefined, ...(syncOptions?.signedOut ? { signedOut: true } : {}) });
        },
        clock: desktopClock,
      });
      desktops.push(start);
      const handlers = new Map<string, ChannelHandler>();
      const ipcMain: IpcMainLike = { handle: (channel, listener) => handlers.set(channel, listener) };
      registerDesktopStartIpc(ipcMain, start);
      registerApiIpc(ipcMain, start.handler);
      return { start, handlers, userData, copiesOpened: () => opened };
    };

    /** A desktop signed in as `user` through the proxy, its first copy made. */
    const startDesktop = async (user: TestUser): Promise<OfflineDesktop> => {
      const desktop = desktopIn(fs.mkdtempSync(path.join(dir, `desktop-${user.login}-`)), user);
      const started = await desktop.start.start({ mode: 'server', serverUrl: proxiedOrigin });
      if (!started.ok) throw new Error(started.message);
      // The first copy of what this person may see.
      await desktop.start.syncNow();
      const status = await desktop.start.syncStatus();
      if (status?.connection !== 'online' || status.pending.length > 0 || status.conflicts.length > 0 || status.dataAsOf === null) {
        throw new Error(`The desktop of ${user.login} did not start online with a copy: ${JSON.stringify(status)}`);
      }
      return desktop;
    };

    const restartDesktop = async (previous: OfflineDesktop, user: TestUser): Promise<OfflineDesktop> => {
      await previous.start.close();
      return desktopIn(previous.userData, user);
    };

    /**
     * The desktop's window: the built UI in Chromium, with window.ketenplanner and window.ketenplannerDesktop
     * made as the preload makes them, each call going to the desktop's channel handlers as from the app's page.
     */
    const openDesktopPage = async (desktop: OfflineDesktop, route: string): Promise<DesktopPage> => {
      const context = await browser!.newContext({ viewport: { width: 1400, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
      contexts.push(context);
      await context.clock.install({ time: new Date(E2E_NOW) });
      await context.exposeBinding('__ketenplannerIpc', async (source, channel: string, ...args: unknown[]) => {
        // Only the UI's own page, as Electron's channels answer only app://ketenplanner.
        if (!source.frame.url().startsWith(`${uiOrigin}/`)) return null;
        const handler = desktop.handlers.get(channel);
        if (!handler) throw new Error(`no channel ${channel}`);
        return handler({ senderFrame: { url: APP_START_URL } }, ...args);
      });
      // Run through tsx (scripts/dev), functions handed to the page carry esbuild's keep-names helper calls.
      await context.addInitScript({ content: 'globalThis.__name ??= (target) => target;' });
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
            start: (choice: { mode: string; serverUrl?: string }) =>
              ipc(channels.start, choice.mode === 'file' ? { mode: 'file' } : { mode: choice.mode === 'offline' ? 'offline' : 'server', serverUrl: String(choice.serverUrl) }),
            signOut: async () => {
              await ipc(channels.signOut);
            },
            signIn: () => ipc(channels.signIn),
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
            signIn: IPC_DESKTOP_SIGN_IN_CHANNEL,
            syncStatus: IPC_DESKTOP_SYNC_STATUS_CHANNEL,
            syncNow: IPC_DESKTOP_SYNC_NOW_CHANNEL,
            resolveConflict: IPC_DESKTOP_RESOLVE_CONFLICT_CHANNEL,
          },
        },
      );
      const page = await context.newPage();
      const problems: string[] = [];
      watch(page, problems);
      await page.goto(`${uiOrigin}/#${route}`);
      return { context, page, problems };
    };

    const openAnotherWindow = async (window: DesktopPage, route: string): Promise<Page> => {
      const page = await window.context.newPage();
      watch(page, window.problems);
      await page.goto(`${uiOrigin}/#${route}`);
      return page;
    };

    const direct = async (user: TestUser) => {
      const connected = createConnectedBackend({ serverUrl: origin, fetch: fetchTrusting(ca), openBrowser: openBrowserAs(user) });
      await connected.connect();
      return connected;
    };

    return { dir, owner, proxy, origin, proxiedOrigin, ca, uiOrigin, browser, startDesktop, restartDesktop, openDesktopPage, openAnotherWindow, direct, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The header's connection line ("Verbonden met …", "Offline sinds …"). */
export const connectionLine = (page: Page) => page.getByRole('region', { name: 'Verbinding met de districtsserver' }).getByRole('status');
