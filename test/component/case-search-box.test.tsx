import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { CaseSearchOutput, CaseSearchResult } from '../../shared/api/case-search-schemas';
import type { ApiEnvelope } from '../../shared/api/envelope';
import { CaseSearchBox } from '../../renderer/src/components/search/CaseSearchBox';
import { renderWithApp } from './render-with-app';

const RESULT: CaseSearchResult = {
  id: 7,
  parketnummer: '19/987654-26',
  suspectName: 'Ömer Öztürk',
  dateOfBirth: '1994-07-03',
  modality: 'snelrecht',
  status: 'awaiting_planning',
  detained: true,
  policeUnit: 'Basisteam Zuidkust',
  offenceSummary: 'Zakkenrollerij',
  hardLimit: { at: '2026-06-18T08:00:00.000Z', kind: 'hearing' },
};
const OTHER: CaseSearchResult = { ...RESULT, id: 8, parketnummer: '19/987655-26', suspectName: 'A. Öztürk', detained: false, hardLimit: null, modality: 'snelrecht_nd' };

/** A transport answering cases.search from `answers` by query (pending until `release` when `hold` is set). */
function searchTransport(answers: Record<string, CaseSearchResult[]>) {
  let hold: Promise<void> | null = null;
  const transport = vi.fn(async (operation: string, input: unknown): Promise<ApiEnvelope<unknown>> => {
    if (operation !== 'cases.search') return { ok: false, error: { code: 'NOT_FOUND', message: operation } } as ApiEnvelope<unknown>;
    if (hold) await hold;
    const { query } = input as { query: string };
    const results = answers[query] ?? [];
    const value: CaseSearchOutput = { query, tooShort: false, more: false, results };
    return { ok: true, value };
  });
  return {
    transport,
    searches: () => transport.mock.calls.filter(([operation]) => operation === 'cases.search').map(([, input]) => (input as { query: string }).query),
    holdNext: () => {
      let release = () => {};
      hold = new Promise<void>((resolve) => (release = resolve));
      return () => {
        hold = null;
        release();
      };
    },
  };
}

function renderBox(transport: ReturnType<typeof searchTransport>['transport']) {
  return renderWithApp(
    <>
      <CaseSearchBox />
      <button type="button">Elders op de pagina</button>
      <main id="main" tabIndex={-1}>
        <Routes>
          <Route path="/zaken/:id" element={<p>Zaakpagina geopend</p>} />
          <Route path="*" element={<p>Startpagina</p>} />
        </Routes>
      </main>
    </>,
    transport,
  );
}

describe('the search box in the header (combobox)', () => {
  it('asks for 3 characters before it searches, then lists the cases; arrow down and Enter open the case', async () => {
    const user = userEvent.setup();
    const { transport, searches } = searchTransport({ 'öztürk': [RESULT, OTHER] });
    renderBox(transport);
    const box = screen.getByRole('combobox', { name: 'Zaak zoeken op naam, parketnummer, politie-eenheid of feit' });
    expect(box.getAttribute('aria-expanded')).toBe('false');

    await user.type(box, 'öz');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Typ ten minste 3 tekens van een naam, parketnummer, politie-eenheid of feit.'));
    expect(box.getAttribute('aria-expanded')).toBe('true');
    await user.type(box, 'türk');
    const options = await screen.findAllByRole('option');
    expect(options).toHaveLength(2);
    // Debounced: one request for the whole word, none for the short start.
    expect(searches()).toEqual(['öztürk']);
    expect(options[0]!.textContent).toContain('19/987654-26');
    expect(options[0]!.textContent).toContain('geb. 3 juli 1994');
    expect(options[0]!.textContent).toContain('Gedetineerd');
    expect(options[0]!.textContent).toContain('berechting uiterlijk (wettelijk)');
    expect(screen.getByRole('status').textContent).toBe('2 zaken gevonden. Kies met de pijltjestoetsen en Enter.');

    await user.keyboard('{ArrowDown}');
    expect(box.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowDown}');
    expect(box.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    await user.keyboard('{ArrowUp}{Enter}');
    expect(await screen.findByText('Zaakpagina geopend')).toBeTruthy();
    expect((box as HTMLInputElement).value).toBe('');
    expect(box.getAttribute('aria-expanded')).toBe('false');
  });

  it('says so when nothing is found, and Escape closes the list', async () => {
    const user = userEvent.setup();
    const { transport } = searchTransport({});
    renderBox(transport);
    const box = screen.getByRole('combobox');
    await user.type(box, 'qqqzzz');
    expect(await screen.findByText(/Geen zaken gevonden voor ‘qqqzzz’/)).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText(/Geen zaken gevonden/)).toBeNull();
  });

  it('keeps the previous list while the next one loads (no flicker)', async () => {
    const user = userEvent.setup();
    const search = searchTransport({ 'öztürk': [RESULT, OTHER], 'öztürk a.': [OTHER] });
    renderBox(search.transport);
    const box = screen.getByRole('combobox');
    await user.type(box, 'öztürk');
    expect(await screen.findAllByRole('option')).toHaveLength(2);
    const release = search.holdNext();
    await user.type(box, ' a.');
    await waitFor(() => expect(search.searches()).toContain('öztürk a.'));
    expect(screen.getAllByRole('option')).toHaveLength(2);
    release();
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(1));
  });

  it('Ctrl+K and Cmd+K focus the box from anywhere', async () => {
    const user = userEvent.setup();
    const { transport } = searchTransport({});
    renderBox(transport);
    const box = screen.getByRole('combobox');
    expect(box.getAttribute('aria-keyshortcuts')).toBe('Control+K Meta+K');
    screen.getByRole('button', { name: 'Elders op de pagina' }).focus();
    await user.keyboard('{Control>}k{/Control}');
    expect(document.activeElement).toBe(box);
    screen.getByRole('button', { name: 'Elders op de pagina' }).focus();
    await user.keyboard('{Meta>}k{/Meta}');
    expect(document.activeElement).toBe(box);
  });

  it('Enter without a highlighted case opens the first one (a whole parketnummer, then Enter)', async () => {
    const user = userEvent.setup();
    const { transport } = searchTransport({ '19/987654-26': [RESULT] });
    renderBox(transport);
    const box = screen.getByRole('combobox');
    await user.type(box, '19/987654-26');
    await screen.findByRole('option');
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Zaakpagina geopend')).toBeTruthy();
  });
});
