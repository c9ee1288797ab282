import { isOperationName } from '../../shared/api/contract';
import type { ApiEnvelope } from '../../shared/api/envelope';
import type { ApiHandler } from '../services/api-handler';
import type { ServerPerson } from '../../shared/api/desktop-bridge';
import { ROLES, type Role } from '../../shared/domain/roles';
import { DesktopSignInError, signInFromDesktop, type DesktopSignInOptions, type DesktopTokens } from '../auth/desktop-sign-in';

/**
 * The desktop connected to a district server (issue 13, item 6): the same operations as standalone,
 * answered by the server. It learns the identity provider from the server (GET /auth/desktop-config),
 * signs in through the system browser (server/auth/desktop-sign-in.ts, RFC 8252), keeps the access token
 * in memory only (never on disk: a restart signs in again), and forwards every operation to
 * POST <server>/api/<operation> with the token and the request id as Idempotency-Key, answering with the
 * server's envelope. An expired token (401) signs in again once; an unreachable server answers UNAVAILABLE
 * in Dutch (issue 14 builds the offline mode on that).
 */

/** What GET /auth/desktop-config answers: where and as whom the desktop signs in. */
export interface DesktopServerConfig {
  issuer: string;
  clientId: string;
  resource: string;
}

export interface ConnectedBackendOptions {
  /** The district server's address (https; checked by parseServerUrl). */
  serverUrl: string;
  /** Opens the system browser (Electron: shell.openExternal). */
  openBrowser(url: string): Promise<void> | void;
  /** Electron: net.fetch (the system's certificate store); tests: a fetch that trusts the test CA. */
  fetch?: typeof fetch;
  /** Default: signInFromDesktop. */
  signIn?: (options: DesktopSignInOptions) => Promise<DesktopTokens>;
  signInTimeoutMs?: number;
  /** Per request to the server; default 30 seconds. */
  requestTimeoutMs?: number;
}

export interface ConnectedBackend {
  serverUrl: string;
  /** Same shape as the standalone api handler: every answer is an envelope, nothing throws. */
  handler: ApiHandler;
  /** Signs in (when not yet) and asks the server who that is (GET /auth/me). Throws ConnectError (Dutch). */
  connect(): Promise<ServerPerson>;
  /** The person of the last connect or sign-in, else null. */
  person(): ServerPerson | null;
  /** Forgets the token and the person (sign-out on this desktop). */
  forget(): void;
  /**
   * Whether the server answers (GET /auth/desktop-config), without signing in: the probe of a desktop that
   * started offline, signed out (issue 14), which must not open a browser window by itself.
   */
  reachable(): Promise<boolean>;
}

/** Connecting failed; the message is Dutch, for the start screen. */
export class ConnectError extends Error {
  constructor(
    message: string,
    /** UNAVAILABLE: the server could not be reached; UNAUTHORIZED: signing in failed or was refused. */
    readonly code: 'UNAVAILABLE' | 'UNAUTHORIZED' = 'UNAUTHORIZED',
  ) {
    super(message);
    this.name = 'ConnectError';
  }
}

/** The server's address as the desktop stores it (origin and path, no trailing slash), or a Dutch refusal. */
export function parseServerUrl(text: string): { ok: true; url: string } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Vul het adres van de districtsserver in, zoals https://planner.district.example.' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: `"${trimmed}" is geen geldig adres. Vul het adres van de districtsserver in, zoals https://planner.district.example.` };
  }
  if (url.protocol !== 'https:') return { ok: false, message: 'Het adres van de districtsserver moet met https:// beginnen: de app verbindt alleen versleuteld.' };
  if (url.username || url.password) return { ok: false, message: 'Het adres van de districtsserver mag geen gebruikersnaam of wachtwoord bevatten.' };
  if (url.search || url.hash) return { ok: false, message: 'Het adres van de districtsserver mag geen ? of # bevatten.' };
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const SIGNED_OUT_AGAIN = 'De districtsserver accepteert de aanmelding niet (ook niet na opnieuw aanmelden). Meld u af en opnieuw aan, of neem contact op met de beheerder.';

