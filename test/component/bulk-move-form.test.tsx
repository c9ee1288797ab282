import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { OperationName, OperationOutput } from '../../shared/api/contract';
import { BulkMoveForm } from '../../renderer/src/pages/queue/BulkMoveForm';
import { BulkUnplanForm } from '../../renderer/src/pages/queue/BulkUnplanForm';
import type { Selection } from '../../renderer/src/pages/queue/use-queue-selection';
import { renderWithApp } from './render-with-app';

/** Moving several planned cases from a court roll (issue 15 item 2): the sessions offered are those every case can go to. */
const candidate = (sessionId: number, free: number, breaches: string[] = []) => ({
  sessionId,
  date: '2026-06-25',
  startTime: `${String(sessionId).padStart(2, '0')}:00`,
  sessionType: 'snelrecht_nd' as const,
  location: 'Rechtbank Veenoord',
  room: 'Zaal A',
  free,
  breaches,
});

const selected: Selection = new Map([
  [7, { version: 3, parketnummer: '19/700007-26', page: 0 }],
  [8, { version: 5, parketnummer: '19/700008-26', page: 0 }],
]);

describe('BulkMoveForm for planned cases', () => {
  it('offers only the sessions both cases can go to, says where one of them may not go, and sends each case at its version', async () => {
    const candidates: Record<number, OperationOutput<'planner.candidates'>> = {
      // Session 9 takes case 7 only (another modality for case 8): not offered.
      7: [candidate(9, 4), candidate(10, 3), candidate(11, 5)],
      8: [candidate(10, 2), candidate(11, 5, ['Een andere datum vraagt een nieuwe dagvaarding (art. 265 lid 1 / art. 370 Sv).'])],
    };
    const calls: { operation: OperationName; input: unknown }[] = [];
    const transport = vi.fn(async (operation: OperationName, input: unknown) => {
      calls.push({ operation, input });
      if (operation === 'planner.candidates') return { ok: true as const, value: candidates[(input as { caseId: number }).caseId] };
      if (operation === 'planner.moveMany')
        return { ok: true as const, value: { results: [{ caseId: 7, parketnummer: '19/700007-26', ok: true }, { caseId: 8, parketnummer: '19/700008-26', ok: true }] } };
      throw new Error(`unexpected ${operation}`);
    });
    const onDone = vi.fn();
    renderWithApp(<BulkMoveForm selected={selected} today={new Date('2026-06-15T09:30:00+02:00')} onDone={onDone} variant="move" />, transport);

    const select = screen.getByRole('combobox', { name: /^Zitting/ });
    await within(select).findByRole('option', { name: /10:00/ });
    const labels = within(select)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(labels).toEqual([
      'Kies een zitting',
      expect.stringMatching(/10:00 · Rechtbank Veenoord, Zaal A · 2 vrij$/),
      expect.stringMatching(/11:00 · Rechtbank Veenoord, Zaal A · 1 van de 2 zaken mag hier niet heen · 5 vrij$/),
    ]);

    await userEvent.selectOptions(select, within(select).getByRole('option', { name: /10:00/ }));
    await userEvent.type(screen.getByLabelText('Reden van de verplaatsing', { exact: false }), 'Zitting overvol');
    await userEvent.click(screen.getByRole('button', { name: '2 zaken verplaatsen' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(calls.find((c) => c.operation === 'planner.moveMany')?.input).toEqual({
      items: [
        { caseId: 7, expectedVersion: 3 },
        { caseId: 8, expectedVersion: 5 },
      ],
      sessionId: 10,
      pin: false,
      reason: 'Zitting overvol',
    });
  });
});

describe('the bulk forms on an empty submit (required fields marked, focus on the first error)', () => {
  const transport = vi.fn(async (operation: OperationName) => {
    if (operation === 'planner.candidates') return { ok: true as const, value: [candidate(10, 2)] };
    throw new Error(`unexpected ${operation}`);
  });

  it('BulkMoveForm: Zitting and the reason carry * and aria-required; focus goes to Zitting, then to the reason', async () => {
    renderWithApp(<BulkMoveForm selected={selected} today={new Date('2026-06-15T09:30:00+02:00')} onDone={vi.fn()} />, transport);
    const select = screen.getByRole('combobox', { name: 'Zitting *' });
    const reason = screen.getByRole('textbox', { name: 'Reden van de planning *' });
    expect(select.getAttribute('aria-required')).toBe('true');
    expect(reason.getAttribute('aria-required')).toBe('true');
    await within(select).findByRole('option', { name: /10:00/ });

    await userEvent.click(screen.getByRole('button', { name: '2 zaken plaatsen' }));
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(select);

    await userEvent.selectOptions(select, within(select).getByRole('option', { name: /10:00/ }));
    await userEvent.click(screen.getByRole('button', { name: '2 zaken plaatsen' }));
    expect(document.activeElement).toBe(reason);
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(transport).not.toHaveBeenCalledWith('planner.moveMany', expect.anything(), expect.anything());
  });

  it('BulkUnplanForm: the reason carries * and aria-required, and gets the focus after an empty submit', async () => {
    renderWithApp(<BulkUnplanForm selected={selected} onDone={vi.fn()} />, transport);
    const reason = screen.getByRole('textbox', { name: 'Reden om uit de planning te halen *' });
    expect(reason.getAttribute('aria-required')).toBe('true');
    const submit = screen.getByRole('button', { name: '2 zaken uit de planning halen' });
    await userEvent.click(submit);
    expect(screen.getByText('Vul de reden in')).toBeTruthy();
    expect(document.activeElement).toBe(reason);
  });
});
