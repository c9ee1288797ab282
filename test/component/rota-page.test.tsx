import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { RotaOverview } from '../../shared/rota/rota-schemas';
import { RotaPage } from '../../renderer/src/pages/people/RotaPage';
import { renderWithApp } from './render-with-app';
import { withRequestId } from './request-id';

const ROTA: RotaOverview = {
  from: '2026-06-15',
  to: '2026-07-27',
  persons: [
    { id: 1, version: 1, name: 'mr. A. de Boer', role: 'politierechter', active: true, absences: [], sessions: [{ sessionId: 10, date: '2026-06-22', startTime: '09:00', room: 'Zaal 1', as: 'judge' }] },
    { id: 2, version: 2, name: 'mr. B. Bakker', role: 'rc_politierechter', active: true, absences: [{ id: 5, fromDate: '2026-06-22', toDate: '2026-06-26', reason: 'cursus' }], sessions: [] },
    { id: 3, version: 1, name: 'mr. J. Smit', role: 'ovj', active: true, absences: [], sessions: [] },
  ],
  sessions: [
    {
      id: 10,
      version: 6,
      date: '2026-06-22',
      daypart: 'morning',
      startTime: '09:00',
      endTime: '12:30',
      sessionType: 'snelrecht',
      location: 'Paleis van Justitie',
      room: 'Zaal 1',
      judgeId: 1,
      judgeName: 'mr. A. de Boer',
      prosecutorId: null,
      prosecutorName: null,
    },
  ],
};

describe('RotaPage', () => {
  it('shows the rota, and an assignment refused for an absence can be confirmed with a reason', async () => {
    const transport = vi.fn(async (operation: string, input: unknown) => {
      if (operation === 'people.list') return { ok: true as const, value: ROTA };
      if (operation === 'sessions.assign') {
        const confirmed = (input as { confirm?: boolean }).confirm === true;
        return {
          ok: true as const,
          value: confirmed
            ? { status: 'assigned', warnings: ['mr. B. Bakker is afwezig op 22-06-2026 t/m 26-06-2026 (cursus).'] }
            : { status: 'needs_confirmation', warnings: ['mr. B. Bakker is afwezig op 22-06-2026 t/m 26-06-2026 (cursus).'] },
        };
      }
      return { ok: true as const, value: [] };
    });
    renderWithApp(<RotaPage />, transport, '/rooster');
    const user = userEvent.setup();

    const judges = await screen.findByRole('table', { name: 'Rechters (politierechter en RC als politierechter)' });
    expect(within(judges).getByRole('rowheader', { name: 'mr. B. Bakker' }).closest('tr')?.textContent).toContain('22-06-2026 t/m 26-06-2026 (cursus)');
    expect(screen.getByText('Geen officier')).toBeTruthy();

    const select = screen.getByLabelText('Rechter voor ma 22 jun. 09:00–12:30, Zaal 1');
    expect(within(select).getByRole('option', { name: 'mr. B. Bakker (afwezig)' })).toBeTruthy();
    await user.selectOptions(select, '2');
    expect(transport).not.toHaveBeenCalledWith('sessions.assign', expect.anything(), withRequestId);
    await user.click(within(select.closest('form')!).getByRole('button', { name: 'Toewijzen' }));
    expect(transport).toHaveBeenCalledWith('sessions.assign', { sessionId: 10, role: 'judge', personId: 2, expectedVersion: 6 }, withRequestId);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('mr. B. Bakker is afwezig op 22-06-2026 t/m 26-06-2026 (cursus).');
    await user.click(within(alert).getByRole('button', { name: 'Toch toewijzen' }));
    expect(within(alert).getByText('Vul de reden in waarom u toch toewijst')).toBeTruthy();
    await user.type(within(alert).getByLabelText('Reden om toch toe te wijzen *'), 'Geen ander beschikbaar');
    await user.click(within(alert).getByRole('button', { name: 'Toch toewijzen' }));
    expect(transport).toHaveBeenCalledWith('sessions.assign', { sessionId: 10, role: 'judge', personId: 2, confirm: true, reason: 'Geen ander beschikbaar', expectedVersion: 6 }, withRequestId);
    expect(await screen.findByText('Toch toegewezen; de reden staat in de geschiedenis.')).toBeTruthy();
  });
});
