import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { SignJWT, decodeJwt, generateKeyPair } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DesktopSignInError, signInFromDesktop } from '../../server/auth/desktop-sign-in';
import { createSignIn, type SignIn } from '../../server/auth/sign-in';
import { actorLabel } from '../../server/auth/signed-in-person';
import { systemClock } from '../../server/services/context/clock';
import { TestBrowser, type BrowserResponse } from '../support/test-browser';
import { makeTestCertificates } from '../support/test-ca';
import { TEST_USERS, startTestIdentityProvider, type TestIdentityProvider, type TestUser } from '../support/test-identity-provider';

/**
 * Sign-in (issue 13, item 3) against a real OpenID Connect provider (oidc-provider, in this process)
 * and the auth routes served over real TLS (test CA by openssl). Time is pinned: Date is faked (only Date; timers run), so
 * the IdP, openid-client, jose and the server's clock all read the same pinned instant, and the tests
 * move it with vi.setSystemTime.
 */

const START = new Date('2027-03-01T08:00:00.000Z');
const API_RESOURCE = 'https://ketenplanner.test/api';
const MINUTE = 60_000;

let idp: TestIdentityProvider;
let signIn: SignIn;
let server: https.Server;
let origin: string;
let ca: string;
let certDir: string;

function moveClock(ms: number): void {
  vi.setSystemTime(new Date(Date.now() + ms));
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
  certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketenplanner-sign-in-'));
  const certificates = makeTestCertificates(certDir);
  ca = certificates.caCert;

  let app: Hono | null = null;
  const listener = getRequestListener((request) => (app ? app.fetch(request) : new Response('starting', { status: 503 })));
  server = https.createServer({ key: fs.readFileSync(certificates.keyFile), cert: fs.readFileSync(certificates.certFile) }, listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  idp = await startTestIdentityProvider({
    serverRedirectUri: `${origin}/auth/callback`,
    serverPostLogoutRedirectUri: `${origin}/`,
    apiResource: API_RESOURCE,
  });
  signIn = await createSignIn({
    issuer: idp.issuer,
    clientId: idp.serverClient.clientId,
    clientSecret: idp.serverClient.clientSecret,
    redirectUri: `${origin}/auth/callback`,
    apiAudience: API_RESOURCE,
    clock: systemClock(),
    log: () => {},
  });
  app = districtApp(signIn);
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
});

/** What the district server does with the hook: the sign-in routes, and the API behind `authenticate`. */
function districtApp(auth: SignIn): Hono {
  const app = new Hono();
  app.route('/', auth.routes);
  app.get('/', (c) => c.text('Ketenplanner'));
  app.post('/api/ping', async (c) => {
    const person = await auth.authenticate(c.req.raw);
    return person ? c.json({ actor: actorLabel(person), roles: person.roles }) : c.json({ error: 'UNAUTHENTICATED' }, 401);
  });
  return app;
}

const isCallback = (next: URL) => next.pathname === '/auth/callback';

