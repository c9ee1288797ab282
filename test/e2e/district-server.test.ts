import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDistrictLogger } from '../../server/district-server/district-logger';
import { startDistrictServer, type RunningDistrictServer } from '../../server/district-server/district-server';
import type { wireDistrict as WireDistrict } from '../../server/district-server/district-wiring';
import { applyPgMigrations } from '../../server/district-server/pg-migrations';
import { copySqliteToPostgres } from '../../server/pg/copy-sqlite-to-postgres';
import { clockStartingAt } from '../../server/services/context/clock';
import { demoDistrictFile, E2E_NOW, SMALL_DEMO } from '../support/e2e-district';
import { startPostgres, type PostgresServer } from '../support/postgres-server';
import { makeTestCertificates } from '../support/test-ca';
import { startTestIdentityProvider, TEST_USERS, type TestIdentityProvider, type TestUser } from '../support/test-identity-provider';
import { axeViolations, CHROMIUM_PATH, launchChromium, screenshot } from './support/browser';
import { ROOT } from './support/serve-process';
import { freePort } from '../support/trusting-fetch';

/**
 * Issue 13, items 6 and 8: the district server with real parts, in real Chromium. PostgreSQL started
 * here (the demo district copied in as `ketenplanner server import` does), TLS with a test CA, the test
 * identity provider with users of every role, the server in this process with the operations of the
 * built bundle (dist/server/district-wiring.mjs: the services on PostgreSQL's tables) and the built UI.
 * A prosecutor and a coordinator are signed in at the same time; the prosecutor's reservation appears on
 * the coordinator's week view without reloading (polling, renderer/src/api/server-polling.ts); a clerk
 * cannot reserve; a police liaison sees only their unit's cases.
 *
 * The server's clock starts at E2E_NOW (the demo's 'today') and runs on; the pages' clocks too.
 */
const WIRING_BUNDLE = path.join(ROOT, 'dist', 'server', 'district-wiring.mjs');
const STATIC_ROOT = path.join(ROOT, 'dist', 'renderer');
const PG_MIGRATIONS = path.join(ROOT, 'db', 'pg-migrations');
/** The test IdP's police liaison works for this unit; the demo's cases of DEMO_UNIT are moved to it. */
const LIAISON_UNIT = TEST_USERS.policeLiaison.policeUnit;
/** Monday of the week the reservation is made in: two weeks after the demo's 'today' (15 June 2026), well before any release. */
const WEEK = '2026-06-29';
const WEEK_END = '2026-07-03';
/** Monday of the demo's 'today'. */
const TODAY_WEEK = '2026-06-15';

let dir: string;
let postgres: PostgresServer;
let owner: pg.Pool;
let idp: TestIdentityProvider;
let server: RunningDistrictServer;
let origin: string;
let browser: Browser;
const contexts: BrowserContext[] = [];


/** The server's log lines (JSON), to show what went wrong when a test fails. */
const logLines: string[] = [];
const memoryLog = new Writable({
  write: (chunk: Buffer, _encoding, done) => {
    logLines.push(...chunk.toString().trim().split('\n'));
    done();
  },
});
const errorLines = () => logLines.filter((line) => /"level":(50|60)/.test(line));

