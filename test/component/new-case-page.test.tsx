import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { NewCasePage } from '../../renderer/src/pages/cases/NewCasePage';
import { renderWithApp } from './render-with-app';
import { withRequestId } from './request-id';

async function fillValid(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Parketnummer *'), '19/123456-26');
  await user.type(screen.getByLabelText('Politie-eenheid *'), 'Basisteam Noord');
  await user.type(screen.getByLabelText('Feit *'), 'Diefstal');
  await user.type(screen.getByLabelText('Naam verdachte *'), 'A. Tester');
  await user.type(screen.getByLabelText('Geboortedatum * (dd-mm-jjjj)'), '01-02-1990');
}

describe('NewCasePage', () => {
  it('never keeps a hidden filler kind: switching away from opvulzaak clears it, and the case is sent', async () => {
    const transport = vi.fn(async () => ({ ok: true as const, value: { id: 7 } }));
    renderWithApp(<NewCasePage />, transport, '/zaken/nieuw');
    const user = userEvent.setup();
    await fillValid(user);
    await user.selectOptions(screen.getByLabelText('Modaliteit *'), 'filler');
    await user.selectOptions(screen.getByLabelText('Soort opvulzaak'), 'verzet');
    await user.selectOptions(screen.getByLabelText('Modaliteit *'), 'zsm');
    expect(screen.queryByLabelText('Soort opvulzaak')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Zaak opslaan' }));
    expect(transport).toHaveBeenCalledWith('cases.create', expect.objectContaining({ modality: 'zsm', fillerKind: null }), withRequestId);
  });

  it('shows a duplicate parketnummer at the parketnummer field, with the service message', async () => {
    const transport = vi.fn(async () => ({ ok: false as const, error: { code: 'CONFLICT' as const, message: 'Parketnummer 19/123456-26 is al ingevoerd (zaak 3).' } }));
    renderWithApp(<NewCasePage />, transport, '/zaken/nieuw');
    const user = userEvent.setup();
    await fillValid(user);
    await user.selectOptions(screen.getByLabelText('Modaliteit *'), 'zsm');
    await user.click(screen.getByRole('button', { name: 'Zaak opslaan' }));
    const field = await screen.findByLabelText('Parketnummer *');
    await vi.waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(field.getAttribute('aria-describedby')!.split(' ').at(-1)!)?.textContent).toBe('Parketnummer 19/123456-26 is al ingevoerd (zaak 3).');
    expect(document.activeElement).toBe(field);
  });

  it('refuses a time that does not exist (spring clock change) next to its field', async () => {
    const transport = vi.fn();
    renderWithApp(<NewCasePage />, transport, '/zaken/nieuw');
    const user = userEvent.setup();
    await fillValid(user);
    await user.selectOptions(screen.getByLabelText('Modaliteit *'), 'snelrecht');
    await user.type(screen.getByLabelText('Aanhouding'), '29-03-2026 02:30');
    await user.click(screen.getByRole('button', { name: 'Zaak opslaan' }));
    expect(await screen.findByText('"29-03-2026 02:30" bestaat niet: die nacht sprong de klok van 02:00 naar 03:00 (zomertijd)')).toBeTruthy();
    expect(transport).not.toHaveBeenCalled();
  });
});

describe('NewCasePage: planning facts', () => {
  it('sends the co-defendant group and the expected duration when given', async () => {
    const transport = vi.fn(async () => ({ ok: true as const, value: { id: 9 } }));
    renderWithApp(<NewCasePage />, transport, '/zaken/nieuw');
    const user = userEvent.setup();
    await fillValid(user);
    await user.selectOptions(screen.getByLabelText('Modaliteit *'), 'zsm');
    await user.type(screen.getByLabelText('Zaaksgroep (medeverdachten)'), ' PL0900-77 ');
    await user.type(screen.getByLabelText('Verwachte duur (minuten)'), '45');
    await user.click(screen.getByRole('button', { name: 'Zaak opslaan' }));
    expect(transport).toHaveBeenCalledWith('cases.create', expect.objectContaining({ coDefendantGroup: 'PL0900-77', estimatedMinutes: 45 }), withRequestId);
  });

  it.each([
    ['12,5', 'Vul de duur in hele minuten in'],
    ['2', 'De duur is minstens 5 minuten'],
  ])('refuses a duration of %s next to its field, sending nothing', async (typed, message) => {
    const transport = vi.fn();
    renderWithApp(<NewCasePage />, transport, '/zaken/nieuw');
    const user = userEvent.setup();
    await fillValid(user);
    await user.selectOptions(screen.getByLabelText('Modaliteit *'), 'zsm');
    const field = screen.getByLabelText('Verwachte duur (minuten)');
    await user.type(field, typed);
    await user.click(screen.getByRole('button', { name: 'Zaak opslaan' }));
    expect(await screen.findByText(message)).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(transport).not.toHaveBeenCalled();
  });
});
