import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createConnectedBackend } from '../../server/desktop/connected-backend';
import type { RunningDistrictServer } from '../../server/district-server/district-server';
import { applyPgMigrations } from '../../server/district-server/pg-migrations';
import { systemClock } from '../../server/services/context/clock';
import { startPostgres, type PostgresServer } from '../support/postgres-server';
import { TestBrowser } from '../support/test-browser';
import { makeTestCertificates } from '../support/test-ca';
import { startTestDistrictServer } from '../support/test-district-server';
import { TEST_USERS, type TestIdentityProvider } from '../support/test-identity-provider';
import { ROOT } from './support/serve-process';
import { fetchTrusting } from '../support/trusting-fetch';

/**
 * Issue 13, item 6: the desktop's connected back end (server/desktop/connected-backend.ts, what Electron's
 * main process runs) against the real district server: PostgreSQL, the built operations
 * (dist/server/district-wiring.mjs; KETENPLANNER_WIRING_BUNDLE names another build), real TLS and the test
 * identity provider. The system browser is an HTTP client that logs in. Only Date is faked (pinned).
 */
const WIRING_BUNDLE = process.env['KETENPLANNER_WIRING_BUNDLE'] ?? path.join(ROOT, 'dist', 'server', 'district-wiring.mjs');
const PG_MIGRATIONS = path.join(ROOT, 'db', 'pg-migrations');
const NOW = new Date('2026-06-15T07:30:00.000Z');

let dir: string;
let postgres: PostgresServer;
let owner: pg.Pool;
let idp: TestIdentityProvider;
let server: RunningDistrictServer;
let origin: string;
let ca: string;



beforeAll(async () => {
  if (!fs.existsSync(WIRING_BUNDLE)) throw new Error('Build first: npx vite build --config vite.server.config.ts (npm test does).');
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-e2e-desktop-server-'));
  const certs = makeTestCertificates(dir);
  ca = certs.caCert;
  postgres = await startPostgres();
  await applyPgMigrations(postgres.url, PG_MIGRATIONS);
  owner = new pg.Pool({ connectionString: postgres.url, max: 2 });
  owner.on('error', () => undefined);

  ({ server, idp, origin } = await startTestDistrictServer({ postgresUrl: postgres.url, certs, clock: systemClock(), wiringBundle: WIRING_BUNDLE, migrationsFolder: PG_MIGRATIONS }));
}, 240_000);

afterAll(async () => {
  await server?.shutdown();
  await idp?.close();
  await owner?.end();
  await postgres?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  vi.useRealTimers();
}, 60_000);

describe('the desktop connected to the district server', () => {
  it('signs in through the browser, creates the district once for a repeated request id, as the signed-in person', async () => {
    const opened: string[] = [];
    const backend = createConnectedBackend({
      serverUrl: origin,
      fetch: fetchTrusting(ca),
      openBrowser: async (url) => {
        opened.push(url);
        const browser = new TestBrowser();
        await browser.logIn(await browser.follow(url), TEST_USERS.administrator);
      },
    });
    await expect(backend.connect()).resolves.toEqual({ name: 'Anouk Mulder', organisation: 'Rechtbank Noord-Holland', roles: ['administrator'], policeUnit: null });

    const input = { code: 'NHO', name: 'Noord-Holland', locations: [{ name: 'Paleis van Justitie', city: 'Haarlem', rooms: ['Zaal 1'] }] };
    const created = await backend.handler('district.create', input, { requestId: 'desktop-0001-aaaa' });
    expect(created).toMatchObject({ ok: true });
    // The same user action again (a retry after a lost answer): answered once, with the first answer.
    await expect(backend.handler('district.create', input, { requestId: 'desktop-0001-aaaa' })).resolves.toEqual(created);
    await expect(backend.handler('district.get', {}, {})).resolves.toMatchObject({ ok: true, value: { code: 'NHO', name: 'Noord-Holland' } });
    expect(opened).toHaveLength(1);

    const actors = await owner.query<{ actor: string }>('select distinct actor from audit_event');
    expect(actors.rows).toEqual([{ actor: 'Anouk Mulder (Rechtbank Noord-Holland)' }]);
  });

  it('refuses what the role may not do, and says in Dutch when the server has gone', async () => {
    const backend = createConnectedBackend({
      serverUrl: origin,
      fetch: fetchTrusting(ca),
      openBrowser: async (url) => {
        const browser = new TestBrowser();
        await browser.logIn(await browser.follow(url), TEST_USERS.clerk);
      },
    });
    await backend.connect();
    const refused = await backend.handler('district.create', { code: 'XX', name: 'X', locations: [{ name: 'X', city: 'X', rooms: ['1'] }] }, { requestId: 'desktop-0002-bbbb' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    await server.shutdown();
    await expect(backend.handler('district.get', {}, {})).resolves.toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: `De districtsserver ${new URL(origin).host} is niet bereikbaar. Controleer de netwerkverbinding en probeer het opnieuw; er is niets gewijzigd.` },
    });
  });
});
