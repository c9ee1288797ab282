import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SessionSummary, WeekOverview } from '../../shared/api/contract';
import { SessionsWeekPage } from '../../renderer/src/pages/sessions/SessionsWeekPage';
import { renderWithApp } from './render-with-app';
import { withRequestId } from './request-id';

const session = (over: Partial<SessionSummary>): SessionSummary => ({
  id: 1,
  version: 1,
  date: '2026-03-09',
  daypart: 'morning',
  startTime: '09:00',
  endTime: '12:30',
  sessionType: 'supersnelrecht',
  status: 'scheduled',
  capacitySlots: 3,
  booked: 2,
  reserved: 0,
  free: 1,
  overbooked: 0,
  judgeName: 'mr. A. de Boer',
  prosecutorName: 'mr. J. Smit',
  cancelReason: null,
  cancelledCases: [],
  cases: [],
  ...over,
});

const WEEK: WeekOverview = {
  weekStart: '2026-03-09',
  days: ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15'],
  locations: [
    {
      id: 1,
      name: 'Paleis van Justitie Hanzestad',
      rooms: [
        { id: 1, name: 'Zaal 1', sessions: [session({ id: 1 }), session({ id: 2, date: '2026-03-11', booked: 3, free: 0, judgeName: null })] },
        { id: 2, name: 'Zaal 2', sessions: [session({
            id: 3,
            date: '2026-03-10',
            sessionType: 'snelrecht_nd',
            status: 'cancelled',
            capacitySlots: 0,
            booked: 2,
            free: 0,
            cancelReason: 'Rechter ziek',
            cancelledCases: [
              { caseId: 31, parketnummer: '19/000031-26', replanned: false },
              { caseId: 32, parketnummer: '19/000032-26', replanned: true },
            ],
          })] },
        { id: 3, name: 'Zaal 3', sessions: [session({ id: 4, date: '2026-03-12', capacitySlots: 1, booked: 3, free: 0, overbooked: 2 })] },
      ],
    },
  ],
  totals: { sessions: 2, capacitySlots: 6, booked: 5, reserved: 0, free: 1 },
};

