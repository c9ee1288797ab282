import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { RollEntry, SessionRoll } from '../../shared/outcomes/decision-schemas';
import { SessionRollPage } from '../../renderer/src/pages/outcomes/SessionRollPage';
import { renderWithApp } from './render-with-app';
import { withRequestId } from './request-id';

const entry = (hearingId: number, parketnummer: string, suspectName: string): RollEntry => ({
  hearingId,
  hearingStatus: 'planned',
  caseId: hearingId * 10,
  caseVersion: 3,
  parketnummer,
  caseStatus: 'planned',
  suspectName,
  modality: 'snelrecht',
  offenceSummary: 'Winkeldiefstal',
  outcome: null,
  decision: null,
  probationAdvice: null,
});

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
  entries: [entry(1, '19/100001-26', 'J. Jansen'), entry(2, '19/100002-26', 'P. de Vries')],
};

function renderPage(transport: ReturnType<typeof vi.fn>) {
  return renderWithApp(
    <Routes>
      <Route path="/zittingen/:sessionId/uitspraken" element={<SessionRollPage />} />
    </Routes>,
    transport as never,
    '/zittingen/5/uitspraken',
  );
}

describe('SessionRollPage', () => {
  it('records a judgment from the keyboard: the substitute detention is suggested, Enter saves and focuses the next case', async () => {
    let recorded = false;
    const transport = vi.fn(async (operation: string, input: unknown) => {
      if (operation === 'outcomes.roll') {
        if (!recorded) return { ok: true as const, value: ROLL };
        const done = { ...ROLL.entries[0]!, outcome: { outcome: 'decided', suspectPresent: true, reason: null, resumeFrom: null, note: null, recordedBy: 'griffier', recordedAt: '2026-06-15T10:00:00.000Z' } };
        return { ok: true as const, value: { ...ROLL, entries: [done, ROLL.entries[1]!] } };
      }
      if (operation === 'outcomes.record') {
        recorded = true;
        return { ok: true as const, value: { hearingId: 1, caseId: 10, outcome: 'decided', decision: null, input } };
      }
      throw new Error(`unexpected ${operation}`);
    });
    const user = userEvent.setup();
    renderPage(transport);

    const first = await screen.findByRole('form', { name: 'Uitkomst van zaak 19/100001-26' });
    expect(screen.getByRole('heading', { level: 2, name: '1. 19/100001-26 · J. Jansen' })).toBeTruthy();
    expect(screen.getByText('Nog 2 van 2 zaken zonder uitkomst.')).toBeTruthy();
    expect(within(first).getByRole('radio', { name: 'Uitspraak' })).toHaveProperty('checked', true);
    expect(within(first).getByText(/nooit berekend en nooit een score/)).toBeTruthy();

    // Keyboard only: focus the presence group, choose 'ja' with the space bar, type the amount.
    within(first).getByRole('radio', { name: 'ja' }).focus();
    await user.keyboard(' ');
    await user.click(within(first).getByLabelText('Bedrag (euro)'));
    await user.keyboard('450');
    expect(within(first).getByLabelText('Vervangende hechtenis (dagen)')).toHaveProperty('value', '9');
    expect(within(first).getByText('Suggestie: 9 dagen (aanpasbaar; de rechter beslist)')).toBeTruthy();
    // The suggestion stays editable: the clerk overrides it.
    await user.clear(within(first).getByLabelText('Vervangende hechtenis (dagen)'));
    await user.type(within(first).getByLabelText('Vervangende hechtenis (dagen)'), '8');

    const judge = within(first).getByLabelText('Beslist door (rechter)');
    expect(judge).toHaveProperty('value', 'mr. A. de Boer');
    await user.click(judge);
    await user.keyboard('{Enter}');

    await waitFor(() => expect(transport).toHaveBeenCalledWith('outcomes.record', expect.anything(), withRequestId));
    const sent = transport.mock.calls.find(([operation]) => operation === 'outcomes.record')![1];
    expect(sent).toMatchObject({
      hearingId: 1,
      outcome: 'decided',
      suspectPresent: true,
      decidedBy: 'mr. A. de Boer',
      verdict: 'sanctions',
      sanctions: [{ kind: 'fine', amountCents: 45000, substituteDetentionDays: 8, conditional: false }],
      signals: { fitForCommunityService: 'unknown', fitForDetention: 'unknown', paymentArrangement: 'unknown', problematicDebts: 'unknown' },
    });
    const second = screen.getByRole('form', { name: 'Uitkomst van zaak 19/100002-26' });
    await waitFor(() => expect(document.activeElement).toBe(within(second).getByRole('radio', { name: 'Uitspraak' })));
    expect(await screen.findByText('Nog 1 van 2 zaken zonder uitkomst.')).toBeTruthy();
    expect(screen.getByTestId('recorded-outcome').textContent).toContain('Uitspraak');
  });

  it('names every wrong or missing field in Dutch at once and sends nothing', async () => {
    const transport = vi.fn(async (operation: string) => {
      if (operation === 'outcomes.roll') return { ok: true as const, value: ROLL };
      throw new Error(`unexpected ${operation}`);
    });
    const user = userEvent.setup();
    renderPage(transport);
    const first = await screen.findByRole('form', { name: 'Uitkomst van zaak 19/100001-26' });
    await user.type(within(first).getByLabelText('Bedrag (euro)'), '12,345');
    await user.click(within(first).getByLabelText('Beslist door (rechter)'));
    await user.keyboard('{Enter}');
    expect(within(first).getByText('Geen geldig bedrag: typ bijvoorbeeld 450 of 450,50')).toBeTruthy();
    // Not one at a time: the missing presence is named together with the amount.
    expect(within(first).getByText('Kies of de verdachte aanwezig was')).toBeTruthy();

    await user.clear(within(first).getByLabelText('Bedrag (euro)'));
    await user.type(within(first).getByLabelText('Bedrag (euro)'), '100');
    await user.click(within(first).getByLabelText('Beslist door (rechter)'));
    await user.keyboard('{Enter}');
    expect(within(first).getByText('Kies of de verdachte aanwezig was')).toBeTruthy();
    expect(transport.mock.calls.map(([operation]) => operation)).toEqual(['outcomes.roll']);
  });

  it('asks for a reason and a resume date for an adjournment', async () => {
    const transport = vi.fn(async (operation: string) => {
      if (operation === 'outcomes.roll') return { ok: true as const, value: ROLL };
      throw new Error(`unexpected ${operation}`);
    });
    const user = userEvent.setup();
    renderPage(transport);
    const first = await screen.findByRole('form', { name: 'Uitkomst van zaak 19/100001-26' });
    await user.click(within(first).getByRole('radio', { name: 'Aangehouden' }));
    await user.click(within(first).getByLabelText('Reden van aanhouding'));
    await user.keyboard('{Enter}');
    expect(within(first).getByText('Vul de reden van aanhouding in')).toBeTruthy();
    expect(within(first).getByText("Vul de datum 'weer te plannen vanaf' in")).toBeTruthy();
  });
});
