import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { signOutOfDesktop } from '../../renderer/src/api/desktop-start';
import { DesktopStartScreen } from '../../renderer/src/components/DesktopStartScreen';
import { createI18n } from '../../renderer/src/i18n/i18n';
import type { DesktopBridge, DesktopStartState, StartAnswer } from '../../shared/api/desktop-bridge';

/** The desktop's start screen (issue 13, item 6); the main process side is test/unit/shell/desktop-start.test.ts. */
const CHOOSE: DesktopStartState = { phase: 'choose', remembered: { mode: 'file', serverUrl: null }, serverUrl: null, person: null };

function fakeDesktop(answer: StartAnswer): DesktopBridge & { start: ReturnType<typeof vi.fn> } {
  return {
    state: vi.fn(async () => CHOOSE),
    start: vi.fn(async () => answer),
    signOut: vi.fn(async () => undefined),
    syncStatus: vi.fn(async () => null),
    syncNow: vi.fn(async () => undefined),
    resolveConflict: vi.fn(async () => ({ ok: true as const })),
    signIn: vi.fn(async () => ({ ok: true as const, note: null })),
  };
}

function show(desktop: DesktopBridge, initial = CHOOSE) {
  const onStarted = vi.fn();
  render(
    <I18nextProvider i18n={createI18n()}>
      <DesktopStartScreen desktop={desktop} initial={initial} onStarted={onStarted} now={() => new Date('2026-06-15T09:00:00.000Z')} />
    </I18nextProvider>,
  );
  return onStarted;
}

describe('the desktop start screen', () => {
  it('opens the district file by default with Enter', async () => {
    const desktop = fakeDesktop({ ok: true, state: { ...CHOOSE, phase: 'file' } });
    const onStarted = show(desktop);
    expect((screen.getByRole('radio', { name: 'Het districtsbestand op deze computer openen' }) as HTMLInputElement).checked).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Openen' }));
    await userEvent.keyboard('{Enter}');
    expect(desktop.start).toHaveBeenCalledWith({ mode: 'file' });
    expect(onStarted).toHaveBeenCalledOnce();
  });

  it('connects to a server by keyboard, refusing http in Dutch first', async () => {
    const desktop = fakeDesktop({ ok: true, state: { ...CHOOSE, phase: 'server' } });
    const onStarted = show(desktop);
    await userEvent.click(screen.getByRole('radio', { name: 'Verbinden met de districtsserver' }));
    const address = screen.getByLabelText('Adres van de districtsserver');
    await userEvent.type(address, 'http://planner.district.example');
    await userEvent.click(screen.getByRole('button', { name: 'Verbinden en aanmelden' }));
    expect(screen.getByRole('alert').textContent).toContain('het moet met https:// beginnen');
    expect(desktop.start).not.toHaveBeenCalled();

    await userEvent.clear(address);
    await userEvent.type(address, 'https://planner.district.example{Enter}');
    expect(desktop.start).toHaveBeenCalledWith({ mode: 'server', serverUrl: 'https://planner.district.example' });
    expect(onStarted).toHaveBeenCalledOnce();
  });

  it('preselects the remembered server and shows the main process refusal', async () => {
    const desktop = fakeDesktop({ ok: false, message: 'Aanmelden is geannuleerd.' });
    const onStarted = show(desktop, { ...CHOOSE, remembered: { mode: 'server', serverUrl: 'https://planner.district.example' } });
    expect((screen.getByLabelText('Adres van de districtsserver') as HTMLInputElement).value).toBe('https://planner.district.example');
    await userEvent.click(screen.getByRole('button', { name: 'Verbinden en aanmelden' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Aanmelden is geannuleerd.');
    expect(onStarted).not.toHaveBeenCalled();
  });

  it('signs out of the desktop: the main process forgets the token, the page goes back to the start screen', async () => {
    const desktop = fakeDesktop({ ok: true, state: CHOOSE });
    const reload = vi.fn();
    await signOutOfDesktop(desktop, reload);
    expect(desktop.signOut).toHaveBeenCalledOnce();
    expect(reload).toHaveBeenCalledOnce();
  });

  it('offers the offline start as a button when the server cannot be reached, saying why, and starts on the copy only when pressed', async () => {
    const unreachable = 'De districtsserver planner.district.example is niet bereikbaar. Controleer de netwerkverbinding en probeer het opnieuw; er is niets gewijzigd.';
    const desktop = fakeDesktop({
      ok: false,
      message: unreachable,
      offline: { serverUrl: 'https://planner.district.example', name: 'Greet Smit', organisation: 'Rechtbank Noord-Holland', dataAsOf: '2026-06-15T08:41:00.000Z' },
    });
    const onStarted = show(desktop, { ...CHOOSE, remembered: { mode: 'server', serverUrl: 'https://planner.district.example' } });
    await userEvent.click(screen.getByRole('button', { name: 'Verbinden en aanmelden' }));
    expect((await screen.findByRole('alert')).textContent).toBe(unreachable);
    // Offered, not done (15 June 2026 is summer time: 08:41Z is 10:41 in Amsterdam).
    const offline = screen.getByRole('button', { name: 'Offline verder werken als Greet Smit (gegevens van 10:41)' });
    expect(offline.getAttribute('aria-describedby')).toBe('start-offline-hint');
    expect(screen.getByText(/zodra Greet Smit zich weer heeft aangemeld/)).toBeTruthy();
    expect(desktop.start).toHaveBeenCalledTimes(1);
    expect(onStarted).not.toHaveBeenCalled();

    desktop.start.mockResolvedValueOnce({ ok: true, state: { ...CHOOSE, phase: 'server' } });
    await userEvent.click(offline);
    expect(desktop.start).toHaveBeenLastCalledWith({ mode: 'offline', serverUrl: 'https://planner.district.example' });
    expect(onStarted).toHaveBeenCalledOnce();
  });

  it('offers nothing for a refusal without a usable copy (an old copy: the Dutch reason only)', async () => {
    const desktop = fakeDesktop({ ok: false, message: 'De districtsserver is niet bereikbaar. De kopie op deze computer is van vr 5 juni 2026 10:41, 10 dagen oud.' });
    show(desktop, { ...CHOOSE, remembered: { mode: 'server', serverUrl: 'https://planner.district.example' } });
    await userEvent.click(screen.getByRole('button', { name: 'Verbinden en aanmelden' }));
    expect((await screen.findByRole('alert')).textContent).toContain('10 dagen oud');
    expect(screen.queryByRole('button', { name: /Offline verder werken/ })).toBeNull();
  });
});
