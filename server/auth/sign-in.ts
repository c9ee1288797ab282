import { Hono } from 'hono';
import * as oidc from 'openid-client';
import type { Role } from '../../shared/domain/roles';
import type { Clock } from '../services/context/clock';
import { bearerTokenOf, createBearerTokenVerifier } from './bearer-token';
import { createBrowserSignIn } from './browser-sign-in';
import { discoverIdentityProvider } from './identity-provider';
import { MemorySessionStore, type SessionStore } from './session-store';
import { actorLabel, type SignedInPerson } from './signed-in-person';

export interface SignInSettings {
  /** The IdP's issuer URL (discovery at <issuer>/.well-known/openid-configuration). */
  issuer: string;
  /** The server's confidential client at the IdP (browser sign-in). */
  clientId: string;
  clientSecret: string;
  /** https://<the server's public host>/auth/callback, as registered at the IdP. */
  redirectUri: string;
  /** The API's resource indicator: desktop access tokens must have it as audience. Default: clientId. */
  apiAudience?: string;
  /** The desktop app's public client at the IdP; GET /auth/desktop-config names it (absent: that answers 404). */
  desktopClientId?: string;
  clock: Clock;
  /** Default: MemorySessionStore (one process; sessions end on restart). */
  sessions?: SessionStore;
  /** Default 30 minutes without a request. */
  idleTimeoutMs?: number;
  /** Default 10 hours after sign-in, however active. */
  absoluteTimeoutMs?: number;
  /** Default DEFAULT_ROLE_CLAIM_TABLE (server/auth/signed-in-person.ts). */
  roleClaimTable?: Readonly<Record<string, Role>>;
  /** See BearerTokenSettings.accessTokenType (default 'at+jwt'). */
  accessTokenType?: string | null;
  log?: (message: string) => void;
}

export interface SignIn {
  /** GET /auth/login, GET /auth/callback, POST /auth/logout, GET /auth/me, GET /auth/desktop-config: mount with app.route('/', routes). */
  routes: Hono;
  /**
   * The person a request comes from: a browser session cookie (state-changing requests also need the
   * X-Ketenplanner-Request header or the server's own Origin) or a desktop's bearer access token.
   * Null: not signed in (answer 401).
   */
  authenticate(request: Request): Promise<SignedInPerson | null>;
}

export const DEFAULT_IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const DEFAULT_ABSOLUTE_TIMEOUT_MS = 10 * 60 * 60 * 1000;

/** Discovers the IdP and builds the district server's sign-in (docs/sign-in.md). */
export async function createSignIn(settings: SignInSettings): Promise<SignIn> {
  const config = await discoverIdentityProvider(settings.issuer, settings.clientId, oidc.ClientSecretBasic(settings.clientSecret));
  const metadata = config.serverMetadata();
  if (!metadata.jwks_uri) throw new Error(`The identity provider ${settings.issuer} publishes no jwks_uri`);
  const browser = createBrowserSignIn({
    config,
    redirectUri: settings.redirectUri,
    sessions: settings.sessions ?? new MemorySessionStore(),
    clock: settings.clock,
    limits: { idleMs: settings.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS, absoluteMs: settings.absoluteTimeoutMs ?? DEFAULT_ABSOLUTE_TIMEOUT_MS },
    ...(settings.roleClaimTable ? { roleClaimTable: settings.roleClaimTable } : {}),
    ...(settings.log ? { log: settings.log } : {}),
  });
  const verifyBearer = createBearerTokenVerifier({
    issuer: metadata.issuer,
    jwksUri: metadata.jwks_uri,
    audience: settings.apiAudience ?? settings.clientId,
    clock: settings.clock,
    ...(settings.roleClaimTable ? { roleClaimTable: settings.roleClaimTable } : {}),
    ...(settings.accessTokenType !== undefined ? { accessTokenType: settings.accessTokenType } : {}),
  });

  const authenticate = async (request: Request): Promise<SignedInPerson | null> => {
    const authorization = request.headers.get('authorization');
    if (authorization !== null) {
      const token = bearerTokenOf(authorization);
      return token === null ? null : verifyBearer(token);
    }
    if (!browser.passesCsrfCheck(request)) return null;
    return browser.sessionPerson(request);
  };

  const routes = new Hono();
  routes.route('/', browser.routes);
  routes.get('/auth/me', async (c) => {
    c.header('Cache-Control', 'no-store');
    const person = await authenticate(c.req.raw);
    if (!person) return c.json({ error: { code: 'UNAUTHENTICATED', message: 'U bent niet aangemeld. Meld u aan om verder te gaan.' } }, 401);
    return c.json({ ...person, actor: actorLabel(person) });
  });

  // Public: what a desktop needs to sign in itself (server/desktop/connected-backend.ts); no secret in it.
  routes.get('/auth/desktop-config', (c) => {
    c.header('Cache-Control', 'no-store');
    if (!settings.desktopClientId) {
      return c.json({ error: { code: 'NOT_FOUND', message: 'Deze districtsserver is niet ingesteld voor de desktop-app (oidc.desktopClientId ontbreekt).' } }, 404);
    }
    return c.json({ issuer: metadata.issuer, clientId: settings.desktopClientId, resource: settings.apiAudience ?? settings.clientId });
  });

  return { routes, authenticate };
}
