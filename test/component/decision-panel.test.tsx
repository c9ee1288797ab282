import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { DecisionView } from '../../shared/outcomes/decision-schemas';
import { DecisionPanel } from '../../renderer/src/pages/cases/DecisionPanel';
import { renderWithApp } from './render-with-app';

const JUDGMENT: DecisionView = {
  id: 7,
  version: 4,
  caseId: 3,
  hearingId: 11,
  kind: 'judgment',
  decidedAt: '2026-04-14T08:30:00.000Z',
  decidedBy: 'mr. A. de Boer',
  suspectPresent: true,
  conditions: null,
  judgmentSignedAt: null,
  remedy: 'none',
  remedyFiledAt: null,
  signals: { fitForCommunityService: 'yes', fitForDetention: 'unknown', paymentArrangement: 'no', problematicDebts: 'yes', note: 'Volgens rapport 3RO' },
  recordedBy: 'griffier',
  recordedAt: '2026-04-14T08:31:00.000Z',
  sanctions: [
    { id: 21, kind: 'fine', amountCents: 45000, hours: null, days: null, conditional: false, probationMonths: null, substituteDetentionDays: 9, description: null },
  ],
  handoff: {
    id: 4,
    status: 'returned',
    correlationId: '7b0c7f52-2f38-4a63-9f0b-7b5d0d5a1c11',
    attempt: 1,
    returnCount: 1,
    returnLabel: 'R03 Vervangende hechtenis ontbreekt: wijkt af van het vonnis',
    returnCode: 'R03',
    returnReason: 'wijkt af van het vonnis',
  },
  correctable: true,
};

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: 'CONFLICT' | 'INVALID_INPUT'; message: string } };

function setup(decision: DecisionView, reply: (operation: string, input: unknown) => Reply | undefined = () => undefined) {
  const transport = vi.fn(async (operation: string, input: unknown): Promise<Reply> => {
    const answer = reply(operation, input);
    if (answer) return answer;
    if (operation === 'decisions.forCase') return { ok: true, value: [decision] };
    return { ok: true, value: decision };
  });
  renderWithApp(<DecisionPanel caseId={decision.caseId} />, transport as never);
  return transport;
}

const callsOf = (transport: ReturnType<typeof setup>, operation: string) => transport.mock.calls.filter(([op]) => op === operation).map(([, input]) => input);