describe('SessionsWeekPage', () => {
  it('asks for the week in the address and shows it in Dutch with the numbers in words', async () => {
    const transport = vi.fn(async () => ({ ok: true as const, value: WEEK }));
    renderWithApp(<SessionsWeekPage today={new Date('2026-03-12T10:00:00')} />, transport, '/zittingen?week=2026-03-11');

    expect(await screen.findByText('2 zittingen · 6 plaatsen · 5 geboekt · 1 vrij · 83% gevuld')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Weekrooster Paleis van Justitie Hanzestad (horizontaal scrollbaar)' }).tabIndex).toBe(0);
    expect(transport).toHaveBeenCalledWith('sessions.week', { weekStart: '2026-03-09' });
    expect(screen.getByRole('heading', { level: 2, name: 'Week 11 · 9 – 15 maart 2026' })).toBeTruthy();

    const table = screen.getByRole('table', { name: 'Zittingen in Paleis van Justitie Hanzestad, week 11' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Zaal', 'ma 9 mrt.', 'di 10 mrt.', 'wo 11 mrt.', 'do 12 mrt.', 'vr 13 mrt.']);
    const first = within(table).getAllByRole('article', { name: 'Supersnelrecht, 09:00–12:30' })[0]!;
    expect(first.textContent).toContain('3 plaatsen · 2 geboekt · 1 vrij');
    expect(within(table).getAllByText('Vol')).toHaveLength(2);
    expect(within(table).getByText('Geen rechter ingedeeld')).toBeTruthy();
    expect(within(table).getByText('Vervallen', { exact: false })).toBeTruthy();
    expect(within(table).getByText('2 zaken opnieuw plannen')).toBeTruthy();
    expect(within(table).getByText('2 te veel geboekt')).toBeTruthy();
    expect(within(table).getByText('1 plaats')).toBeTruthy();
    expect(within(table).getByRole('img', { name: 'Bezetting 2 van 3' })).toBeTruthy();
  });

  it('shows where the cases of a cancelled session went, each a link, and its judge and prosecutor only as who was assigned', async () => {
    const transport = vi.fn(async () => ({ ok: true as const, value: WEEK }));
    renderWithApp(<SessionsWeekPage today={new Date('2026-03-12T10:00:00')} />, transport, '/zittingen?week=2026-03-11');
    const card = await screen.findByRole('article', { name: 'Snelrecht niet-gedetineerd, 09:00–12:30' });
    expect(card.textContent).toContain('Vervallen: Rechter ziek');
    expect(card.textContent).toContain('Was ingedeeld: Rechter: mr. A. de Boer, OvJ: mr. J. Smit');
    expect(within(card).queryByText('Rechter: mr. A. de Boer')).toBeNull();
    expect(within(card).getByText('Teruggezet naar de wachtrij: 2 zaken')).toBeTruthy();
    expect(within(card).getByRole('link', { name: '19/000031-26' }).getAttribute('href')).toBe('/zaken/31');
    expect(within(card).getByRole('link', { name: '19/000032-26' }).getAttribute('href')).toBe('/zaken/32');
    expect(card.textContent).toContain('19/000031-26 · nog plannen');
    expect(card.textContent).toContain('19/000032-26 · opnieuw gepland');
  });

  it('offers previous, this and next week as links', async () => {
    renderWithApp(<SessionsWeekPage today={new Date('2026-03-12T10:00:00')} />, async () => ({ ok: true, value: WEEK }), '/zittingen?week=2026-03-09');
    const nav = screen.getByRole('navigation', { name: 'Weeknavigatie' });
    const hrefs = within(nav).getAllByRole('link').map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['/zittingen?week=2026-03-02', '/zittingen?week=2026-03-09', '/zittingen?week=2026-03-16']);
  });

  it('explains a failure in Dutch, naming the fields', async () => {
    const transport = async () => ({
      ok: false as const,
      error: { code: 'INVALID_INPUT' as const, message: 'x', details: [{ path: 'weekStart', message: 'weekStart moet een maandag zijn' }] },
    });
    renderWithApp(<SessionsWeekPage today={new Date('2026-03-12T10:00:00')} />, transport);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('De invoer is niet geldig.');
    expect(alert.textContent).toContain('weekStart moet een maandag zijn');
  });
});

describe('SessionsWeekPage plurals and weekends', () => {
  it('speaks of one session and one slot in the singular, and shows a Saturday only when it holds a session', async () => {
    const saturday = session({ id: 9, date: '2026-03-14', capacitySlots: 1, booked: 0, free: 1 });
    const week: WeekOverview = {
      ...WEEK,
      locations: [{ id: 1, name: 'Paleis van Justitie Hanzestad', rooms: [{ id: 1, name: 'Zaal 1', sessions: [saturday] }] }],
      totals: { sessions: 1, capacitySlots: 1, booked: 0, reserved: 0, free: 1 },
    };
    renderWithApp(<SessionsWeekPage today={new Date('2026-03-12T10:00:00')} />, async () => ({ ok: true, value: week }), '/zittingen?week=2026-03-09');
    expect(await screen.findByText('1 zitting · 1 plaats · 0 geboekt · 1 vrij · 0% gevuld')).toBeTruthy();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toContain('za 14 mrt.');
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).not.toContain('zo 15 mrt.');
  });
});

describe('the reserved figure on a card', () => {
  it('shows the unfilled reserved places of a session next to booked and free', async () => {
    const reservedWeek: WeekOverview = {
      ...WEEK,
      locations: [{ id: 1, name: 'Paleis van Justitie Hanzestad', rooms: [{ id: 1, name: 'Zaal 1', sessions: [session({ id: 1, capacitySlots: 6, booked: 2, reserved: 3, free: 1 })] }] }],
    };
    renderWithApp(<SessionsWeekPage today={new Date('2026-03-12T10:00:00')} />, async () => ({ ok: true, value: reservedWeek }), '/zittingen?week=2026-03-09');
    const card = await screen.findByRole('article', { name: 'Supersnelrecht, 09:00–12:30' });
    expect(card.textContent).toContain('6 plaatsen · 2 geboekt · 3 gereserveerd · 1 vrij');
  });
});

describe('going to a date and the compact view', () => {
  it('goes to the week of a typed date in one step, and the compact view keeps the week when paging', async () => {
    const transport = vi.fn(async () => ({ ok: true as const, value: WEEK }));
    const user = userEvent.setup();
    renderWithApp(<SessionsWeekPage today={new Date('2026-03-12T10:00:00')} />, transport, '/zittingen?week=2026-03-09');
    await screen.findByText('2 zittingen · 6 plaatsen · 5 geboekt · 1 vrij · 83% gevuld');
    await user.type(screen.getByLabelText('Ga naar datum'), '2026-12-16');
    await user.click(screen.getByRole('button', { name: 'Week tonen' }));
    await vi.waitFor(() => expect(transport).toHaveBeenCalledWith('sessions.week', { weekStart: '2026-12-14' }));
    await user.click(screen.getByLabelText(/Compacte weergave/));
    expect(screen.getByRole('link', { name: /Volgende week/ }).getAttribute('href')).toContain('weergave=compact');
    expect(document.querySelector('.week-compact')).not.toBeNull();
  });
});

describe('moving a case from the week view with the keyboard', () => {
  it('opens the move dialog from the case, shows the breach of the chosen session, and sends the confirmed move with its reason', async () => {
    const onRoll = session({
      id: 1,
      cases: [{ caseId: 77, caseVersion: 8, parketnummer: '19/000077-26', modality: 'supersnelrecht', status: 'planned', pinned: false, explanation: 'Vroegste zitting die supersnelrecht neemt.' }],
    });
    const week: WeekOverview = { ...WEEK, locations: [{ id: 1, name: 'Paleis van Justitie Hanzestad', rooms: [{ id: 1, name: 'Zaal 1', sessions: [onRoll, session({ id: 2, date: '2026-03-11' })] }] }] };
    const detail = { hearings: [{ id: 5, status: 'planned', sessionId: 2, date: '2026-03-11', startTime: '09:00', explanation: 'Handmatig geplaatst door coördinator: ruil' }] };
    const transport = vi.fn(async (operation: string, input: unknown) => {
      if (operation === 'sessions.week') return { ok: true as const, value: week };
      if (operation === 'planner.candidates') {
        return { ok: true as const, value: [{ sessionId: 2, date: '2026-03-11', startTime: '09:00', sessionType: 'supersnelrecht', location: 'Paleis', room: 'Zaal 1', free: 0, breaches: ['Zitting is vol (3 van 3).'] }] };
      }
      if (operation === 'planner.place') return { ok: true as const, value: { breaches: ['Zitting is vol (3 van 3).'], detail: { ...detail, input } } };
      return { ok: true as const, value: [] };
    });
    const user = userEvent.setup();
    renderWithApp(<SessionsWeekPage today={new Date('2026-03-12T10:00:00')} />, transport as never, '/zittingen?week=2026-03-09');

    expect(await screen.findByText('Vroegste zitting die supersnelrecht neemt.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Zaak 19/000077-26 verplaatsen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Zaak 19/000077-26 verplaatsen' });
    const select = within(dialog).getByLabelText('Naar zitting (komende zes weken)');
    await within(dialog).findByRole('option', { name: /wo 11 mrt\. 09:00/ });
    await user.selectOptions(select, '2');
    expect(within(dialog).getByRole('alert').textContent).toContain('Zitting is vol (3 van 3).');
    const submit = within(dialog).getByRole('button', { name: 'Verplaatsen' });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    await user.click(within(dialog).getByLabelText(/Ik weet dit en neem de beslissing/));
    await user.click(submit);
    expect(within(dialog).getByText('Vul de reden in')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Reden *'), 'ruil');
    await user.click(submit);
    expect(transport).toHaveBeenCalledWith('planner.place', { caseId: 77, sessionId: 2, pin: false, reason: 'ruil', confirmBreach: true, expectedVersion: 8 }, withRequestId);
    const outcome = await screen.findByTestId('move-outcome');
    expect(outcome.textContent).toContain('Zaak 19/000077-26 staat nu op wo 11 mrt. om 09:00.');
    expect(outcome.textContent).toContain('Uitleg: Handmatig geplaatst door coördinator: ruil');
    // The dialog offered the coming six weeks, not only the shown week; focus is back on the moved case, not on the page.
    expect(transport).toHaveBeenCalledWith('planner.candidates', { caseId: 77, from: '2026-03-12', to: '2026-04-22' });
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Zaak 19/000077-26 verplaatsen' })));
  });
});
