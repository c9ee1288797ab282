import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createConnectedBackend, type ConnectedBackend } from '../../server/desktop/connected-backend';
import { openLocalCopy, type LocalCopy } from '../../server/desktop/local-copy/local-copy';
import { SYNCED_TABLE_LIST } from '../../server/desktop/local-copy/synced-tables';
import { createSyncingBackend, type SyncingBackend } from '../../server/desktop/syncing-backend';
import type { RunningDistrictServer } from '../../server/district-server/district-server';
import { applyPgMigrations } from '../../server/district-server/pg-migrations';
import { copySqliteToPostgres } from '../../server/pg/copy-sqlite-to-postgres';
import type { Clock } from '../../server/services/context/clock';
import type { DemoOptions } from '../../server/services/demo/generate-demo-district';
import type { ServerPerson } from '../../shared/api/desktop-bridge';
import { openDemoDatabase } from './demo-database';
import { startPostgres, type PostgresServer } from './postgres-server';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';
import { TestBrowser } from './test-browser';
import { makeTestCertificates } from './test-ca';
import type { TestIdentityProvider, TestUser } from './test-identity-provider';
import { pageRows, type CopyPageOutput } from '../../shared/api/sync-schemas';
import { startTestDistrictServer } from './test-district-server';
import { fetchTrusting } from './trusting-fetch';

/**
 * Offline desktops against a real district server (issue 14), for test/integration/syncing-backend.test.ts
 * and scripts/soak/sync-soak.ts: PostgreSQL with a demo district, the district server's built operations
 * (dist/server/district-wiring.mjs or another build) over real TLS with the test identity provider, a real
 * TCP proxy in front of it that the caller stops and starts, and desktops (ConnectedBackend + LocalCopy +
 * SyncingBackend) that talk to the server through the proxy. The system browser is an HTTP client that logs in.
 */

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
const PG_MIGRATIONS = path.join(ROOT, 'db', 'pg-migrations');
const SQLITE_MIGRATIONS = path.join(ROOT, 'db', 'migrations');
export const DEFAULT_WIRING_BUNDLE = process.env['KETENPLANNER_WIRING_BUNDLE'] ?? path.join(ROOT, 'dist', 'server', 'district-wiring.mjs');

export interface Desktop {
  name: string;
  person: ServerPerson;
  connected: ConnectedBackend;
  localCopy: LocalCopy;
  backend: SyncingBackend;
  /** Closes the backend (and the copy) and opens both again on the same file: a restart of the app. */
  restart(): Promise<Desktop>;
}

export interface SyncStack {
  dir: string;
  clock: Clock;
  proxy: TcpProxy;
  /** The district database as its owner (no row security): for arranging and checking. */
  owner: pg.Pool;
  /** A connected back end straight to the server (not through the proxy): someone else in the district. */
  direct(user: TestUser): Promise<ConnectedBackend>;
  /** The server's address through the proxy (what the desktops know). */
  proxiedUrl: string;
  /**
   * A connected back end to `serverUrl`, not yet signed in, whose system browser logs in as whoever
   * `user()` names when it is asked (or presses 'Annuleren' for 'cancel'): for desktops made by
   * electron/main/desktop-start.ts, where the person may change between sign-ins.
   */
  connectedTo(serverUrl: string, user: () => TestUser | 'cancel'): ConnectedBackend;
  /** A desktop behind the proxy, signed in as `user`, with its local copy in `<dir>/<name>.sqlite` (first copy done). */
  desktop(user: TestUser, name: string, options?: { clock?: Clock }): Promise<Desktop>;
  close(): Promise<void>;
}

