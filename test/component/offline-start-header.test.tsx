import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { SyncStatusProvider, type DesktopSyncSource } from '../../renderer/src/api/sync-status-context';
import { SyncStatusBar } from '../../renderer/src/components/sync/SyncStatusBar';
import { createI18n } from '../../renderer/src/i18n/i18n';
import type { SignInAnswer } from '../../shared/api/desktop-bridge';
import type { SyncStatus } from '../../shared/api/sync-status';

/**
 * Issue 14's offline start in the header: a desktop started on its copy without signing in says so, asks
 * to sign in once the server answers again, and names another person's work waiting on this desktop.
 * The main process side: test/integration/offline-start.test.ts. 15 June 2026 is summer time (08:42Z is 10:42).
 */
const NOW = new Date('2026-06-15T09:00:00.000Z');
const PENDING = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ requestId: `r-${i}`, operation: 'outcomes.record', summary: `Uitkomst vastleggen: zaak 13/00000${i}-26`, createdAt: '2026-06-15T08:50:00.000Z', subject: null }));
const SIGNED_OUT: SyncStatus = {
  connection: 'offline',
  signIn: 'signedOut',
  offlineSince: '2026-06-15T08:42:00.000Z',
  dataAsOf: '2026-06-15T08:41:00.000Z',
  pending: PENDING(2),
  conflicts: [],
  syncing: false,
  firstCopy: null,
};

function show(status: SyncStatus, signIn?: () => Promise<SignInAnswer>) {
  const source: DesktopSyncSource = {
    syncStatus: vi.fn(async () => status),
    syncNow: vi.fn(async () => undefined),
    resolveConflict: vi.fn(async () => ({ ok: true as const })),
    ...(signIn ? { signIn: vi.fn(signIn) } : {}),
  };
  const onSignedIn = vi.fn();
  render(
    <I18nextProvider i18n={createI18n()}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <SyncStatusProvider source={source} serverUrl="https://planner.district.example">
          <MemoryRouter>
            <SyncStatusBar now={() => NOW} onSignedIn={onSignedIn} />
          </MemoryRouter>
        </SyncStatusProvider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
  return { source, onSignedIn };
}

describe('the header of a desktop started offline, signed out', () => {
  it('says offline since when, how old the data is, and that no one is signed in; no sign-in button while the server is away', async () => {
    show(SIGNED_OUT, async () => ({ ok: true, note: null }));
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('Offline sinds 10:42, gegevens van 10:41 · niet aangemeld, 2 nog niet bevestigd'));
    expect(screen.queryByRole('button', { name: 'Aanmelden' })).toBeNull();
  });

  it('asks to sign in when the server answers again, and starts the app over after the sign-in', async () => {
    let finish: (answer: SignInAnswer) => void = () => undefined;
    const { source, onSignedIn } = show({ ...SIGNED_OUT, connection: 'signed-out' }, () => new Promise((resolve) => (finish = resolve)));
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('Server weer bereikbaar: meld u aan om uw 2 wijzigingen te versturen, 2 nog niet bevestigd'));
    await userEvent.click(screen.getByRole('button', { name: 'Aanmelden' }));
    expect(source.signIn).toHaveBeenCalledOnce();
    expect(screen.getByText('Meld u aan in het browservenster dat is geopend…')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Aanmelden' }) as HTMLButtonElement).disabled).toBe(true);
    finish({ ok: true, note: null });
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledOnce());
  });

  it('says why a sign-in failed, and stays', async () => {
    const { onSignedIn } = show({ ...SIGNED_OUT, connection: 'signed-out', pending: PENDING(1) }, async () => ({ ok: false, message: 'Aanmelden is geannuleerd.' }));
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('Server weer bereikbaar: meld u aan om uw 1 wijziging te versturen, 1 nog niet bevestigd'));
    await userEvent.click(screen.getByRole('button', { name: 'Aanmelden' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Aanmelden is niet gelukt: Aanmelden is geannuleerd.');
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it("names another person's work that waits on this desktop", async () => {
    show({ ...SIGNED_OUT, connection: 'online', signIn: 'signedIn', pending: [], waitingFor: { owner: 'Greet Smit (Rechtbank Noord-Holland)', pending: 3 } });
    expect(await screen.findByText('3 niet-verstuurde wijzigingen van Greet Smit (Rechtbank Noord-Holland) wachten op deze computer tot die persoon zich hier aanmeldt.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Aanmelden' })).toBeNull();
  });
});
