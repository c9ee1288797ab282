import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Route, Routes } from 'react-router';
import { PageBoundaryOutlet } from '../../renderer/src/components/PageErrorBoundary';
import { renderWithApp } from './render-with-app';

function BrokenPage(): never {
  throw new Error('Cannot read properties of undefined (reading "sessions")');
}

const noBackend = vi.fn(async () => ({ ok: true as const, value: null }));

function renderRoutes(route: string) {
  return renderWithApp(
    <Routes>
      <Route element={<PageBoundaryOutlet />}>
        <Route path="/kapot" element={<BrokenPage />} />
        <Route path="/zittingen" element={<h1>Zittingen van deze week</h1>} />
      </Route>
    </Routes>,
    noBackend,
    route,
  );
}

describe('the page error boundary', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows a Dutch message, a way back and the copyable error text instead of a blank window', async () => {
    // React reports the caught error on the console; the test only wants the page.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const user = userEvent.setup();
    renderRoutes('/kapot');

    expect(screen.getByRole('heading', { name: 'Deze pagina kon niet worden getoond' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Opnieuw proberen' })).toBeTruthy();
    const details = screen.getByRole('textbox', { name: 'Technische details (voor de beheerder)' }) as HTMLTextAreaElement;
    expect(details.value).toContain('Pagina: /kapot');
    expect(details.value).toContain('Cannot read properties of undefined');
    expect(screen.getByRole('button', { name: 'Kopieer foutmelding' })).toBeTruthy();

    await user.click(screen.getByRole('link', { name: 'Terug naar het overzicht' }));
    expect(screen.getByRole('heading', { name: 'Zittingen van deze week' })).toBeTruthy();
    expect(screen.queryByText('Deze pagina kon niet worden getoond')).toBeNull();
  });

  it('leaves a page that renders alone', () => {
    renderRoutes('/zittingen');
    expect(screen.getByRole('heading', { name: 'Zittingen van deze week' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
