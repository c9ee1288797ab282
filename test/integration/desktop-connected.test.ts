import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSignIn } from '../../server/auth/sign-in';
import { actorLabel, type SignedInPerson } from '../../server/auth/signed-in-person';
import { createDistrictLogger } from '../../server/district-server/district-logger';
import { createDistrictServerApp, type DistrictApiRequest } from '../../server/district-server/district-server-app';
import { createConnectedBackend } from '../../server/desktop/connected-backend';
import { fixedClock, systemClock } from '../../server/services/context/clock';
import { TestBrowser } from '../support/test-browser';
import { makeTestCertificates } from '../support/test-ca';
import { TEST_USERS, startTestIdentityProvider, type TestIdentityProvider, type TestUser } from '../support/test-identity-provider';
import { fetchTrusting } from '../support/trusting-fetch';

/**
 * The desktop connected to a district server (issue 13, item 6): the real district server app over real
 * TLS (test CA by openssl), the real sign-in (server/auth/) against a real OpenID Connect provider, and the
 * connected back end of server/desktop/. The API behind /api is a small echo (the operations themselves
 * are tested on PostgreSQL elsewhere). The system browser is an HTTP client that logs in. Only Date is faked.
 */

const START = new Date('2027-03-01T08:00:00.000Z');
const API_RESOURCE = 'https://ketenplanner.test/api';
const MINUTE = 60_000;

let idp: TestIdentityProvider;
let server: https.Server;
let origin: string;
let ca: string;
let certDir: string;
const received: DistrictApiRequest<SignedInPerson>[] = [];


/** The system browser: logs `user` in at the IdP and follows the redirect to the desktop's loopback listener. */
function systemBrowser(user: TestUser, opened: string[]) {
  return async (url: string) => {
    opened.push(url);
    const browser = new TestBrowser();
    await browser.logIn(await browser.follow(url), user);
  };
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
  certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketenplanner-desktop-'));
  const certificates = makeTestCertificates(certDir);
  ca = certificates.caCert;

  let app: ReturnType<typeof createDistrictServerApp<SignedInPerson>> | null = null;
  const listener = getRequestListener((request) => (app ? app.fetch(request) : new Response('starting', { status: 503 })));
  server = https.createServer({ key: fs.readFileSync(certificates.keyFile), cert: fs.readFileSync(certificates.certFile) }, listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  idp = await startTestIdentityProvider({ serverRedirectUri: `${origin}/auth/callback`, serverPostLogoutRedirectUri: `${origin}/`, apiResource: API_RESOURCE });
  const signIn = await createSignIn({
    issuer: idp.issuer,
    clientId: idp.serverClient.clientId,
    clientSecret: idp.serverClient.clientSecret,
    redirectUri: `${origin}/auth/callback`,
    apiAudience: API_RESOURCE,
    desktopClientId: idp.desktopClient.clientId,
    clock: systemClock(),
    log: () => {},
  });
  app = createDistrictServerApp<SignedInPerson>({
    authenticate: (request) => signIn.authenticate(request),
    routes: (hono) => hono.route('/', signIn.routes),
    api: async (request) => {
      received.push(request);
      return { ok: true, value: { operation: request.operation, input: request.input, actor: actorLabel(request.person), roles: request.person.roles } };
    },
    readiness: async () => ({ ready: true }),
    logger: createDistrictLogger({ clock: fixedClock(START.toISOString()), level: 'silent' }),
    staticRoot: null,
  });
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await idp?.close();
  fs.rmSync(certDir, { recursive: true, force: true });
  vi.useRealTimers();
});

beforeEach(() => {
  vi.setSystemTime(START);
  received.length = 0;
});

