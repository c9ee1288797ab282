import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

/**
 * A real OpenID Connect provider (oidc-provider 9) in this process, on a free loopback port, for the
 * sign-in tests (issue 13, items 3 and 8). Plain http on 127.0.0.1: openid-client talks to it only
 * with allowInsecureRequests, which server/auth/ allows for loopback issuers alone.
 *
 * - Users of every role (TEST_USERS), their claims: name, organisation, roles (the IdP's role names,
 *   mapped by server/auth/role-claims.ts) and police_unit.
 * - A confidential client for the server's browser sign-in and a public client for the desktop (PKCE,
 *   loopback redirect http://127.0.0.1/callback on any port, RFC 8252 7.3).
 * - Access tokens for the API resource are JWTs (resource indicators) carrying the person's claims.
 * - Login is a plain HTML form at /interaction/:uid that tests post to over HTTP (signInAt in
 *   test/support/sign-in-browser.ts); consent is implied for these first-party clients.
 */

export interface TestUser {
  login: string;
  password: string;
  name: string;
  organisation: string;
  /** The IdP's role names (server/auth/role-claims.ts maps them). */
  roles: string[];
  policeUnit?: string;
}

export const TEST_PASSWORD = 'geheim-wachtwoord';

export const TEST_USERS = {
  coordinator: { login: 'c.dekker', password: TEST_PASSWORD, name: 'Carla Dekker', organisation: 'Rechtbank Noord-Holland', roles: ['ketenplanner-coordinator'] },
  prosecutor: { login: 'p.jansen', password: TEST_PASSWORD, name: 'Pieter Jansen', organisation: 'Openbaar Ministerie', roles: ['ketenplanner-prosecutor'] },
  clerk: { login: 'g.smit', password: TEST_PASSWORD, name: 'Greet Smit', organisation: 'Rechtbank Noord-Holland', roles: ['ketenplanner-clerk'] },
  policeLiaison: {
    login: 'r.bakker',
    password: TEST_PASSWORD,
    name: 'Rob Bakker',
    organisation: 'Politie Noord-Holland',
    roles: ['ketenplanner-police-liaison'],
    policeUnit: 'Basisteam Haarlem',
  },
  reviewer: { login: 'l.visser', password: TEST_PASSWORD, name: 'Lies Visser', organisation: 'Reclassering Nederland', roles: ['ketenplanner-reviewer'] },
  administrator: { login: 'a.mulder', password: TEST_PASSWORD, name: 'Anouk Mulder', organisation: 'Rechtbank Noord-Holland', roles: ['ketenplanner-administrator'] },
  /** A person whose only role the role table does not know: signed in, but holds no role. */
  unknownRole: { login: 's.de-vries', password: TEST_PASSWORD, name: 'Sam de Vries', organisation: 'Rechtbank Noord-Holland', roles: ['stagiair'] },
} satisfies Record<string, TestUser>;

export interface TestIdentityProviderOptions {
  /** The server's browser redirect, e.g. https://127.0.0.1:8443/auth/callback. */
  serverRedirectUri: string;
  /** Where the IdP may send the browser after sign-out. */
  serverPostLogoutRedirectUri: string;
  /** The API's resource indicator and the access tokens' audience. */
  apiResource: string;
  /** Access token lifetime in seconds (default 600). */
  accessTokenTtlSeconds?: number;
}

export interface TestIdentityProvider {
  issuer: string;
  serverClient: { clientId: string; clientSecret: string };
  desktopClient: { clientId: string };
  apiResource: string;
  close(): Promise<void>;
}

export const SERVER_CLIENT_ID = 'ketenplanner-server';
export const DESKTOP_CLIENT_ID = 'ketenplanner-desktop';

