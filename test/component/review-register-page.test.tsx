import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ApiEnvelope } from '../../shared/api/envelope';
import type { Agreement } from '../../shared/review/register-schemas';
import { RegisterPage } from '../../renderer/src/pages/review/RegisterPage';
import { renderWithApp } from './render-with-app';

const late: Agreement = {
  id: 1,
  period: '2026-T2',
  what: 'Proces-verbaal binnen drie dagen',
  owner: 'Politie',
  dueOn: '2026-01-31',
  status: 'open',
  evidence: null,
  createdBy: 'a',
  createdAt: '2026-01-02T10:00:00Z',
  updatedBy: 'a',
  updatedAt: '2026-01-02T10:00:00Z',
  overdue: true,
  carriedOver: true,
  history: [{ occurredAt: '2026-01-02T10:00:00Z', actor: 'president.rb', action: 'review.agreement.created', fromStatus: null, toStatus: 'open', reason: null }],
};

function transport(saved: unknown[]) {
  return vi.fn(async (operation: string, input: unknown): Promise<ApiEnvelope<unknown>> => {
    if (operation === 'review.agreements.list') return { ok: true, value: { today: '2026-03-01', agreements: [late] } };
    if (operation === 'review.signals.list') return { ok: true, value: { today: '2026-03-01', signals: [] } };
    if (operation === 'review.agreements.save') {
      saved.push(input);
      return { ok: true, value: { id: 2 } };
    }
    return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: operation } };
  });
}

describe('the review register page', () => {
  it('marks an overdue agreement in words and shows who made it', async () => {
    renderWithApp(<RegisterPage />, transport([]), '/overleg?period=2026-T2');
    const row = (await screen.findByText('Proces-verbaal binnen drie dagen')).closest('tr')!;
    expect(within(row).getByText(/te laat/)).toBeTruthy();
    expect(screen.getByText('1 open afspraak is te laat.')).toBeTruthy();
    expect(within(row).getByText(/president\.rb/)).toBeTruthy();
  });

  it('names the wrong fields in Dutch and sends nothing, then saves a valid agreement for the period', async () => {
    const saved: unknown[] = [];
    const user = userEvent.setup();
    renderWithApp(<RegisterPage />, transport(saved), '/overleg?period=2026-T2');
    await user.click(await screen.findByRole('button', { name: 'Afspraak toevoegen' }));
    await user.click(screen.getByRole('button', { name: 'Afspraak opslaan' }));
    expect(screen.getByText(/^Afspraak: beschrijf wat is afgesproken/)).toBeTruthy();
    expect(screen.getByText(/^Wie: vul de verantwoordelijke/)).toBeTruthy();
    expect(screen.getByLabelText('Uiterlijk *').getAttribute('aria-invalid')).toBe('true');
    expect(saved).toEqual([]);

    await user.type(screen.getByLabelText('Wat is afgesproken *'), 'Extra zitting op vrijdag');
    await user.type(screen.getByLabelText('Wie (organisatie of rol) *'), 'Rechtbank');
    await user.type(screen.getByLabelText('Uiterlijk *'), '2026-06-30');
    await user.click(screen.getByRole('button', { name: 'Afspraak opslaan' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({ period: '2026-T2', what: 'Extra zitting op vrijdag', owner: 'Rechtbank', dueOn: '2026-06-30', status: 'open', evidence: null });
  });

  it('marks the required fields and refuses a due date before its period (1 januari 1999) at the field, sending nothing', async () => {
    const saved: unknown[] = [];
    const user = userEvent.setup();
    renderWithApp(<RegisterPage />, transport(saved), '/overleg?period=2026-T2');
    await user.click(await screen.findByRole('button', { name: 'Afspraak toevoegen' }));
    expect(screen.getByText('Velden met * zijn verplicht.')).toBeTruthy();
    expect(screen.getByLabelText('Status *')).toBeTruthy();
    await user.type(screen.getByLabelText('Wat is afgesproken *'), 'Extra zitting op vrijdag');
    await user.type(screen.getByLabelText('Wie (organisatie of rol) *'), 'Rechtbank');
    await user.type(screen.getByLabelText('Uiterlijk *'), '1999-01-01');
    await user.click(screen.getByRole('button', { name: 'Afspraak opslaan' }));
    expect(screen.getByText('Uiterlijk: die datum ligt vóór het begin van de overlegperiode (01-05-2026); kies een latere datum.')).toBeTruthy();
    expect(screen.getByLabelText('Uiterlijk *').getAttribute('aria-invalid')).toBe('true');
    expect(saved).toEqual([]);
  });
});
