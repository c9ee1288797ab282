import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../renderer/src/api/api-client';
import { ApiProvider } from '../../renderer/src/api/api-context';
import type { ServerPerson } from '../../renderer/src/api/server-session';
import { ServerSessionProvider } from '../../renderer/src/api/server-session-context';
import { SYNC_STATUS_QUERY_KEY, SyncStatusProvider, useIsOffline, type DesktopSyncSource } from '../../renderer/src/api/sync-status-context';
import { useOperationMutation } from '../../renderer/src/api/use-operation-mutation';
import { ActionButton } from '../../renderer/src/components/ActionButton';
import { createI18n } from '../../renderer/src/i18n/i18n';
import { SessionRollPage } from '../../renderer/src/pages/outcomes/SessionRollPage';
import { ReservationsPage } from '../../renderer/src/pages/reservations/ReservationsPage';
import { MoveCaseDialog } from '../../renderer/src/pages/sessions/MoveCaseDialog';
import type { ReservationsOverview } from '../../shared/api/contract';
import type { ApiEnvelope } from '../../shared/api/envelope';
import type { SyncStatus } from '../../shared/api/sync-status';
import type { SessionRoll } from '../../shared/outcomes/decision-schemas';

/**
 * Issues 13 and 14 in the pages: a write's button is disabled, with the reason as text that the button
 * names (aria-describedby), when the person's roles do not allow it or, offline, when it needs the
 * district server; Enter in its form sends nothing. Queueable writes stay enabled offline; standalone
 * (no signed-in person, no sync) everything is allowed. The source-wide guard is
 * test/unit/api/renderer-action-gating.test.ts.
 */
const TODAY = new Date('2026-06-15T08:00:00.000Z');
const CLERK: ServerPerson = { name: 'Kees de Griffier', organisation: 'Rechtbank Noord-Holland', roles: ['clerk', 'coordinator'], policeUnit: null };
const COORDINATOR: ServerPerson = { name: 'Cora Planner', organisation: 'Rechtbank Noord-Holland', roles: ['coordinator'], policeUnit: null };

const OFFLINE: SyncStatus = {
  connection: 'offline',
  offlineSince: '2026-06-15T08:42:00.000Z',
  dataAsOf: '2026-06-15T08:41:00.000Z',
  pending: [],
  conflicts: [],
  syncing: false,
  firstCopy: null,
};

const RESERVATIONS: ReservationsOverview = {
  releaseWorkingDays: 2,
  actor: 'Kees de Griffier',
  sessions: [
    {
      sessionId: 12,
      date: '2026-06-29',
      startTime: '09:00',
      sessionType: 'snelrecht',
      location: 'Paleis van Justitie',
      room: 'Zaal 1',
      capacity: 8,
      booked: 2,
      reserved: 2,
      filled: 0,
      unfilled: 2,
      free: 4,
      releaseDueOn: '2026-06-25',
      reservableModalities: ['snelrecht'],
      byModality: [{ modality: 'snelrecht', reserved: 2, filled: 0, unfilled: 2 }],
      reservations: [
        {
          id: 3,
          version: 1,
          modality: 'snelrecht',
          slots: 2,
          filled: 0,
          unfilled: 2,
          note: null,
          reservedBy: 'mr. J. Smit',
          reservedAt: '2026-06-10T09:00:00.000Z',
          releaseDueOn: '2026-06-25',
          status: 'open',
          releasedAt: null,
          releasedBy: null,
          releaseKind: null,
          releasedSlots: null,
          fillingCases: [],
        },
      ],
    },
  ],
};

const ROLL: SessionRoll = {
  session: {
    id: 5,
    date: '2026-06-15',
    daypart: 'morning',
    startTime: '09:00',
    endTime: '12:30',
    sessionType: 'snelrecht',
    status: 'scheduled',
    location: 'Paleis van Justitie',
    room: 'Zaal 1',
    judgeName: 'mr. A. de Boer',
    prosecutorName: 'mr. J. Smit',
  },
  entries: [
    {
      hearingId: 1,
      hearingStatus: 'planned',
      caseId: 10,
      caseVersion: 3,
      parketnummer: '19/100001-26',
      caseStatus: 'planned',
      suspectName: 'J. Jansen',
      modality: 'snelrecht',
      offenceSummary: 'Winkeldiefstal',
      outcome: null,
      decision: null,
      probationAdvice: null,
    },
  ],
};

/** Answers the page's reads; every call is recorded, so a test sees that a refused write was never sent. */
function transportWith(reads: Record<string, unknown>) {
  return vi.fn(async (operation: string): Promise<ApiEnvelope<unknown>> => {
    if (operation in reads) return { ok: true, value: reads[operation] };
    throw new Error(`unexpected ${operation}`);
  });
}

function offlineSource(): DesktopSyncSource {
  return { syncStatus: vi.fn(async () => OFFLINE), syncNow: vi.fn(async () => undefined), resolveConflict: vi.fn(async () => ({ ok: true as const })) };
}

function show(ui: ReactElement, { transport, person, offline = false, route = '/' }: { transport: ReturnType<typeof transportWith>; person?: ServerPerson; offline?: boolean; route?: string }) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  let tree = <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>;
  if (offline) tree = <SyncStatusProvider source={offlineSource()} serverUrl="https://planner.district.example">{tree}</SyncStatusProvider>;
  if (person) tree = <ServerSessionProvider person={person}>{tree}</ServerSessionProvider>;
  render(
    <I18nextProvider i18n={createI18n()}>
      <QueryClientProvider client={queryClient}>
        <ApiProvider client={createApiClient(transport)}>{tree}</ApiProvider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
  return queryClient;
}

