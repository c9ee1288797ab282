import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as oidc from 'openid-client';
import { discoverIdentityProvider, newSignInAttempt } from './identity-provider';

export interface DesktopSignInOptions {
  /** The district's IdP issuer URL. */
  issuer: string;
  /** The desktop's public client at the IdP (no secret; PKCE). */
  clientId: string;
  /** The district API's resource indicator: the access token is issued for it. */
  resource: string;
  /** Opens the system browser at the authorisation URL (Electron: shell.openExternal; CLI: the 'open' package). */
  openBrowser(url: string): Promise<void> | void;
  /** Default 5 minutes. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface DesktopTokens {
  accessToken: string;
  idToken: string | null;
  refreshToken: string | null;
  /** Seconds, as the IdP said. */
  expiresIn: number | null;
  /** The ID token's claims (name, organisation, roles...) for the header; the server decides by the access token. */
  claims: Readonly<Record<string, unknown>> | null;
}

export type DesktopSignInErrorCode = 'CANCELLED' | 'STATE_MISMATCH' | 'REFUSED' | 'TIMEOUT' | 'EXCHANGE_FAILED' | 'ABORTED';

/** A failed desktop sign-in; message is Dutch, for the user. */
export class DesktopSignInError extends Error {
  constructor(
    readonly code: DesktopSignInErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DesktopSignInError';
  }
}

const DEFAULT_TIMEOUT_MS = 5 * 60 * 1000;
const SCOPE = 'openid profile ketenplanner api';

/**
 * Desktop sign-in as RFC 8252 describes: a listener on 127.0.0.1 at a random port receives the
 * redirect (http://127.0.0.1:<port>/callback, section 7.3), the system browser does the login, the
 * public client proves itself with PKCE S256, state is checked, and the code is exchanged for tokens.
 * The listener closes when the sign-in ends, however it ends.
 */
export async function signInFromDesktop(options: DesktopSignInOptions): Promise<DesktopTokens> {
  const config = await discoverIdentityProvider(options.issuer, options.clientId, oidc.None(), { token_endpoint_auth_method: 'none' });
  const attempt = await newSignInAttempt();
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`;
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;

  try {
    const tokens = await new Promise<DesktopTokens>((resolve, reject) => {
      const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const minutes = Math.max(1, Math.round(timeoutMs / 60_000));
      timer = setTimeout(
        () => reject(new DesktopSignInError('TIMEOUT', `Aanmelden duurde langer dan ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} en is afgebroken. Probeer het opnieuw.`)),
        timeoutMs,
      );
      if (options.signal) {
        onAbort = () => reject(new DesktopSignInError('ABORTED', 'Aanmelden is afgebroken.'));
        if (options.signal.aborted) onAbort();
        options.signal.addEventListener('abort', onAbort, { once: true });
      }

      server.on('request', (req, res) => {
        const url = new URL(req.url ?? '/', redirectUri);
        if (req.method !== 'GET' || url.pathname !== '/callback') {
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Niet gevonden');
          return;
        }
        void completeSignIn(config, url, attempt, options.resource).then(
          (result) => {
            answerBrowser(res, 200, 'U bent aangemeld bij Ketenplanner. U kunt dit venster sluiten en teruggaan naar de app.');
            resolve(result);
          },
          (error: unknown) => {
            const failure = error instanceof DesktopSignInError ? error : new DesktopSignInError('EXCHANGE_FAILED', 'De aanmelding kon niet worden afgerond bij de identiteitsprovider. Probeer het opnieuw.');
            answerBrowser(res, 400, failure.message);
            reject(failure);
          },
        );
      });

      const authorizationUrl = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: SCOPE,
        resource: options.resource,
        code_challenge: attempt.codeChallenge,
        code_challenge_method: 'S256',
        state: attempt.state,
        nonce: attempt.nonce,
      });
      Promise.resolve(options.openBrowser(authorizationUrl.href)).catch((error: unknown) =>
        reject(new DesktopSignInError('EXCHANGE_FAILED', `De browser kon niet worden geopend: ${error instanceof Error ? error.message : String(error)}`)),
      );
    });
    return tokens;
  } finally {
    clearTimeout(timer);
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
    // Let the answer page reach the browser, then drop whatever connection is left.
    server.close();
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 1000).unref();
  }
}

async function completeSignIn(
  config: oidc.Configuration,
  callbackUrl: URL,
  attempt: { codeVerifier: string; state: string; nonce: string },
  resource: string,
): Promise<DesktopTokens> {
  const error = callbackUrl.searchParams.get('error');
  if (error === 'access_denied') throw new DesktopSignInError('CANCELLED', 'Aanmelden is geannuleerd.');
  if (error !== null) throw new DesktopSignInError('REFUSED', `De identiteitsprovider weigerde de aanmelding (${error}).`);
  if (callbackUrl.searchParams.get('state') !== attempt.state) {
    throw new DesktopSignInError('STATE_MISMATCH', 'Het antwoord van de identiteitsprovider hoort niet bij deze aanmelding (state klopt niet). Probeer het opnieuw.');
  }
  const tokens = await oidc.authorizationCodeGrant(
    config,
    callbackUrl,
    { pkceCodeVerifier: attempt.codeVerifier, expectedState: attempt.state, expectedNonce: attempt.nonce, idTokenExpected: true },
    { resource },
  );
  return {
    accessToken: tokens.access_token,
    idToken: tokens.id_token ?? null,
    refreshToken: tokens.refresh_token ?? null,
    expiresIn: tokens.expires_in ?? null,
    claims: tokens.claims() ?? null,
  };
}

function answerBrowser(res: http.ServerResponse, status: number, message: string): void {
  const title = status === 200 ? 'Aangemeld' : 'Aanmelden mislukt';
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`<!doctype html><html lang="nl"><meta charset="utf-8"><title>${title}</title><h1>${title}</h1><p>${escapeHtml(message)}</p></html>`);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
