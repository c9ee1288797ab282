import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { ServerPerson } from '../../renderer/src/api/server-session';
import { ServerSessionProvider } from '../../renderer/src/api/server-session-context';
import { SyncStatusProvider, type DesktopSyncSource } from '../../renderer/src/api/sync-status-context';
import { useOperationAvailability } from '../../renderer/src/api/use-operation-availability';
import { ConflictsPage } from '../../renderer/src/components/sync/ConflictsPage';
import { NotConfirmed } from '../../renderer/src/components/sync/NotConfirmed';
import { SyncStatusBar } from '../../renderer/src/components/sync/SyncStatusBar';
import { UnavailableReason, unavailableProps } from '../../renderer/src/components/sync/UnavailableReason';
import { createI18n } from '../../renderer/src/i18n/i18n';
import type { SyncConflict, SyncStatus } from '../../shared/api/sync-status';

/**
 * Issue 14 in the renderer: the header's connection line, the "nog niet bevestigd" marks, the conflict
 * inbox and the actions a desktop cannot do offline. The whole flow runs in test/e2e/offline-desktop.test.ts.
 * 15 June 2026 is summer time: 08:42Z is 10:42 in Amsterdam.
 */
const NOW = new Date('2026-06-15T09:00:00.000Z');
const CLERK: ServerPerson = { name: 'Kees de Griffier', organisation: 'Rechtbank Noord-Holland', roles: ['clerk', 'coordinator'], policeUnit: null };

const ONLINE: SyncStatus = { connection: 'online', offlineSince: null, dataAsOf: '2026-06-15T08:59:00.000Z', pending: [], conflicts: [], syncing: false, firstCopy: null };
const OFFLINE: SyncStatus = {
  ...ONLINE,
  connection: 'offline',
  offlineSince: '2026-06-15T08:42:00.000Z',
  dataAsOf: '2026-06-15T08:41:00.000Z',
  pending: [
    { requestId: 'r-1', operation: 'outcomes.record', summary: 'Uitkomst vastleggen: zaak 13/123456-26', createdAt: '2026-06-15T08:50:00.000Z', subject: { table: 'hearing', key: '41' } },
    { requestId: 'r-2', operation: 'outcomes.record', summary: 'Uitkomst vastleggen: zaak 13/654321-26', createdAt: '2026-06-15T08:51:00.000Z', subject: { table: 'hearing', key: '42' } },
  ],
};
const CONFLICT: SyncConflict = {
  id: 7,
  requestId: 'r-9',
  operation: 'reservations.reserve',
  summary: 'Reserveren: 1 plaats op ma 29 jun 09:00, Zaal 1',
  reason: 'Deze zitting heeft geen vrije plaats meer: 6 van de 6 plaatsen zijn bezet.',
  serverNow: [{ id: 12, date: '2026-06-29', start_time: '09:00', capacity_slots: 6, status: 'scheduled', accepts_minors: false, session_type: 'snelrecht_nd', accepted_modalities: 'snelrecht_nd,filler', cancel_reason: null, courtroom_id: 3, created_at: '2026-05-01T10:00:00.000Z', version: 4 }],
  createdAt: '2026-06-15T08:55:00.000Z',
  subject: { table: 'court_session', key: '12' },
};

function fakeSource(initial: SyncStatus) {
  let status = initial;
  const source = {
    syncStatus: vi.fn(async () => status),
    syncNow: vi.fn(async () => undefined),
    resolveConflict: vi.fn(async () => ({ ok: true as const })),
  } satisfies DesktopSyncSource;
  return { source, set: (next: SyncStatus) => (status = next) };
}

function show(source: DesktopSyncSource, ui: ReactNode, route = '/') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <I18nextProvider i18n={createI18n()}>
      <QueryClientProvider client={queryClient}>
        <ServerSessionProvider person={CLERK}>
          <SyncStatusProvider source={source} serverUrl="https://planner.district.example">
            <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
          </SyncStatusProvider>
        </ServerSessionProvider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

/** Counts its reads: a page's query. */
function CountingPage({ reads }: { reads: () => number }) {
  const query = useQuery({ queryKey: ['sessions.week', {}], queryFn: async () => reads() });
  return <p>gelezen: {query.data ?? 0}</p>;
}