export function createConnectedBackend(options: ConnectedBackendOptions): ConnectedBackend {
  const parsed = parseServerUrl(options.serverUrl);
  if (!parsed.ok) throw new ConnectError(parsed.message);
  const serverUrl = parsed.url;
  const host = new URL(serverUrl).host;
  const fetchImpl = options.fetch ?? fetch;
  const signIn = options.signIn ?? signInFromDesktop;
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const unreachable = `De districtsserver ${host} is niet bereikbaar. Controleer de netwerkverbinding en probeer het opnieuw; er is niets gewijzigd.`;

  let token: string | null = null;
  let person: ServerPerson | null = null;
  let signingIn: Promise<string> | null = null;

  /** A request to the server; null when it could not be reached (network, TLS, timeout). */
  async function send(path: string, init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string }): Promise<Response | null> {
    try {
      return await fetchImpl(`${serverUrl}${path}`, { ...init, redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
    } catch {
      return null;
    }
  }

  async function desktopConfig(): Promise<DesktopServerConfig> {
    const response = await send('/auth/desktop-config', { method: 'GET', headers: { Accept: 'application/json' } });
    if (!response) throw new ConnectError(unreachable, 'UNAVAILABLE');
    const body = (await response.json().catch(() => null)) as Partial<DesktopServerConfig> & { error?: { message?: string } } | null;
    if (response.status === 404 && typeof body?.error?.message === 'string') throw new ConnectError(body.error.message);
    if (!response.ok || typeof body?.issuer !== 'string' || typeof body.clientId !== 'string' || typeof body.resource !== 'string') {
      throw new ConnectError(`${host} antwoordt niet als een Ketenplanner-districtsserver (HTTP ${response.status}). Controleer het adres.`);
    }
    return { issuer: body.issuer, clientId: body.clientId, resource: body.resource };
  }

  /** One sign-in at a time: calls that arrive meanwhile wait for it. */
  function freshToken(): Promise<string> {
    signingIn ??= (async () => {
      try {
        const config = await desktopConfig();
        const tokens = await signIn({
          ...config,
          openBrowser: options.openBrowser,
          ...(options.signInTimeoutMs !== undefined ? { timeoutMs: options.signInTimeoutMs } : {}),
        });
        token = tokens.accessToken;
        return tokens.accessToken;
      } catch (error) {
        if (error instanceof ConnectError) throw error;
        if (error instanceof DesktopSignInError) throw new ConnectError(error.message);
        throw new ConnectError(`Aanmelden bij ${host} is mislukt: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        signingIn = null;
      }
    })();
    return signingIn;
  }

  /**
   * Sends with the current token (signing in first when there is none); on 401 signs in once more and
   * sends again. The server checks the token before it runs anything, so the repeat runs the operation once.
   */
  async function withToken(request: (bearer: string) => Promise<Response | null>): Promise<Response | null> {
    const first = token ?? (await freshToken());
    const answer = await request(first);
    if (answer?.status !== 401) return answer;
    // Another call may have signed in meanwhile: use its token rather than a second browser window.
    const second = token !== null && token !== first ? token : await freshToken();
    return request(second);
  }

  const handler: ApiHandler = async (operation, input, meta) => {
    if (typeof operation !== 'string' || !isOperationName(operation)) {
      return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: `Onbekende handeling: ${String(operation)}` } };
    }
    let response: Response | null;
    try {
      response = await withToken((bearer) => {
        const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${bearer}` };
        if (meta?.requestId) headers['Idempotency-Key'] = meta.requestId;
        return send(`/api/${encodeURIComponent(operation)}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
      });
    } catch (error) {
      const code = error instanceof ConnectError ? error.code : 'UNAUTHORIZED';
      return { ok: false, error: { code, message: error instanceof Error ? error.message : String(error) } };
    }
    if (!response) return { ok: false, error: { code: 'UNAVAILABLE', message: unreachable } };
    if (response.status === 401) {
      token = null;
      return { ok: false, error: { code: 'UNAUTHORIZED', message: SIGNED_OUT_AGAIN } };
    }
    const body: unknown = await response.json().catch(() => null);
    if (body && typeof body === 'object' && 'ok' in body) return body as ApiEnvelope<unknown>;
    // A proxy or load balancer answering in the server's place.
    if (response.status === 502 || response.status === 503 || response.status === 504) return { ok: false, error: { code: 'UNAVAILABLE', message: unreachable } };
    return { ok: false, error: { code: 'INTERNAL', message: `De districtsserver gaf een onverwacht antwoord (HTTP ${response.status}).` } };
  };

  async function connect(): Promise<ServerPerson> {
    const response = await withToken((bearer) => send('/auth/me', { method: 'GET', headers: { Accept: 'application/json', Authorization: `Bearer ${bearer}` } }));
    if (!response) throw new ConnectError(unreachable, 'UNAVAILABLE');
    if (response.status === 401) {
      token = null;
      throw new ConnectError(SIGNED_OUT_AGAIN);
    }
    const answer = personOf(await response.json().catch(() => null));
    if (!response.ok || !answer) throw new ConnectError(`${host} antwoordt niet als een Ketenplanner-districtsserver (HTTP ${response.status}). Controleer het adres.`);
    person = answer;
    return answer;
  }

  return {
    serverUrl,
    handler,
    connect,
    person: () => person,
    async reachable() {
      const response = await send('/auth/desktop-config', { method: 'GET', headers: { Accept: 'application/json' } });
      // A proxy answering for a server that is down is not the server.
      return response !== null && response.status !== 502 && response.status !== 503 && response.status !== 504;
    },
    forget() {
      token = null;
      person = null;
    },
  };
}

function personOf(body: unknown): ServerPerson | null {
  if (!body || typeof body !== 'object') return null;
  const { name, organisation, roles, policeUnit } = body as Record<string, unknown>;
  if (typeof name !== 'string' || typeof organisation !== 'string' || !Array.isArray(roles)) return null;
  return {
    name,
    organisation,
    roles: roles.filter((role): role is Role => (ROLES as readonly unknown[]).includes(role)),
    policeUnit: typeof policeUnit === 'string' ? policeUnit : null,
  };
}