describe('the desktop connected to a district server', () => {
  it('names the identity provider, the desktop client and the API resource at GET /auth/desktop-config', async () => {
    const answer = await new TestBrowser(ca).request(`${origin}/auth/desktop-config`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ issuer: idp.issuer, clientId: 'ketenplanner-desktop', resource: API_RESOURCE });
  });

  it('signs in through the system browser, shows who is signed in, and forwards operations with the request id', async () => {
    const opened: string[] = [];
    const backend = createConnectedBackend({ serverUrl: `${origin}/`, openBrowser: systemBrowser(TEST_USERS.prosecutor, opened), fetch: fetchTrusting(ca) });
    expect(backend.serverUrl).toBe(origin);

    const person = await backend.connect();
    expect(person).toEqual({ name: 'Pieter Jansen', organisation: 'Openbaar Ministerie', roles: ['prosecutor'], policeUnit: null });
    expect(backend.person()).toEqual(person);
    expect(opened).toHaveLength(1);
    expect(new URL(opened[0]!).searchParams.get('client_id')).toBe('ketenplanner-desktop');

    const read = await backend.handler('district.get', {}, {});
    expect(read).toEqual({ ok: true, value: { operation: 'district.get', input: {}, actor: 'Pieter Jansen (Openbaar Ministerie)', roles: ['prosecutor'] } });
    const write = await backend.handler('cases.create', { name: 'x' }, { requestId: 'req-0001-aaaa' });
    expect(write.ok).toBe(true);
    expect(received.map((r) => [r.operation, r.requestId])).toEqual([
      ['district.get', null],
      ['cases.create', 'req-0001-aaaa'],
    ]);
    // One sign-in for all of it: the token is kept (in memory) between calls.
    expect(opened).toHaveLength(1);
  });

  it('signs in again once when the token has expired, and the operation runs once', async () => {
    const opened: string[] = [];
    const backend = createConnectedBackend({ serverUrl: origin, openBrowser: systemBrowser(TEST_USERS.coordinator, opened), fetch: fetchTrusting(ca) });
    await backend.connect();
    vi.setSystemTime(new Date(START.getTime() + 11 * MINUTE)); // the test IdP's access tokens live 10 minutes

    const answer = await backend.handler('capacity.generate', { weeks: 3 }, { requestId: 'req-0002-bbbb' });
    expect(answer).toMatchObject({ ok: true, value: { actor: 'Carla Dekker (Rechtbank Noord-Holland)' } });
    expect(opened).toHaveLength(2);
    expect(received.map((r) => [r.operation, r.requestId])).toEqual([['capacity.generate', 'req-0002-bbbb']]);
  });

  it('says in Dutch when the server keeps refusing after signing in again', async () => {
    let signIns = 0;
    const backend = createConnectedBackend({
      serverUrl: origin,
      openBrowser: () => {},
      fetch: fetchTrusting(ca),
      signIn: async () => {
        signIns += 1;
        return { accessToken: 'geen.geldig.token', idToken: null, refreshToken: null, expiresIn: 600, claims: null };
      },
    });
    const answer = await backend.handler('district.get', {}, {});
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'UNAUTHORIZED',
        message: 'De districtsserver accepteert de aanmelding niet (ook niet na opnieuw aanmelden). Meld u af en opnieuw aan, of neem contact op met de beheerder.',
      },
    });
    expect(signIns).toBe(2);
    expect(received).toHaveLength(0);
  });

  it('reports an unreachable server in Dutch (UNAVAILABLE), for calls and for connecting', async () => {
    const closed = https.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const opened: string[] = [];
    const backend = createConnectedBackend({ serverUrl: `https://127.0.0.1:${port}`, openBrowser: systemBrowser(TEST_USERS.clerk, opened), fetch: fetchTrusting(ca) });
    const answer = await backend.handler('district.get', {}, {});
    expect(answer).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: `De districtsserver 127.0.0.1:${port} is niet bereikbaar. Controleer de netwerkverbinding en probeer het opnieuw; er is niets gewijzigd.` },
    });
    await expect(backend.connect()).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('is niet bereikbaar') });
    expect(opened).toHaveLength(0);
  });

  it('goes unreachable in Dutch when the server stops answering after sign-in', async () => {
    const opened: string[] = [];
    let down = false;
    const trusting = fetchTrusting(ca);
    const backend = createConnectedBackend({
      serverUrl: origin,
      openBrowser: systemBrowser(TEST_USERS.clerk, opened),
      fetch: (async (input: string | URL | Request, init?: RequestInit) => {
        if (down) throw new TypeError('fetch failed');
        return trusting(input, init);
      }) as typeof fetch,
    });
    await backend.connect();
    down = true;
    const answer = await backend.handler('cases.create', {}, { requestId: 'req-0003-cccc' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(opened).toHaveLength(1);
  });
});
