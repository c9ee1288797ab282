import { QueryClient, QueryClientProvider, type Query } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../renderer/src/api/api-client';
import { queryClientConfig, SERVER_POLL_MS } from '../../renderer/src/api/server-polling';
import { loginUrl, probeServerSession, signOut, type ServerPerson } from '../../renderer/src/api/server-session';
import { ServerSessionProvider } from '../../renderer/src/api/server-session-context';
import { sessionTransport } from '../../renderer/src/api/transports';
import { SignedInPerson } from '../../renderer/src/components/SignedInPerson';
import { createI18n } from '../../renderer/src/i18n/i18n';

/** District server mode in the renderer (issue 13, item 6); the whole flow runs in test/e2e/district-server.test.ts. */
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const PERSON: ServerPerson = { name: 'Pieter Jansen', organisation: 'Openbaar Ministerie', roles: ['prosecutor'], policeUnit: null };

describe('district server mode in the renderer', () => {
  it('tells a district server (JSON from /auth/me) from `ketenplanner serve` (index.html for every path)', async () => {
    expect(await probeServerSession(async () => json({ ...PERSON, subject: 'p', actor: 'x' }))).toEqual({ kind: 'signed-in', person: PERSON });
    expect(await probeServerSession(async () => json({ error: { code: 'UNAUTHENTICATED', message: '...' } }, 401))).toEqual({ kind: 'signed-out' });
    expect(await probeServerSession(async () => new Response('<!doctype html>', { headers: { 'Content-Type': 'text/html' } }))).toEqual({ kind: 'not-a-district-server' });
    expect(await probeServerSession(async () => Promise.reject(new TypeError('offline')))).toEqual({ kind: 'not-a-district-server' });
  });

  it('sends the session cookie and the X-Ketenplanner-Request header, no token; a 401 sends the browser to sign in', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => json({ ok: false, error: { code: 'UNAUTHORIZED', message: 'U bent niet aangemeld' } }, 401));
    const signedOut = vi.fn();
    const client = createApiClient(sessionTransport(signedOut, fetch as unknown as typeof globalThis.fetch));
    await expect(client.call('capacity.removeClosure', { closureId: 3 }, { requestId: 'r-1' })).rejects.toThrow('U bent niet aangemeld');
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/capacity.removeClosure');
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', headers: { 'X-Ketenplanner-Request': '1', 'Idempotency-Key': 'r-1' } });
    expect(init?.headers).not.toHaveProperty('Authorization');
    expect(signedOut).toHaveBeenCalledOnce();
  });

  it('comes back to the page (hash route included) after signing in, never to another server', () => {
    expect(loginUrl({ pathname: '/', search: '', hash: '#/zittingen?week=2026-06-29' })).toBe('/auth/login?returnTo=%2F%23%2Fzittingen%3Fweek%3D2026-06-29');
    expect(loginUrl({ pathname: '//evil.example/x', search: '', hash: '' })).toBe('/auth/login?returnTo=%2F');
  });

  it('Afmelden: POST /auth/logout with the CSRF header, then the IdP sign-out when the server names one', async () => {
    const go = vi.fn();
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => json({ signedOut: true, logoutUrl: 'https://idp.example/logout?id_token_hint=x' }));
    await signOut(fetch as unknown as typeof globalThis.fetch, go);
    expect(fetch.mock.calls[0]![0]).toBe('/auth/logout');
    expect(fetch.mock.calls[0]![1]).toMatchObject({ method: 'POST', headers: { 'X-Ketenplanner-Request': '1' } });
    expect(go).toHaveBeenCalledWith('https://idp.example/logout?id_token_hint=x');

    const noIdp = vi.fn(async () => json({ signedOut: true, logoutUrl: null }));
    await signOut(noIdp as unknown as typeof globalThis.fetch, go);
    expect(go).toHaveBeenLastCalledWith('/');
  });

  it('the header shows name, organisation and role in Dutch, and Afmelden; nothing outside server mode', () => {
    const i18n = createI18n();
    const { unmount } = render(
      <QueryClientProvider client={new QueryClient()}>
        <I18nextProvider i18n={i18n}>
          <ServerSessionProvider person={{ name: 'Rob Bakker', organisation: 'Politie Noord-Holland', roles: ['police_liaison'], policeUnit: 'Basisteam Haarlem' }}>
            <SignedInPerson />
          </ServerSessionProvider>
        </I18nextProvider>
      </QueryClientProvider>,
    );
    const region = screen.getByRole('region', { name: 'Aangemeld' });
    expect(region.textContent).toBe('Rob Bakker · Politie Noord-Holland · Politie (ketenpartner) · Basisteam HaarlemAfmelden');
    expect(screen.getByRole('button', { name: 'Afmelden' })).toBeTruthy();
    unmount();
    render(
      <QueryClientProvider client={new QueryClient()}>
        <I18nextProvider i18n={i18n}>
          <SignedInPerson />
        </I18nextProvider>
      </QueryClientProvider>,
    );
    expect(screen.queryByRole('region', { name: 'Aangemeld' })).toBeNull();
  });

  it('polls the week view and the reservations on the server only; standalone keeps its defaults', () => {
    const query = (operation: string) => ({ queryKey: [operation, {}] }) as unknown as Query;
    const server = new QueryClient(queryClientConfig(true)).getDefaultOptions().queries!;
    const interval = server.refetchInterval as (q: Query) => number | false;
    const onFocus = server.refetchOnWindowFocus as (q: Query) => boolean;
    expect(interval(query('sessions.week'))).toBe(SERVER_POLL_MS);
    expect(onFocus(query('reservations.list'))).toBe(true);
    expect(interval(query('cases.get'))).toBe(false);
    expect(onFocus(query('cases.get'))).toBe(false);
    expect(new QueryClient(queryClientConfig(false)).getDefaultOptions().queries).toEqual({ retry: 1, refetchOnWindowFocus: false });
  });
});