/** Browser sign-in up to the IdP's redirect back to the server (not followed). */
async function reachCallback(browser: TestBrowser, user: TestUser, returnTo = '/'): Promise<string> {
  const loginPage = await browser.follow(`${origin}/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  expect(loginPage.url.startsWith(idp.issuer)).toBe(true);
  const atCallback = await browser.logIn(loginPage, user, isCallback);
  return new URL(atCallback.headers.location!, atCallback.url).href;
}

async function signedInBrowser(user: TestUser): Promise<{ browser: TestBrowser; callback: BrowserResponse }> {
  const browser = new TestBrowser(ca);
  const callback = await browser.request(await reachCallback(browser, user));
  expect(callback.status).toBe(303);
  return { browser, callback };
}

async function me(browser: TestBrowser, headers: Record<string, string> = {}): Promise<BrowserResponse> {
  return browser.request(`${origin}/auth/me`, { headers });
}

describe('browser sign-in', () => {
  it('signs a prosecutor in with a secure session cookie and shows name, organisation and role', async () => {
    const browser = new TestBrowser(ca);
    const callbackUrl = await reachCallback(browser, TEST_USERS.prosecutor, '/planning?week=10');
    const callback = await browser.request(callbackUrl);
    expect(callback.status).toBe(303);
    expect(callback.headers.location).toBe('/planning?week=10');
    const sessionCookie = (callback.headers['set-cookie'] ?? []).find((line) => line.startsWith('__Host-kp_session='));
    expect(sessionCookie).toBeDefined();
    expect(sessionCookie).toMatch(/; HttpOnly/i);
    expect(sessionCookie).toMatch(/; Secure/i);
    expect(sessionCookie).toMatch(/; SameSite=Lax/i);
    expect(sessionCookie).toMatch(/; Path=\//i);

    const answer = await me(browser);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({
      subject: 'p.jansen',
      name: 'Pieter Jansen',
      organisation: 'Openbaar Ministerie',
      roles: ['prosecutor'],
      policeUnit: null,
      actor: 'Pieter Jansen (Openbaar Ministerie)',
    });
  });

  it('maps every role of the table, a police liaison with their unit, an unknown role to none', async () => {
    const expected: Array<[TestUser, string[], string | null]> = [
      [TEST_USERS.coordinator, ['coordinator'], null],
      [TEST_USERS.clerk, ['clerk'], null],
      [TEST_USERS.policeLiaison, ['police_liaison'], 'Basisteam Haarlem'],
      [TEST_USERS.reviewer, ['reviewer'], null],
      [TEST_USERS.administrator, ['administrator'], null],
      [TEST_USERS.unknownRole, [], null],
    ];
    for (const [user, roles, policeUnit] of expected) {
      const { browser } = await signedInBrowser(user);
      const person = JSON.parse((await me(browser)).body) as { roles: string[]; policeUnit: string | null; name: string };
      expect({ name: person.name, roles: person.roles, policeUnit: person.policeUnit }).toEqual({ name: user.name, roles, policeUnit });
    }
  });

  it('ends the session after 30 idle minutes, and renews it on every request before that', async () => {
    const { browser } = await signedInBrowser(TEST_USERS.prosecutor);
    moveClock(29 * MINUTE);
    expect((await me(browser)).status).toBe(200);
    moveClock(29 * MINUTE);
    expect((await me(browser)).status).toBe(200);
    moveClock(30 * MINUTE);
    const expired = await me(browser);
    expect(expired.status).toBe(401);
    expect(JSON.parse(expired.body).error.message).toBe('U bent niet aangemeld. Meld u aan om verder te gaan.');
  });

  it('ends the session 10 hours after sign-in however active', async () => {
    const { browser } = await signedInBrowser(TEST_USERS.coordinator);
    for (let step = 0; step < 23; step += 1) {
      moveClock(25 * MINUTE);
      expect((await me(browser)).status).toBe(200);
    }
    moveClock(25 * MINUTE); // 600 minutes after sign-in
    expect((await me(browser)).status).toBe(401);
  });

  it('signs out: the session is deleted, the cookie cleared, the old cookie refused, the IdP asked to sign out too', async () => {
    const { browser } = await signedInBrowser(TEST_USERS.prosecutor);
    const oldCookie = browser.cookie(origin, '__Host-kp_session')!;

    const crossSite = await browser.request(`${origin}/auth/logout`, { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    expect((await me(browser)).status).toBe(200);

    const signOut = await browser.request(`${origin}/auth/logout`, { method: 'POST', headers: { 'X-Ketenplanner-Request': '1' } });
    expect(signOut.status).toBe(200);
    const { logoutUrl } = JSON.parse(signOut.body) as { logoutUrl: string };
    const endSession = new URL(logoutUrl);
    expect(endSession.origin).toBe(idp.issuer);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${origin}/`);
    expect(endSession.searchParams.get('id_token_hint')).toBeTruthy();
    expect(browser.cookie(origin, '__Host-kp_session')).toBeUndefined();
    // The IdP asks to confirm, then sends the browser back to the server; its own session is over too.
    const idpLogoutPage = await browser.follow(logoutUrl);
    const action = /<form[^>]*action="([^"]+)"/.exec(idpLogoutPage.body)![1]!;
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(idpLogoutPage.body)![1]!;
    const back = await browser.submit(new URL(action, idpLogoutPage.url).href, { xsrf, logout: 'yes' });
    expect(back.url).toBe(`${origin}/`);
    expect(back.body).toBe('Ketenplanner');
    const again = await browser.follow(`${origin}/auth/login`);
    expect(again.body).toContain('Inloggen');

    browser.setCookie(origin, '__Host-kp_session', oldCookie);
    expect((await me(browser)).status).toBe(401);
  });

  it('refuses a forged or tampered session cookie', async () => {
    const { browser } = await signedInBrowser(TEST_USERS.clerk);
    const real = browser.cookie(origin, '__Host-kp_session')!;
    const forged = new TestBrowser(ca);
    forged.setCookie(origin, '__Host-kp_session', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect((await me(forged)).status).toBe(401);
    forged.setCookie(origin, '__Host-kp_session', `${real.slice(0, -1)}${real.endsWith('A') ? 'B' : 'A'}`);
    expect((await me(forged)).status).toBe(401);
    expect((await me(browser)).status).toBe(200);
  });

  it('refuses a cookie-authenticated state-changing call without the custom header or the own Origin (CSRF)', async () => {
    const { browser } = await signedInBrowser(TEST_USERS.prosecutor);
    const ping = (headers: Record<string, string>) => browser.request(`${origin}/api/ping`, { method: 'POST', headers });
    expect((await ping({})).status).toBe(401);
    expect((await ping({ origin: 'https://evil.example' })).status).toBe(401);
    expect((await ping({ 'X-Ketenplanner-Request': '1' })).status).toBe(200);
    const sameOrigin = await ping({ origin });
    expect(sameOrigin.status).toBe(200);
    expect(JSON.parse(sameOrigin.body)).toEqual({ actor: 'Pieter Jansen (Openbaar Ministerie)', roles: ['prosecutor'] });
  });

  it('refuses a callback whose state does not match, in Dutch, and starts no session', async () => {
    const browser = new TestBrowser(ca);
    const callbackUrl = new URL(await reachCallback(browser, TEST_USERS.prosecutor));
    callbackUrl.searchParams.set('state', 'vervalst');
    const answer = await browser.request(callbackUrl.href);
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('Het antwoord van de identiteitsprovider hoort niet bij deze aanmelding (state klopt niet). Meld u opnieuw aan.');
    expect(browser.cookie(origin, '__Host-kp_session')).toBeUndefined();
    expect((await me(browser)).status).toBe(401);
  });

  it('refuses a callback in a browser that did not start the sign-in (login CSRF)', async () => {
    const victim = new TestBrowser(ca);
    const attackerCallback = await reachCallback(new TestBrowser(ca), TEST_USERS.prosecutor);
    const answer = await victim.request(attackerCallback);
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('Deze aanmelding is niet in deze browser gestart of is verlopen. Meld u opnieuw aan.');
    expect((await me(victim)).status).toBe(401);
  });

  it('says so in Dutch when the person cancels at the IdP', async () => {
    const browser = new TestBrowser(ca);
    const loginPage = await browser.follow(`${origin}/auth/login`);
    const answer = await browser.cancelLogIn(loginPage);
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('Aanmelden is geannuleerd.');
  });

  it('never redirects off the server after sign-in', async () => {
    const browser = new TestBrowser(ca);
    const callback = await browser.request(await reachCallback(browser, TEST_USERS.clerk, '//evil.example/x'));
    expect(callback.headers.location).toBe('/');
  });
});

