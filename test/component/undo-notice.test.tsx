import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { OperationName } from '../../shared/api/contract';
import type { CaseDetail } from '../../shared/api/case-schemas';
import { CancelSessionForm } from '../../renderer/src/pages/capacity/CancelSessionForm';
import { CaseHistory } from '../../renderer/src/pages/cases/CaseHistory';
import { renderWithApp } from './render-with-app';

/** 'Ongedaan maken' (issue 15 item 3): right after cancelling a session, and on the newest row of a case history. */
function fakeBackend(answers: Partial<Record<OperationName, (input: unknown) => unknown>>) {
  return vi.fn(async (operation: OperationName, input: unknown) => {
    const answer = answers[operation];
    if (!answer) throw new Error(`unexpected ${operation}`);
    const value = answer(input);
    return value && typeof value === 'object' && 'ok' in value ? (value as { ok: false; error: { code: 'CONFLICT'; message: string } }) : { ok: true as const, value };
  });
}

const session = {
  id: 41,
  version: 6,
  date: '2026-06-17',
  daypart: 'morning',
  startTime: '09:00',
  endTime: '12:30',
  sessionType: 'snelrecht_nd',
  status: 'cancelled',
  cancelReason: 'Rechter ziek',
} as const;

describe('UndoNotice after cancelling a session', () => {
  it('stays after the cancellation with Ongedaan maken; the undo says what was put back, once', async () => {
    const transport = fakeBackend({
      'sessions.cancel': () => ({ session, plannedCases: [{ caseId: 1, parketnummer: '19/000001-26' }], undo: { actionId: 900, kind: 'cancel' } }),
      'history.undo': () => ({ kind: 'cancel', undone: true, caseIds: [1], sessionId: 41, message: 'De zitting van woensdag 17 juni 2026 09:00 in Zaal 3 gaat weer door. 1 zaak staat er weer op.' }),
    });
    renderWithApp(<CancelSessionForm session={{ id: 41, version: 5, booked: 1, label: '17 juni 2026 09:00–12:30, Zaal 3' }} />, transport);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Reden van vervallen *'), 'Rechter ziek');
    await user.click(screen.getByLabelText(/Ik laat de zitting vervallen/));
    await user.click(screen.getByRole('button', { name: 'Zitting laten vervallen' }));

    const notice = await screen.findByTestId('undo-notice');
    expect(notice.getAttribute('role')).toBe('status');
    expect(document.activeElement).toBe(notice);
    await user.click(within(notice).getByRole('button', { name: 'Ongedaan maken' }));
    expect(await within(notice).findByText('De zitting van woensdag 17 juni 2026 09:00 in Zaal 3 gaat weer door. 1 zaak staat er weer op.')).toBeTruthy();
    expect(within(notice).queryByRole('button', { name: 'Ongedaan maken' })).toBeNull();
    expect(transport.mock.calls.filter(([op]) => op === 'history.undo').map(([, input]) => input)).toEqual([{ actionId: 900 }]);
  });

  it('shows the Dutch reason when the undo is refused', async () => {
    const transport = fakeBackend({
      'sessions.cancel': () => ({ session, plannedCases: [], undo: { actionId: 901, kind: 'cancel' } }),
      'history.undo': () => ({ ok: false, error: { code: 'CONFLICT', message: 'Het laten vervallen van de zitting kan niet meer ongedaan worden gemaakt: De zitting van woensdag 17 juni 2026 09:00 in Zaal 3 is al begonnen of voorbij.' } }),
    });
    renderWithApp(<CancelSessionForm session={{ id: 41, version: 5, booked: 0, label: '17 juni 2026 09:00–12:30, Zaal 3' }} />, transport);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Reden van vervallen *'), 'Rechter ziek');
    await user.click(screen.getByRole('button', { name: 'Zitting laten vervallen' }));
    await user.click(await screen.findByRole('button', { name: 'Ongedaan maken' }));
    expect(await screen.findByText(/kan niet meer ongedaan worden gemaakt: De zitting van woensdag 17 juni 2026 09:00 in Zaal 3 is al begonnen of voorbij\./)).toBeTruthy();
  });
});

type Entry = CaseDetail['history'][number];
const entry = (id: number, action: string, extra: Partial<Entry> = {}): Entry => ({ id, occurredAt: '2026-06-15T07:30:00.000Z', actor: 'planner.a', action, reason: 'Advocaat verhinderd.', details: {}, ...extra });

describe('CaseHistory undo', () => {
  it('offers Ongedaan maken on the newest action only when the server says it can be undone', async () => {
    const transport = fakeBackend({ 'history.undo': () => ({ kind: 'move', undone: true, caseIds: [7], sessionId: null, message: 'Zaak 19/000007-26 staat weer op de zitting van maandag 29 juni 2026 13:30.' }) });
    renderWithApp(<CaseHistory history={[entry(12, 'hearing.moved', { undoActionId: 12, undoable: true, undoBlockedReason: null }), entry(11, 'hearing.planned')]} />, transport);
    const buttons = screen.getAllByRole('button', { name: 'Ongedaan maken' });
    expect(buttons).toHaveLength(1);
    await userEvent.setup().click(buttons[0]!);
    expect(await screen.findByText('Zaak 19/000007-26 staat weer op de zitting van maandag 29 juni 2026 13:30.')).toBeTruthy();
    expect(transport).toHaveBeenCalledWith('history.undo', { actionId: 12 }, expect.anything());
  });

  it('says why the newest action can no longer be undone', () => {
    renderWithApp(
      <CaseHistory history={[entry(12, 'hearing.moved', { undoActionId: 12, undoable: false, undoBlockedReason: 'De zitting is vol (3 van 3 plaatsen bezet): dit is overboeken.' })]} />,
      fakeBackend({}),
    );
    expect(screen.queryByRole('button', { name: 'Ongedaan maken' })).toBeNull();
    expect(screen.getByText('Niet meer ongedaan te maken: De zitting is vol (3 van 3 plaatsen bezet): dit is overboeken.')).toBeTruthy();
  });
});
