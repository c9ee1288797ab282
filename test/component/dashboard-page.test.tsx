import { createTestApi } from '../support/test-api';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DashboardPage } from '../../renderer/src/pages/dashboard/DashboardPage';
import { MetricCasesPage } from '../../renderer/src/pages/dashboard/MetricCasesPage';
import type { Dashboard } from '../../shared/metrics/dashboard-schemas';
import { openDemoDatabase } from '../support/demo-database';
import { useTempDir } from '../support/temp-dir';
import { renderWithApp } from './render-with-app';

// eslint-disable-next-line react-hooks/rules-of-hooks -- useTempDir is a test fixture (vitest hooks), not a React hook
const tempDir = useTempDir();
const TODAY = new Date('2026-06-15T10:00:00');

async function backend() {
  const database = await openDemoDatabase(tempDir(), { seed: 7, casesPerYear: 700, asOf: '2026-06-15' });
  const handle = createTestApi(database, { actor: 'test', today: '2026-06-15' });
  const calls: { operation: string; input: unknown }[] = [];
  return {
    database,
    calls,
    handle,
    transport: (operation: string, input: unknown) => {
      calls.push({ operation, input });
      return handle(operation, input);
    },
  };
}

describe('DashboardPage', () => {
  it('shows the key figures of the current period, data tables with captions and links through to the cases', async () => {
    const { database, transport, handle } = await backend();
    renderWithApp(<DashboardPage today={TODAY} />, transport, '/dashboard');
    const figures = await screen.findByRole('list', { name: 'Kerncijfers' }, { timeout: 10_000 });
    const expected = (await handle('metrics.dashboard', { from: '2026-05-01', to: '2026-08-31' })) as { ok: true; value: Dashboard };
    const intakeLink = within(figures).getByRole('link', { name: new RegExp(`^Instroom\\s*${expected.value.intake.total.value}$`) });
    expect(intakeLink.getAttribute('href')).toBe('/dashboard/zaken?drill=intake&van=2026-05-01&tot=2026-08-31');
    expect(screen.getByRole('table', { name: 'Instroom per week naar modaliteit' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Aanbod en capaciteit komende 8 weken' })).toBeTruthy();
    expect(screen.getAllByRole('img').map((img) => img.getAttribute('aria-label'))).toContainEqual(expect.stringMatching(/^Staafdiagram: \d+ zaken ingestroomd/));
    const units = screen.getByRole('table', { name: 'Per politie-eenheid' });
    expect(within(units).getAllByRole('row').length).toBe(expected.value.fairness.byPoliceUnit.groups.length + 2); // header + groups + district
    const backlog = screen.getByRole('table', { name: 'Werkvoorraad naar leeftijd (vandaag)' });
    expect(within(backlog).getAllByRole('link')[0]!.getAttribute('href')).toMatch(/drill=backlog%3A0-7/);
    database.close();
  });

  it('puts filters in the request and narrows the figures', async () => {
    const { database, transport, calls } = await backend();
    renderWithApp(<DashboardPage today={TODAY} />, transport, '/dashboard?van=2026-01-01&tot=2026-04-30');
    await screen.findByRole('list', { name: 'Kerncijfers' }, { timeout: 10_000 });
    await userEvent.selectOptions(screen.getByLabelText('Modaliteit'), 'snelrecht');
    await waitFor(() => expect(calls.at(-1)).toEqual({ operation: 'metrics.dashboard', input: { from: '2026-01-01', to: '2026-04-30', modality: 'snelrecht' } }));
    await userEvent.click(screen.getByRole('button', { name: /T1 2026/ }));
    expect(screen.getByRole('button', { name: /T1 2026/ }).getAttribute('aria-pressed')).toBe('true');
    database.close();
  });
});

describe('MetricCasesPage', () => {
  it('lists the cases behind a figure with links to each case', async () => {
    const { database, transport, handle } = await backend();
    renderWithApp(<MetricCasesPage today={TODAY} />, transport, '/dashboard/zaken?drill=intake-modality%3Asnelrecht&van=2026-01-01&tot=2026-04-30');
    const table = await screen.findByRole('table', {}, { timeout: 10_000 });
    const d = (await handle('metrics.dashboard', { from: '2026-01-01', to: '2026-04-30' })) as { ok: true; value: Dashboard };
    const count = d.value.intake.byModality.find((m) => m.modality === 'snelrecht')!.count;
    expect(within(table).getByText(new RegExp(`^${count} zaken`))).toBeTruthy();
    expect(within(table).getAllByRole('link')[0]!.getAttribute('href')).toMatch(/^\/zaken\/\d+$/);
    expect(screen.getByText(/Instroom, modaliteit snelrecht/)).toBeTruthy();
    database.close();
  });
});