export async function startTestIdentityProvider(options: TestIdentityProviderOptions): Promise<TestIdentityProvider> {
  const users = Object.values(TEST_USERS) as TestUser[];
  const byLogin = new Map(users.map((user) => [user.login, user]));
  const serverClient = { clientId: SERVER_CLIENT_ID, clientSecret: randomBytes(24).toString('base64url') };

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'test-idp-1', alg: 'RS256', use: 'sig' };

  const personClaims = (user: TestUser) => ({
    name: user.name,
    organisation: user.organisation,
    roles: user.roles,
    police_unit: user.policeUnit ?? null,
  });

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const configuration: Configuration = {
    clients: [
      {
        client_id: serverClient.clientId,
        client_secret: serverClient.clientSecret,
        redirect_uris: [options.serverRedirectUri],
        post_logout_redirect_uris: [options.serverPostLogoutRedirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
      {
        client_id: DESKTOP_CLIENT_ID,
        application_type: 'native',
        // RFC 8252 7.3: any port on the loopback address (oidc-provider ignores the port for loopback URIs).
        redirect_uris: ['http://127.0.0.1/callback'],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'none',
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    scopes: ['openid', 'offline_access'],
    claims: {
      openid: ['sub'],
      profile: ['name'],
      ketenplanner: ['organisation', 'roles', 'police_unit'],
    },
    // The person's claims in the ID token itself (as the district IdP is configured to do), not only at userinfo.
    conformIdTokenClaims: false,
    findAccount: (_ctx, sub) => {
      const user = byLogin.get(sub);
      if (!user) return undefined;
      return { accountId: sub, claims: () => ({ sub, ...personClaims(user) }) };
    },
    // First-party clients: the district's IdP grants without a consent screen.
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) {
        const existing = await ctx.oidc.provider.Grant.find(grantId);
        if (existing) return existing;
      }
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid profile ketenplanner offline_access');
      grant.addResourceScope(options.apiResource, 'api');
      await grant.save();
      return grant;
    },
    extraTokenClaims: (_ctx, token) => {
      const user = 'accountId' in token ? byLogin.get(token.accountId) : undefined;
      return user ? personClaims(user) : undefined;
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.body = `<!doctype html><title>Afmelden</title>${form}<button form="op.logoutForm" name="logout" value="yes">Afmelden</button>`;
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.body = '<!doctype html><title>Afgemeld</title><p>U bent afgemeld.</p>';
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: (_ctx, _client, oneOf) => oneOf ?? undefined,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resourceIndicator) => {
          if (resourceIndicator !== options.apiResource) throw new Error(`Unknown resource ${resourceIndicator}`);
          return {
            scope: 'api',
            audience: options.apiResource,
            accessTokenFormat: 'jwt',
            accessTokenTTL: options.accessTokenTtlSeconds ?? 600,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    ttl: { AccessToken: 600, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600, RefreshToken: 3600 },
    renderError: (ctx: KoaContextWithOIDC, out) => {
      ctx.type = 'text';
      ctx.body = `IdP error: ${out.error}: ${out.error_description ?? ''}`;
    },
  };

  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();
  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname.startsWith('/interaction/')) {
      void handleInteraction(provider, byLogin, req, res, url).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(`interaction failed: ${String(error)}`);
      });
      return;
    }
    void callback(req, res);
  });

  return {
    issuer,
    serverClient,
    desktopClient: { clientId: DESKTOP_CLIENT_ID },
    apiResource: options.apiResource,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * The login page: GET shows a form, POST checks login and password, POST .../abort is 'Annuleren'
 * (the client gets error=access_denied).
 */
async function handleInteraction(
  provider: Provider,
  byLogin: Map<string, TestUser>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (req.method === 'GET') {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(
      `<!doctype html><title>Inloggen</title><form method="post" action="/interaction/${details.uid}">` +
        `<input name="login"><input name="password" type="password"><button>Inloggen</button></form>` +
        `<form method="post" action="/interaction/${details.uid}/abort"><button>Annuleren</button></form>`,
    );
    return;
  }
  if (url.pathname.endsWith('/abort')) {
    await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'End-User aborted interaction' });
    return;
  }
  const form = new URLSearchParams(await readBody(req));
  const user = byLogin.get(form.get('login') ?? '');
  if (!user || user.password !== form.get('password')) {
    res.statusCode = 401;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Onbekende gebruiker of verkeerd wachtwoord');
    return;
  }
  // Consent with the login: loadExistingGrant grants first-party clients what they ask; oidc-provider
  // otherwise asks native clients for consent on every sign-in.
  await provider.interactionFinished(req, res, { login: { accountId: user.login }, consent: {} }, { mergeWithLastSubmission: false });
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
