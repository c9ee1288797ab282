import type { Role } from '../../../shared/domain/roles';

/**
 * District server mode (issue 13, item 6): the page was served by `ketenplanner server`, which signs
 * people in itself (docs/sign-in.md). The browser holds the session in an HttpOnly cookie; requests go
 * with that cookie and the X-Ketenplanner-Request header (the server's CSRF check), never with a token.
 */

/** The person GET /auth/me answers with (server/auth/signed-in-person.ts). */
export interface ServerPerson {
  name: string;
  organisation: string;
  roles: Role[];
  policeUnit: string | null;
}

export type ServerSessionProbe = { kind: 'signed-in'; person: ServerPerson } | { kind: 'signed-out' } | { kind: 'not-a-district-server' };

export const CSRF_HEADER = 'X-Ketenplanner-Request';

/**
 * Asks GET /auth/me whether this page came from a district server. Only the district server answers it
 * with JSON (200: signed in, 401: not); `ketenplanner serve` answers every unknown GET with the UI's
 * index.html, so anything else means "not a district server".
 */
export async function probeServerSession(fetchImpl: typeof fetch = fetch): Promise<ServerSessionProbe> {
  let response: Response;
  try {
    response = await fetchImpl('/auth/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch {
    return { kind: 'not-a-district-server' };
  }
  if (!(response.headers.get('content-type') ?? '').includes('application/json')) return { kind: 'not-a-district-server' };
  if (response.status === 401) return { kind: 'signed-out' };
  if (!response.ok) return { kind: 'not-a-district-server' };
  const body = (await response.json().catch(() => null)) as Partial<ServerPerson> | null;
  if (!body || typeof body.name !== 'string' || typeof body.organisation !== 'string' || !Array.isArray(body.roles)) return { kind: 'not-a-district-server' };
  return { kind: 'signed-in', person: { name: body.name, organisation: body.organisation, roles: body.roles, policeUnit: body.policeUnit ?? null } };
}

/**
 * /auth/login with the page the person is on (path, query and the hash route) to come back to after
 * signing in. Only a path on this server: the server checks it again (safeReturnPath).
 */
export function loginUrl(location: Pick<Location, 'pathname' | 'search' | 'hash'>): string {
  const here = `${location.pathname}${location.search}${location.hash}`;
  const returnTo = here.startsWith('/') && !here.startsWith('//') && !here.startsWith('/\\') ? here : '/';
  return `/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
}

/**
 * POST /auth/logout; then the browser goes to the IdP's sign-out (so the IdP session ends too) when the
 * server names one, else to the start page, which sends it to sign in again.
 */
export async function signOut(fetchImpl: typeof fetch = fetch, go: (url: string) => void = (url) => window.location.assign(url)): Promise<void> {
  const response = await fetchImpl('/auth/logout', { method: 'POST', credentials: 'same-origin', headers: { [CSRF_HEADER]: '1' } });
  const body = (await response.json().catch(() => null)) as { logoutUrl?: string | null } | null;
  go(response.ok && typeof body?.logoutUrl === 'string' && /^https?:\/\//.test(body.logoutUrl) ? body.logoutUrl : '/');
}
