import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CaseDetail } from '../../shared/api/case-schemas';
import { CaseHistory } from '../../renderer/src/pages/cases/CaseHistory';
import { renderWithApp } from './render-with-app';

type Entry = CaseDetail['history'][number];
const entry = (id: number, action: string, details: Record<string, unknown>, reason = 'Correctie'): Entry => ({
  id,
  occurredAt: '2026-06-15T07:30:00.000Z',
  actor: 'griffier',
  action,
  reason,
  details,
});

const rowText = (reason: string) => screen.getByRole('cell', { name: reason }).closest('tr')!.textContent ?? '';

describe('CaseHistory', () => {
  it('shows each changed value by its field type: a co-defendant group is text, even when it looks like a date (it used to crash the page)', () => {
    renderWithApp(
      <CaseHistory
        history={[
          entry(1, 'case.events_changed', { coDefendantGroup: { from: null, to: 'PL0900-2026041412' } }, 'groep 1'),
          entry(2, 'case.events_changed', { coDefendantGroup: { from: 'PL0900-2026041412', to: 'PV-B-9999' } }, 'groep 2'),
          entry(3, 'case.events_changed', { summonsServedAt: { from: null, to: '2026-06-12T08:05:00.000Z' }, shortTermConsent: { from: false, to: true }, estimatedMinutes: { from: 20, to: 45 } }, 'gebeurtenis'),
          entry(4, 'case.details_changed', { dateOfBirth: { from: '1994-07-03', to: '1994-03-07' }, summonsAddress: { from: 'Kerkstraat 1', to: null }, offenceAt: { from: 'niet te lezen', to: '2026-06-01T12:30:00.000Z' } }, 'gegevens'),
        ]}
      />,
      vi.fn() as never,
    );
    expect(rowText('groep 1')).toContain('Gebeurtenissen gewijzigd: Zaaksgroep (leeg) → PL0900-2026041412');
    expect(rowText('groep 2')).toContain('Zaaksgroep PL0900-2026041412 → PV-B-9999');
    expect(rowText('gebeurtenis')).toContain('Betekening dagvaarding (leeg) → vr 12 jun. 2026 10:05');
    expect(rowText('gebeurtenis')).toContain('Instemming kortere dagvaardingstermijn nee → ja');
    expect(rowText('gebeurtenis')).toContain('Verwachte duur (minuten) 20 → 45');
    // A date of birth is a calendar date; a value that does not fit its type is shown as stored.
    expect(rowText('gegevens')).toBe(
      'ma 15 jun. 2026 09:30griffierGegevens gecorrigeerd: Geboortedatum 3 juli 1994 → 7 maart 1994; Adres voor dagvaarding Kerkstraat 1 → (leeg); Pleegdatum niet te lezen → ma 1 jun. 2026 14:30gegevens',
    );
  });
});