beforeAll(async () => {
  if (!fs.existsSync(WIRING_BUNDLE) || !fs.existsSync(path.join(STATIC_ROOT, 'index.html'))) {
    throw new Error('Build first: npx vite build --config vite.renderer.config.ts && npx vite build --config vite.server.config.ts (npm test does).');
  }
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-e2e-district-server-'));
  const certs = makeTestCertificates(dir);
  postgres = await startPostgres();

  // The district: migrated, the demo copied in by the import's copy, one unit renamed to the test liaison's.
  await applyPgMigrations(postgres.url, PG_MIGRATIONS);
  const file = await demoDistrictFile(SMALL_DEMO, dir);
  owner = new pg.Pool({ connectionString: postgres.url, max: 2 });
  // An idle connection cut when PostgreSQL stops at the end must not fail the run (as the server's own pool).
  owner.on('error', () => undefined);
  const client = await owner.connect();
  try {
    await copySqliteToPostgres(file, client);
  } finally {
    client.release();
  }
  const unit = (await owner.query<{ unit: string }>('select police_unit as unit from criminal_case group by police_unit order by count(*) desc, police_unit limit 1')).rows[0]!.unit;
  await owner.query('update criminal_case set police_unit = $1 where police_unit = $2', [LIAISON_UNIT, unit]);

  const port = await freePort();
  origin = `https://127.0.0.1:${port}`;
  idp = await startTestIdentityProvider({ serverRedirectUri: `${origin}/auth/callback`, serverPostLogoutRedirectUri: `${origin}/`, apiResource: `${origin}/api` });
  // The API connects as the district server does: ketenplanner_api, without BYPASSRLS.
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
      oidc: { issuer: idp.issuer, clientId: idp.serverClient.clientId, clientSecret: idp.serverClient.clientSecret, redirectUri: `${origin}/auth/callback`, apiAudience: idp.apiResource },
    },
    logger: createDistrictLogger({ clock, destination: memoryLog }),
    migrationsFolder: PG_MIGRATIONS,
    staticRoot: STATIC_ROOT,
    clock,
    wire: wireDistrict,
  });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.shutdown();
  await idp?.close();
  await owner?.end();
  await postgres?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}, 60_000);

interface SignedIn {
  page: Page;
  problems: string[];
}

/**
 * A browser of its own (cookies apart) for `user`: opens `route` on the server, is sent to the IdP's
 * login form, signs in there and comes back to `route`, signed in.
 */
async function signIn(user: TestUser, route: string): Promise<SignedIn> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1400, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  contexts.push(context);
  await context.clock.install({ time: new Date(E2E_NOW) });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()} ${new URL(r.url()).pathname}`));
  await page.goto(`${origin}/#${route}`);
  await page.locator('input[name="login"]').waitFor();
  expect(page.url().startsWith(idp.issuer)).toBe(true);
  await page.locator('input[name="login"]').fill(user.login);
  await page.locator('input[name="password"]').fill(user.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('region', { name: 'Aangemeld' }).getByText(user.name).waitFor();
  // Back on the page the person asked for.
  expect(new URL(page.url()).hash).toBe(`#${route}`);
  return { page, problems };
}

/**
 * Problems other than the refused requests the test provokes: /auth/me's 401 before signing in, the
 * clerk's 403s. (Chromium's console line for a failed request names no URL: the response line does.)
 */
const unexpected = (problems: string[], allowed: RegExp = /^HTTP 401 \/auth\/me$/) => problems.filter((p) => !p.startsWith('Failed to load resource') && !allowed.test(p));

/** The reserved count on a session's card in the week view (0 when the card shows none). */
async function reservedOnCard(page: Page, sessionId: number): Promise<number> {
  const field = page.locator(`article[data-session-id="${sessionId}"] [data-field="reserved"]`);
  if ((await field.count()) === 0) return 0;
  return Number(/\d+/.exec((await field.textContent()) ?? '')?.[0] ?? 'NaN');
}

/** The case ids in the week view's rolls. */
async function rollCaseIds(page: Page): Promise<number[]> {
  return page.locator('li.roll-case[data-case-id]').evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-case-id'))));
}

async function unitsOf(caseIds: number[]): Promise<string[]> {
  const rows = await owner.query<{ unit: string }>('select distinct police_unit as unit from criminal_case where id = any($1::int[]) order by 1', [caseIds]);
  return rows.rows.map((r) => r.unit);
}