describe('desktop sign-in (RFC 8252) and bearer tokens', () => {
  /** The system browser: follows to the IdP, logs in, and follows the redirect to the desktop's loopback listener. */
  function browserLoggingIn(user: TestUser, pages: BrowserResponse[] = []) {
    return async (url: string) => {
      const browser = new TestBrowser();
      const loginPage = await browser.follow(url);
      pages.push(await browser.logIn(loginPage, user));
    };
  }

  const desktop = { clientId: 'ketenplanner-desktop', resource: API_RESOURCE };

  it('signs in through the system browser and the loopback redirect; the server accepts the bearer token', async () => {
    const pages: BrowserResponse[] = [];
    const openedUrls: string[] = [];
    let browserDone: Promise<void> = Promise.resolve();
    const tokens = await signInFromDesktop({
      issuer: idp.issuer,
      ...desktop,
      openBrowser: (url) => {
        openedUrls.push(url);
        browserDone = browserLoggingIn(TEST_USERS.prosecutor, pages)(url);
        return browserDone;
      },
    });
    await browserDone; // the sign-in ends when the redirect arrives; the browser then reads the answer page
    const request = new URL(openedUrls[0]!);
    expect(request.searchParams.get('code_challenge_method')).toBe('S256');
    expect(request.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(pages[0]!.status).toBe(200);
    expect(pages[0]!.body).toContain('U bent aangemeld bij Ketenplanner');
    expect(tokens.claims?.name).toBe('Pieter Jansen');
    expect(decodeJwt(tokens.accessToken).aud).toBe(API_RESOURCE);

    const browser = new TestBrowser(ca);
    const answer = await me(browser, { authorization: `Bearer ${tokens.accessToken}` });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ name: 'Pieter Jansen', roles: ['prosecutor'], actor: 'Pieter Jansen (Openbaar Ministerie)' });
    // No cookie, so no CSRF check: a bearer token is no ambient credential.
    const ping = await browser.request(`${origin}/api/ping`, { method: 'POST', headers: { authorization: `Bearer ${tokens.accessToken}` } });
    expect(ping.status).toBe(200);
  });

  it('answers GET /auth/desktop-config with 404 in Dutch when no desktop client is set', async () => {
    const answer = await new TestBrowser(ca).request(`${origin}/auth/desktop-config`);
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body).error.message).toBe('Deze districtsserver is niet ingesteld voor de desktop-app (oidc.desktopClientId ontbreekt).');
  });

  it('refuses an expired, forged, tampered, wrong-audience token and an ID token', async () => {
    const tokens = await signInFromDesktop({ issuer: idp.issuer, ...desktop, openBrowser: browserLoggingIn(TEST_USERS.policeLiaison) });
    const asBearer = (token: string) => me(new TestBrowser(ca), { authorization: `Bearer ${token}` });
    expect((await asBearer(tokens.accessToken)).status).toBe(200);

    const claims = decodeJwt(tokens.accessToken);
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ ...claims, roles: ['ketenplanner-administrator'] })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: 'test-idp-1' })
      .sign(privateKey);
    expect((await asBearer(forged)).status).toBe(401);

    const [header, payload, signature] = tokens.accessToken.split('.');
    const widened = Buffer.from(JSON.stringify({ ...claims, roles: ['ketenplanner-administrator'] })).toString('base64url');
    expect(widened).not.toBe(payload);
    expect((await asBearer(`${header}.${widened}.${signature}`)).status).toBe(401);

    expect((await asBearer(tokens.idToken!)).status).toBe(401);
    expect((await me(new TestBrowser(ca), { authorization: 'Basic cDpq' })).status).toBe(401);

    const otherServer = await createSignIn({
      issuer: idp.issuer,
      clientId: idp.serverClient.clientId,
      clientSecret: idp.serverClient.clientSecret,
      redirectUri: `${origin}/auth/callback`,
      apiAudience: 'https://andere-applicatie.test/api',
      clock: systemClock(),
    });
    expect(await otherServer.authenticate(new Request(`${origin}/api/ping`, { headers: { authorization: `Bearer ${tokens.accessToken}` } }))).toBeNull();

    moveClock(11 * MINUTE); // the test IdP's access tokens live 10 minutes
    expect((await asBearer(tokens.accessToken)).status).toBe(401);
  });

  it('refuses a redirect whose state does not match, in Dutch', async () => {
    const attempt = signInFromDesktop({
      issuer: idp.issuer,
      ...desktop,
      openBrowser: async (url) => {
        const browser = new TestBrowser();
        const loginPage = await browser.follow(url);
        const atLoopback = await browser.logIn(loginPage, TEST_USERS.prosecutor, (next) => next.hostname === '127.0.0.1' && next.pathname === '/callback');
        const redirect = new URL(atLoopback.headers.location!);
        redirect.searchParams.set('state', 'vervalst');
        const page = await browser.request(redirect.href);
        expect(page.status).toBe(400);
      },
    });
    await expect(attempt).rejects.toThrow(
      new DesktopSignInError('STATE_MISMATCH', 'Het antwoord van de identiteitsprovider hoort niet bij deze aanmelding (state klopt niet). Probeer het opnieuw.'),
    );
    await expect(attempt).rejects.toMatchObject({ code: 'STATE_MISMATCH' });
  });

  it('says so in Dutch when the person cancels in the browser', async () => {
    const attempt = signInFromDesktop({
      issuer: idp.issuer,
      ...desktop,
      openBrowser: async (url) => {
        const browser = new TestBrowser();
        await browser.cancelLogIn(await browser.follow(url));
      },
    });
    await expect(attempt).rejects.toMatchObject({ code: 'CANCELLED', message: 'Aanmelden is geannuleerd.' });
  });

  it('gives up in Dutch when the browser never comes back', async () => {
    const attempt = signInFromDesktop({ issuer: idp.issuer, ...desktop, timeoutMs: 100, openBrowser: () => {} });
    await expect(attempt).rejects.toMatchObject({
      code: 'TIMEOUT',
      message: 'Aanmelden duurde langer dan 1 minuut en is afgebroken. Probeer het opnieuw.',
    });
  });
});