function PlannerButton() {
  const availability = useOperationAvailability('planner.run');
  const outcome = useOperationAvailability('outcomes.record');
  return (
    <>
      <button type="button" disabled={!availability.allowed} {...unavailableProps(availability, 'run-why')}>
        Voorstel maken
      </button>
      <UnavailableReason availability={availability} id="run-why" />
      <button type="button" disabled={!outcome.allowed}>
        Uitkomst opslaan
      </button>
    </>
  );
}

describe('the connection line in the header', () => {
  it('says "Verbonden met" the server online, as a polite status', async () => {
    const { source } = fakeSource(ONLINE);
    show(source, <SyncStatusBar now={() => NOW} />);
    const status = await screen.findByRole('status');
    await vi.waitFor(() => expect(status.textContent).toBe('Verbonden met planner.district.example'));
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(screen.queryByText(/nog niet bevestigd/)).toBeNull();
  });

  it('says offline since when and how old the data is, in Amsterdam time, and lists the unconfirmed actions', async () => {
    const { source } = fakeSource(OFFLINE);
    show(source, <SyncStatusBar now={() => NOW} />);
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('Offline sinds 10:42, gegevens van 10:41, 2 nog niet bevestigd'));
    const summary = screen.getByText('2 nog niet bevestigd', { selector: 'summary' });
    await userEvent.click(summary);
    const list = screen.getByRole('list', { name: 'Handelingen die de districtsserver nog niet heeft bevestigd' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Uitkomst vastleggen: zaak 13/123456-26 (vastgelegd 10:50)',
      'Uitkomst vastleggen: zaak 13/654321-26 (vastgelegd 10:51)',
    ]);
  });

  it('names the day when the data is older than today', async () => {
    const { source } = fakeSource({ ...OFFLINE, pending: [], offlineSince: '2026-06-12T15:05:00.000Z', dataAsOf: '2026-06-12T15:04:00.000Z' });
    show(source, <SyncStatusBar now={() => NOW} />);
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('Offline sinds vr 12 jun. 17:05, gegevens van vr 12 jun. 17:04'));
  });

  it('shows the progress of the first copy', async () => {
    const { source } = fakeSource({ ...ONLINE, dataAsOf: null, syncing: true, firstCopy: { table: 'criminal_case', rows: 12000 } });
    show(source, <SyncStatusBar now={() => NOW} />);
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('Verbonden met planner.district.example · Kopie voor zonder verbinding maken: zaak (12.000 rijen)'));
  });

  it('reads every page again when the connection comes back (Nu bijwerken)', async () => {
    const fake = fakeSource(OFFLINE);
    fake.source.syncNow.mockImplementation(async () => {
      fake.set(ONLINE);
    });
    let reads = 0;
    show(
      fake.source,
      <>
        <SyncStatusBar now={() => NOW} />
        <CountingPage reads={() => ++reads} />
      </>,
    );
    await screen.findByText('gelezen: 1');
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toContain('Offline sinds 10:42'));
    await userEvent.click(screen.getByRole('button', { name: 'Nu bijwerken' }));
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('Verbonden met planner.district.example'));
    await screen.findByText('gelezen: 2');
    expect(fake.source.syncNow).toHaveBeenCalledOnce();
  });

  it('marks the rows of unconfirmed actions, and only those', async () => {
    const { source } = fakeSource(OFFLINE);
    show(
      source,
      <ul>
        <li data-testid="row-41">
          41 <NotConfirmed subjects={[{ table: 'hearing', key: '41' }]} />
        </li>
        <li data-testid="row-43">
          43 <NotConfirmed subjects={[{ table: 'hearing', key: '43' }]} />
        </li>
      </ul>,
    );
    await vi.waitFor(() => expect(screen.getByTestId('row-41').textContent).toContain('nog niet bevestigd'));
    expect(screen.getByTestId('row-43').textContent).toBe('43 ');
  });

  it('disables what needs the server offline, with the reason as text; queueable actions stay', async () => {
    const fake = fakeSource(OFFLINE);
    show(fake.source, <PlannerButton />);
    const run = screen.getByRole('button', { name: 'Voorstel maken' });
    await vi.waitFor(() => expect((run as HTMLButtonElement).disabled).toBe(true));
    const why = document.getElementById('run-why')!;
    expect(why.textContent).toMatch(/^Niet mogelijk zonder verbinding met de districtsserver: /);
    expect(run.getAttribute('aria-describedby')).toBe('run-why');
    expect((screen.getByRole('button', { name: 'Uitkomst opslaan' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('the page Conflicten', () => {
  it('shows what was wanted, the server reason and what the server holds now in words (no JSON)', async () => {
    const { source } = fakeSource({ ...ONLINE, conflicts: [CONFLICT] });
    show(source, <ConflictsPage />);
    const entry = await screen.findByRole('listitem', { name: CONFLICT.summary });
    expect(within(entry).getByText(CONFLICT.reason)).toBeTruthy();
    const fields = [...entry.querySelectorAll('.server-now-fields dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
    expect(fields).toEqual(['Datum: 29-06-2026', 'Aanvang: 09:00', 'Soort zitting: Snelrecht niet-gedetineerd', 'Status: gepland', 'Capaciteit (plaatsen): 6', 'Modaliteiten: Snelrecht niet-gedetineerd, Opvulzaak', 'Ook minderjarigen: nee']);
    expect(entry.textContent).not.toMatch(/[{}"]/);
    expect(within(entry).getByText('Zitting 12')).toBeTruthy();
  });

  it('drops an entry only after confirming, and sends a redo at once', async () => {
    const { source } = fakeSource({ ...ONLINE, conflicts: [CONFLICT] });
    show(source, <ConflictsPage />);
    await userEvent.click(await screen.findByRole('button', { name: `Laten vallen: ${CONFLICT.summary}` }));
    expect(source.resolveConflict).not.toHaveBeenCalled();
    const confirm = screen.getByRole('group', { name: /definitief laten vallen/ });
    // The focus on the harmless answer: Enter pressed twice on 'Laten vallen' never confirms.
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Nee, terug' }));
    await userEvent.keyboard('{Enter}');
    expect(source.resolveConflict).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: `Laten vallen: ${CONFLICT.summary}` }));
    await userEvent.keyboard('{Enter}{Enter}');
    expect(source.resolveConflict).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: `Laten vallen: ${CONFLICT.summary}` }));
    await userEvent.click(screen.getByRole('button', { name: `Laten vallen: ${CONFLICT.summary}` }));
    await userEvent.click(screen.getByRole('button', { name: 'Ja, laten vallen' }));
    expect(source.resolveConflict).toHaveBeenCalledWith(7, 'drop');
    await vi.waitFor(() => expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(`Laten vallen: ${CONFLICT.summary}`));

    await userEvent.click(screen.getByRole('button', { name: `Opnieuw proberen: ${CONFLICT.summary}` }));
    expect(source.resolveConflict).toHaveBeenLastCalledWith(7, 'redo');
  });

  it('Aanpassen takes it out of the inbox after confirming and opens the page to do it by hand', async () => {
    const { source } = fakeSource({ ...ONLINE, conflicts: [CONFLICT] });
    show(
      source,
      <Routes>
        <Route path="/conflicten" element={<ConflictsPage />} />
        <Route path="/reserveringen" element={<h1>Reserveringen-pagina</h1>} />
      </Routes>,
      '/conflicten',
    );
    await userEvent.click(await screen.findByRole('button', { name: `Aanpassen: ${CONFLICT.summary}` }));
    await userEvent.click(screen.getByRole('button', { name: 'Ja, aanpassen' }));
    expect(source.resolveConflict).toHaveBeenCalledWith(7, 'adapt');
    await screen.findByRole('heading', { name: 'Reserveringen-pagina' });
  });

  it('says so when there are none, and shows a refusal of the choice', async () => {
    const { source } = fakeSource({ ...ONLINE, conflicts: [CONFLICT] });
    source.resolveConflict.mockResolvedValueOnce({ ok: false, message: 'De districtsserver is niet bereikbaar.' } as never);
    show(source, <ConflictsPage />);
    await userEvent.click(await screen.findByRole('button', { name: `Opnieuw proberen: ${CONFLICT.summary}` }));
    expect((await screen.findByRole('alert')).textContent).toBe('Dat is niet gelukt: De districtsserver is niet bereikbaar.');

    const empty = fakeSource(ONLINE);
    show(empty.source, <ConflictsPage />);
    expect(await screen.findByText('Er zijn geen conflicten: de districtsserver heeft al uw handelingen verwerkt.')).toBeTruthy();
  });
});