function CancelButton() {
  const cancel = useOperationMutation('sessions.cancel');
  return (
    <ActionButton mutation={cancel} onClick={() => cancel.mutate({ sessionId: 1, reason: 'Zaal lekt', confirm: true, expectedVersion: 1 })}>
      Zitting annuleren
    </ActionButton>
  );
}

function OfflineProbe() {
  return useIsOffline() ? <p>offline bekend</p> : null;
}

/** The text the button names as its description (the reason it is disabled). */
const description = (button: HTMLElement) =>
  (button.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent)
    .join(' ');

const ROLE_REASON =
  'Dit mag alleen iemand met de rol officier van justitie / parketsecretaris doen; u bent aangemeld als coördinator en griffier. Vraag het aan een collega met die rol of aan de beheerder.';

describe('write actions the person may not do are disabled with the Dutch reason', () => {
  it('a clerk sees the reservation buttons disabled with the role reason, and Enter reserves nothing', async () => {
    const transport = transportWith({ 'reservations.list': RESERVATIONS });
    show(<ReservationsPage today={TODAY} />, { transport, person: CLERK });

    const form = await screen.findByRole('form', { name: 'Plaatsen reserveren' });
    const reserve = within(form).getByRole('button', { name: 'Reserveren' }) as HTMLButtonElement;
    expect(reserve.disabled).toBe(true);
    expect(description(reserve)).toBe(ROLE_REASON);

    const release = screen.getByRole('button', { name: /^Vrijgeven: / }) as HTMLButtonElement;
    expect(release.disabled).toBe(true);
    expect(description(release)).toBe(ROLE_REASON);
    // The table says it once, as text (not by the grey button alone).
    expect(screen.getAllByText(ROLE_REASON).map((p) => p.className)).toEqual(['unavailable-reason', 'unavailable-reason']);

    fireEvent.submit(form);
    expect(transport.mock.calls.map(([operation]) => operation)).toEqual(['reservations.list']);
  });

  it('standalone (no signed-in person) the same buttons are enabled, without a reason', async () => {
    const transport = transportWith({ 'reservations.list': RESERVATIONS });
    show(<ReservationsPage today={TODAY} />, { transport });

    const form = await screen.findByRole('form', { name: 'Plaatsen reserveren' });
    const reserve = within(form).getByRole('button', { name: 'Reserveren' }) as HTMLButtonElement;
    expect(reserve.disabled).toBe(false);
    expect(reserve.hasAttribute('aria-describedby')).toBe(false);
    expect((screen.getByRole('button', { name: /^Vrijgeven: / }) as HTMLButtonElement).disabled).toBe(false);
    expect(document.querySelector('.unavailable-reason')).toBeNull();
  });

  it('offline, moving a case (planner.place needs the server) is disabled with the offline reason, and Enter sends nothing', async () => {
    const transport = transportWith({ 'planner.candidates': [] });
    show(
      <MoveCaseDialog request={{ caseId: 10, caseVersion: 3, parketnummer: '19/100001-26', fromSessionId: 5, toSessionId: null }} window={{ from: '2026-06-15', to: '2026-06-21' }} onClose={() => undefined} />,
      { transport, person: COORDINATOR, offline: true },
    );

    const unplan = (await screen.findByRole('button', { name: 'Uit de planning halen' })) as HTMLButtonElement;
    await vi.waitFor(() => expect(unplan.disabled).toBe(true));
    const reason =
      'Niet mogelijk zonder verbinding met de districtsserver: de planning en de capaciteit worden door meerdere mensen tegelijk gewijzigd; dit vraagt de actuele stand van de districtsserver.';
    expect(description(unplan)).toBe(reason);
    expect(description(screen.getByRole('button', { name: 'Verplaatsen' }))).toBe(reason);

    fireEvent.change(screen.getByRole('textbox', { name: /Reden/ }), { target: { value: 'Zitting vervalt' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Verplaatsen' }).closest('form')!);
    expect(transport.mock.calls.map(([operation]) => operation)).not.toContain('planner.place');
  });

  it('offline, recording an outcome on the roll (queued until the server is back) stays enabled', async () => {
    const transport = transportWith({ 'outcomes.roll': ROLL });
    show(
      <>
        <OfflineProbe />
        <Routes>
          <Route path="/zittingen/:sessionId/uitspraken" element={<SessionRollPage />} />
        </Routes>
      </>,
      { transport, person: CLERK, offline: true, route: '/zittingen/5/uitspraken' },
    );

    const form = await screen.findByRole('form', { name: 'Uitkomst van zaak 19/100001-26' });
    // The page knows it is offline (the sync status is read once it renders).
    await screen.findByText('offline bekend');
    const save = within(form).getByRole('button', { name: 'Opslaan' }) as HTMLButtonElement;
    expect(save.disabled).toBe(false);
    expect(save.hasAttribute('aria-describedby')).toBe(false);
  });

  it('the buttons read the sync status the provider polls: no status poller per button', async () => {
    const transport = transportWith({});
    const queryClient = show(
      <>
        <OfflineProbe />
        {Array.from({ length: 20 }, (_, i) => (
          <CancelButton key={i} />
        ))}
      </>,
      { transport, person: COORDINATOR, offline: true },
    );
    await screen.findByText('offline bekend');
    expect(screen.getAllByRole('button', { name: 'Zitting annuleren' }).every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    // The provider's poller and the probe's: none for the 20 buttons.
    expect(queryClient.getQueryCache().find({ queryKey: SYNC_STATUS_QUERY_KEY })?.getObserversCount()).toBe(2);
  });
});