export async function startSyncStack(options: { clock: Clock; demo: DemoOptions; wiringBundle?: string }): Promise<SyncStack> {
  const bundle = options.wiringBundle ?? DEFAULT_WIRING_BUNDLE;
  if (!fs.existsSync(bundle)) throw new Error(`Build first: npx vite build --config vite.server.config.ts (missing ${bundle}).`);
  const { clock } = options;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-sync-'));
  const certs = makeTestCertificates(dir);
  const postgres: PostgresServer = await startPostgres();
  let server: RunningDistrictServer | null = null;
  let idp: TestIdentityProvider | null = null;
  let proxy: TcpProxy | null = null;
  let owner: pg.Pool | null = null;
  try {
    await applyPgMigrations(postgres.url, PG_MIGRATIONS);
    const demo = await openDemoDatabase(path.join(dir), options.demo);
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    try {
      await copySqliteToPostgres(demo.sqlite, client);
    } finally {
      await client.end();
      demo.close();
    }
    owner = new pg.Pool({ connectionString: postgres.url, max: 2 });
    owner.on('error', () => undefined);

    const started = await startTestDistrictServer({ postgresUrl: postgres.url, certs, clock, wiringBundle: bundle, migrationsFolder: PG_MIGRATIONS });
    ({ server, idp } = started);
    const { port, origin } = started;
    proxy = await startTcpProxy({ host: '127.0.0.1', port });
    const viaProxy = `https://127.0.0.1:${proxy.port}`;
    const fetchImpl = fetchTrusting(certs.caCert);

    const connectedTo = (serverUrl: string, user: () => TestUser | 'cancel') =>
      createConnectedBackend({
        serverUrl,
        fetch: fetchImpl,
        requestTimeoutMs: 60_000,
        openBrowser: async (url) => {
          const who = user();
          const browser = new TestBrowser();
          const loginPage = await browser.follow(url);
          if (who === 'cancel') await browser.cancelLogIn(loginPage);
          else await browser.logIn(loginPage, who);
        },
      });
    const connect = async (user: TestUser, serverUrl: string) => {
      const connected = connectedTo(serverUrl, () => user);
      await connected.connect();
      return connected;
    };

    const open = async (name: string, person: ServerPerson, connected: ConnectedBackend, desktopClock: Clock): Promise<Desktop> => {
      const localCopy = await openLocalCopy({ path: path.join(dir, `${name}.sqlite`), migrationsFolder: SQLITE_MIGRATIONS, clock: desktopClock });
      const backend = await createSyncingBackend({ connected, person, localCopy, clock: desktopClock, intervals: null, log: () => undefined });
      const desktop: Desktop = {
        name,
        person,
        connected,
        localCopy,
        backend,
        restart: async () => {
          await backend.close();
          return open(name, person, connected, desktopClock);
        },
      };
      return desktop;
    };

    const stack: SyncStack = {
      dir,
      clock,
      proxy,
      owner,
      direct: (user) => connect(user, origin),
      proxiedUrl: viaProxy,
      connectedTo,
      desktop: async (user, name, desktopOptions) => {
        const connected = await connect(user, viaProxy);
        const person = connected.person()!;
        const desktop = await open(name, person, connected, desktopOptions?.clock ?? clock);
        await desktop.backend.syncNow();
        return desktop;
      },
      close: async () => {
        await proxy?.close();
        await server?.shutdown();
        await idp?.close();
        await owner?.end();
        await postgres.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
    return stack;
  } catch (error) {
    await proxy?.close();
    await server?.shutdown();
    await idp?.close();
    await owner?.end();
    await postgres.stop();
    throw error;
  }
}

/** A value as the SQLite copy stores it: booleans 0/1, JSON columns parsed (the text may differ in spacing). */
function normalise(value: unknown, kind: string): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (kind === 'json' && typeof value === 'string') {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

/**
 * The differences between a desktop's copy and what the server shows this person (sync.copyPage through
 * the desktop's own sign-in, so the same row rules): for every synced table, row by row. Empty: equal.
 */
export async function copyDifferences(desktop: Desktop): Promise<string[]> {
  const differences: string[] = [];
  const sqlite = new Database(desktop.localCopy.path, { readonly: true });
  try {
    for (const table of SYNCED_TABLE_LIST) {
      const serverRows: Record<string, unknown>[] = [];
      let afterKey: string | null = null;
      let cursor: string | null = null;
      for (;;) {
        const answer = await desktop.connected.handler('sync.copyPage', { table: table.name, afterKey, limit: 5000, cursor });
        if (!answer.ok) throw new Error(`sync.copyPage ${table.name}: ${answer.error.message}`);
        const page = answer.value as CopyPageOutput;
        serverRows.push(...pageRows(page));
        cursor = page.cursor;
        if (page.lastKey === null) break;
        afterKey = page.lastKey;
      }
      const keyOf = (row: Record<string, unknown>) => String(row[table.key]);
      const canonical = (row: Record<string, unknown>) => JSON.stringify(table.columns.map((c) => normalise(row[c.name] ?? null, c.kind)));
      const server = new Map(serverRows.map((row) => [keyOf(row), canonical(row)]));
      const local = new Map((sqlite.prepare(`select * from "${table.name}"`).all() as Record<string, unknown>[]).map((row) => [keyOf(row), canonical(row)]));
      for (const [key, row] of server) {
        const mine = local.get(key);
        if (mine === undefined) differences.push(`${table.name} ${key}: missing in the copy`);
        else if (mine !== row) differences.push(`${table.name} ${key}: copy ${mine} != server ${row}`);
      }
      for (const key of local.keys()) if (!server.has(key)) differences.push(`${table.name} ${key}: in the copy only`);
    }
  } finally {
    sqlite.close();
  }
  return differences;
}