describe('DecisionPanel', () => {
  it('links a return about the person (R01, address unknown) to the address field of the case details', async () => {
    setup({ ...JUDGMENT, handoff: { ...JUDGMENT.handoff!, returnLabel: 'R01 Persoonsgegevens onvolledig: Adres onbekend in de BRP', returnCode: 'R01', returnReason: 'Adres onbekend in de BRP' } });
    const link = await screen.findByRole('link', { name: 'Adres voor dagvaarding corrigeren' });
    expect(link.getAttribute('href')).toBe('/zaken/3?veld=summonsAddress');
    expect(screen.queryByRole('link', { name: 'Naam verdachte corrigeren' })).toBeNull();
  });

  it('offers no field link for a return about the decision itself (R03)', async () => {
    setup(JUDGMENT);
    await screen.findByRole('region', { name: 'Beslissing' });
    expect(screen.queryByTestId('return-repair-links')).toBeNull();
  });

  it('shows the decision: sanctions in euro, the hand-off with its correlation id, return reason and loop count, and the signals as recorded', async () => {
    setup(JUDGMENT);
    const panel = await screen.findByRole('region', { name: 'Beslissing' });
    expect(within(panel).getByRole('heading', { level: 3 }).textContent).toMatch(/^Vonnis van di 14 apr\. 2026 10:30$/);
    expect(within(panel).getByTestId('decision-sanctions').textContent?.replace(/\s/g, ' ')).toBe('Geldboete, € 450,00, 9 dagen vervangende hechtenis');
    const handoff = within(panel).getByTestId('decision-handoff').textContent;
    expect(handoff).toContain('retour van het CJIB');
    expect(handoff).toContain('7b0c7f52-2f38-4a63-9f0b-7b5d0d5a1c11');
    expect(handoff).toContain('R03 Vervangende hechtenis ontbreekt: wijkt af van het vonnis');
    expect(handoff).toContain('1 keer retour');
    expect(within(panel).getByTestId('decision-signed').textContent).toBe('nog niet getekend');
    const signals = within(panel).getByTestId('decision-signals').textContent;
    expect(signals).toContain('Problematische schulden: ja');
    expect(signals).toContain('Detentiegeschikt (volgens reclassering): onbekend');
    expect(signals).toContain('nooit berekend en nooit een score');
  });

  it('shows nothing for a case without decisions', async () => {
    const transport = vi.fn(async () => ({ ok: true as const, value: [] }));
    const { container } = renderWithApp(<DecisionPanel caseId={3} />, transport as never);
    await waitFor(() => expect(transport).toHaveBeenCalled());
    expect(container.textContent).toBe('');
  });

  it('corrects the substitute detention with a reason, keeping the sanction id, and refuses without a reason', async () => {
    const user = userEvent.setup();
    const transport = setup(JUDGMENT);
    await user.click(await screen.findByRole('button', { name: 'Beslissing corrigeren' }));
    const form = screen.getByRole('form', { name: 'Beslissing corrigeren' });
    const substitute = within(form).getByLabelText('Vervangende hechtenis (dagen)');
    await user.clear(substitute);
    await user.type(substitute, '6');
    await user.click(within(form).getByRole('button', { name: 'Correctie opslaan' }));
    expect(within(form).getByText('Vul de reden van de correctie in')).toBeTruthy();
    expect(callsOf(transport, 'decisions.update')).toEqual([]);

    await user.type(within(form).getByLabelText('Reden van de wijziging'), 'Retour CJIB: 6 dagen volgens het vonnis');
    await user.click(within(form).getByRole('button', { name: 'Correctie opslaan' }));
    await screen.findByText('Opgeslagen.');
    expect(callsOf(transport, 'decisions.update')).toEqual([
      {
        decisionId: 7,
        sanctions: [{ id: 21, kind: 'fine', amountCents: 45000, hours: null, days: null, conditional: false, probationMonths: null, substituteDetentionDays: 6, description: null }],
        conditions: null,
        judgmentSignedAt: null,
        remedy: 'none',
        remedyFiledAt: null,
        reason: 'Retour CJIB: 6 dagen volgens het vonnis',
        expectedVersion: 4,
      },
    ]);
    expect(screen.queryByRole('form', { name: 'Beslissing corrigeren' })).toBeNull();
  });

  it('records an appeal: the filing moment is required, and a service refusal is shown with its Dutch message', async () => {
    const user = userEvent.setup();
    const transport = setup(JUDGMENT, (operation) =>
      operation === 'decisions.update' ? { ok: false, error: { code: 'INVALID_INPUT', message: 'De datum waarop het rechtsmiddel is ingesteld ligt in de toekomst.' } } : undefined,
    );
    await user.click(await screen.findByRole('button', { name: 'Rechtsmiddel vastleggen' }));
    const form = screen.getByRole('form', { name: 'Rechtsmiddel vastleggen' });
    expect(within(form).queryByLabelText('Bedrag (euro)')).toBeNull();
    expect((within(form).getByLabelText('Rechtsmiddel') as HTMLSelectElement).value).toBe('appeal');
    await user.type(within(form).getByLabelText('Reden van de wijziging'), 'Appelakte ontvangen van de griffie');
    await user.click(within(form).getByRole('button', { name: 'Rechtsmiddel opslaan' }));
    expect(within(form).getByText('Vul in wanneer het rechtsmiddel is ingesteld')).toBeTruthy();
    expect(callsOf(transport, 'decisions.update')).toEqual([]);

    await user.type(within(form).getByLabelText('Ingesteld op (dd-mm-jjjj uu:mm)'), '20-04-2026 14:00');
    await user.click(within(form).getByRole('button', { name: 'Rechtsmiddel opslaan' }));
    await within(form).findByRole('alert');
    expect(within(form).getByText('De datum waarop het rechtsmiddel is ingesteld ligt in de toekomst.')).toBeTruthy();
    const [sent] = callsOf(transport, 'decisions.update') as [{ remedy: string; remedyFiledAt: string; sanctions: unknown[]; expectedVersion: number }];
    expect(sent.remedy).toBe('appeal');
    expect(sent.expectedVersion).toBe(4);
    expect(Date.parse(sent.remedyFiledAt)).toBe(Date.parse('2026-04-20T12:00:00Z'));
    expect(sent.sanctions).toHaveLength(1);
  });

  it('marks the judgment signed at the moment typed', async () => {
    const user = userEvent.setup();
    const transport = setup(JUDGMENT);
    await user.click(await screen.findByRole('button', { name: 'Vonnis getekend' }));
    const field = screen.getByLabelText('Getekend op (dd-mm-jjjj uu:mm)');
    await user.clear(field);
    await user.type(field, 'gisteren');
    await user.click(screen.getByRole('button', { name: 'Ondertekening vastleggen' }));
    expect(callsOf(transport, 'decisions.markSigned')).toEqual([]);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    await user.clear(field);
    await user.type(field, '16-04-2026 09:15');
    await user.click(screen.getByRole('button', { name: 'Ondertekening vastleggen' }));
    await screen.findByText('Opgeslagen.');
    const [sent] = callsOf(transport, 'decisions.markSigned') as [{ decisionId: number; signedAt: string; expectedVersion: number }];
    expect(sent.decisionId).toBe(7);
    expect(sent.expectedVersion).toBe(4);
    expect(Date.parse(sent.signedAt)).toBe(Date.parse('2026-04-16T07:15:00Z'));
  });

  it('records the advisory signals as chosen', async () => {
    const user = userEvent.setup();
    const transport = setup(JUDGMENT);
    await user.click(await screen.findByRole('button', { name: 'Signalen bijwerken' }));
    await user.selectOptions(screen.getByLabelText('Detentiegeschikt (volgens reclassering)'), 'no');
    await user.click(screen.getByRole('button', { name: 'Signalen opslaan' }));
    await screen.findByText('Opgeslagen.');
    expect(callsOf(transport, 'decisions.updateSignals')).toEqual([
      { decisionId: 7, fitForCommunityService: 'yes', fitForDetention: 'no', paymentArrangement: 'no', problematicDebts: 'yes', note: 'Volgens rapport 3RO', expectedVersion: 4 },
    ]);
  });

  it('offers no correction while CJIB has the decision, and no signing once signed', async () => {
    setup({ ...JUDGMENT, judgmentSignedAt: '2026-04-16T07:15:00.000Z', handoff: { ...JUDGMENT.handoff!, status: 'sent', attempt: 2 }, correctable: false });
    await screen.findByRole('region', { name: 'Beslissing' });
    expect(screen.queryByRole('button', { name: 'Beslissing corrigeren' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Rechtsmiddel vastleggen' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Vonnis getekend' })).toBeNull();
    expect(screen.getByText(/Corrigeren kan niet/)).toBeTruthy();
    expect(screen.getByTestId('decision-handoff').textContent).toContain('Verzendpoging: 2');
  });
});