describe('the district server in real Chromium', () => {
  let coordinator: SignedIn;
  let prosecutor: SignedIn;
  let policeLiaison: SignedIn;

  it('signs a coordinator and a prosecutor in at the same time; the header shows district, person, organisation and role', async () => {
    coordinator = await signIn(TEST_USERS.coordinator, `/zittingen?week=${WEEK}`);
    prosecutor = await signIn(TEST_USERS.prosecutor, '/reserveringen');

    const district = (await owner.query<{ name: string }>('select name from district limit 1')).rows[0]!.name;
    const header = (p: Page) => p.locator('header.app-header');
    await expect.poll(() => header(coordinator.page).textContent()).toContain(district);
    const coordinatorRegion = coordinator.page.getByRole('region', { name: 'Aangemeld' });
    expect(await coordinatorRegion.textContent()).toBe('Carla Dekker · Rechtbank Noord-Holland · CoördinatorAfmelden');
    expect(await prosecutor.page.getByRole('region', { name: 'Aangemeld' }).textContent()).toBe('Pieter Jansen · Openbaar Ministerie · Officier van justitie / parketsecretarisAfmelden');
    await coordinator.page.getByRole('heading', { level: 1, name: 'Zittingen per week' }).waitFor();
    await coordinator.page.locator('article[data-session-id]').first().waitFor();
    expect(await axeViolations(coordinator.page)).toEqual([]);
    await screenshot(coordinator.page, 'district-server-coordinator-week');
  });

  it("the prosecutor's reservation appears on the coordinator's week view without reloading", async () => {
    // A session of that week with room for 2 and a modality the OM may reserve for.
    const overview = await prosecutor.page.evaluate(async (window) => {
      const response = await fetch('/api/reservations.list', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Ketenplanner-Request': '1' }, body: JSON.stringify(window) });
      return (await response.json()) as { ok: boolean; value: { sessions: { sessionId: number; date: string; free: number; reservableModalities: string[] }[] } };
    }, { from: WEEK, to: WEEK_END });
    expect(overview.ok).toBe(true);
    const session = overview.value.sessions.find((s) => s.free >= 2 && s.reservableModalities.length > 0);
    if (!session) throw new Error(`no session in the week of ${WEEK} to reserve on`);
    await coordinator.page.locator(`article[data-session-id="${session.sessionId}"]`).waitFor();
    const before = await reservedOnCard(coordinator.page, session.sessionId);

    await prosecutor.page.getByRole('heading', { level: 1, name: 'Reserveringen van het OM' }).waitFor();
    const form = prosecutor.page.getByRole('form', { name: 'Plaatsen reserveren' });
    await form.getByLabel('Zitting *').selectOption(String(session.sessionId));
    await form.getByLabel('Modaliteit *').selectOption(session.reservableModalities[0]!);
    await form.getByLabel('Aantal plaatsen *').fill('2');
    await form.getByRole('button', { name: 'Reserveren' }).click();
    await form.getByRole('status').getByText(/^Gereserveerd\./).waitFor();
    await screenshot(prosecutor.page, 'district-server-prosecutor-reserved');

    // The audit trail names the signed-in prosecutor.
    const audit = await owner.query<{ actor: string }>(`select actor from audit_event where action = 'reservation.created' order by id desc limit 1`);
    expect(audit.rows[0]?.actor).toBe('Pieter Jansen (Openbaar Ministerie)');

    // The coordinator's page is not reloaded: the week view reads again (every 15 s, and on focus).
    await expect.poll(() => reservedOnCard(coordinator.page, session.sessionId), { timeout: 40_000, interval: 1_000 }).toBe(before + 2);
    await coordinator.page.locator(`article[data-session-id="${session.sessionId}"]`).scrollIntoViewIfNeeded();
    await screenshot(coordinator.page, 'district-server-coordinator-sees-reservation');
    expect(unexpected(coordinator.problems)).toEqual([]);
    expect(unexpected(prosecutor.problems)).toEqual([]);
    expect(errorLines()).toEqual([]);
  });

  it('a clerk cannot reserve: the page and the API refuse in Dutch, naming the role that may', async () => {
    const clerk = await signIn(TEST_USERS.clerk, '/reserveringen');
    const alert = clerk.page.getByRole('alert').filter({ hasText: 'Dit mag alleen iemand met de rol' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('u bent aangemeld als griffier');
    expect(await clerk.page.getByRole('form', { name: 'Plaatsen reserveren' }).count()).toBe(0);
    // The menu leaves out what the clerk's role cannot open, and keeps the clerk's own pages.
    const menu = clerk.page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await menu.getByRole('link', { name: 'Reserveringen' }).count()).toBe(0);
    expect(await menu.getByRole('link', { name: 'Zittingen' }).count()).toBe(1);
    await screenshot(clerk.page, 'district-server-clerk-refused');

    const session = (await owner.query<{ id: number }>(`select id from court_session where status = 'scheduled' and date between $1 and $2 order by id limit 1`, [WEEK, WEEK_END])).rows[0]!;
    const answer = await clerk.page.evaluate(async (sessionId) => {
      const response = await fetch('/api/reservations.reserve', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Ketenplanner-Request': '1' }, body: JSON.stringify({ sessionId, modality: 'snelrecht', slots: 1 }) });
      return { status: response.status, body: (await response.json()) as { ok: boolean; error?: { code: string; message: string } } };
    }, session.id);
    expect(answer.status).toBe(403);
    expect(answer.body.error?.code).toBe('FORBIDDEN');
    expect(answer.body.error?.message).toBe(
      'Dit mag alleen iemand met de rol officier van justitie / parketsecretaris doen; u bent aangemeld als griffier. Vraag het aan een collega met die rol of aan de beheerder.',
    );
    // The refusal is audited, naming the clerk (in ketenplanner_api's own rights: db/pg-migrations/0007).
    const refused = await owner.query<{ actor: string; operation: string }>(
      `select actor, details::json->>'operation' as operation from audit_event where action = 'access.refused' order by id desc limit 1`,
    );
    expect(refused.rows[0]).toEqual({ actor: 'Greet Smit (Rechtbank Noord-Holland)', operation: 'reservations.reserve' });
    expect(errorLines()).toEqual([]);
    expect(unexpected(clerk.problems, /^HTTP (401 \/auth\/me|403 \/api\/reservations\.(list|reserve))$/)).toEqual([]);
  });

  it("a police liaison sees only their own unit's cases in the week view, where the coordinator sees every unit's", async () => {
    // The demo's own week: its sessions are booked.
    await coordinator.page.goto(`${origin}/#/zittingen?week=${TODAY_WEEK}`);
    await coordinator.page.getByRole('heading', { level: 2, name: /^Week 25 / }).waitFor();
    await coordinator.page.locator('li.roll-case').first().waitFor();
    const coordinatorCases = await rollCaseIds(coordinator.page);
    expect((await unitsOf(coordinatorCases)).length).toBeGreaterThan(1);
    const ownInWeek = coordinatorCases.length > 0 ? (await owner.query<{ n: number }>('select count(*)::int as n from criminal_case where id = any($1::int[]) and police_unit = $2', [coordinatorCases, LIAISON_UNIT])).rows[0]!.n : 0;

    const liaison = await signIn(TEST_USERS.policeLiaison, `/zittingen?week=${TODAY_WEEK}`);
    expect(await liaison.page.getByRole('region', { name: 'Aangemeld' }).textContent()).toContain(`Politie (ketenpartner) · ${LIAISON_UNIT}`);
    await liaison.page.locator('article[data-session-id]').first().waitFor();
    await expect.poll(async () => (await rollCaseIds(liaison.page)).length).toBe(ownInWeek);
    const liaisonCases = await rollCaseIds(liaison.page);
    expect(ownInWeek).toBeGreaterThan(0);
    expect(await unitsOf(liaisonCases)).toEqual([LIAISON_UNIT]);
    await screenshot(liaison.page, 'district-server-police-liaison-week');
    expect(unexpected(liaison.problems)).toEqual([]);
    policeLiaison = liaison;
  });

  it("the police liaison's case search finds only their own unit's cases", async () => {
    const liaison = policeLiaison;
    // The case search in the header: every case found is of the liaison's unit, though 'Basisteam' is in every unit's name.
    await liaison.page.getByRole('combobox', { name: /^Zaak zoeken/ }).fill('Basisteam');
    const results = liaison.page.locator('ul.case-search-results > li');
    await results.first().waitFor();
    const texts = await results.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toContain(`· ${LIAISON_UNIT} ·`);
    await screenshot(liaison.page, 'district-server-police-liaison-search');
    await liaison.page.keyboard.press('Escape');
    expect(unexpected(liaison.problems)).toEqual([]);
    expect(errorLines()).toEqual([]);
  });

  it('Afmelden ends the session here and at the identity provider; the next visit asks to sign in again', async () => {
    const page = coordinator.page;
    await page.getByRole('region', { name: 'Aangemeld' }).getByRole('button', { name: 'Afmelden' }).click();
    // The IdP's own sign-out page (end_session_endpoint), then back to the server, which sends to the login form.
    await page.getByRole('button', { name: 'Afmelden' }).and(page.locator('[form="op.logoutForm"]')).click();
    await page.locator('input[name="login"]').waitFor();
    const me = await page.request.get(`${origin}/auth/me`);
    expect(me.status()).toBe(401);
  });
});
