import { createHash, randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as oidc from 'openid-client';
import type { Role } from '../../shared/domain/roles';
import type { Clock } from '../services/context/clock';
import { newSignInAttempt } from './identity-provider';
import { isExpired, type SessionLimits, type SessionStore } from './session-store';
import { personFromClaims, type SignedInPerson } from './signed-in-person';

export const SESSION_COOKIE = '__Host-kp_session';
/** Binds a sign-in attempt to the browser that started it (login CSRF); lives 10 minutes. */
export const SIGN_IN_COOKIE = '__Host-kp_signin';
/** The custom header the web UI sends with every state-changing call (CSRF, with SameSite=Lax). */
export const REQUEST_HEADER = 'X-Ketenplanner-Request';

const SIGN_IN_ATTEMPT_MS = 10 * 60 * 1000;
const MAX_PENDING_ATTEMPTS = 10_000;
const SCOPE = 'openid profile ketenplanner';

export interface BrowserSignInSettings {
  config: oidc.Configuration;
  /** https://<the server's public host>/auth/callback, as registered at the IdP; its origin is the server's. */
  redirectUri: string;
  sessions: SessionStore;
  clock: Clock;
  limits: SessionLimits;
  roleClaimTable?: Readonly<Record<string, Role>>;
  log?: (message: string) => void;
}

interface PendingAttempt {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  startedAt: number;
}

export interface BrowserSignIn {
  /** GET /auth/login, GET /auth/callback, POST /auth/logout (mount at the root). */
  routes: Hono;
  /** The person of the request's session cookie, or null (missing, unknown, expired). Renews the idle time. */
  sessionPerson(request: Request): Promise<SignedInPerson | null>;
  /** False for a state-changing request that has neither the custom header nor the server's own Origin. */
  passesCsrfCheck(request: Request): boolean;
}

/**
 * Browser sign-in on the district server: authorisation code flow with PKCE (S256), state and nonce
 * (openid-client), then a server-side session whose random id is the cookie __Host-kp_session
 * (HttpOnly, Secure, SameSite=Lax, Path=/). Sessions end after the idle time, after the absolute time,
 * and on sign-out. Pending sign-in attempts are kept in this process's memory for 10 minutes.
 */
export function createBrowserSignIn(settings: BrowserSignInSettings): BrowserSignIn {
  const { config, sessions, clock, limits } = settings;
  const { origin, pathname } = new URL(settings.redirectUri);
  if (pathname !== '/auth/callback') throw new Error(`The sign-in redirect URI must end in /auth/callback, not ${pathname}`);
  const redirectUri = `${origin}/auth/callback`;
  const pending = new Map<string, PendingAttempt>();
  const log = settings.log ?? ((message: string) => console.warn(message));

  const takePending = (id: string | undefined): PendingAttempt | null => {
    if (!id) return null;
    const attempt = pending.get(id);
    pending.delete(id);
    if (!attempt || clock.now().getTime() - attempt.startedAt >= SIGN_IN_ATTEMPT_MS) return null;
    return attempt;
  };

  const passesCsrfCheck = (request: Request): boolean => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return true;
    if (request.headers.get(REQUEST_HEADER) !== null) return true;
    return request.headers.get('origin') === origin;
  };

  const sessionRecordOf = async (request: Request) => {
    const id = cookieValue(request.headers.get('cookie'), SESSION_COOKIE);
    if (!id) return null;
    const key = sessionKey(id);
    const record = await sessions.get(key);
    if (!record) return null;
    const now = clock.now();
    if (isExpired(record, now, limits)) {
      await sessions.delete(key);
      return null;
    }
    return { record, now };
  };

  const routes = new Hono();

  routes.get('/auth/login', async (c) => {
    const attempt = await newSignInAttempt();
    const attemptId = randomBytes(24).toString('base64url');
    if (pending.size >= MAX_PENDING_ATTEMPTS) pending.delete(pending.keys().next().value!);
    pending.set(attemptId, {
      state: attempt.state,
      nonce: attempt.nonce,
      codeVerifier: attempt.codeVerifier,
      returnTo: safeReturnPath(c.req.query('returnTo')),
      startedAt: clock.now().getTime(),
    });
    setCookie(c, SIGN_IN_COOKIE, attemptId, { httpOnly: true, secure: true, sameSite: 'Lax', path: '/', maxAge: SIGN_IN_ATTEMPT_MS / 1000 });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: SCOPE,
      code_challenge: attempt.codeChallenge,
      code_challenge_method: 'S256',
      state: attempt.state,
      nonce: attempt.nonce,
    });
    c.header('Cache-Control', 'no-store');
    return c.redirect(url.href, 302);
  });

  routes.get('/auth/callback', async (c) => {
    c.header('Cache-Control', 'no-store');
    const attempt = takePending(getCookie(c, SIGN_IN_COOKIE));
    deleteCookie(c, SIGN_IN_COOKIE, { path: '/', secure: true });
    const query = new URL(c.req.url).searchParams;
    if (!attempt) {
      return signInFailed(c, 'Deze aanmelding is niet in deze browser gestart of is verlopen. Meld u opnieuw aan.');
    }
    const error = query.get('error');
    if (error !== null) {
      return signInFailed(
        c,
        error === 'access_denied' ? 'Aanmelden is geannuleerd.' : `De identiteitsprovider weigerde de aanmelding (${error}).`,
      );
    }
    if (query.get('state') !== attempt.state) {
      return signInFailed(c, 'Het antwoord van de identiteitsprovider hoort niet bij deze aanmelding (state klopt niet). Meld u opnieuw aan.');
    }
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, new URL(`${redirectUri}?${query.toString()}`), {
        pkceCodeVerifier: attempt.codeVerifier,
        expectedState: attempt.state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
    } catch (exchangeError) {
      log(`auth.callback code exchange failed: ${exchangeError instanceof Error ? exchangeError.message : String(exchangeError)}`);
      return signInFailed(c, 'De aanmelding kon niet worden afgerond bij de identiteitsprovider. Meld u opnieuw aan.');
    }
    const person = personFromClaims(tokens.claims() ?? {}, settings.roleClaimTable);
    if (!person) {
      return signInFailed(c, 'De identiteitsprovider gaf geen naam of organisatie mee; vraag de beheerder van de identiteitsprovider dit in te stellen.', 403);
    }
    const now = clock.now();
    await sessions.deleteExpired(now, limits);
    const id = randomBytes(32).toString('base64url');
    await sessions.create({ key: sessionKey(id), person, createdAt: now, lastSeenAt: now, idToken: tokens.id_token ?? null });
    setCookie(c, SESSION_COOKIE, id, { httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
    return c.redirect(attempt.returnTo, 303);
  });

  routes.post('/auth/logout', async (c) => {
    c.header('Cache-Control', 'no-store');
    if (!passesCsrfCheck(c.req.raw)) return c.json({ error: { code: 'FORBIDDEN', message: 'Afmelden geweigerd: het verzoek kwam niet van Ketenplanner zelf.' } }, 403);
    const found = await sessionRecordOf(c.req.raw);
    const id = cookieValue(c.req.header('cookie') ?? null, SESSION_COOKIE);
    if (id) await sessions.delete(sessionKey(id));
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
    let logoutUrl: string | null = null;
    if (config.serverMetadata().end_session_endpoint) {
      const parameters: Record<string, string> = { post_logout_redirect_uri: `${origin}/` };
      if (found?.record.idToken) parameters.id_token_hint = found.record.idToken;
      logoutUrl = oidc.buildEndSessionUrl(config, parameters).href;
    }
    return c.json({ signedOut: true, logoutUrl });
  });

  return {
    routes,
    passesCsrfCheck,
    sessionPerson: async (request) => {
      const found = await sessionRecordOf(request);
      if (!found) return null;
      await sessions.touch(found.record.key, found.now);
      return found.record.person;
    },
  };
}

/** The store's key for a cookie's session id: its SHA-256, so the store never holds usable ids. */
function sessionKey(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

function cookieValue(header: string | null, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return null;
}

/** Only a path on this server (never '//host' or a full URL): no open redirect after sign-in. */
function safeReturnPath(value: string | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

function signInFailed(c: Context, message: string, status: 400 | 403 = 400): Response {
  return c.html(
    `<!doctype html><html lang="nl"><meta charset="utf-8"><title>Aanmelden mislukt</title>` +
      `<h1>Aanmelden mislukt</h1><p>${escapeHtml(message)}</p><p><a href="/auth/login">Opnieuw aanmelden</a></p></html>`,
    status,
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
